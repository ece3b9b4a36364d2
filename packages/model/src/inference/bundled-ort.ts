/**
 * Where the model server finds ONNX Runtime: beside its bundle. Each location is a literal
 * `new URL(..., import.meta.url)` so ncc copies that platform's folder of onnxruntime-node (the
 * binding and libonnxruntime.so.1) into the bundle's dist and rewrites the expression to the copied
 * path; unbundled (tests), the URL points into node_modules. Only the server imports this module
 * (through `@ml-deploy/model/bundled-ort`): validate-model fetches the runtime on first use instead
 * (ort-fetch.ts), so its bundle carries no binaries.
 */
import { fileURLToPath } from 'node:url';

/** The folder of this platform's binding, or undefined where none ships. */
export function bundledOnnxRuntimeDir(platform = process.platform, arch = process.arch): string | undefined {
  let ref: URL | string;
  if (platform === 'linux' && arch === 'x64') ref = new URL('../../node_modules/onnxruntime-node/bin/napi-v6/linux/x64', import.meta.url);
  else if (platform === 'linux' && arch === 'arm64') ref = new URL('../../node_modules/onnxruntime-node/bin/napi-v6/linux/arm64', import.meta.url);
  else return undefined;
  return typeof ref === 'string' ? ref : fileURLToPath(ref);
}
