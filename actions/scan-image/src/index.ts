/** Entry of the scan-image action: the only file that touches the runner (@actions/core). */
import { spawn } from 'node:child_process';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import * as cache from '@actions/cache';
import * as core from '@actions/core';
import * as tc from '@actions/tool-cache';
import { runAction, runnerIO } from '@ml-deploy/action-kit';
import { type Inputs, parseInputs } from './inputs';
import { run } from './run';

await runAction<Inputs>(
  {
    name: 'scan-image',
    parseInputs: (read) => parseInputs(read),
    async run(inputs, ctx) {
      const temp = process.env.RUNNER_TEMP ?? tmpdir();
      const outputDir = inputs['output-dir'] ?? join(temp, 'ml-deploy', `scan-image-${Date.now()}`);
      await mkdir(outputDir, { recursive: true });
      // The tool cache outlives the job on self-hosted runners; the database is reused from there.
      const cacheDir = join(process.env.RUNNER_TOOL_CACHE ?? temp, 'ml-deploy-trivy-cache');
      await run(inputs, {
        ...ctx,
        env: process.env,
        outputDir,
        cacheDir,
        which: async (name) => {
          for (const dir of (process.env.PATH ?? '').split(delimiter)) {
            const p = join(dir, name);
            try {
              await access(p, constants.X_OK);
              return p;
            } catch {
              // not here
            }
          }
          return undefined;
        },
        exec: (cmd, args, env) =>
          new Promise((resolve, reject) => {
            const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
            let stdout = '';
            let stderr = '';
            child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
            child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
            child.on('error', reject);
            child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
          }),
        // A scanner not on PATH is installed from its pinned release into the runner's tool cache.
        toolCache: process.env.RUNNER_TOOL_CACHE && process.env.RUNNER_TEMP ? { find: tc.find, downloadTool: (url) => tc.downloadTool(url), extractTar: (f) => tc.extractTar(f), cacheDir: tc.cacheDir } : undefined,
        readFile: (p) => readFile(p, 'utf8'),
        writeFile: (p, t) => writeFile(p, t),
        // The Actions cache (hosted runners, act's cache server); none elsewhere (e.g. GHES without it).
        dbCache: cache.isFeatureAvailable()
          ? {
              restore: async (dir, key) => (await cache.restoreCache([dir], key)) === key,
              // saveCache warns and returns -1 rather than throw when it could not save.
              save: async (dir, key) => (await cache.saveCache([dir], key)) !== -1,
            }
          : undefined,
      });
    },
  },
  runnerIO(core),
);
