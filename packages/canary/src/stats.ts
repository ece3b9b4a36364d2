/**
 * The few distributions the analyser needs, written out so the package has no numeric dependency:
 * log-gamma (Lanczos, |error| < 1e-14 for x > 0), the hypergeometric and binomial probability
 * functions, and the standard normal's distribution and quantile functions.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** log(n!) with a table for the small arguments that dominate the calls. */
const LOG_FACTORIAL_TABLE: Float64Array = (() => {
  const table = new Float64Array(4096);
  for (let i = 2; i < table.length; i++) table[i] = table[i - 1]! + Math.log(i);
  return table;
})();

export function logFactorial(n: number): number {
  return n < LOG_FACTORIAL_TABLE.length ? LOG_FACTORIAL_TABLE[n]! : logGamma(n + 1);
}

export function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** A probability vector over the integers lo..lo+p.length-1. */
export interface Pmf {
  lo: number;
  p: Float64Array;
}

/** Mass below this is dropped from the tails of a pmf: far below any level a test spends. */
const TAIL_CUTOFF = 1e-17;

/** Trims negligible tails so convolutions stay short at high traffic. */
function trimmed(lo: number, p: Float64Array): Pmf {
  let a = 0;
  let b = p.length - 1;
  while (a < b && p[a]! < TAIL_CUTOFF) a++;
  while (b > a && p[b]! < TAIL_CUTOFF) b--;
  return { lo: lo + a, p: p.subarray(a, b + 1) };
}

/**
 * Hypergeometric: of `draws` items taken without replacement from `total`, of which `marked` are
 * marked, how many are marked. Here: of the interval's `errors` (draws) among `total` requests, how
 * many fell on the `canaryRequests` (marked) — the exact null distribution of the canary's errors
 * when requests are routed at random and both arms fail alike.
 */
export function hypergeometricPmf(total: number, marked: number, draws: number): Pmf {
  const lo = Math.max(0, draws - (total - marked));
  const hi = Math.min(draws, marked);
  const p = new Float64Array(hi - lo + 1);
  const base = logChoose(total, draws);
  for (let x = lo; x <= hi; x++) {
    p[x - lo] = Math.exp(logChoose(marked, x) + logChoose(total - marked, draws - x) - base);
  }
  return trimmed(lo, p);
}

export function binomialPmf(n: number, q: number): Pmf {
  const p = new Float64Array(n + 1);
  if (q <= 0) {
    p[0] = 1;
    return { lo: 0, p: p.subarray(0, 1) };
  }
  if (q >= 1) {
    p[n] = 1;
    return { lo: n, p: p.subarray(n, n + 1) };
  }
  const lq = Math.log(q);
  const l1q = Math.log1p(-q);
  for (let x = 0; x <= n; x++) p[x] = Math.exp(logChoose(n, x) + x * lq + (n - x) * l1q);
  return trimmed(0, p);
}

/** P(X >= x) for X ~ Binomial(n, q). */
export function binomialUpperTail(n: number, q: number, x: number): number {
  if (x <= 0) return 1;
  if (x > n) return 0;
  const pmf = binomialPmf(n, q);
  let s = 0;
  for (let i = Math.max(x, pmf.lo) - pmf.lo; i < pmf.p.length; i++) s += pmf.p[i]!;
  return Math.min(1, s);
}

/** Standard normal distribution function (W. J. Cody's erfc rational approximations via erf). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

function erfc(x: number): number {
  // Numerical Recipes' erfc with Chebyshev fit: fractional error < 1.2e-7 everywhere.
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Standard normal quantile (P. J. Acklam's algorithm, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}
