/** Entry of the canary-gate action: the only file that touches the runner (@actions/core). */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import { UserError, runAction, runnerIO } from '@ml-deploy/action-kit';
import { type Inputs, parseInputs } from './inputs';
import { parseObservations } from './observations';
import { run } from './run';

await runAction<Inputs>(
  {
    name: 'canary-gate',
    parseInputs: (read) => parseInputs(read),
    async run(inputs, ctx) {
      const out = await run(inputs, {
        ...ctx,
        async readObservations(path) {
          const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
            throw new UserError(`input 'observations': cannot read ${path} (${err.code ?? err.message}); expected a JSON-lines file of recorded intervals`);
          });
          return parseObservations(path, text);
        },
        async writeReport(report) {
          const path = inputs['report-path'] ?? join(process.env.RUNNER_TEMP ?? tmpdir(), 'ml-deploy', `canary-gate-${Date.now()}.json`);
          await mkdir(dirname(path), { recursive: true });
          await writeFile(path, `${JSON.stringify(report, (_k, v: unknown) => (v === Infinity ? '+Inf' : v), 2)}\n`);
          return path;
        },
      });
      if (out.verdict !== 'promoted' && inputs['fail-on-rollback']) {
        throw new UserError(`verdict ${out.verdict}: see the job summary and ${out.report}`);
      }
    },
  },
  runnerIO(core),
);
