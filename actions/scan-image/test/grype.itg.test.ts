/**
 * scan-image run() with the real Grype v0.121.3 (built from the Go module proxy by
 * scripts/bootstrap.d/scanners.sh) on the images of scan.itg.test.ts, pushed to a local registry.
 * The vulnerability database is made here with grype's own database library from the same planted
 * advisories (test/fixtures/scanner-db/grypedb) and served over HTTP as Grype downloads one (a
 * listing, latest.json, and the archive beside it); db-repository points Grype at the listing.
 * Nothing reaches the internet.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SecretRegistry, SummaryBuilder } from '@ml-deploy/action-kit';
import { type PushedImage, pushImage, type Registry, startRegistry } from '@ml-deploy/test/harness/registry';
import { mlImageLayer, PLANTED, scannerBinary, serveGrypeDb } from '@ml-deploy/test/harness/scanners';
import type { DbCache } from '../src/db-cache';
import { parseInputs } from '../src/inputs';
import { run, type ScanReport } from '../src/run';

const quiet = { info: () => {}, debug: () => {}, warning: () => {}, error: () => {}, group: <T>(_t: string, fn: () => Promise<T>) => fn() };
let reg: Registry;
let vulnerable: PushedImage;
let patched: PushedImage;
let db: Awaited<ReturnType<typeof serveGrypeDb>>;
const dbBuilt = new Date(Math.floor((Date.now() - 30 * 3_600_000) / 1000) * 1000);

beforeAll(async () => {
  reg = await startRegistry();
  db = await serveGrypeDb(PLANTED, dbBuilt);
  vulnerable = await pushImage({ registry: reg, repository: 'ml/server' }, { tag: 'v1', layers: [mlImageLayer({ numpy: '1.21.0', torch: '2.5.1', 'scikit-learn': '1.4.0', onnxruntime: '1.17.0' })] });
  patched = await pushImage({ registry: reg, repository: 'ml/server' }, { tag: 'v2', layers: [mlImageLayer({ numpy: '1.26.4', torch: '2.6.0', 'scikit-learn': '1.5.2' })] });
});
afterAll(async () => {
  await reg?.stop();
  await db?.stop();
});

/** An Actions cache of directories on disk (the act test runs the real one for Trivy). */
function dirCache(): DbCache & { keys: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'actions-cache-'));
  const keys: string[] = [];
  return {
    keys,
    restore: async (dir, key) => {
      if (!existsSync(join(root, key))) return false;
      cpSync(join(root, key), dir, { recursive: true });
      return true;
    },
    save: async (dir, key) => {
      cpSync(dir, join(root, key), { recursive: true });
      keys.push(key);
      return true;
    },
  };
}

function harness(inputs: Record<string, string>, opts: { dbCache?: DbCache } = {}) {
  const outputs: Record<string, string> = {};
  const summary = new SummaryBuilder();
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  mkdirSync(join(dir, 'out'));
  const grype = scannerBinary('grype');
  const execs: string[][] = [];
  const go = () =>
    run(parseInputs((n) => ({ scanner: 'grype', ...inputs })[n]), {
      logger: quiet,
      summary,
      secrets: new SecretRegistry(),
      setOutput: (k, v) => {
        if (v !== undefined) outputs[k] = String(v);
      },
      // The local registry speaks plain HTTP.
      env: { PATH: `${dirname(grype)}:${process.env.PATH}`, HOME: dir, GRYPE_REGISTRY_INSECURE_USE_HTTP: 'true' },
      outputDir: join(dir, 'out'),
      cacheDir: join(dir, 'cache'),
      retryBaseMs: 10,
      ...(opts.dbCache ? { dbCache: opts.dbCache } : {}),
      which: async (name) => (name === 'grype' ? grype : undefined),
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
      writeFile: (p, t) => writeFile(p, t),
    });
  return { go, outputs, summary, dir, execs };
}

describe('scan-image with Grype and a local database of planted advisories', () => {
  it('finds the planted advisories in the Python packages; a CRITICAL blocks the release; SARIF and the CycloneDX SBOM come from the same run', async () => {
    const h = harness({ image: `${reg.host}/ml/server@${vulnerable.digest}`, 'db-repository': db.url });
    const err = (await h.go().catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('does not pass the policy: 2 vulnerabilities at HIGH or above (1 CRITICAL, 1 HIGH): CVE-2025-32434 in torch 2.5.1 (fixed in 2.6.0); GHSA-ml-deploy-unfixed in onnxruntime 1.17.0 (no fix published)');
    const report = JSON.parse(readFileSync(h.outputs.report!, 'utf8')) as ScanReport;
    expect(report).toMatchObject({ scanner: 'grype', scannerVersion: '0.121.3', verdict: 'fail', belowThreshold: 2 });
    expect(report.blocking!.map((f) => [f.id, f.package, f.installed, f.fixed])).toEqual([
      ['CVE-2025-32434', 'torch', '2.5.1', ['2.6.0']],
      ['GHSA-ml-deploy-unfixed', 'onnxruntime', '1.17.0', []],
    ]);
    expect(report.pythonPackages!.sort()).toEqual(['numpy==1.21.0', 'onnxruntime==1.17.0', 'scikit-learn==1.4.0', 'torch==2.5.1']);
    // The database age comes from the descriptor of the report: the build time written by grypedb.
    expect(report.db!.updatedAt).toBe(dbBuilt.toISOString());
    expect(report.db!.ageHours).toBeGreaterThanOrEqual(30);
    expect(db.requests.some((r) => r.startsWith('GET /databases/v6/vulnerability-db_v6.'))).toBe(true);
    const sarif = JSON.parse(readFileSync(h.outputs.sarif!, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(JSON.stringify(sarif.runs[0].results)).toContain('CVE-2025-32434');
    const sbom = JSON.parse(readFileSync(h.outputs.sbom!, 'utf8'));
    expect(sbom.bomFormat).toBe('CycloneDX');
    expect(sbom.components.map((c: { purl?: string }) => c.purl)).toEqual(expect.arrayContaining(['pkg:pypi/numpy@1.21.0', 'pkg:pypi/torch@2.5.1']));
    expect(JSON.parse(readFileSync(h.outputs['scanner-report']!, 'utf8')).matches.length).toBe(4);
    const md = h.summary.toString();
    expect(md).toContain('| CVE-2025-32434 | CRITICAL | torch | 2.5.1 | 2.6.0 |');
    expect(md).toMatch(/grype 0\.121\.3 \(on PATH/);
    expect(md).toMatch(/built .* \(3\d(\.\d)? h old\) from /);
    // One scan writes the three files.
    expect(h.execs.filter((e) => e[1]!.startsWith('registry:'))).toHaveLength(1);
  });

  it('the patched image passes at HIGH; an OCI layout on disk is scanned too', async () => {
    expect((await harness({ image: `${reg.host}/ml/server@${patched.digest}`, 'db-repository': db.url }).go()).verdict).toBe('pass');
    const dir = mkdtempSync(join(tmpdir(), 'layout-'));
    execFileSync('skopeo', ['copy', '--quiet', '--src-tls-verify=false', `docker://${reg.host}/ml/server@${vulnerable.digest}`, `oci:${join(dir, 'layout')}:model-7`]);
    const r = await harness({ image: `oci:${join(dir, 'layout')}:model-7`, 'db-repository': db.url, 'report-only': 'true' }).go();
    expect(r.verdict).toBe('fail');
    expect(r.blocking!.map((f) => f.id)).toEqual(['CVE-2025-32434', 'GHSA-ml-deploy-unfixed']);
  });

  it('a layout holding several images is refused before the scan (grype takes no tag), naming the input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layout-'));
    const layout = join(dir, 'layout');
    for (const [d, tag] of [[vulnerable.digest, 'v1'], [patched.digest, 'v2']] as const) {
      execFileSync('skopeo', ['copy', '--quiet', '--src-tls-verify=false', `docker://${reg.host}/ml/server@${d}`, `oci:${layout}:${tag}`]);
    }
    const h = harness({ image: `oci:${layout}:v2`, 'db-repository': db.url });
    await expect(h.go()).rejects.toThrow(`input 'image': "oci:${layout}:v2" holds 2 images, and grype scans a layout holding one only (it takes no tag)`);
    expect(h.execs).toEqual([]);
  });

  it("the day's second run takes the database from the Actions cache: no request to the database server", async () => {
    const cache = dirCache();
    const first = await harness({ image: `${reg.host}/ml/server@${patched.digest}`, 'db-repository': db.url }, { dbCache: cache }).go();
    expect(first.db!.cache).toEqual({ key: expect.stringMatching(/^ml-deploy-grype-db-0\.121\.3-[0-9a-f]{12}-\d{4}-\d\d-\d\d$/), hit: false, saved: true });
    const before = db.requests.length;
    const second = harness({ image: `${reg.host}/ml/server@${vulnerable.digest}`, 'db-repository': db.url, 'report-only': 'true' }, { dbCache: cache });
    const r = await second.go();
    expect(db.requests.slice(before)).toEqual([]);
    expect(r.db!.cache).toEqual({ key: first.db!.cache!.key, hit: true });
    expect(r.blocking!.map((f) => f.id)).toEqual(['CVE-2025-32434', 'GHSA-ml-deploy-unfixed']);
    expect(second.summary.toString()).toContain(`restored from the Actions cache (${first.db!.cache!.key})`);
  });

  it('a listing that does not exist: the scan fails with verdict error, never a pass', async () => {
    const h = harness({ image: `${reg.host}/ml/server@${patched.digest}`, 'db-repository': db.url.replace('latest.json', 'missing.json') });
    await expect(h.go()).rejects.toThrow(/grype exited with 1/);
    expect(h.outputs.verdict).toBe('error');
    expect(h.summary.toString()).toContain('No verdict: the release is not cleared');
    rmSync(h.dir, { recursive: true, force: true });
  });
});
