/**
 * run() against real files: models made by scikit-learn + skl2onnx at set-up, the real scanner
 * (@ml-deploy/model scanModel), real inference with ONNX Runtime, and a malicious pickle built with
 * Python's own pickler from a real __reduce__ payload (built, never loaded).
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ActionContext, memoryLogger, SecretRegistry, SummaryBuilder, UserError } from '@ml-deploy/action-kit';
import { InferenceUnavailableError, OnnxRuntimeIntegrityError, scanModel } from '@ml-deploy/model';
import { inputReader } from '@ml-deploy/test/action-yml';
import { installedOnnxRuntimeDir, makeOnnxFixtures, type OnnxFixtures } from '../../../test/fixtures/onnx/fixtures';
import { parseInputs } from '../src/inputs';
import { run, type RunDeps, type ValidationReport } from '../src/run';

let fx: OnnxFixtures;
let evilPickle: string;
beforeAll(() => {
  fx = makeOnnxFixtures();
  evilPickle = join(fx.dir, 'evil.pkl');
  const py = `import os, pickle, sys
class Payload:
    def __reduce__(self):
        return (os.system, ("echo pwned",))
open(sys.argv[1], "wb").write(pickle.dumps({"model": Payload()}, protocol=4))`;
  const r = spawnSync(process.env.PYTHON ?? 'python3', ['-c', py, evilPickle], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`making the malicious pickle failed: ${r.stderr}`);
});

interface Outcome {
  error?: Error;
  outputs: Record<string, string>;
  summary: string;
  log: string[];
  report: ValidationReport;
  sarif: { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
}

async function validate(overrides: Record<string, string>, extra: Partial<RunDeps> = {}): Promise<Outcome> {
  const inputs = await parseInputs(inputReader('validate-model', overrides));
  const outputs: Record<string, string> = {};
  const logger = memoryLogger();
  const summary = new SummaryBuilder();
  const ctx: ActionContext = {
    logger,
    signal: new AbortController().signal,
    secrets: new SecretRegistry(() => {}),
    summary,
    setOutput: (name, value) => {
      if (value !== undefined) outputs[name] = String(value);
    },
  };
  const reportDir = mkdtempSync(join(tmpdir(), 'validate-model-run-'));
  let error: Error | undefined;
  try {
    // The installed runtime: these tests never reach the registry (ort-fetch has its own tests).
    await run(inputs, { ...ctx, scanModel, reportDir, workspace: fx.dir, onnxRuntime: async () => installedOnnxRuntimeDir(), ...extra });
  } catch (err) {
    error = err as Error;
  }
  return {
    ...(error ? { error } : {}),
    outputs,
    summary: summary.toString(),
    log: logger.lines,
    report: JSON.parse(readFileSync(outputs.report ?? join(reportDir, 'report.json'), 'utf8')) as ValidationReport,
    sarif: JSON.parse(readFileSync(outputs.sarif ?? join(reportDir, 'results.sarif'), 'utf8')) as Outcome['sarif'],
  };
}

describe('validate-model run()', () => {
  it('passes a good ONNX classifier through every check', async () => {
    const sig = join(fx.dir, 'expected-signature.yml');
    writeFileSync(sig, 'inputs:\n  - {name: X, dtype: float32, shape: [-1, 4]}\noutputs:\n  - {name: label, dtype: int64, shape: [-1]}\n  - {name: probabilities, dtype: float32, shape: [-1, 3]}\n');
    const o = await validate({
      'model-path': fx.classifier,
      'expected-signature': sig,
      'sample-input': fx.sample_json,
      runs: '5',
      'latency-budget': '1s',
      metrics: fx.metrics,
      'champion-metrics': fx.champion,
      thresholds: 'accuracy >= 0.9\naccuracy >= champion - 0.01\neval.f1 > champion.eval.f1\neval.auc >= champion * 0.99\nlatency_p95_ms <= 1000',
      'model-name': 'iris',
      'model-version': '7',
    });
    expect(o.error).toBeUndefined();
    expect(o.outputs).toMatchObject({ format: 'onnx', verdict: 'pass', size: String(readFileSync(fx.classifier).length) });
    expect(o.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    const metadata = JSON.parse(o.outputs.metadata!);
    expect(metadata).toMatchObject({ name: 'iris', version: '7', format: 'onnx', digest: `sha256:${o.outputs.sha256}`, verdict: 'pass' });
    expect(metadata.signature.inputs).toEqual([{ name: 'X', dtype: 'float', shape: [null, 4] }]);
    expect(o.report.signatureCheck?.status).toBe('passed');
    expect(o.report.smokeTest.status).toBe('passed');
    expect(o.report.smokeTest.result?.inputs[0]).toMatchObject({ source: 'sample', shape: [2, 4] });
    expect(o.report.quality?.rules.map((r) => r.passed)).toEqual([true, true, true, true, true]);
    expect(o.summary).toContain('✅ **Passed**');
    expect(o.summary).toContain('| `accuracy >= champion - 0.01` |');
    expect(o.summary).toMatch(/\| `latency_p95_ms <= 1000` \| [\d.]+ \| 1000 \| ✅ pass \|/);
    expect(o.sarif.runs[0]!.results).toEqual([]);
  });

  it('rejects a model whose outputs are NaN, and says so everywhere', async () => {
    const o = await validate({ 'model-path': fx.nan, runs: '2' });
    expect(o.error).toBeInstanceOf(UserError);
    expect(o.error!.message).toBe("model rejected: smoke test: output 'y' has 3 non-finite values (NaN or ±Infinity) of 3");
    expect(o.outputs.verdict).toBe('fail');
    expect(o.summary).toContain('❌ **Rejected**');
    expect(o.summary).toContain("❌ output 'y' has 3 non-finite values");
    expect(o.sarif.runs[0]!.results).toMatchObject([{ ruleId: 'validate-model.smoke-test-failed', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'nan-output.onnx' } } }] }]);
  });

  it('shows a signature mismatch as a diff in the log and the summary', async () => {
    const o = await validate({ 'model-path': fx.regressor, 'expected-signature': 'inputs:\n  - {name: X, dtype: float64, shape: [-1, 4]}\n', 'smoke-test': 'false' });
    expect(o.error?.message).toBe("model rejected: signature mismatch: input 'X': dtype float, expected double");
    const diff = '- X: double [?, 4]\n+ X: float [?, 4]';
    expect(o.log.join('\n')).toContain(diff);
    expect(o.summary).toContain(`\`\`\`diff\ninputs:\n${diff}\n\`\`\``);
    expect(o.report.smokeTest).toEqual({ status: 'skipped', reason: 'smoke-test is false' });
  });

  it('rejects a pickle that runs os.system, and reports it in SARIF', async () => {
    const o = await validate({ 'model-path': evilPickle });
    expect(o.outputs.format).toBe('pickle');
    expect(o.outputs.verdict).toBe('fail');
    expect(o.error?.message).toMatch(/^model rejected: \d+ finding\(s\) at fail-on severities \(\d+ dangerous\)/);
    const dangerous = o.report.findings.filter((f) => f.severity === 'dangerous');
    expect(dangerous.some((f) => /os\.system|posix\.system/.test(`${f.import} ${f.message}`))).toBe(true);
    expect(o.report.smokeTest).toEqual({ status: 'skipped', reason: 'the model is pickle, and the smoke test runs ONNX models only' });
    const results = o.sarif.runs[0]!.results;
    expect(results.some((r) => r.level === 'error' && r.locations[0]!.physicalLocation.artifactLocation.uri === 'evil.pkl')).toBe(true);
    expect(o.summary).toMatch(/\| 🛑 dangerous \| `pickle.dangerous-import` \| `evil.pkl @ byte \d+` \|/);
  });

  it('walks a model.tar.gz and rejects the payload in a member; a bz2 pickle is decompressed and its payload named', async () => {
    const evilTgz = join(fx.dir, 'model.tar.gz');
    const evilBz2 = join(fx.dir, 'model.pkl.bz2');
    const py = `import bz2, io, sys, tarfile
data = open(sys.argv[1], "rb").read()
with tarfile.open(sys.argv[2], "w:gz") as t:
    info = tarfile.TarInfo("model/model.pkl")
    info.size = len(data)
    t.addfile(info, io.BytesIO(data))
open(sys.argv[3], "wb").write(bz2.compress(data))`;
    const made = spawnSync(process.env.PYTHON ?? 'python3', ['-c', py, evilPickle, evilTgz, evilBz2], { encoding: 'utf8' });
    expect(made.stderr).toBe('');
    const tgz = await validate({ 'model-path': evilTgz });
    expect(tgz.outputs).toMatchObject({ format: 'tar', verdict: 'fail' });
    expect(JSON.parse(tgz.outputs.metadata!)).toMatchObject({ format: 'tar' });
    expect(tgz.summary).toMatch(/\| 🛑 dangerous \| `pickle.dangerous-import` \| `model.tar.gz @ model\/model.pkl @ byte \d+` \|/);
    const bz = await validate({ 'model-path': evilBz2 });
    expect(bz.outputs).toMatchObject({ format: 'joblib', verdict: 'fail' });
    expect(bz.report.findings).toContainEqual(expect.objectContaining({ severity: 'dangerous', rule: 'pickle.dangerous-import', import: 'posix.system', location: expect.stringMatching(/^model\.pkl\.bz2 \(decompressed\) @ byte \d+$/) }));
  });

  it('never passes what it could not read: an LFS pointer, a text file, a name the bytes deny, an unknown container', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-model-unread-'));
    // What actions/checkout leaves without `lfs: true`.
    const pointer = join(dir, 'churn.onnx');
    writeFileSync(pointer, 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n');
    const lfs = await validate({ 'model-path': pointer });
    expect(lfs.outputs).toMatchObject({ format: 'git-lfs-pointer', verdict: 'fail' });
    expect(lfs.error?.message).toContain('lfs: true');
    expect(lfs.summary).toContain('file.git-lfs-pointer');
    // The finding failed the gate (default fail-on is not malformed): SARIF says error.
    expect(lfs.sarif.runs[0]!.results.find((r) => r.ruleId === 'file.git-lfs-pointer')?.level).toBe('error');

    const text = join(dir, 'model.bin');
    writeFileSync(text, 'just some notes, not a model\n');
    const t = await validate({ 'model-path': text });
    expect(t.outputs.verdict).toBe('fail');
    expect(t.report.findings.map((f) => f.rule)).toContain('model.nothing-scanned');
    expect(t.summary).not.toContain('the model may be built and deployed');

    const fake = join(dir, 'model.safetensors');
    writeFileSync(fake, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    // Malformed fails the default gate: a file the scanner could not read is not vouched for.
    const f = await validate({ 'model-path': fake });
    expect(f.report.findings).toContainEqual(expect.objectContaining({ severity: 'malformed', rule: 'format.name-mismatch', message: expect.stringContaining('the name says safetensors') }));
    expect(f.outputs.verdict).toBe('fail');

    // A 7-Zip archive is refused by its magic bytes, with help text and a help URI in SARIF.
    const sz = join(dir, 'model.7z');
    writeFileSync(sz, Buffer.concat([Buffer.from('377abcaf271c0004', 'hex'), Buffer.alloc(40)]));
    const s7 = await validate({ 'model-path': sz });
    expect(s7.outputs.verdict).toBe('fail');
    const rule = s7.sarif.runs[0]!.tool.driver.rules.find((r) => r.id === 'archive.unsupported-format') as { help?: { text: string }; helpUri?: string; shortDescription?: { text: string } } | undefined;
    expect(rule?.shortDescription?.text).toMatch(/^An archive or compression format the scanner does not walk/);
    expect(rule?.help?.text).toMatch(/7-Zip|zip or tar/);
    expect(rule?.helpUri).toMatch(/^https:\/\/github\.com\/.+#/);
  });

  it('describes a directory by what it holds: one format, or mixed with the formats listed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-model-dir-'));
    cpSync(fx.classifier, join(dir, 'model.onnx'));
    writeFileSync(join(dir, 'README.md'), '# churn model\n');
    const one = await validate({ 'model-path': dir, 'smoke-test': 'false' });
    expect(one.outputs.format).toBe('onnx');
    cpSync(evilPickle, join(dir, 'preprocess.pkl'));
    const mixed = await validate({ 'model-path': dir, 'smoke-test': 'false', 'fail-on': 'none' });
    expect(mixed.outputs.format).toBe('mixed');
    expect(mixed.report.model.formats).toEqual(['onnx', 'pickle']);
    expect(mixed.summary).toContain('mixed (onnx, pickle)');
  });

  it('fails an import on no list by default and prints the allow-globals line that accepts it', async () => {
    const custom = join(fx.dir, 'custom.pkl');
    const py = `import pickle, sys, types
mod = types.ModuleType("mylib.models")
class Net:
    def __init__(self):
        self.w = [0.5, 0.25]
Net.__module__ = "mylib.models"
mod.Net = Net
sys.modules["mylib"] = types.ModuleType("mylib")
sys.modules["mylib.models"] = mod
open(sys.argv[1], "wb").write(pickle.dumps({"model": Net()}, protocol=4))`;
    const made = spawnSync(process.env.PYTHON ?? 'python3', ['-c', py, custom], { encoding: 'utf8' });
    expect(made.stderr).toBe('');
    const o = await validate({ 'model-path': custom });
    expect(o.outputs.verdict).toBe('fail');
    expect(o.report.failOn).toEqual(['dangerous', 'unknown-import']);
    expect(o.report.files[0]!.globals).toEqual([expect.objectContaining({ name: 'mylib.models.Net', classification: 'unknown' })]);
    expect(o.summary).toContain('| ❓ unknown | `mylib.models.Net` |');
    expect(o.summary).toContain('```yaml\nallow-globals: |\n  mylib.models.Net\n```');
    const finding = o.report.findings.find((f) => f.rule === 'pickle.unknown-import');
    expect(finding?.message).toContain('allow-globals: mylib.models.Net');
    const allowed = await validate({ 'model-path': custom, 'allow-globals': 'mylib.models.Net' });
    expect(allowed.outputs.verdict).toBe('pass');
    expect(allowed.report.files[0]!.globals).toEqual([expect.objectContaining({ name: 'mylib.models.Net', classification: 'allowed' })]);
    expect(allowed.summary).toContain('| ☑️ allowed (allow-globals) | `mylib.models.Net` |');
  });

  it('never lets allow-globals clear a dangerous global; allow-dangerous-globals accepts it, in red, with the reason', async () => {
    for (const allow of ['posix.system, os.system', 'posix.*, os.*']) {
      const o = await validate({ 'model-path': evilPickle, 'allow-globals': allow });
      expect(o.outputs.verdict).toBe('fail');
      expect(o.report.findings.find((f) => f.severity === 'dangerous')?.message).toContain('allow-dangerous-globals');
    }
    const reason = 'vendor model shells out to echo; ticket SEC-42';
    const o = await validate({ 'model-path': evilPickle, 'allow-dangerous-globals': `posix.system: ${reason}\nos.system: ${reason}` });
    expect(o.outputs.verdict).toBe('pass');
    expect(o.report.findings.filter((f) => f.severity === 'dangerous')).toEqual([]);
    expect(o.report.findings.some((f) => f.rule === 'pickle.dangerous-import-accepted' && f.severity === 'warning')).toBe(true);
    const g = o.report.files[0]!.globals.find((x) => /^(posix|os)\.system$/.test(x.name));
    expect(g).toMatchObject({ classification: 'dangerous', accepted: reason });
    expect(o.summary).toMatch(/🟥 \*\*1 dangerous global\(s\) accepted by `allow-dangerous-globals`\*\*/);
    expect(o.summary).toContain(`| 🟥 dangerous, accepted: ${reason} |`);
    const props = (o.sarif.runs[0] as unknown as { properties: { imports: Array<{ name: string; classification: string; accepted?: string }>; acceptedDangerous: unknown[] } }).properties;
    expect(props.imports).toEqual([expect.objectContaining({ file: 'evil.pkl', classification: 'dangerous', accepted: reason })]);
    expect(props.acceptedDangerous).toHaveLength(2);
  });

  it('reports the same pickle without failing when fail-on is none', async () => {
    const o = await validate({ 'model-path': evilPickle, 'fail-on': 'none' });
    expect(o.error).toBeUndefined();
    expect(o.outputs.verdict).toBe('pass');
    expect(o.report.findings.some((f) => f.severity === 'dangerous')).toBe(true);
    expect(o.summary).toContain('| **Fails on** | no severity (report-only); malformed always (what could not be read was not checked) |');
  });

  it('fails smoke-test true on a model that is not ONNX', async () => {
    const o = await validate({ 'model-path': evilPickle, 'fail-on': 'none', 'smoke-test': 'true' });
    expect(o.error?.message).toBe('model rejected: smoke test: the model is pickle, and the smoke test runs ONNX models only');
  });

  it('fails the smoke test of an ONNX model, auto too, when the runtime cannot be had or is not the pinned one', async () => {
    for (const err of [new OnnxRuntimeIntegrityError('refused http://mirror/onnxruntime-node-1.30.0.tgz: its sha512 is sha512-x'), new InferenceUnavailableError('could not download ONNX Runtime: HTTP 503')]) {
      const o = await validate({ 'model-path': fx.classifier }, { onnxRuntime: () => Promise.reject(err) });
      expect(o.report.smokeTest).toEqual({ status: 'failed', reason: `ONNX Runtime: ${err.message}` });
      expect(o.outputs.verdict).toBe('fail');
    }
    // A model that needs no runtime does not ask for one.
    const joblibLike = await validate({ 'model-path': evilPickle, 'fail-on': 'none' }, { onnxRuntime: () => Promise.reject(new Error('must not be called')) });
    expect(joblibLike.report.smokeTest.status).toBe('skipped');
  });

  it('skips (auto) or fails (true) where the runtime does not ship', async () => {
    const smoke = { run: () => Promise.reject(new Error('must not run')), support: () => ({ supported: false as const, reason: 'ONNX Runtime ships with this action for linux-x64 and linux-arm64 only, not darwin-x64' }) };
    const auto = await validate({ 'model-path': fx.classifier }, { smoke });
    expect(auto.error).toBeUndefined();
    expect(auto.report.smokeTest).toEqual({ status: 'skipped', reason: expect.stringContaining('not darwin-x64') });
    const must = await validate({ 'model-path': fx.classifier, 'smoke-test': 'true' }, { smoke });
    expect(must.error?.message).toMatch(/^model rejected: smoke test: ONNX Runtime ships with this action for linux-x64 and linux-arm64 only/);
  });

  it('fails on a digest mismatch and every failed quality rule, with reasons', async () => {
    const o = await validate({
      'model-path': fx.classifier,
      'expected-sha256': '0'.repeat(64),
      metrics: fx.metrics,
      'champion-metrics': fx.champion,
      thresholds: 'accuracy >= 0.999\nrecall >= 0.5\naccuracy < champion',
      runs: '2',
    });
    expect(o.outputs.verdict).toBe('fail');
    expect(o.report.failures[0]).toMatch(/^sha256 [0-9a-f]{64} is not the expected 0{64}$/);
    expect(o.report.quality?.rules.map((r) => [r.rule, r.passed])).toEqual([
      ['accuracy >= 0.999', false],
      ['recall >= 0.5', false],
      ['accuracy < champion', false],
    ]);
    // the smoke test's measurements are candidate metrics too
    expect(o.report.quality?.rules[1]!.message).toBe("candidate metric 'recall' not found (available: accuracy, eval.f1, eval.auc, latency_p50_ms, latency_p95_ms)");
    expect(o.summary).toContain("❌ fail: candidate metric 'recall' not found");
    expect(o.sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual([
      'validate-model.integrity-mismatch',
      'validate-model.quality-rule-failed',
      'validate-model.quality-rule-failed',
      'validate-model.quality-rule-failed',
    ]);
    expect(o.summary).toContain('❌ differs');
  });

  it('validates an MLflow model directory through its ONNX flavor', async () => {
    const o = await validate({ 'model-path': fx.mlflow, 'expected-signature': 'inputs: [{name: X, dtype: float32, shape: [-1, 4]}]', runs: '2' });
    expect(o.error).toBeUndefined();
    expect(o.outputs.format).toBe('mlflow');
    expect(o.report.mlflow).toMatchObject({ flavors: ['onnx', 'python_function'], signatureKind: 'tensor', inputExample: 'input_example.json' });
    expect(o.report.model.onnxFile).toBe('model.onnx');
    expect(o.report.smokeTest.status).toBe('passed');
    // the MLflow input example ({"inputs": [[...], [...]]}) is the sample
    expect(o.report.smokeTest.result?.inputs).toEqual([{ name: 'X', dtype: 'float32', shape: [2, 4], source: 'sample' }]);
    expect(o.log).toContain(`sample: the MLflow input example ${join(fx.mlflow, 'input_example.json')}`);
    expect(o.summary).toContain('ONNX graph model.onnx');
  });

  it('checks an sklearn-flavored MLflow model: pickle scanned, signature from MLmodel, no smoke test', async () => {
    const o = await validate({
      'model-path': fx.mlflow_sklearn,
      'expected-signature': 'inputs:\n  - {name: sepal_length, dtype: float32}\n  - {name: sepal_width}\n  - {name: petal_length}\n  - {name: petal_width}\noutputs:\n  - {name: "0", dtype: int64}\n',
    });
    expect(o.error).toBeUndefined();
    expect(o.outputs).toMatchObject({ format: 'mlflow', verdict: 'pass' });
    expect(o.report.findings.filter((f) => f.severity === 'dangerous')).toEqual([]);
    expect(o.report.files.find((f) => f.file === 'model.pkl')).toMatchObject({ format: 'pickle' });
    expect(o.report.signature).toMatchObject({ source: 'mlflow', inputs: [{ name: 'sepal_length', dtype: 'float', shape: [null] }, {}, {}, {}] });
    expect(o.report.mlflow).toMatchObject({ flavors: ['python_function', 'sklearn'], signatureKind: 'column' });
    expect(o.report.smokeTest).toEqual({ status: 'skipped', reason: 'the MLflow model has no onnx flavor (flavors: python_function, sklearn), and the smoke test runs ONNX models only' });
    expect(o.summary).toContain('From the MLflow MLmodel.');
  });

  it('refuses external data that points outside the model directory without running it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'escape-'));
    cpSync(join(fx.dir, 'external'), dir, { recursive: true });
    // Rewrite the location to ../weights.bin (same length, so the protobuf stays valid).
    const p = join(dir, 'model.onnx');
    const bytes = readFileSync(p);
    const at = bytes.indexOf('weights.bin');
    expect(at).toBeGreaterThan(0);
    bytes.write('../eights.b', at, 'latin1');
    writeFileSync(p, bytes);
    const o = await validate({ 'model-path': p });
    expect(o.report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'dangerous', rule: 'onnx.external-data-escape' })]));
    expect(o.report.smokeTest).toEqual({ status: 'failed', reason: 'not run: the model points at external data outside its directory' });
    expect(o.outputs.verdict).toBe('fail');
  });

  it('reports a corrupt ONNX file as malformed', async () => {
    const p = join(fx.dir, 'truncated.onnx');
    writeFileSync(p, readFileSync(fx.classifier).subarray(0, 200));
    const o = await validate({ 'model-path': p });
    expect(o.outputs.verdict).toBe('fail');
    expect(o.report.findings.some((f) => f.severity === 'malformed')).toBe(true);
    expect(o.sarif.runs[0]!.results.find((r) => r.ruleId === 'onnx.malformed')?.level).toBe('error');
    // Report-only does not pass it either: what could not be read was not checked.
    const none = await validate({ 'model-path': p, 'fail-on': 'none', 'smoke-test': 'false' });
    expect(none.outputs.verdict).toBe('fail');
    expect(none.error?.message).toContain('truncated.onnx');
    expect(o.report.smokeTest.status).toBe('failed');
  });

  it('picks the one ONNX file of a directory, and asks which when there are several', async () => {
    const one = mkdtempSync(join(tmpdir(), 'one-onnx-'));
    cpSync(fx.classifier, join(one, 'model.onnx'));
    writeFileSync(join(one, 'README.txt'), 'a model card');
    const o = await validate({ 'model-path': one, runs: '2' });
    expect(o.report.model.onnxFile).toBe('model.onnx');
    expect(o.report.smokeTest.status).toBe('passed');

    cpSync(fx.regressor, join(one, 'other.onnx'));
    const two = await validate({ 'model-path': one, 'expected-signature': 'inputs: [{name: X}]' });
    const why = /^2 ONNX files in the directory \(model.onnx, other.onnx\); the signature and the smoke test need one: point model-path at it$/;
    expect(two.report.smokeTest.status).toBe('skipped');
    expect(two.report.smokeTest.reason).toMatch(why);
    expect(two.report.signatureCheck?.status).toBe('failed');
    expect(two.report.signatureCheck?.reason).toMatch(why);
    expect(two.outputs.verdict).toBe('fail');
  });
});
