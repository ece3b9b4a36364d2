/**
 * Seeded random numbers for the canary simulation: xoshiro128** for uniforms, and exact samplers
 * (inversion from the mode, so O(sqrt(mean)) work) for the binomial and Poisson counts. Exactness
 * matters: a normal approximation to the counts would test the simulator, not the analysis.
 */
import { logFactorial } from '../../packages/canary/src/stats';

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 to spread the seed over the state.
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.b << 9) >>> 0;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result / 4294967296;
  }

  normal(): number {
    let u = 0;
    while (u === 0) u = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - this.binomial(n, 1 - p);
    const mean = n * p;
    if (mean < 12) {
      // Sequential inversion from 0.
      const q = 1 - p;
      let pk = Math.pow(q, n);
      let cdf = pk;
      const u = this.next();
      let k = 0;
      const r = p / q;
      while (u > cdf && k < n) {
        pk *= (r * (n - k)) / (k + 1);
        k++;
        cdf += pk;
      }
      return k;
    }
    const lp = Math.log(p);
    const lq = Math.log1p(-p);
    const pmf = (k: number): number => Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * lp + (n - k) * lq);
    return this.fromMode(Math.floor((n + 1) * p), 0, n, pmf);
  }

  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean < 12) {
      let k = 0;
      let pk = Math.exp(-mean);
      let cdf = pk;
      const u = this.next();
      while (u > cdf) {
        k++;
        pk *= mean / k;
        cdf += pk;
        if (k > 1000) break;
      }
      return k;
    }
    const lm = Math.log(mean);
    const pmf = (k: number): number => Math.exp(k * lm - mean - logFactorial(k));
    return this.fromMode(Math.floor(mean), 0, Number.MAX_SAFE_INTEGER, pmf);
  }

  /** Inversion that walks outward from the mode, alternating sides by probability. */
  private fromMode(mode: number, lo: number, hi: number, pmf: (k: number) => number): number {
    let u = this.next();
    let down = mode;
    let up = mode + 1;
    let pDown = pmf(down);
    let pUp = up <= hi ? pmf(up) : 0;
    for (;;) {
      if (pDown >= pUp) {
        if (u < pDown) return down;
        u -= pDown;
        down--;
        pDown = down >= lo ? pmf(down) : 0;
      } else {
        if (u < pUp) return up;
        u -= pUp;
        up++;
        pUp = up <= hi ? pmf(up) : 0;
      }
      if (pDown === 0 && pUp === 0) return mode;
    }
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
