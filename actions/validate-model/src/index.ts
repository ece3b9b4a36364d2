/** Entry of the validate-model action: the only file that touches the runner (@actions/core). */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { runAction, runnerIO } from '@ml-deploy/action-kit';
import { scanModel } from '@ml-deploy/model';
import { type Inputs, parseInputs } from './inputs';
import { run } from './run';

await runAction<Inputs>(
  {
    name: 'validate-model',
    parseInputs: (read) => parseInputs(read),
    async run(inputs, ctx) {
      const reportDir = inputs['report-dir'] ?? (await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'validate-model-')));
      const revision = process.env.GITHUB_SHA;
      // The rules' documentation at the version of the action that ran (GITHUB_ACTION_REPOSITORY/REF).
      const { GITHUB_SERVER_URL: server, GITHUB_ACTION_REPOSITORY: repo, GITHUB_ACTION_REF: ref } = process.env;
      const docsUrl = server && repo && ref ? `${server}/${repo}/blob/${ref}/packages/model/README.md` : undefined;
      await run(inputs, { ...ctx, scanModel, reportDir, workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(), ...(revision ? { revision } : {}), ...(docsUrl ? { docsUrl } : {}) });
    },
  },
  runnerIO(core),
);
