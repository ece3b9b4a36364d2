import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SecretRegistry, SummaryBuilder, type Logger } from '@ml-deploy/action-kit';
import { JSDOM } from 'jsdom';
import { parseInputs } from '../src/inputs';
import { parseObservations } from '../src/observations';
import { charts, type Report } from '../src/report';
import { run, type Deps } from '../src/run';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'canary');

type Parse = (text: string) => Promise<unknown>;
let mermaidParse: Parse;
beforeAll(async () => {
  // Mermaid's own parser; it needs a DOM for its sanitizer, which jsdom provides.
  const { window } = new JSDOM('');
  Object.assign(globalThis, { window, document: window.document });
  const { default: mermaid } = await import('mermaid');
  mermaidParse = (text) => mermaid.parse(text);
});

const quiet: Logger = { debug() {}, info() {}, warning() {}, error() {}, group: (_t, fn) => fn() };

async function analyze(file: string, extra: Record<string, string> = {}) {
  const inputs = parseInputs((n) => ({ mode: 'analyze', observations: file, ...extra })[n]);
  const outputs: Record<string, string> = {};
  let report: Report | undefined;
  const summary = new SummaryBuilder();
  const deps: Deps = {
    logger: quiet,
    signal: new AbortController().signal,
    secrets: new SecretRegistry(() => {}),
    summary,
    setOutput: (k, v) => void (outputs[k] = String(v)),
    readObservations: async (p) => parseObservations(p, readFileSync(p, 'utf8')),
    writeReport: async (r) => {
      report = r;
      return '/tmp/report.json';
    },
  };
  const out = await run(inputs, deps);
  return { out, outputs, report: report!, summary: summary.toString() };
}

function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
}

describe('canary-gate mode: analyze', () => {
  it('promotes the recorded healthy canary, with outputs, report and a summary whose charts Mermaid parses', async () => {
    const { out, outputs, report, summary } = await analyze(join(FIXTURES, 'healthy.jsonl'));
    expect(out.verdict).toBe('promoted');
    expect(outputs).toEqual({ verdict: 'promoted', 'final-weight': '100', report: '/tmp/report.json' });
    expect(report.intervals).toHaveLength(15);
    expect(report.metrics.map((m) => m.metric)).toEqual(['error-rate', 'latency']);
    expect(summary).toMatch(/\| metric \| status \| estimate \|/);
    expect(summary).toMatch(/\| error-rate \| pass \| canary \d/);
    const blocks = mermaidBlocks(summary);
    expect(blocks).toHaveLength(3); // error rate, p95 latency, weight
    for (const b of blocks) await expect(mermaidParse(b)).resolves.toMatchObject({ diagramType: 'xychart' });
  });

  it('rolls back the recorded canary with 4× the errors and the one 15 % slower, naming the test that decided', async () => {
    const errors = await analyze(join(FIXTURES, 'errors.jsonl'), { 'fail-on-rollback': 'false' });
    expect(errors.out.verdict).toBe('rolled-back');
    expect(errors.outputs['final-weight']).toBe('0');
    expect(errors.report.rule).toMatch(/error rate higher than baseline|guard rail/);
    const latency = await analyze(join(FIXTURES, 'latency.jsonl'));
    expect(latency.out.verdict).toBe('rolled-back');
    expect(latency.report.rule).toMatch(/latency higher than baseline/);
    expect(latency.summary).toMatch(/\| latency \| fail \| p95 canary/);
    for (const b of mermaidBlocks(latency.summary)) await expect(mermaidParse(b)).resolves.toBeTruthy();
  });

  it('says failed when the recording ends before a decision: it never passes what it could not check', async () => {
    const { out, report } = await analyze(join(FIXTURES, 'healthy.jsonl'), { 'intervals-per-step': '6' });
    expect(out.verdict).toBe('failed');
    expect(report.finalWeight).toBe(0);
    expect(report.warnings.join('\n')).toMatch(/the recording ended after 15 intervals, before a decision/);
    expect(report.warnings.join('\n')).toMatch(/recorded at 25 %, the policy would have run it at 5 %/);
  });

  it('charts carry one value per interval with data, and no-data intervals drop out of them', () => {
    const obs = parseObservations('x', readFileSync(join(FIXTURES, 'healthy.jsonl'), 'utf8'));
    obs[2] = { weight: 5, baseline: null, canary: null };
    const report = {
      policy: { latency: true, predictionDrift: false },
      intervals: obs.map((observation, i) => ({ observation, decision: { interval: i + 1 } })),
    } as unknown as Report;
    const c = charts(report);
    expect(c[0]!.mermaid).toMatch(/x-axis "interval" \[1, 2, 4, 5, 6/);
  });
});

describe('parseObservations', () => {
  it('names the file, line and field of a bad record', () => {
    expect(() => parseObservations('rec.jsonl', '{"weight":5,"baseline":null,"canary":null}\n{nope')).toThrow(/^rec\.jsonl:2: not JSON/);
    expect(() => parseObservations('rec.jsonl', '{"weight":5,"baseline":{"requests":"10","errors":0},"canary":null}')).toThrow(/rec\.jsonl:1: baseline\.requests "10" must be a whole number/);
    expect(() => parseObservations('r', '{"weight":5,"baseline":{"requests":1,"errors":0,"latency":{"le":[1,"x"],"counts":[1,0]}},"canary":null}')).toThrow(/latency\.le\[1\] "x" must be a number or "\+Inf"/);
  });
});
