import { describe, expect, it } from '@jest/globals';
import { CanaryAnalysis, type ArmObservation, type IntervalObservation } from '../src/analysis';
import { RankShiftTest } from '../src/rank-shift-test';

const LE = [0.025, 0.05, 0.1, 0.25, 0.5, Infinity];
/** Deterministic arm: requests split over buckets by the given shares. */
function arm(requests: number, errors: number, shares = [0.1, 0.4, 0.3, 0.15, 0.04, 0.01]): ArmObservation {
  const counts = shares.map((s) => Math.floor(s * requests));
  counts[1]! += requests - counts.reduce((a, b) => a + b, 0);
  return { requests, errors, latency: { le: LE, counts } };
}
const SLOW = [0.02, 0.18, 0.35, 0.3, 0.1, 0.05];

function interval(weight: number, total: number, baseRate: number, canaryRate: number, canaryShares?: number[]): IntervalObservation {
  const nc = Math.round((total * weight) / 100);
  const nb = total - nc;
  return { weight, baseline: arm(nb, Math.round(nb * baseRate)), canary: arm(nc, Math.round(nc * canaryRate), canaryShares) };
}

function drive(a: CanaryAnalysis, make: (weight: number) => IntervalObservation): ReturnType<CanaryAnalysis['observe']> {
  for (;;) {
    const d = a.observe(make(a.currentWeight));
    if (a.done) return d;
  }
}

describe('CanaryAnalysis', () => {
  it('walks the steps and promotes a healthy canary after the planned intervals', () => {
    const a = new CanaryAnalysis();
    const weights: number[] = [];
    const d = drive(a, (w) => {
      weights.push(w);
      return interval(w, 1000, 0.005, 0.005);
    });
    expect(d.action).toBe('promote');
    expect(d.nextWeight).toBe(100);
    expect(weights).toEqual([...Array(5).fill(5), ...Array(5).fill(25), ...Array(5).fill(50)]);
    const errors = a.explain().find((m) => m.metric === 'error-rate')!;
    expect(errors.status).toBe('pass');
    expect(errors.samples.canary).toBe(4000);
    expect(errors.detectable).toMatch(/^error rate ×\d/);
    expect(errors.estimate).toMatch(/ratio 0\.\d\d \(95 % CI 0\.\d\d–1\.\d\d\)/);
  });

  it('rolls back on a canary with several times the baseline error rate, naming the sequential test', () => {
    const a = new CanaryAnalysis();
    const d = drive(a, (w) => interval(w, 2000, 0.005, 0.04));
    expect(d.action).toBe('rollback');
    expect(d.nextWeight).toBe(0);
    expect(d.rule).toMatch(/sequential test.*error rate higher/);
    expect(d.interval).toBeLessThan(15);
    expect(a.explain()[0]!.status).toBe('fail');
  });

  it('rolls back at once through the guard rail when the canary fails clearly above 5 %', () => {
    const a = new CanaryAnalysis();
    const d = a.observe(interval(5, 1000, 0.005, 0.3));
    expect(d.action).toBe('rollback');
    expect(d.rule).toMatch(/^guard rail: canary error rate 30\.0 % > 5\.00 %/);
    expect(d.interval).toBe(1);
  });

  it('rolls back a canary whose latency distribution moved up', () => {
    const a = new CanaryAnalysis();
    const d = drive(a, (w) => interval(w, 1000, 0.005, 0.005, SLOW));
    expect(d.action).toBe('rollback');
    expect(d.rule).toMatch(/latency higher/);
    const lat = a.explain().find((m) => m.metric === 'latency')!;
    expect(lat.status).toBe('fail');
    expect(lat.values.canaryP95!).toBeGreaterThan(lat.values.baselineP95!);
  });

  it('rolls back on prediction drift in either direction when asked to analyse it', () => {
    for (const shift of [1, -1]) {
      const a = new CanaryAnalysis({ predictionDrift: true, latency: false });
      const d = drive(a, (w) => {
        const o = interval(w, 1000, 0.005, 0.005);
        const preds = (n: number, s: number): { le: number[]; counts: number[] } => {
          const shares = s > 0 ? [0.1, 0.2, 0.3, 0.4] : s < 0 ? [0.4, 0.3, 0.2, 0.1] : [0.25, 0.25, 0.25, 0.25];
          const counts = shares.map((x) => Math.round(x * n));
          counts[0]! += n - counts.reduce((p, c) => p + c, 0);
          return { le: [0.25, 0.5, 0.75, 1], counts };
        };
        o.baseline!.predictions = preds(o.baseline!.requests, 0);
        o.canary!.predictions = preds(o.canary!.requests, shift);
        return o;
      });
      expect(d.action).toBe('rollback');
      expect(d.rule).toMatch(/predictions differ/);
    }
  });

  it('holds on intervals without data by default, and fails when the maximum duration is reached', () => {
    const a = new CanaryAnalysis({ maxIntervals: 16 });
    const d1 = a.observe({ weight: 5, baseline: null, canary: null });
    expect(d1.action).toBe('hold');
    expect(d1.nextWeight).toBe(5);
    let d = d1;
    for (let i = 0; i < 15; i++) d = a.observe({ weight: 5, baseline: null, canary: null });
    expect(d.action).toBe('fail');
    expect(d.rule).toMatch(/maximum duration \(16 intervals\)/);
  });

  it('fails at once on no data under no-data: fail, and advances (saying so) under no-data: pass', () => {
    const f = new CanaryAnalysis({ noData: 'fail' });
    expect(f.observe({ weight: 5, baseline: arm(950, 1), canary: arm(0, 0) }).action).toBe('fail');
    const p = new CanaryAnalysis({ noData: 'pass', minCanaryRequests: 0 });
    const d = p.observe({ weight: 5, baseline: null, canary: null });
    expect(d.action).toBe('continue');
    expect(d.reasons[0]).toMatch(/advanced anyway \(policy no-data: pass\)/);
    // The schedule moved on: 14 more intervals with data finish it.
    let last = d;
    for (let i = 0; i < 14; i++) last = p.observe(interval(p.currentWeight, 1000, 0.005, 0.005));
    expect(last.action).toBe('promote');
  });

  it('holds before promotion until the minimum canary requests are seen', () => {
    const a = new CanaryAnalysis({ minCanaryRequests: 500, maxIntervals: 20 });
    let d = a.observe(interval(5, 100, 0, 0));
    for (let i = 1; i < 15; i++) d = a.observe(interval(a.currentWeight, 100, 0, 0));
    expect(d.action).toBe('hold');
    expect(d.rule).toMatch(/minimum requests: 400 canary requests seen, 500 needed/);
    d = a.observe(interval(50, 200, 0, 0));
    expect(d.action).toBe('promote');
  });

  it('rejects bad policies and observations with the field, the value and what is expected', () => {
    expect(() => new CanaryAnalysis({ steps: [25, 5] })).toThrow(/steps: 5 must be above the previous step \(25\)/);
    expect(() => new CanaryAnalysis({ alpha: 0.7 })).toThrow(/alpha: 0.7 must be in \(0, 0.5\)/);
    const a = new CanaryAnalysis();
    expect(() => a.observe({ weight: 5, baseline: arm(10, 11), canary: arm(1, 0) })).toThrow(/interval 1: baseline.errors 11 must be a whole number from 0 to requests \(10\)/);
    expect(() => a.observe({ weight: 5, baseline: arm(10, 0), canary: { requests: 1, errors: 0, latency: { le: [1, 2], counts: [1, 0] } } })).toThrow(/latency buckets differ/);
  });
});

describe('RankShiftTest', () => {
  it('stays below its threshold and centred on no shift when both arms match', () => {
    const t = new RankShiftTest(0.01, 'greater');
    for (let i = 0; i < 30; i++) t.look({ le: LE, counts: [100, 400, 300, 150, 40, 10] }, { le: LE, counts: [50, 200, 150, 75, 20, 5] });
    expect(t.rejected).toBe(false);
    expect(t.estimate().shift).toBeCloseTo(0, 10);
    expect(t.estimate().low).toBeLessThan(0);
  });
});
