/**
 * The starter pipeline workflows/deploy-ecs.yml, run with act in host mode against moto behind
 * the ECS layer (rollout behaviour is the layer's; see actions/deploy-ecs/test/deploy.itg.test.ts).
 * Nothing in it exists only for local runs: the OIDC step runs its stand-in
 * (test/act/stubs/configure-aws-credentials: checks the role and region, exports the region, mints
 * nothing; credentials and endpoint come as env), the report upload runs the upload-artifact
 * stand-in, which keeps a copy for the test.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from '@jest/globals';
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { awsEnv } from '../harness/aws-env';
import { useEcsEmulator } from '../harness/ecs-emulator-jest';
import { localWorkflow, runAct } from './act';

const ecs = useEcsEmulator();
const ROLE = 'arn:aws:iam::123456789012:role/github-deploy-model';

async function runStarter(image: string) {
  const artifacts = await mkdtemp(join(tmpdir(), 'act-artifacts-'));
  const run = await runAct({
    workflow: await localWorkflow('deploy-ecs.yml'),
    inputs: { image },
    vars: { ECS_CLUSTER: ecs.fx.clusterName, ECS_SERVICE: ecs.fx.serviceName, AWS_REGION: 'us-east-1', AWS_ROLE_ARN: ROLE },
    env: { ...awsEnv(ecs.layer.url), ML_DEPLOY_POLL_INTERVAL: '100ms', ML_DEPLOY_ACT_ARTIFACTS: artifacts },
  });
  return { run, artifacts };
}

it('workflows/deploy-ecs.yml deploys through ./deploy-ecs under act, and uploads the report', async () => {
  const digest = `sha256:${'a'.repeat(64)}`;
  const { run, artifacts } = await runStarter(`registry.example/model@${digest}`);
  if (run.code !== 0) console.log(run.output);
  expect(run.code).toBe(0);
  expect(run.output).toContain(`configure-aws-credentials stand-in: ${ROLE} in us-east-1`);
  expect(run.output).toMatch(/deployed arn:aws:ecs:us-east-1:123456789012:task-definition\/model-server:2 \(was .*model-server:1\) as ecs-svc\/\d+, image sha256:a{64}/);
  const report = JSON.parse(await readFile(join(artifacts, 'deploy-ecs-report', 'deploy-ecs-report.json'), 'utf8'));
  expect(report.result).toBe('deployed');
  const svc = await ecs.fx.client.send(new DescribeServicesCommand({ cluster: ecs.fx.clusterName, services: [ecs.fx.serviceName] }));
  expect(svc.services![0]!.taskDefinition).toMatch(/model-server:2$/);
});

it('a failed deploy still uploads the report and says what serves, as ECS reports it', async () => {
  ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName }, { outcome: 'fail', steps: 2, failedTasks: 2 });
  const { run, artifacts } = await runStarter('registry.example/model:bad');
  expect(run.code).not.toBe(0);
  expect(run.output).toMatch(/rolled-back: attempted arn:aws:ecs:us-east-1:123456789012:task-definition\/model-server:2; serving now, as ECS reports it: arn:aws:ecs:us-east-1:123456789012:task-definition\/model-server:1/);
  const report = JSON.parse(await readFile(join(artifacts, 'deploy-ecs-report', 'deploy-ecs-report.json'), 'utf8'));
  expect(report.result).toBe('rolled-back');
  expect(report.servingNow.taskDefinitionArn).toBe(ecs.fx.taskDefinitionArn);
});

it('the OIDC step is not skipped: a role that is not an IAM role ARN stops the job before any call', async () => {
  const run = await runAct({
    workflow: await localWorkflow('deploy-ecs.yml'),
    inputs: { image: 'registry.example/model:2' },
    vars: { ECS_CLUSTER: ecs.fx.clusterName, ECS_SERVICE: ecs.fx.serviceName, AWS_REGION: 'us-east-1', AWS_ROLE_ARN: 'github-deploy' },
    env: { ...awsEnv(ecs.layer.url) },
  });
  expect(run.code).not.toBe(0);
  expect(run.output).toContain("configure-aws-credentials stand-in: role-to-assume 'github-deploy' is not an IAM role ARN");
  expect(ecs.layer.countCalls()).toBe(0);
});
