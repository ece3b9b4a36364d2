/** The layer's rollout model, stepped without moto: the arithmetic of its scripts. */
import { describe, expect, it } from '@jest/globals';
import { RolloutModel, normalizePlan, type DeploymentPlan, type MotoService } from '@ml-deploy/test/harness/ecs-rollout';

const svc = (desiredCount: number): MotoService => ({
  serviceArn: 'arn:aws:ecs:eu-west-1:111122223333:service/c1/s1',
  serviceName: 's1',
  clusterArn: 'arn:aws:ecs:eu-west-1:111122223333:cluster/c1',
  desiredCount,
  taskDefinition: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/f:1',
  launchType: 'FARGATE',
  deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/f:1', createdAt: 1_700_000_000 }],
});

function run(plan: DeploymentPlan, desired: number, calls: number) {
  const model = new RolloutModel();
  model.queuePlans('c1', 's1', [plan]);
  const state = model.observe(svc(desired))!;
  const d = model.startDeployment(state, svc(desired), 'arn:aws:ecs:eu-west-1:111122223333:task-definition/f:2');
  const seen: Array<[number, number, number, string]> = [];
  for (let i = 0; i < calls; i++) {
    model.advance(state, () => ({ arn: d.taskDefinition, containers: [{ name: 'model-server', image: 'm:2' }] }));
    seen.push([d.runningCount, d.pendingCount, d.failedTasks, d.rolloutState]);
  }
  return { model, state, seen };
}

describe('RolloutModel', () => {
  it.each<[string, DeploymentPlan, number, Array<[number, number, number, string]>]>([
    ['complete in 1 step', { outcome: 'complete', steps: 1 }, 2, [[2, 0, 0, 'COMPLETED']]],
    ['complete in 4 steps, 3 tasks', { outcome: 'complete', steps: 4 }, 3, [[0, 3, 0, 'IN_PROGRESS'], [1, 2, 0, 'IN_PROGRESS'], [2, 1, 0, 'IN_PROGRESS'], [3, 0, 0, 'COMPLETED']]],
    ['fail in 3 steps, 5 tasks', { outcome: 'fail', steps: 3, failedTasks: 5 }, 2, [[0, 2, 3, 'IN_PROGRESS'], [0, 2, 5, 'IN_PROGRESS'], [0, 0, 5, 'FAILED']]],
    ['fail in 1 step', { outcome: 'fail', steps: 1, failedTasks: 2 }, 2, [[0, 0, 2, 'FAILED']]],
    ['stuck', { outcome: 'stuck' }, 2, [[0, 2, 0, 'IN_PROGRESS'], [0, 2, 0, 'IN_PROGRESS'], [0, 2, 0, 'IN_PROGRESS']]],
  ])('%s', (_name, plan, desired, expected) => {
    expect(run(plan, desired, expected.length).seen).toEqual(expected);
  });

  it('adopts the first deployment it sees as COMPLETED and running', () => {
    const model = new RolloutModel();
    const state = model.observe(svc(3))!;
    expect(state.deployments).toEqual([expect.objectContaining({ id: 'ecs-svc/1', status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 3, pendingCount: 0, createdAt: 1_700_000_000 })]);
    expect(state.region).toBe('eu-west-1');
  });

  it('makes stopped tasks in the service region and account, one per failed task', () => {
    const { model } = run({ outcome: 'fail', steps: 1, failedTasks: 3 }, 2, 1);
    const tasks = [...model.tasks.values()];
    expect(tasks).toHaveLength(3);
    for (const t of tasks) {
      expect(t.json.taskArn).toMatch(/^arn:aws:ecs:eu-west-1:111122223333:task\/c1\/[0-9a-f]{32}$/);
      expect(t.desiredStatus).toBe('STOPPED');
    }
  });

  it('rejects plans it cannot follow', () => {
    expect(() => normalizePlan({ outcome: 'complete', steps: 0 })).toThrow(/steps must be an integer >= 1, got 0/);
    expect(() => normalizePlan({ outcome: 'explode' } as unknown as DeploymentPlan)).toThrow(/unknown plan outcome "explode"/);
  });
});
