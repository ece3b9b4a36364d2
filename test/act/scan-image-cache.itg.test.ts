/**
 * The vulnerability database in the Actions cache, with act's own cache server (the actions/cache
 * REST API, on 127.0.0.1, entries in a temp dir): workflows/scan-image.yml runs twice on a fresh
 * tool cache each time, as on a fresh hosted runner. The first run finds nothing cached, downloads
 * the database from the local registry and saves it under the day's key; before the second run the
 * database registry is stopped, so only the cached database can make that scan find the CVE.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type PushedImage, pushImage, type Registry, startRegistry } from '../harness/registry';
import { mlImageLayer, PLANTED, pushTrivyDb, scannerBinary } from '../harness/scanners';
import { node24 } from '../run-bundle';
import { localWorkflow, runAct } from './act';

let images: Registry;
let dbRegistry: Registry;
let db: string;
let vulnerable: PushedImage;
let work: string;
beforeAll(async () => {
  [images, dbRegistry] = await Promise.all([startRegistry(), startRegistry()]);
  db = `${dbRegistry.host}/${await pushTrivyDb({ registry: dbRegistry, repository: 'mirror/trivy-db' }, PLANTED)}`;
  vulnerable = await pushImage({ registry: images, repository: 'ml/server' }, { tag: 'v1', layers: [mlImageLayer({ numpy: '1.21.0', torch: '2.5.1' })] });
  work = mkdtempSync(join(tmpdir(), 'scan-cache-'));
});
afterAll(async () => {
  await Promise.all([images?.stop(), dbRegistry?.stop()]);
  if (work) rmSync(work, { recursive: true, force: true });
});

it('the second run of the day reads the database from the Actions cache (the database registry is down by then)', async () => {
  const toolCache = join(work, 'toolcache');
  const cacheServer = join(work, 'actcache');
  const scan = async () => {
    rmSync(toolCache, { recursive: true, force: true });
    mkdirSync(toolCache);
    return runAct({
      workflow: await localWorkflow('scan-image.yml'),
      inputs: { image: `${images.host}/ml/server@${vulnerable.digest}` },
      vars: { TRIVY_DB_REPOSITORY: db },
      env: { PATH: `${dirname(node24())}:${dirname(scannerBinary('trivy'))}:${process.env.PATH}`, RUNNER_TOOL_CACHE: toolCache },
      cacheServerPath: cacheServer,
    });
  };
  const first = await scan();
  expect(first.output).toContain('CVE-2025-32434 in torch 2.5.1');
  const key = /vulnerability database saved to the Actions cache as (ml-deploy-trivy-db-0\.74\.0-[0-9a-f]{12}-\d{4}-\d\d-\d\d)/.exec(first.output)?.[1];
  if (!key) console.log(first.output);
  expect(key).toBeDefined();
  expect(first.output).toContain(`no vulnerability database in the Actions cache under ${key}: the scanner downloads it`);
  expect(readdirSync(cacheServer).length).toBeGreaterThan(0);

  await dbRegistry.stop();
  const second = await scan();
  if (!second.output.includes('restored')) console.log(second.output);
  expect(second.output).toContain(`vulnerability database restored from the Actions cache (${key})`);
  expect(second.output).toContain('CVE-2025-32434 in torch 2.5.1');
  expect(second.output).toContain('scan verdict: fail');
  expect(second.output).not.toContain('saved to the Actions cache');
}, 400_000);
