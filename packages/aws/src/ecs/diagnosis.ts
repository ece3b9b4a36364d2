/**
 * Why a deployment failed, from what ECS reports: its stopped tasks, with their stop reasons and
 * their containers' exit codes and reasons. Each task gets one line in the report; tasks that
 * stopped for the same reason are grouped into one error annotation ("3 tasks: exit 137,
 * OutOfMemoryError: ..."), with a next step for common reasons and links to the ECS console and to
 * each stopped task's CloudWatch log stream when the task definition uses awslogs.
 */
import type { Task, TaskDefinition } from '@aws-sdk/client-ecs';
import type { Logger } from '@ml-deploy/action-kit';
import type { DeployReport } from './report';

/** Stopped tasks of one deployment that share a reason. */
export interface StoppedTaskGroup {
  /** `exit 137, OutOfMemoryError: Container killed due to memory usage` */
  reason: string;
  count: number;
  taskIds: string[];
  /** A next step for common reasons (memory, image pull, health checks, exit codes). */
  hint?: string | undefined;
  /** ECS console page of each task (at most 3), when console links are shown. */
  taskLinks?: string[];
  /** CloudWatch log stream of each task's failed containers (at most 3), when awslogs is used. */
  logLinks?: string[];
}

/** Grouped reasons shown as error annotations per service; the rest are summed up in one more. */
export const MAX_GROUP_ANNOTATIONS = 4;

/** One line per stopped task: why it stopped and what its containers said. */
export function describeStoppedTask(task: Task): string {
  const id = taskId(task);
  const containers = (task.containers ?? [])
    .filter((c) => c.reason || c.exitCode !== undefined)
    .map((c) => `${c.name}${c.exitCode !== undefined ? ` exit ${c.exitCode}` : ''}${c.reason ? `: ${c.reason}` : ''}`);
  return `${id}: ${task.stoppedReason ?? task.stopCode ?? 'stopped'}${containers.length ? ` (${containers.join('; ')})` : ''}`;
}

function taskId(task: Task): string {
  return task.taskArn?.split('/').pop() ?? 'task';
}

/** The containers that explain a stop: non-zero exits and containers with a reason. */
function failedContainers(task: Task) {
  return (task.containers ?? []).filter((c) => (c.exitCode !== undefined && c.exitCode !== 0) || c.reason);
}

/** The reason tasks are grouped by: exit codes, container reasons, then the task's stop reason. */
export function groupKey(task: Task): string {
  const parts: string[] = [];
  for (const c of failedContainers(task)) {
    if (c.exitCode !== undefined) parts.push(`exit ${c.exitCode}`);
    if (c.reason) parts.push(c.reason);
  }
  const stopped = task.stoppedReason ?? task.stopCode;
  if (stopped && !parts.includes(stopped)) parts.push(stopped);
  return [...new Set(parts)].join(', ') || 'stopped';
}

export interface DiagnosisContext {
  cluster: string;
  /** Region for console links; undefined: no links (off AWS, or the region is not known). */
  consoleRegion: string | undefined;
  /** The task definition the stopped tasks ran (memory, execution role, log configuration). */
  taskDefinition?: TaskDefinition | undefined;
}

/** Groups stopped tasks by reason, most frequent first, each with a hint and links. */
export function groupStoppedTasks(tasks: Task[], ctx: DiagnosisContext): StoppedTaskGroup[] {
  const groups = new Map<string, Task[]>();
  for (const t of tasks) {
    const key = groupKey(t);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([reason, members]) => {
      const g: StoppedTaskGroup = { reason, count: members.length, taskIds: members.map(taskId), hint: hintFor(members[0]!, ctx.taskDefinition) };
      if (ctx.consoleRegion) {
        g.taskLinks = members.slice(0, 3).map((t) => ecsTaskConsoleUrl(ctx.consoleRegion!, ctx.cluster, taskId(t)));
        const logs = members.slice(0, 3).flatMap((t) => logStreamLinks(t, ctx.taskDefinition, ctx.consoleRegion!));
        if (logs.length) g.logLinks = logs;
      }
      return g;
    });
}

/** The annotation text of one group: count, reason, next step, links. */
export function formatGroup(g: StoppedTaskGroup, service: string | undefined): string {
  const lines = [`${g.count} ${g.count === 1 ? 'task' : 'tasks'}${service ? ` of '${service}'` : ''} stopped: ${g.reason}`];
  if (g.hint) lines.push(`Next step: ${g.hint}`);
  if (g.taskLinks?.length) lines.push(`Task${g.taskLinks.length > 1 ? 's' : ''}: ${g.taskLinks.join(' ')}`);
  if (g.logLinks?.length) lines.push(`Logs: ${g.logLinks.join(' ')}`);
  return lines.join('\n');
}

/**
 * Records the stopped tasks in the report (one line each, logged as info) and prints one error
 * annotation per reason, at most MAX_GROUP_ANNOTATIONS, the rest summed up in one more.
 */
export function recordStoppedTasks(report: DeployReport, tasks: Task[], logger: Logger, ctx?: DiagnosisContext): void {
  report.stoppedTasks = tasks.map(describeStoppedTask);
  for (const line of report.stoppedTasks) logger.info(`  stopped task ${line}`);
  const groups = groupStoppedTasks(tasks, ctx ?? { cluster: report.cluster, consoleRegion: undefined });
  report.stoppedTaskGroups = groups;
  const shown = groups.length > MAX_GROUP_ANNOTATIONS + 1 ? groups.slice(0, MAX_GROUP_ANNOTATIONS) : groups;
  for (const g of shown) logger.error(formatGroup(g, report.service));
  const rest = groups.slice(shown.length);
  if (rest.length) {
    logger.error(`${rest.reduce((n, g) => n + g.count, 0)} more stopped tasks with ${rest.length} other reasons: ${rest.map((g) => `${g.count}× ${g.reason}`).join('; ')} (all in the job summary and report)`);
  }
}

/** `; stopped tasks: 3× reason | 1× reason` for an error message (at most three reasons). */
export function stoppedReasonsSuffix(report: DeployReport): string {
  const groups = report.stoppedTaskGroups ?? [];
  if (groups.length) return `; stopped tasks: ${groups.slice(0, 3).map((g) => `${g.count}× ${g.reason}`).join(' | ')}`;
  const reasons = [...new Set(report.stoppedTasks.map((t) => t.split(': ').slice(1).join(': ')))];
  return reasons.length ? `; stopped tasks: ${reasons.slice(0, 3).join(' | ')}` : '';
}

/** A next step for the reasons on-call meets most; undefined when there is nothing useful to add. */
export function hintFor(task: Task, td: TaskDefinition | undefined): string | undefined {
  const containers = failedContainers(task);
  const text = [task.stoppedReason ?? '', task.stopCode ?? '', ...containers.map((c) => c.reason ?? '')].join(' ');
  const exit = containers.find((c) => c.exitCode !== undefined && c.exitCode !== 0)?.exitCode;
  const first = containers[0] ?? task.containers?.[0];

  if (/OutOfMemory|out of memory|OOM|memory usage/i.test(text)) {
    const taskMemory = task.memory ?? td?.memory;
    const limits = (task.containers ?? [])
      .filter((c) => c.memory || c.memoryReservation)
      .map((c) => `${c.name} ${c.memory ? `limit ${c.memory} MiB` : `reservation ${c.memoryReservation} MiB`}`);
    return `out of memory: the task has ${taskMemory ? `${taskMemory} MiB` : 'no task-level memory'}${limits.length ? ` (${limits.join(', ')})` : ''}. Raise it with the \`memory\` input (on Fargate, a size the task's CPU allows) or the container's \`memory\` in the task definition, or make the model use less (smaller batch, fewer workers).`;
  }
  if (/secret|ssm|parameter|kms/i.test(text) && /ResourceInitializationError|unable to (pull|retrieve|fetch)/i.test(text)) {
    return `ECS could not read a secret: the execution role ${td?.executionRoleArn ? `\`${td.executionRoleArn}\`` : '(none is set)'} needs secretsmanager:GetSecretValue / ssm:GetParameters on it (and kms:Decrypt for a customer key), and the secret must exist in the task's region.`;
  }
  if (/CannotPullContainer|pull image|image manifest|manifest unknown|pull access denied|ecr\b|registry/i.test(text)) {
    const image = first?.image ?? td?.containerDefinitions?.find((c) => c.name === first?.name)?.image ?? td?.containerDefinitions?.[0]?.image;
    return `the image could not be pulled: check that ${image ? `\`${image}\`` : 'the image'} exists (tag or digest), that the execution role ${td?.executionRoleArn ? `\`${td.executionRoleArn}\`` : '(none is set: add `execution-role-arn`)'} may pull it (ecr:GetAuthorizationToken, ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage), and that the task's subnets reach the registry (NAT gateway, or VPC endpoints for ECR and S3).`;
  }
  if (/ELB health check|target group|load balancer health/i.test(text)) {
    return `the load balancer's health checks failed: check that the target group's health check path and port match what the container serves, and that the model loads within the service's health check grace period (healthCheckGracePeriodSeconds).`;
  }
  if (/container health check|unhealthy/i.test(text)) {
    return `the container's own health check failed: check its healthCheck command, and give a slow model load a longer startPeriod.`;
  }
  switch (exit) {
    case 137:
      return `exit 137 is SIGKILL: the container was killed, usually for memory (the task has ${task.memory ?? td?.memory ?? '?'} MiB) or because it did not stop within stopTimeout after SIGTERM. Its log shows how far it got.`;
    case 139:
      return 'exit 139 is a segmentation fault in the container (a native library, or an image built for another CPU architecture): see its log.';
    case 143:
      return 'exit 143 is SIGTERM: something stopped the container (ECS replacing the task, a failed health check, a scale-in); see the stop reason and the service events.';
    case 126:
    case 127:
      return `exit ${exit}: the container's command ${exit === 127 ? 'was not found' : 'could not be executed'}: check \`command\` / \`entry-point\` and that the image has the program (and the right architecture).`;
    case undefined:
      break;
    default:
      return `the application exited with code ${exit}: its log says why${td && awslogsOf(td, first?.name) ? ' (link below)' : ''}.`;
  }
  if (containers.some((c) => c.exitCode === 0) && /Essential container/i.test(text)) {
    return 'an essential container exited with code 0: a server should keep running; check its command.';
  }
  return undefined;
}

/** Link to one task in the ECS console. */
export function ecsTaskConsoleUrl(region: string, cluster: string, task: string): string {
  return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${encodeURIComponent(cluster)}/tasks/${encodeURIComponent(task)}/configuration?region=${region}`;
}

/** The CloudWatch console encodes path parts twice, with `$` for `%`. */
function cwEncode(s: string): string {
  return encodeURIComponent(encodeURIComponent(s)).replace(/%/g, '$');
}

/** Link to a CloudWatch Logs stream (or the group, without a stream) in the console. */
export function cloudWatchLogUrl(region: string, group: string, stream?: string): string {
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${cwEncode(group)}${stream ? `/log-events/${cwEncode(stream)}` : ''}`;
}

function awslogsOf(td: TaskDefinition, container: string | undefined) {
  const def = td.containerDefinitions?.find((c) => c.name === container);
  const lc = def?.logConfiguration;
  return lc?.logDriver === 'awslogs' && lc.options?.['awslogs-group'] ? lc.options : undefined;
}

/** The awslogs stream of each failed container of `task`: `prefix/container/task-id`. */
function logStreamLinks(task: Task, td: TaskDefinition | undefined, region: string): string[] {
  if (!td) return [];
  const containers = failedContainers(task);
  return (containers.length ? containers : (task.containers ?? [])).flatMap((c) => {
    const o = td && awslogsOf(td, c.name);
    if (!o) return [];
    const prefix = o['awslogs-stream-prefix'];
    return [cloudWatchLogUrl(o['awslogs-region'] ?? region, o['awslogs-group']!, prefix ? `${prefix}/${c.name}/${taskId(task)}` : undefined)];
  });
}
