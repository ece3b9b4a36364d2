/**
 * Starts a real moto server (`moto_server`, PyPI `moto[server]`) for integration tests:
 * one process per test file, bound to 127.0.0.1 on a free port, its log kept in a temp file
 * so a failed start or a failed test can show what moto said.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOOPBACK, freePort } from './free-port';
import { startServerProcess } from './server-process';

export interface MotoOptions {
  /** Extra environment for the server process, e.g. `{ MOTO_ECS_SERVICE_RUNNING: '2' }`. */
  env?: Record<string, string>;
  /** Port to bind; default: a free one. */
  port?: number;
  /** How long to wait for the server to answer; default 30 s (a cold start takes 2-5 s). */
  startTimeoutMs?: number;
}

export interface MotoServer {
  /** `http://127.0.0.1:<port>`: give it to the SDK as AWS_ENDPOINT_URL. */
  readonly url: string;
  readonly port: number;
  /** The moto_server process's stdout and stderr. */
  readonly logPath: string;
  /** Clears every resource (POST /moto-api/reset); state-manager and /moto-api/config survive. */
  reset(): Promise<void>;
  /** The last `lines` lines of the server log (moto logs one line per request, tracebacks in full). */
  logTail(lines?: number): string;
  /** Kills the server and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** ML_DEPLOY_MOTO_SERVER, else the repository's .venv, else `moto_server` on PATH. */
export function motoServerBinary(): string {
  const fromEnv = process.env.ML_DEPLOY_MOTO_SERVER;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const venv = join(REPO_ROOT, '.venv', 'bin', 'moto_server');
  if (existsSync(venv)) return venv;
  return 'moto_server';
}

export async function startMoto(opts: MotoOptions = {}): Promise<MotoServer> {
  const port = opts.port ?? (await freePort());
  const url = `http://${LOOPBACK}:${port}`;
  const logDir = mkdtempSync(join(tmpdir(), 'ml-deploy-moto-'));
  const proc = await startServerProcess({
    name: 'moto',
    command: motoServerBinary(),
    args: ['-H', LOOPBACK, '-p', String(port)],
    env: { ...process.env, ...opts.env },
    logPath: join(logDir, 'moto_server.log'),
    ready: () => answers(`${url}/moto-api/`),
    url,
    startTimeoutMs: opts.startTimeoutMs ?? 30_000,
    installHint: "Install moto (pip install 'moto[server]') or set ML_DEPLOY_MOTO_SERVER",
  });
  return {
    url,
    port,
    logPath: proc.logPath,
    logTail: proc.logTail,
    stop: proc.stop,
    async reset() {
      const res = await httpCall('POST', `${url}/moto-api/reset`);
      if (res.status !== 200) throw new Error(`moto: reset answered ${res.status}: ${res.body}`);
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await httpCall('GET', url);
    return res.status < 500;
  } catch {
    return false;
  }
}

/** Minimal HTTP call for the harness's own control requests (no SDK, no retries). */
export function httpCall(
  method: string,
  url: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timed out: ${method} ${url}`)));
    req.end(body);
  });
}
