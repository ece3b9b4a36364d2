/** Entry of the deploy-cloud-run action: the only file that touches the runner (@actions/core). */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import { parseDuration, readStructuredFile, runAction, runnerIO } from '@ml-deploy/action-kit';
import { CloudRunApi, createCloudRunClients, missingProjectError } from '@ml-deploy/gcp';
import { type Inputs, parseInputs } from './inputs';
import { run } from './run';

await runAction<Inputs>(
  {
    name: 'deploy-cloud-run',
    parseInputs: (read) => parseInputs(read),
    async run(inputs, ctx) {
      const clients = await createCloudRunClients(inputs.endpoint);
      try {
        const project = inputs['project-id'] ?? (await clients.detectProject());
        if (!project) throw missingProjectError();
        await run(inputs, {
          ...ctx,
          project,
          api: new CloudRunApi(clients, { maxAttempts: inputs['max-attempts'], logger: ctx.logger, signal: ctx.signal }),
          pollIntervalMs: pollInterval(),
          readServiceDefinition: (path) => readStructuredFile('service-definition', path),
          writeReport: async (report) => {
            const path = inputs['report-path'] ?? join(process.env.RUNNER_TEMP ?? tmpdir(), 'ml-deploy', `deploy-cloud-run-${Date.now()}.json`);
            await mkdir(dirname(path), { recursive: true });
            await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
            return path;
          },
        });
      } finally {
        await clients.close();
      }
    },
  },
  runnerIO(core),
);

/** ML_DEPLOY_POLL_INTERVAL: first wait between operation polls (default 2s), e.g. for a local fake. */
function pollInterval(): number | undefined {
  const raw = process.env.ML_DEPLOY_POLL_INTERVAL;
  return raw ? parseDuration('ML_DEPLOY_POLL_INTERVAL', raw, { min: 10, max: 60_000 }) : undefined;
}
