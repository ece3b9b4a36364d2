import { describe, expect, it } from '@jest/globals';
import { parseChoice, parseDuration, parseInteger } from '@ml-deploy/action-kit';

describe('parsers trim the text the runner passes', () => {
  it('durations, integers and choices ignore surrounding white space', () => {
    expect(parseDuration('timeout', ' 90s\n')).toBe(90_000);
    expect(parseInteger('count', ' 4\n')).toBe(4);
    expect(parseChoice('mode', ' run\n', ['run', 'analyze'] as const)).toBe('run');
  });
});

describe('parseInteger bounds say what is allowed', () => {
  it.each<[string, { min?: number; max?: number }, RegExp]>([
    ['11', { max: 10 }, /expected a whole number of at most 10$/],
    ['-1', { min: 0 }, /expected a whole number of at least 0$/],
    ['0', { min: 1, max: 10 }, /expected a whole number from 1 to 10$/],
    ['11', { min: 1, max: 10 }, /expected a whole number from 1 to 10$/],
    ['x', {}, /expected a whole number$/],
    ['9007199254740993', {}, /expected a whole number$/],
  ])('%j with %j', (raw, opts, msg) => {
    expect(() => parseInteger('count', raw, opts)).toThrow(msg);
  });

  it('accepts the bounds themselves and negative numbers when allowed', () => {
    expect(parseInteger('count', '10', { max: 10 })).toBe(10);
    expect(parseInteger('count', '1', { min: 1, max: 10 })).toBe(1);
    expect(parseInteger('count', '-3')).toBe(-3);
  });
});

describe('parseDuration bounds', () => {
  it('accepts the bounds themselves, refuses past them with the bound in words', () => {
    expect(parseDuration('timeout', '10s', { min: 10_000 })).toBe(10_000);
    expect(parseDuration('timeout', '1h', { max: 3_600_000 })).toBe(3_600_000);
    expect(() => parseDuration('timeout', '1h1s', { max: 3_600_000 })).toThrow(/at most 1h$/);
    expect(() => parseDuration('timeout', '9s', { min: 10_000 })).toThrow(/at least 10s$/);
  });
});
