/**
 * A local server process for tests (moto, docker-registry, ...): spawned with its output in a log
 * file, polled until it answers, stopped with SIGTERM then SIGKILL, and killed if the jest worker
 * exits without stopping it. Start-up failures carry the log's tail and an install hint.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

export interface ServerProcess {
  readonly logPath: string;
  /** The last `lines` lines of the server's log. */
  logTail(lines?: number): string;
  /** Kills the server and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** Short name for errors: 'moto', 'registry'. */
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Where stdout and stderr go (appended). */
  logPath: string;
  /** Polled until it resolves true; errors count as "not yet". */
  ready: () => Promise<boolean>;
  /** What the server answers on, for the timeout message. */
  url: string;
  startTimeoutMs: number;
  pollMs?: number;
  /** Said when the command cannot be run at all (how to install it, or which env var points at it). */
  installHint: string;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  const logFd = openSync(opts.logPath, 'a');
  const child = spawn(opts.command, opts.args, { env: opts.env ?? process.env, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  running.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A jest worker that dies without stop() must not leave servers behind.
    process.on('exit', () => {
      for (const c of running) c.kill('SIGKILL');
    });
  }

  let exited = false;
  let spawnError: Error | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    const done = () => {
      exited = true;
      running.delete(child);
      resolve();
    };
    child.once('exit', done);
    child.once('error', (err) => {
      spawnError = err;
      done();
    });
  });
  const logTail = (lines = 40): string => {
    try {
      return readFileSync(opts.logPath, 'utf8').split('\n').slice(-lines - 1).join('\n');
    } catch {
      return '(no log)';
    }
  };
  const stop = async (): Promise<void> => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exitPromise;
    clearTimeout(timer);
  };

  const deadline = Date.now() + opts.startTimeoutMs;
  for (;;) {
    if (exited) {
      const why = spawnError ? `could not run ${opts.command}: ${spawnError.message}. ${opts.installHint}` : `${opts.command} exited during start-up`;
      throw new Error(`${opts.name}: ${why}\n--- ${opts.logPath} ---\n${logTail()}`);
    }
    if (await opts.ready().catch(() => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${opts.name}: ${opts.url} did not answer within ${opts.startTimeoutMs} ms\n--- ${opts.logPath} ---\n${logTail()}`);
    }
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 150));
  }
  return { logPath: opts.logPath, logTail, stop };
}
