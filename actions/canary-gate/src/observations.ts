/**
 * Recorded observations, one JSON object per line (an interval): the shape of
 * `IntervalObservation` from @ml-deploy/canary, with "+Inf" allowed as a bucket bound. Errors name
 * the file, the line and the field.
 */
import { UserError } from '@ml-deploy/action-kit';
import { type ArmObservation, type IntervalObservation, checkObservation } from '@ml-deploy/canary';

export function parseObservations(path: string, text: string): IntervalObservation[] {
  const out: IntervalObservation[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${path}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new UserError(`${where}: not JSON (${(err as Error).message}); expected one interval per line, e.g. {"weight":5,"baseline":{"requests":950,"errors":4},"canary":{"requests":50,"errors":0}}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UserError(`${where}: expected a JSON object per line`);
    const o = value as Record<string, unknown>;
    if (typeof o.weight !== 'number') throw new UserError(`${where}: weight ${short(o.weight)} must be a number (the canary's percent of traffic)`);
    const interval: IntervalObservation = {
      weight: o.weight,
      baseline: arm(where, 'baseline', o.baseline),
      canary: arm(where, 'canary', o.canary),
      ...(typeof o.start === 'string' ? { start: o.start } : {}),
      ...(typeof o.end === 'string' ? { end: o.end } : {}),
    };
    // Every line is checked before the analysis starts: a bad record stops the replay up front.
    try {
      checkObservation(interval, where);
    } catch (err) {
      throw new UserError((err as Error).message);
    }
    out.push(interval);
  });
  return out;
}

function arm(where: string, name: string, v: unknown): ArmObservation | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || Array.isArray(v)) throw new UserError(`${where}: ${name} must be an object or null (no data)`);
  const a = v as Record<string, unknown>;
  const out: ArmObservation = { requests: a.requests as number, errors: a.errors as number };
  for (const k of ['requests', 'errors'] as const) {
    if (typeof a[k] !== 'number') throw new UserError(`${where}: ${name}.${k} ${short(a[k])} must be a whole number`);
  }
  for (const h of ['latency', 'predictions'] as const) {
    const hv = a[h];
    if (hv === undefined || hv === null) continue;
    const hist = hv as Record<string, unknown>;
    if (!Array.isArray(hist.le) || !Array.isArray(hist.counts)) throw new UserError(`${where}: ${name}.${h} needs "le" (bucket upper bounds) and "counts" (per bucket) arrays`);
    const le = hist.le.map((x, j) => {
      if (x === '+Inf' || x === 'Inf' || x === 'inf') return Infinity;
      if (typeof x !== 'number') throw new UserError(`${where}: ${name}.${h}.le[${j}] ${short(x)} must be a number or "+Inf"`);
      return x;
    });
    out[h] = { le, counts: hist.counts as number[] };
  }
  return out;
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
