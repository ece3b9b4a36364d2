/**
 * The committed bundle (actions/validate-model/dist/index.js), run as the runner runs it: Node 24,
 * INPUT_* variables with every default of action.yml filled in, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files. Models come from scikit-learn + skl2onnx at set-up; inference runs on
 * ONNX Runtime from the tool cache (seeded as a first run leaves it), loaded by the bundle.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { ONNXRUNTIME_NODE } from '@ml-deploy/model';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runnerInputEnv } from '@ml-deploy/test/action-yml';
import { pushImage, startRegistry } from '@ml-deploy/test/harness/registry';
import { node24, parseOutputFile, runBundle, runnerFiles } from '@ml-deploy/test/run-bundle';
import { bytes, str, tag, tensorValueInfo, varint, vint } from '../../../packages/model/test/onnx-proto-builder';
import { sarifErrors } from '../../../packages/model/test/sarif-schema';
import { makeOnnxFixtures, type OnnxFixtures, seededOnnxRuntimeCache } from '../../../test/fixtures/onnx/fixtures';

let fx: OnnxFixtures;
let ortCache: string;
beforeAll(() => {
  fx = makeOnnxFixtures();
  // What a runner's tool cache holds after the first run fetched and verified the runtime; every
  // bundle run below reads it (runnerFiles passes ML_DEPLOY_ORT_CACHE on), none reaches the registry.
  ortCache = seededOnnxRuntimeCache(ONNXRUNTIME_NODE.version);
  process.env.ML_DEPLOY_ORT_CACHE = ortCache;
});
afterAll(() => {
  delete process.env.ML_DEPLOY_ORT_CACHE;
});

describe('validate-model bundle', () => {
  it('carries no ONNX Runtime binaries: the repository every uses: downloads stays small', () => {
    const dist = join(repoRoot, 'actions', 'validate-model', 'dist');
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    expect(walk(dist).filter((f) => /onnxruntime|\.node$|\.so(\.|$)/.test(f))).toEqual([]);
    expect(readFileSync(join(dist, 'index.js'), 'utf8')).not.toContain('node_modules/onnxruntime-node');
  });

  it('runs the smoke test from a cache filled offline by the README recipe, exactly as written', async () => {
    const readme = readFileSync(join(repoRoot, 'validate-model', 'README.md'), 'utf8');
    const recipe = /\*\*Offline runners and act\.\*\*[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(recipe).toContain('touch "$DEST.complete"');
    const cache = mkdtempSync(join(tmpdir(), 'ort-offline-cache-'));
    // Where `npm install onnxruntime-node@1.30.0` puts it: packages/model has it installed.
    const filled = spawnSync('sh', ['-ec', recipe!], { cwd: join(repoRoot, 'packages', 'model'), encoding: 'utf8', env: { PATH: '/usr/bin:/bin', ML_DEPLOY_ORT_CACHE: cache } });
    expect([filled.status, filled.stderr]).toEqual([0, '']);
    // A registry that refuses every connection: the run must not need it.
    const run = await runBundle('validate-model', { inputs: { 'model-path': fx.classifier, 'smoke-test': 'true', runs: '2' }, env: { ML_DEPLOY_ORT_CACHE: cache, ML_DEPLOY_NPM_REGISTRY: 'http://127.0.0.1:9/' } });
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(run.outputs.report!, 'utf8')).smokeTest.status).toBe('passed');
  });

  it('refuses a tampered ONNX Runtime tarball from the registry: smoke test failed, nothing cached', async () => {
    const tampered = Buffer.from(gzipSync(Buffer.concat([Buffer.from('package/bin/napi-v6/linux/x64/onnxruntime_binding.node'), Buffer.alloc(2048)])));
    let requests = 0;
    const server = createServer((req, res) => {
      requests++;
      if (req.url === `/onnxruntime-node/-/onnxruntime-node-${ONNXRUNTIME_NODE.version}.tgz`) res.end(tampered);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const cache = mkdtempSync(join(tmpdir(), 'ort-empty-cache-'));
      const run = await runBundle('validate-model', { inputs: { 'model-path': fx.classifier, runs: '2' }, env: { ML_DEPLOY_ORT_CACHE: cache, ML_DEPLOY_NPM_REGISTRY: `http://127.0.0.1:${port}` } });
      expect(requests).toBe(1);
      expect(run.code).toBe(1);
      expect(run.outputs.verdict).toBe('fail');
      const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8')) as { smokeTest: { status: string; reason: string } };
      expect(report.smokeTest).toEqual({ status: 'failed', reason: expect.stringMatching(/^ONNX Runtime: refused http:\/\/127\.0\.0\.1:\d+\/onnxruntime-node\/-\/onnxruntime-node-[\d.]+\.tgz: its sha512 is sha512-\S+, not the pinned sha512-/) });
      expect(readdirSync(cache, { recursive: true })).toEqual(['onnxruntime-node']);
    } finally {
      server.close();
    }
  });

  it('runs from a copy of dist/ alone, as from a release tag with no npm install', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-model-tag-'));
    const dist = join(dir, 'actions', 'validate-model', 'dist');
    cpSync(join(repoRoot, 'actions', 'validate-model', 'dist'), dist, { recursive: true });
    const r = spawnSync(node24(), [join(dist, 'index.js')], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        // outside the repository, with nothing on PATH but the system
        ...runnerFiles(dir).env,
        PATH: '/usr/bin:/bin',
        HOME: dir,
        GITHUB_WORKSPACE: dir,
        ...runnerInputEnv('validate-model', { 'model-path': fx.classifier, 'smoke-test': 'true', runs: '3' }),
      },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const outputs = parseOutputFile(readFileSync(join(dir, 'output'), 'utf8'));
    expect(outputs).toMatchObject({ format: 'onnx', verdict: 'pass' });
    expect(JSON.parse(readFileSync(outputs.report!, 'utf8')).smokeTest.status).toBe('passed');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('### Smoke test\n\n✅ passed');
  });

  it('reads joblib lzma/xz/bz2/lz4 from a copy of dist/ alone: benign passes, an os.system payload fails', () => {
    // liblzma's WebAssembly must load from dist/ (ncc copies it there), not from node_modules.
    const dir = mkdtempSync(join(tmpdir(), 'validate-model-lzma-'));
    const dist = join(dir, 'dist');
    cpSync(join(repoRoot, 'actions', 'validate-model', 'dist'), dist, { recursive: true });
    const py = `import joblib, os, sys
from sklearn.linear_model import LogisticRegression
class Payload:
    def __reduce__(self):
        return (os.system, ("echo pwned",))
model = LogisticRegression().fit([[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1])
for comp in ("lzma", "xz", "bz2", "lz4"):
    joblib.dump(model, os.path.join(sys.argv[1], f"good-{comp}.joblib"), compress=comp)
    joblib.dump({"model": Payload()}, os.path.join(sys.argv[1], f"evil-{comp}.joblib"), compress=comp)`;
    const made = spawnSync(process.env.PYTHON ?? 'python3', ['-c', py, dir], { encoding: 'utf8' });
    expect(made.stderr).toBe('');
    for (const comp of ['lzma', 'xz', 'bz2', 'lz4']) {
      for (const kind of ['good', 'evil']) {
        const runDir = mkdtempSync(join(dir, `${kind}-${comp}-`));
        const files = runnerFiles(runDir);
        const r = spawnSync(node24(), [join(dist, 'index.js')], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...files.env, PATH: '/usr/bin:/bin', HOME: dir, GITHUB_WORKSPACE: dir, ...runnerInputEnv('validate-model', { 'model-path': join(dir, `${kind}-${comp}.joblib`) }) },
        });
        const outputs = parseOutputFile(readFileSync(files.outputFile, 'utf8'));
        expect([comp, kind, outputs.format, outputs.verdict, r.status]).toEqual([comp, kind, 'joblib', kind === 'good' ? 'pass' : 'fail', kind === 'good' ? 0 : 1]);
        if (kind === 'evil') expect(r.stdout).toContain(`[dangerous] pickle.dangerous-import: STACK_GLOBAL imports posix.system`);
      }
    }
  });

  it('passes a good model and sets every output, the report, SARIF and the summary', async () => {
    const sig = join(fx.dir, 'bundle-signature.json');
    writeFileSync(sig, JSON.stringify({ inputs: [{ name: 'X', dtype: 'float32', shape: [-1, 4] }], outputs: [{ name: 'label', dtype: 'int64' }, { name: 'probabilities' }] }));
    const run = await runBundle('validate-model', {
      inputs: {
        'model-path': fx.classifier,
        'expected-signature': sig,
        'sample-input': fx.sample_npy,
        'latency-budget': '2s',
        metrics: fx.metrics,
        'champion-metrics': fx.champion,
        thresholds: 'accuracy >= 0.9\naccuracy >= champion - 0.01 # no worse than production\nlatency_p95_ms <= 2000',
        'model-name': 'iris-classifier',
        'model-version': '42',
      },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ format: 'onnx', verdict: 'pass', size: String(readFileSync(fx.classifier).length) });
    expect(run.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    const metadata = JSON.parse(run.outputs.metadata!);
    expect(metadata).toEqual({
      name: 'iris-classifier',
      version: '42',
      format: 'onnx',
      digest: `sha256:${run.outputs.sha256}`,
      size: readFileSync(fx.classifier).length,
      signature: {
        inputs: [{ name: 'X', dtype: 'float', shape: [null, 4] }],
        outputs: [
          { name: 'label', dtype: 'int64', shape: [null] },
          { name: 'probabilities', dtype: 'float', shape: [null, 3] },
        ],
      },
      metrics: JSON.parse(readFileSync(fx.metrics, 'utf8')),
      verdict: 'pass',
    });
    expect(run.outputs.labels).toBe(`org.ml-deploy.model.metadata=${run.outputs.metadata}\norg.opencontainers.image.version=42`);
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    expect(report.smokeTest.result.inputs[0]).toMatchObject({ name: 'X', source: 'sample', shape: [2, 4] });
    expect(report.quality.rules).toHaveLength(3);
    const sarif = JSON.parse(readFileSync(run.outputs.sarif!, 'utf8'));
    expect(sarifErrors(sarif)).toEqual([]);
    expect(run.stdout).toMatch(/latency over 20 runs \(after 3 warm-up\): p50 [\d.]+ ms, p95 [\d.]+ ms/);
    expect(run.summary).toContain('## Model validation: iris-classifier');
    expect(run.summary).toContain('✅ **Passed**');
    expect(run.summary).toContain('Compared with `' + sig + '`: ✅ passed');
    expect(run.summary).toMatch(/\| 20 \(\+3 warm-up\) \| [\d.]+ ms \| [\d.]+ ms \|/);
    expect(run.summary).toMatch(/\| `accuracy >= champion - 0.01` \| [\d.]+ \| champion [\d.]+ - 0.01 = [\d.]+ \| ✅ pass \|/);
  });

  it('reads the champion from an image in a registry that needs credentials, and masks the password', async () => {
    const user = { username: 'deployer', password: 'Bundle-pw-5c1e' };
    const reg = await startRegistry({ basicAuth: user });
    try {
      // The champion image carries the labels a first bundle run gave it (GITHUB_SHA → revision).
      const first = await runBundle('validate-model', {
        inputs: { 'model-path': fx.classifier, metrics: fx.champion, 'smoke-test': 'false', 'model-name': 'iris', 'model-version': '6' },
        env: { GITHUB_SHA: 'c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ffe' },
      });
      expect(first.code).toBe(0);
      const labels = Object.fromEntries(first.outputs.labels!.split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      expect(labels['org.opencontainers.image.revision']).toBe('c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ffe');
      const img = await pushImage({ registry: reg, repository: 'models/iris', auth: user }, { tag: 'prod', labels });
      const ref = `${reg.host}/models/iris@${img.digest}`;
      const inputs = { 'model-path': fx.classifier, metrics: fx.metrics, 'champion-image': ref, thresholds: 'accuracy >= champion - 0.01', 'smoke-test': 'false' };

      const run = await runBundle('validate-model', { inputs, env: { ML_DEPLOY_REGISTRY_USERNAME: user.username, ML_DEPLOY_REGISTRY_PASSWORD: user.password, HOME: fx.dir } });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.outputs.verdict).toBe('pass');
      expect(run.stdout).toContain(`::add-mask::${user.password}`);
      expect(run.stdout.split('\n').filter((l) => l.includes(user.password) && !l.startsWith('::add-mask::'))).toEqual([]);
      expect(run.summary).toContain(`champion: the image \`${ref}\` at \`${img.digest}\``);
      expect(JSON.parse(readFileSync(run.outputs.report!, 'utf8')).quality.championImage).toMatchObject({ reference: ref, digest: img.digest });

      const denied = await runBundle('validate-model', { inputs, env: { HOME: fx.dir } });
      expect(denied.code).toBe(1);
      expect(denied.stdout).toContain(`::error::validate-model: reading the champion's metrics from ${ref}: ${reg.host} needs credentials to pull models/iris (401): set ML_DEPLOY_REGISTRY_USERNAME and ML_DEPLOY_REGISTRY_PASSWORD`);
    } finally {
      await reg.stop();
    }
  });

  it('fails a bad input early, naming it', async () => {
    const run = await runBundle('validate-model', { inputs: { 'model-path': fx.classifier, runs: 'many' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::validate-model: input 'runs': got "many", expected a whole number from 1 to 100000`);
    expect(run.outputs).toEqual({});
  });

  it('rejects a model with NaN outputs and a failed rule: exit 1, verdict fail, SARIF results', async () => {
    const run = await runBundle('validate-model', { inputs: { 'model-path': fx.nan, thresholds: 'latency_p95_ms <= 0.000001' } });
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(run.stdout).toMatch(/::error::validate-model: model rejected: smoke test: output 'y' has 3 non-finite values .*; quality gate: 1 of 1 rule\(s\) failed/);
    const sarif = JSON.parse(readFileSync(run.outputs.sarif!, 'utf8'));
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['validate-model.smoke-test-failed', 'validate-model.quality-rule-failed']);
    for (const r of sarif.runs[0].results) expect(r.locations[0].physicalLocation.artifactLocation.uri).not.toMatch(/^\//);
    expect(run.summary).toContain('❌ **Rejected**');
    expect(run.summary).toMatch(/\| `latency_p95_ms <= 0.000001` \| [\d.]+ \| 0\.000001 \| ❌ fail: /);
  });

  it('stops a long smoke test when the runner cancels (SIGINT)', async () => {
    const run = await runBundle('validate-model', {
      inputs: { 'model-path': fx.classifier, runs: '100000', 'warmup-runs': '10000' },
      signal: { name: 'SIGINT', whenStdout: /::group::Smoke test/ },
      timeoutMs: 60_000,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::validate-model: cancelled by SIGINT');
    expect(run.outputs.verdict).toBeUndefined();
    expect(run.summary).toContain('⏹️ **Cancelled**: cancelled by SIGINT');
    // Stopped part-way, not after the 100000 runs: no latency line was ever printed.
    expect(run.stdout).not.toMatch(/latency over \d+ runs/);
  });

  it('writes the report into report-dir when given', async () => {
    const dir = join(fx.dir, 'bundle-report');
    const run = await runBundle('validate-model', { inputs: { 'model-path': fx.mlflow, 'report-dir': dir, runs: '3' } });
    expect(run.code).toBe(0);
    expect(run.outputs.report).toBe(join(dir, 'report.json'));
    expect(run.outputs.format).toBe('mlflow');
    expect(JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')).name).toBe('mlflow-model');
  });

  it('validates a 2 GiB ONNX model in bounded memory: peak RSS does not grow with the weights (16 MiB vs 2 GiB)', async () => {
    // A valid ModelProto whose one initializer holds RAW bytes of raw_data: a sparse file, so the
    // test costs no disk, while the scanner still hashes every byte and the reader must skip them.
    // The bound is a comparison of two sizes 128x apart, not an absolute figure: reading the
    // weights into memory would add 2 GiB; streaming them adds nothing.
    const small = await peakOfBundle(2 ** 24);
    const large = await peakOfBundle(2 ** 31);
    expect(small).toBeGreaterThan(0);
    expect(large - small).toBeLessThan(32 * 1024); // kB: under 32 MiB of difference for 2032 MiB more weights
  });

  async function peakOfBundle(RAW: number): Promise<number> {
    const input = bytes(11, tensorValueInfo('x', 1, ['N', 4]));
    const output = bytes(12, tensorValueInfo('y', 1, ['N', 1]));
    const initHead = [...str(8, 'w'), ...vint(1, 4), ...vint(2, 1), ...tag(9, 2), ...varint(RAW)];
    const initLen = initHead.length + RAW;
    const graphLen = input.length + tag(5, 2).length + varint(initLen).length + initLen + output.length;
    const head = [...vint(1, 8), ...str(2, 'big'), ...tag(7, 2), ...varint(graphLen), ...input, ...tag(5, 2), ...varint(initLen), ...initHead];
    const tail = [...output, ...bytes(8, [...str(1, ''), ...vint(2, 17)])];
    const dir = mkdtempSync(join(tmpdir(), 'validate-model-big-'));
    const model = join(dir, 'big.onnx');
    const fd = openSync(model, 'w');
    writeSync(fd, Uint8Array.from(head), 0, head.length, 0);
    writeSync(fd, Uint8Array.from(tail), 0, tail.length, head.length + RAW);
    closeSync(fd);

    const child = spawn(node24(), [join(repoRoot, 'actions', 'validate-model', 'dist', 'index.js')], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...runnerFiles(dir).env,
        PATH: '/usr/bin:/bin',
        HOME: dir,
        GITHUB_WORKSPACE: dir,
        // The smoke test would load all weights into ONNX Runtime: that is its job, not the gate's.
        ...runnerInputEnv('validate-model', { 'model-path': model, 'smoke-test': 'false', 'expected-signature': 'inputs: [{name: x, dtype: float32, shape: [-1, 4]}]' }),
      },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    // VmHWM is the process's peak resident set, kept by the kernel: sample it until exit.
    let peakKb = 0;
    const timer = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // the process has just exited
      }
    }, 20);
    const code = await new Promise<number | null>((done) => child.on('close', done));
    clearInterval(timer);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const outputs = parseOutputFile(readFileSync(join(dir, 'output'), 'utf8'));
    expect(outputs).toMatchObject({ format: 'onnx', verdict: 'pass', size: String(head.length + RAW + tail.length) });
    rmSync(dir, { recursive: true, force: true });
    return peakKb;
  }
});
