/**
 * Registering once. Behaviour from where:
 * - moto: task definition revisions, ListTaskDefinitions, DescribeTaskDefinition, deregistration.
 * - the ECS layer: fault `drop-response` forwards RegisterTaskDefinition to moto (which registers
 *   the revision) and then drops the connection, so the SDK retries and registers again; denials.
 * deploy-ecs must never leave a revision behind that the summary does not name, and a rerun of
 * the same deploy re-uses the identical revision instead of registering another.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ListTaskDefinitionsCommand } from '@aws-sdk/client-ecs';
import { applyAwsEnv } from '@ml-deploy/test/harness/aws-env';
import { useEcsEmulator } from '@ml-deploy/test/harness/ecs-emulator-jest';
import { type DeployOptions, deployWith } from './deploy-with';

const ecs = useEcsEmulator();
let restoreEnv: () => void;
let workDir: string;
beforeAll(async () => {
  restoreEnv = applyAwsEnv(ecs.layer.url);
  workDir = await mkdtemp(join(tmpdir(), 'deploy-ecs-registration-'));
});
afterAll(() => restoreEnv?.());

const deploy = (overrides: Record<string, string>, opts: DeployOptions = {}) => deployWith(ecs, workDir, overrides, opts);

async function activeRevisions(): Promise<string[]> {
  const out = await ecs.fx.client.send(new ListTaskDefinitionsCommand({ familyPrefix: ecs.fx.family, status: 'ACTIVE' }));
  return out.taskDefinitionArns ?? [];
}

describe('registration when the response is lost', () => {
  it('a retried call registers twice: the duplicate is deregistered and named', async () => {
    ecs.layer.injectFault({ operation: 'RegisterTaskDefinition', kind: 'drop-response', count: 1 });
    const r = await deploy({ image: 'registry.example/model:2' }, { maxAttempts: 3 });
    expect(r.error).toBeUndefined();
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(2); // moto registered :2 and :3
    expect(r.outputs['task-definition-arn']).toMatch(/:3$/);
    expect(await activeRevisions()).toEqual([ecs.fx.taskDefinitionArn, r.outputs['task-definition-arn']]);
    expect(r.report!.extraRevisions).toEqual([expect.objectContaining({ taskDefinitionArn: expect.stringMatching(/:2$/), action: 'deregistered' })]);
    expect(r.summary).toMatch(/Other revisions this run registered.*:2.*deregistered/s);
    expect(r.log.join('\n')).toMatch(/deregistered arn:aws:ecs:\S*:2: the same registration, made twice/);
  });

  it('every attempt lost: the revision the calls made is found and used, the others deregistered', async () => {
    ecs.layer.injectFault({ operation: 'RegisterTaskDefinition', kind: 'drop-response', count: 2 });
    const r = await deploy({ image: 'registry.example/model:2' }, { maxAttempts: 2 });
    expect(r.error).toBeUndefined();
    expect(r.report!.result).toBe('deployed');
    expect(r.outputs['task-definition-arn']).toMatch(/:3$/);
    expect(r.log.join('\n')).toMatch(/RegisterTaskDefinition failed .* but it had registered \S*:3 \(found afterwards\): using it/);
    expect(await activeRevisions()).toEqual([ecs.fx.taskDefinitionArn, r.outputs['task-definition-arn']]);
    expect(r.report!.extraRevisions?.map((e) => e.action)).toEqual(['deregistered']);
  });

  it('when deregistering is refused, the revision left behind is named in the summary and report', async () => {
    ecs.layer.injectFault({ operation: 'RegisterTaskDefinition', kind: 'drop-response', count: 1 });
    ecs.layer.denyOperation('DeregisterTaskDefinition');
    const r = await deploy({ image: 'registry.example/model:2' }, { maxAttempts: 3 });
    expect(r.error).toBeUndefined();
    expect(r.report!.extraRevisions).toEqual([expect.objectContaining({ taskDefinitionArn: expect.stringMatching(/:2$/), action: 'left registered' })]);
    expect(r.summary).toMatch(/:2.*left registered/s);
    expect(await activeRevisions()).toHaveLength(3);
  });

  it('with no lost response, one call is made and nothing is deregistered', async () => {
    const r = await deploy({ image: 'registry.example/model:2' });
    expect(r.error).toBeUndefined();
    expect(r.report!.extraRevisions ?? []).toEqual([]);
    expect(ecs.layer.countCalls('DeregisterTaskDefinition')).toBe(0);
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(1);
  });
});

describe('re-using an identical revision', () => {
  it('a rerun of the same deploy registers nothing and deploys the same revision', async () => {
    const first = await deploy({ image: 'registry.example/model:2', 'environment-variables': 'MODE=a' });
    expect(first.error).toBeUndefined();
    expect(first.outputs.revision).toBe('2');
    ecs.layer.resetCalls();
    const again = await deploy({ image: 'registry.example/model:2', 'environment-variables': 'MODE=a' });
    expect(again.error).toBeUndefined();
    expect(again.report!.result).toBe('deployed');
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(0);
    expect(again.outputs['task-definition-arn']).toBe(first.outputs['task-definition-arn']);
    expect(again.report!.reusedRevision).toBe(true);
    expect(again.summary).toMatch(/identical revision re-used, nothing registered/);
    expect(await activeRevisions()).toHaveLength(2);
  });

  it('any difference registers a new revision', async () => {
    await deploy({ image: 'registry.example/model:2', 'environment-variables': 'MODE=a' });
    ecs.layer.resetCalls();
    const changed = await deploy({ image: 'registry.example/model:2', 'environment-variables': 'MODE=b' });
    expect(changed.error).toBeUndefined();
    expect(ecs.layer.countCalls('RegisterTaskDefinition')).toBe(1);
    expect(changed.outputs.revision).toBe('3');
    expect(changed.report!.reusedRevision).toBeUndefined();
  });
});
