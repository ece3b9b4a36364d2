import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@ml-deploy/action-kit';
import { inputReader, loadActionYml } from '@ml-deploy/test/action-yml';
import { parseInputs } from '../src/inputs';

const dir = mkdtempSync(join(tmpdir(), 'validate-model-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const model = join(dir, 'model.onnx');
writeFileSync(model, 'not really a model; inputs only check that it exists');
const metrics = join(dir, 'metrics.json');
writeFileSync(metrics, JSON.stringify({ accuracy: 0.9 }));
const champion = join(dir, 'champion.json');
writeFileSync(champion, JSON.stringify({ accuracy: 0.8 }));
const sig = join(dir, 'signature.yml');
writeFileSync(sig, 'inputs:\n  - name: X\n    dtype: float32\n    shape: [-1, 4]\n');
const sample = join(dir, 'sample.json');
writeFileSync(sample, '{"X": [[1, 2, 3, 4]]}');
writeFileSync(join(dir, 'list.json'), '[1, 2]');

const parse = (overrides: Record<string, string>) => parseInputs(inputReader('validate-model', { 'model-path': model, ...overrides }));

describe('parseInputs', () => {
  it('reads the defaults of action.yml and has one key per declared input', async () => {
    const inputs = await parse({});
    expect(inputs).toMatchObject({
      'model-path': model,
      'fail-on': ['dangerous', 'unknown-import'],
      'smoke-test': 'auto',
      runs: 20,
      'warmup-runs': 3,
      thresholds: [],
      'allow-globals': [],
      'allow-dangerous-globals': [],
    });
    expect(inputs['expected-sha256']).toBeUndefined();
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(loadActionYml('validate-model').inputs).sort());
  });

  it('parses every input given', async () => {
    const inputs = await parse({
      'expected-sha256': `sha256:${'AB'.repeat(32)}`,
      'allow-globals': 'mypkg.features.*\nmypkg.Model',
      'allow-dangerous-globals': 'builtins.exec: legacy preprocessing, ticket SEC-123\n\n  posix.system :  shells out to ffmpeg ',
      'fail-on': 'dangerous, unknown-import',
      'expected-signature': sig,
      'sample-input': sample,
      runs: '5',
      'warmup-runs': '0',
      'latency-budget': '50ms',
      metrics,
      'champion-metrics': champion,
      thresholds: 'accuracy >= 0.9\naccuracy >= champion - 0.01\nlatency_p95_ms <= 20',
      'report-dir': join(dir, 'out'),
      'model-name': 'iris',
      'model-version': '3',
    });
    expect(inputs['expected-sha256']).toBe('ab'.repeat(32));
    expect(inputs['allow-globals']).toEqual(['mypkg.features.*', 'mypkg.Model']);
    expect(inputs['fail-on']).toEqual(['dangerous', 'unknown-import']);
    expect(inputs['allow-dangerous-globals']).toEqual([
      { name: 'builtins.exec', reason: 'legacy preprocessing, ticket SEC-123' },
      { name: 'posix.system', reason: 'shells out to ffmpeg' },
    ]);
    expect(inputs['expected-signature']).toEqual({ source: sig, signature: { inputs: [{ name: 'X', dtype: 'float', shape: [null, 4] }] } });
    expect(inputs['latency-budget']).toBe(50);
    expect(inputs.metrics).toEqual({ path: metrics, values: { accuracy: 0.9 } });
    expect(inputs.thresholds.map((t) => t.text)).toEqual(['accuracy >= 0.9', 'accuracy >= champion - 0.01', 'latency_p95_ms <= 20']);
  });

  it('takes an inline signature and report-only fail-on', async () => {
    const inputs = await parse({ 'expected-signature': 'outputs:\n  - name: label\n', 'fail-on': 'none' });
    expect(inputs['expected-signature']).toEqual({ source: 'inline', signature: { outputs: [{ name: 'label' }] } });
    expect(inputs['fail-on']).toEqual([]);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a missing model', { 'model-path': join(dir, 'nope.onnx') }, /input 'model-path': got ".*nope.onnx", expected an existing file or directory \(no such file or directory\)/],
    ['a short digest', { 'expected-sha256': 'abc' }, /input 'expected-sha256': got "abc", expected a sha256 digest/],
    ['a bad global', { 'allow-globals': 'os;system' }, /input 'allow-globals': got "os;system"/],
    ['a dangerous global without a reason', { 'allow-dangerous-globals': 'builtins.exec' }, /input 'allow-dangerous-globals': got "builtins.exec", expected one 'module.name: reason' per line/],
    ['a dangerous wildcard', { 'allow-dangerous-globals': 'os.*: everything' }, /input 'allow-dangerous-globals': got "os.\*: everything", expected .*no wildcard/],
    ['an unknown severity', { 'fail-on': 'dangerous, critical' }, /input 'fail-on': got "critical", expected 'none', or severities from 'dangerous'/],
    ['none with others', { 'fail-on': 'none, dangerous' }, /input 'fail-on': got "none, dangerous", expected 'none' alone/],
    ['an empty fail-on', { 'fail-on': ' ' }, /input 'fail-on': got "", expected/],
    ['a missing signature file', { 'expected-signature': 'sig.yml' }, /input 'expected-signature': got "sig.yml", expected a YAML or JSON file \(no such file\)/],
    ['a signature with a typo', { 'expected-signature': 'inputs:\n  - name: X\n    dtpye: float\n' }, /input 'expected-signature'.*unknown key 'dtpye'/],
    ['smoke-test yes', { 'smoke-test': 'yes' }, /input 'smoke-test': got "yes", expected one of 'true', 'false', 'auto'/],
    ['a sample of another kind', { 'sample-input': 'sample.csv' }, /input 'sample-input': got "sample.csv", expected a .json or .npy file/],
    ['a missing sample', { 'sample-input': 'missing.npy' }, /input 'sample-input': got "missing.npy", expected a readable file/],
    ['runs 0', { runs: '0' }, /input 'runs': got "0", expected a whole number from 1 to 100000/],
    ['a budget without units', { 'latency-budget': '50' }, /input 'latency-budget': got "50", expected a duration with units/],
    ['metrics that are a list', { metrics: join(dir, 'list.json') }, /input 'metrics': .*expected a JSON or YAML object of metrics/],
    ['a missing metrics file', { metrics: 'nope.json' }, /input 'metrics': got "nope.json", expected a readable file/],
    ['a rule with a typo', { metrics, thresholds: 'accuracy => 0.9' }, /input 'thresholds': got "accuracy => 0.9", expected rules such as .*line 1, column 10: unknown operator/],
    ['a rule without metrics', { thresholds: 'accuracy >= 0.9' }, /input 'metrics': got "", expected a metrics file, since the threshold 'accuracy >= 0.9' needs the candidate's 'accuracy'/],
    ['a champion rule without champion', { metrics, thresholds: 'accuracy >= champion' }, /input 'champion-metrics': got "", expected the champion's metrics file, or 'champion-image' \(the image serving now\)/],
    ['both champion sources', { metrics, 'champion-metrics': champion, 'champion-image': 'registry.example/m:prod', thresholds: 'accuracy >= champion' }, /input 'champion-image': got "registry.example\/m:prod", expected nothing when 'champion-metrics' is set: give the champion's metrics either as 'champion-metrics' \(a file\) or as 'champion-image'/],
    ['a champion image that is not a reference', { metrics, 'champion-image': 'Registry.example/Model:prod', thresholds: 'accuracy >= champion' }, /input 'champion-image': got "Registry.example\/Model:prod", expected an image reference such as .*\(repository names must be lower case\)/],
    ['a champion image with a short digest', { 'champion-image': `r.example/m@sha256:${'a'.repeat(63)}` }, /input 'champion-image': .*\(a sha256 digest has 64 lower-case hex characters\)/],
    ['a latency rule without smoke test', { 'smoke-test': 'false', thresholds: 'latency_p95_ms <= 5' }, /input 'smoke-test': got "false", expected 'true' or 'auto', since the threshold 'latency_p95_ms <= 5' needs the latency/],
    ['a sample without smoke test', { 'smoke-test': 'false', 'sample-input': sample }, /input 'sample-input': .* expected nothing when 'smoke-test' is false/],
    ['a budget without smoke test', { 'smoke-test': 'false', 'latency-budget': '10ms' }, /input 'latency-budget': got "10ms", expected nothing when 'smoke-test' is false/],
  ])('refuses %s, naming the input', async (_name, overrides, message) => {
    const cwd = process.cwd();
    process.chdir(dir); // relative paths in the table resolve here
    try {
      const err = await parse(overrides).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(message);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('champion-image', () => {
  it.each([
    ['a digest', `registry.example/team/model@sha256:${'c'.repeat(64)}`, { registry: 'registry.example', repository: 'team/model', tag: undefined, digest: `sha256:${'c'.repeat(64)}` }],
    ['a tag on a local registry', '127.0.0.1:5000/models/iris:prod', { registry: '127.0.0.1:5000', repository: 'models/iris', tag: 'prod', digest: undefined }],
  ])('takes %s in place of champion-metrics', async (_name, text, reference) => {
    const inputs = await parse({ metrics, 'champion-image': text, thresholds: 'accuracy >= champion - 0.01' });
    expect(inputs['champion-image']).toEqual({ text, reference });
    expect(inputs['champion-metrics']).toBeUndefined();
  });
});
