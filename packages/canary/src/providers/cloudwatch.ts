/**
 * Metric provider: Amazon CloudWatch, through GetMetricData (Stat `Sum`).
 *
 * CloudWatch keeps counts per period (60 s for standard-resolution metrics, down to 1 s for
 * high-resolution ones), so a window is read as whole periods: the periods that start at or after
 * the window's start rounded down to the period, and before its end rounded down. Consecutive windows
 * (the gate's next one starts where the last ended) then chain exactly: every period is counted once,
 * and the period still running when the window ends (whose data is incomplete) goes to the next one.
 * Baseline and canary are read for the same periods.
 *
 * Latency and prediction histograms are counters with one extra dimension, `le` by default, whose
 * value is the bucket's upper bound (`+Inf` for the last); each request is counted once, in the
 * smallest bucket that holds it (per-bucket counts, not Prometheus' cumulative ones). Which buckets
 * exist is read with ListMetrics. CloudWatch's percentile statistics are not used: a quantile cannot
 * be tested against the baseline's sample the way bucket counts can.
 */
import {
  type CloudWatchClient,
  type Dimension,
  GetMetricDataCommand,
  type GetMetricDataCommandOutput,
  ListMetricsCommand,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import type { ArmObservation } from '../analysis';
import { settleAll } from './settle';
import type { MetricProvider } from '../interfaces';
import type { Histogram } from '../rank-shift-test';

/** One metric: namespace, name, dimensions; `$ARM` in a dimension value becomes the arm's value. */
export interface CloudWatchMetric {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
}

export interface CloudWatchProviderOptions {
  requests: CloudWatchMetric;
  errors: CloudWatchMetric;
  /** Per-bucket latency counters: `dimensions` without the bucket dimension. */
  latency?: CloudWatchMetric;
  predictions?: CloudWatchMetric;
  /** The dimension holding a bucket's upper bound. Default `le`. */
  bucketDimension?: string;
  /** What `$ARM` becomes for each arm (a target group, a service, a revision...). */
  arms: { baseline: string; canary: string };
  /** Seconds per period: 60 (default), or 1, 5, 10, 30 for high-resolution metrics, or a multiple of 60. */
  period?: number;
}

/** GetMetricData takes at most 500 queries per call. */
const MAX_QUERIES = 500;

export class CloudWatchProvider implements MetricProvider {
  readonly name = 'cloudwatch';
  readonly period: number;
  private readonly bucketDimension: string;

  constructor(
    private readonly cw: CloudWatchClient,
    readonly opts: CloudWatchProviderOptions,
  ) {
    this.period = opts.period ?? 60;
    if (![1, 5, 10, 30].includes(this.period) && !(Number.isInteger(this.period) && this.period >= 60 && this.period % 60 === 0)) {
      throw new Error(`cloudwatch period: ${this.period} must be 1, 5, 10, 30 or a multiple of 60 seconds`);
    }
    this.bucketDimension = opts.bucketDimension ?? 'le';
    for (const key of ['requests', 'errors', 'latency', 'predictions'] as const) {
      const m = opts[key];
      if (m) checkMetric(key, m);
      if (m && (key === 'latency' || key === 'predictions') && this.bucketDimension in m.dimensions) {
        throw new Error(`cloudwatch ${key}: leave the bucket dimension '${this.bucketDimension}' out; the provider reads every bucket`);
      }
    }
  }

  /** The whole periods a window covers (see the file comment). */
  periods(window: { start: Date; end: Date }): { start: Date; end: Date } {
    const p = this.period * 1000;
    return { start: new Date(Math.floor(window.start.getTime() / p) * p), end: new Date(Math.floor(window.end.getTime() / p) * p) };
  }

  async observe(arm: 'baseline' | 'canary', window: { start: Date; end: Date }, signal?: AbortSignal): Promise<ArmObservation | null> {
    const range = this.periods(window);
    if (range.end <= range.start) return null; // shorter than one period: nothing whole to read
    const value = this.opts.arms[arm];
    const queries: { id: string; metric: CloudWatchMetric; bucket?: { kind: 'latency' | 'predictions'; le: number } }[] = [
      { id: 'requests', metric: bind(this.opts.requests, value) },
      { id: 'errors', metric: bind(this.opts.errors, value) },
    ];
    for (const kind of ['latency', 'predictions'] as const) {
      const m = this.opts[kind];
      if (!m) continue;
      const bound = bind(m, value);
      // Both arms get the same buckets (the union of what each has published), so they compare.
      const [b, c] = await settleAll([this.buckets(bind(m, this.opts.arms.baseline), signal), this.buckets(bind(m, this.opts.arms.canary), signal)]);
      const union = new Map<number, string>([...c, ...b].map((x) => [x.le, x.raw]));
      for (const [le, raw] of [...union].sort((x, y) => x[0] - y[0])) {
        queries.push({ id: `${kind}${queries.length}`, metric: withDimension(bound, this.bucketDimension, raw), bucket: { kind, le } });
      }
    }
    const sums = await this.sums(queries, range, signal);
    const requests = sums.get('requests');
    if (requests === undefined) return null;
    const out: ArmObservation = { requests, errors: Math.min(sums.get('errors') ?? 0, requests) };
    for (const kind of ['latency', 'predictions'] as const) {
      const le: number[] = [];
      const counts: number[] = [];
      for (const q of queries) {
        if (q.bucket?.kind !== kind) continue;
        le.push(q.bucket.le);
        counts.push(sums.get(q.id) ?? 0);
      }
      if (le.length && counts.some((c) => c > 0)) out[kind] = { le, counts } satisfies Histogram;
    }
    return out;
  }

  /** Bucket bounds that exist for the metric (ListMetrics), sorted; unparseable values are skipped. */
  private async buckets(m: CloudWatchMetric, signal?: AbortSignal): Promise<{ le: number; raw: string }[]> {
    const seen = new Map<number, string>();
    let next: string | undefined;
    do {
      const res = await this.cw.send(
        new ListMetricsCommand({
          Namespace: m.namespace,
          MetricName: m.metricName,
          Dimensions: [...toDimensions(m.dimensions).map((d) => ({ Name: d.Name!, Value: d.Value! })), { Name: this.bucketDimension }],
          ...(next ? { NextToken: next } : {}),
        }),
        { abortSignal: signal },
      );
      for (const metric of res.Metrics ?? []) {
        const dims = metric.Dimensions ?? [];
        // Only metrics with exactly the asked dimensions plus the bucket one (ListMetrics matches supersets).
        if (dims.length !== Object.keys(m.dimensions).length + 1) continue;
        const raw = dims.find((d) => d.Name === this.bucketDimension)?.Value;
        const le = raw === undefined ? NaN : parseLe(raw);
        // Two spellings of one bound ("0.1", "0.10") would be one bucket counted twice: refuse.
        if (!Number.isNaN(le) && seen.has(le) && seen.get(le) !== raw) throw new Error(`cloudwatch ${m.metricName}: buckets '${seen.get(le)}' and '${raw}' are the same bound; publish one spelling`);
        if (!Number.isNaN(le)) seen.set(le, raw!);
      }
      next = res.NextToken;
    } while (next);
    return [...seen].sort((a, b) => a[0] - b[0]).map(([le, raw]) => ({ le, raw }));
  }

  /** Sum of every datapoint of each query over the periods; a query with no datapoint is absent. */
  private async sums(queries: { id: string; metric: CloudWatchMetric }[], range: { start: Date; end: Date }, signal?: AbortSignal): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < queries.length; i += MAX_QUERIES) {
      const batch: MetricDataQuery[] = queries.slice(i, i + MAX_QUERIES).map((q) => ({
        Id: q.id,
        ReturnData: true,
        MetricStat: {
          Metric: { Namespace: q.metric.namespace, MetricName: q.metric.metricName, Dimensions: toDimensions(q.metric.dimensions) },
          Period: this.period,
          Stat: 'Sum',
        },
      }));
      let next: string | undefined;
      do {
        const res: GetMetricDataCommandOutput = await this.cw.send(
          new GetMetricDataCommand({ MetricDataQueries: batch, StartTime: range.start, EndTime: range.end, ScanBy: 'TimestampAscending', ...(next ? { NextToken: next } : {}) }),
          { abortSignal: signal },
        );
        for (const r of res.MetricDataResults ?? []) {
          if (r.StatusCode === 'Forbidden' || r.StatusCode === 'InternalError') {
            throw new Error(`cloudwatch GetMetricData for '${r.Id}' answered ${r.StatusCode}${r.Messages?.length ? `: ${r.Messages.map((m) => m.Value).join('; ')}` : ''}`);
          }
          const values = (r.Values ?? []).filter((v) => Number.isFinite(v));
          if (values.length === 0) continue;
          // Counts are whole; Sum of whole counts can come back as 41.99999 after CloudWatch's float sums.
          out.set(r.Id!, (out.get(r.Id!) ?? 0) + Math.round(values.reduce((a, b) => a + b, 0)));
        }
        for (const m of res.Messages ?? []) {
          if (m.Code === 'MaxQueryTimeRangeExceed' || m.Code === 'MaxQueryResultsExceed') throw new Error(`cloudwatch GetMetricData: ${m.Code}: ${m.Value ?? ''}`);
        }
        next = res.NextToken;
      } while (next);
    }
    return out;
  }
}

function checkMetric(key: string, m: CloudWatchMetric): void {
  // Limits from the CloudWatch API reference (Metric, Dimension): namespace 1-255 and not starting
  // with ':', metric name 1-255, dimension names 1-255 and values 1-1024, at most 30 dimensions.
  if (!(m.namespace.length >= 1 && m.namespace.length <= 255) || m.namespace.startsWith(':')) throw new Error(`cloudwatch ${key}: namespace '${m.namespace.slice(0, 80)}' must be 1-255 characters, not starting with ':'`);
  if (!(m.metricName.length >= 1 && m.metricName.length <= 255)) throw new Error(`cloudwatch ${key}: metric name '${m.metricName.slice(0, 80)}' must be 1-255 characters`);
  const dims = Object.entries(m.dimensions);
  if (dims.length > 30) throw new Error(`cloudwatch ${key}: ${dims.length} dimensions, at most 30 allowed`);
  for (const [k, v] of dims) {
    if (!(k.length >= 1 && k.length <= 255)) throw new Error(`cloudwatch ${key}: dimension name '${k.slice(0, 80)}' must be 1-255 characters`);
    if (!(v.length >= 1 && v.length <= 1024)) throw new Error(`cloudwatch ${key}: dimension ${k}'s value must be 1-1024 characters`);
  }
}

function bind(m: CloudWatchMetric, arm: string): CloudWatchMetric {
  return { ...m, dimensions: Object.fromEntries(Object.entries(m.dimensions).map(([k, v]) => [k, v.replaceAll('$ARM', arm)])) };
}

function withDimension(m: CloudWatchMetric, name: string, value: string): CloudWatchMetric {
  return { ...m, dimensions: { ...m.dimensions, [name]: value } };
}

function toDimensions(d: Record<string, string>): Dimension[] {
  return Object.entries(d).map(([Name, Value]) => ({ Name, Value }));
}

function parseLe(raw: string): number {
  const v = raw.trim();
  if (v === '+Inf' || v === 'Inf' || v === 'inf' || v === '+inf') return Infinity;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : NaN;
}

/**
 * Reads `MetricName{Dim=value,Dim2="value, with a comma"}` (or a bare `MetricName`) into a metric of
 * `namespace`. Throws a message saying what is expected; the caller names the input.
 */
export function parseCloudWatchMetric(text: string, namespace: string): CloudWatchMetric {
  const m = /^([^{}"]+?)\s*(?:\{(.*)\})?$/s.exec(text.trim());
  if (!m) throw new Error('a metric such as RequestCount{TargetGroup=$ARM,LoadBalancer=app/my-alb/50dc6c495c0c9188}');
  const dimensions: Record<string, string> = {};
  const body = m[2]?.trim() ?? '';
  const pair = /\s*([^=,"{}]+?)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,"]*?))\s*(?:,|$)/gy;
  let last = 0;
  while (last < body.length) {
    pair.lastIndex = last;
    const p = pair.exec(body);
    if (!p || p[0].length === 0) throw new Error(`dimensions as Name=value pairs separated by commas (quote a value holding a comma), not '${body.slice(last, last + 40)}'`);
    const name = p[1]!;
    if (name in dimensions) throw new Error(`dimension ${name} given twice`);
    dimensions[name] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3]!;
    last = pair.lastIndex;
  }
  const metric = { namespace, metricName: m[1]!.trim(), dimensions };
  checkMetric('metric', metric);
  return metric;
}
