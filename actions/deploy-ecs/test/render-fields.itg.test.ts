/**
 * deploy-ecs's render fields (command, entry point, docker labels, log configuration, roles,
 * environment files, ephemeral storage, tags, overwrite mode) against moto through the ECS layer:
 * what moto stores for the registered revision is what the inputs asked for, and bad values are
 * refused before any call that changes anything.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { applyAwsEnv } from '@ml-deploy/test/harness/aws-env';
import { useEcsEmulator } from '@ml-deploy/test/harness/ecs-emulator-jest';
import { deployWith } from './deploy-with';

const ecs = useEcsEmulator();
let restoreEnv: () => void;
let workDir: string;

beforeAll(async () => {
  restoreEnv = applyAwsEnv(ecs.layer.url);
  workDir = await mkdtemp(join(tmpdir(), 'deploy-ecs-render-'));
});

afterAll(() => restoreEnv?.());

const deploy = (overrides: Record<string, string>) => deployWith(ecs, workDir, overrides);

async function registered(arn: string) {
  return ecs.fx.client.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ['TAGS'] }));
}

describe('deploy-ecs render fields against moto + the ECS layer', () => {
  it('sets every render field on the revision it registers, and lists each change in the summary', async () => {
    const r = await deploy({
      image: 'registry.example/model:2',
      command: 'python -m serve --port 8080',
      'entry-point': '["/usr/bin/tini", "--"]',
      'docker-labels': 'com.example.team=ml',
      'log-configuration-log-driver': 'awslogs',
      'log-configuration-options': 'awslogs-group=/ecs/model\nawslogs-region=us-east-1\nawslogs-stream-prefix=ecs',
      'environment-files': 'arn:aws:s3:::cfg-bucket/model.env',
      'task-role-arn': 'arn:aws:iam::123456789012:role/model-task',
      'execution-role-arn': 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      'ephemeral-storage': '50',
      tags: 'team=ml\napp:component=model server',
    });
    expect(r.error).toBeUndefined();
    expect(r.report!.result).toBe('deployed');
    const { taskDefinition: td, tags } = await registered(r.outputs['task-definition-arn']!);
    const c = td!.containerDefinitions![0]!;
    expect(c.image).toBe('registry.example/model:2');
    expect(c.command).toEqual(['python', '-m', 'serve', '--port', '8080']);
    expect(c.entryPoint).toEqual(['/usr/bin/tini', '--']);
    expect(c.dockerLabels).toEqual({ 'com.example.team': 'ml' });
    expect(c.logConfiguration).toEqual({ logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/model', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } });
    expect(c.environmentFiles).toEqual([{ value: 'arn:aws:s3:::cfg-bucket/model.env', type: 's3' }]);
    expect(td!.taskRoleArn).toBe('arn:aws:iam::123456789012:role/model-task');
    expect(td!.executionRoleArn).toBe('arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
    expect(td!.ephemeralStorage).toEqual({ sizeInGiB: 50 });
    expect(tags).toEqual(expect.arrayContaining([{ key: 'team', value: 'ml' }, { key: 'app:component', value: 'model server' }]));
    for (const line of ['command: [] → ["python","-m","serve","--port","8080"]', 'docker labels: +com.example.team', 'log configuration: (none) → awslogs', 'ephemeral storage: 20 GiB → 50 GiB', 'tags: +team +app:component']) {
      expect(r.summary).toContain(line.replace(/&/g, '&amp;').replace(/>/g, '&gt;'));
    }
  });

  it('overwrite removes the variables not given; merge (the default) keeps them', async () => {
    const merged = await deploy({ 'environment-variables': 'MODEL_VERSION=2' });
    expect(merged.error).toBeUndefined();
    const m = await registered(merged.outputs['task-definition-arn']!);
    expect(m.taskDefinition!.containerDefinitions![0]!.environment!.map((e) => e.name).sort()).toEqual(['LOG_LEVEL', 'MODEL_NAME', 'MODEL_VERSION']);

    const over = await deploy({ 'environment-variables': 'MODEL_VERSION=3', 'environment-variables-update-strategy': 'overwrite' });
    expect(over.error).toBeUndefined();
    const o = await registered(over.outputs['task-definition-arn']!);
    expect(o.taskDefinition!.containerDefinitions![0]!.environment).toEqual([{ name: 'MODEL_VERSION', value: '3' }]);
    expect(over.report!.changes).toEqual(['environment (overwrite): -MODEL_NAME -LOG_LEVEL ~MODEL_VERSION']);
  });

  it('a bad render field is refused before any call; a tag set past 50 once merged is refused before registering', async () => {
    ecs.layer.resetCalls();
    await expect(deploy({ tags: 'aws:owner=me' })).rejects.toThrow(/input 'tags'.*'aws:'/);
    await expect(deploy({ 'ephemeral-storage': '500' })).rejects.toThrow(/input 'ephemeral-storage'/);
    await expect(deploy({ 'execution-role-arn': 'ecsTaskExecutionRole' })).rejects.toThrow(/input 'execution-role-arn'/);
    expect(ecs.layer.countCalls()).toBe(0);
    // 30 tags now, 30 more given: 60 once merged, which ECS refuses; caught on the rendered document
    const thirty = (p: string) => Array.from({ length: 30 }, (_, i) => `${p}${i}=v`).join('\n');
    const first = await deploy({ tags: thirty('a') });
    expect(first.error).toBeUndefined();
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(1);
    ecs.layer.resetCalls();
    const second = await deploy({ tags: thirty('b') });
    expect(second.error?.message).toMatch(/tags.*50/);
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(0);
    expect(ecs.layer.countCalls('UpdateService')).toBe(0);
  });
});

describe('deploy-ecs service tagging: enable-ecs-managed-tags and propagate-tags', () => {
  const service = async () =>
    (await ecs.fx.client.send(new DescribeServicesCommand({ cluster: ecs.fx.clusterName, services: [ecs.fx.serviceName] }))).services![0]!;

  it('sets them on the service with the update, logs and summarises the change; unset keeps them', async () => {
    expect((await service()).propagateTags ?? 'NONE').toBe('NONE');
    const r = await deploy({ image: 'registry.example/model:2', tags: 'team=ml', 'enable-ecs-managed-tags': 'True', 'propagate-tags': 'task_definition' });
    expect(r.error).toBeUndefined();
    const svc = await service();
    expect(svc.enableECSManagedTags).toBe(true);
    expect(svc.propagateTags).toBe('TASK_DEFINITION');
    expect(r.report!.serviceChanges).toEqual(['ECS-managed tags: off → on', 'propagate tags: NONE → TASK_DEFINITION']);
    expect(r.summary).toContain('`propagate tags: NONE → TASK_DEFINITION`');
    expect(r.log).toContain('service configuration: ECS-managed tags: off → on');
    // the layer checked the UpdateService request against botocore's ECS model (599 otherwise)
    expect(ecs.layer.countCalls('UpdateService')).toBe(1);

    // unset: the service keeps them, nothing is sent, nothing is listed
    const again = await deploy({ image: 'registry.example/model:3' });
    expect(again.error).toBeUndefined();
    expect(again.report!.serviceChanges).toEqual([]);
    expect((await service()).propagateTags).toBe('TASK_DEFINITION');
    expect((await service()).enableECSManagedTags).toBe(true);

    // the same values again: no change to list
    const same = await deploy({ image: 'registry.example/model:4', 'enable-ecs-managed-tags': 'true', 'propagate-tags': 'TASK_DEFINITION' });
    expect(same.report!.serviceChanges).toEqual([]);
    const off = await deploy({ image: 'registry.example/model:5', 'enable-ecs-managed-tags': 'false', 'propagate-tags': 'SERVICE' });
    expect(off.report!.serviceChanges).toEqual(['ECS-managed tags: on → off', 'propagate tags: TASK_DEFINITION → SERVICE']);
    expect((await service()).propagateTags).toBe('SERVICE');
    expect((await service()).enableECSManagedTags).toBe(false);
  });

  it('bad values are refused before any call, naming the input and the SDK enum', async () => {
    ecs.layer.resetCalls();
    await expect(deploy({ 'propagate-tags': 'TASKS' })).rejects.toThrow(/input 'propagate-tags': got "TASKS", expected one of 'NONE', 'SERVICE', 'TASK_DEFINITION'/);
    await expect(deploy({ 'enable-ecs-managed-tags': 'yes' })).rejects.toThrow(/input 'enable-ecs-managed-tags'/);
    expect(ecs.layer.countCalls()).toBe(0);
  });
});
