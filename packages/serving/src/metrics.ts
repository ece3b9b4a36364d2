/**
 * Counters and histograms written in the Prometheus text exposition format (version 0.0.4).
 *
 * Why not prom-client: the server needs two metric kinds, fixed label sets and no default process
 * metrics; prom-client (with tdigest and bintrees) would add more code to every image than this
 * whole file, and its registry is global state that two servers in one test process would share.
 * The output is checked against Prometheus's own parser in the tests (promtool-compatible rules:
 * HELP/TYPE once per family, cumulative `le` buckets ending in +Inf, `_sum` and `_count`).
 */

export type Labels = Record<string, string>;

function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function escapeHelp(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}`;
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

abstract class Family {
  constructor(
    readonly name: string,
    readonly help: string,
    /** Labels every series of this family carries (model name and version). */
    protected readonly constLabels: Labels,
  ) {
    if (!NAME.test(name)) throw new Error(`metric name '${name}' is not valid`);
    for (const k of Object.keys(constLabels)) if (!LABEL.test(k)) throw new Error(`label name '${k}' is not valid`);
  }
  abstract readonly type: 'counter' | 'gauge' | 'histogram';
  protected key(labels: Labels): string {
    return JSON.stringify(Object.entries(labels));
  }
  abstract lines(): string[];
  render(): string {
    return [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`, ...this.lines()].join('\n');
  }
}

export class Counter extends Family {
  readonly type = 'counter';
  private readonly series = new Map<string, { labels: Labels; value: number }>();
  inc(labels: Labels = {}, by = 1): void {
    const k = this.key(labels);
    const s = this.series.get(k);
    if (s) s.value += by;
    else this.series.set(k, { labels, value: by });
  }
  get(labels: Labels = {}): number {
    return this.series.get(this.key(labels))?.value ?? 0;
  }
  /** Distinct label sets seen so far (used to cap unbounded label values). */
  get size(): number {
    return this.series.size;
  }
  lines(): string[] {
    return [...this.series.values()].map((s) => `${this.name}${formatLabels({ ...this.constLabels, ...s.labels })} ${formatNumber(s.value)}`);
  }
}

export class Gauge extends Family {
  readonly type = 'gauge';
  private readonly series = new Map<string, { labels: Labels; value: number }>();
  add(by: number, labels: Labels = {}): void {
    const k = this.key(labels);
    const s = this.series.get(k);
    if (s) s.value += by;
    else this.series.set(k, { labels, value: by });
  }
  lines(): string[] {
    return [...this.series.values()].map((s) => `${this.name}${formatLabels({ ...this.constLabels, ...s.labels })} ${formatNumber(s.value)}`);
  }
}

interface HistogramSeries {
  labels: Labels;
  counts: number[];
  sum: number;
  count: number;
}

export class Histogram extends Family {
  readonly type = 'histogram';
  private readonly series = new Map<string, HistogramSeries>();
  readonly buckets: number[];
  constructor(name: string, help: string, constLabels: Labels, buckets: number[]) {
    super(name, help, constLabels);
    const sorted = [...new Set(buckets.filter((b) => Number.isFinite(b)))].sort((a, b) => a - b);
    if (sorted.length === 0) throw new Error(`histogram ${name} needs at least one finite bucket`);
    this.buckets = sorted;
  }
  observe(value: number, labels: Labels = {}): void {
    const k = this.key(labels);
    let s = this.series.get(k);
    if (!s) {
      s = { labels, counts: new Array<number>(this.buckets.length).fill(0), sum: 0, count: 0 };
      this.series.set(k, s);
    }
    // Per-bucket (non-cumulative) counts; rendering makes them cumulative.
    const i = this.buckets.findIndex((b) => value <= b);
    if (i >= 0) s.counts[i]! += 1;
    s.sum += value;
    s.count += 1;
  }
  get size(): number {
    return this.series.size;
  }
  /** Count and sum of one series (tests and the warm-up check). */
  stats(labels: Labels = {}): { count: number; sum: number } {
    const s = this.series.get(this.key(labels));
    return { count: s?.count ?? 0, sum: s?.sum ?? 0 };
  }
  lines(): string[] {
    const out: string[] = [];
    for (const s of this.series.values()) {
      const base = { ...this.constLabels, ...s.labels };
      let cumulative = 0;
      this.buckets.forEach((b, i) => {
        cumulative += s.counts[i]!;
        out.push(`${this.name}_bucket${formatLabels({ ...base, le: formatNumber(b) })} ${cumulative}`);
      });
      out.push(`${this.name}_bucket${formatLabels({ ...base, le: '+Inf' })} ${s.count}`);
      out.push(`${this.name}_sum${formatLabels(base)} ${formatNumber(s.sum)}`);
      out.push(`${this.name}_count${formatLabels(base)} ${s.count}`);
    }
    return out;
  }
}

export class MetricRegistry {
  private readonly families: Family[] = [];
  constructor(private readonly constLabels: Labels) {}
  counter(name: string, help: string): Counter {
    return this.add(new Counter(name, help, this.constLabels));
  }
  gauge(name: string, help: string): Gauge {
    return this.add(new Gauge(name, help, this.constLabels));
  }
  histogram(name: string, help: string, buckets: number[]): Histogram {
    return this.add(new Histogram(name, help, this.constLabels, buckets));
  }
  private add<T extends Family>(f: T): T {
    if (this.families.some((x) => x.name === f.name)) throw new Error(`metric ${f.name} registered twice`);
    this.families.push(f);
    return f;
  }
  /** The exposition text; families with no series yet still print HELP and TYPE. */
  render(): string {
    return this.families.map((f) => f.render()).join('\n') + '\n';
  }
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
