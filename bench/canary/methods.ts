/**
 * The methods compared, each driven interval by interval on the same kind of simulated world:
 * ours (packages/canary) and the anchors' methods as their source and docs describe them.
 *
 * - Kayenta (spinnaker/kayenta, kayenta-judge MannWhitneyClassifier): every interval, for each metric,
 *   a Mann-Whitney U test of the canary's per-minute values against the baseline's since the start,
 *   with a Hodges-Lehmann confidence interval at 98 %; the metric is "High" when the interval's lower
 *   end is above 25 % of |estimate| (the classifier's `fraction`), and a High metric fails the canary
 *   (with two metrics the score drops to 50, under the usual marginal threshold of 75). A metric with
 *   no data is "Nodata", which does not fail.
 * - Flagger (fluxcd/flagger, pkg/controller/scheduler_metrics.go and docs): every interval, the
 *   canary's request-success-rate (min 99 %) and request-duration P99 (max 500 ms) over the interval;
 *   a failed check, or "no values found", halts advancement and adds one failed check; rollback once
 *   failed checks reach the analysis `threshold` (5, the tutorials' value).
 * - Argo Rollouts (argoproj/argo-rollouts, analysis docs): a background AnalysisRun measuring the
 *   canary's success rate every interval with `successCondition: result[0] >= 0.95`, and P99 latency
 *   with `result[0] <= 0.5`; the run fails when failed measurements exceed `failureLimit` (3, the docs'
 *   example) or consecutive errors (no data) exceed `consecutiveErrorLimit` (4, the default); steps
 *   advance on their own schedule.
 * The anchors compare the canary with fixed thresholds (Flagger, Argo) or with per-minute summaries
 * (Kayenta): that is their method, kept as documented; "tuned" variants pick the thresholds that
 * catch most while keeping false alarms at most 2 % on the healthy flat canary.
 */
import { CanaryAnalysis, type Action, type CanaryPolicy, type IntervalObservation } from '../../packages/canary/src/analysis';
import { histogramQuantile } from '../../packages/canary/src/rank-shift-test';
import { normalQuantile } from '../../packages/canary/src/stats';

export interface Gate {
  readonly currentWeight: number;
  observe(o: IntervalObservation): Action;
}

export const STEPS = [5, 25, 50];
export const INTERVALS_PER_STEP = 5;
const PLANNED = STEPS.length * INTERVALS_PER_STEP;
/** The anchors have no maximum duration of their own at this level; ours defaults to twice the plan. */
const MAX_INTERVALS = 2 * PLANNED;

export class Ours implements Gate {
  private readonly a: CanaryAnalysis;
  constructor(policy: Partial<CanaryPolicy> = {}) {
    this.a = new CanaryAnalysis({ steps: STEPS, intervalsPerStep: INTERVALS_PER_STEP, ...policy });
  }
  get currentWeight(): number {
    return this.a.currentWeight;
  }
  observe(o: IntervalObservation): Action {
    return this.a.observe(o).action;
  }
}

/** Walks the shared schedule: `passed` intervals analysed so far. */
function scheduleWeight(passed: number): number {
  return STEPS[Math.min(Math.floor(passed / INTERVALS_PER_STEP), STEPS.length - 1)]!;
}

function successRate(o: IntervalObservation): number {
  const c = o.canary;
  if (!c || c.requests === 0) return NaN;
  return 1 - c.errors / c.requests;
}

function canaryQuantile(o: IntervalObservation, q: number): number {
  const h = o.canary?.latency;
  if (!h) return NaN;
  return histogramQuantile(h.le, h.counts, q);
}

export class Kayenta implements Gate {
  private passed = 0;
  private readonly series = { canaryErr: [] as number[], baseErr: [] as number[], canaryLat: [] as number[], baseLat: [] as number[] };
  constructor(readonly confidence = 0.98) {}
  get currentWeight(): number {
    return scheduleWeight(this.passed);
  }
  observe(o: IntervalObservation): Action {
    const s = this.series;
    if (o.canary && o.baseline && o.canary.requests > 0 && o.baseline.requests > 0) {
      s.canaryErr.push(o.canary.errors / o.canary.requests);
      s.baseErr.push(o.baseline.errors / o.baseline.requests);
      const bl = o.baseline.latency;
      const cl = o.canary.latency;
      if (bl && cl) {
        s.canaryLat.push(histogramQuantile(cl.le, cl.counts, 0.95));
        s.baseLat.push(histogramQuantile(bl.le, bl.counts, 0.95));
      }
    }
    if (high(s.canaryErr, s.baseErr, this.confidence) || high(s.canaryLat, s.baseLat, this.confidence)) return 'rollback';
    this.passed++;
    if (this.passed >= PLANNED) return 'promote';
    return 'continue';
  }
}

/** Kayenta's classification: High when the HL interval's lower end exceeds 25 % of |estimate|. */
function high(canary: number[], baseline: number[], confidence: number): boolean {
  const n = canary.length;
  const m = baseline.length;
  if (n === 0 || m === 0) return false;
  let same = n === m;
  for (let i = 0; same && i < n; i++) same = canary[i] === baseline[i];
  if (same) return false;
  const diffs = new Float64Array(n * m);
  let k = 0;
  for (const x of canary) for (const y of baseline) diffs[k++] = x - y;
  diffs.sort();
  const N = n * m;
  const estimate = N % 2 ? diffs[(N - 1) / 2]! : (diffs[N / 2 - 1]! + diffs[N / 2]!) / 2;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const c = Math.floor(N / 2 - z * Math.sqrt((N * (n + m + 1)) / 12));
  if (c < 1) return false; // too few values for an interval at this confidence: Pass
  const lower = diffs[c - 1]!;
  return lower > 0.25 * Math.abs(estimate);
}

export interface ThresholdConfig {
  minSuccessRate: number;
  maxP99Seconds: number;
}

export class Flagger implements Gate {
  private passed = 0;
  private failedChecks = 0;
  constructor(
    readonly cfg: ThresholdConfig = { minSuccessRate: 0.99, maxP99Seconds: 0.5 },
    readonly threshold = 5,
  ) {}
  get currentWeight(): number {
    return scheduleWeight(this.passed);
  }
  observe(o: IntervalObservation): Action {
    // Flagger checks the counter before running the analysis of the next iteration; checking it right
    // after the failing interval is the same decision one tick earlier.
    const sr = successRate(o);
    const p99 = canaryQuantile(o, 0.99);
    const ok = !Number.isNaN(sr) && !Number.isNaN(p99) && sr >= this.cfg.minSuccessRate && p99 <= this.cfg.maxP99Seconds;
    if (!ok) {
      this.failedChecks++;
      if (this.failedChecks >= this.threshold) return 'rollback';
      return 'hold';
    }
    this.passed++;
    if (this.passed >= PLANNED) return 'promote';
    return 'continue';
  }
}

export class Argo implements Gate {
  private passed = 0;
  private failedSuccess = 0;
  private failedLatency = 0;
  private consecutiveErrors = 0;
  constructor(
    readonly cfg: ThresholdConfig = { minSuccessRate: 0.95, maxP99Seconds: 0.5 },
    readonly failureLimit = 3,
    readonly consecutiveErrorLimit = 4,
  ) {}
  get currentWeight(): number {
    return scheduleWeight(this.passed);
  }
  observe(o: IntervalObservation): Action {
    if (!o.canary || !o.baseline) {
      // Empty query result: result[0] cannot be evaluated, an Error measurement.
      this.consecutiveErrors++;
      if (this.consecutiveErrors > this.consecutiveErrorLimit) return 'rollback';
    } else {
      this.consecutiveErrors = 0;
      // 0/0 is NaN in PromQL; NaN >= x is false: a Failed measurement.
      const sr = successRate(o);
      const p99 = canaryQuantile(o, 0.99);
      // Each metric keeps its own count against failureLimit.
      if (!(sr >= this.cfg.minSuccessRate)) this.failedSuccess++;
      if (!(p99 <= this.cfg.maxP99Seconds)) this.failedLatency++;
      if (this.failedSuccess > this.failureLimit || this.failedLatency > this.failureLimit) return 'rollback';
    }
    this.passed++;
    if (this.passed >= PLANNED) return 'promote';
    return 'continue';
  }
}

export { MAX_INTERVALS, PLANNED };
