/**
 * The committed bundle as users and test beds run it: `node dist/server.js --model ... --port ...`,
 * a plain process on 127.0.0.1, no container. Graceful SIGTERM, usage errors, the harness helper.
 */
import { spawn } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../../../test/harness/free-port';
import { NODE_BINARY, SERVER_BUNDLE, startModelServerProcess, type ModelServerProcess } from '../../../test/harness/model-server';
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
    const child = spawn(NODE_BINARY, [SERVER_BUNDLE, '--model', models.classifier, '--host', '127.0.0.1', '--port', String(port), '--test-latency-ms', '1500'], { stdio: ['ignore', 'ignore', 'pipe'] });
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
    const child = spawn(NODE_BINARY, [SERVER_BUNDLE, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (c) => (log += c));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).toBe(2);
    expect(log).toMatch(message);
    expect(log).toContain('Usage: node server.js --model <model.onnx>');
  });

  it('exits 1 when the model cannot be served', async () => {
    const child = spawn(NODE_BINARY, [SERVER_BUNDLE, '--model', models.warmup_fails, '--host', '127.0.0.1', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (c) => (log += c));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).toBe(1);
    expect(log).toMatch(/error: the model cannot be served: /);
  });
});
