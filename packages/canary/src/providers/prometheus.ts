/**
 * Metric provider: Prometheus, through its HTTP API (`/api/v1/query`).
 *
 * Counts must be exact whole numbers for the error-rate test, so no `increase()` (it extrapolates to
 * the window's edges and returns fractions). Instead each series selector is read at the window's
 * start and at its end (instant queries: the last scrape at or before each time), and the counts are
 * the per-series differences: consecutive windows chain exactly, nothing is counted twice. A series
 * whose value went down was reset (a restart): its count is its value at the end. Histograms come
 * from their `_bucket` series, summed per `le` and turned from cumulative into per-bucket counts.
 */
import type { ArmObservation } from '../analysis';
import { settleAll } from './settle';
import type { Histogram } from '../rank-shift-test';
import type { MetricProvider } from '../interfaces';

export interface PrometheusProviderOptions {
  /** Base URL of the Prometheus server, e.g. http://prometheus:9090 */
  url: string;
  /**
   * Series selectors (no functions), with `$ARM` replaced by the arm's label value:
   * requests e.g. `model_requests_total{route="/predict",revision="$ARM"}`, errors e.g.
   * `model_requests_total{route="/predict",code=~"5..",revision="$ARM"}`, latency the histogram's
   * `_bucket` series, predictions an output histogram's `_bucket` series.
   */
  requests: string;
  errors: string;
  latency?: string;
  predictions?: string;
  /** What `$ARM` becomes for each arm (e.g. revision names). */
  arms: { baseline: string; canary: string };
  /** Extra request headers (e.g. Authorization); values are secrets. */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

const SELECTOR = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})?$/s;

export class PrometheusProvider implements MetricProvider {
  readonly name = 'prometheus';
  private readonly fetchFn: typeof fetch;

  constructor(readonly opts: PrometheusProviderOptions) {
    for (const key of ['requests', 'errors', 'latency', 'predictions'] as const) {
      const sel = opts[key];
      if (sel !== undefined && !SELECTOR.test(sel.trim())) {
        throw new Error(`prometheus ${key}: '${sel.slice(0, 80)}' must be a series selector such as name{label="value"} (no functions: the gate computes the counts itself)`);
      }
    }
    if (opts.latency && !/_bucket(\{|$)/.test(opts.latency)) throw new Error(`prometheus latency: '${opts.latency.slice(0, 80)}' must select a histogram's _bucket series`);
    if (opts.predictions && !/_bucket(\{|$)/.test(opts.predictions)) throw new Error(`prometheus predictions: '${opts.predictions.slice(0, 80)}' must select a histogram's _bucket series`);
    this.fetchFn = opts.fetch ?? fetch;
  }

  async observe(arm: 'baseline' | 'canary', window: { start: Date; end: Date }, signal?: AbortSignal): Promise<ArmObservation | null> {
    const sel = (s: string): string => s.replaceAll('$ARM', this.opts.arms[arm]);
    const requests = await this.increase(sel(this.opts.requests), window, signal);
    if (requests === null) return null;
    const errors = (await this.increase(sel(this.opts.errors), window, signal)) ?? 0;
    const out: ArmObservation = { requests, errors: Math.min(errors, requests) };
    if (this.opts.latency) {
      const h = await this.histogram(sel(this.opts.latency), window, signal);
      if (h) out.latency = h;
    }
    if (this.opts.predictions) {
      const h = await this.histogram(sel(this.opts.predictions), window, signal);
      if (h) out.predictions = h;
    }
    return out;
  }

  /** Sum over series of (value at end - value at start); null when no series exists at the end. */
  private async increase(selector: string, w: { start: Date; end: Date }, signal?: AbortSignal): Promise<number | null> {
    const byKey = await this.differences(selector, w, signal);
    if (byKey === null) return null;
    let total = 0;
    for (const { delta } of byKey.values()) total += delta;
    return total;
  }

  private async histogram(selector: string, w: { start: Date; end: Date }, signal?: AbortSignal): Promise<Histogram | null> {
    const byKey = await this.differences(selector, w, signal);
    if (byKey === null) return null;
    const cumulative = new Map<number, number>();
    for (const { metric, delta } of byKey.values()) {
      const le = metric.le === '+Inf' ? Infinity : Number(metric.le);
      if (Number.isNaN(le)) continue;
      cumulative.set(le, (cumulative.get(le) ?? 0) + delta);
    }
    const le = [...cumulative.keys()].sort((a, b) => a - b);
    if (le.length === 0) return null;
    const counts: number[] = [];
    let prev = 0;
    for (const b of le) {
      const c = cumulative.get(b)!;
      // Cumulative buckets never decrease; a dip means series scraped at different times: clamp.
      counts.push(Math.max(0, c - prev));
      prev = Math.max(prev, c);
    }
    return { le, counts };
  }

  private async differences(selector: string, w: { start: Date; end: Date }, signal?: AbortSignal): Promise<Map<string, { metric: Record<string, string>; delta: number }> | null> {
    const [atStart, atEnd] = await settleAll([this.instant(selector, w.start, signal), this.instant(selector, w.end, signal)]);
    if (atEnd.length === 0) return null;
    const before = new Map(atStart.map((s) => [key(s.metric), Number(s.value[1])]));
    const out = new Map<string, { metric: Record<string, string>; delta: number }>();
    for (const s of atEnd) {
      const k = key(s.metric);
      const end = Number(s.value[1]);
      const start = before.get(k);
      // No sample at the start: the series began inside the window. Lower at the end: a reset.
      const delta = start === undefined || end < start ? end : end - start;
      out.set(k, { metric: s.metric, delta: Math.round(delta) });
    }
    return out;
  }

  private async instant(query: string, time: Date, signal?: AbortSignal): Promise<Sample[]> {
    const url = new URL('api/v1/query', this.opts.url.endsWith('/') ? this.opts.url : `${this.opts.url}/`);
    url.searchParams.set('query', query);
    url.searchParams.set('time', (time.getTime() / 1000).toFixed(3));
    const res = await this.fetchFn(url, { headers: this.opts.headers ?? {}, signal: signal ?? null });
    const text = await res.text();
    let body: { status?: string; data?: { resultType?: string; result?: Sample[] }; error?: string; errorType?: string };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`prometheus at ${url.origin} answered HTTP ${res.status} with something other than JSON: ${text.slice(0, 120)}`);
    }
    if (!res.ok || body.status !== 'success') {
      throw new Error(`prometheus query '${query.slice(0, 120)}' failed (HTTP ${res.status}, ${body.errorType ?? 'error'}): ${body.error ?? text.slice(0, 120)}`);
    }
    if (body.data?.resultType !== 'vector') throw new Error(`prometheus query '${query.slice(0, 120)}' returned a ${body.data?.resultType}, expected a vector`);
    return body.data.result ?? [];
  }
}

/** A series' identity: its labels without __name__ (a selector may match one name only anyway). */
function key(metric: Record<string, string>): string {
  return Object.keys(metric)
    .filter((k) => k !== '__name__')
    .sort()
    .map((k) => `${k}=${metric[k]}`)
    .join(',');
}
