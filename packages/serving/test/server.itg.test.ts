/**
 * The model server in this process, on real ONNX models (scikit-learn + skl2onnx, made at set-up)
 * and the real onnxruntime-node binding; /metrics is read back with Prometheus's Python parser.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { NO_FAULTS, startModelServer, type ModelServer, type ServeOptions, DEFAULT_OUTPUT_BUCKETS } from '../src';
import { makeServingModels, parsePrometheus, type ServingModels } from './fixtures';

let models: ServingModels;
const servers: ModelServer[] = [];
const logs: string[] = [];

beforeAll(() => {
  models = makeServingModels();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(overrides: Partial<ServeOptions> = {}): Promise<ModelServer> {
  const server = await startModelServer({
    modelPath: models.classifier,
    host: '127.0.0.1',
    port: 0,
    modelName: 'iris',
    modelVersion: '7',
    maxBodyBytes: 64 * 1024,
    maxBatch: 8,
    outputBuckets: DEFAULT_OUTPUT_BUCKETS,
    maxClasses: 100,
    shutdownTimeoutMs: 5_000,
    threads: 1,
    faults: NO_FAULTS,
    log: (l) => logs.push(l),
    ...overrides,
  });
  servers.push(server);
  return server;
}

async function post(server: ModelServer, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(`${server.url}/predict`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const SETOSA = [5.1, 3.5, 1.4, 0.2];
const VIRGINICA = [6.7, 3.0, 5.2, 2.3];

describe('POST /predict', () => {
  let server: ModelServer;
  beforeAll(async () => {
    server = await startModelServer({
      modelPath: models.classifier, host: '127.0.0.1', port: 0, modelName: 'iris', modelVersion: '7', maxBodyBytes: 4096, maxBatch: 8,
      outputBuckets: DEFAULT_OUTPUT_BUCKETS, maxClasses: 100, shutdownTimeoutMs: 1000, threads: 1, faults: NO_FAULTS, log: () => {},
    });
    await server.ready;
  });
  afterAll(() => server.close());

  it('predicts a batch in each accepted request form, outputs named as in the graph', async () => {
    for (const body of [{ instances: [SETOSA, VIRGINICA] }, { inputs: [SETOSA, VIRGINICA] }, { inputs: { X: [SETOSA, VIRGINICA] } }]) {
      const r = await post(server, body);
      expect(r.status).toBe(200);
      expect(r.body.model).toEqual({ name: 'iris', version: '7' });
      expect(r.body.outputs.label).toEqual([0, 2]);
      expect(r.body.outputs.probabilities).toHaveLength(2);
      for (const row of r.body.outputs.probabilities as number[][]) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(r.body.outputs.probabilities[0][0]).toBeGreaterThan(0.9);
    }
  });

  it('feeds several inputs of different types by name', async () => {
    const two = await start({ modelPath: models.two_inputs });
    await two.ready;
    const r = await post(two, { inputs: { a: [[1.5, 9], [2, 9]], b: [10, 20] } });
    expect(r.status).toBe(200);
    expect(r.body.outputs.y).toEqual([11.5, 22]);
    const bad = await post(two, { inputs: { a: [[1.5, 9]], b: [1.5] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe("inputs.b[0] is number 1.5; input 'b' takes whole numbers from -9007199254740991 to 9007199254740991 (int64)");
    const rows = await post(two, { inputs: { a: [[1, 2], [3, 4]], b: [1] } });
    expect(rows.body.error).toBe("inputs.b has 1 rows but input 'a' has 2: every input needs one row per example");
    const single = await post(two, { instances: [[1, 2]] });
    expect(single.body.error).toMatch(/^'instances' as an array feeds a single-input model, but this one has 2 inputs \(a, b\)/);
  });

  it.each([
    ['not JSON', '{"instances": [', 400, /^the body is not valid JSON: /],
    ['a wrong row width', { instances: [[1, 2, 3]] }, 400, /^instances has size 3 in dimension 1; input 'X' takes 4 \(shape \[batch, 4\]\)$/],
    ['a string where a float goes', { instances: [[1, 2, 'x', 4]] }, 400, /^instances\[0\]\[2\] is the string "x"; input 'X' takes numbers \(float\)$/],
    ['ragged rows', { instances: [[1, 2, 3, 4], [1, 2, 3]] }, 400, /^instances\[1\] has shape \[3\], but instances\[0\] has \[4\]/],
    ['a missing rank', { instances: [1, 2, 3, 4] }, 400, /^instances has 1 dimension\(s\) \[4\]; input 'X' takes 2: \[batch, 4\]$/],
    ['an unknown input', { inputs: { Z: [[1, 2, 3, 4]] } }, 400, /^'Z' is not an input of the model \(inputs: X\)$/],
    ['an unknown field', { instances: [SETOSA], extra: 1 }, 400, /^unknown field 'extra'/],
    ['an empty batch', { instances: [] }, 400, /^instances is empty; send at least one row$/],
    ['too many rows', { instances: new Array(9).fill(SETOSA) }, 413, /^instances has 9 rows; this server takes at most 8 per request \(--max-batch\)$/],
    ['a body over the size limit', { instances: [new Array(3000).fill(1)] }, 413, /^the body is larger than 4096 bytes \(--max-body-bytes\)/],
  ])('answers %s with a 4xx that says what is wrong', async (_what, body, status, message) => {
    const r = await post(server, body);
    expect(r.status).toBe(status);
    expect(r.body.error).toMatch(message);
  });

  it('refuses other content types, methods and routes', async () => {
    const text = await post(server, JSON.stringify({ instances: [SETOSA] }), { 'content-type': 'text/plain' });
    expect(text).toEqual({ status: 415, body: { error: "content-type is 'text/plain'; send application/json" } });
    const get = await fetch(`${server.url}/predict`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const none = await fetch(`${server.url}/nope`);
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: string }).error).toMatch(/^no route GET \/nope; routes: POST \/predict/);
  });
});

describe('GET /metrics', () => {
  it('counts requests and errors, times them, and histograms the outputs, labelled with the model', async () => {
    const server = await start({ modelName: 'iris "prod"', modelVersion: '7' });
    await server.ready;
    expect((await post(server, { instances: [SETOSA, VIRGINICA, SETOSA] })).status).toBe(200);
    expect((await post(server, { instances: [VIRGINICA] })).status).toBe(200);
    expect((await post(server, { instances: [[1]] })).status).toBe(400);
    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const samples = parsePrometheus(await res.text());
    const value = (name: string, labels: Record<string, string>) => {
      const hit = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
      if (hit.length !== 1) throw new Error(`${hit.length} samples of ${name} ${JSON.stringify(labels)}`);
      return hit[0]!.value;
    };
    for (const s of samples) expect(s.labels).toMatchObject({ model: 'iris "prod"', version: '7' });
    expect(value('model_requests_total', { route: '/predict', code: '200' })).toBe(2);
    expect(value('model_requests_total', { route: '/predict', code: '400' })).toBe(1);
    expect(value('model_request_errors_total', { route: '/predict', reason: 'bad_request' })).toBe(1);
    expect(value('model_request_duration_seconds_count', { route: '/predict' })).toBe(3);
    expect(value('model_predictions_total', {})).toBe(4);
    expect(value('model_batch_size_count', {})).toBe(2);
    expect(value('model_batch_size_sum', {})).toBe(4);
    expect(value('model_ready', {})).toBe(1);
    // Classes: three setosa-like rows (0) and... two virginica (2); warm-up is not counted.
    expect(value('model_output_class_total', { output: 'label', class: '0' })).toBe(2);
    expect(value('model_output_class_total', { output: 'label', class: '2' })).toBe(2);
    // Probabilities [N, 3]: one series per column; column 0 holds setosa's high probabilities.
    expect(value('model_output_value_count', { output: 'probabilities', index: '0' })).toBe(4);
    expect(value('model_output_value_bucket', { output: 'probabilities', index: '0', le: '0.5' })).toBe(2);
    expect(value('model_output_value_bucket', { output: 'probabilities', index: '0', le: '+Inf' })).toBe(4);
  });
});

describe('GET /healthz', () => {
  it('is ready only after the warm-up inference answered', async () => {
    const server = await start({ modelPath: models.warmup_fails });
    await expect(server.ready).rejects.toThrow(/Reshape|shape/i);
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; error: string };
    expect(body.status).toBe('failed');
    expect(body.error).toMatch(/Reshape|shape/i);
    const p = await post(server, { instances: [[1, 2, 3]] });
    expect(p.status).toBe(503);
    expect(p.body.error).toMatch(/^the model failed to load: /);
  });

  it('answers 200 with the model once ready', async () => {
    const server = await start();
    await server.ready;
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', model: { name: 'iris', version: '7' } });
  });
});

describe('test-only faults', () => {
  it('fail an exact share of requests, shift float outputs, and show in /healthz', async () => {
    const server = await start({ faults: { errorRate: 0.5, latencyMs: 0, predictionShift: 1 } });
    await server.ready;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await post(server, { instances: [SETOSA] });
      statuses.push(r.status);
      if (r.status === 200) expect(r.body.outputs.probabilities[0][0]).toBeGreaterThan(1.9);
      else expect(r.body.error).toBe('injected failure (test fault --test-error-rate)');
    }
    expect(statuses).toEqual([200, 500, 200, 500]);
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { testFaults: unknown };
    expect(health.testFaults).toEqual({ errorRate: 0.5, latencyMs: 0, predictionShift: 1 });
    expect(logs.some((l) => l.startsWith('WARNING: TEST FAULTS ARE ON'))).toBe(true);
  });

  it('add latency to /predict (seen in the latency histogram, at least the injected time)', async () => {
    const server = await start({ faults: { errorRate: 0, latencyMs: 120, predictionShift: 0 } });
    await server.ready;
    await post(server, { instances: [SETOSA] });
    const samples = parsePrometheus(await (await fetch(`${server.url}/metrics`)).text());
    const sum = samples.find((s) => s.name === 'model_request_duration_seconds_sum' && s.labels.route === '/predict')!.value;
    expect(sum).toBeGreaterThanOrEqual(0.12);
  });
});
