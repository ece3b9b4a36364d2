/**
 * Runs a workflow with act in host mode, as README describes for local runs: `-P
 * ubuntu-latest=-self-hosted`, ACT_DISABLE_VERSION_CHECK=1, Node 24 first on PATH (host mode runs
 * JavaScript actions with the `node` it finds), endpoints and credentials as env (act has no OIDC
 * token service). Starter workflows reference `org/ml-deploy/<action>@v1`; `localWorkflow` rewrites
 * those to `./<action>` so the copy users take is what runs.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { repoRoot } from '../action-yml';
import { node24 } from '../run-bundle';

export function actBinary(): string {
  const venv = join(repoRoot, '.venv', 'bin', 'act');
  return process.env.ML_DEPLOY_ACT ?? (existsSync(venv) ? venv : 'act');
}

/** Writes a copy of `workflows/<name>` whose `org/ml-deploy/<action>@<ref>` steps use `./<action>`. */
export async function localWorkflow(name: string): Promise<string> {
  const text = await readFile(join(repoRoot, 'workflows', name), 'utf8');
  const local = text.replace(/uses:\s*org\/ml-deploy\/([a-z0-9-]+)@\S+/g, 'uses: ./$1');
  const out = join(repoRoot, '.tmp', 'act', name);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, local);
  return out;
}

export interface ActRun {
  code: number | null;
  output: string;
}

export async function runAct(opts: {
  workflow: string;
  event?: string;
  inputs?: Record<string, string>;
  vars?: Record<string, string>;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Runs act's cache server (the actions/cache API) on 127.0.0.1, entries kept in this directory. */
  cacheServerPath?: string;
}): Promise<ActRun> {
  const args = [opts.event ?? 'workflow_dispatch', '-W', opts.workflow, '-P', 'ubuntu-latest=-self-hosted'];
  if (opts.cacheServerPath) args.push('--cache-server-addr', '127.0.0.1', '--cache-server-path', opts.cacheServerPath);
  else args.push('--no-cache-server');
  // Remote actions cannot be cloned offline: point each at its stand-in under test/act/stubs/<name>
  // (never run: the workflows skip them under act). actions/checkout act serves itself.
  const text = await readFile(opts.workflow, 'utf8');
  for (const m of text.matchAll(/uses:\s*([\w.-]+)\/([\w.-]+)(?:\/[\w./-]+)?@([\w.-]+)/g)) {
    const [, owner, repo, ref] = m;
    const stub = join(repoRoot, 'test', 'act', 'stubs', repo!);
    if (`${owner}/${repo}` !== 'actions/checkout' && existsSync(stub)) args.push('--local-repository', `${owner}/${repo}@${ref}=${stub}`);
  }
  for (const [k, v] of Object.entries(opts.inputs ?? {})) args.push('--input', `${k}=${v}`);
  for (const [k, v] of Object.entries(opts.vars ?? {})) args.push('--var', `${k}=${v}`);
  for (const [k, v] of Object.entries(opts.env ?? {})) args.push('--env', `${k}=${v}`);
  const nodeDir = dirname(node24());
  const child = spawn(actBinary(), args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...opts.env,
      PATH: `${nodeDir}:${process.env.PATH ?? ''}`,
      ACT_DISABLE_VERSION_CHECK: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearTimeout(killer);
  return { code, output };
}
