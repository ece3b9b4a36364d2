/**
 * The Cloud Run calls ml-deploy makes, each retried on 429/5xx with backoff, counted, and turned
 * into an error that says what to do (explainGcpError). Runner-free: actions and the canary gate
 * use it alike.
 */
import type { google } from '@google-cloud/run/build/protos/protos.js';
import { type Clock, type Logger, retry, systemClock } from '@ml-deploy/action-kit';
import type { CloudRunClients } from './clients';
import { explainGcpError, GrpcCode, grpcCode, isRetryableGcpError } from './errors';

export type Service = google.cloud.run.v2.IService;
export type Revision = google.cloud.run.v2.IRevision;
export type TrafficTarget = google.cloud.run.v2.ITrafficTarget;
export type TrafficTargetStatus = google.cloud.run.v2.ITrafficTargetStatus;
export type Condition = google.cloud.run.v2.ICondition;

/** A long-running operation as GetOperation reports it, metadata and response decoded to Service. */
export interface OperationState {
  name: string;
  done: boolean;
  metadata: Service | undefined;
  /** Set when the operation ended in failure. */
  error: { code?: number | null; message?: string | null } | undefined;
}

export interface CloudRunApiOptions {
  maxAttempts: number;
  logger?: Logger;
  clock?: Clock;
  signal?: AbortSignal;
  /** Called on every HTTP attempt (retries included), for reports and benches. */
  onAttempt?: (call: string) => void;
}

export class CloudRunApi {
  readonly calls: Record<string, number> = {};

  constructor(
    private readonly clients: Pick<CloudRunClients, 'services' | 'revisions'>,
    private readonly opts: CloudRunApiOptions,
  ) {}

  private async call<T>(name: string, fn: () => Promise<T>): Promise<T> {
    let attempts = 0;
    try {
      return await retry(
        async () => {
          attempts += 1;
          this.calls[name] = (this.calls[name] ?? 0) + 1;
          this.opts.onAttempt?.(name);
          return await fn();
        },
        {
          attempts: this.opts.maxAttempts,
          retryable: isRetryableGcpError,
          baseDelayMs: 500,
          maxDelayMs: 20_000,
          ...(this.opts.clock ? { clock: this.opts.clock } : {}),
          ...(this.opts.signal ? { signal: this.opts.signal } : {}),
          onRetry: (err, attempt, delay) =>
            this.opts.logger?.info(`${name}: ${(err as Error).message.split('\n')[0]} — retrying in ${delay}ms (attempt ${attempt + 1} of ${this.opts.maxAttempts})`),
        },
      );
    } catch (err) {
      throw Object.assign(explainGcpError(err, name, attempts), { grpcCode: grpcCode(err) });
    }
  }

  /** The service, or undefined when it does not exist. */
  async getService(name: string): Promise<Service | undefined> {
    try {
      const [svc] = await this.call('run.services.get', () => this.clients.services.getService({ name }));
      return svc;
    } catch (err) {
      if ((err as { grpcCode?: number }).grpcCode === GrpcCode.NOT_FOUND) return undefined;
      throw err;
    }
  }

  async createService(parent: string, serviceId: string, service: Service): Promise<string> {
    const [op] = await this.call('run.services.create', () =>
      this.clients.services.createService({ parent, serviceId, service }, { retry: null as never }),
    );
    return op.name!;
  }

  async updateService(service: Service): Promise<string> {
    const [op] = await this.call('run.services.update', () =>
      this.clients.services.updateService({ service }, { retry: null as never }),
    );
    return op.name!;
  }

  async getOperation(name: string): Promise<OperationState> {
    const op = await this.call('run.operations.get', () => this.clients.services.checkUpdateServiceProgress(name));
    return {
      name,
      done: !!op.done,
      metadata: op.metadata ?? undefined,
      error: op.error ? { code: op.error.code, message: op.error.message } : undefined,
    } as OperationState;
  }

  async getRevision(name: string): Promise<Revision | undefined> {
    try {
      const [rev] = await this.call('run.revisions.get', () => this.clients.revisions.getRevision({ name }));
      return rev;
    } catch (err) {
      if ((err as { grpcCode?: number }).grpcCode === GrpcCode.NOT_FOUND) return undefined;
      throw err;
    }
  }
}
