/** Entry of the deploy-ecs action: the only file that touches the runner (@actions/core). */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import { parseDuration, readStructuredFile, runAction, runnerIO } from '@ml-deploy/action-kit';
import { createEcsClient, EcsApi } from '@ml-deploy/aws';
import { type Inputs, parseInputs } from './inputs';
import { run } from './run';

await runAction<Inputs>(
  {
    name: 'deploy-ecs',
    parseInputs: (read) => parseInputs(read),
    async run(inputs, ctx) {
      const ecs = createEcsClient({ region: inputs.region, maxAttempts: inputs['max-attempts'], logger: ctx.logger });
      const region = inputs.region ?? (await ecs.config.region().catch(() => undefined));
      await run(inputs, {
        ...ctx,
        api: new EcsApi(ecs),
        region,
        pollIntervalMs: pollInterval(),
        readTaskDefinitionFile: (path) => readStructuredFile('task-definition', path),
        writeReport: async (report) => {
          const path = inputs['report-path'] ?? join(process.env.RUNNER_TEMP ?? tmpdir(), 'ml-deploy', `deploy-ecs-${Date.now()}.json`);
          await mkdir(dirname(path), { recursive: true });
          await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
          return path;
        },
      });
    },
  },
  runnerIO(core),
);

/** ML_DEPLOY_POLL_INTERVAL: first wait between status checks (default 6s), e.g. for emulators. */
function pollInterval(): number | undefined {
  const raw = process.env.ML_DEPLOY_POLL_INTERVAL;
  return raw ? parseDuration('ML_DEPLOY_POLL_INTERVAL', raw, { min: 10, max: 60_000 }) : undefined;
}
