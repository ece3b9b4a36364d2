/**
 * PrometheusProvider against a real Prometheus (Debian's package, test/harness/prometheus.ts)
 * scraping the harness's exporter every second: the counts it hands the analysis are exactly what
 * the exporter counted in the window, per arm, with histograms per bucket.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { type Exporter, type PrometheusServer, startExporter, startPrometheus } from '@ml-deploy/test/harness/prometheus';
import { PrometheusProvider } from '../src/providers/prometheus';

let exporter: Exporter;
let prom: PrometheusServer;
const LE = [0.05, 0.1, 0.25];

beforeAll(async () => {
  exporter = await startExporter();
  // Series exist (at 0) before the first scrape, as a real server's do.
  for (const revision of ['v1', 'v2']) {
    exporter.inc('model_requests_total', { route: '/predict', code: '200', revision }, 0);
    exporter.inc('model_requests_total', { route: '/predict', code: '500', revision }, 0);
    exporter.observe('model_request_duration_seconds', { route: '/predict', revision }, LE, []);
  }
  prom = await startPrometheus([exporter.target]);
}, 60_000);

afterAll(async () => {
  await prom?.stop();
  await exporter?.stop();
});

const provider = (): PrometheusProvider =>
  new PrometheusProvider({
    url: prom.url,
    requests: 'model_requests_total{route="/predict",revision="$ARM"}',
    errors: 'model_requests_total{route="/predict",code=~"5..",revision="$ARM"}',
    latency: 'model_request_duration_seconds_bucket{route="/predict",revision="$ARM"}',
    arms: { baseline: 'v1', canary: 'v2' },
  });

it('returns the exact requests, errors and latency buckets of each arm in a window', async () => {
  const total = 'sum(model_requests_total{revision=~"v1|v2"})';
  const start = await prom.waitForValue(total, 0);
  exporter.inc('model_requests_total', { route: '/predict', code: '200', revision: 'v1' }, 95);
  exporter.inc('model_requests_total', { route: '/predict', code: '500', revision: 'v1' }, 5);
  exporter.inc('model_requests_total', { route: '/predict', code: '200', revision: 'v2' }, 8);
  exporter.inc('model_requests_total', { route: '/predict', code: '500', revision: 'v2' }, 2);
  exporter.observe('model_request_duration_seconds', { route: '/predict', revision: 'v1' }, LE, [0.01, 0.07, 0.07, 0.2, 0.3]);
  exporter.observe('model_request_duration_seconds', { route: '/predict', revision: 'v2' }, LE, [0.2, 0.2]);
  await prom.waitForValue('sum(model_request_duration_seconds_count{revision=~"v1|v2"})', 7);
  const end = await prom.waitForValue(total, 110);

  const p = provider();
  const baseline = await p.observe('baseline', { start, end });
  const canary = await p.observe('canary', { start, end });
  expect(baseline).toEqual({ requests: 100, errors: 5, latency: { le: [0.05, 0.1, 0.25, Infinity], counts: [1, 2, 1, 1] } });
  expect(canary).toEqual({ requests: 10, errors: 2, latency: { le: [0.05, 0.1, 0.25, Infinity], counts: [0, 0, 2, 0] } });

  // The next window starts where this one ended: nothing counted twice.
  exporter.inc('model_requests_total', { route: '/predict', code: '200', revision: 'v2' }, 3);
  const end2 = await prom.waitForValue(total, 113);
  expect(await p.observe('canary', { start: end, end: end2 })).toMatchObject({ requests: 3, errors: 0 });
}, 60_000);

it('says no data (null) for an arm without series, and names a query Prometheus rejects', async () => {
  const p = new PrometheusProvider({ ...provider().opts, arms: { baseline: 'v1', canary: 'v9' } });
  const now = new Date();
  expect(await p.observe('canary', { start: new Date(now.getTime() - 5000), end: now })).toBeNull();
  const bad = new PrometheusProvider({ ...provider().opts, requests: 'model_requests_total{revision=~"("}' });
  await expect(bad.observe('baseline', { start: new Date(now.getTime() - 5000), end: now })).rejects.toThrow(/prometheus query 'model_requests_total\{revision=~"\("\}' failed \(HTTP 400, bad_data\)/);
  expect(() => new PrometheusProvider({ ...provider().opts, requests: 'sum(rate(x[5m]))' })).toThrow(/prometheus requests: 'sum\(rate\(x\[5m\]\)\)' must be a series selector/);
});
