/**
 * Where the model server (packages/serving) finds ONNX Runtime. No binaries are committed: every
 * `uses:` of any ml-deploy action downloads the whole repository, and the runtime is 70 MB. In the
 * image, build-image has put the verified runtime (ort-fetch.ts) beside the server's bundle; run
 * from a checkout, the installed onnxruntime-node package or the fetched cache serves.
 *
 * The paths are computed at run time on purpose: a literal `new URL(..., import.meta.url)` would
 * make ncc copy the binaries into the bundle's dist again.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureOnnxRuntime, onnxRuntimeFetchEnv } from './ort-fetch';
import { InferenceUnavailableError } from './ort-runtime';

const BINDING = 'onnxruntime_binding.node';

/** The folder `<dir of the running bundle>/<arch>` that build-image stages in the image. */
export function besideBundleDir(moduleUrl: string, arch = process.arch): string {
  return join(dirname(fileURLToPath(moduleUrl)), arch);
}

/** The installed onnxruntime-node's folder for this platform (a development checkout), if any. */
function installedDir(arch: string): string | undefined {
  const name = ['onnxruntime-node', 'package.json'].join('/');
  try {
    const pkg = createRequire(import.meta.url).resolve(name);
    const dir = join(dirname(pkg), 'bin', 'napi-v6', 'linux', arch);
    return existsSync(join(dir, BINDING)) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * This platform's runtime folder for the server: beside the bundle (the image), else the installed
 * package (a checkout with node_modules), else the fetched cache, downloading and verifying the
 * pinned tarball first when it is empty (`ML_DEPLOY_ORT_CACHE`, `ML_DEPLOY_NPM_REGISTRY`).
 * @throws InferenceUnavailableError on an unsupported platform or when none can be had.
 */
export async function serverOnnxRuntimeDir(opts: { moduleUrl?: string; env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {}): Promise<string> {
  const platform = process.platform;
  const arch = process.arch;
  if (platform !== 'linux' || (arch !== 'x64' && arch !== 'arm64')) {
    throw new InferenceUnavailableError(`the model server runs ONNX Runtime on linux-x64 and linux-arm64 only, not ${platform}-${arch}`);
  }
  const beside = besideBundleDir(opts.moduleUrl ?? import.meta.url, arch);
  if (existsSync(join(beside, BINDING))) return beside;
  const installed = installedDir(arch);
  if (installed) return installed;
  return ensureOnnxRuntime({ ...onnxRuntimeFetchEnv(opts.env), arch, log: opts.log });
}
