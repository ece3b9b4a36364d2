/**
 * Real vulnerability scanners and a database of known advisories for tests, with nothing from the
 * internet: `scripts/bootstrap.d/scanners.sh` builds Trivy (v0.74.0, from the Go module proxy) and
 * `trivydb` (test/fixtures/scanner-db/trivydb: trivy-db's own writer) into
 * `$ML_DEPLOY_SCANNERS_DIR` (default ~/.cache/ml-deploy/scanners/bin). `pushTrivyDb` writes a DB of
 * the given advisories and pushes it to a registry as the OCI artifact Trivy downloads
 * (`application/vnd.aquasec.trivy.db.layer.v1.tar+gzip` holding trivy.db and metadata.json, tag 2),
 * so `--db-repository <registry>/<repo>:2` points Trivy at it. Grype v0.121.3 and `grypedb`
 * (grype's own database library) are built the same way; `serveGrypeDb` serves a database of the
 * same advisories over HTTP as a listing (latest.json) and its archive. `mlImageLayer` makes the layer of a
 * small "ML image": /etc/os-release and a dist-info METADATA per Python package in site-packages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { LOOPBACK } from './free-port';
import { pushBlob, pushManifest, type PushTarget } from './registry';

export function scannersDir(): string {
  return process.env.ML_DEPLOY_SCANNERS_DIR ?? join(homedir(), '.cache', 'ml-deploy', 'scanners', 'bin');
}

/** Path of a scanner tool built by bootstrap; throws saying how to build it when absent. */
export function scannerBinary(name: 'trivy' | 'trivydb' | 'grype' | 'grypedb'): string {
  const p = join(scannersDir(), name);
  if (!existsSync(p)) throw new Error(`${p} is missing: run bash scripts/bootstrap.d/scanners.sh (builds trivy, grype, trivydb and grypedb from the Go module proxy)`);
  return p;
}

export interface Advisory {
  id: string;
  ecosystem: 'pip';
  package: string;
  vulnerable: string[];
  patched: string[];
  severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';
  title: string;
}

/** Builds a Trivy DB of `advisories` (UpdatedAt = `updatedAt`) and pushes it as `<repository>:2`. */
export async function pushTrivyDb(t: PushTarget, advisories: Advisory[], updatedAt = new Date()): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'trivy-db-'));
  writeFileSync(join(dir, 'advisories.json'), JSON.stringify(advisories));
  execFileSync(scannerBinary('trivydb'), [join(dir, 'advisories.json'), join(dir, 'db'), updatedAt.toISOString()]);
  execFileSync('tar', ['-czf', join(dir, 'db.tar.gz'), '-C', join(dir, 'db'), 'trivy.db', 'metadata.json']);
  const layer = readFileSync(join(dir, 'db.tar.gz'));
  const config = Buffer.from('{}');
  const layerDigest = await pushBlob(t, layer);
  const configDigest = await pushBlob(t, config);
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.aquasec.trivy.config.v1+json', digest: configDigest, size: config.length },
    layers: [{ mediaType: 'application/vnd.aquasec.trivy.db.layer.v1.tar+gzip', digest: layerDigest, size: layer.length, annotations: { 'org.opencontainers.image.title': 'db.tar.gz' } }],
  };
  await pushManifest(t, '2', manifest.mediaType, Buffer.from(JSON.stringify(manifest)));
  return `${t.repository}:2`;
}

/** A gzip'd tar layer: Debian 12's os-release and `name-version.dist-info/METADATA` per package. */
export function mlImageLayer(packages: Record<string, string>): Buffer {
  const root = mkdtempSync(join(tmpdir(), 'ml-image-'));
  mkdirSync(join(root, 'etc'), { recursive: true });
  writeFileSync(join(root, 'etc', 'os-release'), 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\n');
  for (const [name, version] of Object.entries(packages)) {
    const d = join(root, 'usr', 'local', 'lib', 'python3.11', 'site-packages', `${name.replace(/-/g, '_')}-${version}.dist-info`);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'METADATA'), `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`);
  }
  const out = join(root, '..', `${root.split('/').pop()}.tar.gz`);
  execFileSync('tar', ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--mtime=@0', '-czf', out, '-C', root, '.']);
  return readFileSync(out);
}

/** The advisories the scan tests plant (real IDs, versions as the advisories publish them). */
export const PLANTED: Advisory[] = [
  { id: 'CVE-2021-41495', ecosystem: 'pip', package: 'numpy', vulnerable: ['<1.22.0'], patched: ['1.22.0'], severity: 'MEDIUM', title: 'numpy: NULL pointer dereference in sort' },
  { id: 'CVE-2025-32434', ecosystem: 'pip', package: 'torch', vulnerable: ['<2.6.0'], patched: ['2.6.0'], severity: 'CRITICAL', title: 'torch.load with weights_only=True can run code' },
  { id: 'CVE-2024-5206', ecosystem: 'pip', package: 'scikit-learn', vulnerable: ['<1.5.0'], patched: ['1.5.0'], severity: 'MEDIUM', title: 'scikit-learn TfidfVectorizer stores tokens it should drop' },
  { id: 'GHSA-ml-deploy-unfixed', ecosystem: 'pip', package: 'onnxruntime', vulnerable: ['>=1.0.0'], patched: [], severity: 'HIGH', title: 'test advisory with no fix published' },
];

/**
 * Builds a Grype database (schema v6) of `advisories` with grype's own library (the `grypedb`
 * tool, test/fixtures/scanner-db/grypedb) and serves it over HTTP the way Grype downloads one:
 * `url` is the listing (latest.json), the archive beside it. `requests` records every path asked for.
 */
export async function serveGrypeDb(advisories: Advisory[], builtAt = new Date()): Promise<{ url: string; requests: string[]; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'grype-db-'));
  writeFileSync(join(dir, 'advisories.json'), JSON.stringify(advisories));
  execFileSync(scannerBinary('grypedb'), [join(dir, 'advisories.json'), join(dir, 'db'), builtAt.toISOString().replace(/\.\d{3}Z$/, 'Z')]);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const name = basename(decodeURIComponent((req.url ?? '').split('?')[0]!));
    const file = join(dir, 'db', name);
    if (name === '' || name === 'vulnerability.db' || !existsSync(file)) return void res.writeHead(404).end();
    const body = readFileSync(file);
    res.writeHead(200, { 'content-length': body.length, 'content-type': name.endsWith('.json') ? 'application/json' : 'application/gzip' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((r) => server.listen(0, LOOPBACK, r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://${LOOPBACK}:${port}/databases/v6/latest.json`, requests, stop: () => new Promise((r) => server.close(() => r())) };
}
