/**
 * Putting the previous task definition back after a failed or cancelled deployment — or finding
 * that the ECS circuit breaker already does — and saying which, from what ECS reports.
 */
import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { toError } from '@ml-deploy/action-kit';
import type { EcsDeployDeps, EcsDeployOptions } from './deploy';
import type { DeployReport } from './report';
import type { RolloutOutcome } from './rollout';

type Deps = EcsDeployDeps;

export async function rollBack(
  opts: EcsDeployOptions,
  deps: Deps,
  report: DeployReport,
  serviceName: string,
  failedDeploymentId: string,
  previousDesired: number | undefined,
  watch: (deploymentId: string) => Promise<RolloutOutcome>,
): Promise<void> {
  const { api, logger } = deps;
  const previous = report.previousTaskDefinitionArn!;
  const svc = await api.describeService(opts.cluster, serviceName);
  const primary = (svc.deployments ?? []).find((d) => d.status === 'PRIMARY');
  let rollbackId: string | undefined;
  let startedBy: 'ecs-circuit-breaker' | 'deploy-ecs' | 'other';
  if (primary && primary.id !== failedDeploymentId && primary.taskDefinition === previous) {
    rollbackId = primary.id;
    // Credited to the circuit breaker only when ECS reports it on with rollback.
    const cb = svc.deploymentConfiguration?.deploymentCircuitBreaker;
    startedBy = cb?.enable && cb.rollback ? 'ecs-circuit-breaker' : 'other';
    logger.info(
      startedBy === 'ecs-circuit-breaker'
        ? `the ECS circuit breaker is already rolling back: deployment ${rollbackId} runs ${previous}`
        : `deployment ${rollbackId}, not started by deploy-ecs (ECS reports the circuit breaker off), already runs ${previous}: waiting for it`,
    );
  } else {
    const updated = await api.updateService({
      cluster: opts.cluster,
      service: serviceName,
      taskDefinition: previous,
      ...(opts.desiredCount !== undefined && previousDesired !== undefined ? { desiredCount: previousDesired } : {}),
    });
    rollbackId = findDeploymentOf(updated, previous, { strict: true })?.id;
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
export async function onCancelled(
  opts: EcsDeployOptions,
  deps: Deps,
  report: DeployReport,
  serviceName: string,
  previousDesired: number | undefined,
  /** The service's circuit breaker rolls failing deployments back (after deploy-ecs's change). */
  breakerRollback: boolean,
) {
  report.result = 'cancelled';
  const previous = report.previousTaskDefinitionArn;
  if (opts.rollbackOnFailure && previous) {
    // The runner kills the step seconds after SIGINT: start the rollback, do not wait for it.
    try {
      const updated = await deps.api.updateService({
        cluster: opts.cluster,
        service: serviceName,
        taskDefinition: previous,
        ...(opts.desiredCount !== undefined && previousDesired !== undefined ? { desiredCount: previousDesired } : {}),
      });
      const id = findDeploymentOf(updated, previous, { strict: true })?.id;
      report.rollback = { deploymentId: id, taskDefinitionArn: previous, startedBy: 'deploy-ecs', result: 'started on cancellation, not waited for' };
      report.failure = `cancelled while waiting for ${report.deploymentId}; rollback to ${previous} started as deployment ${id ?? '(unknown)'} and was not waited for`;
    } catch (err) {
      report.failure = `cancelled while waiting for ${report.deploymentId}; starting the rollback failed (${toError(err).message}): deployment ${report.deploymentId} is left as ECS runs it${breakerRollback ? ', with the circuit breaker set to roll back on failure' : ''}`;
    }
  } else {
    report.failure = `cancelled while waiting: deployment ${report.deploymentId} is left in progress${breakerRollback ? ' (the ECS circuit breaker will roll it back if it fails)' : ''}`;
  }
  deps.logger.warning(report.failure);
}

/**
 * The newest PRIMARY deployment running `taskDefinitionArn`, else the newest one running it; with
 * `strict: false` (the default), else the PRIMARY one. `strict`: a deployment that runs another
 * task definition is never taken for ours (an emulator that does not roll out keeps the old one).
 */
export function findDeploymentOf(service: Service, taskDefinitionArn: string, opts: { strict?: boolean } = {}): Deployment | undefined {
  const deployments = service.deployments ?? [];
  const matching = deployments
    .filter((d) => d.taskDefinition === taskDefinitionArn)
    .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
  const found = matching.find((d) => d.status === 'PRIMARY') ?? matching[0];
  return found ?? (opts.strict ? undefined : deployments.find((d) => d.status === 'PRIMARY'));
}
