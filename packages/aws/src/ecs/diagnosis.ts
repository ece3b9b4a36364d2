/**
 * Why a deployment failed, from what ECS reports: its stopped tasks, with their stop reasons and
 * their containers' exit codes and reasons, one line each.
 */
import type { Task } from '@aws-sdk/client-ecs';
import type { Logger } from '@ml-deploy/action-kit';
import type { DeployReport } from './report';

/** One line per stopped task: why it stopped and what its containers said. */
export function describeStoppedTask(task: Task): string {
  const id = task.taskArn?.split('/').pop() ?? 'task';
  const containers = (task.containers ?? [])
    .filter((c) => c.reason || c.exitCode !== undefined)
    .map((c) => `${c.name}${c.exitCode !== undefined ? ` exit ${c.exitCode}` : ''}${c.reason ? `: ${c.reason}` : ''}`);
  return `${id}: ${task.stoppedReason ?? task.stopCode ?? 'stopped'}${containers.length ? ` (${containers.join('; ')})` : ''}`;
}

export function recordStoppedTasks(report: DeployReport, tasks: Task[], logger: Logger): void {
  report.stoppedTasks = tasks.map(describeStoppedTask);
  for (const line of report.stoppedTasks) logger.error(`  stopped task ${line}`);
}

/** `; stopped tasks: reason | reason` for an error message (at most three distinct reasons). */
export function stoppedReasonsSuffix(report: DeployReport): string {
  const reasons = [...new Set(report.stoppedTasks.map((t) => t.split(': ').slice(1).join(': ')))];
  return reasons.length ? `; stopped tasks: ${reasons.slice(0, 3).join(' | ')}` : '';
}
