import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { CancelledError, DeadlineError, fakeClock, pollUntil, retry } from '@ml-deploy/action-kit';

describe('pollUntil', () => {
  it('prints a line at least every 30 s while nothing changes', async () => {
    const clock = fakeClock();
    const lines: Array<[number, string]> = [];
    let checks = 0;
    await pollUntil(async () => (++checks < 40 ? { done: false, progress: 'IN_PROGRESS 0/2' } : { done: true, value: 0 }), {
      what: 'deployment d-1',
      timeoutMs: 3_600_000,
      intervalMs: 5000,
      maxIntervalMs: 60_000,
      clock,
      onProgress: (l) => lines.push([clock.now(), l]),
    });
    expect(lines[0]![1]).toBe('[0ms] IN_PROGRESS 0/2');
    expect(lines[1]![1]).toMatch(/^\[30s\] still waiting for deployment d-1: IN_PROGRESS 0\/2$/);
    const gaps = lines.slice(1).map(([at], i) => at - lines[i]![0]);
    expect(lines.length).toBeGreaterThan(10);
    expect(Math.max(...gaps, clock.now() - lines.at(-1)![0])).toBeLessThanOrEqual(30_000);
  });

  it('returns the value once done, printing each new progress line once', async () => {
    const clock = fakeClock();
    const lines: string[] = [];
    const states = ['a', 'a', 'b', 'b', 'b'];
    let i = 0;
    const value = await pollUntil(
      async () => (i < states.length ? { done: false, progress: states[i++]! } : { done: true, value: 42 }),
      { what: 'x', timeoutMs: 600_000, intervalMs: 1000, clock, onProgress: (l) => lines.push(l) },
    );
    expect(value).toBe(42);
    expect(lines).toEqual(['[0ms] a', '[3s] b']); // 1s, then 1.5s backed off
  });

  it('backs off while nothing changes, up to the maximum, and resets on change', async () => {
    const clock = fakeClock();
    const sleeps: number[] = [];
    const sleep = clock.sleep;
    clock.sleep = async (ms, s) => {
      sleeps.push(ms);
      return sleep(ms, s);
    };
    const progress = ['same', 'same', 'same', 'same', 'new', 'new'];
    let i = 0;
    await pollUntil(async () => (i < progress.length ? { done: false, progress: progress[i++]! } : { done: true, value: 0 }), {
      what: 'x',
      timeoutMs: 600_000,
      intervalMs: 1000,
      maxIntervalMs: 2000,
      backoff: 2,
      clock,
    });
    expect(sleeps).toEqual([1000, 2000, 2000, 2000, 1000, 2000]);
  });

  it('stops at the deadline naming what it waited for and the last state', async () => {
    const clock = fakeClock();
    await expect(
      pollUntil(async () => ({ done: false, progress: 'running 1/2' }), { what: 'deployment d-1', timeoutMs: 10_000, intervalMs: 3000, clock }),
    ).rejects.toThrow(new DeadlineError('deployment d-1 did not finish within 10s (last seen: running 1/2)'));
  });

  it('never sleeps past the deadline', async () => {
    const clock = fakeClock();
    let checks = 0;
    await expect(
      pollUntil(async () => ((checks++), { done: false }), { what: 'x', timeoutMs: 5000, intervalMs: 4000, backoff: 1, clock }),
    ).rejects.toBeInstanceOf(DeadlineError);
    // checks at 0s and 4s, a last one exactly at the deadline, no sleep beyond it
    expect(clock.now()).toBe(5000);
    expect(checks).toBe(3);
  });

  it('stops with the cancellation when the signal aborts', async () => {
    const controller = new AbortController();
    let checks = 0;
    const p = pollUntil(
      async () => {
        if (++checks === 2) controller.abort(new CancelledError('cancelled by SIGTERM'));
        return { done: false };
      },
      { what: 'x', timeoutMs: 60_000, intervalMs: 10, signal: controller.signal },
    );
    await expect(p).rejects.toThrow('cancelled by SIGTERM');
    expect(checks).toBe(2);
  });
});

describe('retry', () => {
  it('retries what is retryable, up to the attempts', async () => {
    const clock = fakeClock();
    let calls = 0;
    const out = await retry(
      async () => {
        if (++calls < 3) throw Object.assign(new Error('busy'), { code: 503 });
        return 'ok';
      },
      { attempts: 5, retryable: (e) => (e as { code?: number }).code === 503, clock },
    );
    expect(out).toBe('ok');
    expect(calls).toBe(3);
  });

  it('does not retry what is not retryable, and gives up after the attempts', async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(retry(async () => { calls++; throw new Error('no'); }, { attempts: 5, retryable: () => false, clock })).rejects.toThrow('no');
    expect(calls).toBe(1);
    calls = 0;
    await expect(retry(async () => { calls++; throw new Error('busy'); }, { attempts: 3, retryable: () => true, clock })).rejects.toThrow('busy');
    expect(calls).toBe(3);
  });

  describe('delays', () => {
    afterEach(() => {
      jest.restoreAllMocks();
    });
    // Fails `attempts - 1` times with what `err(attempt)` gives, and returns the delays retry chose.
    const delays = async (opts: { attempts: number; baseDelayMs?: number; maxDelayMs?: number; delayFor?: (e: unknown) => number | undefined }): Promise<number[]> => {
      const seen: number[] = [];
      await retry(
        async (attempt) => {
          if (attempt < opts.attempts) throw new Error(`busy ${attempt}`);
          return 'ok';
        },
        { ...opts, retryable: () => true, clock: fakeClock(), onRetry: (_e, _a, ms) => seen.push(ms) },
      );
      return seen;
    };

    it('back off exponentially from baseDelayMs, capped at maxDelayMs, with full jitter', async () => {
      jest.spyOn(Math, 'random').mockReturnValue(0.9999);
      expect(await delays({ attempts: 6, baseDelayMs: 100, maxDelayMs: 1000 })).toEqual([100, 200, 400, 800, 1000]);
      jest.spyOn(Math, 'random').mockReturnValue(0.5);
      expect(await delays({ attempts: 4, baseDelayMs: 100, maxDelayMs: 1000 })).toEqual([50, 100, 200]);
      jest.spyOn(Math, 'random').mockReturnValue(0);
      expect(await delays({ attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 })).toEqual([0, 0]);
    });

    it('default to 200 ms doubling up to 20 s', async () => {
      jest.spyOn(Math, 'random').mockReturnValue(0.9999);
      expect(await delays({ attempts: 10 })).toEqual([200, 400, 800, 1600, 3200, 6399, 12799, 19998, 19998]);
    });

    it('take the delay the failure asks for (Retry-After) without jitter, up to 60 s or maxDelayMs if larger', async () => {
      jest.spyOn(Math, 'random').mockReturnValue(0.9999);
      expect(await delays({ attempts: 3, delayFor: () => 5000 })).toEqual([5000, 5000]);
      expect(await delays({ attempts: 2, delayFor: () => 0 })).toEqual([0]);
      expect(await delays({ attempts: 2, delayFor: () => 600_000 })).toEqual([60_000]);
      expect(await delays({ attempts: 2, maxDelayMs: 90_000, delayFor: () => 600_000 })).toEqual([90_000]);
      expect(await delays({ attempts: 3, baseDelayMs: 100, delayFor: () => undefined })).toEqual([100, 200]);
    });

    it('use the system clock when none is given', async () => {
      let calls = 0;
      const out = await retry(
        async () => {
          if (++calls < 2) throw new Error('busy');
          return 'ok';
        },
        { attempts: 2, retryable: () => true, baseDelayMs: 1 },
      );
      expect([out, calls]).toEqual(['ok', 2]);
    });

    it('stop retrying once the signal is aborted', async () => {
      const c = new AbortController();
      let calls = 0;
      await expect(
        retry(
          async () => {
            calls++;
            c.abort(new Error('stop'));
            throw new Error('busy');
          },
          { attempts: 5, retryable: () => true, clock: fakeClock(), signal: c.signal },
        ),
      ).rejects.toThrow('busy');
      expect(calls).toBe(1);
    });
  });
});
