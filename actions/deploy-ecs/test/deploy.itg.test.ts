/**
 * deploy-ecs run() against moto through the ECS layer (test/harness/ecs-layer.ts).
 * Which behaviour comes from where:
 * - moto: clusters, services, task definition registration/revisions/tags, DescribeTaskDefinition,
 *   UpdateService storing the task definition, ListServices, MISSING failures, cluster-not-found.
 * - the layer: deployments that progress/fail/roll back over DescribeServices calls, service
 *   events, stopped tasks with reasons, the ECS circuit breaker's own rollback, throttling/5xx
 *   and AccessDenied answers, the call log.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, type ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { CancelledError, ConfigurationError, InputError, pollUntil } from '@ml-deploy/action-kit';
import { applyAwsEnv } from '@ml-deploy/test/harness/aws-env';
import { MODEL_IMAGE, registerModelTaskDefinition } from '@ml-deploy/test/harness/ecs-fixtures';
import type { LayerStateSnapshot } from '@ml-deploy/test/harness/ecs-layer';
import { useEcsEmulator } from '@ml-deploy/test/harness/ecs-emulator-jest';
import { type DeployOptions, deployWith } from './deploy-with';
import { DeploymentFailedError } from '../src/run';

const ecs = useEcsEmulator();
let restoreEnv: () => void;
let workDir: string;

beforeAll(async () => {
  restoreEnv = applyAwsEnv(ecs.layer.url);
  workDir = await mkdtemp(join(tmpdir(), 'deploy-ecs-itg-'));
});

afterAll(() => restoreEnv?.());

const deploy = (overrides: Record<string, string>, opts: DeployOptions = {}) => deployWith(ecs, workDir, overrides, opts);

async function serviceNow(client: ECSClient = ecs.fx.client) {
  const out = await client.send(new DescribeServicesCommand({ cluster: ecs.fx.clusterName, services: [ecs.fx.serviceName] }));
  return out.services![0]!;
}

const DIGEST = `sha256:${'d'.repeat(64)}`;

/** Resolves once the layer's state satisfies `ready` (polled every 20 ms). */
function untilLayer(ready: (state: LayerStateSnapshot) => boolean | undefined): Promise<void> {
  return pollUntil(async () => (ready(ecs.layer.state()) ? { done: true, value: undefined } : { done: false }), {
    what: 'the ECS layer state',
    timeoutMs: 60_000,
    intervalMs: 20,
    maxIntervalMs: 20,
  });
}

describe('deploy-ecs against moto + the ECS layer', () => {
  it('first deploy: renders from the running service, registers, waits for this deployment', async () => {
    const r = await deploy({ image: 'registry.example/model:2', 'container-name': 'model-server' });
    expect(r.error).toBeUndefined();
    expect(r.report!.result).toBe('deployed');
    expect(r.outputs['previous-task-definition-arn']).toBe(ecs.fx.taskDefinitionArn);
    expect(r.outputs['previous-revision']).toBe('1');
    expect(r.outputs.revision).toBe('2');
    expect(r.outputs['task-definition-arn']).toMatch(/task-definition\/model-server:2$/);
    expect(r.outputs['deployment-id']).toMatch(/^ecs-svc\/\d+$/);
    expect(r.outputs['image-digest']).toBeUndefined();
    // moto's stored service now runs the new revision (moto), and the deployment completed (layer)
    const svc = await serviceNow();
    expect(svc.taskDefinition).toBe(r.outputs['task-definition-arn']);
    const primary = svc.deployments!.find((d) => d.status === 'PRIMARY')!;
    expect(primary.id).toBe(r.outputs['deployment-id']);
    expect(primary.rolloutState).toBe('COMPLETED');
    // circuit-breaker: keep (the default) leaves the service's configuration alone: no drift
    expect(svc.deploymentConfiguration?.deploymentCircuitBreaker).toBeUndefined();
    expect(r.report!.serviceChanges).toEqual([]);
    // the registered revision kept everything else of the running one
    const td = await ecs.fx.client.send(new DescribeTaskDefinitionCommand({ taskDefinition: r.outputs['task-definition-arn'] }));
    expect(td.taskDefinition!.containerDefinitions![0]!.image).toBe('registry.example/model:2');
    expect(td.taskDefinition!.cpu).toBe('256');
    expect(r.summary).toContain('✅ **Deployed**');
    expect(r.summary).toContain('model-server:2');
    expect(r.log.some((l) => /IN_PROGRESS, running \d\/2/.test(l))).toBe(true);
  });

  it('update by digest with environment and secret merge, desired count and size', async () => {
    const r = await deploy({
      image: `registry.example/model@${DIGEST}`,
      'environment-variables': 'MODEL_VERSION=2\nBATCH="8,16"',
      secrets: 'API_KEY=arn:aws:secretsmanager:us-east-1:123456789012:secret:api-key-AbCdEf',
      'desired-count': '3',
      memory: '1024',
    });
    expect(r.error).toBeUndefined();
    expect(r.outputs['image-digest']).toBe(DIGEST);
    const td = await ecs.fx.client.send(new DescribeTaskDefinitionCommand({ taskDefinition: r.outputs['task-definition-arn'] }));
    const c = td.taskDefinition!.containerDefinitions![0]!;
    expect(c.image).toBe(`registry.example/model@${DIGEST}`);
    expect(c.environment).toEqual(
      expect.arrayContaining([
        { name: 'MODEL_NAME', value: 'iris-classifier' },
        { name: 'MODEL_VERSION', value: '2' },
        { name: 'BATCH', value: '8,16' },
      ]),
    );
    expect(c.secrets).toEqual([{ name: 'API_KEY', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:api-key-AbCdEf' }]);
    expect(td.taskDefinition!.memory).toBe('1024');
    expect((await serviceNow()).desiredCount).toBe(3);
    expect(r.report!.desiredCount).toBe(3);
    expect(r.summary).toContain('`environment: ~MODEL_VERSION +BATCH`');
  });

  it('deploys a task definition file (describe-task-definition output shape)', async () => {
    const current = await ecs.fx.client.send(new DescribeTaskDefinitionCommand({ taskDefinition: ecs.fx.taskDefinitionArn, include: ['TAGS'] }));
    const file = join(workDir, 'td.json');
    await writeFile(file, JSON.stringify({ taskDefinition: { ...current.taskDefinition, cpu: '512', memory: '1024' } }, null, 2));
    const r = await deploy({ 'task-definition': file, image: 'registry.example/model:3' });
    expect(r.error).toBeUndefined();
    const td = await ecs.fx.client.send(new DescribeTaskDefinitionCommand({ taskDefinition: r.outputs['task-definition-arn'] }));
    expect(td.taskDefinition!.cpu).toBe('512');
    expect(td.taskDefinition!.containerDefinitions![0]!.image).toBe('registry.example/model:3');
  });

  it('registers only when no service is given', async () => {
    const file = join(workDir, 'td-only.json');
    await writeFile(file, JSON.stringify({ family: 'batch-scorer', containerDefinitions: [{ name: 'scorer', image: MODEL_IMAGE, memory: 512 }] }));
    const r = await deploy({ service: '', 'task-definition': file });
    expect(r.error).toBeUndefined();
    expect(r.report!.result).toBe('registered');
    expect(r.outputs['task-definition-arn']).toMatch(/batch-scorer:1$/);
    expect(ecs.layer.countCalls('UpdateService')).toBe(0);
  });

  it('a failing deployment is rolled back by deploy-ecs, with the stopped tasks named', async () => {
    ecs.layer.planDeployments(
      { cluster: ecs.fx.clusterName, service: ecs.fx.serviceName },
      { outcome: 'fail', steps: 2, failedTasks: 2, stoppedReason: 'Essential container in task exited', containerReason: 'OOMKilled' },
    );
    const r = await deploy({ image: 'registry.example/model:bad', 'circuit-breaker': 'false' });
    expect(r.error).toBeInstanceOf(DeploymentFailedError);
    expect(r.error!.message).toMatch(/failed: ECS deployment circuit breaker: tasks failed to start.*stopped tasks: 2× exit 1, OOMKilled, Essential container in task exited.*rolled back to .*model-server:1 \(completed/);
    expect(r.report!.result).toBe('rolled-back');
    expect(r.report!.stoppedTasks.length).toBe(2);
    expect(r.report!.stoppedTasks[0]).toMatch(/Essential container in task exited \(model-server exit 1: OOMKilled\)/);
    expect(r.report!.rollback).toMatchObject({ startedBy: 'deploy-ecs', taskDefinitionArn: ecs.fx.taskDefinitionArn });
    // the previous revision serves again: moto's stored service and the layer's PRIMARY agree
    const svc = await serviceNow();
    expect(svc.taskDefinition).toBe(ecs.fx.taskDefinitionArn);
    const primary = svc.deployments!.find((d) => d.status === 'PRIMARY')!;
    expect(primary.taskDefinition).toBe(ecs.fx.taskDefinitionArn);
    expect(primary.rolloutState).toBe('COMPLETED');
    expect(r.summary).toContain('↩️ **Deployment failed and was rolled back**');
    expect(r.summary).toContain('### Stopped tasks');
    expect(r.summary).toContain('### Rollback');
    // the rollback's wait does not print the events the first wait already printed
    const events = r.log.filter((l) => l.startsWith('  event: '));
    expect(events.length).toBeGreaterThan(2);
    expect(new Set(events).size).toBe(events.length);
    expect(r.error!.message).not.toContain('.;');
  });

  it('when the ECS circuit breaker rolls back by itself, deploy-ecs waits for that rollback instead of starting another', async () => {
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName }, { outcome: 'fail', steps: 2, failedTasks: 3 });
    const r = await deploy({ image: 'registry.example/model:bad', 'circuit-breaker': 'on' });
    expect(r.error).toBeInstanceOf(DeploymentFailedError);
    expect(r.report!.rollback?.startedBy).toBe('ecs-circuit-breaker');
    expect(r.report!.serviceChanges).toEqual(['circuit breaker: off → on (rollback)']);
    expect(r.summary).toContain('circuit breaker: off → on (rollback)');
    expect(r.report!.rollback?.result).toMatch(/^completed/);
    expect((await serviceNow()).taskDefinition).toBe(ecs.fx.taskDefinitionArn);
    // one UpdateService: ours; the rollback was ECS's (the layer's)
    expect(ecs.layer.countCalls('UpdateService')).toBe(1);
  });

  it('max-failed-tasks fails the deployment early and rolls back', async () => {
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName }, { outcome: 'fail', steps: 6, failedTasks: 6 });
    const r = await deploy({ image: 'registry.example/model:bad', 'circuit-breaker': 'false', 'max-failed-tasks': '1' });
    expect(r.error!.message).toMatch(/tasks of the deployment stopped \(max-failed-tasks: 1\)/);
    expect(r.report!.result).toBe('rolled-back');
    expect((await serviceNow()).taskDefinition).toBe(ecs.fx.taskDefinitionArn);
  });

  it('a deadline hit rolls back and says so', async () => {
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName }, { outcome: 'stuck' });
    const t0 = Date.now();
    const r = await deploy({ image: 'registry.example/model:slow', timeout: '10s', 'circuit-breaker': 'false' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(9_000);
    expect(r.error!.message).toMatch(/did not finish within 10s.*rolled back to/);
    expect(r.report!.result).toBe('rolled-back');
    expect((await serviceNow()).taskDefinition).toBe(ecs.fx.taskDefinitionArn);
  }, 60_000);

  it('rollback-on-failure: false leaves the failed deployment and says so', async () => {
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName }, { outcome: 'fail', steps: 1, failedTasks: 1 });
    const r = await deploy({ image: 'registry.example/model:bad', 'circuit-breaker': 'false', 'rollback-on-failure': 'false' });
    expect(r.error!.message).toMatch(/not rolled back \(rollback-on-failure: false\)/);
    expect(r.report!.result).toBe('failed');
    expect((await serviceNow()).taskDefinition).toBe(r.outputs['attempted-task-definition-arn']);
    // named as attempted only, and as what ECS reports serving afterwards
    expect(r.outputs['task-definition-arn']).toBeUndefined();
    expect(r.outputs.result).toBe('failed');
    expect(r.outputs['serving-task-definition-arn']).toBe(r.outputs['attempted-task-definition-arn']);
  });

  it('survives throttling and 5xx answers (SDK retries with backoff)', async () => {
    ecs.layer.injectFault({ operation: 'DescribeServices', kind: 'throttle', count: 2 });
    ecs.layer.injectFault({ operation: 'RegisterTaskDefinition', kind: 'server-error', status: 503, count: 1 });
    ecs.layer.injectFault({ operation: 'UpdateService', kind: 'server-error', status: 500, count: 2 });
    const r = await deploy({ image: 'registry.example/model:2' });
    expect(r.error).toBeUndefined();
    expect(r.report!.result).toBe('deployed');
    const faulted = ecs.layer.calls.filter((c) => c.fault);
    expect(faulted.map((c) => `${c.operation}:${c.status}`)).toEqual([
      'DescribeServices:400',
      'DescribeServices:400',
      'RegisterTaskDefinition:503',
      'UpdateService:500',
      'UpdateService:500',
    ]);
    // exactly one revision registered despite the retried 503
    expect(r.outputs.revision).toBe('2');
  });

  it('gives up after max-attempts with a message that says how often it tried', async () => {
    ecs.layer.injectFault({ operation: 'DescribeServices', kind: 'server-error', status: 503, count: 10 });
    const r = await deploy({ image: 'registry.example/model:2', 'max-attempts': '2' });
    expect(r.error!.message).toMatch(/ecs:DescribeServices failed after 2 attempts/);
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(0);
  });

  it('cancellation during the wait starts the rollback and says what state the service is in', async () => {
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName }, { outcome: 'stuck' });
    const controller = new AbortController();
    // Cancel once the new deployment is rolling out (a state, not a time).
    const rolling = untilLayer((st) => st.services[0]?.deployments.some((d) => d.status === 'PRIMARY' && d.rolloutState === 'IN_PROGRESS' && d.pendingCount > 0)).then(() =>
      controller.abort(new CancelledError('cancelled by SIGINT')),
    );
    const r = await deploy({ image: 'registry.example/model:slow' }, { signal: controller.signal });
    await rolling;
    expect(r.error).toBeInstanceOf(CancelledError);
    expect(r.report!.result).toBe('cancelled');
    expect(r.report!.failure).toMatch(/rollback to .*model-server:1 started as deployment ecs-svc\/\d+ and was not waited for/);
    expect((await serviceNow()).taskDefinition).toBe(ecs.fx.taskDefinitionArn);
    expect(r.summary).toContain('⏹️ **Cancelled**');
  });
});

describe('deploy-ecs: the rules its README promises', () => {
  it('max-failed-tasks N fails the deployment when the N-th task stops, not the one after', async () => {
    // one stopped task per DescribeServices step (9 tasks over 10 steps)
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName }, { outcome: 'fail', steps: 10, failedTasks: 9 });
    const r = await deploy({ image: 'registry.example/model:bad', 'circuit-breaker': 'off', 'max-failed-tasks': '3' });
    expect(r.error).toBeInstanceOf(DeploymentFailedError);
    expect(r.report!.failure).toMatch(/: 3 tasks of the deployment stopped \(max-failed-tasks: 3\)$/);
    expect(r.report!.stoppedTasks).toHaveLength(3);
    expect(r.report!.result).toBe('rolled-back');
  });

  it('a deployment superseded by someone else\'s is not rolled back', async () => {
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName }, { outcome: 'stuck' });
    const td3 = await registerModelTaskDefinition(ecs.fx.client, { family: ecs.fx.family, image: 'registry.example/model:3' });
    // Another deploy lands while ours rolls out (once ours is IN_PROGRESS: a state, not a time).
    const other = untilLayer((st) => st.services[0]?.deployments.some((d) => d.status === 'PRIMARY' && d.rolloutState === 'IN_PROGRESS' && d.taskDefinition !== td3)).then(() =>
      ecs.fx.client.send(new UpdateServiceCommand({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName, taskDefinition: td3 })),
    );
    const r = await deploy({ image: 'registry.example/model:2' });
    await other;
    expect(r.error).toBeInstanceOf(DeploymentFailedError);
    expect(r.report!.result).toBe('superseded');
    expect(r.outputs.result).toBe('superseded');
    expect(r.outputs['task-definition-arn']).toBeUndefined();
    expect(r.report!.rollback).toBeUndefined();
    expect(r.error!.message).toMatch(/superseded by ecs-svc\/\d+ \(([^)]+)\).*nothing was rolled back/);
    expect(r.error!.message).toContain(`(${td3})`);
    // two UpdateService calls: ours and the other deploy's; none to roll back
    expect(ecs.layer.countCalls('UpdateService')).toBe(2);
    expect((await serviceNow()).taskDefinition).toBe(td3);
  });
});

describe('deploy-ecs promotes a registered task definition without registering anything', () => {
  it('by ARN: deploys exactly that revision', async () => {
    const td2 = await registerModelTaskDefinition(ecs.fx.client, { family: ecs.fx.family, image: 'registry.example/model:2' });
    ecs.layer.resetCalls();
    const r = await deploy({ 'task-definition': td2 });
    expect(r.error).toBeUndefined();
    expect(r.report!.result).toBe('deployed');
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(0);
    expect(r.outputs['task-definition-arn']).toBe(td2);
    expect(r.outputs.revision).toBe('2');
    expect(r.report!.image).toBe('registry.example/model:2');
    expect((await serviceNow()).taskDefinition).toBe(td2);
  });

  it('by family: its latest ACTIVE revision; by family:revision: going back', async () => {
    await registerModelTaskDefinition(ecs.fx.client, { family: ecs.fx.family, image: 'registry.example/model:2' });
    const td3 = await registerModelTaskDefinition(ecs.fx.client, { family: ecs.fx.family, image: 'registry.example/model:3' });
    ecs.layer.resetCalls();
    const r = await deploy({ 'task-definition': ecs.fx.family });
    expect(r.report!.result).toBe('deployed');
    expect(r.outputs['task-definition-arn']).toBe(td3);
    expect((await serviceNow()).taskDefinition).toBe(td3);
    const back = await deploy({ 'task-definition': `${ecs.fx.family}:1` });
    expect(back.report!.result).toBe('deployed');
    expect(back.outputs['task-definition-arn']).toBe(ecs.fx.taskDefinitionArn);
    expect(back.outputs['previous-task-definition-arn']).toBe(td3);
    expect((await serviceNow()).taskDefinition).toBe(ecs.fx.taskDefinitionArn);
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(0);
  });

  it('a failing promoted revision is rolled back like any other', async () => {
    const td2 = await registerModelTaskDefinition(ecs.fx.client, { family: ecs.fx.family, image: 'registry.example/model:bad' });
    ecs.layer.planDeployments({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName }, { outcome: 'fail', steps: 2 });
    const r = await deploy({ 'task-definition': td2 });
    expect(r.report!.result).toBe('rolled-back');
    expect((await serviceNow()).taskDefinition).toBe(ecs.fx.taskDefinitionArn);
  });
});

describe('deploy-ecs refuses bad input before changing anything', () => {
  const noChange = () => {
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(0);
    expect(ecs.layer.countCalls('UpdateService')).toBe(0);
  };

  it('unknown cluster', async () => {
    const r = await deploy({ cluster: 'no-such-cluster', image: 'registry.example/model:2' });
    expect(r.error).toBeInstanceOf(ConfigurationError);
    expect(r.error!.message).toMatch(/cluster 'no-such-cluster' was not found.*input 'cluster'/);
    noChange();
  });

  it('unknown service lists the services that exist', async () => {
    const r = await deploy({ service: 'modle-svc', image: 'registry.example/model:2' });
    expect(r.error!.message).toMatch(/service 'modle-svc' was not found in cluster 'ml-cluster' \(MISSING\); services there: 'model-svc'/);
    noChange();
  });

  it('container name not in the task definition lists the names', async () => {
    const r = await deploy({ 'container-name': 'web', image: 'registry.example/model:2' });
    expect(r.error).toBeInstanceOf(InputError);
    expect(r.error!.message).toMatch(/input 'container-name': got "web", expected a container of task definition 'model-server': 'model-server'/);
    noChange();
  });

  it('task-definition file that is not valid JSON', async () => {
    const file = join(workDir, 'broken.json');
    await writeFile(file, '{"family": "x", ');
    const r = await deploy({ 'task-definition': file });
    expect(r.error!.message).toMatch(/input 'task-definition'.*valid JSON/);
    noChange();
  });

  it('AccessDenied names the missing permission', async () => {
    ecs.layer.denyOperation('RegisterTaskDefinition');
    const r = await deploy({ image: 'registry.example/model:2' });
    expect(r.error).toBeInstanceOf(ConfigurationError);
    expect(r.error!.message).toMatch(/permission ecs:RegisterTaskDefinition is missing/);
    expect(ecs.layer.countCalls('UpdateService')).toBe(0);
  });
});
