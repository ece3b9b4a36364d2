/**
 * mode run end to end on local services: the ALB shifter on moto (weights stored and read back, not
 * routed), a load generator that splits requests by the weights it reads back from moto, the
 * harness exporter counting them per arm, and a real Prometheus scraping it every second. A healthy
 * canary is promoted (listener at 100 % canary); a canary failing a third of its requests is rolled
 * back by the guard rail (listener back at 0 %); a cancelled run puts the baseline back.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { DescribeListenersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { SecretRegistry, SummaryBuilder, systemClock, type Logger } from '@ml-deploy/action-kit';
import { AlbWeightedShifter, PrometheusProvider } from '@ml-deploy/canary';
import { type AlbFixture, createAlb } from '@ml-deploy/test/harness/alb-fixtures';
import { type MotoServer, startMoto } from '@ml-deploy/test/harness/moto';
import { type Exporter, type PrometheusServer, startExporter, startPrometheus } from '@ml-deploy/test/harness/prometheus';
import { type PrometheusMetrics, parseInputs } from '../src/inputs';
import type { Report } from '../src/report';
import { run, type Deps } from '../src/run';

const LE = [0.05, 0.1, 0.25, 0.5];
let moto: MotoServer;
let alb: AlbFixture;
let exporter: Exporter;
let prom: PrometheusServer;

beforeAll(async () => {
  [moto, exporter] = await Promise.all([startMoto(), startExporter()]);
  alb = await createAlb(moto.url);
  for (const revision of ['v1', 'v2']) {
    for (const code of ['200', '500']) exporter.inc('model_requests_total', { code, revision }, 0);
    exporter.observe('model_request_duration_seconds', { revision }, LE, []);
  }
  prom = await startPrometheus([exporter.target]);
  // Every series scraped once before any analysis starts.
  await prom.waitForValue('count(model_requests_total)', 4);
}, 90_000);

afterAll(async () => {
  await Promise.all([prom?.stop(), exporter?.stop(), moto?.stop()]);
});

let shifter: AlbWeightedShifter;
beforeEach(async () => {
  shifter = new AlbWeightedShifter(alb.elb, { listenerOrRuleArn: alb.listenerArn, baselineTargetGroupArn: alb.baselineTargetGroupArn, canaryTargetGroupArn: alb.canaryTargetGroupArn });
  await shifter.setWeight(0);
});

/** Sends `perTick` requests every 20 ms, to the canary with the weight moto reports. */
function loadGenerator(canaryErrorRate: number): { stop(): Promise<void> } {
  let stopped = false;
  let weight = 0;
  let n = 0;
  const loop = (async () => {
    while (!stopped) {
      if (n++ % 10 === 0) weight = await shifter.readWeight();
      for (let i = 0; i < 20; i++) {
        const canary = Math.random() * 100 < weight;
        const revision = canary ? 'v2' : 'v1';
        const failed = Math.random() < (canary ? canaryErrorRate : 0.01);
        exporter.inc('model_requests_total', { code: failed ? '500' : '200', revision });
        exporter.observe('model_request_duration_seconds', { revision }, LE, [0.02 + Math.random() * 0.1]);
      }
      await new Promise((done) => setTimeout(done, 20));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

const quiet: Logger = { debug() {}, info() {}, warning() {}, error() {}, group: (_t, fn) => fn() };

async function gate(signal = new AbortController().signal) {
  const inputs = parseInputs(
    (n) =>
      ({
        mode: 'run',
        interval: '1500ms',
        steps: '10,50',
        'intervals-per-step': '2',
        'min-requests': '10',
        traffic: 'alb',
        'listener-arn': alb.listenerArn,
        'baseline-target-group-arn': alb.baselineTargetGroupArn,
        'canary-target-group-arn': alb.canaryTargetGroupArn,
        metrics: 'prometheus',
        'prometheus-url': prom.url,
        'requests-query': 'model_requests_total{revision="$ARM"}',
        'errors-query': 'model_requests_total{code="500",revision="$ARM"}',
        'latency-query': 'model_request_duration_seconds_bucket{revision="$ARM"}',
        'baseline-label': 'v1',
        'canary-label': 'v2',
      })[n],
  );
  let report: Report | undefined;
  const outputs: Record<string, string> = {};
  const summary = new SummaryBuilder();
  const deps: Deps = {
    logger: quiet,
    signal,
    secrets: new SecretRegistry(() => {}),
    summary,
    setOutput: (k, v) => void (outputs[k] = String(v)),
    readObservations: async () => [],
    writeReport: async (r) => {
      report = r;
      return 'report.json';
    },
    shifter,
    provider: new PrometheusProvider({ ...(inputs.metrics as PrometheusMetrics), latency: (inputs.metrics as PrometheusMetrics).latency! }),
    clock: systemClock,
  };
  const out = await run(inputs, deps);
  return { out, outputs, report: report!, summary: summary.toString() };
}

async function listenerWeights(): Promise<Record<string, number>> {
  const l = (await alb.elb.send(new DescribeListenersCommand({ ListenerArns: [alb.listenerArn] }))).Listeners![0]!;
  return Object.fromEntries(l.DefaultActions![0]!.ForwardConfig!.TargetGroups!.map((g) => [g.TargetGroupArn === alb.canaryTargetGroupArn ? 'canary' : 'baseline', g.Weight!]));
}

it('promotes a healthy canary step by step, ending with the listener at 100 % canary', async () => {
  const load = loadGenerator(0.01);
  try {
    const { out, report } = await gate();
    expect(out.verdict).toBe('promoted');
    expect(out['final-weight']).toBe(100);
    // An interval whose window Prometheus had not scraped yet is held (no-data: hold), not counted.
    const analysed = report.intervals.filter((i) => i.decision.action !== 'hold');
    expect(analysed.map((i) => i.observation.weight)).toEqual([10, 10, 50, 50]);
    expect(analysed.every((i) => (i.observation.canary?.requests ?? 0) > 0)).toBe(true);
    for (const i of report.intervals) if (i.decision.action === 'hold') expect(i.decision.rule).toMatch(/^no data/);
  } finally {
    await load.stop();
  }
  expect(await listenerWeights()).toEqual({ baseline: 0, canary: 100 });
}, 60_000);

it('rolls back a canary failing a third of its requests, ending with the listener at 0 % canary', async () => {
  const load = loadGenerator(0.33);
  try {
    const { out, report, summary } = await gate();
    expect(out.verdict).toBe('rolled-back');
    expect(out['final-weight']).toBe(0);
    expect(report.rule).toMatch(/guard rail|error rate higher/);
    expect(summary).toMatch(/## canary-gate \(run\): rolled-back/);
  } finally {
    await load.stop();
  }
  expect(await listenerWeights()).toEqual({ baseline: 100, canary: 0 });
}, 60_000);

it('puts all traffic back on the baseline when the run is cancelled mid-analysis', async () => {
  const load = loadGenerator(0.01);
  const ac = new AbortController();
  try {
    const running = gate(ac.signal);
    // Cancel once the canary has traffic (a state read back from moto), as the runner would.
    for (let i = 0; i < 200 && (await shifter.readWeight()) === 0; i++) await new Promise((d) => setTimeout(d, 50));
    ac.abort(new Error('cancelled'));
    await expect(running).rejects.toThrow(/cancelled/);
  } finally {
    await load.stop();
  }
  expect(await listenerWeights()).toEqual({ baseline: 100, canary: 0 });
}, 60_000);
