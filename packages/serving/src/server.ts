/**
 * The HTTP side of the built-in model server: routes, limits, metrics, readiness and graceful
 * shutdown. `startModelServer` listens at once (so /healthz can say "loading"), then loads the
 * model and answers one warm-up inference before it reports ready.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MetricRegistry, PROMETHEUS_CONTENT_TYPE } from './metrics';
import { openModelSession, tensorToJson, type ModelSession } from './model-session';
import { describeSchema, parsePredictRequest, RequestError, type InputSpec, type ParsedRequest } from './predict-request';
import { FaultSchedule, faultsActive, type TestFaults } from './test-faults';

export interface ServeOptions {
  modelPath: string;
  /** 127.0.0.1 for tests and the canary bed; 0.0.0.0 inside an image. */
  host: string;
  /** 0 picks a free port (read it from `server.port`). */
  port: number;
  modelName: string;
  modelVersion: string;
  /** Largest request body accepted, in bytes (413 above). */
  maxBodyBytes: number;
  /** Most rows per /predict request (413 above). */
  maxBatch: number;
  /** Bucket bounds of the histogram of float outputs (prediction drift). */
  outputBuckets: number[];
  /** Distinct class values counted per class output before the rest count as "other". */
  maxClasses: number;
  /** How long SIGTERM waits for requests in flight before closing connections. */
  shutdownTimeoutMs: number;
  /** ONNX Runtime intra-op threads; 0 lets ORT choose. */
  threads: number;
  /** TEST ONLY: injected errors, latency and shifted predictions (off by default). */
  faults: TestFaults;
  log: (line: string) => void;
}

export const DEFAULT_OUTPUT_BUCKETS = [-10, -1, -0.5, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 2, 5, 10, 100];
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096];
const MAX_COLUMNS = 16;

export type ServerState = 'loading' | 'ready' | 'failed' | 'draining';

export interface ModelServer {
  readonly url: string;
  readonly port: number;
  readonly state: ServerState;
  /** Resolves once the model answered its warm-up inference; rejects when loading failed. */
  readonly ready: Promise<void>;
  /** The request schema, once loaded. */
  schema(): InputSpec[] | undefined;
  /** Graceful stop: refuse new connections, finish requests in flight (up to shutdownTimeoutMs), free the model. */
  close(): Promise<void>;
  /** The /metrics text (tests). */
  metricsText(): string;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        // Stop reading; the 413 goes out and the connection closes.
        req.pause();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A warm-up request: one row, symbolic dimensions of size 1, mid-range values. */
function warmupRequest(schema: InputSpec[]): ParsedRequest {
  return {
    batch: 1,
    inputs: schema.map((spec) => {
      const shape = (spec.dims ?? [1, 1]).map((d, i) => (i === 0 ? 1 : (d ?? 1)));
      const count = shape.reduce((a, b) => a * b, 1);
      const fill = spec.elemType === 'string' ? 'a' : spec.elemType === 'bool' ? false : spec.elemType === 'float' || spec.elemType === 'double' ? 0.5 : 0;
      return { spec, shape, values: new Array(count).fill(fill) };
    }),
  };
}

export async function startModelServer(opts: ServeOptions): Promise<ModelServer> {
  const registry = new MetricRegistry({ model: opts.modelName, version: opts.modelVersion });
  const requests = registry.counter('model_requests_total', 'HTTP requests answered, by route and status code.');
  const errors = registry.counter('model_request_errors_total', 'Requests answered with an error, by route and reason (bad_request, too_large, unsupported_media_type, not_ready, inference, test_fault).');
  const latency = registry.histogram('model_request_duration_seconds', 'Time from request received to response sent, by route.', LATENCY_BUCKETS);
  const predictions = registry.counter('model_predictions_total', 'Rows predicted (the sum of batch sizes of successful /predict requests).');
  const batchSizes = registry.histogram('model_batch_size', 'Rows per successful /predict request.', BATCH_BUCKETS);
  const outputValues = registry.histogram('model_output_value', "Values of the model's float outputs, by output and column (prediction drift).", opts.outputBuckets);
  const outputClasses = registry.counter('model_output_class_total', "Values of the model's integer, string and bool outputs (predicted classes), by output and class.");
  const up = registry.gauge('model_ready', '1 once the model is loaded and answered a warm-up inference, 0 before and while draining.');
  const predictInFlight = registry.gauge('model_predict_in_flight', '/predict requests being answered now.');
  up.add(0);
  predictInFlight.add(0);

  let state: ServerState = 'loading';
  let loadError: string | undefined;
  let session: ModelSession | undefined;
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const faults = new FaultSchedule(opts.faults);

  const observeOutputs = (out: Record<string, { shape: number[]; data: ArrayLike<number | bigint | string | boolean> }>) => {
    for (const spec of session!.outputs) {
      const t = out[spec.name];
      if (!t) continue;
      const float = spec.elemType === 'float' || spec.elemType === 'double' || spec.elemType === 'float16';
      if (float) {
        const cols = t.shape.length === 2 && t.shape[1]! <= MAX_COLUMNS ? t.shape[1]! : 1;
        for (let i = 0; i < t.data.length; i++) outputValues.observe(Number(t.data[i]), { output: spec.name, index: cols === 1 && t.shape.length !== 2 ? 'all' : String(cols === 1 ? 0 : i % cols) });
      } else {
        for (let i = 0; i < t.data.length; i++) {
          let cls = String(t.data[i]);
          if (outputClasses.get({ output: spec.name, class: cls }) === 0 && outputClasses.size >= opts.maxClasses) cls = 'other';
          outputClasses.inc({ output: spec.name, class: cls });
        }
      }
    }
  };

  const predict = async (req: IncomingMessage, res: ServerResponse): Promise<number> => {
    if (state !== 'ready' && state !== 'draining') {
      errors.inc({ route: '/predict', reason: 'not_ready' });
      sendJson(res, 503, { error: state === 'failed' ? `the model failed to load: ${loadError}` : 'the model is still loading; poll /healthz' }, { 'retry-after': '1' });
      return 503;
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      errors.inc({ route: '/predict', reason: 'unsupported_media_type' });
      sendJson(res, 415, { error: `content-type is '${type || '(none)'}'; send application/json` });
      return 415;
    }
    const declared = Number(req.headers['content-length'] ?? NaN);
    let raw: Buffer;
    try {
      if (declared > opts.maxBodyBytes) throw new BodyTooLarge();
      raw = await readBody(req, opts.maxBodyBytes);
    } catch (err) {
      if (!(err instanceof BodyTooLarge)) throw err;
      errors.inc({ route: '/predict', reason: 'too_large' });
      sendJson(res, 413, { error: `the body is larger than ${opts.maxBodyBytes} bytes (--max-body-bytes); send smaller batches` }, { connection: 'close' });
      return 413;
    }
    let parsed: ParsedRequest;
    try {
      let doc: unknown;
      try {
        doc = JSON.parse(raw.toString('utf8'));
      } catch (err) {
        throw new RequestError(400, `the body is not valid JSON: ${(err as Error).message}`);
      }
      parsed = parsePredictRequest(doc, session!.schema, opts.maxBatch);
    } catch (err) {
      if (!(err instanceof RequestError)) throw err;
      errors.inc({ route: '/predict', reason: err.status === 413 ? 'too_large' : 'bad_request' });
      sendJson(res, err.status, { error: err.message, schema: { inputs: describeSchema(session!.schema) } });
      return err.status;
    }
    const fault = faults.next();
    if (fault.delayMs > 0) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault.fail) {
      errors.inc({ route: '/predict', reason: 'test_fault' });
      sendJson(res, 500, { error: 'injected failure (test fault --test-error-rate)' });
      return 500;
    }
    let out: Awaited<ReturnType<ModelSession['run']>>;
    try {
      out = await session!.run(parsed);
    } catch (err) {
      errors.inc({ route: '/predict', reason: 'inference' });
      opts.log(`inference failed: ${(err as Error).message}`);
      sendJson(res, 500, { error: `inference failed: ${(err as Error).message.split('\n')[0]}` });
      return 500;
    }
    if (opts.faults.predictionShift !== 0) faults.shift(out, session!.outputs);
    observeOutputs(out);
    predictions.inc({}, parsed.batch);
    batchSizes.observe(parsed.batch);
    const outputs: Record<string, unknown> = {};
    for (const [name, t] of Object.entries(out)) outputs[name] = tensorToJson(t.shape, t.data);
    sendJson(res, 200, { model: { name: opts.modelName, version: opts.modelVersion }, outputs });
    return 200;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    const path = (req.url ?? '/').split('?')[0]!;
    const routes: Record<string, string> = { '/predict': 'POST', '/healthz': 'GET', '/metrics': 'GET', '/': 'GET' };
    const route = path in routes ? path : 'other';
    if (state === 'draining') res.setHeader('connection', 'close');
    let status: number;
    try {
      if (route === 'other') {
        sendJson(res, 404, { error: `no route ${req.method} ${path.slice(0, 100)}; routes: POST /predict, GET /healthz, GET /metrics` });
        status = 404;
      } else if (req.method !== routes[route] && !(req.method === 'HEAD' && routes[route] === 'GET')) {
        sendJson(res, 405, { error: `${path} takes ${routes[route]}` }, { allow: routes[route]! });
        status = 405;
      } else if (route === '/predict') {
        predictInFlight.add(1);
        try {
          status = await predict(req, res);
        } finally {
          predictInFlight.add(-1);
        }
      } else if (route === '/healthz') {
        status = state === 'ready' ? 200 : 503;
        const body: Record<string, unknown> = { status: state, model: { name: opts.modelName, version: opts.modelVersion } };
        if (loadError) body.error = loadError;
        if (faultsActive(opts.faults)) body.testFaults = opts.faults;
        sendJson(res, status, body);
      } else if (route === '/metrics') {
        const text = registry.render();
        res.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE, 'content-length': Buffer.byteLength(text) });
        res.end(text);
        status = 200;
      } else {
        status = session ? 200 : 503;
        sendJson(res, status, { model: { name: opts.modelName, version: opts.modelVersion }, state, ...(session ? { inputs: describeSchema(session.schema), outputs: session.outputs } : {}) });
      }
    } catch (err) {
      opts.log(`request failed: ${(err as Error).stack ?? err}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
      status = 500;
    }
    if (route !== 'other') {
      requests.inc({ route, code: String(status) });
      latency.observe(Number(process.hrtime.bigint() - started) / 1e9, { route });
    }
  };

  const server = createServer((req, res) => {
    inFlight++;
    res.on('close', () => {
      inFlight--;
      if (inFlight === 0 && idle) idle();
    });
    void handle(req, res);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
  if (faultsActive(opts.faults)) opts.log(`WARNING: TEST FAULTS ARE ON (${JSON.stringify(opts.faults)}); never use them in production`);

  const ready = (async () => {
    try {
      session = await openModelSession(opts.modelPath, { intraOpThreads: opts.threads, log: opts.log });
      for (const s of session.skippedOutputs) opts.log(`not served: ${s}`);
      await session.run(warmupRequest(session.schema));
      if (state === 'loading') state = 'ready';
      up.add(1);
      opts.log(`ready: model ${opts.modelName} version ${opts.modelVersion} from ${opts.modelPath} on ${url} (inputs ${JSON.stringify(describeSchema(session.schema))})`);
    } catch (err) {
      state = 'failed';
      loadError = (err as Error).message.split('\n')[0];
      throw err;
    }
  })();
  ready.catch(() => {});

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    if (!closing) closing = (async () => {
      if (state === 'ready') up.add(-1);
      state = 'draining';
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        const drained = new Promise<void>((r) => (idle = r));
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((r) => (timer = setTimeout(r, opts.shutdownTimeoutMs)));
        await Promise.race([drained, timeout]);
        clearTimeout(timer);
        if (inFlight > 0) opts.log(`shutdown: ${inFlight} request(s) still running after ${opts.shutdownTimeoutMs} ms; closing their connections`);
      }
      server.closeAllConnections();
      await closed;
      await ready.catch(() => {});
      await session?.close();
    })();
    return closing;
  };

  return {
    url,
    port,
    get state() {
      return state;
    },
    ready,
    schema: () => session?.schema,
    close,
    metricsText: () => registry.render(),
  };
}
