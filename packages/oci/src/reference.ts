/**
 * Image references as the distribution spec and Docker define them:
 *   [registry[:port]/]path[:tag][@algorithm:hex]
 * Parsed strictly so a typo ("repo:tag:extra", upper case, a stray space) fails before a task
 * definition is registered, rather than as an image pull error minutes into a rollout.
 */
export interface ImageReference {
  /** Registry host (with port), or undefined for Docker Hub shorthand (`nginx`, `library/nginx`). */
  registry: string | undefined;
  /** Repository path without registry, e.g. `team/model-server`. */
  repository: string;
  tag: string | undefined;
  /** `sha256:<64 hex>` when the reference pins a digest. */
  digest: string | undefined;
}

// Grammar from the distribution reference spec, kept readable.
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(
  `^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`,
);

const DIGEST_ALGORITHMS: Record<string, number> = { sha256: 64, sha512: 128 };

/** Parses an image reference, or returns a reason it is not one. */
export function parseImageReference(text: string): ImageReference | { error: string } {
  if (text !== text.trim() || /\s/.test(text)) return { error: 'it contains white space' };
  if (text.length > 4096) return { error: 'it is longer than 4096 characters' };
  const m = REFERENCE.exec(text);
  if (!m) {
    if (/[A-Z]/.test(text.split('@')[0]!.split('/').slice(1).join('/') || (text.includes('/') ? '' : text.split(':')[0]!))) {
      return { error: 'repository names must be lower case' };
    }
    return { error: 'it is not of the form [registry/]repository[:tag][@sha256:digest]' };
  }
  let registry = m[1];
  let repository = m[2]!;
  // "localhost/x" and "host.name/x" and "host:5000/x" name a registry; "team/x" does not.
  if (registry !== undefined && !/[.:]/.test(registry) && registry !== 'localhost' && !registry.startsWith('[')) {
    repository = `${registry}/${repository}`;
    registry = undefined;
  }
  if (registry !== undefined && registry.toLowerCase() !== registry && !/[.:]/.test(registry)) {
    return { error: 'registry host is not valid' };
  }
  // distribution's NameTotalLengthMax: registry and path together; and a name of 64 hex digits
  // is refused by Docker as ambiguous with an image ID.
  const name = registry !== undefined ? `${registry}/${repository}` : repository;
  if (name.length > 255) return { error: `the repository name is ${name.length} characters; at most 255 (registry and path together)` };
  if (/^[a-f0-9]{64}$/.test(repository)) return { error: 'a repository named by 64 hex digits reads as an image ID; give it a name' };
  const digest = m[4];
  if (digest !== undefined) {
    const [alg, hex] = digest.split(':') as [string, string];
    const want = DIGEST_ALGORITHMS[alg];
    if (want === undefined) return { error: `digest algorithm '${alg}' is not supported (use sha256)` };
    if (hex.length !== want || !/^[0-9a-f]+$/.test(hex)) {
      return { error: `a ${alg} digest has ${want} lower-case hex characters` };
    }
  }
  return { registry, repository, tag: m[3], digest };
}

export function isImageReference(value: ImageReference | { error: string }): value is ImageReference {
  return !('error' in value);
}

/** Formats a reference back to text (the canonical short form, without adding defaults). */
export function formatImageReference(ref: ImageReference): string {
  return `${ref.registry ? `${ref.registry}/` : ''}${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
