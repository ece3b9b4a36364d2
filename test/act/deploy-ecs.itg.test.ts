/**
 * The starter pipeline workflows/deploy-ecs.yml, run with act in host mode against moto behind
 * the ECS layer (rollout behaviour is the layer's; see actions/deploy-ecs/test/deploy.itg.test.ts).
 * The OIDC step is skipped under act (`if: !env.ACT`); credentials and endpoint come as env.
 */
import { expect, it } from '@jest/globals';
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { awsEnv } from '../harness/aws-env';
import { useEcsEmulator } from '../harness/ecs-emulator-jest';
import { localWorkflow, runAct } from './act';

const ecs = useEcsEmulator();

it('workflows/deploy-ecs.yml deploys through ./deploy-ecs under act', async () => {
  const digest = `sha256:${'a'.repeat(64)}`;
  const run = await runAct({
    workflow: await localWorkflow('deploy-ecs.yml'),
    inputs: { image: `registry.example/model@${digest}` },
    vars: { ECS_CLUSTER: ecs.fx.clusterName, ECS_SERVICE: ecs.fx.serviceName, AWS_REGION: 'us-east-1', AWS_ROLE_ARN: 'unused-under-act' },
    env: { ...awsEnv(ecs.layer.url), ML_DEPLOY_POLL_INTERVAL: '100ms' },
  });
  if (run.code !== 0) console.log(run.output);
  expect(run.code).toBe(0);
  expect(run.output).toMatch(/deployed arn:aws:ecs:us-east-1:123456789012:task-definition\/model-server:2 \(was .*model-server:1\) as ecs-svc\/\d+, image sha256:a{64}/);
  expect(run.output).not.toMatch(/configure-aws-credentials.*Success/);
  const svc = await ecs.fx.client.send(new DescribeServicesCommand({ cluster: ecs.fx.clusterName, services: [ecs.fx.serviceName] }));
  expect(svc.services![0]!.taskDefinition).toMatch(/model-server:2$/);
});
