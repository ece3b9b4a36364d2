// Mutation testing of the safety-critical code (issue 8): `pnpm test:mutation` (incremental) or
// `pnpm test:mutation --force` (everything). See mutation/README.md.
import { fileURLToPath } from 'node:url';

// pnpm does not hoist plugins next to @stryker-mutator/core, so name them by path (their ESM entry).
const plugin = (name) => fileURLToPath(import.meta.resolve(name));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  plugins: [plugin('@stryker-mutator/jest-runner')],
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: { projectType: 'custom', configFile: 'mutation/jest.unit.config.js', enableFindRelatedTests: true },
  // Workspace packages are linked into node_modules by relative symlinks, so a sandbox copy would
  // still import the unmutated sources: mutate in place (files are restored afterwards).
  inPlace: true,
  coverageAnalysis: 'perTest',
  mutate: ['packages/action-kit/src/**/*.ts'],
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 10000,
  incremental: true,
  incrementalFile: 'mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: 'mutation/report.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
