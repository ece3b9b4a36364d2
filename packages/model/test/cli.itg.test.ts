/**
 * The `ml-deploy-scan` command as a user runs it: the committed bundle packages/model/dist/
 * ml-deploy-scan.js under the real Node 24, on files made by Python's pickler and joblib at
 * set-up. Exit codes: 0 passed, 1 rejected, 2 bad command line.
 */
import { beforeAll, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { node24 } from '@ml-deploy/test/run-bundle';
import { REPO_ROOT, python } from './fixtures';

const bin = join(REPO_ROOT, 'packages', 'model', 'dist', 'ml-deploy-scan.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ml-deploy-scan-'));
  const py = `import joblib, os, pickle, sys, types
from sklearn.linear_model import LogisticRegression
d = sys.argv[1]
class Payload:
    def __reduce__(self):
        return (os.system, ("echo pwned",))
joblib.dump({"model": Payload()}, os.path.join(d, "evil.joblib"), compress="lzma")
joblib.dump(LogisticRegression().fit([[0.0], [1.0]], [0, 1]), os.path.join(d, "good.joblib"), compress="xz")
# A pickle of the team's own class: unknown until allowed.
mod = types.ModuleType("mylib.models")
class Model:
    pass
Model.__module__ = "mylib.models"
Model.__qualname__ = "Model"
mod.Model = Model
sys.modules["mylib"] = types.ModuleType("mylib")
sys.modules["mylib.models"] = mod
open(os.path.join(d, "own.pkl"), "wb").write(pickle.dumps(Model(), protocol=4))
good = pickle.dumps({"weights": [1.0, 2.0, 3.0], "name": "model"}, protocol=4)
open(os.path.join(d, "truncated.pkl"), "wb").write(good[: len(good) // 2])`;
  const r = spawnSync(python(), ['-c', py, dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  writeFileSync(join(dir, 'churn.onnx'), 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n');
});

function scan(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(node24(), [bin, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: dir } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

it('rejects a payload in a joblib saved with compress=lzma: exit 1, the import named', () => {
  const r = scan('evil.joblib');
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/^FAIL \[dangerous\] pickle\.dangerous-import: .*posix\.system.* \(evil\.joblib \(decompressed\) @ byte \d+\)$/m);
  expect(r.stdout).toMatch(/^rejected: 1 finding\(s\) fail the gate \(fail-on: dangerous, unknown-import; malformed always\)$/m);
});

it('passes a good joblib saved with compress=xz: exit 0', () => {
  const r = scan('good.joblib');
  expect([r.code, r.stderr]).toEqual([0, '']);
  expect(r.stdout).toMatch(/^passed: no finding at dangerous, unknown-import, nothing malformed$/m);
});

it('prints the report and the verdict as JSON with --json', () => {
  const r = scan('evil.joblib', '--json');
  expect(r.code).toBe(1);
  const report = JSON.parse(r.stdout) as { verdict: string; format: string; failOn: string[]; findings: Array<{ rule: string; import?: string }> };
  expect(report).toMatchObject({ verdict: 'fail', format: 'joblib', failOn: ['dangerous', 'unknown-import'] });
  expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'pickle.dangerous-import', import: 'posix.system' }));
});

it('reports without failing with --fail-on none, except what it could not read (an LFS pointer)', () => {
  expect(scan('evil.joblib', '--fail-on', 'none').code).toBe(0);
  const lfs = scan('churn.onnx', '--fail-on', 'none');
  expect(lfs.code).toBe(1);
  expect(lfs.stdout).toContain('lfs: true');
  // Nor does it pass a pickle it could not read to its end.
  const cut = scan('truncated.pkl', '--fail-on', 'none');
  expect([cut.code, cut.stdout]).toEqual([1, expect.stringMatching(/^FAIL \[malformed\] pickle\.truncated: /m)]);
});

it('accepts the team’s own classes with --allow-globals', () => {
  const unknown = scan('own.pkl');
  expect(unknown.code).toBe(1);
  expect(unknown.stdout).toMatch(/\[unknown-import\] pickle\.unknown-import: .*mylib\.models\.Model/);
  expect(scan('own.pkl', '--allow-globals', 'mylib.models.*').code).toBe(0);
});

it('names the option and the value it refuses: exit 2', () => {
  const bad = scan('evil.joblib', '--fail-on', 'dangerous,sometimes');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain(`--fail-on: got "sometimes", expected 'none', or severities from dangerous, unknown-import, malformed, warning, info, comma-separated`);
  const glob = scan('evil.joblib', '--allow-globals', 'os system');
  expect(glob.code).toBe(2);
  expect(glob.stderr).toContain(`--allow-globals: got "os system"`);
  expect(scan().code).toBe(2);
  expect(scan('a', 'b').stderr).toContain('expected one model path, got "a" "b"');
  expect(scan('--help').code).toBe(0);
});
