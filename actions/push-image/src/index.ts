/** Entry of the push-image action: the only file that touches the runner (@actions/core). */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import { runAction, runnerIO } from '@ml-deploy/action-kit';
import { cloudDeps } from './cloud';
import { type Inputs, parseInputs } from './inputs';
import { run } from './run';

await runAction<Inputs>(
  {
    name: 'push-image',
    parseInputs: (read, secrets) => parseInputs(read, secrets),
    async run(inputs, ctx) {
      await run(inputs, {
        ...ctx,
        ...cloudDeps(inputs.region),
        env: process.env,
        signal: ctx.signal,
        writeReport: async (report) => {
          const path = inputs['report-path'] ?? join(process.env.RUNNER_TEMP ?? tmpdir(), 'ml-deploy', `push-image-${Date.now()}.json`);
          await mkdir(dirname(path), { recursive: true });
          await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
          return path;
        },
      });
    },
  },
  runnerIO(core),
);
