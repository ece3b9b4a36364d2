/** Shared set-up of build-image's integration tests: inputs from a map, a run() with captured outputs. */
import { fileURLToPath } from 'node:url';
import { memoryLogger, SummaryBuilder } from '@ml-deploy/action-kit';
import { type Inputs, parseInputs } from '../src/inputs';
import { type BuildResult, run } from '../src/run';

export const SERVER_DIST = fileURLToPath(new URL('../../../packages/serving/dist', import.meta.url));

export const DEFAULTS: Record<string, string> = {
  context: '.',
  tags: '{{model-version}}\n{{short-sha}}',
  push: 'false',
  engine: 'auto',
  'model-dir': '/opt/ml/model',
  'base-image': 'gcr.io/distroless/nodejs24-debian12:nonroot@sha256:14d42e2511532589a7c7e01a753667a74fcc96266e137e8125006b87b0c32d0a',
};

export function inputsOf(values: Record<string, string>, env: NodeJS.ProcessEnv = {}): Inputs {
  const all = { ...DEFAULTS, ...values };
  return parseInputs((name) => (all[name]?.trim() ? all[name] : undefined), env);
}

export interface Built {
  result: BuildResult;
  outputs: Record<string, string>;
  summary: string;
  log: string[];
}

export async function build(values: Record<string, string>, env: NodeJS.ProcessEnv): Promise<Built> {
  const outputs: Record<string, string> = {};
  const summary = new SummaryBuilder();
  const logger = memoryLogger();
  const result = await run(inputsOf(values, env), {
    logger,
    summary,
    setOutput: (k, v) => (outputs[k] = String(v)),
    env,
    serverDist: SERVER_DIST,
  });
  return { result, outputs, summary: summary.toString(), log: logger.lines };
}
