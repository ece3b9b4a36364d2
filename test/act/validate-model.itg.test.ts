/**
 * The starter pipeline workflows/validate-model.yml under act in host mode, on real models made by
 * scikit-learn + skl2onnx at set-up: a good model passes the gate; a model whose quality fell below
 * production's fails it. The SARIF upload step runs as its stand-in, which checks the file and uploads nothing.
 */
import { beforeAll, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ONNXRUNTIME_NODE } from '@ml-deploy/model';
import { makeOnnxFixtures, type OnnxFixtures, seededOnnxRuntimeCache } from '../fixtures/onnx/fixtures';
import { localWorkflow, runAct } from './act';

let fx: OnnxFixtures;
// ONNX Runtime as a runner's tool cache holds it after the first run (act's own RUNNER_TOOL_CACHE
// is the user's ~/.cache/act/tool_cache, so the test names a fresh one instead of writing there).
let env: Record<string, string>;
beforeAll(() => {
  fx = makeOnnxFixtures();
  env = { ML_DEPLOY_ORT_CACHE: seededOnnxRuntimeCache(ONNXRUNTIME_NODE.version) };
});

it('a good model passes the gate', async () => {
  const run = await runAct({
    workflow: await localWorkflow('validate-model.yml'),
    env,
    inputs: { 'model-path': fx.classifier, metrics: fx.metrics, 'champion-metrics': fx.champion },
  });
  if (run.code !== 0) console.log(run.output);
  expect(run.code).toBe(0);
  expect(run.output).toMatch(/upload-sarif stand-in: .* \(category validate-model\) checked, nothing uploaded/);
  expect(run.output).toMatch(/model gate: pass \(onnx, sha256 [0-9a-f]{64}\)/);
});

it('a good joblib model passes the starter unchanged (no smoke test, so no latency rule to fail)', async () => {
  const model = join(fx.dir, 'starter-model.joblib');
  const py = `import joblib, sys
from sklearn.linear_model import LogisticRegression
joblib.dump(LogisticRegression().fit([[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1]), sys.argv[1], compress=3)`;
  const made = spawnSync(process.env.PYTHON ?? 'python3', ['-c', py, model], { encoding: 'utf8' });
  expect(made.stderr).toBe('');
  const run = await runAct({
    workflow: await localWorkflow('validate-model.yml'),
    env,
    inputs: { 'model-path': model, metrics: fx.metrics, 'champion-metrics': fx.champion },
  });
  if (run.code !== 0) console.log(run.output);
  expect(run.code).toBe(0);
  expect(run.output).toMatch(/model gate: pass \(joblib, sha256 [0-9a-f]{64}\)/);
  expect(run.output).toMatch(/smoke test skipped: the model is joblib/);
});

it('a model worse than production fails the gate, and the job with it', async () => {
  const worse = join(fx.dir, 'worse-metrics.json');
  writeFileSync(worse, JSON.stringify({ accuracy: 0.5 }));
  const run = await runAct({
    workflow: await localWorkflow('validate-model.yml'),
    env,
    inputs: { 'model-path': fx.classifier, metrics: worse, 'champion-metrics': fx.champion },
  });
  expect(run.code).not.toBe(0);
  expect(run.output).toMatch(/accuracy >= 0\.8/);
  expect(run.output).not.toMatch(/model gate: pass/);
});
