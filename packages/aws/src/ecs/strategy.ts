/**
 * ECS's own deployment strategies (BLUE_GREEN, LINEAR, CANARY: `deploymentConfiguration.strategy`
 * with the ECS deployment controller) and the service configuration deploy-ecs may change: what to
 * send with UpdateService (and what that changes, for the log and the summary), and the watch of
 * one service deployment through its lifecycle stages, hooks and bake time.
 */
import type {
  AdvancedConfiguration,
  DeploymentConfiguration,
  DeploymentLifecycleHook,
  LoadBalancer,
  PropagateTags,
  Service,
  ServiceDeployment,
} from '@aws-sdk/client-ecs';
import { type Clock, type Logger, pollUntil, UserError } from '@ml-deploy/action-kit';
import type { EcsApi } from './api';

export type DeploymentStrategyName = 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY';

/** How deploy-ecs treats the service's circuit breaker: leave it, or turn it on/off for good. */
export type CircuitBreakerMode = 'keep' | 'on' | 'off';

/** Strategy settings to apply; every field left undefined keeps what the service has. */
export interface StrategyChanges {
  strategy?: DeploymentStrategyName | undefined;
  bakeTimeInMinutes?: number | undefined;
  linearStepPercent?: number | undefined;
  linearStepBakeTimeInMinutes?: number | undefined;
  canaryPercent?: number | undefined;
  canaryBakeTimeInMinutes?: number | undefined;
  /** Replaces the service's lifecycle hooks when given (an empty list removes them). */
  lifecycleHooks?: DeploymentLifecycleHook[] | undefined;
  /** Set on the service's load balancer(s) for BLUE_GREEN/LINEAR/CANARY traffic shifting. */
  advancedConfiguration?: AdvancedConfiguration | undefined;
}

/** The service's tagging of the tasks it starts; undefined fields keep the service's. */
export interface ServiceTagging {
  /** ECS-managed tags (aws:ecs:clusterName, aws:ecs:serviceName) on the service's tasks. */
  enableEcsManagedTags?: boolean | undefined;
  /** Copy tags to the tasks from the SERVICE or the TASK_DEFINITION, or NONE. */
  propagateTags?: PropagateTags | undefined;
}

export interface ServiceConfigurationPlan {
  /** Send with UpdateService when defined (enableECSManagedTags / propagateTags). */
  enableECSManagedTags?: boolean | undefined;
  propagateTags?: PropagateTags | undefined;
  /** Send with UpdateService when defined. */
  deploymentConfiguration: DeploymentConfiguration | undefined;
  loadBalancers: LoadBalancer[] | undefined;
  /** What changes, one line each (`circuit breaker: off → on (rollback)`), for the log and summary. */
  changes: string[];
  /** The strategy the deployment will use. */
  strategy: DeploymentStrategyName;
}

/**
 * What UpdateService must carry so the service ends up with the requested circuit breaker and
 * strategy — and nothing else changed. Refuses (UserError, before any change) a strategy ECS
 * would refuse: BLUE_GREEN/LINEAR/CANARY need a load balancer with an advanced configuration
 * (alternate target group, production listener rule, role) or Service Connect.
 */
export function planServiceConfiguration(service: Service, breaker: CircuitBreakerMode, changes: StrategyChanges, tagging: ServiceTagging = {}): ServiceConfigurationPlan {
  const current = service.deploymentConfiguration ?? {};
  const next: DeploymentConfiguration = structuredClone(current);
  const lines: string[] = [];

  // Tags on the tasks the service starts (ECS applies them to tasks started after the update).
  let enableECSManagedTags: boolean | undefined;
  let propagateTags: PropagateTags | undefined;
  const managedNow = service.enableECSManagedTags === true;
  if (tagging.enableEcsManagedTags !== undefined && tagging.enableEcsManagedTags !== managedNow) {
    enableECSManagedTags = tagging.enableEcsManagedTags;
    lines.push(`ECS-managed tags: ${managedNow ? 'on' : 'off'} → ${enableECSManagedTags ? 'on' : 'off'}`);
  }
  const propagateNow = service.propagateTags ?? 'NONE';
  if (tagging.propagateTags !== undefined && tagging.propagateTags !== propagateNow) {
    propagateTags = tagging.propagateTags;
    lines.push(`propagate tags: ${propagateNow} → ${propagateTags}`);
  }

  const cb = current.deploymentCircuitBreaker;
  const cbText = (c: { enable?: boolean; rollback?: boolean } | undefined) => (c?.enable ? `on${c.rollback ? ' (rollback)' : ' (no rollback)'}` : 'off');
  if (breaker === 'on' && !(cb?.enable && cb.rollback)) {
    next.deploymentCircuitBreaker = { enable: true, rollback: true };
    lines.push(`circuit breaker: ${cbText(cb)} → on (rollback)`);
  } else if (breaker === 'off' && cb?.enable) {
    next.deploymentCircuitBreaker = { enable: false, rollback: false };
    lines.push(`circuit breaker: ${cbText(cb)} → off`);
  }

  const currentStrategy = (current.strategy ?? 'ROLLING') as DeploymentStrategyName;
  const strategy = changes.strategy ?? currentStrategy;
  if (changes.strategy !== undefined && changes.strategy !== currentStrategy) {
    next.strategy = changes.strategy;
    lines.push(`strategy: ${currentStrategy} → ${changes.strategy}`);
  }
  const set = <K extends keyof DeploymentConfiguration>(key: K, value: DeploymentConfiguration[K], label: string, show: (v: DeploymentConfiguration[K]) => string) => {
    if (value === undefined) return;
    if (JSON.stringify(current[key]) === JSON.stringify(value)) return;
    next[key] = value;
    lines.push(`${label}: ${current[key] === undefined ? '(unset)' : show(current[key])} → ${show(value)}`);
  };
  set('bakeTimeInMinutes', changes.bakeTimeInMinutes, 'bake time', (v) => `${v} min`);
  if (changes.linearStepPercent !== undefined || changes.linearStepBakeTimeInMinutes !== undefined) {
    set(
      'linearConfiguration',
      {
        ...current.linearConfiguration,
        ...(changes.linearStepPercent !== undefined ? { stepPercent: changes.linearStepPercent } : {}),
        ...(changes.linearStepBakeTimeInMinutes !== undefined ? { stepBakeTimeInMinutes: changes.linearStepBakeTimeInMinutes } : {}),
      },
      'linear',
      (v) => `${v?.stepPercent ?? 10} % per step, ${v?.stepBakeTimeInMinutes ?? 6} min between steps`,
    );
  }
  if (changes.canaryPercent !== undefined || changes.canaryBakeTimeInMinutes !== undefined) {
    set(
      'canaryConfiguration',
      {
        ...current.canaryConfiguration,
        ...(changes.canaryPercent !== undefined ? { canaryPercent: changes.canaryPercent } : {}),
        ...(changes.canaryBakeTimeInMinutes !== undefined ? { canaryBakeTimeInMinutes: changes.canaryBakeTimeInMinutes } : {}),
      },
      'canary',
      (v) => `${v?.canaryPercent ?? 5} % for ${v?.canaryBakeTimeInMinutes ?? 10} min`,
    );
  }
  set('lifecycleHooks', changes.lifecycleHooks, 'lifecycle hooks', (v) =>
    v?.length ? v.map((h) => `${(h.lifecycleStages ?? []).join('+')}=${h.hookTargetArn ?? h.targetType ?? '?'}`).join(', ') : 'none',
  );

  let loadBalancers: LoadBalancer[] | undefined;
  const lbs = service.loadBalancers ?? [];
  if (changes.advancedConfiguration !== undefined) {
    if (lbs.length === 0) {
      throw new UserError(
        `service '${service.serviceName}' has no load balancer to set the blue/green advanced configuration on (alternate target group, listener rules); attach one to the service first (ECS console or your infrastructure code)`,
      );
    }
    const wanted = { ...lbs[0]!.advancedConfiguration, ...changes.advancedConfiguration };
    if (JSON.stringify(lbs[0]!.advancedConfiguration) !== JSON.stringify(wanted)) {
      loadBalancers = lbs.map((lb, i) => (i === 0 ? { ...lb, advancedConfiguration: wanted } : lb));
      lines.push(`load balancer ${lbs[0]!.targetGroupArn ?? lbs[0]!.loadBalancerName ?? '0'}: advanced configuration ${lbs[0]!.advancedConfiguration ? 'updated' : 'set'} (alternate target group ${wanted.alternateTargetGroupArn ?? '?'})`);
    }
  }

  if (strategy !== 'ROLLING') {
    const effective = loadBalancers ?? lbs;
    const shifted = effective.some((lb) => lb.advancedConfiguration?.alternateTargetGroupArn && lb.advancedConfiguration.productionListenerRule && lb.advancedConfiguration.roleArn);
    const serviceConnect = (service.deployments ?? []).some((d) => d.serviceConnectConfiguration?.enabled);
    if (!shifted && !serviceConnect) {
      throw new UserError(
        `the ${strategy} strategy shifts traffic through a load balancer: service '${service.serviceName}' needs a load balancer with an advanced configuration (give 'alternate-target-group-arn', 'production-listener-rule' and 'load-balancer-role-arn') or Service Connect`,
      );
    }
  }

  const configChanged = JSON.stringify(next) !== JSON.stringify(current);
  return { deploymentConfiguration: configChanged ? next : undefined, loadBalancers, changes: lines, strategy, enableECSManagedTags, propagateTags };
}

/** A lifecycle stage or hook status change seen while watching, for the report. */
export interface LifecycleEvent {
  at: string;
  stage: string | undefined;
  status: string;
  productionTraffic?: number | undefined;
  testTraffic?: number | undefined;
}

export interface HookRecord {
  hookId: string;
  stage: string | undefined;
  targetArn: string | undefined;
  status: string;
  at: string;
}

export type ServiceDeploymentOutcome =
  | { kind: 'completed'; deployment: ServiceDeployment }
  /** ECS rolled back on its own (a failed hook, the circuit breaker, an alarm) or on our request. */
  | { kind: 'rolled-back'; deployment: ServiceDeployment; reason: string; succeeded: boolean }
  | { kind: 'stopped'; deployment: ServiceDeployment; reason: string }
  /** deploy-ecs judged it failed (max-failed-tasks) while ECS still runs it. */
  | { kind: 'failed'; deployment: ServiceDeployment; reason: string }
  | { kind: 'superseded'; deployment: ServiceDeployment | undefined; by: string | undefined };

export interface ServiceDeploymentWatch {
  cluster: string;
  service: string;
  arn: string;
  timeoutMs: number;
  intervalMs: number;
  logger: Logger;
  clock: Clock;
  signal: AbortSignal | undefined;
  /** Fail once this many tasks of the deployment stopped (from DescribeServices' failedTasks). */
  maxFailedTasks?: number | undefined;
  /** The DescribeServices `deployments[].id` this service deployment rolls out, for failedTasks. */
  deploymentId?: string | undefined;
  lifecycle: LifecycleEvent[];
  hooks: HookRecord[];
  /** Sees every service description (events, counts), as the rolling watch's onService. */
  onService?: (service: Service) => void;
}

const ROLLED_BACK = new Set(['ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);

/**
 * Polls one service deployment until it is SUCCESSFUL, rolled back, stopped or superseded,
 * logging each lifecycle stage, traffic weight and hook status once. DescribeServices is read on
 * each round too (service events, failed task counts; the ECS layer steps rollouts on it).
 */
export async function watchServiceDeployment(api: EcsApi, w: ServiceDeploymentWatch): Promise<ServiceDeploymentOutcome> {
  let lastKey = '';
  return pollUntil<ServiceDeploymentOutcome>(
    async () => {
      const svc = await api.describeService(w.cluster, w.service);
      w.onService?.(svc);
      const sd = await api.describeServiceDeployment(w.arn);
      if (!sd) return { done: true, value: { kind: 'superseded', deployment: undefined, by: svc.currentServiceDeployment } };
      const at = new Date(w.clock.now()).toISOString();
      const status = sd.status ?? 'UNKNOWN';
      const stage = sd.lifecycleStage;
      const prod = sd.targetServiceRevision?.requestedProductionTrafficWeight;
      const test = sd.targetServiceRevision?.requestedTestTrafficWeight;
      const key = `${status}|${stage}|${prod}|${test}`;
      if (key !== lastKey) {
        lastKey = key;
        w.lifecycle.push({ at, stage, status, productionTraffic: prod, testTraffic: test });
        w.logger.info(`  ${status}${stage ? ` ${stage}` : ''}${prod !== undefined ? `: production traffic ${prod} % on the new revision` : ''}${test ? `, test traffic ${test} %` : ''}`);
      }
      for (const h of sd.lifecycleHookDetails ?? []) {
        const id = h.hookId ?? `${stage}-${h.targetArn}`;
        const seen = w.hooks.find((x) => x.hookId === id);
        if (seen?.status === h.status) continue;
        if (seen) {
          seen.status = h.status ?? 'UNKNOWN';
          seen.at = at;
        } else w.hooks.push({ hookId: id, stage, targetArn: h.targetArn, status: h.status ?? 'UNKNOWN', at });
        const line = `  lifecycle hook ${h.targetArn ?? id} at ${stage ?? '?'}: ${h.status}`;
        if (h.status === 'FAILED' || h.status === 'TIMED_OUT') w.logger.error(line);
        else w.logger.info(line);
      }
      if (status === 'SUCCESSFUL') return { done: true, value: { kind: 'completed', deployment: sd } };
      if (ROLLED_BACK.has(status)) {
        return { done: true, value: { kind: 'rolled-back', deployment: sd, reason: sd.rollback?.reason ?? sd.statusReason ?? status, succeeded: status === 'ROLLBACK_SUCCESSFUL' } };
      }
      if (status === 'STOPPED') {
        const newer = svc.currentServiceDeployment && svc.currentServiceDeployment !== w.arn ? svc.currentServiceDeployment : undefined;
        if (newer) return { done: true, value: { kind: 'superseded', deployment: sd, by: newer } };
        return { done: true, value: { kind: 'stopped', deployment: sd, reason: sd.statusReason ?? 'stopped' } };
      }
      if (w.maxFailedTasks !== undefined && w.deploymentId && !status.startsWith('ROLLBACK')) {
        const failed = (svc.deployments ?? []).find((d) => d.id === w.deploymentId)?.failedTasks ?? 0;
        if (failed >= w.maxFailedTasks) {
          return { done: true, value: { kind: 'failed', deployment: sd, reason: `${failed} tasks of the deployment stopped (max-failed-tasks: ${w.maxFailedTasks})` } };
        }
      }
      return { done: false, progress: `${status}${stage ? ` ${stage}` : ''}${prod !== undefined ? `, production traffic ${prod} %` : ''}` };
    },
    {
      what: `service deployment ${w.arn} of service '${w.service}'`,
      timeoutMs: w.timeoutMs,
      intervalMs: w.intervalMs,
      maxIntervalMs: Math.max(w.intervalMs, 15_000),
      clock: w.clock,
      signal: w.signal,
      onProgress: (line) => w.logger.info(line),
    },
  );
}

/** The service deployment UpdateService started: `currentServiceDeployment`, else the newest unfinished one. */
export async function findServiceDeployment(api: EcsApi, cluster: string, service: string, updated: Service): Promise<string | undefined> {
  if (updated.currentServiceDeployment) return updated.currentServiceDeployment;
  const list = await api.listServiceDeployments(cluster, service, ['PENDING', 'IN_PROGRESS']);
  return list[0]?.serviceDeploymentArn;
}
