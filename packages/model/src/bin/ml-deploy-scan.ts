#!/usr/bin/env node
/** The `ml-deploy-scan` command (bundled to packages/model/dist/ml-deploy-scan.js); see src/cli. */
import { main } from '../cli/ml-deploy-scan';

process.exitCode = await main(
  process.argv.slice(2),
  (s) => process.stdout.write(`${s}\n`),
  (s) => process.stderr.write(`${s}\n`),
);
