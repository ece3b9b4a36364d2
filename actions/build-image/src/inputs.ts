/**
 * build-image inputs: the only place they are parsed. Keys as in build-image/action.yml (defaults
 * live there); every check that needs no engine or registry runs here, before anything is built.
 */
import { InputError, type InputReader, parseBoolean, parseChoice, parseKeyValues } from '@ml-deploy/action-kit';
import { isImageReference, parseImageReference } from '@ml-deploy/oci';
import { parseLabelLines } from './labels';
import { renderTags, type TagContext } from './tags';

export const ENGINES = ['auto', 'docker', 'buildah', 'podman'] as const;
export type EngineChoice = (typeof ENGINES)[number];

export interface Inputs {
  model: string | undefined;
  context: string;
  dockerfile: string | undefined;
  /** Repository without tag or digest: `registry/path/name`. */
  image: string;
  tags: string[];
  /** Template lines left out (no value for a placeholder), for the log. */
  'skipped-tags': { line: string; missing: string }[];
  push: boolean;
  engine: EngineChoice;
  platforms: string[];
  'base-image': string;
  labels: Record<string, string>;
  'model-name': string | undefined;
  'model-version': string | undefined;
  'model-dir': string;
  'source-date-epoch': number | undefined;
  licenses: string | undefined;
  'build-args': Array<[string, string]>;
}

const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
/** Platforms the built-in server ships ONNX Runtime binaries for. */
export const SERVER_PLATFORMS = ['linux/amd64', 'linux/arm64'];

/** The model name and version in validate-model's metadata label, when `labels` carries it. */
function fromMetadataLabel(labels: Record<string, string>): { name?: string; version?: string } {
  const text = labels['org.ml-deploy.model.metadata'];
  if (!text) return {};
  try {
    const doc = JSON.parse(text) as { name?: unknown; version?: unknown };
    return { ...(typeof doc.name === 'string' ? { name: doc.name } : {}), ...(typeof doc.version === 'string' ? { version: doc.version } : {}) };
  } catch {
    throw new InputError('labels', text, "the org.ml-deploy.model.metadata label as validate-model writes it (JSON)");
  }
}

export function parseInputs(read: InputReader, env: NodeJS.ProcessEnv = process.env): Inputs {
  const optional = (name: string): string | undefined => read(name)?.trim();

  const dockerfile = optional('dockerfile');
  const model = optional('model');
  if (!model && !dockerfile) throw new InputError('model', '', 'the model file or folder to serve (required without a dockerfile: the built-in server needs a model)');

  const imageRaw = optional('image');
  if (!imageRaw) throw new InputError('image', '', 'the repository to tag, e.g. ghcr.io/acme/churn-model (this input is required)');
  const ref = parseImageReference(imageRaw);
  if (!isImageReference(ref)) throw new InputError('image', imageRaw, `a repository such as ghcr.io/acme/churn-model (${ref.error})`);
  if (ref.tag !== undefined || ref.digest !== undefined) throw new InputError('image', imageRaw, "a repository without tag or digest; tags come from the 'tags' input");

  let labels: Record<string, string> = {};
  const labelText = read('labels');
  if (labelText) {
    try {
      labels = parseLabelLines(labelText);
    } catch (err) {
      throw new InputError('labels', labelText, `key=value lines, as validate-model's 'labels' output (${(err as Error).message})`);
    }
  }
  const meta = fromMetadataLabel(labels);
  const modelVersion = optional('model-version') ?? meta.version ?? labels['org.opencontainers.image.version'];
  const modelName = optional('model-name') ?? meta.name;

  const tagContext: TagContext = { modelVersion, sha: env.GITHUB_SHA, ref: env.GITHUB_REF };
  const tagTemplate = read('tags') ?? '{{model-version}}';
  let rendered;
  try {
    rendered = renderTags(tagTemplate, tagContext);
  } catch (err) {
    throw new InputError('tags', tagTemplate, `one tag template per line (${(err as Error).message})`);
  }
  if (rendered.tags.length === 0) {
    throw new InputError('tags', tagTemplate, `at least one tag with a value here (${rendered.skipped.map((s) => `'${s.line}' has no {{${s.missing}}}`).join('; ') || 'the template is empty'}); add a fixed tag or {{short-sha}}`);
  }

  const platformsRaw = optional('platforms') ?? '';
  const platforms = platformsRaw.split(/[\s,]+/).filter((p) => p !== '');
  for (const p of platforms) {
    if (!PLATFORM.test(p)) throw new InputError('platforms', platformsRaw, `os/arch[/variant] entries such as linux/amd64,linux/arm64; '${p}' is not one`);
    if (!dockerfile && !SERVER_PLATFORMS.includes(p)) throw new InputError('platforms', platformsRaw, `${SERVER_PLATFORMS.join(' or ')} for the built-in server (ONNX Runtime ships for those); '${p}' is not`);
  }

  const base = optional('base-image') ?? '';
  if (!dockerfile && !base) throw new InputError('base-image', '', 'an image with Node 24 whose entrypoint runs node (the built-in server needs one)');
  if (base && !isImageReference(parseImageReference(base))) throw new InputError('base-image', base, 'an image reference, pinned by digest: registry/repo@sha256:<hex>');

  const modelDir = optional('model-dir') ?? '/opt/ml/model';
  if (!/^\/[A-Za-z0-9_.\-/]*$/.test(modelDir) || modelDir.split('/').includes('..')) throw new InputError('model-dir', modelDir, 'an absolute path inside the image such as /opt/ml/model');

  const epochRaw = optional('source-date-epoch') ?? (env.SOURCE_DATE_EPOCH || undefined);
  let epoch: number | undefined;
  if (epochRaw !== undefined) {
    if (!/^\d{1,11}$/.test(epochRaw)) throw new InputError('source-date-epoch', epochRaw, 'seconds since 1970 (a whole number), e.g. $(git log -1 --format=%ct)');
    epoch = Number(epochRaw);
  }

  const licenses = optional('licenses');
  if (licenses !== undefined && !/^[A-Za-z0-9.+\-() ]{1,200}$/.test(licenses)) throw new InputError('licenses', licenses, 'an SPDX license expression such as Apache-2.0 or (MIT OR Apache-2.0)');

  return {
    model,
    context: optional('context') ?? '.',
    dockerfile,
    image: imageRaw,
    tags: rendered.tags,
    'skipped-tags': rendered.skipped,
    push: parseBoolean('push', read('push') ?? 'false'),
    engine: parseChoice('engine', read('engine') ?? 'auto', ENGINES),
    platforms,
    'base-image': base,
    labels,
    'model-name': modelName,
    'model-version': modelVersion,
    'model-dir': modelDir.replace(/\/+$/, '') || '/',
    'source-date-epoch': epoch,
    licenses,
    'build-args': parseKeyValues('build-args', read('build-args') ?? ''),
  };
}
