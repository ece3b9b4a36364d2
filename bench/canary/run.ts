/**
 * bench/canary: false alarms and detection of canary analysis methods on simulated canaries.
 * Usage: bash bench/canary/run.sh [--runs N] [--mix N] [--seed S] [--out DIR]
 * Prints a markdown table and writes results.json, results.md and plot.svg into --out (default
 * bench/canary). See README.md there for what each scenario is.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Action } from '../../packages/canary/src/analysis';
import { Argo, Flagger, Kayenta, MAX_INTERVALS, Ours, type Gate, type ThresholdConfig } from './methods';
import { Rng } from './random';
import { plot } from './plot';
import { HEALTHY, World, trueLatencyQuantile, type Scenario } from './sim';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '4000' },
    mix: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20261204' },
    out: { type: 'string', default: 'bench/canary' },
    quick: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const MIX = Number(args.mix);
const SEED = Number(args.seed);

interface Outcome {
  action: Action;
  intervals: number;
}

function runOnce(gate: Gate, world: World): Outcome {
  for (let i = 1; i <= 4 * MAX_INTERVALS; i++) {
    const action = gate.observe(world.interval(gate.currentWeight));
    if (action === 'promote' || action === 'rollback' || action === 'fail') return { action, intervals: i };
  }
  return { action: 'fail', intervals: 4 * MAX_INTERVALS };
}

interface MethodDef {
  name: string;
  make: () => Gate;
}

function hash(...xs: number[]): number {
  let h = 2166136261;
  for (const x of xs) {
    h ^= x >>> 0;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

interface Tally {
  runs: number;
  promoted: number;
  rolledBack: number;
  failed: number;
  detectIntervals: number[];
}

function simulate(methods: MethodDef[], scenario: Scenario | ((rng: Rng) => Scenario), runs: number, sid: number): Map<string, Tally> {
  const out = new Map<string, Tally>();
  methods.forEach((m, mi) => {
    const t: Tally = { runs, promoted: 0, rolledBack: 0, failed: 0, detectIntervals: [] };
    for (let r = 0; r < runs; r++) {
      const s = typeof scenario === 'function' ? scenario(new Rng(hash(SEED, sid, r, 7))) : scenario;
      // The world's seed does not depend on the method: every method meets the same scenario draw.
      const o = runOnce(m.make(), new World(s, hash(SEED, sid, r)));
      if (o.action === 'promote') t.promoted++;
      else if (o.action === 'rollback') {
        t.rolledBack++;
        t.detectIntervals.push(o.intervals);
      } else t.failed++;
      void mi;
    }
    out.set(m.name, t);
  });
  return out;
}

function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const P99 = trueLatencyQuantile(0.99);

const flat: Scenario = { name: 'healthy, flat 1,000 req/min', ...HEALTHY };
const doubled: Scenario = { ...flat, name: 'error rate ×2 (0.5 % → 1 %)', errorRatio: 2 };

/** Tuning: the most sensitive threshold whose false alarms on `flat` stay at most 2 %. */
function tune(kind: 'flagger' | 'argo', runs: number): ThresholdConfig {
  const successes = [0.999, 0.995, 0.99, 0.985, 0.98, 0.97, 0.96, 0.95, 0.9, 0.8];
  const latency = [1.05, 1.1, 1.15, 1.2, 1.3, 1.5, 2, 3].map((f) => f * P99);
  const make = (cfg: ThresholdConfig): Gate => (kind === 'flagger' ? new Flagger(cfg) : new Argo(cfg));
  let best: ThresholdConfig = { minSuccessRate: 0.5, maxP99Seconds: 10 };
  // Success-rate threshold first (latency off), then latency (success off): each at <= 1 % so both together stay <= 2 %.
  for (const s of successes) {
    const cfg = { minSuccessRate: s, maxP99Seconds: 1e9 };
    const t = simulate([{ name: 'x', make: () => make(cfg) }], flat, runs, 9001).get('x')!;
    if (t.rolledBack / runs <= 0.01) {
      best = { ...best, minSuccessRate: s };
      break;
    }
  }
  for (const l of latency) {
    const cfg = { minSuccessRate: 0, maxP99Seconds: l };
    const t = simulate([{ name: 'x', make: () => make(cfg) }], flat, runs, 9002).get('x')!;
    if (t.rolledBack / runs <= 0.01) {
      best = { ...best, maxP99Seconds: l };
      break;
    }
  }
  return best;
}

const started = Date.now();
const tuneRuns = Math.max(500, Math.floor(RUNS / 2));
const flaggerTuned = tune('flagger', tuneRuns);
const argoTuned = tune('argo', tuneRuns);

const methods: MethodDef[] = [
  { name: 'ours', make: () => new Ours() },
  { name: 'Kayenta (MW 98 %)', make: () => new Kayenta() },
  { name: 'Flagger (docs: 99 %, P99 500 ms, threshold 5)', make: () => new Flagger() },
  { name: 'Argo Rollouts (docs: ≥ 95 %, P99 ≤ 500 ms, failureLimit 3)', make: () => new Argo() },
  {
    name: `Flagger tuned (≥ ${(flaggerTuned.minSuccessRate * 100).toFixed(1)} %, P99 ≤ ${(flaggerTuned.maxP99Seconds * 1000).toFixed(0)} ms)`,
    make: () => new Flagger(flaggerTuned),
  },
  {
    name: `Argo tuned (≥ ${(argoTuned.minSuccessRate * 100).toFixed(1)} %, P99 ≤ ${(argoTuned.maxP99Seconds * 1000).toFixed(0)} ms)`,
    make: () => new Argo(argoTuned),
  },
];

const healthy: Scenario[] = [
  flat,
  { ...HEALTHY, name: 'healthy, bursty 1,000 req/min', shape: 'bursty' },
  { ...HEALTHY, name: 'healthy, diurnal 1,000 req/min', shape: 'diurnal' },
  { ...HEALTHY, name: 'healthy, noisy baseline drifting in both arms', noisyBaseline: true },
  { ...HEALTHY, name: 'healthy, 10 % of intervals without data', noDataProbability: 0.1 },
  { ...HEALTHY, name: 'healthy, 100 req/min', rpm: 100 },
  { ...HEALTHY, name: 'healthy, 10,000 req/min at 2 % errors', rpm: 10000, baseErrorRate: 0.02 },
];
const regressions: Scenario[] = [
  doubled,
  { ...HEALTHY, name: 'p95 latency +25 %', latencyScale: 1.25 },
];

/** The regression mix of the issue: error +10 % to +400 % at 0.5 % and 2 %, 10 to 10,000 req/min, latency +10 % to +50 %, some starting mid-way. */
function mixScenario(rng: Rng): Scenario {
  const rpm = Math.round(Math.pow(10, 1 + 3 * rng.next()));
  const base = rng.next() < 0.5 ? 0.005 : 0.02;
  const errorKind = rng.next() < 0.5;
  const errorRatio = errorKind ? 1 + [0.1, 0.25, 0.5, 1, 2, 4][Math.floor(rng.next() * 6)]! : 1;
  const latencyScale = errorKind ? 1 : 1 + [0.1, 0.2, 0.3, 0.4, 0.5][Math.floor(rng.next() * 5)]!;
  const regressionStart = rng.next() < 0.3 ? 2 + Math.floor(rng.next() * 9) : 1;
  return { ...HEALTHY, name: 'mix', rpm, baseErrorRate: base, errorRatio, latencyScale, regressionStart };
}

interface Row {
  scenario: string;
  kind: 'healthy' | 'regression' | 'mix';
  method: string;
  runs: number;
  promoted: number;
  rolledBack: number;
  failed: number;
  medianDetect: number;
}

const rows: Row[] = [];
let sid = 0;
const collect = (s: string, kind: Row['kind'], res: Map<string, Tally>): void => {
  for (const [method, t] of res) {
    rows.push({ scenario: s, kind, method, runs: t.runs, promoted: t.promoted, rolledBack: t.rolledBack, failed: t.failed, medianDetect: median(t.detectIntervals) });
  }
};
for (const s of healthy) collect(s.name, 'healthy', simulate(methods, s, RUNS, ++sid));
for (const s of regressions) collect(s.name, 'regression', simulate(methods, s, Math.max(500, Math.floor(RUNS / 2)), ++sid));
collect('regression mix (issue 13)', 'mix', simulate(methods, mixScenario, MIX, ++sid));
// Ours with the promotion floor off, to show what the test alone does on the mix.
collect('regression mix (issue 13)', 'mix', simulate([{ name: 'ours, minCanaryRequests 0', make: () => new Ours({ minCanaryRequests: 0 }) }], mixScenario, MIX, sid));

// Power curve at 1,000 req/min, 0.5 %: rollback rate by error ratio.
const ratios = [1, 1.25, 1.5, 2, 3, 5];
const curve: Record<string, number[]> = {};
for (const r of ratios) {
  const res = simulate(methods, { ...HEALTHY, name: `ratio ${r}`, errorRatio: r }, Math.max(300, Math.floor(RUNS / 4)), 100 + Math.round(r * 100));
  for (const [m, t] of res) (curve[m] ??= []).push(t.rolledBack / t.runs);
}
const seconds = (Date.now() - started) / 1000;

const fmtPct = (x: number, n: number): string => `${((100 * x) / n).toFixed(x / n < 0.1 ? 2 : 1)} %`;
let md = `| scenario | method | runs | rolled back | promoted | failed (no decision) | median intervals to rollback |\n|---|---|---:|---:|---:|---:|---:|\n`;
for (const r of rows) {
  md += `| ${r.scenario} | ${r.method} | ${r.runs} | ${fmtPct(r.rolledBack, r.runs)} | ${fmtPct(r.promoted, r.runs)} | ${fmtPct(r.failed, r.runs)} | ${Number.isNaN(r.medianDetect) ? '–' : r.medianDetect} |\n`;
}
let curveMd = `| method | ${ratios.map((r) => `×${r}`).join(' | ')} |\n|---|${ratios.map(() => '---:').join('|')}|\n`;
for (const [m, v] of Object.entries(curve)) curveMd += `| ${m} | ${v.map((x) => `${(x * 100).toFixed(1)} %`).join(' | ')} |\n`;
writeFileSync(join(args.out!, 'results.md'), `${md}\n${curveMd}\nSeed ${SEED}, ${RUNS} runs per healthy scenario, ${Math.max(500, Math.floor(RUNS / 2))} per regression, ${MIX} in the mix; ${seconds.toFixed(0)} s.\n`);
writeFileSync(join(args.out!, 'results.json'), JSON.stringify({ seed: SEED, runs: RUNS, mix: MIX, seconds, rows, curve: { ratios, curve }, tuned: { flagger: flaggerTuned, argo: argoTuned } }, null, 1));
writeFileSync(join(args.out!, 'plot.svg'), plot(ratios, curve));
process.stdout.write(`${md}\n${curveMd}\n${seconds.toFixed(1)} s\n`);

