/**
 * copyImage between real registries (Debian's docker-registry, distribution 2.8): anonymous,
 * htpasswd Basic and Bearer-token registries from test/harness/registry.ts, images pushed through
 * the HTTP API with incompressible layers larger than the chunk size (so every layer is a chunked
 * upload), and a fault proxy (test/harness/fault-proxy.ts) that answers 5xx/429 or drops
 * connections part-way through a request or response. Every assertion reads the target back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { unlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { copyImage, CopyImageError, type CopyImageOptions, type RegistryClientOptions, sha256Digest } from '@ml-deploy/oci';
import { type FaultProxy, startFaultProxy } from '@ml-deploy/test/harness/fault-proxy';
import { type PushedImage, pushImage, pushIndex, type Registry, startRegistry } from '@ml-deploy/test/harness/registry';

const side: RegistryClientOptions = { env: { HOME: '/nonexistent' }, attempts: 4, baseDelayMs: 5 };
const CHUNK = 64 * 1024;
const opts = (o: Partial<CopyImageOptions> = {}): CopyImageOptions => ({ source: side, target: side, chunkBytes: CHUNK, ...o });
const layer = (kib: number) => gzipSync(randomBytes(kib * 1024), { level: 0 });

async function manifestDigest(reg: Registry, repo: string, ref: string, auth?: string): Promise<string | null> {
  const res = await fetch(`${reg.url}/v2/${repo}/manifests/${ref}`, {
    method: 'HEAD',
    headers: { accept: 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json', ...(auth ? { authorization: auth } : {}) },
  });
  return res.status === 200 ? res.headers.get('docker-content-digest') : null;
}

async function blobHash(reg: Registry, repo: string, digest: string): Promise<string | undefined> {
  const res = await fetch(`${reg.url}/v2/${repo}/blobs/${digest}`);
  if (res.status !== 200) return undefined;
  return sha256Digest(new Uint8Array(await res.arrayBuffer()));
}

describe('copyImage between two anonymous registries', () => {
  let a: Registry;
  let b: Registry;
  let image: PushedImage;
  let amd: PushedImage;
  let arm: PushedImage;
  let indexDigest: string;
  beforeAll(async () => {
    [a, b] = await Promise.all([startRegistry(), startRegistry()]);
    const t = { registry: a, repository: 'ci/model' };
    image = await pushImage(t, { tag: 'build-1', layers: [layer(150), layer(70), layer(3)] });
    amd = await pushImage(t, { layers: [layer(100)], architecture: 'amd64' });
    arm = await pushImage(t, { layers: [layer(90)], architecture: 'arm64' });
    indexDigest = (await pushIndex(t, 'multi', [{ image: amd, os: 'linux', architecture: 'amd64' }, { image: arm, os: 'linux', architecture: 'arm64' }])).digest;
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('copies every blob in chunks, then the manifest and tags; the target serves the same digest', async () => {
    const log: string[] = [];
    const report = await copyImage(`${a.host}/ci/model@${image.digest}`, `${b.host}/prod/model`, opts({ tags: ['v1', 'stable'], log: (m) => log.push(m) }));
    expect(report.digest).toBe(image.digest);
    expect(report.target).toBe(`${b.host}/prod/model@${image.digest}`);
    expect(report.totals).toMatchObject({ copied: 4, mounted: 0, skipped: 0, resumes: 0, restarts: 0 });
    expect(report.totals.bytesCopied).toBe(report.blobs.reduce((n, x) => n + x.size, 0));
    expect(report.verified.map((v) => v.digest)).toEqual([image.digest, image.digest, image.digest]);
    for (const ref of [image.digest, 'v1', 'stable']) expect(await manifestDigest(b, 'prod/model', ref)).toBe(image.digest);
    for (const d of [image.configDigest, ...image.layerDigests]) expect(await blobHash(b, 'prod/model', d)).toBe(d);
    // The 150 KiB layer needed three chunks of 64 KiB: two PATCHes and a final PUT.
    expect(log.join('\n')).toContain('copied');
  });

  it('a second run skips every blob and manifest, and still checks the digest on both sides', async () => {
    const report = await copyImage(`${a.host}/ci/model@${image.digest}`, `${b.host}/prod/model:v1`, opts());
    expect(report.totals).toMatchObject({ copied: 0, skipped: 4, bytesSent: 0 });
    expect(report.manifests.map((m) => m.action)).toEqual(['skipped']);
    expect(report.verified).toEqual([
      { reference: `${b.host}/prod/model@${image.digest}`, digest: image.digest },
      { reference: `${b.host}/prod/model:v1`, digest: image.digest },
    ]);
  });

  it('copies an image index: every image manifest and its blobs, then the index under its digest and tag', async () => {
    const report = await copyImage(`${a.host}/ci/model:multi`, `${b.host}/prod/multi`, opts({ tags: ['v2'] }));
    expect(report.digest).toBe(indexDigest);
    expect(report.manifests.map((m) => [m.digest, m.platform, m.action])).toEqual([
      [amd.digest, 'linux/amd64', 'pushed'],
      [arm.digest, 'linux/arm64', 'pushed'],
      [indexDigest, undefined, 'pushed'],
    ]);
    expect(await manifestDigest(b, 'prod/multi', 'v2')).toBe(indexDigest);
    expect(await manifestDigest(b, 'prod/multi', arm.digest)).toBe(arm.digest);
    for (const d of [...amd.layerDigests, ...arm.layerDigests]) expect(await blobHash(b, 'prod/multi', d)).toBe(d);
  });

  it('within one registry, mounts blobs from the source repository instead of copying bytes', async () => {
    const report = await copyImage(`${a.host}/ci/model@${image.digest}`, `${a.host}/release/model:v1`, opts());
    expect(report.totals).toMatchObject({ mounted: 4, copied: 0, bytesSent: 0 });
    expect(await manifestDigest(a, 'release/model', 'v1')).toBe(image.digest);
    // With mounting off, the same copy sends the bytes.
    const copied = await copyImage(`${a.host}/ci/model@${image.digest}`, `${a.host}/release/nomount:v1`, opts({ mount: false }));
    expect(copied.totals).toMatchObject({ copied: 4, mounted: 0 });
  });

  it('refuses a target that pins another digest, before any write', async () => {
    const err = (await copyImage(`${a.host}/ci/model@${image.digest}`, `${b.host}/prod/pinned@${amd.digest}`, opts()).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain(`the target reference pins ${amd.digest}`);
    expect(await manifestDigest(b, 'prod/pinned', image.digest)).toBeNull();
  });
});

describe('copyImage with auth: Basic source, Bearer-token target', () => {
  let basic: Registry;
  let token: Registry;
  let image: PushedImage;
  const src = { username: 'ci', password: 'ci-Secret-9c1' };
  const dst = { username: 'promoter', password: 'tok-Secret-77e' };
  beforeAll(async () => {
    [basic, token] = await Promise.all([startRegistry({ basicAuth: src }), startRegistry({ tokenAuth: dst })]);
    image = await pushImage({ registry: basic, repository: 'ci/model', auth: src }, { tag: 'b7', layers: [layer(80)] });
  });
  afterAll(async () => {
    await Promise.all([basic?.stop(), token?.stop()]);
  });

  it('uses each side its own credentials, hands every secret to onSecret, and the token grants push', async () => {
    const secrets: string[] = [];
    const onSecret = (s: string) => secrets.push(s);
    const report = await copyImage(`${basic.host}/ci/model:b7`, `${token.host}/prod/model:b7`, {
      chunkBytes: CHUNK,
      source: { ...side, onSecret, credentials: async () => ({ credentials: src, from: 'source-password' }) },
      target: { ...side, onSecret, credentials: async () => ({ credentials: dst, from: 'password' }) },
    });
    expect(report.digest).toBe(image.digest);
    expect(secrets).toEqual(expect.arrayContaining([src.password, dst.password]));
    // A Bearer token was fetched and reported as a secret too.
    expect(secrets.some((s) => s.split('.').length === 3)).toBe(true);
    expect(token.tokenRequests.some((r) => r.user === 'promoter' && r.scope?.includes('repository:prod/model:pull,push'))).toBe(true);
    expect(await manifestDigest(token, 'prod/model', 'b7', token.mintToken('prod/model', ['pull']))).toBe(image.digest);
  });

  it('a refused target password names the user and where it came from, not the password, and writes nothing', async () => {
    const err = (await copyImage(`${basic.host}/ci/model:b7`, `${token.host}/prod/other:b7`, {
      source: { ...side, credentials: async () => ({ credentials: src, from: 'source-password' }) },
      target: { ...side, credentials: async () => ({ credentials: { username: 'promoter', password: 'wrong-Secret' }, from: "input 'password'" }) },
    }).catch((e: unknown) => e)) as CopyImageError;
    expect(err).toBeInstanceOf(CopyImageError);
    expect(err.kind).toBe('unauthorized');
    expect(err.message).toContain("refused the credentials of user 'promoter' from input 'password'");
    expect(err.message).not.toContain('wrong-Secret');
    expect(err.partial.manifests).toEqual([]);
  });
});

describe('copyImage through injected faults', () => {
  let a: Registry;
  let b: Registry;
  let toB: FaultProxy;
  let fromA: FaultProxy;
  let image: PushedImage;
  let n = 0;
  beforeAll(async () => {
    [a, b] = await Promise.all([startRegistry(), startRegistry()]);
    [toB, fromA] = await Promise.all([startFaultProxy(b.url), startFaultProxy(a.url)]);
    image = await pushImage({ registry: a, repository: 'ci/model' }, { tag: 'x', layers: [layer(200), layer(20)] });
  });
  afterAll(async () => {
    await Promise.all([toB?.stop(), fromA?.stop()]);
    await Promise.all([a?.stop(), b?.stop()]);
  });
  beforeEach(() => {
    toB.clear();
    fromA.clear();
    n++;
  });

  const target = () => `${toB.host}/prod/faults-${n}:v1`;
  const check = async () => {
    expect(await manifestDigest(b, `prod/faults-${n}`, 'v1')).toBe(image.digest);
    for (const d of image.layerDigests) expect(await blobHash(b, `prod/faults-${n}`, d)).toBe(d);
  };

  it('a chunk whose answer is lost: distribution refuses the stale session state, so the blob starts again and lands whole', async () => {
    // distribution 2.8 signs the offset into the upload URL (_state) and cancels a session asked
    // about with an older offset ("upload resumed at wrong offset"): a status GET after a lost
    // answer gets 404, and the only way on is a new session.
    toB.inject({ method: 'PATCH', path: /blobs\/uploads/, fault: { kind: 'drop-response' } });
    const report = await copyImage(`${a.host}/ci/model@${image.digest}`, target(), opts());
    expect(toB.requests.filter((r) => r.fault === 'drop-response')).toHaveLength(1);
    expect(toB.requests.some((r) => r.method === 'GET' && r.path.includes('/blobs/uploads/') && r.status === 404)).toBe(true);
    expect(report.totals).toMatchObject({ resumes: 0, restarts: 1 });
    await check();
  });

  it('a connection dropped part-way through a chunk: distribution discards that upload session, so the blob starts again from byte 0', async () => {
    toB.inject({ method: 'PATCH', path: /blobs\/uploads/, fault: { kind: 'drop-mid-body', afterBytes: 20_000 } });
    const report = await copyImage(`${a.host}/ci/model@${image.digest}`, target(), opts());
    expect(toB.requests.filter((r) => r.fault === 'drop-mid-body')).toHaveLength(1);
    // distribution 2.8 discards the session once it sees the broken PATCH and answers 404
    // BLOB_UPLOAD_UNKNOWN. Whether the status GET or the resumed PATCH meets that 404 depends on
    // which the registry handles first (the GET can arrive while it still reads the broken body and
    // report the session as it stood), so either request may carry it; the copy restarts once.
    const afterDrop = toB.requests.slice(toB.requests.findIndex((r) => r.fault === 'drop-mid-body') + 1);
    expect(afterDrop.some((r) => (r.method === 'GET' || r.method === 'PATCH') && r.path.includes('/blobs/uploads/') && r.status === 404)).toBe(true);
    expect(report.totals).toMatchObject({ restarts: 1 });
    await check();
  });

  it('503 and 429 (Retry-After) answers are retried; a chunk answered 503 is resumed at the offset the registry reports', async () => {
    toB.inject({ method: 'POST', path: /blobs\/uploads/, fault: { kind: 'status', status: 429, retryAfterSeconds: 0 } });
    toB.inject({ method: 'HEAD', path: /blobs\//, fault: { kind: 'status', status: 502 }, count: 2 });
    toB.inject({ method: 'PATCH', path: /blobs\/uploads/, fault: { kind: 'status', status: 503 } });
    toB.inject({ method: 'PUT', path: /manifests\//, fault: { kind: 'drop' } });
    const report = await copyImage(`${a.host}/ci/model@${image.digest}`, target(), opts());
    expect(toB.requests.filter((r) => r.fault).map((r) => `${r.method} ${r.status}`).sort()).toEqual(['HEAD 502', 'HEAD 502', 'PATCH 503', 'POST 429', 'PUT dropped']);
    expect(report.totals).toMatchObject({ resumes: 1, restarts: 0 });
    // The status GET on the session answered 204 with its Range, and the chunk went again from there.
    expect(toB.requests.some((r) => r.method === 'GET' && r.path.includes('/blobs/uploads/') && r.status === 204)).toBe(true);
    await check();
  });

  it('a source stream that breaks is reopened with a Range request at the byte reached', async () => {
    fromA.inject({ method: 'GET', path: new RegExp(`blobs/${image.layerDigests[0]}`), fault: { kind: 'drop-mid-response', afterBytes: 100_000 } });
    const log: string[] = [];
    const report = await copyImage(`${fromA.host}/ci/model@${image.digest}`, target(), opts({ log: (m) => log.push(m) }));
    expect(report.blobs.find((x) => x.digest === image.layerDigests[0])?.sourceReopens).toBe(1);
    expect(log.join('\n')).toMatch(/source stream broke at byte \d+/);
    await check();
  });

  it('a registry that keeps failing: the error names the blob, and no manifest or tag points at the partial copy', async () => {
    toB.inject({ method: 'PATCH', path: /blobs\/uploads/, fault: { kind: 'status', status: 500 }, count: 100 });
    const err = (await copyImage(`${a.host}/ci/model@${image.digest}`, target(), opts({ concurrency: 1 })).catch((e: unknown) => e)) as CopyImageError;
    expect(err).toBeInstanceOf(CopyImageError);
    expect(err.failedDigest).toBe(image.layerDigests[0]);
    expect(err.message).toContain(`blob ${image.layerDigests[0]}`);
    expect(err.message).toContain('no manifest or tag was written');
    expect(err.partial.manifests).toEqual([]);
    expect(await manifestDigest(b, `prod/faults-${n}`, 'v1')).toBeNull();
    expect(await manifestDigest(b, `prod/faults-${n}`, image.digest)).toBeNull();
  });
});

describe('copyImage refuses a source that serves other bytes than its digests name', () => {
  let a: Registry;
  let b: Registry;
  beforeAll(async () => {
    [a, b] = await Promise.all([startRegistry(), startRegistry()]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('a tampered layer (same length, other bytes) fails naming the blob; nothing is committed on the target', async () => {
    const image = await pushImage({ registry: a, repository: 'ci/tampered' }, { tag: 't', layers: [layer(100)] });
    const path = a.blobPath(image.layerDigests[0]!);
    const bytes = readFileSync(path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    writeFileSync(path, bytes);
    const err = (await copyImage(`${a.host}/ci/tampered@${image.digest}`, `${b.host}/prod/tampered:t`, opts()).catch((e: unknown) => e)) as CopyImageError;
    expect(err.kind).toBe('digest-mismatch');
    expect(err.failedDigest).toBe(image.layerDigests[0]);
    expect(err.message).toMatch(new RegExp(`blob ${image.layerDigests[0]} .*hash to sha256:`));
    expect(await blobHash(b, 'prod/tampered', image.layerDigests[0]!)).toBeUndefined();
    expect(await manifestDigest(b, 'prod/tampered', 't')).toBeNull();
  });

  it('a blob missing on the source fails naming it', async () => {
    const image = await pushImage({ registry: a, repository: 'ci/missing' }, { tag: 'm', layers: [layer(10)] });
    unlinkSync(a.blobPath(image.layerDigests[0]!));
    const err = (await copyImage(`${a.host}/ci/missing:m`, `${b.host}/prod/missing:m`, opts()).catch((e: unknown) => e)) as CopyImageError;
    expect(err.failedDigest).toBe(image.layerDigests[0]);
    expect(err.message).toContain(`blob ${image.layerDigests[0]}`);
    expect(await manifestDigest(b, 'prod/missing', 'm')).toBeNull();
  });
});
