/**
 * SARIF output checked against the official SARIF 2.1.0 JSON schema (draft-04), as shipped by
 * @microsoft/jest-sarif, validated with the ajv 6 it depends on (ajv 8 dropped draft-04).
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSarif, findingsToSarif, relativeUri, RULE_DOCS, ruleHelp, severityLevel } from '../src/sarif';
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
    // Outside the checkout: where the file really is, not a made-up repository path.
    ['/repo', '/tmp/m.onnx', 'file:///tmp/m.onnx'],
    ['/repo', '/repository/m.onnx', 'file:///repository/m.onnx'],
    ['/repo', '/tmp/a b.onnx', 'file:///tmp/a%20b.onnx'],
  ])('%s + %s → %s', (base, file, uri) => expect(relativeUri(base, file)).toBe(uri));
});

describe('a rule seen twice', () => {
  // The same rule at two severities in one scan (a warning in one file, dangerous in another),
  // the milder one first, so the default level cannot come from whichever was seen first.
  const twice: Finding[] = [
    { severity: 'warning', rule: 'pickle.trailing-imports', message: 'trailing bytes name posix.system', file: 'a.pkl' },
    { severity: 'dangerous', rule: 'pickle.trailing-imports', message: 'trailing bytes name builtins.eval', file: 'b.pkl' },
    { severity: 'malformed', rule: 'format.name-mismatch', message: 'the name says ONNX', file: 'c.onnx' },
    { severity: 'malformed', rule: 'format.name-mismatch', message: 'the name says ONNX', file: 'd.onnx' },
  ];

  it('takes the most severe level and security severity as the rule default; each result keeps its own', () => {
    const { rules, results } = findingsToSarif(twice, (f) => join('/repo', f));
    expect(rules.filter((r) => r.id === 'pickle.trailing-imports')).toEqual([expect.objectContaining({ level: 'error', securitySeverity: 9.0, tags: ['security', 'ml-model', 'dangerous'] })]);
    expect(results.filter((r) => r.ruleId === 'pickle.trailing-imports').map((r) => r.level)).toEqual(['warning', 'error']);
    expectValidSarif(buildSarif({ tool: { name: 't' }, rules, results, baseDir: '/repo' }));
  });

  it('makes a finding that failed the gate an error, and its rule default error, whatever its severity', () => {
    const failed = (f: Finding) => f.file === 'd.onnx';
    const { rules, results } = findingsToSarif(twice, (f) => join('/repo', f), { failsGate: failed });
    expect(results.filter((r) => r.ruleId === 'format.name-mismatch').map((r) => r.level)).toEqual(['error', 'error']);
    const warned = findingsToSarif([twice[0]!], (f) => f, { failsGate: () => true });
    expect(warned.results[0]!.level).toBe('error');
    expect(warned.rules[0]!.level).toBe('error');
    expect(findingsToSarif([twice[0]!], (f) => f).rules[0]!.level).toBe('warning');
    expect(rules.find((r) => r.id === 'format.name-mismatch')!.level).toBe('error');
  });

  it('gives every rule help text and a help URI into the rules documentation', () => {
    const { rules } = findingsToSarif([...twice, ...findings, { severity: 'malformed', rule: 'file.git-lfs-pointer', message: 'pointer', file: 'm.onnx' }], (f) => f, { docsUrl: 'https://github.example/o/r/blob/v1/packages/model/README.md' });
    for (const r of rules) {
      expect(r.help?.length).toBeGreaterThan(40);
      expect(r.helpUri).toMatch(/^https:\/\/github\.example\/o\/r\/blob\/v1\/packages\/model\/README\.md#[a-z-]+$/);
    }
    expect(rules.find((r) => r.id === 'file.git-lfs-pointer')!.help).toContain('lfs: true');
    const log = buildSarif({ tool: { name: 't' }, rules, results: [], baseDir: '/' });
    expectValidSarif(log);
    expect((log.runs[0]!.tool as { driver: { rules: Array<Record<string, unknown>> } }).driver.rules[0]).toMatchObject({ helpUri: expect.any(String), help: { text: expect.any(String) } });
  });
});

describe('every rule the sources can emit', () => {
  // Rule ids as the sources write them: `rule: 'x.y'` (also both arms of a ternary) and
  // `addFinding('severity', 'x.y', ...)`, in the scanner and in validate-model (which adds ONNX
  // and MLflow findings to the same SARIF).
  const here = dirname(fileURLToPath(import.meta.url));
  const roots = [join(here, '..', 'src'), join(here, '..', '..', '..', 'actions', 'validate-model', 'src')];
  const emitted = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && e.name !== 'rule-help.ts') {
        const text = readFileSync(p, 'utf8');
        for (const m of text.matchAll(/\brule:\s*([^,}\n]+)/g)) for (const q of (m[1] ?? '').matchAll(/'([a-z0-9-]+(?:\.[a-z0-9-]+)+)'/g)) emitted.add(q[1]!);
        for (const m of text.matchAll(/addFinding\(\s*'[a-z-]+',\s*'([^']+)'/g)) emitted.add(m[1]!);
      }
    }
  };
  for (const r of roots) walk(r);

  it('finds the rules (the enumeration itself works)', () => {
    expect(emitted.size).toBeGreaterThan(60);
    for (const id of ['pickle.truncated', 'zip.crc-mismatch', 'tar.link-escape', 'onnx.external-data-missing', 'archive.unsupported-format']) expect(emitted).toContain(id);
  });

  it('has help text of its own and a help URI into an existing README section for each', () => {
    const readme = readFileSync(join(here, '..', 'README.md'), 'utf8');
    const anchors = new Set([...readme.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
    const missing = [...emitted].filter((id) => RULE_DOCS[id] === undefined).sort();
    expect(missing).toEqual([]);
    for (const id of emitted) {
      const { help, helpUri } = ruleHelp(id);
      expect([id, help.length > 40, help.startsWith('See the rule list')]).toEqual([id, true, false]);
      expect([id, anchors.has(helpUri.split('#')[1]!)]).toEqual([id, true]);
    }
    // A rule documented but never emitted is stale documentation.
    expect(Object.keys(RULE_DOCS).filter((id) => !emitted.has(id)).sort()).toEqual([]);
  });

  it('says a malformed rule fails the gate whatever fail-on says', () => {
    const { rules } = findingsToSarif([{ severity: 'malformed', rule: 'pickle.truncated', message: 'cut', file: 'm.pkl' }], (f) => f);
    expect(rules[0]!.help).toContain('fails the gate whatever fail-on says');
  });
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
