import { type Clock, systemClock } from './clock';

export interface RetryOptions {
  /** Total attempts, the first included. */
  attempts: number;
  /** Whether an error is worth another attempt. */
  retryable: (err: unknown) => boolean;
  baseDelayMs?: number;
  maxDelayMs?: number;
  clock?: Clock;
  signal?: AbortSignal;
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
  /** A delay the failure itself asks for (an HTTP Retry-After), used instead of the backoff. */
  delayFor?: (err: unknown) => number | undefined;
}

/**
 * Retries `fn` with exponential backoff and full jitter. Used for calls that the SDKs' own retry
 * strategies do not cover (plain HTTP to registries and fakes); AWS SDK clients retry throttling and
 * 5xx themselves through their configured strategy.
 */
export async function retry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const clock = opts.clock ?? systemClock;
  const base = opts.baseDelayMs ?? 200;
  const max = opts.maxDelayMs ?? 20_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= opts.attempts || !opts.retryable(err) || opts.signal?.aborted) throw err;
      const asked = opts.delayFor?.(err);
      const delay = asked !== undefined ? Math.min(asked, Math.max(max, 60_000)) : Math.round(Math.random() * Math.min(max, base * 2 ** (attempt - 1)));
      opts.onRetry?.(err, attempt, delay);
      await clock.sleep(delay, opts.signal);
    }
  }
}
