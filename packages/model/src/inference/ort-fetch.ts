/**
 * ONNX Runtime's native files, fetched on first use instead of committed: every `uses:` of any
 * ml-deploy action downloads the whole repository, and the runtime is 70 MB of it. The exact
 * onnxruntime-node release is pinned here with the sha512 `integrity` the npm registry publishes
 * for its tarball (the same string pnpm-lock.yaml records, checked by a test). The tarball is
 * downloaded from the registry, hashed as it streams to disk, and refused unless the hash matches;
 * only then are the two files this platform needs (the N-API binding and libonnxruntime.so.1)
 * extracted into a cache laid out as @actions/tool-cache lays out the runner's tool cache
 * (`<root>/onnxruntime-node/<version>/<arch>` plus `<arch>.complete`), so a later step or job on
 * the same runner finds it there.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { TarReader } from '../tar/tar-reader';
import { InferenceUnavailableError } from './ort-runtime';

/** The onnxruntime-node release the smoke test and the model server run, and its tarball's hash. */
export const ONNXRUNTIME_NODE = {
  name: 'onnxruntime-node',
  version: '1.30.0',
  /** `dist.integrity` of the tarball in the npm registry (and in pnpm-lock.yaml). */
  integrity: 'sha512-twhs1C2C/BFkz1yc5OY0KIU2GUq6DURO7hD4bx5Q2Qy3nAMJwRXW8xU3NVczE29VA9lolLOYepoD8fjTGOfIqw==',
} as const;

export const DEFAULT_NPM_REGISTRY = 'https://registry.npmjs.org';

/** The files one platform needs, as they sit in the package. */
const FILES = ['onnxruntime_binding.node', 'libonnxruntime.so.1'];

/** The published tarball is about 100 MB; anything far larger is not it. */
const MAX_TARBALL_BYTES = 512 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000;
const PROGRESS_EVERY_MS = 15_000;

/** The downloaded tarball is not the one pinned: it was not used, and nothing was cached. */
export class OnnxRuntimeIntegrityError extends Error {
  override readonly name = 'OnnxRuntimeIntegrityError';
}

export interface OnnxRuntimeFetchOptions {
  /** Cache root (the runner's tool cache). */
  cacheRoot: string;
  /** Registry base URL (default {@link DEFAULT_NPM_REGISTRY}). */
  registry?: string;
  /** `x64` or `arm64` (default: this process's). */
  arch?: string;
  platform?: string;
  /** The pinned integrity; tests pass their own tarball's. */
  integrity?: string;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/**
 * Where the cache root and the registry come from in an action or a CLI: `ML_DEPLOY_ORT_CACHE`,
 * else the runner's `RUNNER_TOOL_CACHE`, else `~/.cache/ml-deploy`; `ML_DEPLOY_NPM_REGISTRY`, else
 * npm's own `npm_config_registry`, else registry.npmjs.org.
 */
export function onnxRuntimeFetchEnv(env: NodeJS.ProcessEnv = process.env): { cacheRoot: string; registry: string } {
  const cacheRoot = env.ML_DEPLOY_ORT_CACHE || env.RUNNER_TOOL_CACHE || join(env.XDG_CACHE_HOME || join(homedir() || tmpdir(), '.cache'), 'ml-deploy');
  const registry = env.ML_DEPLOY_NPM_REGISTRY || env.npm_config_registry || env.NPM_CONFIG_REGISTRY || DEFAULT_NPM_REGISTRY;
  return { cacheRoot, registry };
}

/** The cached folder for one architecture, and its completion marker (tool-cache's layout). */
export function onnxRuntimeCachePath(cacheRoot: string, arch: string): { dir: string; marker: string } {
  const dir = join(cacheRoot, ONNXRUNTIME_NODE.name, ONNXRUNTIME_NODE.version, arch);
  return { dir, marker: `${dir}.complete` };
}

/** The tarball's URL in a registry (npm's layout: `<registry>/<name>/-/<name>-<version>.tgz`). */
export function onnxRuntimeTarballUrl(registry: string): string {
  const base = registry.endsWith('/') ? registry : `${registry}/`;
  return new URL(`${ONNXRUNTIME_NODE.name}/-/${ONNXRUNTIME_NODE.name}-${ONNXRUNTIME_NODE.version}.tgz`, base).href;
}

/**
 * The folder holding this platform's binding and libonnxruntime.so.1: from the cache, or
 * downloaded, verified and extracted into it first.
 * @throws InferenceUnavailableError when the platform is not supported or the download fails;
 *   OnnxRuntimeIntegrityError when the tarball is not the pinned one.
 */
export async function ensureOnnxRuntime(opts: OnnxRuntimeFetchOptions): Promise<string> {
  const arch = opts.arch ?? process.arch;
  const dirs = await ensureOnnxRuntimes(opts, [arch]);
  return dirs[arch]!;
}

function cached(cacheRoot: string, arch: string): boolean {
  const { dir, marker } = onnxRuntimeCachePath(cacheRoot, arch);
  return existsSync(marker) && FILES.every((f) => existsSync(join(dir, f)));
}

/**
 * The folders of several Linux architectures (build-image stages one per image platform): the
 * cached ones as they are, the others from one download of the tarball (it holds every platform),
 * verified before anything is extracted.
 * @throws as {@link ensureOnnxRuntime}.
 */
export async function ensureOnnxRuntimes(opts: OnnxRuntimeFetchOptions, archs: readonly string[]): Promise<Record<string, string>> {
  const platform = opts.platform ?? process.platform;
  for (const arch of archs) {
    if (platform !== 'linux' || (arch !== 'x64' && arch !== 'arm64')) {
      throw new InferenceUnavailableError(`ONNX Runtime is fetched for linux-x64 and linux-arm64 only, not ${platform}-${arch}`);
    }
  }
  const result: Record<string, string> = {};
  for (const arch of archs) result[arch] = onnxRuntimeCachePath(opts.cacheRoot, arch).dir;
  const missing = [...new Set(archs)].filter((arch) => !cached(opts.cacheRoot, arch));
  if (missing.length === 0) return result;

  const log = opts.log ?? (() => {});
  const url = onnxRuntimeTarballUrl(opts.registry ?? DEFAULT_NPM_REGISTRY);
  const expected = opts.integrity ?? ONNXRUNTIME_NODE.integrity;
  const work = join(opts.cacheRoot, ONNXRUNTIME_NODE.name, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(work, { recursive: true });
  try {
    const tarball = join(work, 'package.tgz');
    log(`ONNX Runtime: downloading ${ONNXRUNTIME_NODE.name} ${ONNXRUNTIME_NODE.version} from ${url}`);
    const actual = await download(url, tarball, opts.signal, log);
    if (actual !== expected) {
      throw new OnnxRuntimeIntegrityError(
        `refused ${url}: its sha512 is ${actual}, not the pinned ${expected} of ${ONNXRUNTIME_NODE.name} ${ONNXRUNTIME_NODE.version}; nothing from it was used or cached (a registry mirror serving other bytes, or a tampered tarball)`,
      );
    }
    const staged = Object.fromEntries(missing.map((arch) => [`package/bin/napi-v6/linux/${arch}/`, join(work, arch)]));
    await extract(tarball, staged);
    await rm(tarball, { force: true });
    for (const arch of missing) {
      const { dir, marker } = onnxRuntimeCachePath(opts.cacheRoot, arch);
      await mkdir(join(dir, '..'), { recursive: true });
      await rm(dir, { recursive: true, force: true });
      try {
        await rename(join(work, arch), dir);
      } catch (e) {
        // Another process on the same runner finished first: use its copy.
        if (!cached(opts.cacheRoot, arch)) throw e;
        continue;
      }
      await writeFile(marker, '');
      log(`ONNX Runtime: verified (${expected.slice(0, 22)}…) and cached in ${dir}`);
    }
    return result;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Streams `url` to `path`, returning the body's `sha512-<base64>`. */
async function download(url: string, path: string, signal: AbortSignal | undefined, log: (line: string) => void): Promise<string> {
  const timeout = AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, redirect: 'follow' });
  } catch (e) {
    throw new InferenceUnavailableError(`could not download ONNX Runtime from ${url}: ${causeText(e)}. ${OFFLINE_HINT}`);
  }
  if (!res.ok || !res.body) throw new InferenceUnavailableError(`could not download ONNX Runtime from ${url}: HTTP ${res.status} ${res.statusText}. ${OFFLINE_HINT}`);
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > MAX_TARBALL_BYTES) throw new OnnxRuntimeIntegrityError(`refused ${url}: ${declared} bytes is not the size of ${ONNXRUNTIME_NODE.name} ${ONNXRUNTIME_NODE.version}`);
  const hash = createHash('sha512');
  const out = await open(path, 'w');
  let bytes = 0;
  const started = Date.now();
  let lastLog = started;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      if (bytes > MAX_TARBALL_BYTES) throw new OnnxRuntimeIntegrityError(`refused ${url}: more than ${MAX_TARBALL_BYTES} bytes is not the size of ${ONNXRUNTIME_NODE.name} ${ONNXRUNTIME_NODE.version}`);
      hash.update(chunk);
      await out.write(chunk);
      const now = Date.now();
      if (now - lastLog >= PROGRESS_EVERY_MS) {
        lastLog = now;
        log(`ONNX Runtime: ${(bytes / 1048576).toFixed(0)} MiB${Number.isFinite(declared) ? ` of ${(declared / 1048576).toFixed(0)} MiB` : ''} after ${Math.round((now - started) / 1000)} s`);
      }
    }
  } catch (e) {
    if (e instanceof OnnxRuntimeIntegrityError) throw e;
    throw new InferenceUnavailableError(`could not download ONNX Runtime from ${url}: ${causeText(e)}. ${OFFLINE_HINT}`);
  } finally {
    await out.close();
  }
  return `sha512-${hash.digest('base64')}`;
}

const OFFLINE_HINT =
  'validate-model\'s smoke test and the built-in server (build-image, packages/serving) need it: allow the runner to reach the npm registry, or set ML_DEPLOY_NPM_REGISTRY to a mirror, or fill the cache once (see validate-model/README.md "ONNX Runtime"), or (validate-model) set smoke-test: false';

function causeText(e: unknown): string {
  const err = e as Error & { cause?: Error };
  return err.cause?.message ? `${err.message} (${err.cause.message})` : String(err.message ?? e);
}

/** Extracts the regular files directly under each prefix in a verified .tgz into its folder. */
async function extract(tarball: string, outDirs: Record<string, string>): Promise<void> {
  const wanted = new Map<string, string>();
  for (const [prefix, outDir] of Object.entries(outDirs)) {
    await mkdir(outDir, { recursive: true });
    for (const f of FILES) wanted.set(prefix + f, join(outDir, f));
  }
  const writes: Array<Promise<void>> = [];
  const found = new Set<string>();
  let failure: Error | undefined;
  const reader = new TarReader({
    member(m) {
      const dest = m.type === 'file' ? wanted.get(m.path) : undefined;
      if (!dest) return null;
      found.add(m.path);
      const file = createWriteStream(dest, { mode: 0o755 });
      writes.push(new Promise((done, fail) => file.on('close', done).on('error', fail)));
      return { write: (d) => void file.write(Buffer.from(d)), end: () => file.end() };
    },
    problem(p) {
      if ((p.severity === 'malformed' || p.severity === 'dangerous') && !failure) failure = new Error(`the verified tarball does not read as a tar archive: ${p.message}`);
    },
  });
  await new Promise<void>((done, fail) => {
    const gunzip = createGunzip();
    createReadStream(tarball).on('error', fail).pipe(gunzip).on('error', fail);
    gunzip.on('data', (d: Buffer) => reader.push(d));
    gunzip.on('end', done);
  });
  await Promise.all(writes);
  if (failure) throw failure;
  const missing = [...wanted.keys()].filter((w) => !found.has(w));
  if (missing.length > 0) throw new InferenceUnavailableError(`${ONNXRUNTIME_NODE.name} ${ONNXRUNTIME_NODE.version} has no ${missing.join(', ')}`);
}
