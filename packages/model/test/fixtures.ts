/**
 * Builds the model fixtures with the real Python libraries (test/fixtures/model/make_fixtures.py)
 * into a fresh temp dir and returns its manifest. Python is ML_DEPLOY_PYTHON, else the
 * repository's .venv, else python3 on PATH.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** One fixture as the generator describes it. */
export interface FixtureEntry {
  name: string;
  family: string;
  benign: boolean;
  format: string | null;
  imports: string[];
  rules: string[];
  note: string;
}

export function python(): string {
  if (process.env.ML_DEPLOY_PYTHON) return process.env.ML_DEPLOY_PYTHON;
  const venv = join(REPO_ROOT, '.venv', 'bin', 'python3');
  return existsSync(venv) ? venv : 'python3';
}

/** Generates every fixture; takes a few seconds (the zip-bomb member is 1 GiB of zeros deflated). */
export function makeFixtures(): { dir: string; manifest: FixtureEntry[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ml-deploy-model-fixtures-'));
  execFileSync(python(), [join(REPO_ROOT, 'test', 'fixtures', 'model', 'make_fixtures.py'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as FixtureEntry[];
  return { dir, manifest };
}
