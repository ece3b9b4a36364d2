/**
 * What serves after a deploy, as ECS reports it, and the report's claims checked against it: a
 * rollback is reported as done only when ECS says the service runs the previous task definition
 * again, whatever deploy-ecs asked for or waited on.
 */
import type { Logger } from '@ml-deploy/action-kit';
import type { EcsApi } from './api';
import type { DeployReport, ServingNow } from './report';

/** One DescribeServices: the service's task definition and its PRIMARY deployment. */
export async function observeServing(api: EcsApi, cluster: string, service: string): Promise<ServingNow> {
  const svc = await api.describeService(cluster, service);
  const primary = (svc.deployments ?? []).find((d) => d.status === 'PRIMARY');
  return {
    taskDefinitionArn: svc.taskDefinition ?? primary?.taskDefinition,
    deploymentId: primary?.id,
    rolloutState: primary?.rolloutState,
    runningCount: primary?.runningCount,
    desiredCount: primary?.desiredCount,
    observedAt: new Date().toISOString(),
    ...(primary?.taskDefinition && svc.taskDefinition && primary.taskDefinition !== svc.taskDefinition ? { primaryTaskDefinitionArn: primary.taskDefinition } : {}),
  };
}

/**
 * Downgrades a rollback that ECS does not confirm: `rolled-back` needs the service to run the
 * previous task definition (and, for a rolling deployment, its PRIMARY deployment to be COMPLETED
 * on it). Otherwise the result is `failed` and the rollback says what ECS reports instead.
 */
export function checkClaimsAgainstEcs(report: DeployReport, logger: Logger): void {
  const s = report.servingNow;
  if (report.result !== 'rolled-back' || !report.rollback) return;
  const previous = report.previousTaskDefinitionArn;
  if (!s) {
    report.rollback.result += ' (what the service runs afterwards could not be read)';
    return;
  }
  const rolling = !report.strategy || report.strategy === 'ROLLING';
  const onPrevious = s.taskDefinitionArn === previous && (!s.primaryTaskDefinitionArn || s.primaryTaskDefinitionArn === previous);
  const settled = !rolling || s.rolloutState === undefined || s.rolloutState === 'COMPLETED';
  if (onPrevious && settled) return;
  const what = `ECS reports the service runs ${s.taskDefinitionArn ?? 'no task definition'}${s.deploymentId ? ` (PRIMARY deployment ${s.deploymentId}${s.rolloutState ? ` ${s.rolloutState}` : ''}${s.runningCount !== undefined ? `, ${s.runningCount}/${s.desiredCount} running` : ''})` : ''}`;
  report.rollback.result = onPrevious
    ? `not finished: ${what}`
    : `not confirmed: ${what}, not the previous ${previous}`;
  report.result = 'failed';
  logger.error(`rollback ${report.rollback.result}`);
}
