import { CancelledError, DeadlineError } from './errors';
import { type Clock, systemClock } from './clock';
import { formatDuration } from './parse';

export type PollResult<T> = { done: true; value: T } | { done: false; progress?: string };

export interface PollOptions {
  /** What is being waited for, used in progress lines and the deadline error. */
  what: string;
  /** Milliseconds from now after which polling stops with a DeadlineError. */
  timeoutMs: number;
  /** First wait between checks. */
  intervalMs?: number;
  /** Longest wait between checks once backed off. */
  maxIntervalMs?: number;
  /** Factor the interval grows by after each check that made no progress. */
  backoff?: number;
  signal?: AbortSignal;
  clock?: Clock;
  /** Called with each progress line; repeated identical lines are not repeated. */
  onProgress?: (line: string) => void;
  /**
   * Longest silence: when nothing changed for this long, a "still waiting" line is printed anyway,
   * so a log never looks hung (default 30 s).
   */
  heartbeatMs?: number;
}

/**
 * Calls `check` until it reports done, the deadline passes or the signal aborts. The interval
 * backs off while nothing changes and returns to the start when the progress line changes, so a
 * moving rollout is watched closely and a stuck one is not hammered.
 */
export async function pollUntil<T>(check: () => Promise<PollResult<T>>, opts: PollOptions): Promise<T> {
  const clock = opts.clock ?? systemClock;
  const start = clock.now();
  const deadline = start + opts.timeoutMs;
  const base = opts.intervalMs ?? 5000;
  const max = opts.maxIntervalMs ?? Math.max(base, 30_000);
  const factor = opts.backoff ?? 1.5;
  const heartbeat = opts.heartbeatMs ?? 30_000;
  let interval = base;
  let lastProgress: string | undefined;
  let lastPrinted = start;
  for (;;) {
    if (opts.signal?.aborted) throw reasonOf(opts.signal);
    const result = await check();
    if (result.done) return result.value;
    const elapsed = clock.now() - start;
    if (result.progress !== undefined && result.progress !== lastProgress) {
      opts.onProgress?.(`[${formatDuration(elapsed)}] ${result.progress}`);
      lastProgress = result.progress;
      lastPrinted = clock.now();
      interval = base;
    } else {
      interval = Math.min(max, interval * factor);
      if (clock.now() - lastPrinted >= heartbeat) {
        opts.onProgress?.(`[${formatDuration(elapsed)}] still waiting for ${opts.what}${lastProgress ? `: ${lastProgress}` : ''}`);
        lastPrinted = clock.now();
      }
    }
    const remaining = deadline - clock.now();
    if (remaining <= 0) {
      throw new DeadlineError(
        `${opts.what} did not finish within ${formatDuration(opts.timeoutMs)}${lastProgress ? ` (last seen: ${lastProgress})` : ''}`,
      );
    }
    try {
      const untilHeartbeat = Math.max(1, heartbeat - (clock.now() - lastPrinted));
      await clock.sleep(Math.min(interval, remaining, untilHeartbeat), opts.signal);
    } catch (err) {
      if (opts.signal?.aborted) throw reasonOf(opts.signal);
      throw err;
    }
  }
}

function reasonOf(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new CancelledError();
}
