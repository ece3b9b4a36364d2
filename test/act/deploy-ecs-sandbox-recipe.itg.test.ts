/**
 * The local ECS sandbox recipe of README.md and deploy-ecs/README.md, run exactly as written: the
 * shell block after the `recipe: deploy-ecs-sandbox` marker is the same in both files, and bash runs
 * it from the repository's root: `pnpm -s sandbox:ecs start` (moto + the ECS layer), the starter
 * workflow with act in host mode through ./deploy-ecs, `pnpm -s sandbox:ecs stop`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from '@jest/globals';
import { repoRoot } from '../action-yml';

const MARKER = '<!-- recipe: deploy-ecs-sandbox';

function recipe(file: string): string {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const at = text.indexOf(MARKER);
  if (at < 0) throw new Error(`${file}: no '${MARKER}' marker`);
  const m = /```sh\n([\s\S]*?)```/.exec(text.slice(at));
  if (!m) throw new Error(`${file}: no sh block after the recipe marker`);
  return m[1]!;
}

/** The env of a developer's shell, without anything AWS or act from this test process. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(AWS_|ECS_|ML_DEPLOY_|ACT|INPUT_|GITHUB_)/.test(k)));
}

function bash(script: string): Promise<{ code: number | null; output: string }> {
  const child = spawn('bash', ['-e', '-c', script], { cwd: repoRoot, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, output })));
}

afterAll(async () => {
  // If the recipe failed half-way, stop what it started (a no-op when it stopped it itself).
  await bash('PATH="$PWD/node_modules/.bin:$PATH" pnpm -s sandbox:ecs stop');
});

it('README.md and deploy-ecs/README.md give the same sandbox recipe', () => {
  expect(recipe('deploy-ecs/README.md')).toBe(recipe('README.md'));
});

it('the sandbox recipe deploys the starter workflow with act, as written', async () => {
  const run = await bash(recipe('README.md'));
  if (run.code !== 0) console.log(run.output);
  expect(run.code).toBe(0);
  // the starter's last step, with what the action reported
  expect(run.output).toMatch(/deployed arn:aws:ecs:us-east-1:123456789012:task-definition\/model-server:2 \(was arn:aws:ecs:us-east-1:123456789012:task-definition\/model-server:1\) as ecs-svc\/\d+, image sha256:0{61}abc/);
  expect(run.output).toMatch(/ecs sandbox: stopped \(pid \d+\)/);
  // stopped: nothing left listening
  const state = await bash('test ! -e .tmp/ecs-sandbox/state.json');
  expect(state.code).toBe(0);
}, 300_000);
