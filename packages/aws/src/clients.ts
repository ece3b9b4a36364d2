import { ECSClient } from '@aws-sdk/client-ecs';
import type { Logger } from '@ml-deploy/action-kit';

export interface ClientOptions {
  /** Region; when unset the SDK's own chain (AWS_REGION, profile) decides. */
  region?: string | undefined;
  /** Total attempts per call, the first included: throttling and 5xx are retried with backoff. */
  maxAttempts: number;
  logger?: Logger;
  /** Counts every HTTP attempt the client makes (retries included), for reports and benchmarks. */
  onAttempt?: (operation: string) => void;
}

/**
 * An ECS client configured the ml-deploy way: the SDK's standard retry strategy (exponential
 * backoff with jitter, throttling and transient 5xx retried), endpoint and credentials from the
 * SDK's own configuration (AWS_ENDPOINT_URL, AWS_REGION, the credential chain), so the same bundle
 * runs against AWS, moto or a fake without a test-only path.
 */
export function createEcsClient(opts: ClientOptions): ECSClient {
  const client = new ECSClient({
    ...(opts.region ? { region: opts.region } : {}),
    maxAttempts: opts.maxAttempts,
    retryMode: 'standard',
    customUserAgent: 'ml-deploy',
  });
  const { logger, onAttempt } = opts;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      onAttempt?.(operation);
      try {
        return await next(args);
      } catch (err) {
        const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
        logger?.debug(`ecs:${operation} attempt failed: ${e.name ?? 'error'} (HTTP ${e.$metadata?.httpStatusCode ?? '?'})`);
        throw err;
      }
    },
    // finalizeRequest runs after the retry middleware, so it sees each attempt.
    { step: 'finalizeRequest', name: 'mlDeployAttemptCounter', priority: 'low' },
  );
  return client;
}
