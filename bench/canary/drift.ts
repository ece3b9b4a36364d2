/**
 * Prediction drift between baseline and canary: how often the gate rolls back a canary whose model
 * outputs shifted, and how often it rolls back one whose outputs did not (false alarms), including
 * when the inputs drift over time in both arms (so the outputs of both drift together).
 *
 * Usage: bash bench/canary/run.sh is the main bench; this one runs as
 *   node_modules/node/bin/node --experimental-transform-types --disable-warning=ExperimentalWarning \
 *     --import ./bench/ecs-deploy/resolve-ts.mjs bench/canary/drift.ts [--runs N] [--seed S] [--out DIR]
 * and writes drift-results.md and drift-results.json into --out (default bench/canary).
 *
 * The world is sim.ts's (1,000 req/min, base error 0.5 %, log-normal latency; steps 5 → 25 → 50 %
 * with five one-minute intervals each, then promotion) with one more histogram per arm: each request's
 * score is sigmoid(m_t + d + N(0, 1)), counted in ten buckets of width 0.1; d = 0 for the baseline,
 * the canary's shift for the canary (in standard deviations of the logit), m_t the inputs' drift
 * (0, or a random walk of 0.1 per interval shared by both arms).
 *
 * Methods: ours (packages/canary with analyses error-rate, latency, prediction-drift: the drift test
 * gets alpha 0.05 % of the 1 %, the rank test's mixture SPRT, two-sided); and three Mann-Whitney
 * tests on the prediction histograms at 1 % two-sided, as a team without a sequential test would
 * write them: on each interval alone, every interval (looks 15 times); pooled since the start,
 * re-run every interval (Kayenta's way of re-running); pooled, once, after the last interval (no
 * early stop, the power a single look has).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CanaryAnalysis, type IntervalObservation } from '../../packages/canary/src/analysis';
import { normalCdf } from '../../packages/canary/src/stats';
import { Rng } from './random';
import { HEALTHY, World } from './sim';
import { INTERVALS_PER_STEP, STEPS } from './methods';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '1000' }, seed: { type: 'string', default: '20261205' }, out: { type: 'string', default: 'bench/canary' } },
});
const RUNS = Number(args.runs);
const SEED = Number(args.seed);
const PLANNED = STEPS.length * INTERVALS_PER_STEP;
const LE = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, Infinity];

interface DriftScenario {
  name: string;
  shift: number;
  inputDrift: boolean;
}

class DriftWorld {
  private readonly world: World;
  private readonly rng: Rng;
  private m = 0;
  constructor(
    readonly s: DriftScenario,
    seed: number,
  ) {
    this.world = new World({ ...HEALTHY, name: s.name }, seed);
    this.rng = new Rng(seed ^ 0x5bd1e995);
  }
  interval(weight: number): IntervalObservation {
    const o = this.world.interval(weight);
    if (this.s.inputDrift) this.m += 0.1 * this.rng.normal();
    if (o.baseline) o.baseline.predictions = { le: LE, counts: this.counts(o.baseline.requests, this.m) };
    if (o.canary) o.canary.predictions = { le: LE, counts: this.counts(o.canary.requests, this.m + this.s.shift) };
    return o;
  }
  /** Multinomial bucket counts of n scores sigmoid(mu + N(0,1)), by conditional binomials. */
  private counts(n: number, mu: number): number[] {
    const out = new Array<number>(LE.length).fill(0);
    let left = n;
    let massLeft = 1;
    let prev = 0;
    for (let j = 0; j < LE.length && left > 0; j++) {
      const le = LE[j]!;
      const cdf = le === Infinity ? 1 : normalCdf(Math.log(le / (1 - le)) - mu);
      const p = cdf - prev;
      const c = j === LE.length - 1 ? left : this.rng.binomial(left, massLeft > 0 ? Math.min(1, p / massLeft) : 0);
      out[j] = c;
      left -= c;
      massLeft -= p;
      prev = cdf;
    }
    return out;
  }
}

/** Two-sided Mann-Whitney p-value from two histograms on the same buckets (normal approximation, ties corrected). */
export function mannWhitneyP(b: number[], c: number[]): number {
  const nb = b.reduce((x, y) => x + y, 0);
  const nc = c.reduce((x, y) => x + y, 0);
  if (nb === 0 || nc === 0) return 1;
  let u = 0;
  let below = 0;
  let ties = 0;
  const N = nb + nc;
  for (let j = 0; j < b.length; j++) {
    u += c[j]! * (below + 0.5 * b[j]!);
    below += b[j]!;
    const t = b[j]! + c[j]!;
    ties += t * t * t - t;
  }
  const mean = (nb * nc) / 2;
  const v = ((nb * nc) / 12) * (N + 1 - ties / (N * (N - 1)));
  if (!(v > 0)) return 1;
  const z = (u - mean) / Math.sqrt(v);
  return 2 * (1 - normalCdf(Math.abs(z)));
}

type Verdict = 'rollback' | 'promote' | 'fail';
interface Method {
  name: string;
  run(w: DriftWorld): { verdict: Verdict; intervals: number; byDrift: boolean };
}

const scheduleWeight = (k: number) => STEPS[Math.min(Math.floor(k / INTERVALS_PER_STEP), STEPS.length - 1)]!;

const ours: Method = {
  name: 'ours (mixture SPRT, anytime-valid)',
  run(w) {
    const a = new CanaryAnalysis({ steps: STEPS, intervalsPerStep: INTERVALS_PER_STEP, latency: true, predictionDrift: true });
    for (;;) {
      const d = a.observe(w.interval(a.currentWeight));
      if (a.done) return { verdict: d.action === 'rollback' ? 'rollback' : d.action === 'promote' ? 'promote' : 'fail', intervals: d.interval, byDrift: d.reasons.includes('predictions differ from baseline') };
    }
  },
};

function mwMethod(name: string, mode: 'each' | 'pooled-every' | 'pooled-once'): Method {
  return {
    name,
    run(w) {
      const pb = new Array<number>(LE.length).fill(0);
      const pc = new Array<number>(LE.length).fill(0);
      for (let k = 0; k < PLANNED; k++) {
        const o = w.interval(scheduleWeight(k));
        const b = o.baseline!.predictions!.counts;
        const c = o.canary!.predictions!.counts;
        b.forEach((x, j) => (pb[j]! += x));
        c.forEach((x, j) => (pc[j]! += x));
        const p = mode === 'each' ? mannWhitneyP(b, c) : mode === 'pooled-every' || k === PLANNED - 1 ? mannWhitneyP(pb, pc) : 1;
        if (p < 0.01) return { verdict: 'rollback', intervals: k + 1, byDrift: true };
      }
      return { verdict: 'promote', intervals: PLANNED, byDrift: false };
    },
  };
}

const methods: Method[] = [
  ours,
  mwMethod('Mann-Whitney 1 %, each interval alone, every interval', 'each'),
  mwMethod('Mann-Whitney 1 %, pooled since the start, every interval', 'pooled-every'),
  mwMethod('Mann-Whitney 1 %, pooled, once at the end', 'pooled-once'),
];

const scenarios: DriftScenario[] = [
  { name: 'healthy (no shift)', shift: 0, inputDrift: false },
  { name: 'healthy, inputs drifting in both arms', shift: 0, inputDrift: true },
  { name: 'canary outputs shifted 0.05 sd', shift: 0.05, inputDrift: false },
  { name: 'canary outputs shifted 0.1 sd', shift: 0.1, inputDrift: false },
  { name: 'canary outputs shifted 0.2 sd', shift: 0.2, inputDrift: false },
  { name: 'canary outputs shifted 0.1 sd, inputs drifting', shift: 0.1, inputDrift: true },
];

function hash(...xs: number[]): number {
  let h = 2166136261;
  for (const x of xs) {
    h ^= x >>> 0;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

const t0 = performance.now();
const rows: Array<{ scenario: string; method: string; runs: number; rolledBack: number; byDrift: number; promoted: number; medianInterval: number }> = [];
scenarios.forEach((s, si) => {
  for (const m of methods) {
    let rolledBack = 0;
    let byDrift = 0;
    let promoted = 0;
    const at: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const o = m.run(new DriftWorld(s, hash(SEED, si, r)));
      if (o.verdict === 'rollback') {
        rolledBack++;
        at.push(o.intervals);
        if (o.byDrift) byDrift++;
      } else if (o.verdict === 'promote') promoted++;
    }
    at.sort((a, b) => a - b);
    rows.push({ scenario: s.name, method: m.name, runs: RUNS, rolledBack, byDrift, promoted, medianInterval: at.length ? at[Math.floor((at.length - 1) / 2)]! : NaN });
  }
  process.stderr.write(`${s.name}: done (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
});
const seconds = (performance.now() - t0) / 1000;
const pct = (x: number, n: number) => `${((100 * x) / n).toFixed(1)} %`;
let md = '| scenario | method | runs | rolled back | … on prediction drift | promoted | median interval of rollback |\n|---|---|---:|---:|---:|---:|---:|\n';
for (const r of rows) md += `| ${r.scenario} | ${r.method} | ${r.runs} | ${pct(r.rolledBack, r.runs)} | ${pct(r.byDrift, r.runs)} | ${pct(r.promoted, r.runs)} | ${Number.isNaN(r.medianInterval) ? '–' : r.medianInterval} |\n`;
md += `\nSeed ${SEED}, ${RUNS} runs per scenario and method; ${seconds.toFixed(0)} s, Node ${process.version}.\n`;
writeFileSync(`${args.out}/drift-results.md`, md);
writeFileSync(`${args.out}/drift-results.json`, JSON.stringify({ seed: SEED, runs: RUNS, seconds, rows }, null, 1));
process.stdout.write(md);
