/**
 * The committed bundle as users and test beds run it: `node dist/server.js --model ... --port ...`,
 * a plain process on 127.0.0.1, no container. Graceful SIGTERM, usage errors, the harness helper,
 * and where the runtime comes from: the bundle carries none (build-image stages it beside server.js
 * in the image); from a checkout it is the fetched cache (the harness seeds it offline).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../../../test/harness/free-port';
import { modelServerEnv, NODE_BINARY, SERVER_BUNDLE, startModelServerProcess, type ModelServerProcess } from '../../../test/harness/model-server';
import { installedOnnxRuntimeDir, installedOnnxRuntimeVersion } from '../../../test/fixtures/onnx/fixtures';
import { makeServingModels, type ServingModels } from './fixtures';

let models: ServingModels;
const running: ModelServerProcess[] = [];
beforeAll(() => {
  models = makeServingModels();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('node server.js', () => {
  it('serves a model from a directory as a plain process, through the harness helper', async () => {
    const server = await startModelServerProcess({ model: models.classifier, name: 'iris', version: '2' });
    running.push(server);
    const res = await fetch(`${server.url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ instances: [[6.7, 3.0, 5.2, 2.3]] }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { outputs: { label: number[] } }).outputs.label).toEqual([2]);
    expect(await (await fetch(`${server.url}/metrics`)).text()).toContain('model_predictions_total{model="iris",version="2"} 1');
  });

  it('on SIGTERM finishes the request in flight, refuses new connections, and exits 0', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(NODE_BINARY, [SERVER_BUNDLE, '--model', models.classifier, '--host', '127.0.0.1', '--port', String(port), '--test-latency-ms', '1500'], { stdio: ['ignore', 'ignore', 'pipe'], env: modelServerEnv() });
    let log = '';
    child.stderr.on('data', (c) => (log += c));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      await until('ready', async () => ((await fetch(`${url}/healthz`)).status === 200 ? true : undefined));
      const inFlight = fetch(`${url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ instances: [[5.1, 3.5, 1.4, 0.2]] }) });
      await until('the request in flight', async () => ((await (await fetch(`${url}/metrics`)).text()).match(/^model_predict_in_flight\{[^}]*\} 1$/m) ? true : undefined));
      child.kill('SIGTERM');
      await until('new connections refused', async () => {
        try {
          await fetch(`${url}/healthz`, { headers: { connection: 'close' } });
          return undefined;
        } catch {
          return true;
        }
      });
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(((await res.json()) as { outputs: { label: number[] } }).outputs.label).toEqual([0]);
      expect(await exited).toBe(0);
      expect(log).toMatch(/SIGTERM: draining/);
      expect(log).toMatch(/stopped/);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it.each([
    [['--model', 'm.onnx', '--port', '80a'], /error: --port is "80a"; expected a whole number from 0 to 65535/],
    [[], /error: --model \(or MODEL_PATH\) is required/],
    [['--model', 'm.onnx', '--test-error-rate', '2'], /error: --test-error-rate is "2"; expected a number from 0 to 1/],
    [['--model', 'm.onnx', '--bogus'], /error: Unknown option '--bogus'/],
  ])('exits 2 on bad usage %j with the flag, the value and what is expected', async (args, message) => {
    const child = spawn(NODE_BINARY, [SERVER_BUNDLE, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: modelServerEnv() });
    let log = '';
    child.stderr.on('data', (c) => (log += c));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).toBe(2);
    expect(log).toMatch(message);
    expect(log).toContain('Usage: node server.js --model <model.onnx>');
  });

  it('exits 1 when the model cannot be served', async () => {
    const child = spawn(NODE_BINARY, [SERVER_BUNDLE, '--model', models.warmup_fails, '--host', '127.0.0.1', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'], env: modelServerEnv() });
    let log = '';
    child.stderr.on('data', (c) => (log += c));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).toBe(1);
    expect(log).toMatch(/error: the model cannot be served: /);
  });

  it('carries no ONNX Runtime in its dist: every uses: of any action downloads the repository', () => {
    const dist = dirname(SERVER_BUNDLE);
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    expect(walk(dist).filter((f) => /onnxruntime|\.node$|\.so(\.|$)/.test(f))).toEqual([]);
  });

  it('loads the runtime staged beside server.js (the image layout) without the cache or the registry', async () => {
    // What build-image stages: server.js, package.json and <arch>/ in one folder.
    const dir = mkdtempSync(join(tmpdir(), 'server-beside-'));
    for (const f of ['server.js', 'package.json', 'liblzma.wasm']) cpSync(join(dirname(SERVER_BUNDLE), f), join(dir, f));
    cpSync(installedOnnxRuntimeDir(), join(dir, process.arch), { recursive: true });
    const emptyCache = mkdtempSync(join(tmpdir(), 'server-no-cache-'));
    const port = await freePort();
    const child = spawn(NODE_BINARY, [join(dir, 'server.js'), '--model', models.classifier, '--host', '127.0.0.1', '--port', String(port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: '/usr/bin:/bin', ML_DEPLOY_ORT_CACHE: emptyCache, ML_DEPLOY_NPM_REGISTRY: 'http://127.0.0.1:9/' },
    });
    let log = '';
    child.stderr.on('data', (c) => (log += c));
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    try {
      await until('ready', async () => ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200 ? true : undefined));
      const res = await fetch(`http://127.0.0.1:${port}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ instances: [[6.7, 3.0, 5.2, 2.3]] }) });
      expect(((await res.json()) as { outputs: { label: number[] } }).outputs.label).toEqual([2]);
      expect(log).not.toContain('ONNX Runtime: downloading');
      expect(readdirSync(emptyCache)).toEqual([]);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('without a runtime beside it, in the cache, or from the registry, exits 1 naming what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'server-alone-'));
    for (const f of ['server.js', 'package.json', 'liblzma.wasm']) cpSync(join(dirname(SERVER_BUNDLE), f), join(dir, f));
    const child = spawn(NODE_BINARY, [join(dir, 'server.js'), '--model', models.classifier, '--host', '127.0.0.1', '--port', '0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { PATH: '/usr/bin:/bin', ML_DEPLOY_ORT_CACHE: mkdtempSync(join(tmpdir(), 'server-no-cache-')), ML_DEPLOY_NPM_REGISTRY: 'http://127.0.0.1:9/' },
    });
    let log = '';
    child.stderr.on('data', (c) => (log += c));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).toBe(1);
    expect(log).toContain(`could not download ONNX Runtime from http://127.0.0.1:9/onnxruntime-node/-/onnxruntime-node-${installedOnnxRuntimeVersion()}.tgz`);
    expect(log).toContain('set ML_DEPLOY_NPM_REGISTRY to a mirror');
  });
});
