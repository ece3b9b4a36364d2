/**
 * The starter pipeline workflows/scan-image.yml under act in host mode, with the real Trivy v0.74.0
 * (built from the Go module proxy) on PATH in place of aquasecurity/setup-trivy (its stand-in checks the version),
 * and a database of planted advisories in a local registry given as the TRIVY_DB_REPOSITORY
 * variable. A vulnerable image fails the job, and the log says which advisory blocked it (and that
 * the MEDIUM one below the threshold did not); a patched image passes.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { dirname } from 'node:path';
import { type PushedImage, pushImage, type Registry, startRegistry } from '../harness/registry';
import { mlImageLayer, PLANTED, pushTrivyDb, scannerBinary } from '../harness/scanners';
import { node24 } from '../run-bundle';
import { localWorkflow, runAct } from './act';

let reg: Registry;
let db: string;
let vulnerable: PushedImage;
let patched: PushedImage;
beforeAll(async () => {
  reg = await startRegistry();
  db = `${reg.host}/${await pushTrivyDb({ registry: reg, repository: 'mirror/trivy-db' }, PLANTED)}`;
  vulnerable = await pushImage({ registry: reg, repository: 'ml/server' }, { tag: 'v1', layers: [mlImageLayer({ numpy: '1.21.0', torch: '2.5.1' })] });
  patched = await pushImage({ registry: reg, repository: 'ml/server' }, { tag: 'v2', layers: [mlImageLayer({ numpy: '1.26.4', torch: '2.6.0' })] });
});
afterAll(async () => {
  await reg?.stop();
});

const scan = async (image: PushedImage) =>
  runAct({
    workflow: await localWorkflow('scan-image.yml'),
    inputs: { image: `${reg.host}/ml/server@${image.digest}` },
    vars: { TRIVY_DB_REPOSITORY: db },
    env: { PATH: `${dirname(node24())}:${dirname(scannerBinary('trivy'))}:${process.env.PATH}` },
  });

it('a CRITICAL in torch fails the job; the log names CVE-2025-32434 and the version to move to, not the MEDIUM numpy advisory', async () => {
  const run = await scan(vulnerable);
  expect(run.code).not.toBe(0);
  expect(run.output).toContain('does not pass the policy: 1 vulnerability at HIGH or above (1 CRITICAL): CVE-2025-32434 in torch 2.5.1 (fixed in 2.6.0)');
  expect(run.output).toContain('scan verdict: fail');
  expect(run.output).toContain('blocks the release: CVE-2025-32434 CRITICAL torch 2.5.1 -> 2.6.0');
  // numpy 1.21.0 has the planted MEDIUM advisory: found, below the threshold, so it blocks nothing.
  expect(run.output).not.toMatch(/blocks the release: CVE-2021-41495/);
  expect(run.output).not.toContain('stand-in ran');
}, 300_000);

it('the patched image passes', async () => {
  const run = await scan(patched);
  if (run.code !== 0) console.log(run.output);
  expect(run.code).toBe(0);
  // The starter runs unchanged: its setup and upload steps ran as their stand-ins.
  expect(run.output).toMatch(/setup-trivy stand-in: trivy 0\.74\.0 on PATH/);
  expect(run.output).toMatch(/upload-sarif stand-in: .* \(category scan-image\) checked, nothing uploaded/);
  expect(run.output).toContain('scan verdict: pass');
  expect(run.output).not.toContain('blocks the release:');
}, 300_000);
