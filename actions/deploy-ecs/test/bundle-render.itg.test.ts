/**
 * The committed bundle with several services, and with the render fields, run as the runner runs it (hyphenated INPUT_ names
 * such as INPUT_ENTRY-POINT and INPUT_EPHEMERAL-STORAGE), against moto through the ECS layer.
 */
import { describe, expect, it } from '@jest/globals';
import { CreateServiceCommand, DescribeServicesCommand, DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { readFile } from 'node:fs/promises';
import { awsEnv } from '@ml-deploy/test/harness/aws-env';
import { useEcsEmulator } from '@ml-deploy/test/harness/ecs-emulator-jest';
import { runBundle } from '@ml-deploy/test/run-bundle';

const ecs = useEcsEmulator();
const env = () => awsEnv(ecs.layer.url, { ML_DEPLOY_POLL_INTERVAL: '100ms' });

describe('deploy-ecs bundle: render fields', () => {
  it('registers the revision with every render field given as runner inputs', async () => {
    const run = await runBundle('deploy-ecs', {
      inputs: {
        cluster: ecs.fx.clusterName,
        service: ecs.fx.serviceName,
        'entry-point': '["/usr/bin/tini", "--"]',
        command: 'serve --port 8080',
        'ephemeral-storage': '40',
        'task-role-arn': 'arn:aws:iam::123456789012:role/model-task',
        'environment-variables': 'MODEL_VERSION=5',
        'environment-variables-update-strategy': 'overwrite',
        tags: 'team=ml',
      },
      env: env(),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { taskDefinition: td, tags } = await ecs.fx.client.send(new DescribeTaskDefinitionCommand({ taskDefinition: run.outputs['task-definition-arn']!, include: ['TAGS'] }));
    expect(td!.containerDefinitions![0]).toMatchObject({ entryPoint: ['/usr/bin/tini', '--'], command: ['serve', '--port', '8080'], environment: [{ name: 'MODEL_VERSION', value: '5' }] });
    expect(td!.ephemeralStorage).toEqual({ sizeInGiB: 40 });
    expect(td!.taskRoleArn).toBe('arn:aws:iam::123456789012:role/model-task');
    expect(tags).toEqual([{ key: 'team', value: 'ml' }]);
    expect(run.summary).toContain('environment (overwrite): -MODEL_NAME -LOG_LEVEL ~MODEL_VERSION');
  });

  it('a bad render field fails the step naming the input, before any call', async () => {
    const run = await runBundle('deploy-ecs', {
      inputs: { cluster: ecs.fx.clusterName, service: ecs.fx.serviceName, 'log-configuration-log-driver': 'cloudwatch' },
      env: env(),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::deploy-ecs: input 'log-configuration-log-driver': got "cloudwatch", expected one of the log drivers ECS supports`);
    expect(ecs.layer.countCalls()).toBe(0);
  });
});

describe('deploy-ecs bundle: several services', () => {
  it('deploys three services in one step: the services output, the report and one summary row each', async () => {
    const { client, clusterName, subnetId, securityGroupId, taskDefinitionArn, serviceName } = ecs.fx;
    const network = { awsvpcConfiguration: { subnets: [subnetId], securityGroups: [securityGroupId], assignPublicIp: 'DISABLED' as const } };
    for (const name of ['svc-b', 'svc-c']) {
      await client.send(new CreateServiceCommand({ cluster: clusterName, serviceName: name, taskDefinition: taskDefinitionArn, desiredCount: 1, launchType: 'FARGATE', networkConfiguration: network }));
    }
    ecs.layer.planDeployments({ cluster: clusterName, service: 'svc-c' }, { outcome: 'fail', steps: 1, failedTasks: 1 });
    const run = await runBundle('deploy-ecs', {
      inputs: { cluster: clusterName, service: `${serviceName}\nsvc-b\nsvc-c`, image: 'registry.example/model:7', 'circuit-breaker': 'off' },
      env: env(),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::deploy-ecs: 1 of 3 services failed \(svc-c: deployment ecs-svc\/\d+ failed/);
    const outputs = JSON.parse(run.outputs.services!);
    expect(Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, (v as { result: string }).result]))).toEqual({ [serviceName]: 'rolled-back', 'svc-b': 'rolled-back', 'svc-c': 'rolled-back' });
    const report = JSON.parse(await readFile(run.outputs.report!, 'utf8'));
    expect(report.rollbackScope).toBe('all');
    expect(report.services).toHaveLength(3);
    expect(run.summary).toMatch(/\| svc-b \| ↩️ rolled-back \|/);
    const now = await client.send(new DescribeServicesCommand({ cluster: clusterName, services: [serviceName, 'svc-b', 'svc-c'] }));
    expect(now.services!.map((s) => s.taskDefinition)).toEqual([taskDefinitionArn, taskDefinitionArn, taskDefinitionArn]);
  });
});
