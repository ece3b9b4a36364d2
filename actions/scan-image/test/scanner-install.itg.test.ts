/**
 * The scanner binary when it is not on PATH: the real @actions/tool-cache downloads the pinned
 * release from a local HTTP server standing in for the release downloads (the mirror variable
 * points at it), the archive's sha256 is checked before anything is extracted, and the next run
 * takes it from the tool cache without a request. The archives are made here: a `trivy` script in
 * a tar.gz like the release's (no release binary is downloaded in tests); the release table is the
 * test's own so that its sha256 is that archive's. The bundle test checks the real pins.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { access, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tc from '@actions/tool-cache';
import { LOOPBACK } from '@ml-deploy/test/harness/free-port';
import { findOrInstallScanner, GRYPE_RELEASE, type InstallDeps, type ScannerRelease, TRIVY_RELEASE } from '../src/scanner-install';

function tarGz(files: Record<string, string>): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'release-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, { mode: 0o755 });
  const out = `${dir}.tar.gz`;
  execFileSync('tar', ['-czf', out, '-C', dir, ...Object.keys(files)]);
  return readFileSync(out);
}

const script = '#!/bin/sh\necho "Version: 0.74.0"\n';
const good = tarGz({ trivy: script, 'LICENSE': 'Apache-2.0\n', 'README.md': 'trivy\n' });
const tampered = tarGz({ trivy: `${script}# one more line\n`, 'LICENSE': 'Apache-2.0\n', 'README.md': 'trivy\n' });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const FILE = 'trivy_0.74.0_Linux-64bit.tar.gz';
const release: ScannerRelease = { ...TRIVY_RELEASE, assets: { 'linux-x64': { file: FILE, sha256: sha(good) } } };

let server: Server;
let base: string;
const served = new Map<string, Buffer>();
const requests: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = served.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, LOOPBACK, r));
  const addr = server.address() as { port: number };
  base = `http://${LOOPBACK}:${addr.port}/releases`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

let toolCacheDir: string;
let infos: string[];
beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'runner-'));
  toolCacheDir = join(root, 'tool-cache');
  mkdirSync(join(root, 'temp'));
  // @actions/tool-cache reads these at each call, as on a runner.
  process.env.RUNNER_TOOL_CACHE = toolCacheDir;
  process.env.RUNNER_TEMP = join(root, 'temp');
  requests.length = 0;
  served.clear();
  infos = [];
});

function deps(over: Partial<InstallDeps> = {}): InstallDeps {
  return {
    which: async () => undefined,
    toolCache: { find: tc.find, downloadTool: (u) => tc.downloadTool(u), extractTar: (f) => tc.extractTar(f), cacheDir: tc.cacheDir },
    env: { ML_DEPLOY_TRIVY_DOWNLOAD_URL: base },
    platform: 'linux',
    arch: 'x64',
    exists: (p) => access(p).then(() => true, () => false),
    remove: (p) => rm(p, { recursive: true, force: true }),
    info: (m) => infos.push(m),
    ...over,
  };
}

describe('the scanner when it is not on PATH', () => {
  it('downloads the pinned release from the mirror, checks its sha256, installs it in the tool cache; the next run takes it from there', async () => {
    served.set(`/releases/v0.74.0/${FILE}`, good);
    const first = await findOrInstallScanner(release, deps());
    expect(first).toEqual({ path: join(toolCacheDir, 'trivy', '0.74.0', 'x64', 'trivy'), from: 'downloaded', url: `${base}/v0.74.0/${FILE}`, sha256: sha(good) });
    expect(readFileSync(first.path, 'utf8')).toBe(script);
    expect(execFileSync(first.path, { encoding: 'utf8' })).toBe('Version: 0.74.0\n');
    expect(requests).toEqual([`/releases/v0.74.0/${FILE}`]);
    // The archive itself is not left in RUNNER_TEMP.
    expect(readdirSync(process.env.RUNNER_TEMP!).filter((f) => !f.startsWith('.'))).toEqual([]);

    served.clear();
    const second = await findOrInstallScanner(release, deps());
    expect(second).toEqual({ path: first.path, from: 'tool cache' });
    expect(requests).toEqual([`/releases/v0.74.0/${FILE}`]);
    expect(infos.at(-1)).toBe(`trivy 0.74.0 from the tool cache (${join(toolCacheDir, 'trivy', '0.74.0', 'x64')})`);
  });

  it('an archive whose sha256 is not the pinned one is refused: named with both sums, nothing extracted, installed or run', async () => {
    served.set(`/releases/v0.74.0/${FILE}`, tampered);
    await expect(findOrInstallScanner(release, deps())).rejects.toThrow(
      `${FILE} downloaded from ${base}/v0.74.0/${FILE} has sha256 ${sha(tampered)}, not the published ${sha(good)} of trivy 0.74.0: refused, nothing was installed or run`,
    );
    expect(existsSync(join(toolCacheDir, 'trivy'))).toBe(false);
    expect(readdirSync(process.env.RUNNER_TEMP!).filter((f) => !f.startsWith('.'))).toEqual([]);
  });

  it('PATH wins: no request is made', async () => {
    served.set(`/releases/v0.74.0/${FILE}`, good);
    expect(await findOrInstallScanner(release, deps({ which: async (n) => (n === 'trivy' ? '/opt/bin/trivy' : undefined) }))).toEqual({ path: '/opt/bin/trivy', from: 'PATH' });
    expect(requests).toEqual([]);
  });

  it('a mirror without the file: the error names the URL; without a mirror, names the variable to set', async () => {
    await expect(findOrInstallScanner(release, deps())).rejects.toThrow(`could not download trivy 0.74.0 from ${base}/v0.74.0/${FILE}: Unexpected HTTP response: 404`);
    expect(existsSync(join(toolCacheDir, 'trivy'))).toBe(false);
  });

  it('a platform with no pinned release, or no tool cache: says to install the scanner before the step', async () => {
    await expect(findOrInstallScanner(release, deps({ platform: 'darwin', arch: 'arm64' }))).rejects.toThrow(
      'trivy is not on PATH and no pinned trivy 0.74.0 release for darwin-arm64 (pinned: linux-x64): install it before this step (e.g. aquasecurity/setup-trivy pinned by commit SHA), or put a trivy binary on PATH',
    );
    const { toolCache: _none, ...noCache } = deps();
    await expect(findOrInstallScanner(release, noCache)).rejects.toThrow('trivy is not on PATH and no tool cache is available here (RUNNER_TOOL_CACHE unset)');
    expect(requests).toEqual([]);
  });

  it('grype has no pinned release (no published checksum could be checked): it must be on PATH, and the error says how', async () => {
    await expect(findOrInstallScanner(GRYPE_RELEASE, deps())).rejects.toThrow(
      'grype is not on PATH and no pinned grype 0.121.3 release for linux-x64 (pinned: none): install it before this step (e.g. anchore/scan-action/download-grype pinned by commit SHA), or put a grype binary on PATH',
    );
    expect(requests).toEqual([]);
  });

  it('the real pins: the two Linux archives of trivy 0.74.0 as its checksums file publishes them', () => {
    expect(TRIVY_RELEASE.url(TRIVY_RELEASE.baseUrl, TRIVY_RELEASE.assets['linux-x64']!.file)).toBe('https://github.com/aquasecurity/trivy/releases/download/v0.74.0/trivy_0.74.0_Linux-64bit.tar.gz');
    expect(TRIVY_RELEASE.assets).toEqual({
      'linux-x64': { file: 'trivy_0.74.0_Linux-64bit.tar.gz', sha256: '2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a' },
      'linux-arm64': { file: 'trivy_0.74.0_Linux-ARM64.tar.gz', sha256: 'b94ce1976bbf3c15b514b605ee88be7c6d94a29be2302847ff01cb794d47aad5' },
    });
  });
});
