/**
 * The committed bundle (actions/scan-image/dist/index.js) run as the runner runs it, with the real
 * Trivy v0.74.0 on PATH and a database of planted advisories in a local registry (see
 * scan.itg.test.ts and test/harness/scanners.ts).
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type PushedImage, pushImage, type Registry, startRegistry } from '@ml-deploy/test/harness/registry';
import { mlImageLayer, PLANTED, pushTrivyDb, scannerBinary, serveGrypeDb } from '@ml-deploy/test/harness/scanners';
import { runBundle } from '@ml-deploy/test/run-bundle';

let reg: Registry;
let image: PushedImage;
let db: string;
let grypeDb: Awaited<ReturnType<typeof serveGrypeDb>>;
beforeAll(async () => {
  grypeDb = await serveGrypeDb(PLANTED);
  reg = await startRegistry();
  db = `${reg.host}/${await pushTrivyDb({ registry: reg, repository: 'mirror/trivy-db' }, PLANTED)}`;
  image = await pushImage({ registry: reg, repository: 'ml/server' }, { tag: 'v1', layers: [mlImageLayer({ numpy: '1.21.0', torch: '2.5.1' })] });
});
afterAll(async () => {
  await reg?.stop();
  await grypeDb?.stop();
});

const env = () => ({ PATH: `${dirname(scannerBinary('trivy'))}:${process.env.PATH}` });

it('fails the step on a CRITICAL finding, sets every output, and the summary names the version to move to', async () => {
  const run = await runBundle('scan-image', { inputs: { image: `${reg.host}/ml/server@${image.digest}`, 'db-repository': db }, env: env() });
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(`::error::scan-image: ${reg.host}/ml/server@${image.digest} does not pass the policy: 1 vulnerability at HIGH or above (1 CRITICAL): CVE-2025-32434 in torch 2.5.1 (fixed in 2.6.0)`);
  expect(run.outputs.verdict).toBe('fail');
  for (const k of ['report', 'sarif', 'sbom', 'scanner-report']) expect(existsSync(run.outputs[k]!)).toBe(true);
  expect(JSON.parse(readFileSync(run.outputs.report!, 'utf8')).blocking[0]).toMatchObject({ id: 'CVE-2025-32434', package: 'torch', fixed: ['2.6.0'] });
  expect(run.summary).toContain('| CVE-2025-32434 | CRITICAL | torch | 2.5.1 | 2.6.0 |');
});

it('report-only passes the step with the same verdict', async () => {
  const run = await runBundle('scan-image', { inputs: { image: `${reg.host}/ml/server@${image.digest}`, 'db-repository': db, 'report-only': 'True' }, env: env() });
  expect(run.code).toBe(0);
  expect(run.outputs.verdict).toBe('fail');
});

it('a bad input fails before the scanner runs, naming it', async () => {
  const run = await runBundle('scan-image', { inputs: { image: `${reg.host}/ml/server@${image.digest}`, severity: 'SEVERE' }, env: env() });
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(`::error::scan-image: input 'severity': got "SEVERE"`);
  expect(run.outputs.verdict).toBeUndefined();
});

it('scanner grype: the same verdict and blocking advisory from Grype (on PATH) with its database served locally', async () => {
  const run = await runBundle('scan-image', {
    inputs: { image: `${reg.host}/ml/server@${image.digest}`, scanner: 'grype', 'db-repository': grypeDb.url },
    env: { PATH: `${dirname(scannerBinary('grype'))}:${process.env.PATH}`, GRYPE_REGISTRY_INSECURE_USE_HTTP: 'true' },
  });
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(`::error::scan-image: ${reg.host}/ml/server@${image.digest} does not pass the policy: 1 vulnerability at HIGH or above (1 CRITICAL): CVE-2025-32434 in torch 2.5.1 (fixed in 2.6.0)`);
  expect(run.outputs.verdict).toBe('fail');
  for (const k of ['report', 'sarif', 'sbom', 'scanner-report']) expect(existsSync(run.outputs[k]!)).toBe(true);
  expect(JSON.parse(readFileSync(run.outputs['scanner-report']!, 'utf8')).descriptor.name).toBe('grype');
  expect(run.summary).toContain('| CVE-2025-32434 | CRITICAL | torch | 2.5.1 | 2.6.0 |');
  expect(run.summary).toContain('grype 0.121.3');
});
