// Mutation testing of the safety-critical code (issue 8): `pnpm test:mutation` (incremental) or
// `pnpm test:mutation --force` (everything). See mutation/README.md.
import { fileURLToPath } from 'node:url';

// pnpm does not hoist plugins next to @stryker-mutator/core, so name them by path (their ESM entry).
const plugin = (name) => fileURLToPath(import.meta.resolve(name));

// One scope per run (STRYKER_SCOPE), each with the code it mutates and the unit tests that guard it:
// the scopes' runs are independent, so each has its own incremental baseline and report.
const SCOPES = {
  'action-kit': { mutate: ['packages/action-kit/src/**/*.ts'], tests: ['packages/action-kit/test/**/*.test.ts'] },
  pickle: {
    mutate: ['packages/model/src/pickle/pickle-scanner.ts', 'packages/model/src/pickle/import-policy.ts'],
    tests: ['packages/model/test/pickle-scanner.test.ts', 'packages/model/test/import-policy.test.ts'],
  },
  'ecs-render': {
    mutate: ['packages/aws/src/ecs/render.ts', 'packages/aws/src/ecs/strategy.ts', 'packages/aws/src/ecs/task-definition-check.ts', 'packages/aws/src/ecs/diagnosis.ts'],
    tests: ['packages/aws/test/ecs/**/*.test.ts'],
  },
};
const scopeName = process.env.STRYKER_SCOPE ?? 'action-kit';
const scope = SCOPES[scopeName];
if (!scope) throw new Error(`STRYKER_SCOPE=${scopeName}: expected one of ${Object.keys(SCOPES).join(', ')}`);
process.env.MUTATION_TESTS = scope.tests.join(',');

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
  mutate: scope.mutate,
  ignoreStatic: true,
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 10000,
  incremental: true,
  incrementalFile: `mutation/${scopeName}.incremental.json`,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: `mutation/${scopeName}.report.json` },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
