/**
 * Command line and environment of the server process. Flags win over environment variables, so an
 * image can set MODEL_PATH/MODEL_NAME/MODEL_VERSION and a user can still override them.
 *
 *   node server.js --model model.onnx [--port 8080] [--host 0.0.0.0] [--model-name N] [--model-version V]
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_OUTPUT_BUCKETS, type ServeOptions } from './server';
import type { TestFaults } from './test-faults';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: node server.js --model <model.onnx> [options]

  --model <path>            ONNX model file (env MODEL_PATH)
  --port <n>                port, 0 for any free one (env PORT; default 8080)
  --host <addr>             address to bind (env HOST; default 0.0.0.0; 127.0.0.1 for local tests)
  --model-name <name>       name in responses and metric labels (env MODEL_NAME; default: file name)
  --model-version <v>       version in responses and metric labels (env MODEL_VERSION; default "unknown")
  --max-body-bytes <n>      largest request body (env MAX_BODY_BYTES; default 4194304)
  --max-batch <n>           most rows per request (env MAX_BATCH; default 1024)
  --output-buckets <list>   comma-separated bucket bounds of the output-value histogram
  --threads <n>             ONNX Runtime intra-op threads (env ORT_THREADS; default 0 = one per core)
  --shutdown-timeout <ms>   wait for requests in flight on SIGTERM (default 20000)

TEST ONLY (for test beds; never in production):
  --test-error-rate <0..1>       answer this fraction of /predict requests with 500 (env ML_DEPLOY_TEST_ERROR_RATE)
  --test-latency-ms <n>          add this latency to every /predict (env ML_DEPLOY_TEST_LATENCY_MS)
  --test-prediction-shift <x>    add x to every float output (env ML_DEPLOY_TEST_PREDICTION_SHIFT)
`;

function cut(v: string): string {
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}..."` : s;
}

function integer(name: string, v: string, min: number, max: number): number {
  if (!/^\d+$/.test(v.trim()) || Number(v) < min || Number(v) > max) throw new UsageError(`--${name} is ${cut(v)}; expected a whole number from ${min} to ${max}`);
  return Number(v);
}

function number(name: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name} is ${cut(v)}; expected a number from ${min} to ${max}`);
  return n;
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): ServeOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        model: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'model-name': { type: 'string' },
        'model-version': { type: 'string' },
        'max-body-bytes': { type: 'string' },
        'max-batch': { type: 'string' },
        'output-buckets': { type: 'string' },
        threads: { type: 'string' },
        'shutdown-timeout': { type: 'string' },
        'test-error-rate': { type: 'string' },
        'test-latency-ms': { type: 'string' },
        'test-prediction-shift': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  const pick = (flag: string, envName: string): string | undefined => {
    const v = values[flag];
    if (typeof v === 'string') return v;
    const e = env[envName];
    return e !== undefined && e !== '' ? e : undefined;
  };
  const modelPath = pick('model', 'MODEL_PATH');
  if (!modelPath) throw new UsageError('--model (or MODEL_PATH) is required: the ONNX file to serve');
  const buckets = pick('output-buckets', 'OUTPUT_BUCKETS');
  let outputBuckets = DEFAULT_OUTPUT_BUCKETS;
  if (buckets !== undefined) {
    outputBuckets = buckets.split(',').map((b) => number('output-buckets', b, -Number.MAX_VALUE, Number.MAX_VALUE));
    if (outputBuckets.length === 0) throw new UsageError('--output-buckets is empty; give comma-separated numbers');
  }
  const faults: TestFaults = {
    errorRate: number('test-error-rate', pick('test-error-rate', 'ML_DEPLOY_TEST_ERROR_RATE') ?? '0', 0, 1),
    latencyMs: integer('test-latency-ms', pick('test-latency-ms', 'ML_DEPLOY_TEST_LATENCY_MS') ?? '0', 0, 600_000),
    predictionShift: number('test-prediction-shift', pick('test-prediction-shift', 'ML_DEPLOY_TEST_PREDICTION_SHIFT') ?? '0', -1e9, 1e9),
  };
  return {
    modelPath,
    host: pick('host', 'HOST') ?? '0.0.0.0',
    port: integer('port', pick('port', 'PORT') ?? '8080', 0, 65535),
    modelName: pick('model-name', 'MODEL_NAME') ?? basename(modelPath).replace(/\.onnx$/i, ''),
    modelVersion: pick('model-version', 'MODEL_VERSION') ?? 'unknown',
    maxBodyBytes: integer('max-body-bytes', pick('max-body-bytes', 'MAX_BODY_BYTES') ?? String(4 * 1024 * 1024), 64, 1024 * 1024 * 1024),
    maxBatch: integer('max-batch', pick('max-batch', 'MAX_BATCH') ?? '1024', 1, 1_000_000),
    outputBuckets,
    maxClasses: 100,
    shutdownTimeoutMs: integer('shutdown-timeout', pick('shutdown-timeout', 'SHUTDOWN_TIMEOUT_MS') ?? '20000', 0, 3_600_000),
    threads: integer('threads', pick('threads', 'ORT_THREADS') ?? '0', 0, 1024),
    faults,
    log,
  };
}
