/**
 * deploy-ecs with ECS's own BLUE_GREEN, LINEAR and CANARY strategies, against moto + the ECS layer.
 * - moto: the service (its load balancer and deploymentConfiguration as UpdateService stores them),
 *   task definitions.
 * - the layer (test/harness/ecs-strategies.ts): service deployments, lifecycle stages, traffic
 *   weights, bake time, hooks, ECS's own rollback and StopServiceDeployment (moto lacks all three calls).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { CancelledError, pollUntil, UserError } from '@ml-deploy/action-kit';
import { applyAwsEnv } from '@ml-deploy/test/harness/aws-env';
import { useEcsEmulator } from '@ml-deploy/test/harness/ecs-emulator-jest';
import { deployWith } from './deploy-with';

const ACCOUNT = '123456789012';
const TG_BLUE = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/blue/0123456789abcdef`;
const TG_GREEN = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/green/fedcba9876543210`;
const PROD_RULE = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`;
const LB_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecs-infrastructure-lb`;
const HOOK_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecs-hooks`;
const HOOK = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:smoke-test`;

const ecs = useEcsEmulator({ loadBalancers: [{ targetGroupArn: TG_BLUE, containerName: 'model-server', containerPort: 8080 }] });
let restoreEnv: () => void;
let workDir: string;

beforeAll(async () => {
  restoreEnv = applyAwsEnv(ecs.layer.url);
  workDir = await mkdtemp(join(tmpdir(), 'deploy-ecs-strategies-'));
});
afterAll(() => restoreEnv?.());

const LB_INPUTS = { 'alternate-target-group-arn': TG_GREEN, 'production-listener-rule': PROD_RULE, 'load-balancer-role-arn': LB_ROLE };
const deploy = (overrides: Record<string, string>, signal?: AbortSignal) =>
  deployWith(ecs, workDir, { image: 'registry.example/model:2', ...LB_INPUTS, ...overrides }, signal ? { signal } : {});
const plan = (...plans: Parameters<typeof ecs.layer.planDeployments>[1][]) =>
  ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName }, ...plans);

async function serviceNow() {
  const out = await ecs.fx.client.send(new DescribeServicesCommand({ cluster: ecs.fx.clusterName, services: [ecs.fx.serviceName] }));
  return out.services![0]!;
}

describe.each([
  ['blue-green', 'BLUE_GREEN', {}, [100]],
  ['linear', 'LINEAR', { 'linear-step-percent': '25', 'linear-step-bake-time': '1m' }, [25, 50, 75, 100]],
  ['canary', 'CANARY', { 'canary-percent': '10', 'canary-bake-time': '5m' }, [10, 100]],
] as const)('deployment-strategy: %s', (input, strategy, settings, weights) => {
  it('sets the strategy, waits through every stage and bake time, and reports each', async () => {
    plan({ outcome: 'complete', bakeSteps: 3 });
    const r = await deploy({ 'deployment-strategy': input, 'bake-time': '15m', ...settings });
    expect(r.error).toBeUndefined();
    expect(r.report!.result).toBe('deployed');
    expect(r.report!.strategy).toBe(strategy);
    // the service now carries the strategy and its settings (moto stores UpdateService's configuration)
    const svc = await serviceNow();
    expect(svc.deploymentConfiguration).toMatchObject({ strategy, bakeTimeInMinutes: 15 });
    expect(svc.loadBalancers![0]!.advancedConfiguration).toEqual({ alternateTargetGroupArn: TG_GREEN, productionListenerRule: PROD_RULE, roleArn: LB_ROLE });
    expect(svc.taskDefinition).toBe(r.outputs['task-definition-arn']);
    expect(r.report!.serviceChanges).toEqual(expect.arrayContaining([`strategy: ROLLING → ${strategy}`, 'bake time: (unset) → 15 min']));
    // every stage was seen, in order, and the traffic moved in the configured steps
    const stages = [...new Set(r.report!.lifecycle!.map((e) => e.stage).filter(Boolean))];
    expect(stages).toEqual([
      'RECONCILE_SERVICE', 'PRE_SCALE_UP', 'SCALE_UP', 'POST_SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT',
      'PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT', 'BAKE_TIME', 'CLEAN_UP',
    ]);
    const traffic = [...new Set(r.report!.lifecycle!.map((e) => e.productionTraffic).filter((w) => w !== undefined && w > 0))];
    expect(traffic).toEqual([...weights]);
    expect(r.report!.lifecycle!.filter((e) => e.stage === 'BAKE_TIME')).toHaveLength(1);
    expect(r.report!.lifecycle!.at(-1)!.status).toBe('SUCCESSFUL');
    expect(r.summary).toContain('### Lifecycle');
    expect(r.summary).toContain('| BAKE_TIME |');
    expect(r.log.some((l) => l.includes('BAKE_TIME'))).toBe(true);
  });

  it('a failing lifecycle hook makes ECS roll back; deploy-ecs reports the hook and that ECS rolled back', async () => {
    plan({ outcome: 'fail', hookFailsAt: 'POST_TEST_TRAFFIC_SHIFT' });
    const r = await deploy({
      'deployment-strategy': input,
      ...settings,
      'lifecycle-hooks': `PRE_SCALE_UP=${HOOK}\nPOST_TEST_TRAFFIC_SHIFT+POST_PRODUCTION_TRAFFIC_SHIFT=${HOOK}`,
      'lifecycle-hook-role-arn': HOOK_ROLE,
    });
    expect(r.error?.name).toBe('DeploymentFailedError');
    expect(r.report!.result).toBe('rolled-back');
    expect(r.report!.rollback).toMatchObject({ startedBy: 'ecs', result: expect.stringMatching(/^completed/) });
    expect(r.report!.hooks).toEqual([
      expect.objectContaining({ stage: 'PRE_SCALE_UP', targetArn: HOOK, status: 'SUCCEEDED' }),
      expect.objectContaining({ stage: 'POST_TEST_TRAFFIC_SHIFT', targetArn: HOOK, status: 'FAILED' }),
    ]);
    expect(r.error!.message).toMatch(/lifecycle hook .*smoke-test failed at POST_TEST_TRAFFIC_SHIFT/);
    // what ECS reports afterwards: the previous task definition serves, no StopServiceDeployment needed
    expect((await serviceNow()).taskDefinition).toBe(ecs.fx.taskDefinitionArn);
    expect(r.outputs.result).toBe('rolled-back');
    expect(r.outputs['serving-task-definition-arn']).toBe(ecs.fx.taskDefinitionArn);
    expect(r.outputs['task-definition-arn']).toBeUndefined();
    expect(ecs.layer.countCalls('StopServiceDeployment')).toBe(0);
    expect(r.summary).toContain('### Lifecycle hooks');
    expect(r.summary).toContain('ECS (its own rollback of the service deployment)');
    // the strategy deploy-ecs set stays on the service, and the rollback section says so
    expect((await serviceNow()).deploymentConfiguration?.strategy).toBe(strategy);
    expect(r.summary).toMatch(new RegExp(`\\| \\*\\*Service configuration kept\\*\\* \\| \`strategy: ROLLING → ${strategy}\`<br>.*\\(not undone by the rollback`));
  });

  it('a deadline hit rolls back with StopServiceDeployment ROLLBACK and waits for it', async () => {
    plan({ outcome: 'stuck', at: 'BAKE_TIME' });
    const r = await deploy({ 'deployment-strategy': input, ...settings, timeout: '10s' });
    expect(r.report!.result).toBe('rolled-back');
    expect(r.report!.rollback).toMatchObject({ startedBy: 'deploy-ecs', result: expect.stringMatching(/^completed/) });
    expect(ecs.layer.countCalls('StopServiceDeployment')).toBe(1);
    expect((await serviceNow()).taskDefinition).toBe(ecs.fx.taskDefinitionArn);
    expect(r.report!.lifecycle!.map((e) => e.status)).toEqual(expect.arrayContaining(['ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']));
  }, 60_000);

  it('cancellation asks ECS to roll back (StopServiceDeployment ROLLBACK) and says so', async () => {
    plan({ outcome: 'stuck', at: 'BAKE_TIME' });
    const controller = new AbortController();
    // Cancel once the deployment is baking (a state, not a time).
    const baking = pollUntil(
      async () => {
        const sd = ecs.layer.state().services[0]?.serviceDeployments[0];
        return sd?.lifecycleStage === 'BAKE_TIME' ? { done: true, value: undefined } : { done: false };
      },
      { what: 'the bake time', timeoutMs: 60_000, intervalMs: 20, maxIntervalMs: 20 },
    ).then(() => controller.abort(new CancelledError('cancelled by SIGINT')));
    const r = await deploy({ 'deployment-strategy': input, ...settings }, controller.signal);
    await baking;
    expect(r.error).toBeInstanceOf(CancelledError);
    expect(r.report!.result).toBe('cancelled');
    expect(r.report!.failure).toMatch(/ECS was asked to roll it back \(StopServiceDeployment ROLLBACK\)/);
    const sd = ecs.layer.state().services[0]!.serviceDeployments[0]!;
    // requested, not waited for (the one DescribeServices afterwards, which steps the layer, may see it start)
    expect(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS']).toContain(sd.status);
    expect(ecs.layer.countCalls('StopServiceDeployment')).toBe(1);
    // a rollback not finished is not reported as one
    expect(r.outputs.result).toBe('failed');
    expect(r.outputs['task-definition-arn']).toBeUndefined();
  });
});

describe('strategies: what deploy-ecs refuses before changing anything', () => {
  it('a strategy on a service without a load balancer advanced configuration', async () => {
    const r = await deployWith(ecs, workDir, { image: 'registry.example/model:2', 'deployment-strategy': 'blue-green' });
    expect(r.error).toBeInstanceOf(UserError);
    expect(r.error!.message).toMatch(/needs a load balancer with an advanced configuration .*alternate-target-group-arn/);
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(0);
    expect(ecs.layer.countCalls('UpdateService')).toBe(0);
  });

  it('a CODE_DEPLOY-controlled service, with the way to move to the built-in strategy', async () => {
    // moto stores a deployment controller given to UpdateService as it is.
    await ecs.fx.client.send(
      new (await import('@aws-sdk/client-ecs')).UpdateServiceCommand({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName, deploymentController: { type: 'CODE_DEPLOY' } }),
    );
    ecs.layer.resetCalls();
    const r = await deploy({ 'deployment-strategy': 'blue-green' });
    expect(r.error).toBeInstanceOf(UserError);
    expect(r.error!.message).toMatch(/uses the CODE_DEPLOY deployment controller.*deploymentController ECS, deploymentConfiguration.strategy BLUE_GREEN/);
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(0);
  });
});
