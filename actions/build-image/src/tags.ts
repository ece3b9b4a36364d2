/**
 * Tags from a template: one line per tag, with placeholders filled from the model and the git
 * context. A line whose placeholder has no value here (`{{semver}}` on a branch build) is left out,
 * as docker/metadata-action does, and said in the log.
 */
export interface TagContext {
  modelVersion?: string | undefined;
  /** Full commit SHA. */
  sha?: string | undefined;
  /** `refs/heads/<branch>`, `refs/tags/<tag>`, `refs/pull/<n>/merge`. */
  ref?: string | undefined;
}

export const TAG_PLACEHOLDERS = ['model-version', 'sha', 'short-sha', 'branch', 'semver', 'major', 'minor', 'major.minor'] as const;

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
/** Docker's tag grammar. */
export const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** A value made tag-safe: other characters become '-', leading '.'/'-' dropped, cut to 128. */
export function sanitizeTag(value: string): string {
  return value.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[.-]+/, '').slice(0, 128);
}

export function placeholderValues(ctx: TagContext): Record<string, string | undefined> {
  const ref = ctx.ref ?? '';
  const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
  const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
  const semver = tag ? SEMVER.exec(tag) : null;
  // A pre-release (1.2.0-rc.1) gets its own semver tag but never moves major/minor tags.
  const stable = semver && semver[4] === undefined;
  return {
    'model-version': ctx.modelVersion || undefined,
    sha: ctx.sha || undefined,
    'short-sha': ctx.sha ? ctx.sha.slice(0, 7) : undefined,
    branch: branch || undefined,
    semver: semver ? `${semver[1]}.${semver[2]}.${semver[3]}${semver[4] ? `-${semver[4]}` : ''}` : undefined,
    major: stable ? semver[1] : undefined,
    minor: stable ? semver[2] : undefined,
    'major.minor': stable ? `${semver[1]}.${semver[2]}` : undefined,
  };
}

export interface RenderedTags {
  tags: string[];
  /** Lines left out, with the placeholder that had no value. */
  skipped: { line: string; missing: string }[];
}

/** Throws `Error` (the caller turns it into an InputError on `tags`) for unknown placeholders or bad tags. */
export function renderTags(template: string, ctx: TagContext): RenderedTags {
  const values = placeholderValues(ctx);
  const tags: string[] = [];
  const skipped: RenderedTags['skipped'] = [];
  for (const raw of template.split(/\r?\n|,/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    let missing: string | undefined;
    const rendered = line.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_m, name: string) => {
      if (!(TAG_PLACEHOLDERS as readonly string[]).includes(name)) {
        throw new Error(`unknown placeholder {{${name}}} in '${line}' (known: ${TAG_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')})`);
      }
      const v = values[name];
      if (v === undefined) missing ??= name;
      return v === undefined ? '' : sanitizeTag(v);
    });
    if (missing) {
      skipped.push({ line, missing });
      continue;
    }
    if (rendered.includes('{') || rendered.includes('}')) throw new Error(`'${line}' has an unclosed placeholder; write {{name}}`);
    if (!TAG.test(rendered)) throw new Error(`'${line}' renders to '${rendered}', which is not a valid tag (letters, digits, '_', '.', '-'; at most 128; not starting with '.' or '-')`);
    if (!tags.includes(rendered)) tags.push(rendered);
  }
  return { tags, skipped };
}
