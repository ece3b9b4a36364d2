/**
 * Allow-list first, with an allow-list real models pass (issue 9): a zoo of benign files made at
 * set-up by the real libraries from PyPI (every scikit-learn estimator that fits on a toy dataset,
 * XGBoost, LightGBM, CatBoost, pandas, SciPy, NumPy, training-checkpoint values, torch-style
 * checkpoints; protocols 2 to 5; plain joblib and joblib compressed every way joblib offers: zlib,
 * gzip, bz2, xz, legacy lzma, lz4) must pass the default gate, which fails on `dangerous` and
 * `unknown-import` findings and on every `malformed` one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { DEFAULT_FAIL_ON, failsGate, scanModel } from '../src/index';
import { REPO_ROOT, python } from './fixtures';

interface ZooEntry {
  name: string;
  family: string;
}

// Built at module load so test.each can name one test per file.
const dir = mkdtempSync(join(tmpdir(), 'ml-deploy-model-zoo-'));
execFileSync(python(), [join(REPO_ROOT, 'test', 'fixtures', 'model', 'make_zoo.py'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
const zoo = JSON.parse(readFileSync(join(dir, 'zoo.json'), 'utf8')) as ZooEntry[];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the benign zoo passes the default gate', () => {
  test('is a zoo: at least 200 files, 150 scikit-learn estimators, every family present', () => {
    expect(zoo.length).toBeGreaterThanOrEqual(200);
    expect(zoo.filter((z) => z.family === 'scikit-learn').length).toBeGreaterThanOrEqual(150);
    const families = new Set(zoo.map((z) => z.family));
    for (const f of ['scikit-learn joblib', 'boosting', 'boosting joblib', 'data', 'torch-style checkpoint', 'fairseq-style checkpoint']) expect(families).toContain(f);
    // joblib dumps in every compression joblib offers (ML_DEPLOY_ZOO_COMPRESSIONS may narrow a local run).
    if (!process.env.ML_DEPLOY_ZOO_COMPRESSIONS) {
      const methods = new Set(zoo.filter((z) => z.name.endsWith('.joblib')).map((z) => /-([a-z0-9]+)\.joblib$/.exec(z.name)?.[1]));
      for (const m of ['plain', 'zlib', 'gzip', 'bz2', 'xz', 'lzma', 'lz4']) expect(methods).toContain(m);
    }
  });

  test.each(zoo.map((z) => [z.name, z] as const))('%s', async (_name, z) => {
    const r = await scanModel(join(dir, z.name));
    const failing = r.findings.filter((f) => failsGate(f, DEFAULT_FAIL_ON)).map((f) => `${f.severity} ${f.rule} ${f.import ?? f.message}`);
    expect(failing).toEqual([]);
    // and it was really read: a pickle walked, imports classified
    expect(r.files.every((f) => f.format !== 'unknown')).toBe(true);
    expect(r.files.flatMap((f) => f.imports).length).toBeGreaterThan(0);
  });
});
