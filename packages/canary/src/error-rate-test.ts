import { binomialPmf, hypergeometricPmf, normalQuantile, type Pmf } from './stats';

/**
 * Error rate, canary against baseline in the same interval: an exact group-sequential test.
 *
 * Within one interval requests are routed at random, so if the canary fails no more often than the
 * baseline, then given the interval's request counts per arm and its total errors, the canary's share
 * of the errors is hypergeometric — whatever the traffic shape, and whatever the common error rate
 * does (bursts, a baseline that drifts). The statistic is the running sum of the canary's errors (the
 * efficient score for a common error-rate ratio); its exact null distribution over the looks is
 * carried forward by convolution, restricted to the paths that have not yet crossed. At each look the
 * boundary is the smallest count whose tail mass stays within the alpha the spending function allows
 * by then. Counts are discrete, so the tail above the boundary rarely uses the whole budget: the paths
 * one below the boundary are ordered by the canary's errors in this interval, and those with the most
 * reject while their null mass fits in what is left (a finer ordering of the sample space, not a
 * coin: the same data always give the same verdict). Future looks depend on the past only through the
 * running sum, so the removed mass is taken from that one cell. Total false-alarm probability <= alpha
 * for any number of looks and any traffic: the spending is set by the planned schedule, never by the
 * data, and alpha left unspent carries over to later looks.
 */
export interface ErrorLook {
  canaryRequests: number;
  baselineRequests: number;
  canaryErrors: number;
  baselineErrors: number;
  /** Smallest cumulative canary error count that rejects at this look. */
  boundary: number;
  /**
   * At a cumulative count of exactly boundary - 1, the test also rejects when this interval's canary
   * errors are at least this (Infinity: never).
   */
  tieBreak: number;
  /** Cumulative canary errors after this look. */
  cumulativeCanaryErrors: number;
  /** Alpha spent by the end of this look (exact). */
  spent: number;
}

export class ErrorRateTest {
  /** Null mass of the paths still running, over the cumulative canary error count. */
  private dist: Float64Array = Float64Array.of(1);
  private observedSum = 0;
  private spentAlpha = 0;
  readonly looks: ErrorLook[] = [];
  rejected = false;

  constructor(readonly alpha: number) {}

  get spent(): number {
    return this.spentAlpha;
  }

  /**
   * One look. `cumulativeAlpha` is what the spending function allows by this look (non-decreasing,
   * at most alpha). Returns whether the test rejects (canary error rate higher) now.
   */
  look(o: Omit<ErrorLook, 'boundary' | 'tieBreak' | 'cumulativeCanaryErrors' | 'spent'>, cumulativeAlpha: number): boolean {
    if (this.rejected) return true;
    const total = o.canaryRequests + o.baselineRequests;
    const errors = o.canaryErrors + o.baselineErrors;
    const prev = this.dist;
    let pmf: Pmf = { lo: 0, p: Float64Array.of(1) };
    if (errors > 0 && total > 0) {
      pmf = hypergeometricPmf(total, o.canaryRequests, errors);
      this.dist = convolve(prev, pmf);
    }
    this.observedSum += o.canaryErrors;
    const budget = Math.min(cumulativeAlpha, this.alpha) - this.spentAlpha;
    // Smallest b with P(still running and S >= b) <= budget.
    let tail = 0;
    let b = this.dist.length;
    while (b > 0 && tail + this.dist[b - 1]! <= budget) {
      tail += this.dist[b - 1]!;
      b--;
    }
    // b == dist.length: only a count the null gives no mass (beyond its support) rejects.
    const boundary = b;
    this.spentAlpha += tail;
    this.dist = this.dist.subarray(0, b);
    // The cell just below the boundary: its paths with the most canary errors in this interval reject
    // while their null mass fits in the budget left.
    let tieBreak = Infinity;
    if (b > 0) {
      const left = budget - tail;
      const s = b - 1;
      let mass = 0;
      for (let j = pmf.p.length - 1; j >= 0; j--) {
        const i = s - pmf.lo - j;
        const m = i >= 0 && i < prev.length ? prev[i]! * pmf.p[j]! : 0;
        if (mass + m > left) break;
        mass += m;
        if (m > 0) tieBreak = pmf.lo + j;
      }
      if (Number.isFinite(tieBreak)) {
        this.spentAlpha += mass;
        this.dist = Float64Array.from(this.dist);
        this.dist[s] = Math.max(0, this.dist[s]! - mass);
      }
    }
    this.looks.push({ ...o, boundary, tieBreak, cumulativeCanaryErrors: this.observedSum, spent: this.spentAlpha });
    if (this.observedSum >= boundary || (this.observedSum === boundary - 1 && o.canaryErrors >= tieBreak)) this.rejected = true;
    return this.rejected;
  }

  /**
   * Probability that the looks made so far would have rejected if the canary's error rate were
   * `ratio` times the baseline's, given the same requests and total errors per look (the alternative's
   * conditional distribution, taken as binomial). This is what "the traffic seen could have caught"
   * means in a verdict.
   */
  powerAt(ratio: number): number {
    let dist: Float64Array = Float64Array.of(1);
    let caught = 0;
    for (const l of this.looks) {
      const errors = l.canaryErrors + l.baselineErrors;
      const prev = dist;
      let pmf: Pmf = { lo: 0, p: Float64Array.of(1) };
      if (errors > 0) {
        const q = (ratio * l.canaryRequests) / (ratio * l.canaryRequests + l.baselineRequests);
        pmf = binomialPmf(errors, q);
        dist = convolve(dist, pmf);
      }
      if (l.boundary < dist.length) {
        for (let s = l.boundary; s < dist.length; s++) caught += dist[s]!;
        dist = dist.subarray(0, l.boundary);
      }
      if (Number.isFinite(l.tieBreak) && l.boundary > 0 && l.boundary - 1 < dist.length) {
        const s = l.boundary - 1;
        let mass = 0;
        for (let x = l.tieBreak; x - pmf.lo < pmf.p.length; x++) {
          const i = s - x;
          if (i >= 0 && i < prev.length) mass += prev[i]! * pmf.p[x - pmf.lo]!;
        }
        caught += mass;
        dist = Float64Array.from(dist);
        dist[s] = Math.max(0, dist[s]! - mass);
      }
    }
    return Math.min(1, caught);
  }

  /** Smallest error-rate ratio caught with probability `power` by the looks so far (Infinity: none). */
  detectableRatio(power = 0.8): number {
    if (this.looks.length === 0) return Infinity;
    let hi = 2;
    while (this.powerAt(hi) < power) {
      hi *= 2;
      if (hi > 1e4) return Infinity;
    }
    let lo = 1;
    for (let i = 0; i < 30 && hi / lo > 1.005; i++) {
      const mid = Math.sqrt(lo * hi);
      if (this.powerAt(mid) >= power) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /**
   * Mantel-Haenszel estimate of the canary/baseline error-rate ratio over the looks (each interval a
   * stratum, so a rate that drifts between intervals does not bias it) with a Greenland-Robins
   * confidence interval at `level` (a fixed-sample interval: reported, not used to decide).
   */
  estimate(level = 0.95): { ratio: number; low: number; high: number; canaryRate: number; baselineRate: number } {
    let num = 0;
    let den = 0;
    let varNum = 0;
    let cr = 0;
    let ce = 0;
    let br = 0;
    let be = 0;
    for (const l of this.looks) {
      const n = l.canaryRequests + l.baselineRequests;
      cr += l.canaryRequests;
      ce += l.canaryErrors;
      br += l.baselineRequests;
      be += l.baselineErrors;
      if (n === 0) continue;
      num += (l.canaryErrors * l.baselineRequests) / n;
      den += (l.baselineErrors * l.canaryRequests) / n;
      varNum += ((l.canaryErrors + l.baselineErrors) * l.canaryRequests * l.baselineRequests) / (n * n);
    }
    const canaryRate = cr > 0 ? ce / cr : NaN;
    const baselineRate = br > 0 ? be / br : NaN;
    if (num === 0 && den === 0) return { ratio: NaN, low: 0, high: Infinity, canaryRate, baselineRate };
    const ratio = den === 0 ? Infinity : num / den;
    if (num === 0 || den === 0) return { ratio, low: num === 0 ? 0 : NaN, high: den === 0 ? Infinity : NaN, canaryRate, baselineRate };
    const se = Math.sqrt(varNum / (num * den));
    const z = normalQuantile(0.5 + level / 2);
    return { ratio, low: ratio * Math.exp(-z * se), high: ratio * Math.exp(z * se), canaryRate, baselineRate };
  }
}

function convolve(dist: Float64Array, pmf: Pmf): Float64Array {
  const out = new Float64Array(dist.length + pmf.lo + pmf.p.length - 1);
  const p = pmf.p;
  const m = p.length;
  for (let s = 0; s < dist.length; s++) {
    const w = dist[s]!;
    if (w === 0) continue;
    const base = s + pmf.lo;
    for (let j = 0; j < m; j++) out[base + j]! += w * p[j]!;
  }
  return out;
}
