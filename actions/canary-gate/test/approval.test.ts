/**
 * Manual approval between steps: `approval-after` stops the gate with verdict paused (traffic left
 * at the step), and a later run given the recording as `observations` resumes: the recorded
 * intervals go through the analysis first, then it goes on live. Two runs with an approval in
 * between decide exactly as one uninterrupted run. In-memory shifter and a provider serving recorded
 * intervals (the live loop on moto + Prometheus is run-live.itg.test.ts); recordings go through the
 * real file writer and reader.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretRegistry, SummaryBuilder, fakeClock, type Logger } from '@ml-deploy/action-kit';
import type { IntervalObservation, MetricProvider, TrafficShifter } from '@ml-deploy/canary';
import { parseInputs } from '../src/inputs';
import { parseObservations } from '../src/observations';
import { openRecording } from '../src/recording';
import type { Report } from '../src/report';
import { run } from '../src/run';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'canary');
const quiet: Logger = { debug() {}, info() {}, warning() {}, error() {}, group: (_t, fn) => fn() };
const healthy = () => parseObservations('healthy', readFileSync(join(FIXTURES, 'healthy.jsonl'), 'utf8'));

/** Serves recorded intervals from `from` on; counts what it was asked. */
function provider(recorded: IntervalObservation[], from: number): MetricProvider & { asked: number } {
  const next = { baseline: from, canary: from };
  return {
    name: 'recorded',
    asked: 0,
    async observe(arm) {
      this.asked++;
      return recorded[next[arm]++]?.[arm] ?? null;
    },
  };
}

const shifter: TrafficShifter & { weight: number; sets: number[] } = {
  name: 'memory',
  weight: 0,
  sets: [],
  async setWeight(p) {
    this.sets.push(p);
    return (this.weight = p);
  },
  async readWeight() {
    return this.weight;
  },
};

const BASE = { mode: 'run', traffic: 'alb', 'listener-arn': 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/m/1/2', 'baseline-target-group-arn': 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/b/1', 'canary-target-group-arn': 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/c/2', metrics: 'prometheus', 'prometheus-url': 'http://127.0.0.1:9', 'requests-query': 'r{a="$ARM"}', 'errors-query': 'e{a="$ARM"}', 'latency-query': 'l_bucket{a="$ARM"}', 'baseline-label': 'v1', 'canary-label': 'v2' } as Record<string, string>;

async function gate(values: Record<string, string>, p: MetricProvider, recordTo: string) {
  const outputs: Record<string, string> = {};
  let report: Report | undefined;
  const summary = new SummaryBuilder();
  const out = await run(parseInputs((n) => ({ ...BASE, ...values })[n]), {
    logger: quiet,
    signal: new AbortController().signal,
    secrets: new SecretRegistry(() => {}),
    summary,
    setOutput: (k, v) => void (outputs[k] = String(v)),
    readObservations: async (path) => parseObservations(path, readFileSync(path, 'utf8')),
    writeReport: async (r) => {
      report = r;
      return '/tmp/r.json';
    },
    shifter,
    provider: p,
    clock: fakeClock(0),
    openRecording: () => openRecording(recordTo),
  });
  return { out, outputs, report: report!, summary: summary.toString(), lines: readFileSync(recordTo, 'utf8').trimEnd().split('\n') };
}

describe('approval-after', () => {
  it('pauses after the 5 % step with traffic left there; the approved run resumes and decides as one uninterrupted run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-approval-'));
    const data = healthy();
    shifter.weight = 0;
    shifter.sets = [];
    const first = await gate({ 'approval-after': '5' }, provider(data, 0), join(dir, 'first.jsonl'));
    expect(first.out).toMatchObject({ verdict: 'paused', 'final-weight': 5 });
    expect(shifter.weight).toBe(5); // not put back to the baseline
    expect(shifter.sets).toEqual([5]);
    expect(first.lines).toHaveLength(5);
    expect(first.report.rule).toMatch(/approval required after the 5 % step/);
    expect(first.summary).toMatch(/Paused for approval/);

    const p2 = provider(data, 5);
    const second = await gate({ 'approval-after': '5', observations: first.outputs.recording! }, p2, join(dir, 'second.jsonl'));
    expect(second.out).toMatchObject({ verdict: 'promoted', 'final-weight': 100 });
    expect(shifter.sets).toEqual([5, 25, 50, 100]);
    expect(p2.asked).toBe(20); // 10 live intervals, two arms
    expect(second.lines).toHaveLength(15); // the resumed run's recording holds the whole release

    shifter.weight = 0;
    const once = await gate({}, provider(data, 0), join(dir, 'once.jsonl'));
    expect(second.report.intervals.map((i) => [i.decision.action, i.decision.rule])).toEqual(once.report.intervals.map((i) => [i.decision.action, i.decision.rule]));
  });

  it('after the last step it pauses before promotion; the approved run promotes at once, reading no more metrics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-approval-'));
    const data = healthy();
    shifter.weight = 0;
    const first = await gate({ 'approval-after': '50' }, provider(data, 0), join(dir, 'a.jsonl'));
    expect(first.out).toMatchObject({ verdict: 'paused', 'final-weight': 50 });
    expect(first.report.rule).toMatch(/approval required before promotion/);
    expect(shifter.weight).toBe(50);
    const p2 = provider(data, 15);
    const second = await gate({ 'approval-after': '50', observations: first.outputs.recording! }, p2, join(dir, 'b.jsonl'));
    expect(second.out).toMatchObject({ verdict: 'promoted', 'final-weight': 100 });
    expect(p2.asked).toBe(0);
  });

  it('refuses a weight that is not a step', () => {
    expect(() => parseInputs((n) => ({ ...BASE, 'approval-after': '10' })[n])).toThrow(/input 'approval-after': got "10", expected step weights from 'steps' \(5,25,50\)/);
  });
});
