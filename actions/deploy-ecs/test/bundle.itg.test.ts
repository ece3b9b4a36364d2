/**
 * The committed bundle (actions/deploy-ecs/dist/index.js), run as the runner runs it, against moto
 * through the ECS layer (see deploy.itg.test.ts for which behaviour is whose).
 */
import { describe, expect, it } from '@jest/globals';
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { awsEnv } from '@ml-deploy/test/harness/aws-env';
import { useEcsEmulator } from '@ml-deploy/test/harness/ecs-emulator-jest';
import { readFile } from 'node:fs/promises';
import { runBundle } from '@ml-deploy/test/run-bundle';

const ecs = useEcsEmulator();

// Poll every 100ms instead of 6s: the layer advances a rollout per DescribeServices call.
const env = () => awsEnv(ecs.layer.url, { ML_DEPLOY_POLL_INTERVAL: '100ms' });

describe('deploy-ecs bundle', () => {
  it('deploys and sets every output and the job summary', async () => {
    const digest = `sha256:${'e'.repeat(64)}`;
    const run = await runBundle('deploy-ecs', {
      inputs: { cluster: ecs.fx.clusterName, service: ecs.fx.serviceName, image: `registry.example/model@${digest}`, 'environment-variables': 'MODEL_VERSION=2' },
      env: env(),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      'previous-task-definition-arn': ecs.fx.taskDefinitionArn,
      'previous-revision': '1',
      revision: '2',
      'image-digest': digest,
    });
    expect(run.outputs['task-definition-arn']).toMatch(/model-server:2$/);
    expect(run.outputs['deployment-id']).toMatch(/^ecs-svc\//);
    const report = JSON.parse(await readFile(run.outputs.report!, 'utf8'));
    expect(report.result).toBe('deployed');
    expect(run.outputs.result).toBe('deployed');
    expect(run.outputs['serving-task-definition-arn']).toBe(run.outputs['task-definition-arn']);
    expect(run.summary).toContain('✅ **Deployed**');
    expect(run.stdout).toMatch(/registered arn:aws:ecs:us-east-1:123456789012:task-definition\/model-server:2/);
  });

  it('fails the step with the input named, before any change', async () => {
    const run = await runBundle('deploy-ecs', {
      inputs: { cluster: ecs.fx.clusterName, service: ecs.fx.serviceName, image: 'registry.example/model:2', timeout: '30' },
      env: env(),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::deploy-ecs: input 'timeout': got "30", expected a duration with units`);
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(0);
  });

  it('a failed deployment fails the step, rolls back, and the summary says what happened', async () => {
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName }, { outcome: 'fail', steps: 1, failedTasks: 1 });
    const run = await runBundle('deploy-ecs', {
      inputs: { cluster: ecs.fx.clusterName, service: ecs.fx.serviceName, image: 'registry.example/model:bad', 'circuit-breaker': 'false' },
      env: env(),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::deploy-ecs: deployment ecs-svc\/\d+ failed: .*rolled back to/);
    expect(run.outputs['previous-task-definition-arn']).toBe(ecs.fx.taskDefinitionArn);
    expect(run.outputs.result).toBe('rolled-back');
    expect(run.outputs['task-definition-arn']).toBeUndefined();
    expect(run.outputs['attempted-task-definition-arn']).toMatch(/model-server:2$/);
    expect(run.outputs['serving-task-definition-arn']).toBe(ecs.fx.taskDefinitionArn);
    // one annotation for the stopped task's reason, with its next step
    expect(run.stdout).toMatch(/::error::1 task of 'model-svc' stopped: exit 1, Container exited with code 1, Essential container in task exited%0ANext step: the application exited with code 1/);
    expect(run.summary).toContain('Deployment failed and was rolled back');
    const svc = await ecs.fx.client.send(new DescribeServicesCommand({ cluster: ecs.fx.clusterName, services: [ecs.fx.serviceName] }));
    expect(svc.services![0]!.taskDefinition).toBe(ecs.fx.taskDefinitionArn);
  });

  it('SIGINT during the wait (runner cancellation) starts the rollback and reports it', async () => {
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName }, { outcome: 'stuck' });
    const run = await runBundle('deploy-ecs', {
      inputs: { cluster: ecs.fx.clusterName, service: ecs.fx.serviceName, image: 'registry.example/model:slow' },
      env: env(),
      signal: { name: 'SIGINT', whenStdout: /IN_PROGRESS/ },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::deploy-ecs: cancelled by SIGINT/);
    expect(run.summary).toContain('⏹️ **Cancelled**');
    expect(run.summary).toMatch(/rollback to .* started as deployment/);
    const svc = await ecs.fx.client.send(new DescribeServicesCommand({ cluster: ecs.fx.clusterName, services: [ecs.fx.serviceName] }));
    expect(svc.services![0]!.taskDefinition).toBe(ecs.fx.taskDefinitionArn);
  });

  it('credentials never reach the log, outputs or summary, even with step debug on and a failure', async () => {
    const secret = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY-ml-deploy';
    const token = 'FQoGZXIvYXdzEXAMPLE-session-token-ml-deploy';
    ecs.layer.denyOperation('UpdateService');
    const run = await runBundle('deploy-ecs', {
      inputs: { cluster: ecs.fx.clusterName, service: ecs.fx.serviceName, image: 'registry.example/model:2' },
      env: { ...env(), AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token, RUNNER_DEBUG: '1' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::debug::'); // debug output was on
    expect(run.stdout).toMatch(/permission ecs:UpdateService is missing/);
    const everything = [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs), await readFile(run.outputs.report!, 'utf8')].join('\n');
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(token);
  });

  it('says which step to add when there are no credentials or no region, before any change', async () => {
    const base = { ...env(), HOME: '/nonexistent' };
    const noCreds = await runBundle('deploy-ecs', {
      inputs: { cluster: ecs.fx.clusterName, service: ecs.fx.serviceName, image: 'registry.example/model:2' },
      env: { ...base, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' },
    });
    expect(noCreds.code).toBe(1);
    expect(noCreds.stdout).toMatch(/::error::deploy-ecs: ecs:DescribeServices: no AWS credentials were found: add aws-actions\/configure-aws-credentials/);
    const noRegion = await runBundle('deploy-ecs', {
      inputs: { cluster: ecs.fx.clusterName, service: ecs.fx.serviceName, image: 'registry.example/model:2' },
      env: { ...base, AWS_REGION: '', AWS_DEFAULT_REGION: '' },
    });
    expect(noRegion.code).toBe(1);
    expect(noRegion.stdout).toMatch(/::error::deploy-ecs: ecs:DescribeServices: no AWS region is set: give the 'region' input/);
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(0);
  });
});
