/**
 * Lets Node 24 run the benchmark's TypeScript (built-in type stripping) against the test harness,
 * whose relative imports are extensionless ('./free-port'), as jest/swc accept but Node's ESM
 * resolver does not: a relative specifier that fails to resolve is retried with `.ts`.
 * Usage: node --import ./bench/ecs-deploy/resolve-ts.mjs bench/ecs-deploy/run.ts
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (err) {
      const relative = specifier.startsWith('./') || specifier.startsWith('../');
      if (!relative || /\.[cm]?[jt]s$/.test(specifier)) throw err;
      return nextResolve(`${specifier}.ts`, context);
    }
  },
});
