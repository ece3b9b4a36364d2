import { describe, expect, it } from '@jest/globals';
import type { Task, TaskDefinition } from '@aws-sdk/client-ecs';
import { memoryLogger } from '@ml-deploy/action-kit';
import {
  checkClaimsAgainstEcs,
  cloudWatchLogUrl,
  type DeployReport,
  groupStoppedTasks,
  hintFor,
  MAX_GROUP_ANNOTATIONS,
  newDeployReport,
  recordStoppedTasks,
  resultOutput,
} from '@ml-deploy/aws';

/** Stopped tasks shaped as DescribeTasks returns them (the fields the diagnosis reads). */
function task(id: string, opts: { stoppedReason?: string; exitCode?: number; reason?: string; memory?: string; image?: string }): Task {
  return {
    taskArn: `arn:aws:ecs:us-east-1:123456789012:task/ml/${id}`,
    stoppedReason: opts.stoppedReason ?? 'Essential container in task exited',
    stopCode: 'EssentialContainerExited',
    memory: opts.memory ?? '1024',
    containers: [{ name: 'model-server', image: opts.image ?? 'registry.example/model:2', exitCode: opts.exitCode, reason: opts.reason }],
  };
}

const TD: TaskDefinition = {
  family: 'model-server',
  memory: '1024',
  executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
  containerDefinitions: [
    { name: 'model-server', image: 'registry.example/model:2', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/model', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs' } } },
  ],
};

describe('stopped tasks grouped by reason', () => {
  it('groups by exit code and reasons, most frequent first', () => {
    const tasks = [
      task('a', { exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }),
      task('b', { exitCode: 1 }),
      task('c', { exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }),
      task('d', { exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }),
    ];
    const groups = groupStoppedTasks(tasks, { cluster: 'ml', consoleRegion: undefined, taskDefinition: TD });
    expect(groups.map((g) => [g.count, g.reason])).toEqual([
      [3, 'exit 137, OutOfMemoryError: Container killed due to memory usage, Essential container in task exited'],
      [1, 'exit 1, Essential container in task exited'],
    ]);
    expect(groups[0]!.taskIds).toEqual(['a', 'c', 'd']);
    expect(groups[0]!.taskLinks).toBeUndefined();
  });

  it('never more than MAX_GROUP_ANNOTATIONS + 1 annotations per service; the rest summed up', () => {
    const tasks = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => task(`t${n}`, { exitCode: 10 + n }));
    const report = newDeployReport({ cluster: 'ml', service: 'svc' }, 0);
    const log = memoryLogger();
    recordStoppedTasks(report, tasks, log);
    const errors = log.lines.filter((l) => l.startsWith('error: '));
    expect(errors).toHaveLength(MAX_GROUP_ANNOTATIONS + 1);
    expect(errors.at(-1)).toMatch(/^error: 4 more stopped tasks with 4 other reasons: 1× exit 14, .*1× exit 17, Essential container in task exited \(all in the job summary and report\)$/);
    expect(report.stoppedTaskGroups).toHaveLength(8);
    expect(log.lines.filter((l) => l.startsWith('  stopped task '))).toHaveLength(8);
  });

  it('links the task in the ECS console and the awslogs stream in the awslogs region', () => {
    const [g] = groupStoppedTasks([task('abc', { exitCode: 1 })], { cluster: 'ml cluster', consoleRegion: 'us-east-1', taskDefinition: TD });
    expect(g!.taskLinks).toEqual(['https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/ml%20cluster/tasks/abc/configuration?region=us-east-1']);
    expect(g!.logLinks).toEqual([
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/$252Fecs$252Fmodel/log-events/ecs$252Fmodel-server$252Fabc',
    ]);
    expect(cloudWatchLogUrl('us-east-1', '/aws/ecs')).toBe('https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Fecs');
  });
});

describe('next steps for common reasons', () => {
  it.each([
    [{ exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage', memory: '2048' }, /^out of memory: the task has 2048 MiB.*`memory` input/],
    [{ stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s)', image: 'r.example/m:9' }, /`r\.example\/m:9` exists.*execution role `arn:aws:iam::123456789012:role\/exec` may pull it.*ecr:BatchGetImage/],
    [{ stoppedReason: 'ResourceInitializationError: unable to pull secrets or registry auth: unable to retrieve secret from asm' }, /ECS could not read a secret: the execution role `arn:aws:iam::123456789012:role\/exec` needs secretsmanager:GetSecretValue/],
    [{ stoppedReason: 'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/tg/1)' }, /load balancer's health checks failed.*healthCheckGracePeriodSeconds/],
    [{ stoppedReason: 'Task failed container health checks' }, /container's own health check failed.*startPeriod/],
    [{ exitCode: 127 }, /^exit 127: the container's command was not found: check `command` \/ `entry-point`/],
    [{ exitCode: 139 }, /^exit 139 is a segmentation fault/],
    [{ exitCode: 137 }, /^exit 137 is SIGKILL.*1024 MiB/],
    [{ exitCode: 3 }, /^the application exited with code 3: its log says why \(link below\)/],
  ])('%j', (t, hint) => {
    expect(hintFor(task('x', t), TD)).toMatch(hint);
  });

  it('no hint when there is nothing useful to say', () => {
    expect(hintFor({ taskArn: 'x', stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/1)', containers: [{ name: 'a', exitCode: 0 }] }, undefined)).toBeUndefined();
  });
});

describe('claims checked against what ECS reports afterwards', () => {
  const rolledBack = (): DeployReport => ({
    ...newDeployReport({ cluster: 'ml', service: 'svc' }, 0),
    result: 'rolled-back',
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:1:task-definition/m:2',
    previousTaskDefinitionArn: 'arn:aws:ecs:us-east-1:1:task-definition/m:1',
    rollback: { deploymentId: 'ecs-svc/2', taskDefinitionArn: 'arn:aws:ecs:us-east-1:1:task-definition/m:1', startedBy: 'ecs-circuit-breaker', result: 'completed: the previous task definition serves again' },
  });
  const serving = (td: string, rolloutState = 'COMPLETED') => ({ taskDefinitionArn: `arn:aws:ecs:us-east-1:1:task-definition/${td}`, deploymentId: 'ecs-svc/9', rolloutState, runningCount: 2, desiredCount: 2, observedAt: '' });

  it('a rollback ECS does not confirm is not reported as one', () => {
    const r = rolledBack();
    r.servingNow = serving('m:2');
    const log = memoryLogger();
    checkClaimsAgainstEcs(r, log);
    expect(r.result).toBe('failed');
    expect(r.rollback!.result).toBe('not confirmed: ECS reports the service runs arn:aws:ecs:us-east-1:1:task-definition/m:2 (PRIMARY deployment ecs-svc/9 COMPLETED, 2/2 running), not the previous arn:aws:ecs:us-east-1:1:task-definition/m:1');
    expect(resultOutput(r)).toBe('failed');
    expect(log.lines[0]).toMatch(/^error: rollback not confirmed/);
  });

  it('on the previous revision but still rolling out: not finished', () => {
    const r = rolledBack();
    r.servingNow = serving('m:1', 'IN_PROGRESS');
    checkClaimsAgainstEcs(r, memoryLogger());
    expect(r.result).toBe('failed');
    expect(r.rollback!.result).toMatch(/^not finished: ECS reports the service runs .*m:1 \(PRIMARY deployment ecs-svc\/9 IN_PROGRESS/);
  });

  it('confirmed: stays rolled-back', () => {
    const r = rolledBack();
    r.servingNow = serving('m:1');
    checkClaimsAgainstEcs(r, memoryLogger());
    expect(r.result).toBe('rolled-back');
    expect(resultOutput(r)).toBe('rolled-back');
  });

  it('cancelled counts as rolled-back only once ECS reports the previous revision completed', () => {
    const r = { ...rolledBack(), result: 'cancelled' as const };
    expect(resultOutput({ ...r, servingNow: serving('m:1', 'IN_PROGRESS') })).toBe('failed');
    expect(resultOutput({ ...r, servingNow: serving('m:1') })).toBe('rolled-back');
    expect(resultOutput({ ...r, servingNow: undefined })).toBe('failed');
  });
});
