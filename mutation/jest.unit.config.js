/**
 * The unit project of ../jest.config.js as a flat config, for Stryker's jest runner (which runs one
 * config, not a multi-project one). Same transform and matching; no closing-line reporter.
 * MUTATION_TESTS (set by stryker.config.mjs from the scope) narrows the tests to the scope's own,
 * so Stryker's first full run does not load every package's tests.
 */
import base from '../jest.config.js';

const unit = base.projects.find((p) => p.displayName === 'unit');
const rootDir = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const only = (process.env.MUTATION_TESTS ?? '').split(',').filter(Boolean);
export default {
  ...unit,
  rootDir,
  displayName: undefined,
  ...(only.length > 0 ? { testMatch: only.map((g) => `<rootDir>/${g}`) } : {}),
};
