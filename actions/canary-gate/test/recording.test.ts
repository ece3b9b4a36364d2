/**
 * mode run records every interval (JSON lines, appended as read) and mode analyze replays that file
 * to the same decisions. The run uses an in-memory shifter and a provider that serves recorded
 * intervals (no cloud here: the live loop on moto + Prometheus is run-live.itg.test.ts); the
 * recording goes through the real file writer.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretRegistry, SummaryBuilder, fakeClock, type Logger } from '@ml-deploy/action-kit';
import type { ArmObservation, IntervalObservation, MetricProvider, TrafficShifter } from '@ml-deploy/canary';
import { parseInputs } from '../src/inputs';
import { parseObservations } from '../src/observations';
import { openRecording } from '../src/recording';
import type { Report } from '../src/report';
import { run, type Deps } from '../src/run';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'canary');
const quiet: Logger = { debug() {}, info() {}, warning() {}, error() {}, group: (_t, fn) => fn() };

/** A provider that answers interval i with the i-th recorded interval's arms. */
function replayingProvider(recorded: IntervalObservation[]): MetricProvider {
  const asked = { baseline: 0, canary: 0 };
  return {
    name: 'recorded',
    async observe(arm): Promise<ArmObservation | null> {
      const o = recorded[asked[arm]++];
      return o ? o[arm] : null;
    },
  };
}

function memoryShifter(): TrafficShifter & { weight: number } {
  return {
    name: 'memory',
    weight: 0,
    async setWeight(p) {
      this.weight = p;
      return p;
    },
    async readWeight() {
      return this.weight;
    },
  };
}

function deps(extra: Partial<Deps>, outputs: Record<string, string>, reports: Report[]): Deps {
  return {
    logger: quiet,
    signal: new AbortController().signal,
    secrets: new SecretRegistry(() => {}),
    summary: new SummaryBuilder(),
    setOutput: (k, v) => void (outputs[k] = String(v)),
    readObservations: async (p) => parseObservations(p, readFileSync(p, 'utf8')),
    writeReport: async (r) => {
      reports.push(r);
      return '/tmp/report.json';
    },
    ...extra,
  };
}

const RUN = { mode: 'run', traffic: 'alb', 'listener-arn': 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/m/1/2', 'baseline-target-group-arn': 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/b/1', 'canary-target-group-arn': 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/c/2', metrics: 'prometheus', 'prometheus-url': 'http://127.0.0.1:9', 'requests-query': 'r{a="$ARM"}', 'errors-query': 'e{a="$ARM"}', 'latency-query': 'l_bucket{a="$ARM"}', 'baseline-label': 'v1', 'canary-label': 'v2', 'fail-on-rollback': 'false' } as Record<string, string>;

async function runThenReplay(fixture: string) {
  const recorded = parseObservations(fixture, readFileSync(join(FIXTURES, fixture), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'canary-rec-'));
  const path = join(dir, 'sub', 'run.jsonl');
  const outputs: Record<string, string> = {};
  const reports: Report[] = [];
  const shifter = memoryShifter();
  const live = await run(
    parseInputs((n) => RUN[n]),
    deps({ shifter, provider: replayingProvider(recorded), clock: fakeClock(Date.UTC(2026, 0, 1)), openRecording: () => openRecording(path) }, outputs, reports),
  );
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  const replayOutputs: Record<string, string> = {};
  const replayReports: Report[] = [];
  const replay = await run(parseInputs((n) => ({ mode: 'analyze', observations: path, 'fail-on-rollback': 'false' })[n]), deps({}, replayOutputs, replayReports));
  return { live, replay, lines, outputs, path, report: reports[0]!, replayReport: replayReports[0]!, shifter };
}

describe('canary-gate mode run: the recording', () => {
  it('holds every interval of a promoted run, one line each, and replays to the same decisions', async () => {
    const r = await runThenReplay('healthy.jsonl');
    expect(r.live.verdict).toBe('promoted');
    expect(r.shifter.weight).toBe(100);
    expect(r.outputs.recording).toBe(r.path);
    expect(r.lines).toHaveLength(15);
    const first = JSON.parse(r.lines[0]!);
    expect(first).toMatchObject({ weight: 5, start: '2026-01-01T00:00:00.000Z', end: '2026-01-01T00:01:00.000Z' });
    expect(first.baseline.latency.le.at(-1)).toBe('+Inf');
    expect(r.replay.verdict).toBe('promoted');
    expect(r.replayReport.intervals.map((i) => [i.decision.action, i.decision.rule])).toEqual(r.report.intervals.map((i) => [i.decision.action, i.decision.rule]));
    expect(r.replayReport.warnings).toEqual([]);
  });

  it('replays a rolled-back run to the same rollback at the same interval', async () => {
    const r = await runThenReplay('latency.jsonl');
    expect(r.live.verdict).toBe('rolled-back');
    expect(r.replay.verdict).toBe('rolled-back');
    expect(r.lines).toHaveLength(r.report.intervals.length);
    expect(r.replayReport.rule).toBe(r.report.rule);
    expect(r.replayReport.intervals.at(-1)!.decision.interval).toBe(r.report.intervals.at(-1)!.decision.interval);
  });

  it('keeps the intervals read before a cancellation', async () => {
    const recorded = parseObservations('h', readFileSync(join(FIXTURES, 'healthy.jsonl'), 'utf8'));
    const path = join(mkdtempSync(join(tmpdir(), 'canary-rec-')), 'cancel.jsonl');
    const ac = new AbortController();
    const provider = replayingProvider(recorded);
    let calls = 0;
    const cancelling: MetricProvider = {
      name: 'cancelling',
      async observe(arm, w, s) {
        if (++calls === 9) ac.abort(new Error('the job was cancelled')); // during the 5th interval's reads
        return provider.observe(arm, w, s);
      },
    };
    const shifter = memoryShifter();
    const outputs: Record<string, string> = {};
    await expect(
      run(parseInputs((n) => RUN[n]), { ...deps({ shifter, provider: cancelling, clock: fakeClock(0), openRecording: () => openRecording(path) }, outputs, []), signal: ac.signal }),
    ).rejects.toThrow(/cancelled/);
    expect(shifter.weight).toBe(0);
    expect(outputs.recording).toBe(path);
    expect(readFileSync(path, 'utf8').trimEnd().split('\n')).toHaveLength(5);
  });
});
