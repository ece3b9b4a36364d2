/**
 * Runs the built-in model server (packages/serving/dist/server.js, the committed bundle) as a plain
 * process on 127.0.0.1 and a free port, without a container, and waits until /healthz says ready
 * (model loaded and one warm-up inference answered). Test beds (the canary gate's) run two of
 * these side by side, one with TEST-ONLY faults:
 *
 *   const stable = await startModelServerProcess({ model, version: '1' });
 *   const canary = await startModelServerProcess({ model, version: '2', faults: { errorRate: 0.2 } });
 *   ... stable.url, canary.url ...
 *   await canary.stop(); await stable.stop();
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededOnnxRuntimeCache } from '../fixtures/onnx/fixtures';
import { freePort, LOOPBACK } from './free-port';
import { type ServerProcess, startServerProcess } from './server-process';

export interface ModelServerProcessOptions {
  /** The ONNX model file. */
  model: string;
  name?: string;
  version?: string;
  /** TEST ONLY faults: a fraction of 500s, added latency, a shift added to float outputs. */
  faults?: { errorRate?: number; latencyMs?: number; predictionShift?: number };
  /** More server flags (see `node server.js --help`). */
  args?: string[];
  startTimeoutMs?: number;
}

export interface ModelServerProcess extends ServerProcess {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
}

/** The committed bundle of packages/serving. */
export const SERVER_BUNDLE = fileURLToPath(new URL('../../packages/serving/dist/server.js', import.meta.url));
/** The real Node 24 binary (node_modules/.bin/node is a /bin/sh wrapper). */
export const NODE_BINARY = fileURLToPath(new URL('../../node_modules/node/bin/node', import.meta.url));

let ortCache: string | undefined;

/**
 * The bundle carries no ONNX Runtime (build-image puts it beside server.js in the image): run from
 * the checkout it takes the runtime from the fetch cache, here seeded from the installed package as
 * a runner's tool cache holds it after a first download, with a registry that refuses connections.
 */
export function modelServerEnv(): NodeJS.ProcessEnv {
  ortCache ??= seededOnnxRuntimeCache();
  return { ...process.env, ML_DEPLOY_ORT_CACHE: ortCache, ML_DEPLOY_NPM_REGISTRY: 'http://127.0.0.1:9/' };
}

export async function startModelServerProcess(opts: ModelServerProcessOptions): Promise<ModelServerProcess> {
  const port = await freePort();
  const url = `http://${LOOPBACK}:${port}`;
  const args = [SERVER_BUNDLE, '--model', opts.model, '--host', LOOPBACK, '--port', String(port), '--threads', '1'];
  if (opts.name) args.push('--model-name', opts.name);
  if (opts.version) args.push('--model-version', opts.version);
  if (opts.faults?.errorRate) args.push('--test-error-rate', String(opts.faults.errorRate));
  if (opts.faults?.latencyMs) args.push('--test-latency-ms', String(opts.faults.latencyMs));
  if (opts.faults?.predictionShift) args.push('--test-prediction-shift', String(opts.faults.predictionShift));
  args.push(...(opts.args ?? []));
  const proc = await startServerProcess({
    name: 'model-server',
    command: NODE_BINARY,
    args,
    env: modelServerEnv(),
    logPath: join(mkdtempSync(join(tmpdir(), 'ml-deploy-model-server-')), 'server.log'),
    url,
    ready: async () => (await fetch(`${url}/healthz`)).status === 200,
    startTimeoutMs: opts.startTimeoutMs ?? 30_000,
    installHint: 'run bash scripts/bootstrap.sh (Node 24 comes from the `node` devDependency)',
  });
  return { ...proc, url, port };
}
