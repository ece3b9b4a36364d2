/**
 * Watches one ECS deployment until it is done. "Done" means this deployment (by id) has
 * rolloutState COMPLETED and runs its desired count — not merely that the service looks stable,
 * which an old deployment can also make true. Reports progress and new service events while waiting.
 */
import type { Deployment, Service, ServiceEvent } from '@aws-sdk/client-ecs';
import { type Clock, type Logger, pollUntil } from '@ml-deploy/action-kit';
import type { EcsApi } from './api';

export type RolloutOutcome =
  | { kind: 'completed'; deployment: Deployment }
  | { kind: 'failed'; reason: string; deployment: Deployment | undefined }
  | { kind: 'superseded'; by: Deployment | undefined; service?: Service };

export interface WatchOptions {
  cluster: string;
  service: string;
  deploymentId: string;
  timeoutMs: number;
  /** Fail as soon as this many of the deployment's tasks have stopped; undefined leaves it to ECS. */
  maxFailedTasks: number | undefined;
  /** Events at or after this time are new (ms since epoch). */
  since: number;
  logger: Logger;
  clock: Clock;
  signal: AbortSignal | undefined;
  /** Poll interval at the start; backs off while nothing changes. */
  intervalMs: number;
  /** Sees every service description, for the summary's event list and counts. */
  onService?: (service: Service) => void;
  /** Ids of events already printed; shared by the watches of one run so none is printed twice. */
  seenEvents: Set<string>;
}

export async function watchDeployment(api: EcsApi, opts: WatchOptions): Promise<RolloutOutcome> {
  const events = new EventTail(opts.since, opts.seenEvents, (e) => opts.logger.info(`  event: ${e.message ?? ''}`));
  return pollUntil<RolloutOutcome>(
    async () => {
      const svc = await api.describeService(opts.cluster, opts.service);
      opts.onService?.(svc);
      events.add(svc.events ?? []);
      const deployments = svc.deployments ?? [];
      const dep = deployments.find((d) => d.id === opts.deploymentId);
      const primary = deployments.find((d) => d.status === 'PRIMARY');
      if (!dep) return { done: true, value: { kind: 'superseded', by: primary, service: svc } };
      const running = dep.runningCount ?? 0;
      const desired = dep.desiredCount ?? 0;
      if (dep.rolloutState === 'FAILED') {
        const reason = (dep.rolloutStateReason ?? 'rolloutState FAILED').replace(/\.$/, '');
        return { done: true, value: { kind: 'failed', reason, deployment: dep } };
      }
      if (opts.maxFailedTasks !== undefined && (dep.failedTasks ?? 0) >= opts.maxFailedTasks) {
        return {
          done: true,
          value: { kind: 'failed', reason: `${dep.failedTasks} tasks of the deployment stopped (max-failed-tasks: ${opts.maxFailedTasks})`, deployment: dep },
        };
      }
      // A newer deployment is PRIMARY: ours no longer is what the service runs.
      if (dep.status !== 'PRIMARY' && primary && primary.id !== dep.id) {
        return { done: true, value: { kind: 'superseded', by: primary, service: svc } };
      }
      if (dep.rolloutState === 'COMPLETED' && running === desired) {
        return { done: true, value: { kind: 'completed', deployment: dep } };
      }
      const others = deployments.filter((d) => d.id !== dep.id && (d.runningCount ?? 0) > 0);
      const progress =
        `${dep.id}: ${dep.rolloutState ?? dep.status ?? 'unknown'}, running ${running}/${desired}, pending ${dep.pendingCount ?? 0}` +
        `${dep.failedTasks ? `, failed tasks ${dep.failedTasks}` : ''}` +
        `${others.length ? `; old deployments still running ${others.reduce((n, d) => n + (d.runningCount ?? 0), 0)} tasks` : ''}`;
      return { done: false, progress };
    },
    {
      what: `deployment ${opts.deploymentId} of service '${opts.service}'`,
      timeoutMs: opts.timeoutMs,
      intervalMs: opts.intervalMs,
      maxIntervalMs: Math.max(opts.intervalMs, 15_000),
      clock: opts.clock,
      signal: opts.signal,
      onProgress: (line) => opts.logger.info(line),
    },
  );
}

/** Prints each service event once, oldest first, skipping those from before the deploy began. */
class EventTail {
  constructor(
    private readonly since: number,
    private readonly seen: Set<string>,
    private readonly print: (e: ServiceEvent) => void,
  ) {}

  add(events: ServiceEvent[]): void {
    const fresh = events
      .filter((e) => e.id && !this.seen.has(e.id) && (e.createdAt?.getTime() ?? 0) >= this.since - 1000)
      .sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
    for (const e of fresh) {
      this.seen.add(e.id!);
      this.print(e);
    }
  }
}
