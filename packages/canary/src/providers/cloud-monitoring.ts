/**
 * Metric provider: Google Cloud Monitoring, through ListTimeSeries (the official
 * `@google-cloud/monitoring` client, REST).
 *
 * Each query is a Monitoring filter with `$ARM` where the arm's label value goes, e.g.
 * `metric.type="run.googleapis.com/request_count" AND resource.labels.revision_name="$ARM"`. The
 * metrics must be DELTA ones (each point counts what happened in its own sample period, as Cloud
 * Run's request_count and request_latencies do): a window sums the points whose period ends in it,
 * so consecutive windows (the next starts where the last ended) count every point once. Cloud
 * Monitoring shows a point up to a few minutes after its period ends (Cloud Run: up to 180 s), so
 * the window is read `delaySeconds` late: [start - delay, end - delay), the same for both arms.
 * Several series (one per response code, per instance...) are summed. Latency and predictions are
 * DISTRIBUTION metrics: their bucket counts are the histogram (bounds from the bucket options:
 * explicit, linear or exponential; the overflow bucket is +Inf), so the rank tests see every
 * request, not a percentile.
 */
import type { ArmObservation } from '../analysis';
import { settleAll } from './settle';
import type { MetricProvider } from '../interfaces';
import type { Histogram } from '../rank-shift-test';

/** The parts of a google.monitoring.v3.TimeSeries the provider reads (as the client decodes them). */
export interface TimeSeriesLike {
  metric?: { type?: string | null; labels?: Record<string, string> | null } | null;
  metricKind?: string | number | null;
  valueType?: string | number | null;
  points?: Array<{
    interval?: { startTime?: TimestampLike | null; endTime?: TimestampLike | null } | null;
    value?: { int64Value?: NumberLike | null; doubleValue?: number | null; distributionValue?: DistributionLike | null } | null;
  }> | null;
}
type NumberLike = number | string | { toString(): string };
type TimestampLike = { seconds?: NumberLike | null; nanos?: number | null };
interface DistributionLike {
  count?: NumberLike | null;
  bucketOptions?: {
    explicitBuckets?: { bounds?: number[] | null } | null;
    linearBuckets?: { numFiniteBuckets?: number | null; width?: number | null; offset?: number | null } | null;
    exponentialBuckets?: { numFiniteBuckets?: number | null; growthFactor?: number | null; scale?: number | null } | null;
  } | null;
  bucketCounts?: NumberLike[] | null;
}

/** The ListTimeSeries call: all pages of one request. */
export type ListTimeSeries = (request: {
  name: string;
  filter: string;
  interval: { startTime: { seconds: number; nanos: number }; endTime: { seconds: number; nanos: number } };
  view: 'FULL';
}, signal?: AbortSignal) => Promise<TimeSeriesLike[]>;

export interface CloudMonitoringProviderOptions {
  /** The project whose metrics are read (`projects/ID` is built from it). */
  project: string;
  requests: string;
  errors: string;
  latency?: string;
  predictions?: string;
  arms: { baseline: string; canary: string };
  /** Read each window this many seconds late (ingestion delay). Default 180. */
  delaySeconds?: number;
}

const DELTA = new Set(['DELTA', 3]);

export class CloudMonitoringProvider implements MetricProvider {
  readonly name = 'cloud-monitoring';
  readonly delayMs: number;

  constructor(
    private readonly list: ListTimeSeries,
    readonly opts: CloudMonitoringProviderOptions,
  ) {
    for (const k of ['requests', 'errors', 'latency', 'predictions'] as const) {
      const f = opts[k];
      if (f !== undefined && !f.includes('$ARM')) throw new Error(`cloud monitoring: the ${k} filter must hold $ARM where the arm's label value goes`);
    }
    this.delayMs = (opts.delaySeconds ?? 180) * 1000;
  }

  async observe(arm: 'baseline' | 'canary', window: { start: Date; end: Date }, signal?: AbortSignal): Promise<ArmObservation | null> {
    const start = window.start.getTime() - this.delayMs;
    const end = window.end.getTime() - this.delayMs;
    const value = this.opts.arms[arm];
    const read = (filter: string) => this.read(filter.replaceAll('$ARM', value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')), start, end, signal);
    // Every query settles before observe does: a refused one never leaves the others in flight
    // (their answers would arrive after the gate has moved on, or after the process meant to exit).
    const [requests, errors, latency, predictions] = await settleAll([
      read(this.opts.requests),
      read(this.opts.errors),
      this.opts.latency ? read(this.opts.latency) : Promise.resolve(undefined),
      this.opts.predictions ? read(this.opts.predictions) : Promise.resolve(undefined),
    ] as const);
    if (requests.series === 0) return null;
    const out: ArmObservation = { requests: scalar(requests, 'requests'), errors: errors.series === 0 ? 0 : scalar(errors, 'errors') };
    if (out.errors > out.requests) throw new Error(`cloud monitoring: ${out.errors} errors but ${out.requests} requests for ${arm} in the same window: check that the errors filter selects a subset of the requests filter`);
    if (latency?.histogram) out.latency = latency.histogram;
    if (predictions?.histogram) out.predictions = predictions.histogram;
    return out;
  }

  private async read(filter: string, start: number, end: number, signal?: AbortSignal): Promise<Summed> {
    const series = await this.list(
      { name: `projects/${this.opts.project}`, filter, interval: { startTime: ts(start), endTime: ts(end) }, view: 'FULL' },
      signal,
    );
    const summed: Summed = { series: series.length, sum: 0, histogram: undefined, filter };
    for (const s of series) {
      if (!DELTA.has(s.metricKind ?? '')) {
        throw new Error(`cloud monitoring: ${s.metric?.type ?? 'the metric'} is a ${String(s.metricKind)} metric; the gate reads DELTA metrics (counts per sample period, such as run.googleapis.com/request_count and request_latencies) (filter ${cut(filter)})`);
      }
      for (const p of s.points ?? []) {
        const pe = millis(p.interval?.endTime);
        // Points whose period ends in [start, end): consecutive windows count each point once.
        if (pe === undefined || pe < start || pe >= end) continue;
        const v = p.value ?? {};
        if (v.distributionValue) {
          const h = toHistogram(v.distributionValue, filter);
          if (!summed.histogram) summed.histogram = h;
          else if (summed.histogram.le.join() !== h.le.join()) throw new Error(`cloud monitoring: series of ${cut(filter)} use different buckets (${summed.histogram.le.length} and ${h.le.length} bounds); the gate sums them per bucket`);
          else h.counts.forEach((c, i) => (summed.histogram!.counts[i]! += c));
        } else if (v.int64Value !== undefined && v.int64Value !== null) summed.sum += Number(String(v.int64Value));
        else if (typeof v.doubleValue === 'number') summed.sum += v.doubleValue;
      }
    }
    return summed;
  }
}

interface Summed {
  series: number;
  sum: number;
  histogram: Histogram | undefined;
  filter: string;
}

function scalar(s: Summed, what: string): number {
  if (s.histogram) return s.histogram.counts.reduce((a, b) => a + b, 0);
  const v = Math.round(s.sum);
  if (!(v >= 0)) throw new Error(`cloud monitoring: ${what} summed to ${s.sum} (filter ${cut(s.filter)}); expected a count`);
  return v;
}

function ts(ms: number): { seconds: number; nanos: number } {
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: (ms - seconds * 1000) * 1e6 };
}

function millis(t: TimestampLike | null | undefined): number | undefined {
  if (!t || t.seconds === undefined || t.seconds === null) return undefined;
  return Number(String(t.seconds)) * 1000 + Math.floor((t.nanos ?? 0) / 1e6);
}

/** A Distribution's buckets as upper bounds and counts: underflow, the finite buckets, overflow (+Inf). */
export function toHistogram(d: DistributionLike, filter = ''): Histogram {
  const o = d.bucketOptions ?? {};
  let bounds: number[];
  if (o.explicitBuckets) bounds = [...(o.explicitBuckets.bounds ?? [])];
  else if (o.linearBuckets) {
    const { numFiniteBuckets: n = 0, width = 0, offset = 0 } = o.linearBuckets;
    bounds = Array.from({ length: (n ?? 0) + 1 }, (_, i) => (offset ?? 0) + (width ?? 0) * i);
  } else if (o.exponentialBuckets) {
    const { numFiniteBuckets: n = 0, growthFactor = 1, scale = 1 } = o.exponentialBuckets;
    bounds = Array.from({ length: (n ?? 0) + 1 }, (_, i) => (scale ?? 1) * Math.pow(growthFactor ?? 1, i));
  } else throw new Error(`cloud monitoring: a distribution of ${cut(filter)} has no bucket options`);
  const le = [...bounds, Infinity];
  const counts = le.map((_, i) => Number(String(d.bucketCounts?.[i] ?? 0)));
  if ((d.bucketCounts?.length ?? 0) > le.length) throw new Error(`cloud monitoring: a distribution of ${cut(filter)} has ${d.bucketCounts!.length} bucket counts for ${le.length} buckets`);
  return { le, counts };
}

function cut(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

