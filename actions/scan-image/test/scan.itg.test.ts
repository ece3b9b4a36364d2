/**
 * scan-image run() with the real Trivy v0.74.0 (built from the Go module proxy by
 * scripts/bootstrap.d/scanners.sh) on images pushed to a local registry through its HTTP API (a
 * layer with /etc/os-release and dist-info METADATA for numpy, torch, scikit-learn, onnxruntime in
 * site-packages). The vulnerability database is made here with trivy-db's own writer from four
 * planted advisories and pushed to the same registry as the OCI artifact Trivy downloads; Trivy is
 * pointed at it with db-repository. Nothing reaches the internet.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { SecretRegistry, SummaryBuilder } from '@ml-deploy/action-kit';
import { type PushedImage, pushImage, type Registry, startRegistry } from '@ml-deploy/test/harness/registry';
import { mlImageLayer, PLANTED, pushTrivyDb, scannerBinary } from '@ml-deploy/test/harness/scanners';
import { parseInputs } from '../src/inputs';
import { run, type ScanReport } from '../src/run';

const quiet = { info: () => {}, debug: () => {}, warning: () => {}, error: () => {}, group: <T>(_t: string, fn: () => Promise<T>) => fn() };
let reg: Registry;
let vulnerable: PushedImage;
let patched: PushedImage;
let dbRepo: string;
const dbBuilt = new Date(Date.now() - 30 * 3_600_000);

beforeAll(async () => {
  reg = await startRegistry();
  dbRepo = `${reg.host}/${await pushTrivyDb({ registry: reg, repository: 'mirror/trivy-db' }, PLANTED, dbBuilt)}`;
  vulnerable = await pushImage({ registry: reg, repository: 'ml/server' }, { tag: 'v1', layers: [mlImageLayer({ numpy: '1.21.0', torch: '2.5.1', 'scikit-learn': '1.4.0', onnxruntime: '1.17.0' })] });
  patched = await pushImage({ registry: reg, repository: 'ml/server' }, { tag: 'v2', layers: [mlImageLayer({ numpy: '1.26.4', torch: '2.6.0', 'scikit-learn': '1.5.2' })] });
});
afterAll(async () => {
  await reg?.stop();
});

function harness(inputs: Record<string, string>) {
  const outputs: Record<string, string> = {};
  const summary = new SummaryBuilder();
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  mkdirSync(join(dir, 'out'));
  const trivy = scannerBinary('trivy');
  const execs: string[][] = [];
  const go = () =>
    run(parseInputs((n) => inputs[n]), {
      logger: quiet,
      summary,
      secrets: new SecretRegistry(),
      setOutput: (k, v) => {
        if (v !== undefined) outputs[k] = String(v);
      },
      env: { PATH: `${dirname(trivy)}:${process.env.PATH}`, HOME: dir },
      outputDir: join(dir, 'out'),
      cacheDir: join(dir, 'cache'),
      retryBaseMs: 10,
      which: async (name) => (name === 'trivy' ? trivy : undefined),
      exec: (cmd, args, env) =>
        new Promise((resolve) => {
          execs.push([cmd, ...args]);
          const c = spawn(cmd, args, { env });
          let stdout = '';
          let stderr = '';
          c.stdout.on('data', (d: Buffer) => (stdout += d));
          c.stderr.on('data', (d: Buffer) => (stderr += d));
          c.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
        }),
      readFile: (p) => readFile(p, 'utf8'),
      writeFile: async (p, t) => {
        await import('node:fs/promises').then((fs) => fs.mkdir(dirname(p), { recursive: true }));
        await writeFile(p, t);
      },
    });
  return { go, outputs, summary, dir, execs };
}

describe('scan-image with Trivy and a local database of planted advisories', () => {
  it('finds the planted advisories in the Python packages; a CRITICAL blocks the release; SARIF and SBOM are written', async () => {
    const h = harness({ image: `${reg.host}/ml/server@${vulnerable.digest}`, 'db-repository': dbRepo });
    const err = (await h.go().catch((e: unknown) => e)) as Error;
    expect(err.message).toContain(`does not pass the policy: 2 vulnerabilities at HIGH or above (1 CRITICAL, 1 HIGH): CVE-2025-32434 in torch 2.5.1 (fixed in 2.6.0); GHSA-ml-deploy-unfixed in onnxruntime 1.17.0 (no fix published)`);
    const report = JSON.parse(readFileSync(h.outputs.report!, 'utf8')) as ScanReport;
    expect(report.verdict).toBe('fail');
    expect(report.blocking!.map((f) => [f.id, f.package, f.installed, f.fixed])).toEqual([
      ['CVE-2025-32434', 'torch', '2.5.1', ['2.6.0']],
      ['GHSA-ml-deploy-unfixed', 'onnxruntime', '1.17.0', []],
    ]);
    expect(report.pythonPackages!.sort()).toEqual(['numpy==1.21.0', 'onnxruntime==1.17.0', 'scikit-learn==1.4.0', 'torch==2.5.1']);
    expect(report.belowThreshold).toBe(2);
    // The database age comes from the metadata of the DB Trivy downloaded from our registry.
    expect(report.db!.updatedAt).toBe(dbBuilt.toISOString());
    expect(report.db!.ageHours).toBeGreaterThanOrEqual(30);
    const sarif = JSON.parse(readFileSync(h.outputs.sarif!, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(JSON.stringify(sarif.runs[0].results)).toContain('CVE-2025-32434');
    const sbom = JSON.parse(readFileSync(h.outputs.sbom!, 'utf8'));
    expect(sbom.bomFormat).toBe('CycloneDX');
    expect(sbom.components.map((c: { purl?: string }) => c.purl)).toEqual(expect.arrayContaining(['pkg:pypi/numpy@1.21.0', 'pkg:pypi/torch@2.5.1']));
    const md = h.summary.toString();
    expect(md).toContain('| CVE-2025-32434 | CRITICAL | torch | 2.5.1 | 2.6.0 |');
    expect(md).toContain('| GHSA-ml-deploy-unfixed | HIGH | onnxruntime | 1.17.0 | no fix published |');
    expect(md).toMatch(/built .* \(3\d(\.\d)? h old\) from /);
  });

  it('ignore-unfixed and an ignore file with a live entry let it pass; the summary says which entry', async () => {
    const h = harness({ image: `${reg.host}/ml/server@${vulnerable.digest}`, 'db-repository': dbRepo, 'ignore-unfixed': 'true', 'ignore-file': '' });
    const file = join(h.dir, 'ignores.yml');
    writeFileSync(file, 'ignores:\n  - id: CVE-2025-32434\n    package: torch\n    reason: the server never calls torch.load on uploaded files\n    expires: 2999-01-01\n');
    const h2 = harness({ image: `${reg.host}/ml/server@${vulnerable.digest}`, 'db-repository': dbRepo, 'ignore-unfixed': 'true', 'ignore-file': file });
    const report = await h2.go();
    expect(report.verdict).toBe('pass');
    expect(report.unfixedSkipped).toBe(1);
    expect(h2.summary.toString()).toContain('| CVE-2025-32434 | torch | the server never calls torch.load on uploaded files | 2999-01-01 |');
    expect(h.outputs).toEqual({});
  });

  it('an expired ignore entry fails the run even when nothing else blocks; report-only never fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ign-'));
    const file = join(dir, 'ignores.yml');
    writeFileSync(file, 'ignores:\n  - id: CVE-2024-5206\n    reason: accepted until the sklearn upgrade lands\n    expires: 2020-01-01\n');
    const h = harness({ image: `${reg.host}/ml/server@${patched.digest}`, 'db-repository': dbRepo, 'ignore-file': file });
    await expect(h.go()).rejects.toThrow('expired ignore entry: CVE-2024-5206 (expired 2020-01-01)');
    const ro = harness({ image: `${reg.host}/ml/server@${vulnerable.digest}`, 'db-repository': dbRepo, 'report-only': 'true' });
    const report = await ro.go();
    expect(report.verdict).toBe('fail');
    expect(ro.outputs.verdict).toBe('fail');
    expect(ro.summary.toString()).toContain('report-only: the step passes');
  });

  it('the patched image passes at HIGH', async () => {
    const h = harness({ image: `${reg.host}/ml/server@${patched.digest}`, 'db-repository': dbRepo });
    expect((await h.go()).verdict).toBe('pass');
  });

  it('an OCI layout made by skopeo (oci:<dir>:<tag> and a bare ./dir) is scanned from disk, the manifest named in the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layout-'));
    const layout = join(dir, 'layout');
    execFileSync('skopeo', ['copy', '--quiet', '--src-tls-verify=false', `docker://${reg.host}/ml/server@${vulnerable.digest}`, `oci:${layout}:model-7`]);
    const h = harness({ image: `oci:${layout}:model-7`, 'db-repository': dbRepo, 'report-only': 'true' });
    const report = await h.go();
    expect(report.layout).toEqual({ dir: layout, tag: 'model-7', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(report.blocking!.map((f) => f.id)).toEqual(['CVE-2025-32434', 'GHSA-ml-deploy-unfixed']);
    expect(h.summary.toString()).toContain(`| **OCI layout manifest** | \`${report.layout!.digest}\` |`);
    // A relative directory, as a workflow would give it (resolved from the working directory).
    const rel = harness({ image: `./${relative(process.cwd(), layout)}`, 'db-repository': dbRepo, 'report-only': 'true' });
    const relReport = await rel.go();
    expect(relReport.layout!.digest).toBe(report.layout!.digest);
    expect(relReport.blocking!.length).toBe(2);
  });

  it('a directory that is no OCI layout, or a tag it does not hold, is refused before the scan, naming the input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layout-'));
    const layout = join(dir, 'layout');
    execFileSync('skopeo', ['copy', '--quiet', '--src-tls-verify=false', `docker://${reg.host}/ml/server@${patched.digest}`, `oci:${layout}:v2`]);
    const h = harness({ image: `oci:${layout}:v9` });
    await expect(h.go()).rejects.toThrow(`input 'image': "oci:${layout}:v9" has no image tagged "v9"; its tags: v2`);
    await expect(harness({ image: `oci:${dir}` }).go()).rejects.toThrow(`input 'image': "oci:${dir}" is not an OCI image layout (expected ${dir}/oci-layout`);
    expect(h.execs).toEqual([]);
    expect(h.outputs).toEqual({});
  });

  it('a database repository that does not exist: the scan fails with verdict error, never a pass', async () => {
    const h = harness({ image: `${reg.host}/ml/server@${vulnerable.digest}`, 'db-repository': `${reg.host}/mirror/nothing:2` });
    await expect(h.go()).rejects.toThrow(/trivy exited with 1/);
    expect(h.outputs.verdict).toBe('error');
    expect(h.summary.toString()).toContain('No verdict: the release is not cleared');
  });
});
