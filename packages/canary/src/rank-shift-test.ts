import { normalCdf, normalQuantile } from './stats';

/**
 * A distribution shift between canary and baseline, from histogram bucket counts (latency, model
 * predictions): a stratified Mann-Whitney (van Elteren) score tested with a normal-mixture sequential
 * probability ratio test, so it may be looked at after every interval.
 *
 * Per interval, each bucket gets its ridit in the pooled sample of both arms (the mid-rank scaled to
 * [-1/2, 1/2]); the canary's ridit sum has, given the pooled bucket counts and random routing, mean 0
 * and an exactly known variance, whatever the distribution and however it drifts between intervals.
 * The sums over intervals form a martingale under "no shift"; the mixture likelihood ratio of
 * Robbins (one-sided: half-normal mixture; two-sided: normal mixture) crossing 1/alpha is an
 * anytime-valid test (Ville's inequality), the family Lindon et al. (KDD 2022) use for canaries.
 * Bucket counts are large (every request is a sample), so the normal approximation is close.
 */
export type Side = 'greater' | 'two-sided';

export interface Histogram {
  /** Upper bounds of the buckets, increasing; the last may be Infinity. */
  le: number[];
  /** Requests (or predictions) per bucket, not cumulative. */
  counts: number[];
}

export class RankShiftTest {
  /** Sum of the canary's ridit sums. */
  private u = 0;
  /** Its null variance. */
  private v = 0;
  /** Sum over intervals of n_c n_b / N: U / M estimates P(canary > baseline) - P(canary < baseline), halved. */
  private m = 0;
  rejected = false;
  readonly canaryTotal: number[] = [];
  readonly baselineTotal: number[] = [];
  private samplesCanary = 0;
  private samplesBaseline = 0;

  /**
   * @param tau mixture scale, in units of the per-observation ridit drift the test is tuned to
   *   (the prior's standard deviation of the shift in P(canary > baseline)).
   */
  constructor(
    readonly alpha: number,
    readonly side: Side,
    readonly tau = 0.1,
  ) {}

  get samples(): { canary: number; baseline: number } {
    return { canary: this.samplesCanary, baseline: this.samplesBaseline };
  }

  /** Adds one interval; returns whether the test rejects now. */
  look(baseline: Histogram, canary: Histogram): boolean {
    const k = baseline.counts.length;
    if (canary.counts.length !== k) throw new Error(`histograms differ in bucket count (${k} vs ${canary.counts.length})`);
    let nb = 0;
    let nc = 0;
    for (let j = 0; j < k; j++) {
      nb += baseline.counts[j]!;
      nc += canary.counts[j]!;
      this.canaryTotal[j] = (this.canaryTotal[j] ?? 0) + canary.counts[j]!;
      this.baselineTotal[j] = (this.baselineTotal[j] ?? 0) + baseline.counts[j]!;
    }
    this.samplesBaseline += nb;
    this.samplesCanary += nc;
    const n = nb + nc;
    if (nb > 0 && nc > 0 && n > 1) {
      let below = 0;
      let t = 0;
      let ss = 0;
      for (let j = 0; j < k; j++) {
        const c = baseline.counts[j]! + canary.counts[j]!;
        if (c === 0) continue;
        const r = (below + c / 2) / n - 0.5;
        t += canary.counts[j]! * r;
        ss += c * r * r;
        below += c;
      }
      this.u += t;
      this.v += ((nc * nb) / (n * (n - 1))) * ss;
      this.m += (nc * nb) / n;
    }
    if (!this.rejected && this.v > 0 && this.logLikelihoodRatio() >= Math.log(1 / this.alpha)) this.rejected = true;
    return this.rejected;
  }

  /**
   * Mixture scale in the score's own units (drift per unit of variance). A shift d in
   * P(canary > baseline) - 1/2 moves U by about d * M, and V is about M / 12 without ties, so d maps
   * to a drift of 12 d per unit of variance. Fixed, never taken from the data: a mixing distribution
   * that moved with the data would void the guarantee.
   */
  private get scale2(): number {
    return (this.tau * 12) ** 2;
  }

  logLikelihoodRatio(): number {
    const t2 = this.scale2;
    const v = this.v;
    const u = this.u;
    const core = -0.5 * Math.log1p(t2 * v) + (t2 * u * u) / (2 * (1 + t2 * v));
    if (this.side === 'two-sided') return core;
    // Half-normal mixture: 2 * Phi(tau' u / sqrt(1 + tau'^2 v)) times the two-sided ratio.
    const z = (Math.sqrt(t2) * u) / Math.sqrt(1 + t2 * v);
    return core + Math.log(2 * Math.max(normalCdf(z), 1e-300));
  }

  /** z-score of the shift (for charts and reports). */
  get z(): number {
    return this.v > 0 ? this.u / Math.sqrt(this.v) : 0;
  }

  /**
   * Estimated shift in P(canary > baseline) - 1/2 (positive: canary higher, e.g. slower) with an
   * anytime-valid confidence sequence from inverting the two-sided mixture at `alpha`.
   */
  estimate(): { shift: number; low: number; high: number } {
    if (this.v <= 0 || this.m <= 0) return { shift: NaN, low: -0.5, high: 0.5 };
    const t2 = this.scale2;
    const v = this.v;
    const half = Math.sqrt(((1 + t2 * v) / t2) * (2 * Math.log(1 / this.alpha) + Math.log1p(t2 * v)));
    const shift = this.u / this.m;
    return { shift, low: Math.max(-0.5, (this.u - half) / this.m), high: Math.min(0.5, (this.u + half) / this.m) };
  }

  /**
   * Smallest shift in P(canary > baseline) - 1/2 that the looks so far would have caught with
   * probability `power` (normal approximation at the current variance).
   */
  detectableShift(power = 0.8): number {
    if (this.v <= 0 || this.m <= 0) return Infinity;
    // Smallest U that rejects now, by bisection on the (monotone in U >= 0) log ratio.
    const target = Math.log(1 / this.alpha);
    const llr = (u: number): number => {
      const saved = this.u;
      this.u = u;
      const r = this.logLikelihoodRatio();
      this.u = saved;
      return r;
    };
    let hi = Math.sqrt(this.v);
    while (llr(hi) < target) hi *= 2;
    let lo = 0;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (llr(mid) >= target) hi = mid;
      else lo = mid;
    }
    return Math.min(0.5, (hi + normalQuantile(power) * Math.sqrt(this.v)) / this.m);
  }
}

/** Quantile of a bucketed distribution, interpolated linearly inside the bucket (histogram_quantile). */
export function histogramQuantile(le: number[], counts: number[], q: number): number {
  let total = 0;
  for (const c of counts) total += c;
  if (total === 0) return NaN;
  const rank = q * total;
  let below = 0;
  for (let j = 0; j < counts.length; j++) {
    const c = counts[j]!;
    if (below + c >= rank && c > 0) {
      const upper = le[j]!;
      const lower = j === 0 ? 0 : le[j - 1]!;
      if (upper === Infinity) return lower;
      return lower + ((upper - lower) * (rank - below)) / c;
    }
    below += c;
  }
  return le[le.length - 2] ?? NaN;
}
