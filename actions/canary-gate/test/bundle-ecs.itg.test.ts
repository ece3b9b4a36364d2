/**
 * The committed bundle, mode: rollback with traffic: ecs, as a `if: cancelled() || failure()` step
 * runs it: on moto + the ECS layer (the layer runs ECS's CANARY service deployment and answers
 * StopServiceDeployment; moto stores the service and its task definitions).
 */
import { expect, it } from '@jest/globals';
import { DescribeServicesCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { fakeClock } from '@ml-deploy/action-kit';
import { EcsApi } from '@ml-deploy/aws';
import { EcsNativeShifter } from '@ml-deploy/canary';
import { awsEnv } from '@ml-deploy/test/harness/aws-env';
import { useEcsEmulator } from '@ml-deploy/test/harness/ecs-emulator-jest';
import { registerModelTaskDefinition } from '@ml-deploy/test/harness/ecs-fixtures';
import { runBundle } from '@ml-deploy/test/run-bundle';

const ACCOUNT = '123456789012';
const TG_BLUE = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/blue/0123456789abcdef`;
const TG_GREEN = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/green/fedcba9876543210`;
const PROD_RULE = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`;
const LB_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecs-infrastructure-lb`;

const ecs = useEcsEmulator({ loadBalancers: [{ targetGroupArn: TG_BLUE, containerName: 'model-server', containerPort: 8080 }] });

it('mode rollback stops the ECS service deployment with ROLLBACK and waits until the previous revision serves', async () => {
  const td2 = await registerModelTaskDefinition(ecs.fx.client, { family: ecs.fx.family, image: 'registry.example/model:2' });
  await ecs.fx.client.send(
    new UpdateServiceCommand({
      cluster: ecs.fx.clusterName,
      service: ecs.fx.serviceName,
      taskDefinition: td2,
      deploymentConfiguration: { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 30 } },
      loadBalancers: [{ targetGroupArn: TG_BLUE, containerName: 'model-server', containerPort: 8080, advancedConfiguration: { alternateTargetGroupArn: TG_GREEN, productionListenerRule: PROD_RULE, roleArn: LB_ROLE } }],
    }),
  );
  const shifter = new EcsNativeShifter(new EcsApi(ecs.fx.client), { cluster: ecs.fx.clusterName, service: ecs.fx.serviceName, timeoutMs: 600_000, pollIntervalMs: 1, clock: fakeClock(0) });
  expect(await shifter.setWeight(10)).toBe(10);

  const r = await runBundle('canary-gate', {
    inputs: { mode: 'rollback', traffic: 'ecs', cluster: ecs.fx.clusterName, service: ecs.fx.serviceName },
    env: { ...awsEnv(ecs.layer.url), ML_DEPLOY_POLL_INTERVAL: '20ms' },
  });
  if (r.code !== 0) console.log(r.stdout, r.stderr);
  expect(r.code).toBe(0);
  expect(r.outputs.verdict).toBe('rolled-back');
  expect(r.outputs['final-weight']).toBe('0');
  // The layer steps the deployment on each DescribeServices (it has no bake clock), so the bundle's
  // first read already sees ECS's next shift; what matters is where it ends.
  expect(r.summary).toMatch(/ecs-service-deployment: the canary served (10|100) %; it serves 0 % now/);
  expect(ecs.layer.countCalls('StopServiceDeployment')).toBe(1);
  const svc = (await ecs.fx.client.send(new DescribeServicesCommand({ cluster: ecs.fx.clusterName, services: [ecs.fx.serviceName] }))).services![0]!;
  expect(svc.taskDefinition).toBe(ecs.fx.taskDefinitionArn);
}, 120_000);
