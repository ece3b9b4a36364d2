/**
 * deploy-ecs: render → register → update the service → wait for this deployment → on failure put
 * the previous task definition back and wait for that. Everything it needs comes in as arguments.
 */
import type { Deployment, Service, ServiceEvent, Task } from '@aws-sdk/client-ecs';
import {
  type ActionContext,
  CancelledError,
  type Clock,
  DeadlineError,
  formatDuration,
  systemClock,
  toError,
  UserError,
} from '@ml-deploy/action-kit';
import { parseTaskDefinitionRef } from '@ml-deploy/aws';
import { describeStoppedTask, type EcsApi } from './ecs-api';
import type { Inputs } from './inputs';
import { applyChanges, imageDigest, normaliseTaskDefinition, type TaskDefinitionInput } from './render';
import { type RolloutOutcome, watchDeployment } from './rollout';
import { writeSummary, type DeployReport } from './report';

export interface Deps extends Pick<ActionContext, 'logger' | 'summary' | 'setOutput'> {
  api: EcsApi;
  signal?: AbortSignal | undefined;
  clock?: Clock;
  /** Reads and parses the task-definition file (JSON or YAML). */
  readTaskDefinitionFile: (path: string) => Promise<unknown>;
  /** Writes the JSON report and returns its path. */
  writeReport: (report: DeployReport) => Promise<string>;
  /** First interval between DescribeServices calls while waiting. */
  pollIntervalMs?: number;
  region?: string | undefined;
}

/** The deployment failed (and was rolled back, or could not be): the step fails with this. */
export class DeploymentFailedError extends UserError {
  override readonly name = 'DeploymentFailedError';
}

export async function run(inputs: Inputs, deps: Deps): Promise<DeployReport> {
  const clock = deps.clock ?? systemClock;
  const { api, logger } = deps;
  const started = clock.now();
  const report: DeployReport = {
    cluster: inputs.cluster,
    service: inputs.service,
    result: 'failed',
    startedAt: new Date(started).toISOString(),
    changes: [],
    events: [],
    stoppedTasks: [],
  };
  const finish = async () => {
    report.durationMs = clock.now() - started;
    const path = await deps.writeReport(report);
    deps.setOutput('report', path);
    writeSummary(deps.summary, report, deps.region);
  };

  try {
    await deploy(inputs, deps, clock, report);
  } catch (err) {
    const e = toError(err);
    if (e instanceof CancelledError) {
      report.result = 'cancelled';
      report.failure ??= report.taskDefinitionArn
        ? `cancelled after registering ${report.taskDefinitionArn}, before the service was updated: the service is unchanged`
        : 'cancelled before anything was changed';
    } else if (report.result !== 'rolled-back' && report.result !== 'superseded') {
      report.result = 'failed';
    }
    report.error = e.message;
    await finish();
    throw e;
  }
  await finish();
  logger.info(`deploy-ecs: ${report.result} in ${formatDuration(report.durationMs ?? 0)}`);
  return report;
}

async function deploy(inputs: Inputs, deps: Deps, clock: Clock, report: DeployReport): Promise<void> {
  const { api, logger } = deps;
  const cluster = inputs.cluster;
  const serviceName = inputs.service;

  // 1. Everything that can be checked without changing anything.
  let service: Service | undefined;
  if (serviceName) {
    service = await api.describeService(cluster, serviceName);
    checkServiceDeployable(service, cluster);
    report.previousTaskDefinitionArn = service.taskDefinition;
    report.previousRevision = service.taskDefinition ? parseTaskDefinitionRef(service.taskDefinition).revision : undefined;
    deps.setOutput('previous-task-definition-arn', report.previousTaskDefinitionArn);
    deps.setOutput('previous-revision', report.previousRevision);
  }

  let base: TaskDefinitionInput;
  if (inputs['task-definition']) {
    const raw = await deps.readTaskDefinitionFile(inputs['task-definition']);
    base = normaliseTaskDefinition(raw, { input: 'task-definition', label: inputs['task-definition'] });
    logger.info(`task definition: from ${inputs['task-definition']} (family ${base.family})`);
  } else {
    const current = service!.taskDefinition!;
    const { taskDefinition, tags } = await api.describeTaskDefinition(current);
    base = normaliseTaskDefinition({ taskDefinition, tags }, { label: `task definition ${current} that service '${serviceName}' runs` });
    logger.info(`task definition: rendered from ${current}, which the service runs now`);
  }

  const rendered = applyChanges(base, {
    containerName: inputs['container-name'],
    image: inputs.image,
    environment: inputs['environment-variables'],
    secrets: inputs.secrets,
    cpu: inputs.cpu,
    memory: inputs.memory,
  });
  report.changes = rendered.changes;
  report.container = rendered.containerName;
  report.image = rendered.image;
  report.imageDigest = imageDigest(rendered.image);
  deps.setOutput('image-digest', report.imageDigest);
  for (const c of rendered.changes) logger.info(`  ${c}`);
  throwIfAborted(deps.signal);

  // 2. Register.
  const registered = await api.registerTaskDefinition(rendered.taskDefinition);
  report.taskDefinitionArn = registered.taskDefinitionArn;
  report.revision = registered.revision;
  deps.setOutput('task-definition-arn', registered.taskDefinitionArn);
  deps.setOutput('revision', registered.revision);
  logger.info(`registered ${registered.taskDefinitionArn}`);

  if (!serviceName || !service) {
    report.result = 'registered';
    return;
  }
  throwIfAborted(deps.signal);

  // 3. Update the service.
  const deploymentConfiguration = inputs['circuit-breaker']
    ? { ...service.deploymentConfiguration, deploymentCircuitBreaker: { enable: true, rollback: true } }
    : undefined;
  const previousDesired = service.desiredCount;
  const since = clock.now();
  const updated = await api.updateService({
    cluster,
    service: serviceName,
    taskDefinition: registered.taskDefinitionArn,
    ...(inputs['desired-count'] !== undefined ? { desiredCount: inputs['desired-count'] } : {}),
    ...(inputs['force-new-deployment'] ? { forceNewDeployment: true } : {}),
    ...(deploymentConfiguration ? { deploymentConfiguration } : {}),
  });
  const deployment = findDeploymentOf(updated, registered.taskDefinitionArn!);
  if (!deployment?.id) {
    throw new Error(`ecs:UpdateService did not start a deployment of ${registered.taskDefinitionArn} (deployments: ${describeDeployments(updated)})`);
  }
  report.deploymentId = deployment.id;
  deps.setOutput('deployment-id', deployment.id);
  logger.info(`service '${serviceName}' updated: deployment ${deployment.id} started`);

  if (!inputs['wait-for-deployment']) {
    report.result = 'started';
    return;
  }

  // 4. Wait for this deployment.
  const seenEvents = new Set<string>();
  const watch = (deploymentId: string, maxFailedTasks: number | undefined, signal: AbortSignal | undefined) =>
    watchDeployment(api, {
      cluster,
      service: serviceName,
      deploymentId,
      timeoutMs: inputs.timeout,
      maxFailedTasks,
      since,
      logger,
      clock,
      signal,
      intervalMs: deps.pollIntervalMs ?? 6000,
      onService: (s) => collectEvents(report, s.events ?? [], since),
      seenEvents,
    });

  let failure: string;
  try {
    const outcome: RolloutOutcome = await logger.group(`waiting for deployment ${deployment.id}`, () =>
      watch(deployment.id!, inputs['max-failed-tasks'], deps.signal),
    );
    if (outcome.kind === 'completed') {
      report.result = 'deployed';
      report.runningCount = outcome.deployment.runningCount;
      report.desiredCount = outcome.deployment.desiredCount;
      return;
    }
    if (outcome.kind === 'superseded') {
      const by = outcome.by;
      if (by?.taskDefinition && by.taskDefinition === report.previousTaskDefinitionArn) {
        failure = `deployment ${deployment.id} was replaced by ${by.id}, which runs the previous task definition (the ECS circuit breaker rolled it back)`;
      } else {
        // Someone else deployed meanwhile: rolling back would undo their change, so do not.
        report.result = 'superseded';
        throw new DeploymentFailedError(
          `deployment ${deployment.id} was superseded by ${by?.id ?? 'another deployment'} (${by?.taskDefinition ?? 'unknown task definition'}) before it completed; nothing was rolled back`,
        );
      }
    } else {
      failure = `deployment ${deployment.id} failed: ${outcome.reason}`;
    }
  } catch (err) {
    if (err instanceof CancelledError) {
      await onCancelled(inputs, deps, report, serviceName, previousDesired);
      throw err;
    }
    if (!(err instanceof DeadlineError)) throw err;
    failure = err.message;
  }

  // 5. Failure: collect reasons, then roll back.
  logger.error(failure);
  report.failure = failure;
  await api
    .stoppedTasks(cluster, deployment.id)
    .then((tasks) => recordStoppedTasks(report, tasks, logger))
    .catch((err) => logger.warning(`could not list stopped tasks: ${toError(err).message}`));

  if (!inputs['rollback-on-failure'] || !report.previousTaskDefinitionArn) {
    throw new DeploymentFailedError(`${failure}${stoppedReasonsSuffix(report)}; not rolled back (rollback-on-failure: ${inputs['rollback-on-failure']})`);
  }
  await rollBack(inputs, deps, report, serviceName, deployment.id, previousDesired, (id) => watch(id, undefined, undefined));
  throw new DeploymentFailedError(
    `${failure}${stoppedReasonsSuffix(report)}; rolled back to ${report.previousTaskDefinitionArn} (${report.rollback?.result})`,
  );
}

async function rollBack(
  inputs: Inputs,
  deps: Deps,
  report: DeployReport,
  serviceName: string,
  failedDeploymentId: string,
  previousDesired: number | undefined,
  watch: (deploymentId: string) => Promise<RolloutOutcome>,
): Promise<void> {
  const { api, logger } = deps;
  const previous = report.previousTaskDefinitionArn!;
  const svc = await api.describeService(inputs.cluster, serviceName);
  const primary = (svc.deployments ?? []).find((d) => d.status === 'PRIMARY');
  let rollbackId: string | undefined;
  let startedBy: 'ecs-circuit-breaker' | 'deploy-ecs';
  if (primary && primary.id !== failedDeploymentId && primary.taskDefinition === previous) {
    rollbackId = primary.id;
    startedBy = 'ecs-circuit-breaker';
    logger.info(`the ECS circuit breaker is already rolling back: deployment ${rollbackId} runs ${previous}`);
  } else {
    const updated = await api.updateService({
      cluster: inputs.cluster,
      service: serviceName,
      taskDefinition: previous,
      ...(inputs['desired-count'] !== undefined && previousDesired !== undefined ? { desiredCount: previousDesired } : {}),
    });
    rollbackId = findDeploymentOf(updated, previous)?.id;
    startedBy = 'deploy-ecs';
    logger.info(`rolling back: deployment ${rollbackId ?? '(unknown)'} puts ${previous} back`);
  }
  report.rollback = { deploymentId: rollbackId, taskDefinitionArn: previous, startedBy, result: 'in progress' };
  report.result = 'rolled-back';
  if (!rollbackId) {
    report.rollback.result = 'started, but its deployment could not be identified';
    return;
  }
  try {
    const outcome = await logger.group(`waiting for rollback deployment ${rollbackId}`, () => watch(rollbackId));
    report.rollback.result =
      outcome.kind === 'completed'
        ? 'completed: the previous task definition serves again'
        : outcome.kind === 'failed'
          ? `failed too: ${outcome.reason}`
          : `superseded by ${outcome.by?.id ?? 'another deployment'}`;
    if (outcome.kind !== 'completed') report.result = 'failed';
  } catch (err) {
    report.rollback.result = `not confirmed: ${toError(err).message}`;
    report.result = 'failed';
  }
}

/** Cancelled mid-wait: leave the service in a state we can name, and say which. */
async function onCancelled(inputs: Inputs, deps: Deps, report: DeployReport, serviceName: string, previousDesired: number | undefined) {
  report.result = 'cancelled';
  const previous = report.previousTaskDefinitionArn;
  if (inputs['rollback-on-failure'] && previous) {
    // The runner kills the step seconds after SIGINT: start the rollback, do not wait for it.
    try {
      const updated = await deps.api.updateService({
        cluster: inputs.cluster,
        service: serviceName,
        taskDefinition: previous,
        ...(inputs['desired-count'] !== undefined && previousDesired !== undefined ? { desiredCount: previousDesired } : {}),
      });
      const id = findDeploymentOf(updated, previous)?.id;
      report.rollback = { deploymentId: id, taskDefinitionArn: previous, startedBy: 'deploy-ecs', result: 'started on cancellation, not waited for' };
      report.failure = `cancelled while waiting for ${report.deploymentId}; rollback to ${previous} started as deployment ${id ?? '(unknown)'} and was not waited for`;
    } catch (err) {
      report.failure = `cancelled while waiting for ${report.deploymentId}; starting the rollback failed (${toError(err).message}): deployment ${report.deploymentId} is left as ECS runs it${inputs['circuit-breaker'] ? ', with the circuit breaker set to roll back on failure' : ''}`;
    }
  } else {
    report.failure = `cancelled while waiting: deployment ${report.deploymentId} is left in progress${inputs['circuit-breaker'] ? ' (the ECS circuit breaker will roll it back if it fails)' : ''}`;
  }
  deps.logger.warning(report.failure);
}

function checkServiceDeployable(service: Service, cluster: string): void {
  if (service.status && service.status !== 'ACTIVE') {
    throw new UserError(`service '${service.serviceName}' in cluster '${cluster}' is ${service.status}, not ACTIVE: it cannot be deployed to`);
  }
  const controller = service.deploymentController?.type ?? 'ECS';
  if (controller !== 'ECS') {
    throw new UserError(
      `service '${service.serviceName}' uses the ${controller} deployment controller; deploy-ecs drives rolling (ECS-controller) deployments only`,
    );
  }
}

/** The newest PRIMARY deployment running `taskDefinitionArn`, else the PRIMARY one. */
function findDeploymentOf(service: Service, taskDefinitionArn: string): Deployment | undefined {
  const deployments = service.deployments ?? [];
  const matching = deployments
    .filter((d) => d.taskDefinition === taskDefinitionArn)
    .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
  return matching.find((d) => d.status === 'PRIMARY') ?? matching[0] ?? deployments.find((d) => d.status === 'PRIMARY');
}

function describeDeployments(service: Service): string {
  return (service.deployments ?? []).map((d) => `${d.id} ${d.status} ${d.taskDefinition}`).join('; ') || 'none';
}

function collectEvents(report: DeployReport, events: ServiceEvent[], since: number): void {
  for (const e of events) {
    if (!e.id || (e.createdAt?.getTime() ?? 0) < since - 1000) continue;
    if (report.events.some((x) => x.id === e.id)) continue;
    report.events.push({ id: e.id, at: e.createdAt?.toISOString(), message: e.message ?? '' });
  }
  report.events.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
}

function recordStoppedTasks(report: DeployReport, tasks: Task[], logger: Deps['logger']): void {
  report.stoppedTasks = tasks.map(describeStoppedTask);
  for (const line of report.stoppedTasks) logger.error(`  stopped task ${line}`);
}

function stoppedReasonsSuffix(report: DeployReport): string {
  const reasons = [...new Set(report.stoppedTasks.map((t) => t.split(': ').slice(1).join(': ')))];
  return reasons.length ? `; stopped tasks: ${reasons.slice(0, 3).join(' | ')}` : '';
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new CancelledError();
}
