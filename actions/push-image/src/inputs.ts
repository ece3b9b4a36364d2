/**
 * push-image inputs: the only place they are parsed. Keys are spelled as in push-image/action.yml;
 * every check that needs no registry call runs here, before anything is read or written.
 */
import { InputError, type InputReader, parseBoolean, parseChoice, parseList, type SecretRegistry } from '@ml-deploy/action-kit';
import { type ImageReference, isImageReference, parseImageReference } from '@ml-deploy/oci';

export const AUTH_MODES = ['auto', 'ecr', 'gcp', 'ghcr', 'basic', 'docker-config', 'anonymous'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export interface SideInputs {
  reference: string;
  ref: ImageReference;
  auth: AuthMode;
  username: string | undefined;
  password: string | undefined;
}

export interface Inputs {
  source: SideInputs;
  target: SideInputs;
  tags: string[];
  mount: boolean;
  'chunk-size': number;
  'github-token': string | undefined;
  region: string | undefined;
  'report-path': string | undefined;
}

const TAG = /^[\w][\w.-]{0,127}$/;
/** 5 MiB is ECR's smallest layer part (all but the last); smaller chunks only suit other registries. */
const MIN_CHUNK = 64 * 1024;
const MAX_CHUNK = 1024 * 1024 * 1024;

export function parseInputs(read: InputReader, secrets: SecretRegistry): Inputs {
  // Secrets first, so no later error message can carry one unmasked.
  for (const name of ['source-password', 'password', 'github-token']) secrets.add(read(name)?.trim());

  const source = side(read, 'source', 'source-auth', 'source-username', 'source-password');
  if (!source.ref.digest && !source.ref.tag) {
    throw new InputError('source', source.reference, 'an image reference with a tag or, better, a digest (registry/repo@sha256:...): the digest is what gets promoted');
  }
  const target = side(read, 'target', 'target-auth', 'username', 'password');
  const tags = parseList(read('tags') ?? '');
  for (const t of tags) {
    if (!TAG.test(t)) throw new InputError('tags', t, 'tags of letters, digits, _ . - (at most 128, not starting with . or -)');
  }
  const token = read('github-token')?.trim();
  if (target.auth === 'ghcr' && !token && !target.password) {
    throw new InputError('github-token', '', "a token for ghcr.io (the default is the workflow's GITHUB_TOKEN; the job needs 'permissions: packages: write')");
  }
  const region = read('region')?.trim();
  if (region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new InputError('region', region, 'an AWS region such as us-east-1');
  return {
    source,
    target,
    tags,
    mount: parseBoolean('mount', read('mount') ?? 'true'),
    'chunk-size': parseSize('chunk-size', read('chunk-size') ?? '16MiB'),
    'github-token': token,
    region,
    'report-path': read('report-path')?.trim(),
  };
}

function side(read: InputReader, refName: string, authName: string, userName: string, passName: string): SideInputs {
  const reference = read(refName)?.trim();
  if (reference === undefined) throw new InputError(refName, '', 'an image reference (this input is required)');
  const ref = parseImageReference(reference);
  if (!isImageReference(ref)) throw new InputError(refName, reference, `an image reference such as registry/repo:tag or registry/repo@sha256:<digest> (${ref.error})`);
  const auth = parseChoice(authName, read(authName)?.trim() ?? 'auto', AUTH_MODES);
  const username = read(userName)?.trim();
  const password = read(passName)?.trim();
  if ((username === undefined) !== (password === undefined)) {
    throw new InputError(username === undefined ? userName : passName, '', `a value: '${userName}' and '${passName}' go together`);
  }
  if (auth === 'basic' && username === undefined) throw new InputError(userName, '', `a user name ('${authName}: basic' needs '${userName}' and '${passName}')`);
  return { reference, ref, auth, username, password };
}

/** `16MiB`, `512KiB`, `1GiB`, or a plain byte count. */
export function parseSize(input: string, raw: string): number {
  const m = /^\s*(\d+)\s*(B|KiB|MiB|GiB)?\s*$/.exec(raw);
  const unit = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 }[m?.[2] ?? 'B'];
  const n = m ? Number(m[1]) * unit! : Number.NaN;
  if (!Number.isSafeInteger(n) || n < MIN_CHUNK || n > MAX_CHUNK) {
    throw new InputError(input, raw, 'a size from 64KiB to 1GiB such as 16MiB (ECR needs at least 5MiB)');
  }
  return n;
}
