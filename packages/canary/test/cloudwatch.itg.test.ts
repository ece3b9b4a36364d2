/**
 * CloudWatchProvider against moto's CloudWatch (a real moto_server; data put with PutMetricData at
 * set timestamps, read back by the provider with GetMetricData Stat Sum and ListMetrics). moto
 * aggregates Sum, SampleCount, Average, Minimum and Maximum per period (percentiles come back empty:
 * the provider does not use them), which is all the provider asks of CloudWatch.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { CloudWatchClient, type MetricDatum, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { type MotoServer, startMoto } from '@ml-deploy/test/harness/moto';
import { CloudWatchProvider } from '../src/providers/cloudwatch';

let moto: MotoServer;
let cw: CloudWatchClient;
const NS = 'MlDeploy/Test';
/** A whole minute ten minutes ago: the data below sits in the three minutes after it. */
const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000;
const at = (s: number): Date => new Date(T0 + s * 1000);

beforeAll(async () => {
  moto = await startMoto();
  cw = new CloudWatchClient({ region: 'us-east-1', endpoint: moto.url, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const data: MetricDatum[] = [];
  const count = (name: string, arm: string, s: number, value: number, extra: Record<string, string> = {}): void => {
    data.push({ MetricName: name, Timestamp: at(s), Value: value, Unit: 'Count', Dimensions: [{ Name: 'Revision', Value: arm }, ...Object.entries(extra).map(([Name, Value]) => ({ Name, Value }))] });
  };
  // Minute 0 and minute 1: the first window. Two datapoints in one minute add up.
  count('Requests', 'v1', 5, 60);
  count('Requests', 'v1', 30, 40);
  count('Errors', 'v1', 30, 3);
  count('Requests', 'v1', 70, 100);
  count('Errors', 'v1', 70, 2);
  count('Requests', 'v2', 10, 7);
  count('Requests', 'v2', 75, 3);
  count('Errors', 'v2', 75, 2);
  // Per-bucket latency counters (dimension le), one spelled '+Inf'; a bucket only the baseline has.
  count('LatencyBucket', 'v1', 20, 120, { le: '0.05' });
  count('LatencyBucket', 'v1', 20, 70, { le: '0.1' });
  count('LatencyBucket', 'v1', 80, 10, { le: '+Inf' });
  count('LatencyBucket', 'v2', 20, 6, { le: '0.1' });
  count('LatencyBucket', 'v2', 80, 4, { le: '+Inf' });
  // A metric with one more dimension must not be mistaken for a bucket of ours.
  count('LatencyBucket', 'v2', 20, 999, { le: '0.025', Zone: 'a' });
  // Minute 2: still running when the first window ends, so it belongs to the next one.
  count('Requests', 'v2', 130, 11);
  count('Errors', 'v2', 130, 1);
  await cw.send(new PutMetricDataCommand({ Namespace: NS, MetricData: data }));
}, 60_000);

afterAll(async () => {
  cw?.destroy();
  await moto?.stop();
});

const provider = (arms = { baseline: 'v1', canary: 'v2' }): CloudWatchProvider =>
  new CloudWatchProvider(cw, {
    requests: { namespace: NS, metricName: 'Requests', dimensions: { Revision: '$ARM' } },
    errors: { namespace: NS, metricName: 'Errors', dimensions: { Revision: '$ARM' } },
    latency: { namespace: NS, metricName: 'LatencyBucket', dimensions: { Revision: '$ARM' } },
    arms,
  });

it('sums each arm over the window\'s whole minutes, with latency per bucket from the le dimension', async () => {
  const p = provider();
  // The window ends 30 s into minute 2: minutes 0 and 1 are read, minute 2 is left for the next window.
  const window = { start: at(0), end: at(150) };
  expect(await p.observe('baseline', window)).toEqual({ requests: 200, errors: 5, latency: { le: [0.05, 0.1, Infinity], counts: [120, 70, 10] } });
  expect(await p.observe('canary', window)).toEqual({ requests: 10, errors: 2, latency: { le: [0.05, 0.1, Infinity], counts: [0, 6, 4] } });
  // The next window starts where that one ended: minute 2 is counted there, once.
  expect(await p.observe('canary', { start: at(150), end: at(200) })).toEqual({ requests: 11, errors: 1 });
});

it('gives null (no data) for an arm with no datapoints and for a window shorter than a period', async () => {
  const p = provider({ baseline: 'v1', canary: 'v9' });
  expect(await p.observe('canary', { start: at(0), end: at(150) })).toBeNull();
  expect(await p.observe('baseline', { start: at(5), end: at(50) })).toBeNull();
  expect(p.periods({ start: at(61), end: at(179) })).toEqual({ start: at(60), end: at(120) });
});

it('refuses metrics CloudWatch would refuse, naming the field', () => {
  const base = provider().opts;
  expect(() => new CloudWatchProvider(cw, { ...base, requests: { namespace: ':bad', metricName: 'Requests', dimensions: {} } })).toThrow(/cloudwatch requests: namespace ':bad' must be 1-255 characters, not starting with ':'/);
  expect(() => new CloudWatchProvider(cw, { ...base, errors: { namespace: NS, metricName: '', dimensions: {} } })).toThrow(/cloudwatch errors: metric name '' must be 1-255/);
  expect(() => new CloudWatchProvider(cw, { ...base, latency: { namespace: NS, metricName: 'L', dimensions: { le: '0.1' } } })).toThrow(/leave the bucket dimension 'le' out/);
  expect(() => new CloudWatchProvider(cw, { ...base, period: 45 })).toThrow(/period: 45 must be 1, 5, 10, 30 or a multiple of 60/);
});
