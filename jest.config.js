/**
 * Two projects: `unit` (pure logic, *.test.ts) and `integration` (*.itg.test.ts, real local
 * services started by test/harness). Both run as ESM on Node 24 with SWC transpiling TypeScript.
 * The skipped-run reporter fails a run in which every test was skipped or none ran.
 */
const transform = {
  '^.+\\.(t|j)s$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
      module: { type: 'es6' },
      sourceMaps: 'inline',
    },
  ],
};

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/bench/.work/'],
};

export default {
  // Jest's default 5 s per test is a wall-clock limit in disguise: on a loaded 2-core machine a
  // correct test can take longer. This bound only catches a hang; speed is measured in bench/.
  // (A global option: jest ignores it inside `projects`.)
  testTimeout: 300_000,
  reporters: ['default', '<rootDir>/test/reporters/closing-line.cjs'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{actions,packages,test}/**/*.test.ts'],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '\\.itg\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{actions,packages,test}/**/*.itg.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup-integration.ts'],
    },
  ],
};
