/**
 * The ECS-native traffic shifter against moto + the ECS layer. moto stores the service, its task
 * definitions and the deploymentConfiguration UpdateService sets; the layer (test/harness/
 * ecs-strategies.ts) runs the CANARY / LINEAR service deployment: stages, production traffic
 * weights, ECS's own rollback, StopServiceDeployment ROLLBACK (moto has none of these calls), and it
 * moves one step per DescribeServices call, not per minute.
 */
import { describe, expect, it } from '@jest/globals';
import { DescribeServicesCommand, UpdateServiceCommand, type DeploymentConfiguration } from '@aws-sdk/client-ecs';
import { fakeClock, type Logger } from '@ml-deploy/action-kit';
import { EcsApi } from '@ml-deploy/aws';
import { useEcsEmulator } from '@ml-deploy/test/harness/ecs-emulator-jest';
import { registerModelTaskDefinition } from '@ml-deploy/test/harness/ecs-fixtures';
import { EcsNativeShifter } from '../src/shifters/ecs-native';

const ACCOUNT = '123456789012';
const TG_BLUE = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/blue/0123456789abcdef`;
const TG_GREEN = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/green/fedcba9876543210`;
const PROD_RULE = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`;
const LB_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecs-infrastructure-lb`;

const ecs = useEcsEmulator({ loadBalancers: [{ targetGroupArn: TG_BLUE, containerName: 'model-server', containerPort: 8080 }] });
const quiet: Logger = { debug() {}, info() {}, warning() {}, error() {}, group: (_t, fn) => fn() };

/** What deploy-ecs with a strategy and wait-for-deployment: false leaves: a service deployment under way. */
async function startDeployment(config: DeploymentConfiguration): Promise<string> {
  const td2 = await registerModelTaskDefinition(ecs.fx.client, { family: ecs.fx.family, image: 'registry.example/model:2' });
  await ecs.fx.client.send(
    new UpdateServiceCommand({
      cluster: ecs.fx.clusterName,
      service: ecs.fx.serviceName,
      taskDefinition: td2,
      deploymentConfiguration: config,
      loadBalancers: [{ targetGroupArn: TG_BLUE, containerName: 'model-server', containerPort: 8080, advancedConfiguration: { alternateTargetGroupArn: TG_GREEN, productionListenerRule: PROD_RULE, roleArn: LB_ROLE } }],
    }),
  );
  return td2;
}

function shifter(): EcsNativeShifter {
  return new EcsNativeShifter(new EcsApi(ecs.fx.client), { cluster: ecs.fx.clusterName, service: ecs.fx.serviceName, timeoutMs: 600_000, pollIntervalMs: 1, clock: fakeClock(0), logger: quiet });
}

async function serviceNow() {
  return (await ecs.fx.client.send(new DescribeServicesCommand({ cluster: ecs.fx.clusterName, services: [ecs.fx.serviceName] }))).services![0]!;
}
/** The service deployment as the layer serves it to DescribeServiceDeployments. */
const deploymentState = () => ecs.layer.state().services[0]!.serviceDeployments[0]! as { status: string; targetServiceRevision: { requestedProductionTrafficWeight: number } };
const productionWeight = () => deploymentState().targetServiceRevision.requestedProductionTrafficWeight;

const CANARY: DeploymentConfiguration = { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 30 }, bakeTimeInMinutes: 10 };
const PLAN = { steps: [10], intervalsPerStep: 5, intervalMs: 60_000 };

describe('EcsNativeShifter', () => {
  it('CANARY: waits until ECS routes the canary percent, then rolls back with StopServiceDeployment ROLLBACK and waits for ECS to finish it', async () => {
    await startDeployment(CANARY);
    const s = shifter();
    expect(await s.checkPlan(PLAN)).toEqual([]);
    expect(await s.readWeight()).toBe(0);
    expect(await s.setWeight(10)).toBe(10);
    expect(deploymentState().status).toBe('IN_PROGRESS');
    expect(productionWeight()).toBe(10);
    expect(await s.setWeight(0)).toBe(0);
    expect(ecs.layer.countCalls('StopServiceDeployment')).toBe(1);
    expect(deploymentState().status).toBe('ROLLBACK_SUCCESSFUL');
    // what ECS reports afterwards: the previous task definition serves again
    expect((await serviceNow()).taskDefinition).toBe(ecs.fx.taskDefinitionArn);
    expect(await s.readWeight()).toBe(0);
    // a second rollback (mode rollback after the gate's own) changes nothing
    expect(await s.setWeight(0)).toBe(0);
    expect(ecs.layer.countCalls('StopServiceDeployment')).toBe(1);
  });

  it('CANARY: promotion waits through the shift to 100 % and the bake time until ECS reports SUCCESSFUL', async () => {
    const td2 = await startDeployment(CANARY);
    const s = shifter();
    expect(await s.setWeight(10)).toBe(10);
    expect(await s.setWeight(100)).toBe(100);
    expect(deploymentState().status).toBe('SUCCESSFUL');
    expect((await serviceNow()).taskDefinition).toBe(td2);
    expect(ecs.layer.countCalls('StopServiceDeployment')).toBe(0);
    // too late to roll back: ECS retired the previous revision, and the shifter says so
    await expect(s.setWeight(0)).rejects.toThrow(/finished \(SUCCESSFUL\) before the gate decided: ECS retired the previous revision/);
  });

  it('LINEAR: follows each step ECS takes', async () => {
    await startDeployment({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 10 }, bakeTimeInMinutes: 5 });
    const s = shifter();
    expect(await s.plan()).toMatchObject({ strategy: 'LINEAR', steps: [25, 50, 75], stepBakeMinutes: 10 });
    expect(await s.checkPlan({ steps: [25, 50, 75], intervalsPerStep: 5, intervalMs: 120_000 })).toEqual([]);
    const seen = [];
    for (const w of [25, 50, 75]) seen.push(await s.setWeight(w));
    expect(seen).toEqual([25, 50, 75]);
    expect(productionWeight()).toBe(75);
  });

  it('ECS rolling back on its own (a failed hook) ends the wait with 0 % and no StopServiceDeployment', async () => {
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName }, { outcome: 'fail', hookFailsAt: 'POST_TEST_TRAFFIC_SHIFT' });
    await startDeployment({ ...CANARY, lifecycleHooks: [{ hookTargetArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:smoke`, roleArn: LB_ROLE, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }] });
    const s = shifter();
    expect(await s.setWeight(10)).toBe(0);
    expect(deploymentState().status).toBe('ROLLBACK_SUCCESSFUL');
    expect(ecs.layer.countCalls('StopServiceDeployment')).toBe(0);
  });

  it('refuses a plan ECS cannot follow, before any change: other steps, too short a bake time, BLUE_GREEN, nothing under way', async () => {
    await startDeployment(CANARY);
    const s = shifter();
    await expect(s.checkPlan({ ...PLAN, steps: [5, 25, 50] })).rejects.toThrow("input 'steps' is 5,25,50, but the service deployment's CANARY strategy shifts 10 % to the new revision, then 100 %: set steps: 10");
    await expect(s.checkPlan({ ...PLAN, intervalsPerStep: 40 })).rejects.toThrow(/canary bake time \(canary-bake-time\) of 30m.* intervals-per-step 40 × interval 1m = 40m; set it to at least 40 min/);
    expect(productionWeight()).toBe(0);
    expect(ecs.layer.countCalls('StopServiceDeployment')).toBe(0);
  });

  it('refuses BLUE_GREEN (all traffic at once: no baseline in the same interval) and a service with nothing under way', async () => {
    await expect(shifter().plan()).rejects.toThrow(/has no service deployment in progress: deploy the new revision with deploy-ecs \(deployment-strategy canary or linear, wait-for-deployment: false\)/);
    await startDeployment({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 });
    await expect(shifter().plan()).rejects.toThrow(/uses the BLUE_GREEN strategy; .*BLUE_GREEN moves all production traffic at once: use CANARY, or two services behind an ALB with traffic: alb/);
  });
});
