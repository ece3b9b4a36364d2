/**
 * A local ECS sandbox for trying deploy-ecs (with act, or its bundle) without an AWS account:
 * moto behind the ECS layer (deployments that roll out, events, stopped tasks), with an example
 * cluster `ml-cluster` and FARGATE service `model-svc` (2 tasks of `model-server:1`).
 *
 *   pnpm -s sandbox:ecs start   starts it in the background (if not running) and prints the
 *                               `export NAME=value` lines to use: eval "$(pnpm -s sandbox:ecs start)"
 *   pnpm -s sandbox:ecs env     prints them again
 *   pnpm -s sandbox:ecs stop    stops it (moto and the layer), and waits until they are gone
 *
 * Options of start: --port N (the endpoint's port; a free one by default), --dir D (state and
 * logs, default .tmp/ecs-sandbox). Loopback only; nothing leaves this machine.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { awsEnv } from './aws-env';
import { createEcsFixture } from './ecs-fixtures';
import { startEcsLayer } from './ecs-layer';
import { startMoto } from './moto';

interface SandboxState {
  pid: number;
  env: Record<string, string>;
  taskDefinitionArn: string;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string' }, dir: { type: 'string', default: '.tmp/ecs-sandbox' } },
});
const command = positionals[0] ?? 'start';
const dir = resolve(values.dir!);
const statePath = join(dir, 'state.json');

function readState(): SandboxState | undefined {
  if (!existsSync(statePath)) return undefined;
  const state = JSON.parse(readFileSync(statePath, 'utf8')) as SandboxState;
  return alive(state.pid) ? state : undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function printEnv(state: SandboxState): void {
  const lines = Object.entries(state.env).map(([k, v]) => `export ${k}=${v}`);
  process.stdout.write(`# ECS sandbox (moto + the ECS layer), pid ${state.pid}; stop it with: pnpm -s sandbox:ecs stop\n# service ${state.env.ECS_SERVICE} runs ${state.taskDefinitionArn}\n${lines.join('\n')}\n`);
}

/** Resolves once `check` returns a value; checks every 100 ms (a state, not a time), up to `ms`. */
async function until<T>(what: string, ms: number, check: () => T | undefined): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`ecs sandbox: ${what} not within ${ms / 1000}s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function serve(): Promise<void> {
  const moto = await startMoto();
  const layer = await startEcsLayer({ upstream: moto.url, motoLogTail: moto.logTail, ...(values.port ? { port: Number(values.port) } : {}) });
  const stop = async () => {
    rmSync(statePath, { force: true });
    await layer.stop();
    await moto.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  const fx = await createEcsFixture(layer.url, { clusterName: 'ml-cluster', serviceName: 'model-svc' });
  fx.client.destroy();
  const env = {
    ...awsEnv(layer.url),
    ECS_CLUSTER: fx.clusterName,
    ECS_SERVICE: fx.serviceName,
    ML_DEPLOY_POLL_INTERVAL: '1s',
  } as Record<string, string>;
  for (const k of Object.keys(env)) if (env[k] === '') delete env[k];
  const state: SandboxState = { pid: process.pid, env, taskDefinitionArn: fx.taskDefinitionArn };
  writeFileSync(`${statePath}.new`, JSON.stringify(state));
  renameSync(`${statePath}.new`, statePath);
  console.log(`ecs sandbox ready on ${layer.url}`);
}

switch (command) {
  case 'serve':
    await serve();
    break;
  case 'start': {
    mkdirSync(dir, { recursive: true });
    let state = readState();
    if (!state) {
      rmSync(statePath, { force: true });
      const logPath = join(dir, 'sandbox.log');
      const log = openSync(logPath, 'w');
      // The same node with the same loader flags (tsx), in its own process group, detached.
      const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'serve', '--dir', dir, ...(values.port ? ['--port', values.port] : [])], {
        detached: true,
        stdio: ['ignore', log, log],
      });
      closeSync(log);
      let exited: number | null | undefined;
      child.on('exit', (code) => (exited = code));
      child.unref();
      try {
        state = await until('the sandbox to start', 90_000, () => {
          if (exited !== undefined) throw new Error(`ecs sandbox: exited (${exited}) before it was ready; log ${logPath}:\n${readFileSync(logPath, 'utf8').slice(-2000)}`);
          return readState();
        });
      } catch (err) {
        if (exited === undefined && child.pid) process.kill(-child.pid, 'SIGTERM');
        throw err;
      }
    }
    printEnv(state);
    break;
  }
  case 'env': {
    const state = readState();
    if (!state) throw new Error('ecs sandbox: not running (pnpm -s sandbox:ecs start)');
    printEnv(state);
    break;
  }
  case 'stop': {
    const state = readState();
    if (!state) {
      console.error('ecs sandbox: not running');
      break;
    }
    process.kill(state.pid, 'SIGTERM');
    await until('the sandbox to stop', 30_000, () => (alive(state.pid) ? undefined : true));
    console.error(`ecs sandbox: stopped (pid ${state.pid})`);
    break;
  }
  default:
    throw new Error(`ecs sandbox: unknown command '${command}' (start, env, stop)`);
}
