/**
 * The committed bundle (actions/push-image/dist/index.js), run as the runner runs it: INPUT_*
 * variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, between real local registries (Basic
 * source, Bearer-token target from the harness's token service).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { type PushedImage, pushImage, type Registry, startRegistry } from '@ml-deploy/test/harness/registry';
import { runBundle } from '@ml-deploy/test/run-bundle';

const src = { username: 'ci', password: 'Src-Secret-4f1b9' };
const dst = { username: 'promoter', password: 'Dst-Secret-83c2a' };
let source: Registry;
let target: Registry;
let image: PushedImage;

beforeAll(async () => {
  [source, target] = await Promise.all([startRegistry({ basicAuth: src }), startRegistry({ tokenAuth: dst })]);
  image = await pushImage({ registry: source, repository: 'ci/model', auth: src }, { tag: 'b1', layers: [gzipSync(randomBytes(300_000)), gzipSync(randomBytes(1000))] });
});
afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop()]);
});

const env = { HOME: '/nonexistent', ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' };

async function targetDigest(repo: string, ref: string): Promise<string | null> {
  const res = await fetch(`${target.url}/v2/${repo}/manifests/${ref}`, { method: 'HEAD', headers: { accept: 'application/vnd.oci.image.manifest.v1+json', authorization: target.mintToken(repo, ['pull']) } });
  return res.status === 200 ? res.headers.get('docker-content-digest') : null;
}

describe('push-image bundle', () => {
  it('promotes by digest, sets every output, writes the report and summary, and no secret reaches them', async () => {
    const run = await runBundle('push-image', {
      inputs: {
        source: `${source.host}/ci/model@${image.digest}`,
        'source-username': src.username,
        'source-password': src.password,
        target: `${target.host}/prod/model`,
        tags: 'v1\nstable',
        username: dst.username,
        password: dst.password,
        'chunk-size': '128KiB',
      },
      env,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      image: `${target.host}/prod/model@${image.digest}`,
      digest: image.digest,
      'image-digest': image.digest,
      tags: `${target.host}/prod/model:v1\n${target.host}/prod/model:stable`,
    });
    expect(await targetDigest('prod/model', 'stable')).toBe(image.digest);
    const report = await readFile(run.outputs.report!, 'utf8');
    expect(JSON.parse(report)).toMatchObject({ result: 'pushed', digest: image.digest, copy: { totals: { copied: 3, mounted: 0, skipped: 0 } } });
    expect(run.summary).toContain('✅ **Pushed**');
    expect(run.summary).toMatch(/\| copied \(streamed registry to registry\) \| 3 \| 29\d\.\d KiB|\| copied \(streamed registry to registry\) \| 3 \| 29\d KiB/);
    const log = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    for (const text of [log, run.summary, report]) {
      expect(text).not.toContain(src.password);
      expect(text).not.toContain(dst.password);
    }
    // The runner is told to mask both passwords, and the Bearer token fetched for the target.
    expect(run.stdout).toContain(`::add-mask::${src.password}`);
    expect(run.stdout).toContain(`::add-mask::${dst.password}`);
    expect(run.stdout).toMatch(/::add-mask::ey[\w-]+\.[\w-]+\.[\w-]+/);
    // Concurrent requests that meet the same 401 share one token per scope set.
    expect(target.tokenRequests.filter((r) => r.user === 'promoter').length).toBeLessThanOrEqual(2);
  });

  it('a blob the source serves with other bytes fails the step naming it; nothing is tagged', async () => {
    const bad = await pushImage({ registry: source, repository: 'ci/bad', auth: src }, { tag: 'b2', layers: [gzipSync(randomBytes(5000))] });
    const path = source.blobPath(bad.layerDigests[0]!);
    const bytes = readFileSync(path);
    bytes.writeUInt8(bytes.readUInt8(100) ^ 1, 100);
    writeFileSync(path, bytes);
    const run = await runBundle('push-image', {
      inputs: { source: `${source.host}/ci/bad:b2`, 'source-username': src.username, 'source-password': src.password, target: `${target.host}/prod/bad:v1`, username: dst.username, password: dst.password },
      env,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::push-image: blob ${bad.layerDigests[0]}`);
    expect(run.stdout).toContain('no manifest or tag was written');
    expect(run.summary).toContain('❌ **Push failed**');
    expect(run.summary).toContain(`Blob ${bad.layerDigests[0]} did not land`);
    expect(JSON.parse(await readFile(run.outputs.report!, 'utf8'))).toMatchObject({ result: 'failed', error: { kind: 'digest-mismatch', blob: bad.layerDigests[0] } });
    expect(run.outputs.image).toBeUndefined();
    expect(await targetDigest('prod/bad', 'v1')).toBeNull();
  });

  it('a bad input fails the step before any registry call, naming the input', async () => {
    const before = target.tokenRequests.length;
    const run = await runBundle('push-image', { inputs: { source: `${source.host}/ci/model`, target: `${target.host}/prod/model` }, env });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::push-image: input 'source': got "${source.host}/ci/model", expected an image reference with a tag or, better, a digest`);
    expect(target.tokenRequests.length).toBe(before);
  });
});
