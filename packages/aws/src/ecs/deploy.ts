/**
 * One ECS service deploy: render → register → update the service → wait for this deployment → on
 * failure put the previous task definition back and wait for that. Runner-free: deploy-ecs and any
 * other caller (a multi-service deploy, the canary gate's ECS shifter) hand in what it needs.
 */
import type { Deployment, Service, ServiceEvent } from '@aws-sdk/client-ecs';
import {
  CancelledError,
  type Clock,
  DeadlineError,
  type Logger,
  toError,
  UserError,
} from '@ml-deploy/action-kit';
import { parseTaskDefinitionRef } from '../arn';
import type { EcsApi } from './api';
import { recordStoppedTasks, stoppedReasonsSuffix } from './diagnosis';
import { checkClaimsAgainstEcs, observeServing } from './serving';
import { findDeploymentOf, onCancelled, rollBack } from './rollback';
import { applyChanges, imageDigest, normaliseTaskDefinition, type RenderChanges, type TaskDefinitionInput } from './render';
import type { DeployReport, ServingNow } from './report';
import { type RolloutOutcome, watchDeployment } from './rollout';
import {
  type CircuitBreakerMode,
  findServiceDeployment,
  planServiceConfiguration,
  type ServiceConfigurationPlan,
  type ServiceDeploymentOutcome,
  type ServiceTagging,
  type StrategyChanges,
  watchServiceDeployment,
} from './strategy';
import { registerTaskDefinitionOnce } from './registration';
import { assertTaskDefinition, type TaskDefinitionSource } from './task-definition-check';

/** What to deploy and how; deploy-ecs builds it from its inputs. */
export interface EcsDeployOptions {
  cluster: string;
  /** Service name or ARN; undefined: only register the task definition. */
  service: string | undefined;
  /** Path of a task definition file (JSON/YAML); undefined: render from what the service runs now. */
  taskDefinitionFile: string | undefined;
  /**
   * A registered task definition to deploy as it is (ARN, `family:revision`, or a family: its
   * latest ACTIVE revision): promotion or going back. Nothing is registered; `render` is ignored.
   */
  taskDefinitionRef?: string | undefined;
  /** Image, environment, secrets and size changes applied to the base task definition. */
  render: RenderChanges;
  desiredCount: number | undefined;
  forceNewDeployment: boolean;
  /** The service's deployment circuit breaker: leave it as it is, or turn it on (with rollback) / off. */
  circuitBreaker: CircuitBreakerMode;
  /** ECS's own deployment strategy and its settings; undefined fields keep the service's. */
  strategy?: StrategyChanges | undefined;
  /** ECS-managed tags and tag propagation for the service's tasks; undefined keeps the service's. */
  serviceTagging?: ServiceTagging | undefined;
  waitForDeployment: boolean;
  timeoutMs: number;
  rollbackOnFailure: boolean;
  /** Fail once this many tasks of the deployment stopped; undefined leaves it to ECS. */
  maxFailedTasks: number | undefined;
}

export interface EcsDeployDeps {
  api: EcsApi;
  logger: Logger;
  /** Sets a step output at once, so outputs known before a failure still reach the workflow. */
  setOutput(name: string, value: string | number | undefined): void;
  signal?: AbortSignal | undefined;
  clock: Clock;
  /** Reads and parses the task-definition file (JSON or YAML). */
  readTaskDefinitionFile: (path: string) => Promise<unknown>;
  /** First interval between DescribeServices calls while waiting. */
  pollIntervalMs?: number | undefined;
  /** The region the service is in, when known (secret ARNs must be in its partition). */
  region?: string | undefined;
  /**
   * Links to the ECS and CloudWatch consoles in annotations and the summary (needs `region`).
   * Default: on, unless AWS_ENDPOINT_URL points the SDK elsewhere (an emulator has no console).
   */
  consoleLinks?: boolean | undefined;
}

/** The region to build console links for, or undefined when links are off. */
export function consoleRegion(deps: Pick<EcsDeployDeps, 'region' | 'consoleLinks'>): string | undefined {
  const on = deps.consoleLinks ?? !process.env.AWS_ENDPOINT_URL;
  return on ? deps.region : undefined;
}

type Deps = EcsDeployDeps;

/**
 * Another service of the same step failed (rollback-scope: all): stop waiting for this one and
 * roll it back now, as on a deadline. A DeadlineError, so both waits treat it as one.
 */
export class SiblingFailedError extends DeadlineError {
  override readonly name = 'DeadlineError';
}

/** The deployment failed (and was rolled back, or could not be): the step fails with this. */
export class DeploymentFailedError extends UserError {
  override readonly name = 'DeploymentFailedError';
}

/** A fresh report for a deploy that starts at `startedAt` (ms since epoch). */
export function newDeployReport(opts: Pick<EcsDeployOptions, 'cluster' | 'service'>, startedAt: number): DeployReport {
  return {
    cluster: opts.cluster,
    service: opts.service,
    result: 'failed',
    startedAt: new Date(startedAt).toISOString(),
    changes: [],
    events: [],
    stoppedTasks: [],
  };
}

/** Settles `report.result` and its failure text after `deployEcsService` threw `err`. */
export function settleFailedReport(report: DeployReport, err: Error): void {
  if (err instanceof CancelledError) {
    report.result = 'cancelled';
    report.failure ??= report.taskDefinitionArn
      ? `cancelled after registering ${report.taskDefinitionArn}, before the service was updated: the service is unchanged`
      : 'cancelled before anything was changed';
  } else if (report.result !== 'rolled-back' && report.result !== 'superseded') {
    report.result = 'failed';
  }
  report.error = err.message;
}

/**
 * Deploys to one service, filling in `report` as it goes (so a caller that catches the error
 * still has what happened). Throws DeploymentFailedError when the deployment failed,
 * CancelledError when `deps.signal` fired, and the API's explained errors otherwise.
 */
export async function deployEcsService(opts: EcsDeployOptions, deps: EcsDeployDeps, report: DeployReport): Promise<void> {
  return deploy(opts, deps, deps.clock, report);
}

async function deploy(opts: EcsDeployOptions, deps: Deps, clock: Clock, report: DeployReport): Promise<void> {
  const { api, logger } = deps;
  const cluster = opts.cluster;
  const serviceName = opts.service;

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
  // The service configuration to change (circuit breaker, strategy): refused here, before any change.
  const config = service ? planServiceConfiguration(service, opts.circuitBreaker, opts.strategy ?? {}, opts.serviceTagging) : undefined;

  let registered: { taskDefinitionArn?: string | undefined; revision?: number | undefined };
  if (opts.taskDefinitionRef) {
    // Promotion: resolve what ECS has registered under this name, and deploy exactly that.
    const { taskDefinition } = await api.describeTaskDefinition(opts.taskDefinitionRef);
    if (taskDefinition.status && taskDefinition.status !== 'ACTIVE') {
      throw new UserError(`task definition ${taskDefinition.taskDefinitionArn} is ${taskDefinition.status}, not ACTIVE: ECS cannot start tasks from it (input 'task-definition')`);
    }
    registered = taskDefinition;
    const only = taskDefinition.containerDefinitions?.length === 1 ? taskDefinition.containerDefinitions[0] : undefined;
    report.container = only?.name;
    report.image = only?.image;
    report.imageDigest = imageDigest(only?.image);
    deps.setOutput('image-digest', report.imageDigest);
    logger.info(`task definition: ${taskDefinition.taskDefinitionArn}, already registered (from '${opts.taskDefinitionRef}'): deployed as it is, nothing registered`);
  } else {
    registered = await renderAndRegister(opts, deps, report, service);
  }
  report.taskDefinitionArn = registered.taskDefinitionArn;
  report.revision = registered.revision;
  // Known now, and reaches the workflow even if the step fails; `task-definition-arn` and
  // `revision` name only what this step deployed, so they wait for the outcome.
  deps.setOutput('attempted-task-definition-arn', registered.taskDefinitionArn);
  deps.setOutput('attempted-revision', registered.revision);

  if (!serviceName || !service) {
    report.result = 'registered';
    setDeployedOutputs(deps, report);
    return;
  }
  throwIfAborted(deps.signal);
  try {
    await updateAndWait(opts, deps, clock, report, service, config!, registered.taskDefinitionArn!);
  } catch (err) {
    // Who rolled back and what serves now: from what ECS reports after the fact, not from what
    // deploy-ecs believes it did.
    report.servingNow = await observeServing(api, cluster, serviceName).catch((e) => {
      logger.warning(`could not read what the service runs now: ${toError(e).message}`);
      return undefined;
    });
    checkClaimsAgainstEcs(report, logger);
    throw err;
  }
  setDeployedOutputs(deps, report);
}

/** `task-definition-arn` and `revision`: set only for what this step deployed (or registered, or started). */
function setDeployedOutputs(deps: Deps, report: DeployReport): void {
  if (report.result !== 'deployed' && report.result !== 'registered' && report.result !== 'started') return;
  deps.setOutput('task-definition-arn', report.taskDefinitionArn);
  deps.setOutput('revision', report.revision);
}

/** Renders the task definition (file or the running one, plus the changes) and registers it. */
async function renderAndRegister(opts: EcsDeployOptions, deps: Deps, report: DeployReport, service: Service | undefined) {
  const { api, logger } = deps;
  let base: TaskDefinitionInput;
  let source: TaskDefinitionSource;
  if (opts.taskDefinitionFile) {
    const raw = await deps.readTaskDefinitionFile(opts.taskDefinitionFile);
    source = { input: 'task-definition', label: opts.taskDefinitionFile };
    base = normaliseTaskDefinition(raw, source);
    assertTaskDefinition(base, source, { stage: 'file', region: deps.region });
    logger.info(`task definition: from ${opts.taskDefinitionFile} (family ${base.family})`);
  } else {
    const current = service!.taskDefinition!;
    const { taskDefinition, tags } = await api.describeTaskDefinition(current);
    source = { label: `task definition ${current} that service '${opts.service}' runs` };
    base = normaliseTaskDefinition({ taskDefinition, tags }, source);
    logger.info(`task definition: rendered from ${current}, which the service runs now`);
  }

  const rendered = applyChanges(base, opts.render);
  // What ECS would refuse (or register and never run, like a Fargate size it does not offer).
  assertTaskDefinition(rendered.taskDefinition, source, { stage: 'rendered', region: deps.region });
  report.changes = rendered.changes;
  report.container = rendered.containerName;
  report.image = rendered.image;
  report.imageDigest = imageDigest(rendered.image);
  deps.setOutput('image-digest', report.imageDigest);
  for (const c of rendered.changes) logger.info(`  ${c}`);
  throwIfAborted(deps.signal);

  // 2. Register.
  const registration = await registerTaskDefinitionOnce(api, rendered.taskDefinition, logger);
  const registered = registration.taskDefinition;
  if (registration.extra.length) report.extraRevisions = registration.extra;
  if (registration.reused) report.reusedRevision = true;
  else logger.info(`registered ${registered.taskDefinitionArn}`);
  return registered;
}

/** Points the service at `taskDefinitionArn`, waits for the deployment, and rolls back on failure. */
async function updateAndWait(
  opts: EcsDeployOptions,
  deps: Deps,
  clock: Clock,
  report: DeployReport,
  service: Service,
  config: ServiceConfigurationPlan,
  taskDefinitionArn: string,
): Promise<void> {
  const { api, logger } = deps;
  const cluster = opts.cluster;
  const serviceName = opts.service!;
  const registered = { taskDefinitionArn };

  // 3. Update the service.
  const { deploymentConfiguration, loadBalancers, enableECSManagedTags, propagateTags } = config!;
  report.strategy = config!.strategy;
  report.serviceChanges = config!.changes;
  for (const c of config!.changes) logger.info(`service configuration: ${c}`);
  const previousDesired = service.desiredCount;
  const since = clock.now();
  const updated = await api.updateService({
    cluster,
    service: serviceName,
    taskDefinition: registered.taskDefinitionArn,
    ...(opts.desiredCount !== undefined ? { desiredCount: opts.desiredCount } : {}),
    ...(opts.forceNewDeployment ? { forceNewDeployment: true } : {}),
    ...(deploymentConfiguration ? { deploymentConfiguration } : {}),
    ...(loadBalancers ? { loadBalancers } : {}),
    ...(enableECSManagedTags !== undefined ? { enableECSManagedTags } : {}),
    ...(propagateTags !== undefined ? { propagateTags } : {}),
  });
  const deployment = findDeploymentOf(updated, registered.taskDefinitionArn!, { strict: true });
  if (!deployment?.id) {
    throw new Error(`ecs:UpdateService did not start a deployment of ${registered.taskDefinitionArn} (deployments: ${describeDeployments(updated)})`);
  }
  report.deploymentId = deployment.id;
  deps.setOutput('deployment-id', deployment.id);
  logger.info(`service '${serviceName}' updated: deployment ${deployment.id} started`);

  if (!opts.waitForDeployment) {
    report.result = 'started';
    return;
  }

  if (config!.strategy !== 'ROLLING') {
    return deployWithStrategy(opts, deps, report, config!, updated, deployment.id, since);
  }

  // 4. Wait for this deployment.
  const seenEvents = new Set<string>();
  const watch = (deploymentId: string, maxFailedTasks: number | undefined, signal: AbortSignal | undefined) =>
    watchDeployment(api, {
      cluster,
      service: serviceName,
      deploymentId,
      timeoutMs: opts.timeoutMs,
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
      watch(deployment.id!, opts.maxFailedTasks, deps.signal),
    );
    if (outcome.kind === 'completed') {
      report.result = 'deployed';
      report.runningCount = outcome.deployment.runningCount;
      report.desiredCount = outcome.deployment.desiredCount;
      report.servingNow = servingFrom(outcome.deployment, clock);
      return;
    }
    if (outcome.kind === 'superseded') {
      const by = outcome.by;
      if (by?.taskDefinition && by.taskDefinition === report.previousTaskDefinitionArn) {
        const cb = outcome.service?.deploymentConfiguration?.deploymentCircuitBreaker;
        failure = `deployment ${deployment.id} was replaced by ${by.id}, which runs the previous task definition (${cb?.enable && cb.rollback ? 'the ECS circuit breaker, which ECS reports on with rollback, rolled it back' : 'not started by deploy-ecs; ECS reports the circuit breaker off, so someone else deployed it'})`;
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
      const cb = (deploymentConfiguration ?? service.deploymentConfiguration)?.deploymentCircuitBreaker;
      await onCancelled(opts, deps, report, serviceName, previousDesired, cb?.enable === true && cb.rollback === true);
      throw err;
    }
    if (!(err instanceof DeadlineError)) throw err;
    failure = err.message;
  }

  // 5. Failure: collect reasons, then roll back.
  logger.error(failure);
  report.failure = failure;
  await diagnose(deps, report, cluster, deployment.id);

  if (!opts.rollbackOnFailure || !report.previousTaskDefinitionArn) {
    throw new DeploymentFailedError(`${failure}${stoppedReasonsSuffix(report)}; not rolled back (rollback-on-failure: ${opts.rollbackOnFailure})`);
  }
  await rollBack(opts, deps, report, serviceName, deployment.id, previousDesired, (id) => watch(id, undefined, undefined));
  throw new DeploymentFailedError(
    `${failure}${stoppedReasonsSuffix(report)}; rolled back to ${report.previousTaskDefinitionArn} (${report.rollback?.result})`,
  );
}

/**
 * BLUE_GREEN / LINEAR / CANARY: watch ECS's service deployment through its lifecycle stages and
 * hooks. ECS rolls back itself when a hook or the circuit breaker fails it; when deploy-ecs judges
 * it failed (deadline, max-failed-tasks) or the job is cancelled, it asks ECS to roll back with
 * StopServiceDeployment (stopType ROLLBACK): ECS shifts traffic back to the previous revision.
 */
async function deployWithStrategy(
  opts: EcsDeployOptions,
  deps: Deps,
  report: DeployReport,
  config: ServiceConfigurationPlan,
  updated: Service,
  deploymentId: string,
  since: number,
): Promise<void> {
  const { api, logger, clock } = deps;
  const serviceName = opts.service!;
  const arn = await findServiceDeployment(api, opts.cluster, serviceName, updated);
  if (!arn) throw new Error(`ecs:UpdateService started deployment ${deploymentId} but ECS lists no ${config.strategy} service deployment for it`);
  report.serviceDeploymentArn = arn;
  report.lifecycle = [];
  report.hooks = [];
  logger.info(`${config.strategy} service deployment ${arn}`);
  const watch = (signal: AbortSignal | undefined, maxFailedTasks: number | undefined) =>
    watchServiceDeployment(api, {
      cluster: opts.cluster,
      service: serviceName,
      arn,
      timeoutMs: opts.timeoutMs,
      intervalMs: deps.pollIntervalMs ?? 6000,
      logger,
      clock,
      signal,
      maxFailedTasks,
      deploymentId,
      lifecycle: report.lifecycle!,
      hooks: report.hooks!,
      onService: (s) => collectEvents(report, s.events ?? [], since),
    });

  let outcome: ServiceDeploymentOutcome | undefined;
  let failure: string;
  try {
    outcome = await logger.group(`waiting for ${config.strategy} service deployment`, () => watch(deps.signal, opts.maxFailedTasks));
    switch (outcome.kind) {
      case 'completed':
        report.result = 'deployed';
        report.runningCount = outcome.deployment.targetServiceRevision?.runningTaskCount;
        report.desiredCount = outcome.deployment.targetServiceRevision?.requestedTaskCount;
        report.servingNow = {
          taskDefinitionArn: report.taskDefinitionArn,
          deploymentId,
          rolloutState: outcome.deployment.status,
          runningCount: report.runningCount,
          desiredCount: report.desiredCount,
          observedAt: new Date(clock.now()).toISOString(),
        };
        return;
      case 'superseded':
        report.result = 'superseded';
        throw new DeploymentFailedError(`service deployment ${arn} was superseded by ${outcome.by ?? 'another deployment'} before it completed; nothing was rolled back`);
      case 'rolled-back':
        failure = `service deployment ${arn} failed and ECS rolled it back: ${outcome.reason}`;
        break;
      default:
        failure = `service deployment ${arn} ${outcome.kind === 'stopped' ? 'was stopped' : 'failed'}: ${outcome.reason}`;
    }
  } catch (err) {
    if (err instanceof CancelledError) {
      report.result = 'cancelled';
      if (opts.rollbackOnFailure) {
        // The runner kills the step seconds after SIGINT: ask ECS to roll back, do not wait.
        try {
          await api.stopServiceDeployment(arn, 'ROLLBACK');
          report.rollback = { deploymentId: arn, taskDefinitionArn: report.previousTaskDefinitionArn ?? '', startedBy: 'deploy-ecs', result: 'requested on cancellation (StopServiceDeployment ROLLBACK), not waited for' };
          report.failure = `cancelled while waiting for ${arn}; ECS was asked to roll it back (StopServiceDeployment ROLLBACK), not waited for`;
        } catch (stopErr) {
          report.failure = `cancelled while waiting for ${arn}; asking ECS to roll back failed (${toError(stopErr).message}): the service deployment continues as ECS runs it`;
        }
      } else {
        report.failure = `cancelled while waiting: service deployment ${arn} is left in progress`;
      }
      logger.warning(report.failure);
      throw err;
    }
    if (err instanceof DeploymentFailedError || !(err instanceof DeadlineError)) throw err;
    failure = err.message;
  }

  logger.error(failure);
  report.failure = failure;
  await diagnose(deps, report, opts.cluster, deploymentId);

  if (outcome?.kind === 'rolled-back') {
    // ECS's own rollback, already finished: say so from what ECS reports.
    report.rollback = {
      deploymentId: arn,
      taskDefinitionArn: report.previousTaskDefinitionArn ?? '',
      startedBy: 'ecs',
      result: outcome.succeeded ? 'completed: ECS shifted traffic back to the previous revision' : `failed: ${outcome.deployment.statusReason ?? 'ROLLBACK_FAILED'}`,
    };
    report.result = outcome.succeeded ? 'rolled-back' : 'failed';
    throw new DeploymentFailedError(`${failure}${stoppedReasonsSuffix(report)} (${report.rollback.result})`);
  }
  if (!opts.rollbackOnFailure || outcome?.kind === 'stopped') {
    throw new DeploymentFailedError(`${failure}${stoppedReasonsSuffix(report)}; not rolled back${outcome?.kind === 'stopped' ? ' (stopped by someone else)' : ` (rollback-on-failure: ${opts.rollbackOnFailure})`}`);
  }
  await api.stopServiceDeployment(arn, 'ROLLBACK');
  logger.info(`asked ECS to roll back service deployment ${arn} (StopServiceDeployment ROLLBACK)`);
  report.rollback = { deploymentId: arn, taskDefinitionArn: report.previousTaskDefinitionArn ?? '', startedBy: 'deploy-ecs', result: 'in progress' };
  report.result = 'rolled-back';
  try {
    const after = await logger.group(`waiting for the rollback of ${arn}`, () => watch(undefined, undefined));
    if (after.kind === 'rolled-back' && after.succeeded) report.rollback.result = 'completed: ECS shifted traffic back to the previous revision';
    else {
      report.rollback.result = `not confirmed: the service deployment ended ${after.deployment?.status ?? after.kind}`;
      report.result = 'failed';
    }
  } catch (err) {
    report.rollback.result = `not confirmed: ${toError(err).message}`;
    report.result = 'failed';
  }
  throw new DeploymentFailedError(`${failure}${stoppedReasonsSuffix(report)}; rollback (StopServiceDeployment ROLLBACK): ${report.rollback.result}`);
}

/** Refuses a service that is not ACTIVE or not driven by the ECS deployment controller. */
export function checkServiceDeployable(service: Service, cluster: string): void {
  if (service.status && service.status !== 'ACTIVE') {
    throw new UserError(`service '${service.serviceName}' in cluster '${cluster}' is ${service.status}, not ACTIVE: it cannot be deployed to`);
  }
  const controller = service.deploymentController?.type ?? 'ECS';
  if (controller !== 'ECS') {
    throw new UserError(
      `service '${service.serviceName}' uses the ${controller} deployment controller; deploy-ecs drives ECS-controller deployments (rolling, or ECS's own BLUE_GREEN, LINEAR and CANARY strategies). To move off CodeDeploy, switch the service to the ECS controller with a strategy (UpdateService deploymentController ECS, deploymentConfiguration.strategy BLUE_GREEN): see deploy-ecs/README.md`,
    );
  }
}

function describeDeployments(service: Service): string {
  return (service.deployments ?? []).map((d) => `${d.id} ${d.status} ${d.taskDefinition}`).join('; ') || 'none';
}

/** Stopped tasks of the failed deployment, grouped by reason, with hints and console links. */
async function diagnose(deps: Deps, report: DeployReport, cluster: string, deploymentId: string): Promise<void> {
  try {
    const tasks = await deps.api.stoppedTasks(cluster, deploymentId);
    // The task definition they ran: memory, execution role and log configuration for the hints.
    const td = tasks.length && report.taskDefinitionArn
      ? await deps.api.describeTaskDefinition(report.taskDefinitionArn).then((r) => r.taskDefinition, () => undefined)
      : undefined;
    recordStoppedTasks(report, tasks, deps.logger, { cluster, consoleRegion: consoleRegion(deps), taskDefinition: td });
  } catch (err) {
    deps.logger.warning(`could not list stopped tasks: ${toError(err).message}`);
  }
}

function servingFrom(d: Deployment, clock: Clock): ServingNow {
  return {
    taskDefinitionArn: d.taskDefinition,
    deploymentId: d.id,
    rolloutState: d.rolloutState,
    runningCount: d.runningCount,
    desiredCount: d.desiredCount,
    observedAt: new Date(clock.now()).toISOString(),
  };
}

function collectEvents(report: DeployReport, events: ServiceEvent[], since: number): void {
  for (const e of events) {
    if (!e.id || (e.createdAt?.getTime() ?? 0) < since - 1000) continue;
    if (report.events.some((x) => x.id === e.id)) continue;
    report.events.push({ id: e.id, at: e.createdAt?.toISOString(), message: e.message ?? '' });
  }
  report.events.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new CancelledError();
}
