import { describe, expect, it } from '@jest/globals';
import {
  formatDuration,
  InputError,
  parseBoolean,
  parseBooleanOrChoice,
  parseChoice,
  parseDuration,
  parseInteger,
  parseKeyValues,
  parseList,
  parseStructuredText,
} from '@ml-deploy/action-kit';

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['false', false],
    [' true\n', true],
    ['True', true],
    ['TRUE', true],
    ['False', false],
    ['FALSE', false],
  ])('%j -> %j', (raw, want) => expect(parseBoolean('wait', raw)).toBe(want));

  it.each(['yes', 'Yes', 'on', '1', '0', '', 'ture', 'tRUE', 'fAlse', 'false '.repeat(2), '"true"'])('rejects %j naming the input', (raw) => {
    expect(() => parseBoolean('wait', raw)).toThrow(InputError);
    expect(() => parseBoolean('wait', raw)).toThrow(/input 'wait': got .*expected 'true' or 'false'/);
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1.5s', 1500],
    ['2h', 7_200_000],
  ])('%j -> %d ms', (raw, ms) => expect(parseDuration('timeout', raw)).toBe(ms));

  it.each(['30', '', 'm', '10 minutes', '5d', '-5s', '1h 30m', 's30'])('rejects %j', (raw) => {
    expect(() => parseDuration('timeout', raw)).toThrow(/input 'timeout'.*expected a duration with units/);
  });

  it('enforces bounds with a readable limit', () => {
    expect(() => parseDuration('timeout', '1s', { min: 10_000 })).toThrow(/at least 10s/);
    expect(() => parseDuration('timeout', '3h', { max: 7_200_000 })).toThrow(/at most 2h/);
  });

  it.each([
    [250, '250ms'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [0, '0ms'],
    [1000, '1s'],
  ])('formats %d as %j', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('parseInteger', () => {
  it('reads whole numbers within bounds', () => {
    expect(parseInteger('desired-count', '3', { min: 0 })).toBe(3);
    expect(parseInteger('n', '-2')).toBe(-2);
  });
  it.each(['3.5', 'three', '', '1e3', '0x10'])('rejects %j', (raw) => {
    expect(() => parseInteger('desired-count', raw, { min: 0 })).toThrow(/input 'desired-count'.*whole number of at least 0/);
  });
  it('rejects out of range', () => {
    expect(() => parseInteger('n', '11', { min: 1, max: 10 })).toThrow(/from 1 to 10/);
  });
});

describe('parseChoice', () => {
  it('accepts a listed word and lists them when not', () => {
    expect(parseChoice('mode', 'fast', ['fast', 'safe'] as const)).toBe('fast');
    expect(() => parseChoice('mode', 'quick', ['fast', 'safe'])).toThrow(/one of 'fast', 'safe'/);
  });
});

describe('parseKeyValues', () => {
  it.each<[string, string, Array<[string, string]>]>([
    ['one per line', 'A=1\nB=two words\n', [['A', '1'], ['B', 'two words']]],
    ['comma separated', 'A=1,B=2', [['A', '1'], ['B', '2']]],
    ['quoted commas and equals', 'A="x,y=z", B=2', [['A', 'x,y=z'], ['B', '2']]],
    ['escapes inside quotes', 'A="say \\"hi\\"\\n"', [['A', 'say "hi"\n']]],
    ['empty value', 'A=', [['A', '']]],
    ['comments and blanks', '# comment\n\nA=1\n  # another\nB=2', [['A', '1'], ['B', '2']]],
    ['arn values keep colons and slashes', 'DB=arn:aws:secretsmanager:us-east-1:1:secret:db/pw-Ab12', [['DB', 'arn:aws:secretsmanager:us-east-1:1:secret:db/pw-Ab12']]],
    ['value with equals unquoted', 'Q=a=b', [['Q', 'a=b']]],
    ['nothing', '  \n ', []],
    ['several lines: commas belong to the value', 'LABELS=a,b,c\nMODE=fast', [['LABELS', 'a,b,c'], ['MODE', 'fast']]],
    ['one line among comments: commas still separate', '# env\nA=1,B=2\n', [['A', '1'], ['B', '2']]],
    ['several lines keep quoted values', 'A="x\\"y"\nB=1,2', [['A', 'x"y'], ['B', '1,2']]],
  ])('%s', (_name, raw, want) => expect(parseKeyValues('env', raw)).toEqual(want));

  it.each([
    ['missing equals', 'A'],
    ['empty key', '=1'],
    ['bad key', 'A B=1'],
    ['repeated key', 'A=1\nA=2'],
    ['unclosed quote', 'A="x'],
    ['text after quote', 'A="x"y'],
  ])('rejects %s', (_name, raw) => {
    expect(() => parseKeyValues('environment-variables', raw)).toThrow(/input 'environment-variables'/);
  });
});

describe('parseList', () => {
  it('splits on lines and commas, dropping blanks and comments', () => {
    expect(parseList('a, b\n# c\n\nd')).toEqual(['a', 'b', 'd']);
  });
});

describe('parseStructuredText', () => {
  it('reads JSON and YAML', () => {
    expect(parseStructuredText('f', 'x.json', '{"a":1}')).toEqual({ a: 1 });
    expect(parseStructuredText('f', 'x.yml', 'a: 1\nb: [2]')).toEqual({ a: 1, b: [2] });
  });
  it('names the input and the parser error', () => {
    expect(() => parseStructuredText('task-definition', 'td.json', '{"a":')).toThrow(/input 'task-definition'.*valid JSON/);
    expect(() => parseStructuredText('sig', 's.yml', 'a: 1\na: 2')).toThrow(/input 'sig'.*valid YAML/);
  });
});

describe('parseBooleanOrChoice', () => {
  it.each([
    ['true', 'true'],
    ['TRUE', 'true'],
    ['False', 'false'],
    ['auto', 'auto'],
  ])('%j -> %j', (raw, want) => expect(parseBooleanOrChoice('smoke-test', raw, ['auto'] as const)).toBe(want));

  it.each(['Auto', 'yes', '', 'tRUE'])('rejects %j naming the input and every choice', (raw) => {
    expect(() => parseBooleanOrChoice('smoke-test', raw, ['auto'] as const)).toThrow(
      /input 'smoke-test': got .*expected one of 'true', 'false', 'auto'/,
    );
  });
});
