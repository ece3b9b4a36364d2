import { ErrorRateTest } from './error-rate-test';
import { RankShiftTest, histogramQuantile, type Histogram } from './rank-shift-test';
import { binomialUpperTail, normalCdf, normalQuantile } from './stats';

/** What happens to an interval whose metrics are missing (no series, or no canary request). */
export type NoDataPolicy = 'fail' | 'hold' | 'pass';

export interface CanaryPolicy {
  /** Canary traffic steps in percent, increasing, each below 100; promotion (100 %) follows the last. */
  steps: number[];
  /** Analysed intervals held at each step. */
  intervalsPerStep: number;
  /** Probability of rolling back a canary no worse than its baseline, over the whole analysis. */
  alpha: number;
  /** Which analyses run. Error rate always does. */
  latency: boolean;
  predictionDrift: boolean;
  /** Guard rail: roll back at once when the canary's error rate is above this (99.9 % confidence, one interval). */
  maxErrorRate: number;
  /** Canary requests needed in total before a promotion. */
  minCanaryRequests: number;
  noData: NoDataPolicy;
  /** Intervals after which the analysis stops with `fail` (holds count). */
  maxIntervals: number;
  /**
   * Shape of the error test's alpha spending over the planned schedule: alpha * f^rho, f the planned
   * information fraction. 1 spends evenly (early detection), larger waits (more power at the end).
   */
  spendingShape: number;
  /**
   * Error rate's share of alpha when latency or drift is analysed too (they share the rest): the
   * rank tests have power to spare at any traffic where the error test is short of it. Default 0.99
   * with latency alone (the latency test, which sees every request, still catches p95 +25 % at once:
   * bench/canary), 0.9 when prediction drift is analysed too (a small shift needs its share).
   */
  errorAlphaShare: number;
}

export const DEFAULT_POLICY: CanaryPolicy = {
  steps: [5, 25, 50],
  intervalsPerStep: 5,
  alpha: 0.01,
  latency: true,
  predictionDrift: false,
  maxErrorRate: 0.05,
  minCanaryRequests: 100,
  noData: 'hold',
  maxIntervals: 30,
  spendingShape: 2,
  errorAlphaShare: 0.99,
};

/** errorAlphaShare's default when prediction drift is analysed. */
const ERROR_ALPHA_SHARE_WITH_DRIFT = 0.9;

export interface ArmObservation {
  requests: number;
  errors: number;
  latency?: Histogram;
  predictions?: Histogram;
}

export interface IntervalObservation {
  /** Canary traffic weight in percent during the interval (as read back from the shifter). */
  weight: number;
  /** null: the provider returned no series for this arm. */
  baseline: ArmObservation | null;
  canary: ArmObservation | null;
  start?: string;
  end?: string;
}

export type Action = 'continue' | 'hold' | 'promote' | 'rollback' | 'fail';

export type MetricName = 'error-rate' | 'latency' | 'prediction-drift';

export interface MetricExplanation {
  metric: MetricName;
  /** pass: no evidence of harm yet; fail: decided the rollback; no-data: nothing to test this interval. */
  status: 'pass' | 'fail' | 'no-data';
  /** What was estimated, in words with units. */
  estimate: string;
  /** Numbers behind `estimate`. */
  values: Record<string, number>;
  samples: { canary: number; baseline: number };
  /** The rule that applies and where the evidence stands against it. */
  rule: string;
  /** How large a regression the traffic seen so far could have caught (80 % power). */
  detectable: string;
}

export interface Decision {
  /** 1-based: the how-many-th interval this decision follows. */
  interval: number;
  action: Action;
  /** Canary weight to set for the next interval (percent): 100 on promote, 0 on rollback/fail. */
  nextWeight: number;
  /** The rule that decided, in one line. */
  rule: string;
  reasons: string[];
  metrics: MetricExplanation[];
}

/** The guard rail's own false-alarm level per interval. */
const GUARD_CONFIDENCE = 0.001;

export function validatePolicy(p: CanaryPolicy): string[] {
  const problems: string[] = [];
  if (p.steps.length === 0) problems.push('steps: at least one step is needed');
  let prev = 0;
  for (const s of p.steps) {
    if (!(s > prev && s < 100)) problems.push(`steps: ${s} must be above the previous step (${prev}) and below 100`);
    prev = s;
  }
  if (!Number.isInteger(p.intervalsPerStep) || p.intervalsPerStep < 1) problems.push(`intervalsPerStep: ${p.intervalsPerStep} must be a whole number >= 1`);
  if (!(p.alpha > 0 && p.alpha < 0.5)) problems.push(`alpha: ${p.alpha} must be in (0, 0.5)`);
  if (!(p.maxErrorRate > 0 && p.maxErrorRate <= 1)) problems.push(`maxErrorRate: ${p.maxErrorRate} must be in (0, 1]`);
  if (!(p.minCanaryRequests >= 0)) problems.push(`minCanaryRequests: ${p.minCanaryRequests} must be >= 0`);
  if (!['fail', 'hold', 'pass'].includes(p.noData)) problems.push(`noData: ${String(p.noData)} must be fail, hold or pass`);
  const planned = p.steps.length * p.intervalsPerStep;
  if (!Number.isInteger(p.maxIntervals) || p.maxIntervals < planned) problems.push(`maxIntervals: ${p.maxIntervals} must be a whole number >= the planned ${planned} intervals`);
  if (!(p.spendingShape > 0)) problems.push(`spendingShape: ${p.spendingShape} must be > 0`);
  if (!(p.errorAlphaShare > 0 && p.errorAlphaShare < 1)) problems.push(`errorAlphaShare: ${p.errorAlphaShare} must be in (0, 1)`);
  return problems;
}

/**
 * The canary analysis: configuration in; per interval the weight and, per arm, requests, errors and
 * histogram bucket counts in; a decision with its reasons out. Pure (no I/O, no clock) and stateful.
 */
export class CanaryAnalysis {
  readonly policy: CanaryPolicy;
  private readonly errorTest: ErrorRateTest;
  private readonly latencyTest: RankShiftTest | null;
  private readonly driftTest: RankShiftTest | null;
  /** Planned cumulative information fraction of the error test after each planned look. */
  private readonly plannedFraction: number[];
  private analysedLooks = 0;
  private intervals = 0;
  private canaryRequests = 0;
  private baselineRequests = 0;
  private finished: Decision | null = null;
  readonly decisions: Decision[] = [];
  readonly observations: IntervalObservation[] = [];
  private latencyBuckets: number[] | null = null;
  private predictionBuckets: number[] | null = null;

  constructor(policy: Partial<CanaryPolicy> = {}) {
    this.policy = { ...DEFAULT_POLICY, ...policy };
    if (policy.errorAlphaShare === undefined && this.policy.predictionDrift) this.policy.errorAlphaShare = ERROR_ALPHA_SHARE_WITH_DRIFT;
    const problems = validatePolicy(this.policy);
    if (problems.length) throw new Error(`canary policy: ${problems.join('; ')}`);
    const p = this.policy;
    const others = (p.latency ? 1 : 0) + (p.predictionDrift ? 1 : 0);
    const errorAlpha = others ? p.alpha * p.errorAlphaShare : p.alpha;
    this.errorTest = new ErrorRateTest(errorAlpha);
    const otherAlpha = others ? (p.alpha - errorAlpha) / others : 0;
    this.latencyTest = p.latency ? new RankShiftTest(otherAlpha, 'greater') : null;
    this.driftTest = p.predictionDrift ? new RankShiftTest(otherAlpha, 'two-sided') : null;
    const info = p.steps.flatMap((s) => Array.from({ length: p.intervalsPerStep }, () => (s / 100) * (1 - s / 100)));
    const total = info.reduce((a, b) => a + b, 0);
    let acc = 0;
    this.plannedFraction = info.map((x) => (acc += x) / total);
  }

  /** The canary weight (percent) the next interval should run at. */
  get currentWeight(): number {
    if (this.finished) return this.finished.nextWeight;
    const p = this.policy;
    const step = Math.min(Math.floor(this.analysedLooks / p.intervalsPerStep), p.steps.length - 1);
    return p.steps[step]!;
  }

  get done(): boolean {
    return this.finished !== null;
  }

  get intervalCount(): number {
    return this.intervals;
  }

  observe(o: IntervalObservation): Decision {
    if (this.finished) throw new Error(`the analysis has finished (${this.finished.action}); start a new one`);
    checkObservation(o, `interval ${this.intervals + 1}`);
    this.intervals++;
    this.observations.push(o);
    const p = this.policy;

    const missing = this.missingData(o);
    if (missing) {
      if (p.noData === 'fail') return this.decide('fail', `no data (policy no-data: fail): ${missing}`, [missing]);
      if (p.noData === 'hold') {
        if (this.intervals >= p.maxIntervals) return this.decide('fail', `maximum duration (${p.maxIntervals} intervals) reached while holding for data`, [missing]);
        return this.decide('hold', `no data (policy no-data: hold): weight stays at ${this.currentWeight} %`, [missing]);
      }
      // 'pass': the user chose to advance through intervals without data; say so every time.
      return this.advance([`${missing}; advanced anyway (policy no-data: pass)`]);
    }

    const canary = o.canary!;
    const baseline = o.baseline!;
    this.canaryRequests += canary.requests;
    this.baselineRequests += baseline.requests;

    // Guard rail first: a clearly broken canary goes at once, whatever the sequential test says.
    const guardP = binomialUpperTail(canary.requests, p.maxErrorRate, canary.errors);
    const guardHit = canary.errors / canary.requests > p.maxErrorRate && guardP <= GUARD_CONFIDENCE;

    this.analysedLooks++;
    const k = this.analysedLooks;
    const fraction = k <= this.plannedFraction.length ? this.plannedFraction[k - 1]! : 1;
    const errorReject = this.errorTest.look(
      {
        canaryRequests: canary.requests,
        baselineRequests: baseline.requests,
        canaryErrors: canary.errors,
        baselineErrors: baseline.errors,
      },
      this.errorTest.alpha * Math.pow(fraction, p.spendingShape),
    );
    let latencyReject = false;
    if (this.latencyTest && baseline.latency && canary.latency) {
      this.latencyBuckets ??= baseline.latency.le;
      latencyReject = this.latencyTest.look(baseline.latency, canary.latency);
    }
    let driftReject = false;
    if (this.driftTest && baseline.predictions && canary.predictions) {
      this.predictionBuckets ??= baseline.predictions.le;
      driftReject = this.driftTest.look(baseline.predictions, canary.predictions);
    }

    if (guardHit) {
      return this.decide('rollback', `guard rail: canary error rate ${pct(canary.errors / canary.requests)} > ${pct(p.maxErrorRate)} in interval ${this.intervals}`, [
        `${canary.errors} errors in ${canary.requests} canary requests; P(that many or more | rate ${pct(p.maxErrorRate)}) = ${guardP.toExponential(1)}`,
      ]);
    }
    const failed: string[] = [];
    if (errorReject) failed.push('error rate higher than baseline');
    if (latencyReject) failed.push('latency higher than baseline');
    if (driftReject) failed.push('predictions differ from baseline');
    if (failed.length) return this.decide('rollback', `sequential test at alpha ${p.alpha}: ${failed.join('; ')}`, failed);
    return this.advance([]);
  }

  /** The explanation of every metric as of now (costs a few ms: not computed per interval). */
  explain(): MetricExplanation[] {
    const p = this.policy;
    const out: MetricExplanation[] = [];
    const e = this.errorTest.estimate();
    const last = this.errorTest.looks.at(-1);
    const ratio80 = this.errorTest.detectableRatio(0.8);
    const diff = e.baselineRate * (e.ratio - 1);
    out.push({
      metric: 'error-rate',
      status: this.errorTest.looks.length === 0 ? 'no-data' : this.errorTest.rejected ? 'fail' : 'pass',
      estimate: Number.isFinite(e.ratio)
        ? `canary ${pct(e.canaryRate)} vs baseline ${pct(e.baselineRate)}: ratio ${e.ratio.toFixed(2)} (95 % CI ${e.low.toFixed(2)}–${fmtRatio(e.high)}), difference ${signedPp(diff)}`
        : `canary ${pct(e.canaryRate)} vs baseline ${pct(e.baselineRate)}: too few errors for a ratio`,
      values: { canaryRate: e.canaryRate, baselineRate: e.baselineRate, ratio: e.ratio, ratioLow: e.low, ratioHigh: e.high, difference: diff, detectableRatio: ratio80, alphaSpent: this.errorTest.spent },
      samples: { canary: this.canaryRequests, baseline: this.baselineRequests },
      rule: last
        ? `exact sequential test (alpha ${this.errorTest.alpha.toPrecision(2)}, spent ${this.errorTest.spent.toPrecision(2)}): rolls back at ${last.boundary} cumulative canary errors${Number.isFinite(last.tieBreak) ? ` (or ${last.boundary - 1} with ${last.tieBreak} or more in the last interval)` : ''}; seen ${last.cumulativeCanaryErrors}`
        : 'exact sequential test: no interval analysed yet',
      detectable: Number.isFinite(ratio80) ? `error rate ×${ratio80.toFixed(2)} (${signedPp(e.baselineRate * (ratio80 - 1))} at the baseline's ${pct(e.baselineRate)})` : 'none yet (too little traffic)',
    });
    if (this.latencyTest) out.push(this.explainShift('latency', this.latencyTest, this.latencyBuckets, 's'));
    if (this.driftTest) out.push(this.explainShift('prediction-drift', this.driftTest, this.predictionBuckets, ''));
    void p;
    return out;
  }

  private explainShift(metric: MetricName, t: RankShiftTest, le: number[] | null, unit: string): MetricExplanation {
    const s = t.samples;
    if (!le || s.canary === 0) {
      return { metric, status: 'no-data', estimate: 'no histogram seen', values: {}, samples: s, rule: 'mixture sequential rank test: nothing analysed', detectable: 'none yet' };
    }
    const est = t.estimate();
    const values: Record<string, number> = { shift: est.shift, shiftLow: est.low, shiftHigh: est.high, z: t.z };
    let estimate = `P(canary > baseline) ${pct(0.5 + est.shift)} (anytime 99 % band ${pct(0.5 + est.low)}–${pct(0.5 + est.high)})`;
    let detectable = `P(canary > baseline) ≥ ${pct(0.5 + t.detectableShift())}`;
    if (metric === 'latency') {
      const q = (arm: number[], x: number): number => histogramQuantile(le, arm, x);
      const b50 = q(t.baselineTotal, 0.5);
      const b95 = q(t.baselineTotal, 0.95);
      const c95 = q(t.canaryTotal, 0.95);
      values.baselineP95 = b95;
      values.canaryP95 = c95;
      values.baselineP50 = b50;
      values.canaryP50 = q(t.canaryTotal, 0.5);
      estimate = `p95 canary ${fmtNum(c95)}${unit} vs baseline ${fmtNum(b95)}${unit} (${signedPct(c95 / b95 - 1)}); ${estimate}`;
      // For a log-normal-like latency, a uniform slow-down ×(1+r) gives a shift Phi(ln(1+r)/(sigma√2)) - 1/2.
      const sigma = Math.log(b95 / b50) / 1.6449;
      const d = t.detectableShift();
      if (sigma > 0 && d < 0.5) {
        const r = Math.exp(sigma * Math.SQRT2 * normalQuantile(0.5 + d)) - 1;
        values.detectableSlowdown = r;
        detectable = `a slow-down of ${signedPct(r)} across the distribution (${detectable})`;
      }
    }
    return {
      metric,
      status: t.rejected ? 'fail' : 'pass',
      estimate,
      values,
      samples: s,
      rule: `mixture sequential rank test (${t.side === 'greater' ? 'canary higher' : 'either direction'}, alpha ${t.alpha.toPrecision(2)}): z ${t.z.toFixed(2)}, evidence ${Math.exp(Math.min(700, t.logLikelihoodRatio())).toPrecision(3)} of ${(1 / t.alpha).toFixed(0)} needed`,
      detectable,
    };
  }

  private missingData(o: IntervalObservation): string | null {
    if (!o.canary && !o.baseline) return 'no series for either arm';
    if (!o.canary) return 'no series for the canary';
    if (!o.baseline) return 'no series for the baseline';
    if (o.canary.requests === 0) return 'the canary served no request';
    if (o.baseline.requests === 0) return 'the baseline served no request';
    if (this.policy.latency && (!o.canary.latency || !o.baseline.latency)) return 'no latency histogram';
    if (this.policy.predictionDrift && (!o.canary.predictions || !o.baseline.predictions)) return 'no prediction histogram';
    return null;
  }

  private advance(reasons: string[]): Decision {
    const p = this.policy;
    const planned = p.steps.length * p.intervalsPerStep;
    if (this.analysedLooks < planned && reasons.length) this.analysedLooks++; // no-data 'pass' still moves the schedule
    if (this.analysedLooks >= planned) {
      if (this.canaryRequests < p.minCanaryRequests) {
        const why = `${this.canaryRequests} canary requests seen, ${p.minCanaryRequests} needed before promotion`;
        if (this.intervals >= p.maxIntervals) return this.decide('fail', `maximum duration (${p.maxIntervals} intervals) reached: ${why}`, [...reasons, why]);
        return this.decide('hold', `minimum requests: ${why}`, [...reasons, why]);
      }
      return this.decide('promote', `all ${planned} planned intervals passed with no evidence of a regression`, reasons);
    }
    if (this.intervals >= p.maxIntervals) return this.decide('fail', `maximum duration (${p.maxIntervals} intervals) reached before the last step`, reasons);
    return this.decide('continue', `no evidence of a regression; next interval at ${this.currentWeight} %`, reasons);
  }

  private decide(action: Action, rule: string, reasons: string[]): Decision {
    const nextWeight = action === 'promote' ? 100 : action === 'rollback' || action === 'fail' ? 0 : this.currentWeight;
    const d: Decision = { interval: this.intervals, action, nextWeight, rule, reasons, metrics: [] };
    if (action === 'promote' || action === 'rollback' || action === 'fail') this.finished = d;
    this.decisions.push(d);
    return d;
  }
}

/** Throws, naming `where` and the field, when an observation cannot be analysed. */
export function checkObservation(o: IntervalObservation, where: string): void {
  if (!(typeof o.weight === 'number' && o.weight >= 0 && o.weight <= 100)) throw new Error(`${where}: weight ${String(o.weight)} must be a number from 0 to 100`);
  for (const [name, arm] of [['baseline', o.baseline], ['canary', o.canary]] as const) {
    if (arm === null || arm === undefined) continue;
    const isCount = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 0;
    if (!isCount(arm.requests)) throw new Error(`${where}: ${name}.requests ${String(arm.requests)} must be a whole number >= 0`);
    if (!isCount(arm.errors) || arm.errors > arm.requests) throw new Error(`${where}: ${name}.errors ${String(arm.errors)} must be a whole number from 0 to requests (${arm.requests})`);
    for (const h of ['latency', 'predictions'] as const) {
      const hist = arm[h];
      if (!hist) continue;
      if (!Array.isArray(hist.le) || !Array.isArray(hist.counts) || hist.le.length !== hist.counts.length || hist.le.length === 0)
        throw new Error(`${where}: ${name}.${h} needs le and counts of the same non-zero length`);
      if (!hist.counts.every(isCount)) throw new Error(`${where}: ${name}.${h}.counts must be whole numbers >= 0`);
      for (let j = 1; j < hist.le.length; j++) if (!(hist.le[j]! > hist.le[j - 1]!)) throw new Error(`${where}: ${name}.${h}.le must increase (${hist.le[j - 1]} then ${hist.le[j]})`);
    }
  }
  const lb = o.baseline?.latency?.le;
  const lc = o.canary?.latency?.le;
  if (lb && lc && lb.join() !== lc.join()) throw new Error(`${where}: baseline and canary latency buckets differ (${lb.join(',')} vs ${lc.join(',')})`);
  const pb = o.baseline?.predictions?.le;
  const pc = o.canary?.predictions?.le;
  if (pb && pc && pb.join() !== pc.join()) throw new Error(`${where}: baseline and canary prediction buckets differ`);
}

export function pct(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const v = x * 100;
  return `${Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2)} %`;
}
function signedPct(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
}
function signedPp(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)} pp`;
}
function fmtRatio(x: number): string {
  return Number.isFinite(x) ? x.toFixed(2) : '∞';
}
function fmtNum(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toPrecision(3);
}
void normalCdf;
