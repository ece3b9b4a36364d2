/**
 * The Cloud Monitoring provider through the official @google-cloud/monitoring client (REST) against
 * the local fake (test/harness/cloud-monitoring-fake.ts: ListTimeSeries, every request and response
 * checked against the protos inside @google-cloud/monitoring). Series are shaped as Cloud Run's
 * built-in metrics: request_count (DELTA INT64, per response_code_class) and request_latencies
 * (DELTA DISTRIBUTION, exponential buckets), one point a minute per revision.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Endpoint, parseEndpoint } from '@ml-deploy/gcp';
import { type CloudMonitoringFake, startCloudMonitoringFake } from '@ml-deploy/test/harness/cloud-monitoring-fake';
import { CloudMonitoringProvider, toHistogram } from '../src/providers/cloud-monitoring';
import { createMonitoringClient, type MonitoringClient } from '../src/providers/cloud-monitoring-client';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const MIN = 60_000;
const resource = (revision: string) => ({ type: 'cloud_run_revision', labels: { project_id: 'demo', service_name: 'model-api', revision_name: revision, location: 'europe-west4' } });
const BUCKETS = { exponentialBuckets: { numFiniteBuckets: 6, growthFactor: 2, scale: 10 } }; // ms: <10, 10-20, ..., 320-640, >=640

/** Per revision and minute: [2xx, 5xx, latency bucket counts]. */
const DATA: Record<string, Array<[number, number, number[]]>> = {
  'model-api-00001-abc': [[950, 5, [0, 100, 500, 300, 50, 5, 0, 0]], [900, 4, [0, 90, 480, 280, 50, 4, 0, 0]], [1000, 6, [0, 110, 520, 310, 60, 6, 0, 0]], [980, 5, [0, 100, 500, 330, 50, 5, 0, 0]]],
  'model-api-00002-xyz': [[50, 1, [0, 5, 25, 15, 5, 1, 0, 0]], [48, 0, [0, 4, 24, 15, 5, 0, 0, 0]], [52, 2, [0, 5, 26, 17, 5, 1, 0, 0]], [47, 1, [0, 5, 23, 14, 5, 1, 0, 0]]],
};

let fake: CloudMonitoringFake;
let client: MonitoringClient;
beforeAll(async () => {
  fake = await startCloudMonitoringFake();
  client = await createMonitoringClient(parseEndpoint(fake.url) as Endpoint);
  for (const [revision, minutes] of Object.entries(DATA)) {
    minutes.forEach(([ok, failed, buckets], i) => {
      const start = T0 + i * MIN;
      const end = start + MIN;
      for (const [cls, n] of [['2xx', ok], ['5xx', failed]] as const) {
        fake.addPoint({ metric: { type: 'run.googleapis.com/request_count', labels: { response_code_class: cls, response_code: cls === '2xx' ? '200' : '500' } }, resource: resource(revision), metricKind: 'DELTA', valueType: 'INT64' }, { start, end, value: { int64Value: String(n) } });
      }
      fake.addPoint(
        { metric: { type: 'run.googleapis.com/request_latencies', labels: {} }, resource: resource(revision), metricKind: 'DELTA', valueType: 'DISTRIBUTION' },
        { start, end, value: { distributionValue: { count: String(buckets.reduce((a, b) => a + b, 0)), bucketOptions: BUCKETS, bucketCounts: buckets.map(String) } } },
      );
    });
  }
  // A custom CUMULATIVE counter (what an OpenTelemetry exporter writes).
  fake.addPoint({ metric: { type: 'custom.googleapis.com/model/requests', labels: { revision: 'model-api-00002-xyz' } }, resource: { type: 'global', labels: { project_id: 'demo' } }, metricKind: 'CUMULATIVE', valueType: 'INT64' }, { start: T0, end: T0 + MIN, value: { int64Value: '10' } });
});
afterAll(async () => {
  await client?.close();
  fake?.assertClean();
  await fake?.stop();
});

const provider = (extra: Partial<ConstructorParameters<typeof CloudMonitoringProvider>[1]> = {}) =>
  new CloudMonitoringProvider(client.listTimeSeries, {
    project: 'demo',
    requests: 'metric.type="run.googleapis.com/request_count" AND resource.labels.revision_name="$ARM"',
    errors: 'metric.type="run.googleapis.com/request_count" AND resource.labels.revision_name="$ARM" AND metric.labels.response_code_class="5xx"',
    latency: 'metric.type="run.googleapis.com/request_latencies" AND resource.labels.revision_name="$ARM"',
    arms: { baseline: 'model-api-00001-abc', canary: 'model-api-00002-xyz' },
    delaySeconds: 0,
    ...extra,
  });

const sum = (rev: string, from: number, to: number, f: (m: [number, number, number[]]) => number) => DATA[rev]!.slice(from, to).reduce((a, m) => a + f(m), 0);

describe('CloudMonitoringProvider', () => {
  it('sums every series of each arm over the points whose period ends in the window, latency from the distribution buckets', async () => {
    // Window [T0+1m, T0+3m): the points ending at T0+1m and T0+2m, i.e. minutes 0 and 1.
    const p = provider();
    const w = { start: new Date(T0 + MIN), end: new Date(T0 + 3 * MIN) };
    const [b, c] = await Promise.all([p.observe('baseline', w), p.observe('canary', w)]);
    expect(b).toMatchObject({ requests: 950 + 5 + 900 + 4, errors: 9 });
    expect(c).toMatchObject({ requests: 50 + 1 + 48, errors: 1 });
    expect(c!.latency).toEqual({ le: [10, 20, 40, 80, 160, 320, 640, Infinity], counts: [0, 9, 49, 30, 10, 1, 0, 0] });
    expect(b!.latency!.le).toEqual(c!.latency!.le);
  });

  it('consecutive windows count every point once', async () => {
    const p = provider();
    const edges = [T0, T0 + 90_000, T0 + 3 * MIN, T0 + 5 * MIN];
    let requests = 0;
    let errors = 0;
    for (let i = 0; i + 1 < edges.length; i++) {
      const o = await p.observe('canary', { start: new Date(edges[i]!), end: new Date(edges[i + 1]!) });
      requests += o?.requests ?? 0;
      errors += o?.errors ?? 0;
    }
    expect(requests).toBe(sum('model-api-00002-xyz', 0, 4, ([a, f]) => a + f));
    expect(errors).toBe(sum('model-api-00002-xyz', 0, 4, ([, f]) => f));
  });

  it('reads each window delaySeconds late (points appear minutes after their period)', async () => {
    const p = provider({ delaySeconds: 120 });
    const o = await p.observe('canary', { start: new Date(T0 + 3 * MIN), end: new Date(T0 + 5 * MIN) });
    expect(o).toMatchObject({ requests: sum('model-api-00002-xyz', 0, 2, ([a, f]) => a + f) });
  });

  it('no series for an arm is no data (null), not zero', async () => {
    const o = await provider({ arms: { baseline: 'model-api-00001-abc', canary: 'model-api-00003-new' } }).observe('canary', { start: new Date(T0), end: new Date(T0 + 5 * MIN) });
    expect(o).toBeNull();
  });

  it('refuses a CUMULATIVE metric, naming the kind it needs', async () => {
    const p = provider({ requests: 'metric.type="custom.googleapis.com/model/requests" AND metric.labels.revision="$ARM"' });
    await expect(p.observe('canary', { start: new Date(T0), end: new Date(T0 + 2 * MIN) })).rejects.toThrow(/custom\.googleapis\.com\/model\/requests is a CUMULATIVE metric; the gate reads DELTA metrics/);
  });

  it('says what the API refused: a filter, a permission', async () => {
    await expect(provider({ errors: 'metric.type="run.googleapis.com/request_count" AND resource.labels.revision_name="$ARM" AND metric.labels.response_code_class!="2xx"' }).observe('canary', { start: new Date(T0), end: new Date(T0 + MIN) })).rejects.toThrow(/Could not parse filter term/);
    fake.denyPermission();
    try {
      await expect(provider().observe('canary', { start: new Date(T0), end: new Date(T0 + MIN) })).rejects.toThrow(/monitoring\.timeSeries\.list/);
    } finally {
      fake.denyPermission(false);
    }
  });

  it('every request the client sent was a valid ListTimeSeriesRequest', () => {
    expect(fake.calls.filter((c) => c.status === 200).length).toBeGreaterThan(10);
    expect(fake.calls.filter((c) => c.status === 400).map((c) => c.filter)).toEqual([expect.stringContaining('!=')]);
  });
});

describe('toHistogram', () => {
  it('turns explicit, linear and exponential bucket options into upper bounds with +Inf last, short bucketCounts padded', () => {
    expect(toHistogram({ bucketOptions: { explicitBuckets: { bounds: [0.1, 0.5, 1] } }, bucketCounts: ['1', '2'] })).toEqual({ le: [0.1, 0.5, 1, Infinity], counts: [1, 2, 0, 0] });
    expect(toHistogram({ bucketOptions: { linearBuckets: { numFiniteBuckets: 2, width: 5, offset: 0 } }, bucketCounts: [0, 3, 4, 1] })).toEqual({ le: [0, 5, 10, Infinity], counts: [0, 3, 4, 1] });
    expect(toHistogram({ bucketOptions: { exponentialBuckets: { numFiniteBuckets: 2, growthFactor: 10, scale: 1 } }, bucketCounts: ['0', '1', '2', '3'] })).toEqual({ le: [1, 10, 100, Infinity], counts: [0, 1, 2, 3] });
  });
});
