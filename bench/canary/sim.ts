/**
 * Simulated canaries: per one-minute interval, requests arrive (Poisson around a traffic shape), are
 * routed to the canary with the weight the method under test chose, fail with the interval's error
 * rate (the same for both arms unless the canary regresses), and take a log-normal latency recorded
 * in Prometheus' default histogram buckets. Every method gets the same kind of world, driven by its
 * own decisions.
 */
import type { ArmObservation, IntervalObservation } from '../../packages/canary/src/analysis';
import { normalCdf } from '../../packages/canary/src/stats';
import { Rng } from './random';

/** prometheus_client's default buckets (seconds). */
export const LATENCY_LE = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, Infinity];

export interface Scenario {
  name: string;
  /** Mean requests per minute. */
  rpm: number;
  shape: 'flat' | 'bursty' | 'diurnal';
  baseErrorRate: number;
  /** Error rate and latency that drift in both arms (log-scale random walk plus noise). */
  noisyBaseline: boolean;
  /** Probability that an interval's metrics are missing (scrape gap). */
  noDataProbability: number;
  /** Canary regressions, from interval `regressionStart` (1-based) on. */
  errorRatio: number;
  latencyScale: number;
  regressionStart: number;
}

export const HEALTHY: Omit<Scenario, 'name'> = {
  rpm: 1000,
  shape: 'flat',
  baseErrorRate: 0.005,
  noisyBaseline: false,
  noDataProbability: 0,
  errorRatio: 1,
  latencyScale: 1,
  regressionStart: 1,
};

const LATENCY_MEDIAN = 0.05;
const LATENCY_SIGMA = 0.5;

/** True p-quantile of the healthy latency (for thresholds that need one). */
export function trueLatencyQuantile(q: number): number {
  // Inverse of the log-normal via bisection on normalCdf.
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return LATENCY_MEDIAN * Math.exp(LATENCY_SIGMA * lo);
}

export class World {
  private readonly rng: Rng;
  private walk = 0;
  private latencyWalk = 0;
  private readonly phase: number;
  private t = 0;

  constructor(
    readonly s: Scenario,
    seed: number,
  ) {
    this.rng = new Rng(seed);
    this.phase = this.rng.next() * 2 * Math.PI;
  }

  /** The next one-minute interval at canary weight `weight` percent. */
  interval(weight: number): IntervalObservation {
    const s = this.s;
    const rng = this.rng;
    this.t++;
    let mean = s.rpm;
    if (s.shape === 'bursty') {
      // One minute in five carries a burst four times the usual rate; the mean stays at rpm.
      mean = rng.next() < 0.2 ? s.rpm * 2.5 : s.rpm * 0.625;
    } else if (s.shape === 'diurnal') {
      // A day compressed into an hour: from 10 % to 190 % of the mean.
      mean = s.rpm * (1 + 0.9 * Math.sin(this.phase + (2 * Math.PI * this.t) / 60));
    }
    let rate = s.baseErrorRate;
    let latencyShift = 0;
    if (s.noisyBaseline) {
      this.walk += 0.15 * rng.normal();
      this.latencyWalk += 0.03 * rng.normal();
      rate = Math.min(0.5, s.baseErrorRate * Math.exp(this.walk + 0.4 * rng.normal()));
      latencyShift = this.latencyWalk + 0.05 * rng.normal();
    }
    const total = rng.poisson(mean);
    const nc = rng.binomial(total, weight / 100);
    const nb = total - nc;
    const regressed = this.t >= s.regressionStart;
    const canaryRate = regressed ? Math.min(1, rate * s.errorRatio) : rate;
    const canaryScale = regressed ? s.latencyScale : 1;
    const missing = s.noDataProbability > 0 && rng.next() < s.noDataProbability;
    const baseline = this.arm(nb, rate, latencyShift);
    const canary = this.arm(nc, canaryRate, latencyShift + Math.log(canaryScale));
    if (missing) return { weight, baseline: null, canary: null };
    return { weight, baseline, canary };
  }

  private arm(n: number, rate: number, logShift: number): ArmObservation {
    const errors = this.rng.binomial(n, rate);
    return { requests: n, errors, latency: { le: LATENCY_LE, counts: this.latencyCounts(n, logShift) } };
  }

  /** Multinomial bucket counts via conditional binomials. */
  private latencyCounts(n: number, logShift: number): number[] {
    const counts = new Array<number>(LATENCY_LE.length).fill(0);
    let left = n;
    let massLeft = 1;
    let prevCdf = 0;
    const mu = Math.log(LATENCY_MEDIAN) + logShift;
    for (let j = 0; j < LATENCY_LE.length && left > 0; j++) {
      const le = LATENCY_LE[j]!;
      const cdf = le === Infinity ? 1 : normalCdf((Math.log(le) - mu) / LATENCY_SIGMA);
      const p = cdf - prevCdf;
      const c = j === LATENCY_LE.length - 1 ? left : this.rng.binomial(left, massLeft > 0 ? Math.min(1, p / massLeft) : 0);
      counts[j] = c;
      left -= c;
      massLeft -= p;
      prevCdf = cdf;
    }
    return counts;
  }
}
