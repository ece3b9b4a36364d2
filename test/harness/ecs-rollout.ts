/**
 * The ECS layer's rollout model: what real ECS does to a service's deployments and tasks over
 * time, which moto does not do (see ecs-layer.ts for the split between moto and this layer).
 * Pure state, no I/O: the HTTP layer feeds it moto's service objects and asks it to render them.
 *
 * A deployment advances one step per DescribeServices call that includes its service, along a
 * script the test chose (DeploymentPlan). Only the PRIMARY deployment advances.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import {
  type HookStage,
  isFinished,
  isStrategy,
  type LifecycleStage,
  newServiceDeployment,
  revisionArn,
  type ServiceDeploymentState,
  stepServiceDeployment,
  type StrategyConfig,
  supersede,
} from './ecs-strategies';

/** What the next deployment of a service does. */
export type DeploymentPlan =
  /**
   * Tasks start (pending), then run; COMPLETED after `steps` (default 2) DescribeServices calls.
   * BLUE_GREEN/LINEAR/CANARY: through every lifecycle stage (ecs-strategies.ts), `bakeSteps`
   * (default 1) calls in BAKE_TIME.
   */
  | { outcome: 'complete'; steps?: number; bakeSteps?: number }
  /**
   * Tasks start and stop; after `steps` (default 3) calls the deployment is FAILED with
   * `failedTasks` (default 3) stopped tasks, each with `stoppedReason`, `exitCode` and
   * container `containerReason`. With the circuit breaker's rollback on, a rollback follows.
   */
  | {
      outcome: 'fail';
      steps?: number;
      stoppedReason?: string;
      failedTasks?: number;
      exitCode?: number;
      containerReason?: string;
      /** BLUE_GREEN/LINEAR/CANARY: the lifecycle hook at this stage fails (else tasks fail at SCALE_UP). */
      hookFailsAt?: HookStage;
    }
  /**
   * IN_PROGRESS forever with pending tasks (for deadline and cancellation tests);
   * BLUE_GREEN/LINEAR/CANARY: forever in the stage `at` (default BAKE_TIME).
   */
  | { outcome: 'stuck'; at?: LifecycleStage };

type NormalizedPlan =
  | { outcome: 'complete'; steps: number; bakeSteps: number }
  | { outcome: 'fail'; steps: number; stoppedReason: string; failedTasks: number; exitCode: number; containerReason: string; hookFailsAt?: HookStage }
  | { outcome: 'stuck'; at?: LifecycleStage };

export const DEFAULT_PLAN: NormalizedPlan = { outcome: 'complete', steps: 2, bakeSteps: 1 };

export function normalizePlan(plan: DeploymentPlan): NormalizedPlan {
  switch (plan.outcome) {
    case 'complete':
      return { outcome: 'complete', steps: positive(plan.steps ?? 2, 'steps'), bakeSteps: positive(plan.bakeSteps ?? 1, 'bakeSteps') };
    case 'fail': {
      const stoppedReason = plan.stoppedReason ?? 'Essential container in task exited';
      const exitCode = plan.exitCode ?? 1;
      return {
        outcome: 'fail',
        steps: positive(plan.steps ?? 3, 'steps'),
        stoppedReason,
        failedTasks: positive(plan.failedTasks ?? 3, 'failedTasks'),
        exitCode,
        containerReason: plan.containerReason ?? `Container exited with code ${exitCode}`,
        ...(plan.hookFailsAt !== undefined ? { hookFailsAt: plan.hookFailsAt } : {}),
      };
    }
    case 'stuck':
      return { outcome: 'stuck', ...(plan.at !== undefined ? { at: plan.at } : {}) };
    default:
      throw new Error(`ecs-layer: unknown plan outcome ${JSON.stringify((plan as { outcome: unknown }).outcome)}; use complete, fail or stuck`);
  }
}

function positive(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`ecs-layer: plan ${name} must be an integer >= 1, got ${n}`);
  return n;
}

/** A deployment as DescribeServices returns it (awsJson: timestamps in epoch seconds). */
export interface EcsDeployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  launchType?: string;
  platformFamily?: string;
  platformVersion?: string;
  networkConfiguration?: unknown;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
}

export interface EcsEvent {
  id: string;
  createdAt: number;
  message: string;
}

/** What the layer needs to know about a task definition (read from moto once per ARN). */
export interface TaskDefinitionInfo {
  arn: string;
  cpu?: string;
  memory?: string;
  containers: Array<{ name: string; image: string }>;
}

interface Script {
  plan: NormalizedPlan;
  step: number;
}

export interface ServiceState {
  key: string;
  clusterName: string;
  serviceName: string;
  serviceArn: string;
  clusterArn: string;
  region: string;
  account: string;
  /** Newest first, as ECS lists them; INACTIVE ones are dropped. */
  deployments: EcsDeployment[];
  scripts: Map<string, Script>;
  /** Newest first. */
  events: EcsEvent[];
  deploymentConfiguration?: { deploymentCircuitBreaker?: { enable?: boolean; rollback?: boolean } } & StrategyConfig & Record<string, unknown>;
  /** BLUE_GREEN/LINEAR/CANARY service deployments, newest first. */
  serviceDeployments: ServiceDeploymentState[];
}

export interface LayerTask {
  clusterName: string;
  serviceName: string;
  startedBy: string;
  desiredStatus: 'RUNNING' | 'STOPPED';
  family: string;
  launchType?: string;
  json: Record<string, unknown>;
}

/** Something the HTTP layer must do in moto after a step (ECS's own rollback changes the service). */
export interface RollbackAction {
  cluster: string;
  service: string;
  taskDefinition: string;
}

/** moto's service object, the fields the layer reads. */
export interface MotoService {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  desiredCount: number;
  taskDefinition?: string;
  launchType?: string;
  deployments?: Array<Record<string, unknown>>;
  deploymentConfiguration?: ServiceState['deploymentConfiguration'];
  events?: unknown[];
  runningCount?: number;
  pendingCount?: number;
  [field: string]: unknown;
}

export function serviceKey(clusterName: string, serviceName: string): string {
  return `${clusterName}/${serviceName}`;
}

/** "arn:aws:ecs:us-east-1:123:cluster/c1" or "c1" -> "c1"; absent -> "default" (as ECS does). */
export function clusterNameOf(clusterOrArn: string | undefined): string {
  if (clusterOrArn === undefined || clusterOrArn === '') return 'default';
  return clusterOrArn.includes(':cluster/') ? clusterOrArn.split(':cluster/')[1]! : clusterOrArn;
}

/** "arn:...:service/c1/s1", "arn:...:service/s1" or "s1" -> "s1". */
export function serviceNameOf(serviceOrArn: string): string {
  return serviceOrArn.split('/').pop()!;
}

export function newDeploymentId(): string {
  let digits = String(randomInt(1, 10));
  for (let i = 0; i < 18; i++) digits += String(randomInt(0, 10));
  return `ecs-svc/${digits}`;
}

const now = (): number => Date.now() / 1000;

export class RolloutModel {
  readonly services = new Map<string, ServiceState>();
  readonly tasks = new Map<string, LayerTask>();
  /** Plans queued by the test, per service key, for the next deployments in order. */
  readonly plans = new Map<string, NormalizedPlan[]>();
  /** deploymentConfiguration from CreateService requests: moto 5.2 drops it at creation. */
  readonly createConfigs = new Map<string, ServiceState['deploymentConfiguration']>();

  reset(): void {
    this.services.clear();
    this.tasks.clear();
    this.plans.clear();
    this.createConfigs.clear();
  }

  queuePlans(clusterName: string, serviceName: string, plans: DeploymentPlan[]): void {
    const key = serviceKey(clusterNameOf(clusterName), serviceNameOf(serviceName));
    const queue = this.plans.get(key) ?? [];
    queue.push(...plans.map(normalizePlan));
    this.plans.set(key, queue);
  }

  forget(key: string): void {
    this.services.delete(key);
    this.createConfigs.delete(key);
  }

  /**
   * Sees a service in a moto response. The first time, adopts moto's creation-time deployment
   * as a COMPLETED PRIMARY (a service that has been running fine). Returns undefined for
   * services the layer does not model (no ECS deployment controller, so no moto deployment).
   */
  observe(svc: MotoService): ServiceState | undefined {
    const clusterName = clusterNameOf(svc.clusterArn);
    const key = serviceKey(clusterName, svc.serviceName);
    let state = this.services.get(key);
    if (state === undefined) {
      const motoPrimary = svc.deployments?.find((d) => d.status === 'PRIMARY') ?? svc.deployments?.[0];
      if (motoPrimary === undefined) return undefined;
      const [, , , region = 'us-east-1', account = '123456789012'] = svc.serviceArn.split(':');
      const id = String(motoPrimary.id);
      const desired = svc.desiredCount;
      state = {
        key,
        clusterName,
        serviceName: svc.serviceName,
        serviceArn: svc.serviceArn,
        clusterArn: svc.clusterArn,
        region,
        account,
        deployments: [
          {
            ...(motoPrimary as object),
            id,
            status: 'PRIMARY',
            taskDefinition: String(motoPrimary.taskDefinition ?? svc.taskDefinition ?? ''),
            desiredCount: desired,
            runningCount: desired,
            pendingCount: 0,
            failedTasks: Number(motoPrimary.failedTasks ?? 0),
            createdAt: epochSeconds(motoPrimary.createdAt),
            updatedAt: epochSeconds(motoPrimary.updatedAt),
            rolloutState: 'COMPLETED',
            rolloutStateReason: `ECS deployment ${id} completed.`,
          },
        ],
        scripts: new Map(),
        events: [],
        serviceDeployments: [],
      };
      const fromCreate = this.createConfigs.get(key);
      if (fromCreate !== undefined) state.deploymentConfiguration = fromCreate;
      this.services.set(key, state);
    }
    if (svc.deploymentConfiguration !== undefined) state.deploymentConfiguration = svc.deploymentConfiguration;
    // A desiredCount change without a new deployment resizes the PRIMARY, as ECS does.
    const primary = primaryOf(state);
    if (primary !== undefined && primary.desiredCount !== svc.desiredCount) {
      primary.desiredCount = svc.desiredCount;
      if (primary.rolloutState === 'COMPLETED') primary.runningCount = svc.desiredCount;
      primary.updatedAt = now();
    }
    return state;
  }

  /** A new PRIMARY deployment (UpdateService with a new task definition or forceNewDeployment). */
  startDeployment(state: ServiceState, svc: MotoService, taskDefinition: string, opts: { rollback?: boolean } = {}): EcsDeployment {
    const t = now();
    for (const d of state.deployments) {
      if (d.status === 'PRIMARY') {
        d.status = 'ACTIVE';
        // The old deployment keeps serving with all its tasks until the new one completes.
        if (d.rolloutState === 'COMPLETED') {
          d.runningCount = d.desiredCount;
          d.pendingCount = 0;
        }
        d.updatedAt = t;
      }
    }
    const id = newDeploymentId();
    const template = state.deployments[0];
    const deployment: EcsDeployment = {
      id,
      status: 'PRIMARY',
      taskDefinition,
      desiredCount: svc.desiredCount,
      pendingCount: 0,
      runningCount: 0,
      failedTasks: 0,
      createdAt: t,
      updatedAt: t,
      ...(svc.launchType !== undefined || template?.launchType !== undefined ? { launchType: svc.launchType ?? template?.launchType } : {}),
      ...(template?.platformFamily !== undefined ? { platformFamily: template.platformFamily } : {}),
      ...(template?.platformVersion !== undefined ? { platformVersion: template.platformVersion } : {}),
      ...(svc.networkConfiguration !== undefined ? { networkConfiguration: svc.networkConfiguration } : template?.networkConfiguration !== undefined ? { networkConfiguration: template.networkConfiguration } : {}),
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: `ECS deployment ${id} in progress.`,
    };
    state.deployments.unshift(deployment);
    // A rollback is ECS's own deployment: it follows the default script, not the test's queue.
    const queued = opts.rollback ? undefined : this.plans.get(state.key)?.shift();
    const plan = queued ?? DEFAULT_PLAN;
    state.scripts.set(id, { plan, step: 0 });
    const strategy = state.deploymentConfiguration?.strategy;
    if (!opts.rollback && isStrategy(strategy)) {
      const previous = state.deployments.find((d) => d.status === 'ACTIVE' && d.rolloutState === 'COMPLETED');
      const sd = newServiceDeployment({
        serviceArn: state.serviceArn,
        clusterArn: state.clusterArn,
        strategy,
        config: state.deploymentConfiguration ?? {},
        script: {
          outcome: plan.outcome,
          ...(plan.outcome === 'fail' && plan.hookFailsAt !== undefined ? { hookFailsAt: plan.hookFailsAt } : {}),
          ...(plan.outcome === 'stuck' && plan.at !== undefined ? { stuckAt: plan.at } : {}),
          bakeSteps: plan.outcome === 'complete' ? plan.bakeSteps : 1,
        },
        deploymentId: id,
        targetTaskDefinition: taskDefinition,
        sourceTaskDefinition: previous?.taskDefinition,
        sourceRevisionArn: state.serviceDeployments[0]?.status === 'SUCCESSFUL' ? state.serviceDeployments[0].targetRevisionArn : previous ? revisionOf(state, previous.id) : undefined,
        desiredCount: svc.desiredCount,
        now: t,
      });
      for (const older of state.serviceDeployments) supersede(older, sd.arn, t);
      state.serviceDeployments.unshift(sd);
    }
    return deployment;
  }

  /**
   * One DescribeServices call's worth of progress for the service's PRIMARY deployment.
   * Returns a rollback the HTTP layer must also apply to moto, if the circuit breaker fired.
   */
  advance(state: ServiceState, tdInfo: (arn: string) => TaskDefinitionInfo | undefined): RollbackAction | undefined {
    const sd = state.serviceDeployments[0];
    if (sd !== undefined && !isFinished(sd)) return this.advanceStrategy(state, sd, tdInfo);
    const primary = primaryOf(state);
    if (primary === undefined || primary.rolloutState !== 'IN_PROGRESS') return undefined;
    const script = state.scripts.get(primary.id);
    if (script === undefined) return undefined;
    const { plan } = script;
    const t = now();
    primary.updatedAt = t;
    const desired = primary.desiredCount;
    const td = tdInfo(primary.taskDefinition);

    if (plan.outcome === 'stuck') {
      if (script.step === 0) {
        const started = this.startTasks(state, primary, td, desired, t);
        this.event(state, `(service ${state.serviceName}) has started ${started.length} tasks: ${taskList(started)}.`, t);
      }
      script.step += 1;
      primary.pendingCount = desired;
      primary.runningCount = 0;
      return undefined;
    }

    script.step += 1;
    const k = script.step;
    const n = plan.steps;

    if (plan.outcome === 'complete') {
      if (k === 1) {
        const started = this.startTasks(state, primary, td, desired, t);
        if (started.length > 0) this.event(state, `(service ${state.serviceName}) has started ${started.length} tasks: ${taskList(started)}.`, t);
      }
      if (k < n) {
        const running = n > 1 ? Math.floor((desired * (k - 1)) / (n - 1)) : 0;
        primary.runningCount = running;
        primary.pendingCount = desired - running;
        this.setTaskStatus(primary.id, running);
        return undefined;
      }
      this.complete(state, primary, t);
      return undefined;
    }

    // fail: a batch of tasks starts and stops on every step, up to failedTasks in all.
    const target = Math.min(plan.failedTasks, Math.ceil((plan.failedTasks * k) / Math.max(n - 1, 1)));
    const batch = target - primary.failedTasks;
    if (batch > 0) {
      const started = this.startTasks(state, primary, td, batch, t);
      this.event(state, `(service ${state.serviceName}) has started ${started.length} tasks: ${taskList(started)}.`, t);
      for (const task of started) this.stopTask(task, plan, t);
      primary.failedTasks += batch;
    }
    primary.runningCount = 0;
    primary.pendingCount = k < n ? desired : 0;
    if (k < n) return undefined;

    primary.failedTasks = Math.max(primary.failedTasks, plan.failedTasks);
    primary.rolloutState = 'FAILED';
    primary.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
    this.event(state, `(service ${state.serviceName}) (deployment ${primary.id}) deployment failed: tasks failed to start.`, t);

    const breaker = state.deploymentConfiguration?.deploymentCircuitBreaker;
    const previous = state.deployments.find((d) => d.status === 'ACTIVE' && d.rolloutState === 'COMPLETED');
    if (breaker?.enable === true && breaker.rollback === true && previous !== undefined) {
      const rollback = this.startDeployment(state, { ...stubService(state), desiredCount: primary.desiredCount }, previous.taskDefinition, { rollback: true });
      this.event(state, `(service ${state.serviceName}) rolling back to deployment ${previous.id}.`, t);
      return { cluster: state.clusterName, service: state.serviceName, taskDefinition: rollback.taskDefinition };
    }
    return undefined;
  }

  /** One step of a BLUE_GREEN/LINEAR/CANARY service deployment, applied to the service's deployments. */
  private advanceStrategy(state: ServiceState, sd: ServiceDeploymentState, tdInfo: (arn: string) => TaskDefinitionInfo | undefined): RollbackAction | undefined {
    const t = now();
    const green = state.deployments.find((d) => d.id === sd.deploymentId);
    const script = state.scripts.get(sd.deploymentId);
    const breaker = state.deploymentConfiguration?.deploymentCircuitBreaker;
    const stageBefore = sd.phases[sd.phase]?.stage;
    const statusBefore = sd.status;
    const effect = stepServiceDeployment(sd, t, breaker?.enable === true && breaker.rollback === true);
    const stage = sd.phases[sd.phase]?.stage;
    if (stage !== stageBefore && sd.status === 'IN_PROGRESS' && stage !== undefined) {
      this.event(state, `(service ${state.serviceName}) (service deployment ${sd.arn.split('/').pop()}) entered lifecycle stage ${stage}.`, t);
    }
    if (green === undefined) return undefined;
    green.updatedAt = t;
    if (effect.kind === 'scaled-up') {
      const started = this.startTasks(state, green, tdInfo(green.taskDefinition), green.desiredCount, t);
      this.event(state, `(service ${state.serviceName}) has started ${started.length} tasks: ${taskList(started)}.`, t);
      green.runningCount = green.desiredCount;
      green.pendingCount = 0;
      this.setTaskStatus(green.id, green.desiredCount);
    } else if (effect.kind === 'tasks-failed' && script?.plan.outcome === 'fail') {
      const plan = script.plan;
      const batch = Math.max(1, Math.ceil(plan.failedTasks / Math.max(plan.steps - 1, 1)));
      const started = this.startTasks(state, green, tdInfo(green.taskDefinition), batch, t);
      this.event(state, `(service ${state.serviceName}) has started ${started.length} tasks: ${taskList(started)}.`, t);
      for (const task of started) this.stopTask(task, plan, t);
      green.failedTasks += batch;
      green.pendingCount = green.desiredCount;
    }
    if (sd.status !== statusBefore && (sd.status === 'ROLLBACK_IN_PROGRESS' || sd.status === 'ROLLBACK_REQUESTED')) {
      green.rolloutState = 'FAILED';
      green.rolloutStateReason = sd.rollback?.reason ?? sd.statusReason;
      this.event(state, `(service ${state.serviceName}) (service deployment ${sd.arn.split('/').pop()}) rolling back: ${sd.rollback?.reason ?? sd.statusReason}`, t);
    }
    if (effect.kind === 'succeeded') {
      this.complete(state, green, t);
      return undefined;
    }
    if (effect.kind === 'stopped') {
      green.rolloutState = 'FAILED';
      green.rolloutStateReason = sd.statusReason;
      return undefined;
    }
    if (effect.kind === 'rolled-back') {
      // Traffic is back on blue: green's tasks stop, blue is the PRIMARY again.
      const blue = state.deployments.find((d) => d.id !== green.id && d.rolloutState === 'COMPLETED');
      for (const task of this.tasks.values()) {
        if (task.startedBy === green.id && task.desiredStatus === 'RUNNING') {
          this.stopTask(task, { stoppedReason: `Rollback of service deployment ${sd.arn}`, stopCode: 'ServiceSchedulerInitiated' }, t);
        }
      }
      state.deployments = state.deployments.filter((d) => d !== green);
      state.scripts.delete(green.id);
      if (blue === undefined) return undefined;
      blue.status = 'PRIMARY';
      blue.updatedAt = t;
      this.event(state, `(service ${state.serviceName}) (service deployment ${sd.arn.split('/').pop()}) rolled back to ${blue.taskDefinition}.`, t);
      return { cluster: state.clusterName, service: state.serviceName, taskDefinition: blue.taskDefinition };
    }
    return undefined;
  }

  /** After StopServiceDeployment: the deployment it rolls out is FAILED from now on. */
  markStopped(state: ServiceState, sd: ServiceDeploymentState): void {
    const green = state.deployments.find((d) => d.id === sd.deploymentId);
    if (green === undefined) return;
    green.rolloutState = 'FAILED';
    green.rolloutStateReason = sd.statusReason;
    this.event(state, `(service ${state.serviceName}) (service deployment ${sd.arn.split('/').pop()}) ${sd.statusReason}`, now());
  }

  /** StopServiceDeployment: the service that holds the service deployment `arn`, if any. */
  findServiceDeployment(arn: string): { state: ServiceState; sd: ServiceDeploymentState } | undefined {
    for (const state of this.services.values()) {
      const sd = state.serviceDeployments.find((d) => d.arn === arn);
      if (sd) return { state, sd };
    }
    return undefined;
  }

  /** The service as the layer reports it: moto's object with the layer's deployments, counts and events. */
  render(state: ServiceState, svc: MotoService): MotoService {
    const deployments = state.deployments.filter((d) => d.status !== 'INACTIVE');
    const out: MotoService = {
      ...svc,
      deployments: deployments.map((d) => ({ ...d })),
      runningCount: deployments.reduce((sum, d) => sum + d.runningCount, 0),
      pendingCount: deployments.reduce((sum, d) => sum + d.pendingCount, 0),
      events: [...state.events, ...(Array.isArray(svc.events) ? svc.events : [])],
    };
    if (svc.deploymentConfiguration === undefined && state.deploymentConfiguration !== undefined) {
      out.deploymentConfiguration = state.deploymentConfiguration;
    }
    if (state.serviceDeployments[0] !== undefined) out.currentServiceDeployment = state.serviceDeployments[0].arn;
    return out;
  }

  private complete(state: ServiceState, primary: EcsDeployment, t: number): void {
    primary.runningCount = primary.desiredCount;
    primary.pendingCount = 0;
    primary.rolloutState = 'COMPLETED';
    primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
    this.setTaskStatus(primary.id, primary.desiredCount);
    for (const d of state.deployments) {
      if (d === primary || d.status === 'INACTIVE') continue;
      d.status = 'INACTIVE';
      d.runningCount = 0;
      d.pendingCount = 0;
      d.updatedAt = t;
      for (const task of this.tasks.values()) {
        if (task.startedBy === d.id && task.desiredStatus === 'RUNNING') {
          this.stopTask(task, { stoppedReason: `Scaling activity initiated by (deployment ${primary.id})`, stopCode: 'ServiceSchedulerInitiated' }, t);
        }
      }
    }
    state.deployments = state.deployments.filter((d) => d.status !== 'INACTIVE');
    for (const id of [...state.scripts.keys()]) if (id !== primary.id) state.scripts.delete(id);
    this.event(state, `(service ${state.serviceName}) has reached a steady state.`, t);
  }

  private event(state: ServiceState, message: string, t: number): void {
    state.events.unshift({ id: randomUUID(), createdAt: t, message });
  }

  private startTasks(state: ServiceState, d: EcsDeployment, td: TaskDefinitionInfo | undefined, count: number, t: number): LayerTask[] {
    const started: LayerTask[] = [];
    const family = familyOf(d.taskDefinition);
    for (let i = 0; i < count; i++) {
      const id = randomBytes(16).toString('hex');
      const taskArn = `arn:aws:ecs:${state.region}:${state.account}:task/${state.clusterName}/${id}`;
      const containers = (td?.containers.length ? td.containers : [{ name: 'app', image: 'unknown' }]).map((c) => ({
        containerArn: `arn:aws:ecs:${state.region}:${state.account}:container/${state.clusterName}/${id}/${randomUUID()}`,
        taskArn,
        name: c.name,
        image: c.image,
        lastStatus: 'PENDING',
        networkInterfaces: [],
        healthStatus: 'UNKNOWN',
      }));
      const json: Record<string, unknown> = {
        taskArn,
        clusterArn: state.clusterArn,
        taskDefinitionArn: d.taskDefinition,
        group: `service:${state.serviceName}`,
        startedBy: d.id,
        lastStatus: 'PENDING',
        desiredStatus: 'RUNNING',
        ...(d.launchType !== undefined ? { launchType: d.launchType } : {}),
        ...(td?.cpu !== undefined ? { cpu: td.cpu } : {}),
        ...(td?.memory !== undefined ? { memory: td.memory } : {}),
        createdAt: t,
        version: 1,
        healthStatus: 'UNKNOWN',
        containers,
        attachments: [],
        tags: [],
      };
      const task: LayerTask = {
        clusterName: state.clusterName,
        serviceName: state.serviceName,
        startedBy: d.id,
        desiredStatus: 'RUNNING',
        family,
        ...(d.launchType !== undefined ? { launchType: d.launchType } : {}),
        json,
      };
      this.tasks.set(taskArn, task);
      started.push(task);
    }
    return started;
  }

  /** Marks the first `running` of a deployment's live tasks RUNNING (the rest stay PENDING). */
  private setTaskStatus(deploymentId: string, running: number): void {
    let n = 0;
    for (const task of this.tasks.values()) {
      if (task.startedBy !== deploymentId || task.desiredStatus !== 'RUNNING') continue;
      const status = n < running ? 'RUNNING' : 'PENDING';
      n += 1;
      if (task.json.lastStatus === status) continue;
      task.json.lastStatus = status;
      if (status === 'RUNNING') task.json.startedAt = now();
      for (const c of task.json.containers as Array<Record<string, unknown>>) c.lastStatus = status;
      task.json.version = Number(task.json.version) + 1;
    }
  }

  private stopTask(
    task: LayerTask,
    why: { stoppedReason: string; stopCode?: string; exitCode?: number; containerReason?: string },
    t: number,
  ): void {
    const exited = why.exitCode !== undefined;
    task.desiredStatus = 'STOPPED';
    Object.assign(task.json, {
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stoppedReason: why.stoppedReason,
      stopCode: why.stopCode ?? 'EssentialContainerExited',
      startedAt: task.json.startedAt ?? t,
      stoppingAt: t,
      stoppedAt: t,
      executionStoppedAt: t,
      version: Number(task.json.version) + 1,
    });
    for (const c of task.json.containers as Array<Record<string, unknown>>) {
      c.lastStatus = 'STOPPED';
      if (exited) {
        c.exitCode = why.exitCode;
        c.reason = why.containerReason;
      } else {
        c.exitCode = 0;
      }
    }
  }
}

export function primaryOf(state: ServiceState): EcsDeployment | undefined {
  return state.deployments.find((d) => d.status === 'PRIMARY');
}

/** The service revision ARN the layer names a deployment by (stable per deployment id). */
function revisionOf(state: ServiceState, deploymentId: string): string {
  return revisionArn(state.serviceArn, deploymentId.replace(/^ecs-svc\//, ''));
}

function stubService(state: ServiceState): MotoService {
  return { serviceArn: state.serviceArn, serviceName: state.serviceName, clusterArn: state.clusterArn, desiredCount: 0 };
}

function taskList(tasks: LayerTask[]): string {
  return tasks.map((t) => `(task ${String(t.json.taskArn).split('/').pop()})`).join(' ');
}

/** "arn:...:task-definition/fam:3" or "fam:3" -> "fam". */
export function familyOf(taskDefinition: string): string {
  return taskDefinition.split('/').pop()!.split(':')[0]!;
}

function epochSeconds(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms / 1000;
  }
  return now();
}
