/**
 * The ECS layer's model of ECS's built-in BLUE_GREEN, LINEAR and CANARY deployments (the ECS
 * deployment controller with `deploymentConfiguration.strategy`), as service deployments that
 * ListServiceDeployments / DescribeServiceDeployments / StopServiceDeployment show and drive
 * (moto 5.2.5 has none of the three calls). Pure state, no I/O; ecs-rollout.ts owns it.
 *
 * One step per DescribeServices call that includes the service, as for rolling deployments:
 *   PENDING → IN_PROGRESS: RECONCILE_SERVICE, PRE_SCALE_UP, SCALE_UP, POST_SCALE_UP,
 *   TEST_TRAFFIC_SHIFT (test traffic 100 % to green), POST_TEST_TRAFFIC_SHIFT,
 *   PRODUCTION_TRAFFIC_SHIFT (BLUE_GREEN: 100 % at once; LINEAR: stepPercent per step, default
 *   10; CANARY: canaryPercent (default 5), then 100), POST_PRODUCTION_TRAFFIC_SHIFT,
 *   BAKE_TIME (plan `bakeSteps`, default 1: bake time is counted in steps, not minutes),
 *   CLEAN_UP → SUCCESSFUL.
 * A stage with lifecycle hooks (`lifecycleHooks[].lifecycleStages`) takes one more step: its hooks
 * show IN_PROGRESS, then SUCCEEDED (or FAILED, plan `hookFailsAt`). PRE_PRODUCTION_TRAFFIC_SHIFT
 * hooks run at the start of PRODUCTION_TRAFFIC_SHIFT, before traffic moves.
 * A failed hook, or failing tasks with the circuit breaker's rollback on, make ECS roll back:
 * ROLLBACK_IN_PROGRESS (traffic back to blue) then ROLLBACK_SUCCESSFUL, with `rollback.reason`.
 * StopServiceDeployment ROLLBACK: ROLLBACK_REQUESTED → ROLLBACK_IN_PROGRESS → ROLLBACK_SUCCESSFUL;
 * ABORT: STOP_REQUESTED → STOPPED (green stays as it is). A newer deployment stops an unfinished
 * one (STOPPED, "superseded").
 */
import { randomBytes } from 'node:crypto';

export type Strategy = 'BLUE_GREEN' | 'LINEAR' | 'CANARY';

export type LifecycleStage =
  | 'RECONCILE_SERVICE'
  | 'PRE_SCALE_UP'
  | 'SCALE_UP'
  | 'POST_SCALE_UP'
  | 'TEST_TRAFFIC_SHIFT'
  | 'POST_TEST_TRAFFIC_SHIFT'
  | 'PRODUCTION_TRAFFIC_SHIFT'
  | 'POST_PRODUCTION_TRAFFIC_SHIFT'
  | 'BAKE_TIME'
  | 'CLEAN_UP';

/** Hook stages ECS accepts in `lifecycleHooks[].lifecycleStages`. */
export type HookStage = Exclude<LifecycleStage, 'SCALE_UP' | 'BAKE_TIME' | 'CLEAN_UP'> | 'PRE_PRODUCTION_TRAFFIC_SHIFT';

export type ServiceDeploymentStatus =
  | 'PENDING'
  | 'IN_PROGRESS'
  | 'SUCCESSFUL'
  | 'STOPPED'
  | 'STOP_REQUESTED'
  | 'ROLLBACK_REQUESTED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED';

export interface StrategyConfig {
  strategy?: string;
  bakeTimeInMinutes?: number;
  lifecycleHooks?: Array<{ hookTargetArn?: string; roleArn?: string; lifecycleStages?: string[]; targetType?: string }>;
  linearConfiguration?: { stepPercent?: number; stepBakeTimeInMinutes?: number };
  canaryConfiguration?: { canaryPercent?: number; canaryBakeTimeInMinutes?: number };
}

/** What the test scripted for a strategy deployment (from its DeploymentPlan). */
export interface StrategyScript {
  outcome: 'complete' | 'fail' | 'stuck';
  /** fail: the hook at this stage fails (needs a hook there); else tasks fail at SCALE_UP. */
  hookFailsAt?: HookStage;
  /** stuck: the stage it never leaves (default BAKE_TIME). */
  stuckAt?: LifecycleStage;
  bakeSteps: number;
}

interface Phase {
  stage: LifecycleStage;
  /** Hooks of this stage (for PRODUCTION_TRAFFIC_SHIFT also the PRE_ ones); run before `weight`. */
  hookStages: HookStage[];
  /** Production traffic on green once this phase is done. */
  weight?: number;
  testWeight?: number;
}

export interface HookDetail {
  hookId: string;
  targetType: 'AWS_LAMBDA';
  targetArn: string;
  status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  stage: HookStage;
}

export interface ServiceDeploymentState {
  arn: string;
  serviceArn: string;
  clusterArn: string;
  strategy: Strategy;
  config: StrategyConfig;
  script: StrategyScript;
  /** The deployment (DescribeServices `deployments[].id`) this service deployment rolls out. */
  deploymentId: string;
  targetRevisionArn: string;
  sourceRevisionArn: string | undefined;
  targetTaskDefinition: string;
  sourceTaskDefinition: string | undefined;
  desiredCount: number;
  status: ServiceDeploymentStatus;
  statusReason: string;
  phases: Phase[];
  phase: number;
  /** 0: hooks of the phase not started; 1: running; 2: done. */
  hookStep: number;
  hooks: HookDetail[];
  productionWeight: number;
  testWeight: number;
  runningTasks: number;
  createdAt: number;
  startedAt?: number;
  updatedAt: number;
  finishedAt?: number;
  stoppedAt?: number;
  rollback?: { reason: string; startedAt: number; serviceRevisionArn: string | undefined };
  /** Steps spent in BAKE_TIME so far. */
  baked: number;
}

export const STRATEGIES: readonly Strategy[] = ['BLUE_GREEN', 'LINEAR', 'CANARY'];

export function isStrategy(s: unknown): s is Strategy {
  return typeof s === 'string' && (STRATEGIES as readonly string[]).includes(s);
}

export function revisionArn(serviceArn: string, id: string): string {
  const [, partition, , region, account, resource] = serviceArn.split(':');
  const path = resource!.replace(/^service\//, '');
  return `arn:${partition}:ecs:${region}:${account}:service-revision/${path}/${id}`;
}

export function newServiceDeployment(args: {
  serviceArn: string;
  clusterArn: string;
  strategy: Strategy;
  config: StrategyConfig;
  script: StrategyScript;
  deploymentId: string;
  targetTaskDefinition: string;
  sourceTaskDefinition: string | undefined;
  sourceRevisionArn: string | undefined;
  desiredCount: number;
  now: number;
}): ServiceDeploymentState {
  const [, partition, , region, account, resource] = args.serviceArn.split(':');
  const path = resource!.replace(/^service\//, '');
  const id = randomBytes(12).toString('base64url');
  return {
    arn: `arn:${partition}:ecs:${region}:${account}:service-deployment/${path}/${id}`,
    serviceArn: args.serviceArn,
    clusterArn: args.clusterArn,
    strategy: args.strategy,
    config: structuredClone(args.config),
    script: args.script,
    deploymentId: args.deploymentId,
    targetRevisionArn: revisionArn(args.serviceArn, randomBytes(8).toString('hex')),
    sourceRevisionArn: args.sourceRevisionArn,
    targetTaskDefinition: args.targetTaskDefinition,
    sourceTaskDefinition: args.sourceTaskDefinition,
    desiredCount: args.desiredCount,
    status: 'PENDING',
    statusReason: 'The service deployment is pending.',
    phases: phasesFor(args.strategy, args.config),
    phase: -1,
    hookStep: 0,
    hooks: [],
    productionWeight: 0,
    testWeight: 0,
    runningTasks: 0,
    createdAt: args.now,
    updatedAt: args.now,
    baked: 0,
  };
}

function phasesFor(strategy: Strategy, config: StrategyConfig): Phase[] {
  const p = (stage: LifecycleStage, extra: Partial<Phase> = {}): Phase => ({ stage, hookStages: stage === 'SCALE_UP' || stage === 'BAKE_TIME' || stage === 'CLEAN_UP' ? [] : [stage as HookStage], ...extra });
  const shifts: Phase[] = [];
  const weights: number[] =
    strategy === 'BLUE_GREEN'
      ? [100]
      : strategy === 'CANARY'
        ? [config.canaryConfiguration?.canaryPercent ?? 5, 100]
        : linearWeights(config.linearConfiguration?.stepPercent ?? 10);
  weights.forEach((w, i) => {
    shifts.push({ stage: 'PRODUCTION_TRAFFIC_SHIFT', hookStages: i === 0 ? ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'] : [], weight: w });
  });
  return [
    p('RECONCILE_SERVICE'),
    p('PRE_SCALE_UP'),
    p('SCALE_UP'),
    p('POST_SCALE_UP'),
    p('TEST_TRAFFIC_SHIFT', { testWeight: 100 }),
    p('POST_TEST_TRAFFIC_SHIFT'),
    ...shifts,
    p('POST_PRODUCTION_TRAFFIC_SHIFT'),
    p('BAKE_TIME'),
    p('CLEAN_UP'),
  ];
}

function linearWeights(step: number): number[] {
  const out: number[] = [];
  for (let w = step; w < 100 - 1e-9; w += step) out.push(Math.round(w * 10) / 10);
  out.push(100);
  return out;
}

export function currentStage(sd: ServiceDeploymentState): LifecycleStage | undefined {
  return sd.phases[sd.phase]?.stage;
}

export function isFinished(sd: ServiceDeploymentState): boolean {
  return ['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'].includes(sd.status);
}

/** What one step did, for the rollout model to apply to the service's deployments and moto. */
export type StepEffect =
  | { kind: 'none' }
  | { kind: 'scaled-up' }
  | { kind: 'tasks-failed'; reason: string }
  | { kind: 'succeeded' }
  | { kind: 'rolled-back' }
  | { kind: 'stopped' };

/** One DescribeServices call's worth of progress. */
export function stepServiceDeployment(sd: ServiceDeploymentState, t: number, circuitBreakerRollback: boolean): StepEffect {
  if (isFinished(sd)) return { kind: 'none' };
  sd.updatedAt = t;
  switch (sd.status) {
    case 'ROLLBACK_REQUESTED':
      sd.status = 'ROLLBACK_IN_PROGRESS';
      sd.statusReason = 'Rolling back: production traffic is shifting back to the source revision.';
      sd.productionWeight = 0;
      sd.testWeight = 0;
      return { kind: 'none' };
    case 'ROLLBACK_IN_PROGRESS':
      sd.status = 'ROLLBACK_SUCCESSFUL';
      sd.statusReason = 'Rollback completed: the source service revision serves all traffic.';
      sd.finishedAt = t;
      return { kind: 'rolled-back' };
    case 'STOP_REQUESTED':
      sd.status = 'STOPPED';
      sd.statusReason = 'Service deployment stopped by request (ABORT).';
      sd.stoppedAt = t;
      return { kind: 'stopped' };
    case 'PENDING':
      sd.status = 'IN_PROGRESS';
      sd.statusReason = 'The service deployment is in progress.';
      sd.startedAt = t;
      sd.phase = 0;
      sd.hookStep = 0;
      return runHooks(sd, t);
    default:
      break;
  }

  const phase = sd.phases[sd.phase]!;
  // Hooks of this phase still to settle.
  if (sd.hookStep === 1) {
    const failing = sd.script.outcome === 'fail' ? sd.script.hookFailsAt : undefined;
    for (const h of sd.hooks) {
      if (h.status !== 'IN_PROGRESS') continue;
      h.status = h.stage === failing ? 'FAILED' : 'SUCCEEDED';
    }
    sd.hookStep = 2;
    const failed = sd.hooks.find((h) => h.status === 'FAILED');
    if (failed) return startRollback(sd, t, `The lifecycle hook ${failed.targetArn} failed at ${failed.stage}.`);
    return { kind: 'none' };
  }
  if (sd.script.outcome === 'stuck' && phase.stage === (sd.script.stuckAt ?? 'BAKE_TIME')) {
    if (phase.stage === 'BAKE_TIME') sd.baked += 1;
    return { kind: 'none' };
  }
  // Leave the phase: its effect, then the next phase.
  if (phase.stage === 'SCALE_UP') {
    if (sd.script.outcome === 'fail' && sd.script.hookFailsAt === undefined) {
      const reason = 'ECS deployment circuit breaker: tasks failed to start.';
      if (circuitBreakerRollback) {
        startRollback(sd, t, reason);
        return { kind: 'tasks-failed', reason };
      }
      // Without the breaker's rollback ECS keeps trying: the deployment stays in SCALE_UP.
      return { kind: 'tasks-failed', reason };
    }
    sd.runningTasks = sd.desiredCount;
  }
  if (phase.stage === 'BAKE_TIME' && sd.baked + 1 < sd.script.bakeSteps) {
    sd.baked += 1;
    return { kind: 'none' };
  }
  if (phase.weight !== undefined) sd.productionWeight = phase.weight;
  if (phase.testWeight !== undefined) sd.testWeight = phase.testWeight;
  const scaledUp = phase.stage === 'SCALE_UP';
  if (sd.phase + 1 >= sd.phases.length) {
    sd.status = 'SUCCESSFUL';
    sd.statusReason = 'Service deployment completed.';
    sd.finishedAt = t;
    return { kind: 'succeeded' };
  }
  sd.phase += 1;
  sd.hookStep = 0;
  const hooks = runHooks(sd, t);
  return scaledUp ? { kind: 'scaled-up' } : hooks;
}

/** Starts the hooks of the current phase, if it has any. */
function runHooks(sd: ServiceDeploymentState, t: number): StepEffect {
  const phase = sd.phases[sd.phase]!;
  const hooks = (sd.config.lifecycleHooks ?? []).flatMap((h) =>
    (h.lifecycleStages ?? []).filter((s) => phase.hookStages.includes(s as HookStage)).map((stage) => ({ h, stage: stage as HookStage })),
  );
  if (hooks.length === 0) {
    sd.hookStep = 2;
    return { kind: 'none' };
  }
  for (const { h, stage } of hooks) {
    sd.hooks.push({ hookId: randomBytes(8).toString('hex'), targetType: 'AWS_LAMBDA', targetArn: h.hookTargetArn ?? '', status: 'IN_PROGRESS', stage });
  }
  sd.hookStep = 1;
  sd.updatedAt = t;
  return { kind: 'none' };
}

function startRollback(sd: ServiceDeploymentState, t: number, reason: string): StepEffect {
  sd.status = 'ROLLBACK_IN_PROGRESS';
  sd.statusReason = `${reason} Rolling back to the source service revision.`;
  sd.rollback = { reason, startedAt: t, serviceRevisionArn: sd.sourceRevisionArn };
  sd.productionWeight = 0;
  sd.testWeight = 0;
  return { kind: 'none' };
}

/** StopServiceDeployment; returns an error code and message when ECS would refuse. */
export function stopServiceDeployment(sd: ServiceDeploymentState, stopType: string, t: number): { error: string; message: string } | undefined {
  if (isFinished(sd) || sd.status === 'ROLLBACK_IN_PROGRESS' || sd.status === 'ROLLBACK_REQUESTED' || sd.status === 'STOP_REQUESTED') {
    return { error: 'ConflictException', message: `The service deployment ${sd.arn} is ${sd.status} and can't be stopped.` };
  }
  sd.updatedAt = t;
  if (stopType === 'ABORT') {
    sd.status = 'STOP_REQUESTED';
    sd.statusReason = 'Stop requested (ABORT).';
    return undefined;
  }
  sd.status = 'ROLLBACK_REQUESTED';
  sd.statusReason = 'Rollback requested by StopServiceDeployment.';
  sd.rollback = { reason: 'StopServiceDeployment with stopType ROLLBACK.', startedAt: t, serviceRevisionArn: sd.sourceRevisionArn };
  return undefined;
}

/** A newer deployment replaced an unfinished one. */
export function supersede(sd: ServiceDeploymentState, by: string, t: number): void {
  if (isFinished(sd)) return;
  sd.status = 'STOPPED';
  sd.statusReason = `Superseded by the newer service deployment ${by}.`;
  sd.stoppedAt = t;
  sd.updatedAt = t;
}

/** DescribeServiceDeployments' ServiceDeployment (awsJson: epoch seconds). */
export function renderServiceDeployment(sd: ServiceDeploymentState): Record<string, unknown> {
  const stage = currentStage(sd);
  const stageHooks = sd.hooks.filter((h) => stage !== undefined && sd.phases[sd.phase]!.hookStages.includes(h.stage));
  const config: Record<string, unknown> = { strategy: sd.strategy };
  if (sd.config.bakeTimeInMinutes !== undefined) config.bakeTimeInMinutes = sd.config.bakeTimeInMinutes;
  if (sd.config.lifecycleHooks !== undefined) config.lifecycleHooks = sd.config.lifecycleHooks;
  if (sd.config.linearConfiguration !== undefined) config.linearConfiguration = sd.config.linearConfiguration;
  if (sd.config.canaryConfiguration !== undefined) config.canaryConfiguration = sd.config.canaryConfiguration;
  const rolledBack = sd.status.startsWith('ROLLBACK');
  return {
    serviceDeploymentArn: sd.arn,
    serviceArn: sd.serviceArn,
    clusterArn: sd.clusterArn,
    createdAt: sd.createdAt,
    ...(sd.startedAt !== undefined ? { startedAt: sd.startedAt } : {}),
    ...(sd.finishedAt !== undefined ? { finishedAt: sd.finishedAt } : {}),
    ...(sd.stoppedAt !== undefined ? { stoppedAt: sd.stoppedAt } : {}),
    updatedAt: sd.updatedAt,
    sourceServiceRevisions: sd.sourceRevisionArn
      ? [
          {
            arn: sd.sourceRevisionArn,
            requestedTaskCount: sd.desiredCount,
            runningTaskCount: sd.desiredCount,
            pendingTaskCount: 0,
            requestedTestTrafficWeight: 100 - sd.testWeight,
            requestedProductionTrafficWeight: 100 - sd.productionWeight,
          },
        ]
      : [],
    targetServiceRevision: {
      arn: sd.targetRevisionArn,
      requestedTaskCount: rolledBack && sd.status === 'ROLLBACK_SUCCESSFUL' ? 0 : sd.desiredCount,
      runningTaskCount: sd.runningTasks,
      pendingTaskCount: sd.status === 'IN_PROGRESS' ? sd.desiredCount - sd.runningTasks : 0,
      requestedTestTrafficWeight: sd.testWeight,
      requestedProductionTrafficWeight: sd.productionWeight,
    },
    status: sd.status,
    statusReason: sd.statusReason,
    ...(stage !== undefined && sd.status === 'IN_PROGRESS' ? { lifecycleStage: stage } : {}),
    ...(stageHooks.length ? { lifecycleHookDetails: stageHooks.map(({ stage: _s, ...h }) => h) } : {}),
    deploymentConfiguration: config,
    ...(sd.rollback
      ? { rollback: { reason: sd.rollback.reason, startedAt: sd.rollback.startedAt, ...(sd.rollback.serviceRevisionArn ? { serviceRevisionArn: sd.rollback.serviceRevisionArn } : {}) } }
      : {}),
  };
}

/** ListServiceDeployments' ServiceDeploymentBrief. */
export function renderBrief(sd: ServiceDeploymentState): Record<string, unknown> {
  return {
    serviceDeploymentArn: sd.arn,
    serviceArn: sd.serviceArn,
    clusterArn: sd.clusterArn,
    ...(sd.startedAt !== undefined ? { startedAt: sd.startedAt } : {}),
    createdAt: sd.createdAt,
    ...(sd.finishedAt !== undefined ? { finishedAt: sd.finishedAt } : {}),
    targetServiceRevisionArn: sd.targetRevisionArn,
    status: sd.status,
    statusReason: sd.statusReason,
  };
}
