import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { CancelledError, cancellationFromSignals, fakeClock, systemClock, throwIfCancelled } from '@ml-deploy/action-kit';

describe('cancellationFromSignals', () => {
  const disposers: Array<() => void> = [];
  afterEach(() => {
    for (const d of disposers.splice(0)) d();
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('aborts on %s with a CancelledError naming the signal', (sig) => {
    const c = cancellationFromSignals();
    disposers.push(c.dispose);
    expect(c.signal.aborted).toBe(false);
    // process.emit runs the handlers without sending the process a real signal.
    process.emit(sig, sig);
    expect(c.signal.aborted).toBe(true);
    expect(c.signal.reason).toBeInstanceOf(CancelledError);
    expect((c.signal.reason as Error).message).toBe(`cancelled by ${sig}`);
  });

  it('keeps the first signal as the reason when a second one follows', () => {
    const c = cancellationFromSignals();
    disposers.push(c.dispose);
    process.emit('SIGINT', 'SIGINT');
    process.emit('SIGTERM', 'SIGTERM');
    expect((c.signal.reason as Error).message).toBe('cancelled by SIGINT');
  });

  it('listens only to the signals asked for, and dispose removes its handlers', () => {
    const before = process.listenerCount('SIGTERM');
    const beforeInt = process.listenerCount('SIGINT');
    const c = cancellationFromSignals(['SIGTERM']);
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    expect(process.listenerCount('SIGINT')).toBe(beforeInt);
    c.dispose();
    expect(process.listenerCount('SIGTERM')).toBe(before);
    process.emit('SIGTERM', 'SIGTERM');
    expect(c.signal.aborted).toBe(false);
  });
});

describe('throwIfCancelled', () => {
  it('does nothing without a signal or before it fires', () => {
    expect(() => throwIfCancelled(undefined)).not.toThrow();
    expect(() => throwIfCancelled(new AbortController().signal)).not.toThrow();
  });

  it("throws the signal's own Error reason", () => {
    const c = new AbortController();
    const reason = new CancelledError('cancelled by SIGINT');
    c.abort(reason);
    expect(() => throwIfCancelled(c.signal)).toThrow(reason);
  });

  it('throws a plain CancelledError when the reason is not an Error', () => {
    const c = new AbortController();
    c.abort('string reason');
    expect(() => throwIfCancelled(c.signal)).toThrow(CancelledError);
    expect(() => throwIfCancelled(c.signal)).toThrow(/^cancelled$/);
  });
});

describe('systemClock', () => {
  it('now() is the wall clock', () => {
    const before = Date.now();
    const t = systemClock.now();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });

  it('sleep resolves after its timer fires, and removes its abort listener', async () => {
    jest.useFakeTimers();
    try {
      const c = new AbortController();
      const add = jest.spyOn(c.signal, 'addEventListener');
      const remove = jest.spyOn(c.signal, 'removeEventListener');
      let done = false;
      const p = systemClock.sleep(1000, c.signal).then(() => {
        done = true;
      });
      expect(add).toHaveBeenCalledWith('abort', expect.any(Function), { once: true });
      jest.advanceTimersByTime(999);
      await Promise.resolve();
      expect(done).toBe(false);
      jest.advanceTimersByTime(1);
      await p;
      expect(done).toBe(true);
      expect(remove).toHaveBeenCalledWith('abort', add.mock.calls[0]![1]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('sleep rejects at once with the reason when already aborted', async () => {
    const c = new AbortController();
    const reason = new CancelledError('cancelled by SIGTERM');
    c.abort(reason);
    await expect(systemClock.sleep(60_000, c.signal)).rejects.toBe(reason);
  });

  it('sleep rejects with the reason when aborted while sleeping, and clears its timer', async () => {
    jest.useFakeTimers();
    try {
      const c = new AbortController();
      const p = systemClock.sleep(60_000, c.signal);
      const reason = new CancelledError('cancelled by SIGINT');
      c.abort(reason);
      await expect(p).rejects.toBe(reason);
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('fakeClock', () => {
  it('starts where told, advances on sleep and on advance()', async () => {
    const c = fakeClock(100);
    expect(c.now()).toBe(100);
    await c.sleep(50);
    expect(c.now()).toBe(150);
    c.advance(25);
    expect(c.now()).toBe(175);
    expect(fakeClock().now()).toBe(0);
  });

  it('rejects a sleep whose signal has fired, before or during it, without advancing before', async () => {
    const c = fakeClock();
    const before = new AbortController();
    before.abort(new CancelledError('early'));
    await expect(c.sleep(10, before.signal)).rejects.toThrow('early');
    expect(c.now()).toBe(0);

    const during = new AbortController();
    const p = c.sleep(10, during.signal);
    during.abort(new CancelledError('late'));
    await expect(p).rejects.toThrow('late');
  });
});
