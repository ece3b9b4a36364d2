/**
 * deploy-ecs with several services in one step, against moto through the ECS layer: three services
 * (two of the model-server family, one of another family with another container), checked before
 * anything changes, deployed in parallel, one failing with rollback of the others (rollback-scope
 * all, the default) or of the failed one only (rollback-scope failed).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CreateServiceCommand, DescribeServicesCommand, DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { ConfigurationError, InputError } from '@ml-deploy/action-kit';
import { applyAwsEnv } from '@ml-deploy/test/harness/aws-env';
import { useEcsEmulator } from '@ml-deploy/test/harness/ecs-emulator-jest';
import { deployWith } from './deploy-with';
import { DeploymentFailedError } from '../src/run';

const ecs = useEcsEmulator();
let restoreEnv: () => void;
let workDir: string;
/** The three services and the task definition each runs before the test. */
let before: Record<string, string>;

beforeAll(async () => {
  restoreEnv = applyAwsEnv(ecs.layer.url);
  workDir = await mkdtemp(join(tmpdir(), 'deploy-ecs-many-'));
});
afterAll(() => restoreEnv?.());

const FEATURES = 'feature-svc';
const BATCH = 'batch-svc';

beforeEach(async () => {
  const { client, clusterName, subnetId, securityGroupId, taskDefinitionArn, serviceName } = ecs.fx;
  const feature = await client.send(
    new RegisterTaskDefinitionCommand({
      family: 'feature-server',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'features', image: 'registry.example/features:1', essential: true, memory: 512 }],
    }),
  );
  const network = { awsvpcConfiguration: { subnets: [subnetId], securityGroups: [securityGroupId], assignPublicIp: 'DISABLED' as const } };
  for (const [name, td] of [[FEATURES, feature.taskDefinition!.taskDefinitionArn!], [BATCH, taskDefinitionArn]] as const) {
    await client.send(new CreateServiceCommand({ cluster: clusterName, serviceName: name, taskDefinition: td, desiredCount: 1, launchType: 'FARGATE', networkConfiguration: network }));
  }
  before = { [serviceName]: taskDefinitionArn, [FEATURES]: feature.taskDefinition!.taskDefinitionArn!, [BATCH]: taskDefinitionArn };
  ecs.layer.resetCalls();
});

const deploy = (overrides: Record<string, string>) => deployWith(ecs, workDir, overrides);
const three = () => `${ecs.fx.serviceName}=model-server\n${FEATURES}=features\n${BATCH}=model-server`;

async function running(): Promise<Record<string, string>> {
  const out = await ecs.fx.client.send(new DescribeServicesCommand({ cluster: ecs.fx.clusterName, services: [ecs.fx.serviceName, FEATURES, BATCH] }));
  return Object.fromEntries(out.services!.map((s) => [s.serviceName!, s.taskDefinition!]));
}

describe('deploy-ecs: several services in one step', () => {
  it('renders each from what it runs now, with its own container, deploys all in parallel, one row per service', async () => {
    // model-svc's rollout takes 8 status checks, the others 2: in parallel the others finish first
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName }, { outcome: 'complete', steps: 8 });
    const r = await deploy({ service: three(), image: 'registry.example/app:2' });
    expect(r.error).toBeUndefined();
    expect(r.multi!.result).toBe('deployed');
    expect(r.multi!.services.map((s) => [s.service, s.result, s.container])).toEqual([
      [ecs.fx.serviceName, 'deployed', 'model-server'],
      [FEATURES, 'deployed', 'features'],
      [BATCH, 'deployed', 'model-server'],
    ]);
    const now = await running();
    for (const s of r.multi!.services) {
      expect(now[s.service!]).toBe(s.taskDefinitionArn);
      expect(s.previousTaskDefinitionArn).toBe(before[s.service!]);
      const td = await ecs.fx.client.send(new DescribeTaskDefinitionCommand({ taskDefinition: s.taskDefinitionArn! }));
      expect(td.taskDefinition!.containerDefinitions![0]!.image).toBe('registry.example/app:2');
    }
    expect(now[FEATURES]).toMatch(/feature-server:2$/);
    // model-svc and batch-svc render the same task definition: registered once, shared, none deregistered
    expect(now[ecs.fx.serviceName]).toMatch(/model-server:2$/);
    expect(now[BATCH]).toBe(now[ecs.fx.serviceName]);
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(2);
    expect(ecs.layer.countCalls('DeregisterTaskDefinition')).toBe(0);
    expect(r.multi!.services.map((s) => s.changes)).toEqual([
      ['image: registry.example/model:1 → registry.example/app:2'],
      ['image: registry.example/features:1 → registry.example/app:2'],
      ['image: registry.example/model:1 → registry.example/app:2'],
    ]);
    const steady = (svc: string) => r.log.findIndex((l) => l.startsWith(`[${svc}] `) && /has reached a steady state/.test(l));
    expect(steady(FEATURES)).toBeGreaterThan(-1);
    expect(steady(FEATURES)).toBeLessThan(steady(ecs.fx.serviceName));
    expect(steady(BATCH)).toBeLessThan(steady(ecs.fx.serviceName));
    const outputs = JSON.parse(r.outputs.services!);
    expect(Object.keys(outputs)).toEqual([ecs.fx.serviceName, FEATURES, BATCH]);
    expect(outputs[FEATURES]).toMatchObject({ result: 'deployed', revision: 2, 'previous-revision': 1 });
    expect(r.summary).toContain('Every service deployed');
    expect(r.summary).toMatch(new RegExp(`\\| ${FEATURES} \\| ✅ deployed \\| \`feature-server:2\` \\| \`feature-server:1\``));
    expect(r.log.some((l) => l.startsWith(`[${FEATURES}] `))).toBe(true);
  });

  it('a task definition file is registered once and every service gets that revision', async () => {
    const current = await ecs.fx.client.send(new DescribeTaskDefinitionCommand({ taskDefinition: ecs.fx.taskDefinitionArn }));
    const file = join(workDir, 'shared.json');
    await writeFile(file, JSON.stringify({ ...current.taskDefinition, family: 'shared-app' }));
    const r = await deploy({ service: `${ecs.fx.serviceName}\n${FEATURES}\n${BATCH}`, 'task-definition': file, image: 'registry.example/app:3' });
    expect(r.error).toBeUndefined();
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(1);
    expect(r.outputs['task-definition-arn']).toMatch(/shared-app:1$/);
    expect(Object.values(await running())).toEqual([r.outputs['task-definition-arn'], r.outputs['task-definition-arn'], r.outputs['task-definition-arn']]);
    expect(r.summary).toContain('One task definition registered for every service: `shared-app:1`');
  });

  it('a registration that fails after another succeeded: nothing rolls out, and the revision left registered is named', async () => {
    // the first RegisterTaskDefinition (model-server) goes through; the second (feature-server) keeps failing
    ecs.layer.injectFault({ operation: 'RegisterTaskDefinition', kind: 'server-error', status: 500, count: 20, skip: 1 });
    const r = await deploy({ service: three(), image: 'registry.example/app:2', 'max-attempts': '2' });
    expect(r.error).toBeDefined();
    expect(ecs.layer.countCalls('UpdateService')).toBe(0);
    expect(await running()).toEqual(before);
    const left = r.multi!.services[0]!.taskDefinitionArn!;
    expect(left).toMatch(/model-server:2$/);
    // it is registered (ACTIVE), and the summary names it, as attempted, with the step's error
    const td = await ecs.fx.client.send(new DescribeTaskDefinitionCommand({ taskDefinition: left }));
    expect(td.taskDefinition!.status).toBe('ACTIVE');
    expect(r.summary).toContain('Registered by this step and deployed to no service (left registered; deregister or deploy them): `model-server:2`');
    expect(r.summary).toContain('`model-server:2` (attempted)');
    expect(r.summary).toMatch(/^> .*RegisterTaskDefinition/m);
    expect(r.outputs.result).toBe('failed');
    expect(JSON.parse(r.outputs.services!)[ecs.fx.serviceName]).toMatchObject({ result: 'failed', 'attempted-task-definition-arn': left });
    expect(JSON.parse(r.outputs.services!)[ecs.fx.serviceName]['task-definition-arn']).toBeUndefined();
  });

  it('one fails: it is rolled back, and the two that deployed are put back (rollback-scope: all, the default)', async () => {
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: FEATURES }, { outcome: 'fail', steps: 2, failedTasks: 1 });
    const r = await deploy({ service: three(), image: 'registry.example/app:bad', 'circuit-breaker': 'off' });
    expect(r.error).toBeInstanceOf(DeploymentFailedError);
    expect(r.error!.message).toMatch(new RegExp(`^1 of 3 services failed \\(${FEATURES}: deployment ecs-svc/\\d+ failed`));
    expect(r.multi!.result).toBe('rolled-back');
    expect(r.multi!.services.map((s) => [s.service, s.result])).toEqual([
      [ecs.fx.serviceName, 'rolled-back'],
      [FEATURES, 'rolled-back'],
      [BATCH, 'rolled-back'],
    ]);
    // what ECS runs now, not what we meant to do
    expect(await running()).toEqual(before);
    const put = r.multi!.services[0]!;
    expect(put.rollback).toMatchObject({ startedBy: 'deploy-ecs', taskDefinitionArn: before[ecs.fx.serviceName], result: expect.stringMatching(/^completed/) });
    expect(put.failure).toContain(`because '${FEATURES}' failed`);
    const outputs = JSON.parse(r.outputs.services!);
    expect(outputs[BATCH].result).toBe('rolled-back');
    expect(r.outputs.result).toBe('rolled-back');
    // the new revisions are named as attempted only; serving is what ECS reports afterwards
    for (const name of [ecs.fx.serviceName, FEATURES, BATCH]) {
      expect(outputs[name]['task-definition-arn']).toBeUndefined();
      expect(outputs[name]['attempted-revision']).toBe(2);
      expect(outputs[name]['serving-task-definition-arn']).toBe(before[name]);
    }
    expect(r.summary).toContain('Not every service deployed (rolled-back)');
  });

  it('rollback-scope all: the first failure stops the others\' waits and rolls them back at once, not after they finish', async () => {
    // the two others never finish rolling out: without stopping early the step would wait for the 20m timeout
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: FEATURES }, { outcome: 'fail', steps: 2, failedTasks: 1 });
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName }, { outcome: 'stuck' });
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: BATCH }, { outcome: 'stuck' });
    const r = await deploy({ service: three(), image: 'registry.example/app:bad', 'circuit-breaker': 'off', timeout: '20m' });
    expect(r.error).toBeInstanceOf(DeploymentFailedError);
    // only the one that failed is named as failed
    expect(r.error!.message).toMatch(new RegExp(`^1 of 3 services failed \\(${FEATURES}: deployment ecs-svc/\\d+ failed`));
    expect(r.multi!.services.map((s) => [s.service, s.result])).toEqual([
      [ecs.fx.serviceName, 'rolled-back'],
      [FEATURES, 'rolled-back'],
      [BATCH, 'rolled-back'],
    ]);
    const stopped = r.multi!.services[0]!;
    expect(stopped.failure).toBe(`stopped waiting because '${FEATURES}' failed (rollback-scope: all)`);
    expect(stopped.rollback).toMatchObject({ startedBy: 'deploy-ecs', result: expect.stringMatching(/^completed/) });
    expect(stopped.servingNow?.taskDefinitionArn).toBe(before[ecs.fx.serviceName]);
    expect(await running()).toEqual(before);
    expect(r.log.some((l) => l.includes(`'${FEATURES}' failed: stopping the other services' waits`))).toBe(true);
  });

  it('rollback-scope: failed leaves the services that deployed on the new revision', async () => {
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: BATCH }, { outcome: 'fail', steps: 2, failedTasks: 1 });
    const r = await deploy({ service: three(), image: 'registry.example/app:4', 'circuit-breaker': 'off', 'rollback-scope': 'failed' });
    expect(r.error).toBeInstanceOf(DeploymentFailedError);
    expect(r.multi!.services.map((s) => s.result)).toEqual(['deployed', 'deployed', 'rolled-back']);
    const now = await running();
    expect(now[BATCH]).toBe(before[BATCH]);
    expect(now[ecs.fx.serviceName]).toBe(r.multi!.services[0]!.taskDefinitionArn);
    expect(r.multi!.result).toBe('rolled-back');
  });

  it('a service that does not exist, or lacks the container, stops the step before any service changes', async () => {
    const missing = await deploy({ service: `${ecs.fx.serviceName}\nno-such-svc`, image: 'registry.example/app:5' });
    expect(missing.error).toBeInstanceOf(ConfigurationError);
    expect(missing.error!.message).toMatch(/service 'no-such-svc' was not found/);
    const noContainer = await deploy({ service: `${ecs.fx.serviceName}=model-server\n${FEATURES}=model-server`, image: 'registry.example/app:5' });
    expect(noContainer.error).toBeInstanceOf(InputError);
    expect(noContainer.error!.message).toMatch(/input 'container-name': got "model-server", expected a container of task definition 'feature-server': 'features'/);
    expect(ecs.layer.countCalls('RegisterTaskDefinition') + ecs.layer.countCalls('UpdateService')).toBe(0);
    expect(await running()).toEqual(before);
  });
});
