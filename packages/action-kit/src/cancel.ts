import { CancelledError } from './errors';

/**
 * An AbortSignal that fires when the runner cancels the job. GitHub's runner sends SIGINT, then
 * SIGTERM 7.5 s later, then kills the process: whatever runs on abort has those seconds only.
 * Returns the signal and a function that removes the handlers.
 */
export function cancellationFromSignals(
  signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'],
): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const handler = (sig: NodeJS.Signals) => {
    if (!controller.signal.aborted) controller.abort(new CancelledError(`cancelled by ${sig}`));
  };
  for (const s of signals) process.on(s, handler);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const s of signals) process.off(s, handler);
    },
  };
}

/** Throws the signal's reason (a CancelledError) if it has fired. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason instanceof Error ? signal.reason : new CancelledError();
  }
}
