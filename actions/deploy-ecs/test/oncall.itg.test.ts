/**
 * What on-call needs from deploy-ecs, against moto + the ECS layer (and once against moto alone,
 * which never rolls anything out): the `result` output, the attempted revision never named as the
 * one deployed, claims checked against what ECS reports afterwards, stopped tasks grouped by
 * reason into one annotation each with a next step and console/CloudWatch links.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeServicesCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { pollUntil } from '@ml-deploy/action-kit';
import { applyAwsEnv, TEST_REGION } from '@ml-deploy/test/harness/aws-env';
import type { LayerStateSnapshot } from '@ml-deploy/test/harness/ecs-layer';
import { useEcsEmulator } from '@ml-deploy/test/harness/ecs-emulator-jest';
import { type DeployOptions, deployWith } from './deploy-with';
import { DeploymentFailedError } from '../src/run';

const ecs = useEcsEmulator();
let restoreEnv: () => void;
let workDir: string;

beforeAll(async () => {
  restoreEnv = applyAwsEnv(ecs.layer.url);
  workDir = await mkdtemp(join(tmpdir(), 'deploy-ecs-oncall-'));
});
afterAll(() => restoreEnv?.());

const deploy = (overrides: Record<string, string>, opts: DeployOptions = {}) => deployWith(ecs, workDir, overrides, opts);
const target = () => ({ cluster: ecs.fx.clusterName, service: ecs.fx.serviceName });

async function serviceNow() {
  const out = await ecs.fx.client.send(new DescribeServicesCommand({ cluster: ecs.fx.clusterName, services: [ecs.fx.serviceName] }));
  return out.services![0]!;
}

function untilLayer(ready: (state: LayerStateSnapshot) => boolean | undefined): Promise<void> {
  return pollUntil(async () => (ready(ecs.layer.state()) ? { done: true, value: undefined } : { done: false }), {
    what: 'the ECS layer state',
    timeoutMs: 60_000,
    intervalMs: 20,
    maxIntervalMs: 20,
  });
}

describe('result output and the attempted revision', () => {
  it('deployed: task-definition-arn is the revision ECS reports serving', async () => {
    const r = await deploy({ image: 'registry.example/model:2' });
    expect(r.error).toBeUndefined();
    expect(r.outputs.result).toBe('deployed');
    expect(r.outputs['task-definition-arn']).toMatch(/model-server:2$/);
    expect(r.outputs['attempted-task-definition-arn']).toBe(r.outputs['task-definition-arn']);
    expect(r.outputs['serving-task-definition-arn']).toBe(r.outputs['task-definition-arn']);
    expect((await serviceNow()).taskDefinition).toBe(r.outputs['task-definition-arn']);
    expect(r.summary).toContain('| **Task definition** | `model-server:2` |');
  });

  it('rolled back: the new revision is only ever named as attempted; serving is the previous one, as ECS reports it', async () => {
    ecs.layer.planDeployments(target(), { outcome: 'fail', steps: 2, failedTasks: 2 });
    const r = await deploy({ image: 'registry.example/model:bad', 'circuit-breaker': 'off' });
    expect(r.error).toBeInstanceOf(DeploymentFailedError);
    expect(r.outputs.result).toBe('rolled-back');
    expect(r.outputs['task-definition-arn']).toBeUndefined();
    expect(r.outputs.revision).toBeUndefined();
    expect(r.outputs['attempted-task-definition-arn']).toMatch(/model-server:2$/);
    expect(r.outputs['attempted-revision']).toBe('2');
    expect(r.outputs['serving-task-definition-arn']).toBe(ecs.fx.taskDefinitionArn);
    expect((await serviceNow()).taskDefinition).toBe(ecs.fx.taskDefinitionArn);
    expect(r.summary).toContain('| **Attempted task definition** | `model-server:2` (attempted, not deployed) |');
    expect(r.summary).not.toContain('| **Task definition** |');
    expect(r.summary).toMatch(/\| \*\*Serving now \(as ECS reports\)\*\* \| `model-server:1`, PRIMARY deployment `ecs-svc\/\d+` COMPLETED, 2\/2 running \|/);
  });

  it('replaced by a deployment of the previous revision that deploy-ecs did not start, breaker off: not credited to the circuit breaker', async () => {
    ecs.layer.planDeployments(target(), { outcome: 'stuck' });
    const other = untilLayer((st) => st.services[0]?.deployments.some((d) => d.status === 'PRIMARY' && d.rolloutState === 'IN_PROGRESS')).then(() =>
      ecs.fx.client.send(new UpdateServiceCommand({ ...target(), taskDefinition: ecs.fx.taskDefinitionArn, forceNewDeployment: true })),
    );
    const r = await deploy({ image: 'registry.example/model:2', 'environment-variables': 'X=1' });
    await other;
    expect(r.error).toBeInstanceOf(DeploymentFailedError);
    // someone else's deployment of the previous revision with the circuit breaker off: not the breaker's rollback
    expect(r.report!.rollback?.startedBy).toBe('other');
    expect(r.summary).toContain('a deployment not started by deploy-ecs (ECS reports the circuit breaker off)');
    expect(r.report!.failure).toMatch(/not started by deploy-ecs; ECS reports the circuit breaker off/);
    expect(r.outputs['task-definition-arn']).toBeUndefined();
  });
});

describe('claims come from what ECS reports afterwards', () => {
  it('against moto alone (no rollout ever happens) nothing is claimed deployed or rolled back', async () => {
    // moto stores the new task definition on the service but keeps its one old deployment.
    const saved = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = ecs.moto.url;
    let r;
    try {
      r = await deploy({ image: 'registry.example/model:2' });
    } finally {
      process.env.AWS_ENDPOINT_URL = saved;
    }
    expect(r.error!.message).toMatch(/UpdateService did not start a deployment of .*model-server:2/);
    expect(r.outputs.result).toBe('failed');
    expect(r.report!.rollback).toBeUndefined();
    expect(r.outputs['task-definition-arn']).toBeUndefined();
    // what ECS (moto) reports: the service names model-server:2, its PRIMARY deployment model-server:1
    expect(r.report!.servingNow).toMatchObject({ taskDefinitionArn: expect.stringMatching(/model-server:2$/), primaryTaskDefinitionArn: ecs.fx.taskDefinitionArn });
    expect(r.summary).toMatch(/Serving now \(as ECS reports\)\*\* \| `model-server:2` \(its PRIMARY deployment runs `model-server:1`\)/);
    expect(r.summary).not.toMatch(/rolled back|circuit breaker/i);
  });
});

describe('stopped tasks: one annotation per reason, a next step, links', () => {
  it('3 OOM-killed tasks: one annotation with the task memory, task console and CloudWatch stream links', async () => {
    ecs.layer.planDeployments(target(), {
      outcome: 'fail',
      steps: 3,
      failedTasks: 3,
      exitCode: 137,
      containerReason: 'OutOfMemoryError: Container killed due to memory usage',
    });
    const r = await deploy(
      {
        image: 'registry.example/model:big',
        'circuit-breaker': 'off',
        'log-configuration-log-driver': 'awslogs',
        'log-configuration-options': 'awslogs-group=/ecs/model\nawslogs-region=us-east-1\nawslogs-stream-prefix=ecs',
      },
      { consoleLinks: true, region: TEST_REGION },
    );
    expect(r.error).toBeInstanceOf(DeploymentFailedError);
    const groups = r.log.filter((l) => l.startsWith('error: ') && / stopped: /.test(l));
    expect(groups).toHaveLength(1);
    const [annotation] = groups;
    expect(annotation).toMatch(/^error: 3 tasks of 'model-svc' stopped: exit 137, OutOfMemoryError: Container killed due to memory usage, Essential container in task exited\n/);
    expect(annotation).toContain('Next step: out of memory: the task has 512 MiB');
    expect(annotation).toContain('`memory` input');
    const ids = r.report!.stoppedTaskGroups![0]!.taskIds;
    expect(ids).toHaveLength(3);
    expect(annotation).toContain(`https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/${ecs.fx.clusterName}/tasks/${ids[0]}/configuration?region=us-east-1`);
    expect(annotation).toContain(
      `https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Fecs$252Fmodel/log-events/ecs$252Fmodel-server$252F${ids[0]}`,
    );
    // each task is still listed once in the report, as info lines, not annotations
    expect(r.report!.stoppedTasks).toHaveLength(3);
    expect(r.log.filter((l) => l.startsWith('  stopped task '))).toHaveLength(3);
    expect(r.error!.message).toContain('stopped tasks: 3× exit 137, OutOfMemoryError');
    expect(r.summary).toMatch(/\| 3 \| exit 137, OutOfMemoryError: Container killed due to memory usage, Essential container in task exited \| out of memory: the task has 512 MiB/);
    expect(r.summary).toContain('[log 1](https://us-east-1.console.aws.amazon.com/cloudwatch/');
  });

  it('an image that cannot be pulled: the hint names the image and the execution role', async () => {
    ecs.layer.planDeployments(target(), {
      outcome: 'fail',
      steps: 2,
      failedTasks: 2,
      stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): registry.example/model:nope: not found',
    });
    const r = await deploy({ image: 'registry.example/model:nope', 'circuit-breaker': 'off', 'execution-role-arn': 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole' });
    const groups = r.log.filter((l) => l.startsWith('error: ') && / stopped: /.test(l));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toContain('Next step: the image could not be pulled: check that `registry.example/model:nope` exists');
    expect(groups[0]).toContain('the execution role `arn:aws:iam::123456789012:role/ecsTaskExecutionRole` may pull it');
    // no console links off AWS (AWS_ENDPOINT_URL points at the emulator)
    expect(groups[0]).not.toContain('console.aws.amazon.com');
  });
});
