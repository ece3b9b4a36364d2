/**
 * Runs an action's committed bundle the way the GitHub runner does: `node <runs.main>` with
 * INPUT_* variables (defaults from action.yml filled in), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files, RUNNER_TEMP, and Node 24. Returns the exit code, the log, the outputs and the summary.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadActionYml, repoRoot, runnerInputEnv } from './action-yml';

/** Node 24 installed by the project (npm package `node`), else the node running the tests. */
export function node24(): string {
  const local = join(repoRoot, 'node_modules', 'node', 'bin', 'node');
  return existsSync(local) ? local : process.execPath;
}

export interface BundleRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  durationMs: number;
}

export interface BundleOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** Sends this signal after `afterMs`, as the runner does on cancellation. */
  signal?: { name: NodeJS.Signals; afterMs: number } | { name: NodeJS.Signals; whenStdout: RegExp };
  timeoutMs?: number;
}

export async function runBundle(action: string, opts: BundleOptions = {}): Promise<BundleRun> {
  const yml = loadActionYml(action);
  const main = resolve(repoRoot, action, yml.runs.main);
  const dir = await mkdtemp(join(tmpdir(), `bundle-${action}-`));
  const { outputFile, summaryFile, env: runner } = runnerFiles(dir);
  const env: Record<string, string> = {
    ...runner,
    ...runnerInputEnv(action, opts.inputs ?? {}),
    ...opts.env,
  };
  const started = Date.now();
  const child = spawn(node24(), [main], { env, cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let signalled = false;
  const sendSignal = () => {
    if (!signalled && opts.signal) {
      signalled = true;
      child.kill(opts.signal.name);
    }
  };
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (opts.signal && 'whenStdout' in opts.signal && opts.signal.whenStdout.test(stdout)) sendSignal();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = opts.signal && 'afterMs' in opts.signal ? setTimeout(sendSignal, opts.signal.afterMs) : undefined;
  const killer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.on('close', (c, s) => done([c, s])),
  );
  clearTimeout(timer);
  clearTimeout(killer);
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    durationMs: Date.now() - started,
  };
}

/**
 * The runner's files and environment for one step in `dir`: empty GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, RUNNER_TEMP, GITHUB_WORKSPACE, and the PATH/HOME of this process.
 */
export function runnerFiles(dir: string): { outputFile: string; summaryFile: string; env: Record<string, string> } {
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  return {
    outputFile,
    summaryFile,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? dir,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      RUNNER_TEMP: dir,
      // A fresh runner's empty tool cache; a test that must not reach a registry for a tool
      // (validate-model's ONNX Runtime) seeds one and sets ML_DEPLOY_ORT_CACHE to it.
      RUNNER_TOOL_CACHE: join(dir, 'tool-cache'),
      ...(process.env.ML_DEPLOY_ORT_CACHE ? { ML_DEPLOY_ORT_CACHE: process.env.ML_DEPLOY_ORT_CACHE } : {}),
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_WORKSPACE: repoRoot,
    },
  };
}

/** Parses GITHUB_OUTPUT as @actions/core writes it (`name<<delimiter\nvalue\ndelimiter`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}
