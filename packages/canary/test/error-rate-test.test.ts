import { describe, expect, it } from '@jest/globals';
import { ErrorRateTest } from '../src/error-rate-test';
import { hypergeometricPmf } from '../src/stats';

/** Every outcome of a few small looks, with its exact null probability. */
function enumerate(looks: Array<{ nc: number; nb: number; e: number }>): Array<{ xs: number[]; p: number }> {
  let paths: Array<{ xs: number[]; p: number }> = [{ xs: [], p: 1 }];
  for (const l of looks) {
    const pmf = hypergeometricPmf(l.nc + l.nb, l.nc, l.e);
    const next: typeof paths = [];
    for (const path of paths) pmf.p.forEach((q, i) => next.push({ xs: [...path.xs, pmf.lo + i], p: path.p * q }));
    paths = next;
  }
  return paths;
}

describe('ErrorRateTest', () => {
  const looks = [
    { nc: 50, nb: 950, e: 6 },
    { nc: 250, nb: 750, e: 9 },
    { nc: 500, nb: 500, e: 12 },
  ];
  const alpha = 0.05;
  const spend = [0.2, 0.6, 1];

  it('rejects healthy canaries with total probability equal to the alpha it reports spent, at most alpha', () => {
    let rejectMass = 0;
    let spent = 0;
    for (const path of enumerate(looks)) {
      const t = new ErrorRateTest(alpha);
      let rejected = false;
      looks.forEach((l, i) => {
        if (!rejected) rejected = t.look({ canaryRequests: l.nc, baselineRequests: l.nb, canaryErrors: path.xs[i]!, baselineErrors: l.e - path.xs[i]! }, alpha * spend[i]!);
      });
      if (rejected) rejectMass += path.p;
      if (!rejected) spent = t.spent; // the boundaries do not depend on the path; a path that ran to the end spent it all
    }
    expect(rejectMass).toBeLessThanOrEqual(alpha + 1e-12);
    expect(rejectMass).toBeCloseTo(spent, 12);
    // Spending carries unspent alpha forward, and the cell one below the boundary is split by this
    // interval's canary errors: the total comes close to alpha (0.034 with the tail alone here).
    expect(spent).toBeGreaterThan(alpha * 0.9);
  });

  it('at one below the boundary, rejects the paths with the most canary errors in the last interval', () => {
    const run = (xs: number[]): ErrorRateTest => {
      const t = new ErrorRateTest(alpha);
      looks.forEach((l, i) => t.look({ canaryRequests: l.nc, baselineRequests: l.nb, canaryErrors: xs[i]!, baselineErrors: l.e - xs[i]! }, alpha * spend[i]!));
      return t;
    };
    const last = run([0, 0, 0]).looks.at(-1)!;
    expect(last.boundary).toBe(14);
    expect(last.tieBreak).toBe(9);
    // Both paths end at 13 canary errors, one below the boundary: the one with 9 in the last interval rejects.
    expect(run([1, 3, 9]).rejected).toBe(true);
    expect(run([1, 4, 8]).rejected).toBe(false);
    // The alternative's power counts the same split.
    expect(run([0, 0, 0]).powerAt(1)).toBeGreaterThan(alpha * 0.85);
  });

  it('rolls back when the canary takes far more than its share of the errors', () => {
    const t = new ErrorRateTest(0.01);
    // 500/1000 requests but 30 of 32 errors.
    expect(t.look({ canaryRequests: 500, baselineRequests: 500, canaryErrors: 30, baselineErrors: 2 }, 0.01)).toBe(true);
    const e = t.estimate();
    expect(e.ratio).toBeCloseTo(15, 5);
    expect(e.low).toBeGreaterThan(3);
  });

  it('does not roll back on the canary taking its fair share, and reports what it could have caught', () => {
    const t = new ErrorRateTest(0.01);
    for (let i = 0; i < 5; i++) t.look({ canaryRequests: 500, baselineRequests: 500, canaryErrors: 5, baselineErrors: 5 }, 0.01 * ((i + 1) / 5));
    expect(t.rejected).toBe(false);
    const r = t.detectableRatio(0.8);
    expect(r).toBeGreaterThan(1.5);
    expect(r).toBeLessThan(4);
    // More traffic, smaller detectable regression.
    const t2 = new ErrorRateTest(0.01);
    for (let i = 0; i < 5; i++) t2.look({ canaryRequests: 5000, baselineRequests: 5000, canaryErrors: 50, baselineErrors: 50 }, 0.01 * ((i + 1) / 5));
    expect(t2.detectableRatio(0.8)).toBeLessThan(r);
    expect(t.powerAt(1)).toBeLessThanOrEqual(0.01 + 1e-12);
  });
});

describe('hypergeometricPmf', () => {
  it('sums to one and matches a value computed independently', () => {
    const pmf = hypergeometricPmf(1000, 50, 6);
    const sum = pmf.p.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
    // scipy.stats.hypergeom(1000, 50, 6).pmf(1) = 0.233178...
    expect(pmf.p[1 - pmf.lo]).toBeCloseTo(0.233178, 5);
  });
});
