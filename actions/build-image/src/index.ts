/** Entry of the build-image action: the only file that touches the runner (@actions/core). */
import { dirname, join, resolve } from 'node:path';
import * as core from '@actions/core';
import { runAction, runnerIO } from '@ml-deploy/action-kit';
import { type Inputs, parseInputs } from './inputs';
import { run } from './run';

/**
 * The built-in server's bundle is not copied into this action's dist: it is read from the
 * repository checkout the runner downloads for `uses:` (actions/build-image/dist/index.js →
 * packages/serving/dist). ONNX Runtime is in neither: run() fetches it (ort-fetch).
 */
function serverDist(): string {
  const fromEnv = process.env.ML_DEPLOY_SERVER_DIST;
  if (fromEnv) return resolve(fromEnv);
  return join(dirname(resolve(process.argv[1] ?? '.')), '..', '..', '..', 'packages', 'serving', 'dist');
}

await runAction<Inputs>(
  {
    name: 'build-image',
    parseInputs: (read) => parseInputs(read),
    async run(inputs, ctx) {
      await run(inputs, { ...ctx, serverDist: serverDist() });
    },
  },
  runnerIO(core),
);
