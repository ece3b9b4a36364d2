/** Runs deploy-ecs's run() against the test's ECS emulator, collecting outputs, summary and log. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { memoryLogger, readStructuredFile, SummaryBuilder } from '@ml-deploy/action-kit';
import { createEcsClient, type DeployReport, EcsApi, type MultiDeployReport } from '@ml-deploy/aws';
import { inputReader } from '@ml-deploy/test/action-yml';
import type { EcsEmulator } from '@ml-deploy/test/harness/ecs-emulator-jest';
import { parseInputs } from '../src/inputs';
import { run } from '../src/run';

export interface DeployOptions {
  signal?: AbortSignal;
  maxAttempts?: number;
  /** Console links as on AWS (the code leaves them out when AWS_ENDPOINT_URL is set). */
  consoleLinks?: boolean;
  region?: string;
}

export interface Deployed {
  report?: DeployReport;
  /** Several services: the whole report (report holds the first service's). */
  multi?: MultiDeployReport;
  error?: Error;
  outputs: Record<string, string>;
  summary: string;
  log: string[];
}

export async function deployWith(ecs: EcsEmulator, workDir: string, overrides: Record<string, string>, opts: DeployOptions = {}): Promise<Deployed> {
  const outputs: Record<string, string> = {};
  const summary = new SummaryBuilder();
  const logger = memoryLogger();
  const inputs = parseInputs(inputReader('deploy-ecs', { cluster: ecs.fx.clusterName, service: ecs.fx.serviceName, ...overrides }));
  const client = createEcsClient({ maxAttempts: opts.maxAttempts ?? inputs['max-attempts'], logger });
  const result: Deployed = { outputs, summary: '', log: logger.lines };
  try {
    result.report = await run(inputs, {
      api: new EcsApi(client),
      logger,
      summary,
      setOutput: (k, v) => {
        if (v !== undefined) outputs[k] = String(v);
      },
      signal: opts.signal,
      pollIntervalMs: 50,
      consoleLinks: opts.consoleLinks,
      region: opts.region,
      readTaskDefinitionFile: (p) => readStructuredFile('task-definition', p),
      writeReport: async (r) => {
        const p = join(workDir, `report-${Date.now()}.json`);
        await writeFile(p, JSON.stringify(r));
        if ('services' in r) result.multi = r;
        else result.report = r;
        return p;
      },
    });
  } catch (err) {
    result.error = err as Error;
  }
  result.summary = summary.toString();
  client.destroy();
  return result;
}

