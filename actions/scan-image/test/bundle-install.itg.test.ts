/**
 * The committed bundle run as the runner runs it, with no trivy on PATH: it installs the pinned
 * release through @actions/tool-cache. The release archive is not downloadable here (no GitHub
 * downloads in tests), so the mirror (ML_DEPLOY_TRIVY_DOWNLOAD_URL, a local HTTP server) serves
 * other bytes under its name and the bundle's own pin decides. A download that matched would be
 * installed in RUNNER_TOOL_CACHE (scanner-install.itg.test.ts shows that with a pin of its own).
 */
import { expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOOPBACK } from '@ml-deploy/test/harness/free-port';
import { runBundle } from '@ml-deploy/test/run-bundle';

it('trivy not on PATH: the pinned release is downloaded from the mirror and refused when its sha256 is not the published one; verdict error', async () => {
  const file = process.arch === 'arm64' ? 'trivy_0.74.0_Linux-ARM64.tar.gz' : 'trivy_0.74.0_Linux-64bit.tar.gz';
  const published = process.arch === 'arm64' ? 'b94ce1976bbf3c15b514b605ee88be7c6d94a29be2302847ff01cb794d47aad5' : '2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a';
  const bytes = Buffer.from('not the trivy release\n');
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    if (req.url === `/mirror/v0.74.0/${file}`) res.writeHead(200, { 'content-length': bytes.length }).end(bytes);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, LOOPBACK, r));
  try {
    const toolCache = mkdtempSync(join(tmpdir(), 'tool-cache-'));
    const mirror = `http://${LOOPBACK}:${(server.address() as { port: number }).port}/mirror`;
    // PATH with tar (the tool cache extracts with it) and no trivy.
    expect(existsSync('/usr/bin/trivy') || existsSync('/bin/trivy')).toBe(false);
    const run = await runBundle('scan-image', {
      inputs: { image: 'registry.example/ml/server:v1' },
      env: { PATH: '/usr/bin:/bin', RUNNER_TOOL_CACHE: toolCache, ML_DEPLOY_TRIVY_DOWNLOAD_URL: mirror },
    });
    expect(seen).toEqual([`/mirror/v0.74.0/${file}`]);
    expect(run.code).toBe(1);
    const actual = createHash('sha256').update(bytes).digest('hex');
    expect(run.stdout).toContain(`::error::scan-image: ${file} downloaded from ${mirror}/v0.74.0/${file} has sha256 ${actual}, not the published ${published} of trivy 0.74.0: refused, nothing was installed or run`);
    expect(run.outputs.verdict).toBe('error');
    expect(existsSync(join(toolCache, 'trivy'))).toBe(false);
    expect(run.summary).toContain('No verdict: the release is not cleared');
  } finally {
    await new Promise((r) => server.close(r));
  }
});
