import { afterEach, describe, expect, it, jest } from '@jest/globals';
import {
  addContext,
  CancelledError,
  ConfigurationError,
  consoleLogger,
  DeadlineError,
  InputError,
  isUserError,
  memoryLogger,
  toError,
  UserError,
  withContext,
} from '@ml-deploy/action-kit';

describe('error classes', () => {
  it.each([
    [new UserError('x'), 'UserError', true],
    [new InputError('timeout', '3', 'a duration'), 'InputError', true],
    [new ConfigurationError('x'), 'ConfigurationError', true],
    [new CancelledError(), 'CancelledError', false],
    [new DeadlineError('x'), 'DeadlineError', false],
    [new Error('x'), 'Error', false],
  ])('%s is named %s; user error: %s', (err, name, user) => {
    expect(err.name).toBe(name);
    expect(isUserError(err)).toBe(user);
  });

  it('a CancelledError says "cancelled" unless told more', () => {
    expect(new CancelledError().message).toBe('cancelled');
    expect(new CancelledError('cancelled by SIGINT').message).toBe('cancelled by SIGINT');
  });

  it('an InputError keeps the input, value and expectation apart for callers', () => {
    const e = new InputError('cpu', 'lots', 'a number of CPU units');
    expect([e.input, e.value, e.expected]).toEqual(['cpu', 'lots', 'a number of CPU units']);
    expect(e.message).toBe(`input 'cpu': got "lots", expected a number of CPU units`);
  });
});

describe('toError', () => {
  it('keeps Errors as they are', () => {
    const e = new ConfigurationError('x');
    expect(toError(e)).toBe(e);
  });
  it.each([
    ['a string', 'boom', 'boom'],
    ['an object', { code: 7 }, '{"code":7}'],
    ['a number', 42, '42'],
    ['null', null, 'null'],
  ])('turns %s into an Error', (_what, thrown, message) => {
    const e = toError(thrown);
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe(message);
  });
  it('falls back to String() for what JSON cannot show', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(toError(cyclic).message).toBe('[object Object]');
    expect(toError(10n).message).toBe('10');
  });
});

describe('withContext / addContext', () => {
  it('prefixes the message and keeps the class, so a user error stays one', async () => {
    const thrown = withContext('registering task definition', async () => {
      throw new InputError('cpu', 'x', 'a number');
    });
    await expect(thrown).rejects.toBeInstanceOf(InputError);
    await expect(thrown).rejects.toThrow(/^registering task definition: input 'cpu': got "x"/);
  });

  it('returns the value when nothing is thrown', async () => {
    await expect(withContext('x', async () => 7)).resolves.toBe(7);
  });

  it('does not prefix the same context twice', () => {
    const e = addContext('updating service', new Error('updating service: throttled'));
    expect(e.message).toBe('updating service: throttled');
    expect(addContext('a', addContext('b', new Error('c'))).message).toBe('a: b: c');
  });

  it('wraps an error whose message cannot be changed, keeping the original as cause', () => {
    const frozen = Object.freeze(new Error('read-only'));
    const e = addContext('ctx', frozen);
    expect(e).not.toBe(frozen);
    expect(e.message).toBe('ctx: read-only');
    expect(e.cause).toBe(frozen);
  });

  it('turns a thrown string into an Error with the context', () => {
    expect(addContext('ctx', 'plain').message).toBe('ctx: plain');
  });
});

describe('memoryLogger', () => {
  it('keeps every line with its level, and runs groups', async () => {
    const l = memoryLogger();
    l.debug('d');
    l.info('i');
    l.warning('w');
    l.error('e');
    await expect(l.group('g', async () => 5)).resolves.toBe(5);
    expect(l.lines).toEqual(['debug: d', 'i', 'warning: w', 'error: e', 'group: g']);
  });
});

describe('consoleLogger', () => {
  const saved = process.env.ML_DEPLOY_DEBUG;
  afterEach(() => {
    jest.restoreAllMocks();
    if (saved === undefined) delete process.env.ML_DEPLOY_DEBUG;
    else process.env.ML_DEPLOY_DEBUG = saved;
  });

  it('writes info to stdout, warnings and errors to stderr with their level, groups as a heading', async () => {
    const out = jest.spyOn(console, 'log').mockImplementation(() => {});
    const err = jest.spyOn(console, 'error').mockImplementation(() => {});
    consoleLogger.info('hello');
    consoleLogger.warning('careful');
    consoleLogger.error('broken');
    await expect(consoleLogger.group('Rollout', async () => 'r')).resolves.toBe('r');
    expect(out.mock.calls).toEqual([['hello'], ['── Rollout']]);
    expect(err.mock.calls).toEqual([['warning: careful'], ['error: broken']]);
  });

  it('prints debug lines only when ML_DEPLOY_DEBUG is true', () => {
    const err = jest.spyOn(console, 'error').mockImplementation(() => {});
    delete process.env.ML_DEPLOY_DEBUG;
    consoleLogger.debug('hidden');
    process.env.ML_DEPLOY_DEBUG = 'false';
    consoleLogger.debug('hidden too');
    process.env.ML_DEPLOY_DEBUG = 'true';
    consoleLogger.debug('shown');
    expect(err.mock.calls).toEqual([['debug: shown']]);
  });
});
