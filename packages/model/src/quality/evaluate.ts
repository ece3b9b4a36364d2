/**
 * Evaluates quality rules against the candidate's metrics and the champion's. Every rule gives a
 * result with its value, its limit and pass/fail; a rule that cannot be evaluated (a metric is
 * missing or not a number, no champion given) fails with the reason. Nothing passes silently.
 */
import { formatRight, type Operator, type QualityRule } from './rules';

/** Metrics as a training job writes them: flat (`{"accuracy": 0.93}`) or nested (`{"eval": {"f1": 0.9}}`). */
export type Metrics = Record<string, unknown>;

export interface RuleResult {
  rule: QualityRule;
  passed: boolean;
  /** The candidate's value, when found. */
  value?: number;
  /** The limit the value was compared with, when it could be computed. */
  limit?: number;
  /** How the limit was computed: `0.9`, `champion 0.93 - 0.01 = 0.92`. */
  limitText: string;
  /** Why the rule failed, or a short confirmation. */
  message: string;
}

export interface EvaluateOptions {
  candidate: Metrics;
  /** Undefined when no champion metrics were given (then rules naming `champion` fail). */
  champion?: Metrics;
  /** Where each measured metric comes from, to explain a missing one (`latency_p95_ms` → the smoke test). */
  measuredBy?: Record<string, string>;
}

/**
 * Finds a metric by dotted path. A key that itself holds dots (`{"eval.f1": 0.9}`) wins over
 * nesting, since some trackers flatten names that way.
 */
export function lookupMetric(metrics: Metrics, path: string): { found: false } | { found: true; value: unknown } {
  if (Object.hasOwn(metrics, path)) return { found: true, value: metrics[path] };
  const parts = path.split('.');
  for (let i = parts.length - 1; i >= 1; i--) {
    const head = parts.slice(0, i).join('.');
    if (Object.hasOwn(metrics, head)) {
      const inner = metrics[head];
      if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) {
        return lookupMetric(inner as Metrics, parts.slice(i).join('.'));
      }
      if (Array.isArray(inner)) {
        const rest = parts.slice(i);
        const idx = Number(rest[0]);
        if (Number.isInteger(idx) && idx >= 0 && idx < inner.length) {
          const el: unknown = inner[idx];
          if (rest.length === 1) return { found: true, value: el };
          if (typeof el === 'object' && el !== null) return lookupMetric(el as Metrics, rest.slice(1).join('.'));
        }
      }
    }
  }
  return { found: false };
}

/** Dotted paths of every numeric leaf, to tell the user which names exist. */
export function listMetricNames(metrics: Metrics, prefix = ''): string[] {
  const names: string[] = [];
  for (const [k, v] of Object.entries(metrics)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'number') names.push(path);
    else if (typeof v === 'object' && v !== null && !Array.isArray(v)) names.push(...listMetricNames(v as Metrics, path));
  }
  return names;
}

/**
 * Inclusive comparisons allow a rounding-sized tolerance: a limit like `champion - 0.01` is
 * computed in binary floating point, and 0.93 - 0.01 is not exactly 0.92.
 */
function compare(value: number, op: Operator, limit: number): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(limit));
  switch (op) {
    case '>=':
      return value >= limit - eps;
    case '>':
      return value > limit;
    case '<=':
      return value <= limit + eps;
    case '<':
      return value < limit;
    case '==':
      return Math.abs(value - limit) <= eps;
    case '!=':
      return Math.abs(value - limit) > eps;
  }
}

/** Short, stable number formatting for summaries (at most 6 significant digits). */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(6)));
}

function numeric(metrics: Metrics, path: string): { ok: true; value: number } | { ok: false; why: 'missing' | string } {
  const r = lookupMetric(metrics, path);
  if (!r.found) return { ok: false, why: 'missing' };
  const v = r.value;
  if (typeof v === 'number' && Number.isFinite(v)) return { ok: true, value: v };
  if (typeof v === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v.trim())) return { ok: true, value: Number(v) };
  return { ok: false, why: `is not a finite number (${JSON.stringify(v)?.slice(0, 60)})` };
}

/** Evaluates each rule; the result list has one entry per rule, in order. */
export function evaluateRules(rules: QualityRule[], opts: EvaluateOptions): RuleResult[] {
  return rules.map((rule) => evaluateRule(rule, opts));
}

function evaluateRule(rule: QualityRule, opts: EvaluateOptions): RuleResult {
  const written = formatRight(rule.right, rule.metric);
  const fail = (message: string, extra: Partial<RuleResult> = {}): RuleResult => ({ rule, passed: false, limitText: written, message, ...extra });

  const cand = numeric(opts.candidate, rule.metric);
  if (!cand.ok) {
    if (cand.why !== 'missing') return fail(`candidate metric '${rule.metric}' ${cand.why}`);
    const source = opts.measuredBy?.[rule.metric];
    if (source) return fail(`'${rule.metric}' is measured by ${source}, which did not produce it`);
    const names = listMetricNames(opts.candidate);
    return fail(`candidate metric '${rule.metric}' not found (available: ${names.length ? names.join(', ') : 'none'})`);
  }
  const value = cand.value;

  let limit: number;
  let limitText: string;
  if (rule.right.kind === 'number') {
    limit = rule.right.value;
    limitText = formatNumber(limit);
  } else {
    if (!opts.champion) return fail('needs the champion\'s metrics, but none were given', { value });
    const ch = numeric(opts.champion, rule.right.metric);
    if (!ch.ok) {
      if (ch.why !== 'missing') return fail(`champion metric '${rule.right.metric}' ${ch.why}`, { value });
      const names = listMetricNames(opts.champion);
      return fail(`champion metric '${rule.right.metric}' not found (available: ${names.length ? names.join(', ') : 'none'})`, { value });
    }
    const adj = rule.right.adjust;
    limit = !adj ? ch.value : adj.op === '+' ? ch.value + adj.value : adj.op === '-' ? ch.value - adj.value : ch.value * adj.value;
    const base = `champion ${formatNumber(ch.value)}`;
    limitText = adj ? `${base} ${adj.op === '*' ? '×' : adj.op} ${formatNumber(adj.value)} = ${formatNumber(limit)}` : base;
  }
  const passed = compare(value, rule.operator, limit);
  const message = passed
    ? `${formatNumber(value)} ${rule.operator} ${formatNumber(limit)}`
    : `${formatNumber(value)} is not ${rule.operator} ${formatNumber(limit)}`;
  return { rule, passed, value, limit, limitText, message };
}
