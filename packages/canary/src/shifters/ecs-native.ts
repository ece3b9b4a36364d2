/**
 * Traffic shifter: an ECS service deployment with ECS's own CANARY or LINEAR strategy
 * (`deploymentConfiguration.strategy`). ECS moves the production traffic itself, on its own schedule
 * (canary percent and bake time, or linear steps and step bake time); the gate follows it: each step
 * it waits until ECS routes at least the step's weight to the new revision, analyses there, and on a
 * bad verdict stops the deployment with StopServiceDeployment ROLLBACK and waits until ECS reports
 * the rollback done. Promotion waits until ECS reports the deployment SUCCESSFUL (bake time included).
 * If the runner dies, ECS's own schedule carries on (and its alarms and hooks still roll back).
 * The ECS calls are packages/aws's (EcsApi: errors that say which permission or resource is missing).
 */
import { type Clock, ConfigurationError, formatDuration, type Logger, pollUntil, systemClock } from '@ml-deploy/action-kit';
import type { EcsApi } from '@ml-deploy/aws';
import type { Service, ServiceDeployment } from '@aws-sdk/client-ecs';
import type { AnalysisPlan, TrafficShifter } from '../interfaces';

export interface EcsNativeShifterOptions {
  cluster: string;
  service: string;
  /** The service deployment to follow; unset: the service's current one (it must be unfinished). */
  serviceDeploymentArn?: string | undefined;
  /** How long one step may take: waiting for ECS to reach a weight, to finish, or to roll back. */
  timeoutMs: number;
  pollIntervalMs?: number;
  clock?: Clock;
  logger?: Logger;
}

/** What the service deployment's strategy will do, read before any analysis. */
export interface EcsTrafficPlan {
  strategy: 'CANARY' | 'LINEAR';
  serviceDeploymentArn: string;
  /** The production weights ECS moves through before 100 %, e.g. [5] or [10, 20, ..., 90]. */
  steps: number[];
  /** Minutes ECS holds each of those steps (canary or linear step bake time), when set. */
  stepBakeMinutes: number | undefined;
  /** Minutes ECS bakes at 100 % before retiring the old revision, when set. */
  bakeMinutes: number | undefined;
}

const FINISHED = new Set(['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);
const ROLLING_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS']);

/** The new revision's production share as ECS reports it (0 while pending, rolling back or rolled back). */
export function productionWeight(sd: ServiceDeployment): number {
  const status = sd.status ?? '';
  if (status === 'SUCCESSFUL') return 100;
  if (status !== 'IN_PROGRESS') return 0;
  return Math.round(sd.targetServiceRevision?.requestedProductionTrafficWeight ?? 0);
}

export class EcsNativeShifter implements TrafficShifter {
  readonly name = 'ecs-service-deployment';
  /** ECS moves the traffic; the gate can only follow it, or stop it with a rollback. */
  readonly followsPlatform = true;
  private arn: string | undefined;
  private readonly clock: Clock;

  constructor(
    private readonly api: EcsApi,
    readonly opts: EcsNativeShifterOptions,
  ) {
    this.arn = opts.serviceDeploymentArn;
    this.clock = opts.clock ?? systemClock;
  }

  /**
   * Finds the service deployment, checks it is one ECS's CANARY or LINEAR strategy runs and has not
   * finished, and returns what ECS will do. No change is made.
   */
  async plan(): Promise<EcsTrafficPlan> {
    const svc = await this.api.describeService(this.opts.cluster, this.opts.service);
    const arn = await this.resolveArn(svc);
    const sd = await this.describe(arn);
    const config = sd.deploymentConfiguration ?? svc.deploymentConfiguration ?? {};
    const strategy = config.strategy ?? 'ROLLING';
    const where = `service deployment ${arn} of service '${this.opts.service}'`;
    if (FINISHED.has(sd.status ?? '')) {
      throw new Error(`${where} has finished (${sd.status}); the gate analyses a deployment while ECS shifts its traffic: start the canary gate right after deploy-ecs with wait-for-deployment: false`);
    }
    if (strategy === 'CANARY') {
      const p = config.canaryConfiguration?.canaryPercent ?? 5;
      return { strategy, serviceDeploymentArn: arn, steps: [p], stepBakeMinutes: config.canaryConfiguration?.canaryBakeTimeInMinutes, bakeMinutes: config.bakeTimeInMinutes };
    }
    if (strategy === 'LINEAR') {
      const s = config.linearConfiguration?.stepPercent ?? 10;
      const steps: number[] = [];
      for (let w = s; w < 100 - 1e-9; w += s) steps.push(Math.round(w * 10) / 10);
      return { strategy, serviceDeploymentArn: arn, steps, stepBakeMinutes: config.linearConfiguration?.stepBakeTimeInMinutes, bakeMinutes: config.bakeTimeInMinutes };
    }
    throw new Error(
      `${where} uses the ${strategy} strategy; traffic ecs follows ECS's CANARY or LINEAR strategy (a canary weight below 100 % that the analysis compares with the baseline in the same interval). ${strategy === 'BLUE_GREEN' ? 'BLUE_GREEN moves all production traffic at once: use CANARY, or two services behind an ALB with traffic: alb' : 'Set deployment-strategy: canary or linear in deploy-ecs'}`,
    );
  }

  /**
   * The gate's steps must be ECS's (it cannot ask ECS for another weight), and ECS must hold each
   * step at least as long as the gate analyses it, or ECS moves on mid-analysis. Returns warnings.
   */
  async checkPlan(plan: AnalysisPlan, signal?: AbortSignal): Promise<string[]> {
    signal?.throwIfAborted();
    const ecs = await this.plan();
    const warnings: string[] = [];
    const what = ecs.strategy === 'CANARY' ? `shifts ${ecs.steps[0]} % to the new revision, then 100 %` : `shifts ${ecs.steps[0]} % at a time (${ecs.steps.join(', ')}, then 100 %)`;
    if (ecs.steps.join() !== plan.steps.join()) {
      throw new ConfigurationError(`input 'steps' is ${plan.steps.join(',')}, but the service deployment's ${ecs.strategy} strategy ${what}: set steps: ${ecs.steps.join(',')}`);
    }
    const analysis = plan.intervalsPerStep * plan.intervalMs;
    const bake = ecs.stepBakeMinutes === undefined ? undefined : ecs.stepBakeMinutes * 60_000;
    const bakeName = ecs.strategy === 'CANARY' ? 'canary bake time (canary-bake-time)' : 'step bake time (linear-step-bake-time)';
    const need = `the gate analyses a step for intervals-per-step ${plan.intervalsPerStep} × interval ${formatDuration(plan.intervalMs)} = ${formatDuration(analysis)}; set it to at least ${Math.ceil(analysis / 60_000)} min in deploy-ecs, or analyse fewer or shorter intervals`;
    if (bake === undefined) throw new ConfigurationError(`the service deployment sets no ${bakeName}, so ECS may move on before the gate decides: ${need}`);
    if (bake < analysis) throw new ConfigurationError(`ECS holds each step for its ${bakeName} of ${formatDuration(bake)}, less than the gate needs (ECS would move on before it decides): ${need}`);
    if (!ecs.bakeMinutes) warnings.push(`the deployment has no bake time at 100 % (bake-time): once ECS finishes, the previous revision is retired and a late regression cannot be rolled back by ECS`);
    return warnings;
  }

  async readWeight(signal?: AbortSignal): Promise<number> {
    signal?.throwIfAborted();
    return productionWeight(await this.current());
  }

  /**
   * 0: stop the deployment with ROLLBACK (unless ECS already rolls back) and wait until ECS reports
   * it rolled back. Above 0: wait until ECS routes at least that share (100: until SUCCESSFUL); ECS
   * rolling back on its own (alarm, hook, circuit breaker) ends the wait with 0.
   */
  async setWeight(percent: number, signal?: AbortSignal): Promise<number> {
    const arn = await this.resolveArn();
    if (percent === 0) return this.rollBack(arn, signal);
    const log = this.opts.logger;
    let last = '';
    const sd = await pollUntil<ServiceDeployment>(
      async () => {
        const now = await this.current();
        const w = productionWeight(now);
        const key = `${now.status} ${now.lifecycleStage ?? ''} ${w}`;
        if (key !== last) {
          last = key;
          log?.info(`  ECS: ${now.status}${now.lifecycleStage ? ` ${now.lifecycleStage}` : ''}, production traffic ${w} % on the new revision`);
        }
        if (FINISHED.has(now.status ?? '') || ROLLING_BACK.has(now.status ?? '')) return { done: true, value: now };
        if (percent < 100 && w >= percent) return { done: true, value: now };
        return { done: false, progress: `${now.status} ${now.lifecycleStage ?? ''}: ${w} % (waiting for ${percent} %)` };
      },
      {
        what: `ECS to route ${percent} % to the new revision (${arn})`,
        timeoutMs: this.opts.timeoutMs,
        intervalMs: this.opts.pollIntervalMs ?? 5000,
        maxIntervalMs: Math.max(this.opts.pollIntervalMs ?? 5000, 15_000),
        clock: this.clock,
        ...(signal ? { signal } : {}),
        ...(log ? { onProgress: (l: string) => log.info(l) } : {}),
      },
    );
    const status = sd.status ?? '';
    if (status === 'ROLLBACK_FAILED') throw new Error(`ECS's own rollback of ${arn} failed: ${sd.rollback?.reason ?? sd.statusReason ?? 'no reason given'}`);
    if (ROLLING_BACK.has(status)) {
      log?.warning(`ECS rolls ${arn} back on its own: ${sd.rollback?.reason ?? sd.statusReason ?? status}`);
      return this.waitRolledBack(arn, signal);
    }
    if (status === 'STOPPED') throw new Error(`service deployment ${arn} was stopped (${sd.statusReason ?? 'no reason given'}): the gate cannot analyse it further`);
    return productionWeight(sd);
  }

  private async rollBack(arn: string, signal?: AbortSignal): Promise<number> {
    const sd = await this.describe(arn);
    const status = sd.status ?? '';
    if (status === 'ROLLBACK_SUCCESSFUL') return 0;
    if (status === 'SUCCESSFUL') {
      throw new Error(`service deployment ${arn} finished (SUCCESSFUL) before the gate decided: ECS retired the previous revision, so it cannot be rolled back; deploy the previous task definition (make the bake time cover the analysis)`);
    }
    if (status === 'ROLLBACK_FAILED') throw new Error(`ECS's rollback of ${arn} failed: ${sd.rollback?.reason ?? sd.statusReason ?? 'no reason given'}`);
    if (!ROLLING_BACK.has(status)) {
      this.opts.logger?.info(`StopServiceDeployment ${arn} (stopType ROLLBACK)`);
      await this.api.stopServiceDeployment(arn, 'ROLLBACK');
    }
    return this.waitRolledBack(arn, signal);
  }

  private async waitRolledBack(arn: string, signal?: AbortSignal): Promise<number> {
    const sd = await pollUntil<ServiceDeployment>(
      async () => {
        const now = await this.current();
        return FINISHED.has(now.status ?? '') ? { done: true, value: now } : { done: false, progress: `${now.status}` };
      },
      {
        what: `ECS to roll back ${arn}`,
        timeoutMs: this.opts.timeoutMs,
        intervalMs: this.opts.pollIntervalMs ?? 5000,
        maxIntervalMs: Math.max(this.opts.pollIntervalMs ?? 5000, 15_000),
        clock: this.clock,
        ...(signal ? { signal } : {}),
      },
    );
    if (sd.status !== 'ROLLBACK_SUCCESSFUL') throw new Error(`rollback of ${arn} ended ${sd.status}: ${sd.rollback?.reason ?? sd.statusReason ?? 'no reason given'}`);
    this.opts.logger?.info(`ECS rolled ${arn} back: the previous revision serves all production traffic`);
    return 0;
  }

  /** DescribeServices first (service events; it is also what moves the local ECS layer), then the deployment. */
  private async current(): Promise<ServiceDeployment> {
    const svc = await this.api.describeService(this.opts.cluster, this.opts.service);
    return this.describe(await this.resolveArn(svc));
  }

  private async describe(arn: string): Promise<ServiceDeployment> {
    const sd = await this.api.describeServiceDeployment(arn);
    if (!sd) throw new Error(`service deployment ${arn} was not found (ECS reports it MISSING)`);
    return sd;
  }

  private async resolveArn(svc?: Service): Promise<string> {
    if (this.arn) return this.arn;
    const s = svc ?? (await this.api.describeService(this.opts.cluster, this.opts.service));
    let arn = s.currentServiceDeployment;
    if (!arn) {
      const list = await this.api.listServiceDeployments(this.opts.cluster, this.opts.service, ['PENDING', 'IN_PROGRESS']);
      arn = list[0]?.serviceDeploymentArn;
    }
    if (!arn) throw new Error(`service '${this.opts.service}' in cluster '${this.opts.cluster}' has no service deployment in progress: deploy the new revision with deploy-ecs (deployment-strategy canary or linear, wait-for-deployment: false) first`);
    this.arn = arn;
    return arn;
  }
}
