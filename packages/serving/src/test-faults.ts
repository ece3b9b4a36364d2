/**
 * TEST ONLY: faults a test bed switches on to make a server misbehave on purpose (the canary
 * gate's tests run a healthy and a faulty server side by side). Off by default; the server logs a
 * warning and /healthz shows them whenever one is on.
 *
 * Deterministic, so tests need no luck: an error rate r fails request n (counting from 1) exactly
 * when floor(n*r) > floor((n-1)*r), i.e. r*N of every N requests, spread evenly.
 */
import type { OutputSpec } from './model-session';

export interface TestFaults {
  /** Fraction of /predict requests answered 500 (0..1). */
  errorRate: number;
  /** Milliseconds added to every /predict request. */
  latencyMs: number;
  /** Added to every value of the model's float outputs (a drifted model). */
  predictionShift: number;
}

export const NO_FAULTS: TestFaults = { errorRate: 0, latencyMs: 0, predictionShift: 0 };

export function faultsActive(f: TestFaults): boolean {
  return f.errorRate > 0 || f.latencyMs > 0 || f.predictionShift !== 0;
}

export class FaultSchedule {
  private n = 0;
  constructor(private readonly faults: TestFaults) {}
  next(): { fail: boolean; delayMs: number } {
    this.n++;
    const r = this.faults.errorRate;
    return { fail: r > 0 && Math.floor(this.n * r) > Math.floor((this.n - 1) * r), delayMs: this.faults.latencyMs };
  }
  shift(out: Record<string, { shape: number[]; data: ArrayLike<number | bigint | string | boolean> }>, outputs: OutputSpec[]): void {
    for (const o of outputs) {
      if (o.elemType !== 'float' && o.elemType !== 'double') continue;
      const t = out[o.name];
      if (!t) continue;
      const shifted = Float64Array.from(t.data as ArrayLike<number>, (v) => v + this.faults.predictionShift);
      out[o.name] = { shape: t.shape, data: shifted };
    }
  }
}
