/**
 * The server process: `node server.js --model model.onnx --port 8080` (see cli-options.ts).
 * Exit codes: 0 after a graceful SIGTERM/SIGINT, 1 when the model cannot be served, 2 on bad usage.
 */
import { parseCli, USAGE, UsageError } from './cli-options';
import { startModelServer } from './server';

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  let opts;
  try {
    opts = parseCli(argv, env, log);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`error: ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (opts === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  let server;
  try {
    server = await startModelServer(opts);
  } catch (err) {
    log(`error: cannot listen on ${opts.host}:${opts.port}: ${(err as Error).message}`);
    process.exit(1);
  }
  log(`listening on ${server.url} (loading ${opts.modelPath})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: draining (up to ${opts.shutdownTimeoutMs} ms), then exiting`);
    void server.close().then(() => {
      log('stopped');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  try {
    await server.ready;
  } catch (err) {
    log(`error: the model cannot be served: ${(err as Error).message}`);
    await server.close();
    process.exit(1);
  }
}
