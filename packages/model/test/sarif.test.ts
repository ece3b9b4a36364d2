/**
 * SARIF output checked against the official SARIF 2.1.0 JSON schema (draft-04), as shipped by
 * @microsoft/jest-sarif, validated with the ajv 6 it depends on (ajv 8 dropped draft-04).
 */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { buildSarif, findingsToSarif, relativeUri, severityLevel } from '../src/sarif';
import type { Finding } from '../src/types';
import { sarifValidator } from './sarif-schema';

const validate = sarifValidator();
function expectValidSarif(log: unknown): void {
  const ok = validate(log);
  expect(ok ? [] : validate.errors?.map((e) => `${e.dataPath} ${e.message}`)).toEqual([]);
}

const findings: Finding[] = [
  { severity: 'dangerous', rule: 'pickle.dangerous-import', message: 'imports os.system', file: 'model/data.pkl', location: 'byte 120', import: 'os.system' },
  { severity: 'unknown-import', rule: 'pickle.unknown-import', message: 'imports mylib.Thing', file: 'model/data.pkl', import: 'mylib.Thing' },
  { severity: 'dangerous', rule: 'pickle.dangerous-import', message: 'imports builtins.eval', file: 'model/other.pkl', import: 'builtins.eval' },
  { severity: 'info', rule: 'format.note', message: 'pickle protocol 2', file: 'model/other.pkl' },
];

describe('buildSarif', () => {
  const root = '/repo';
  const { rules, results } = findingsToSarif(findings, (f) => join(root, f));
  const log = buildSarif({
    tool: { name: 'ml-deploy validate-model', version: '0.1.0', informationUri: 'https://example.invalid/ml-deploy' },
    rules: [...rules, { id: 'signature-mismatch', shortDescription: 'The model signature differs from the expected one', level: 'error' }],
    results: [...results, { ruleId: 'signature-mismatch', level: 'error', message: "input 'X' is missing", file: '/repo/model/model.onnx' }],
    baseDir: root,
  });

  it('is valid against the SARIF 2.1.0 schema', () => {
    expectValidSarif(log);
    expect(log.version).toBe('2.1.0');
  });

  it('lists each rule once, with the most severe level and security severity', () => {
    const driver = (log.runs[0]!.tool as { driver: { rules: Array<Record<string, unknown>> } }).driver;
    expect(driver.rules.map((r) => [r.id, (r.defaultConfiguration as { level: string }).level, (r.properties as Record<string, unknown>)['security-severity']])).toEqual([
      ['pickle.dangerous-import', 'error', '9.0'],
      ['pickle.unknown-import', 'warning', '5.0'],
      ['format.note', 'note', undefined],
      ['signature-mismatch', 'error', undefined],
    ]);
  });

  it('gives every result a ruleId, a level, a message and a relative location', () => {
    const res = log.runs[0]!.results as Array<Record<string, any>>;
    expect(res).toHaveLength(5);
    expect(res[0]).toMatchObject({
      ruleId: 'pickle.dangerous-import',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'imports os.system (at byte 120)' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'model/data.pkl' } } }],
    });
    expect(res[1]!.message.text).toBe('imports mylib.Thing');
    expect(res[4]).toMatchObject({ ruleId: 'signature-mismatch', ruleIndex: 3, locations: [{ physicalLocation: { artifactLocation: { uri: 'model/model.onnx' } } }] });
    for (const r of res) expect(r.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses a result whose rule is not defined', () => {
    expect(() => buildSarif({ tool: { name: 't' }, rules: [], results: [{ ruleId: 'x', level: 'error', message: 'm', file: 'f' }], baseDir: '/' })).toThrow(/rule 'x', which is not defined/);
  });

  it('is checked by a validator that does reject broken SARIF', () => {
    const broken = JSON.parse(JSON.stringify(log)) as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    broken.runs[0]!.results[0]!.level = 'fatal';
    delete (broken as Record<string, unknown>).version;
    expect(validate(broken)).toBe(false);
  });

  it('is valid with no findings at all', () => {
    expectValidSarif(buildSarif({ tool: { name: 't' }, rules: [], results: [], baseDir: '/' }));
  });
});

describe('relativeUri', () => {
  it.each([
    ['/repo', '/repo/models/m.onnx', 'models/m.onnx'],
    ['/repo', '/repo/models/a b#.onnx', 'models/a%20b%23.onnx'],
    ['/repo', '/tmp/m.onnx', 'tmp/m.onnx'],
  ])('%s + %s → %s', (base, file, uri) => expect(relativeUri(base, file)).toBe(uri));
});

describe('severityLevel', () => {
  it.each([
    ['dangerous', 'error'],
    ['malformed', 'error'],
    ['unknown-import', 'warning'],
    ['warning', 'warning'],
    ['info', 'note'],
  ] as const)('%s → %s', (s, level) => expect(severityLevel(s)).toBe(level));
});
