/**
 * The unit project of ../jest.config.js as a flat config, for Stryker's jest runner (which runs one
 * config, not a multi-project one). Same transform and matching; no closing-line reporter.
 */
import base from '../jest.config.js';

const unit = base.projects.find((p) => p.displayName === 'unit');
export default { ...unit, rootDir: new URL('..', import.meta.url).pathname.replace(/\/$/, ''), displayName: undefined };
