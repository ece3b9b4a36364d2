/**
 * mode run with traffic: ecs, on moto + the ECS layer: the gate follows a CANARY service deployment
 * (the layer runs ECS's strategy: stages, production weight, StopServiceDeployment ROLLBACK; moto
 * has none of it), analyses each interval, and promotes (ECS reports SUCCESSFUL) or rolls back (ECS
 * reports ROLLBACK_SUCCESSFUL and the previous task definition serves). Metrics come from an
 * in-memory provider replaying recorded intervals: the providers have their own tests on Prometheus
 * and CloudWatch, and the live loop with real metrics is run-live.itg.test.ts.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeServicesCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { SecretRegistry, SummaryBuilder, fakeClock, type Logger } from '@ml-deploy/action-kit';
import { EcsApi } from '@ml-deploy/aws';
import { EcsNativeShifter, type IntervalObservation, type MetricProvider } from '@ml-deploy/canary';
import { useEcsEmulator } from '@ml-deploy/test/harness/ecs-emulator-jest';
import { registerModelTaskDefinition } from '@ml-deploy/test/harness/ecs-fixtures';
import { parseInputs } from '../src/inputs';
import { parseObservations } from '../src/observations';
import type { Report } from '../src/report';
import { run } from '../src/run';

const ACCOUNT = '123456789012';
const TG_BLUE = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/blue/0123456789abcdef`;
const TG_GREEN = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/green/fedcba9876543210`;
const PROD_RULE = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`;
const LB_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecs-infrastructure-lb`;
const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'canary');

const ecs = useEcsEmulator({ loadBalancers: [{ targetGroupArn: TG_BLUE, containerName: 'model-server', containerPort: 8080 }] });
const quiet: Logger = { debug() {}, info() {}, warning() {}, error() {}, group: (_t, fn) => fn() };

function recorded(file: string): MetricProvider {
  const obs: IntervalObservation[] = parseObservations(file, readFileSync(join(FIXTURES, file), 'utf8'));
  const asked = { baseline: 0, canary: 0 };
  return { name: file, observe: async (arm) => obs[asked[arm]++]?.[arm] ?? null };
}

async function startCanaryDeployment(canaryBakeTimeInMinutes = 30): Promise<string> {
  const td2 = await registerModelTaskDefinition(ecs.fx.client, { family: ecs.fx.family, image: 'registry.example/model:2' });
  await ecs.fx.client.send(
    new UpdateServiceCommand({
      cluster: ecs.fx.clusterName,
      service: ecs.fx.serviceName,
      taskDefinition: td2,
      deploymentConfiguration: { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes }, bakeTimeInMinutes: 10 },
      loadBalancers: [{ targetGroupArn: TG_BLUE, containerName: 'model-server', containerPort: 8080, advancedConfiguration: { alternateTargetGroupArn: TG_GREEN, productionListenerRule: PROD_RULE, roleArn: LB_ROLE } }],
    }),
  );
  return td2;
}

async function gate(file: string, extra: Record<string, string> = {}) {
  const inputs = parseInputs(
    (n) =>
      ({ mode: 'run', traffic: 'ecs', cluster: ecs.fx.clusterName, service: ecs.fx.serviceName, metrics: 'prometheus', 'prometheus-url': 'http://127.0.0.1:9', 'requests-query': 'r{a="$ARM"}', 'errors-query': 'e{a="$ARM"}', 'latency-query': 'l_bucket{a="$ARM"}', 'baseline-label': 'v1', 'canary-label': 'v2', steps: '10', interval: '1m', 'fail-on-rollback': 'false', ...extra })[n],
  );
  const outputs: Record<string, string> = {};
  let report: Report | undefined;
  const shifter = new EcsNativeShifter(new EcsApi(ecs.fx.client), { cluster: ecs.fx.clusterName, service: ecs.fx.serviceName, timeoutMs: 3_600_000, pollIntervalMs: 1, clock: fakeClock(0), logger: quiet });
  const summary = new SummaryBuilder();
  const out = await run(inputs, {
    logger: quiet,
    signal: new AbortController().signal,
    secrets: new SecretRegistry(() => {}),
    summary,
    setOutput: (k, v) => void (outputs[k] = String(v)),
    readObservations: async () => [],
    writeReport: async (r) => {
      report = r;
      return '/tmp/r.json';
    },
    shifter,
    provider: recorded(file),
    clock: fakeClock(Date.UTC(2026, 0, 1)),
  });
  return { out, outputs, report: report!, summary: summary.toString() };
}

const serviceDeployment = () => ecs.layer.state().services[0]!.serviceDeployments[0]! as { status: string; rollback?: { reason: string } };
const taskDefinitionNow = async () => (await ecs.fx.client.send(new DescribeServicesCommand({ cluster: ecs.fx.clusterName, services: [ecs.fx.serviceName] }))).services![0]!.taskDefinition;

describe('canary-gate traffic: ecs (CANARY service deployment)', () => {
  it('a healthy canary: analysed at ECS\'s 10 %, promoted once ECS reports the deployment SUCCESSFUL', async () => {
    const td2 = await startCanaryDeployment();
    const r = await gate('healthy.jsonl');
    expect(r.out).toMatchObject({ verdict: 'promoted', 'final-weight': 100 });
    expect(r.report.intervals).toHaveLength(5);
    expect(r.report.intervals.every((i) => i.observation.weight === 10)).toBe(true);
    expect(serviceDeployment().status).toBe('SUCCESSFUL');
    expect(await taskDefinitionNow()).toBe(td2);
    expect(ecs.layer.countCalls('StopServiceDeployment')).toBe(0);
  });

  it('a regressed canary: StopServiceDeployment ROLLBACK, and the gate ends when ECS has put the previous revision back', async () => {
    await startCanaryDeployment();
    const r = await gate('errors.jsonl');
    expect(r.out).toMatchObject({ verdict: 'rolled-back', 'final-weight': 0 });
    expect(r.report.rule).toMatch(/error rate higher than baseline|guard rail/);
    expect(ecs.layer.countCalls('StopServiceDeployment')).toBe(1);
    expect(serviceDeployment()).toMatchObject({ status: 'ROLLBACK_SUCCESSFUL', rollback: { reason: 'StopServiceDeployment with stopType ROLLBACK.' } });
    expect(await taskDefinitionNow()).toBe(ecs.fx.taskDefinitionArn);
  });

  it('refuses, before any interval, steps ECS does not take and a bake time shorter than the analysis', async () => {
    await startCanaryDeployment(3);
    await expect(gate('healthy.jsonl', { steps: '5,25,50' })).rejects.toThrow(/input 'steps' is 5,25,50, but the service deployment's CANARY strategy shifts 10 %.*set steps: 10/);
    await expect(gate('healthy.jsonl')).rejects.toThrow(/canary bake time \(canary-bake-time\) of 3m, less than the gate needs.*at least 5 min/);
    expect(ecs.layer.countCalls('StopServiceDeployment')).toBe(0);
    // nothing moved: no production traffic on the new revision (reading it steps the layer's stages, not the traffic)
    expect((serviceDeployment() as unknown as { targetServiceRevision: { requestedProductionTrafficWeight: number } }).targetServiceRevision.requestedProductionTrafficWeight).toBe(0);
  });
});
