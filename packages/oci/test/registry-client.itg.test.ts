/**
 * readImageLabels against a real registry (Debian's docker-registry, distribution 2.8), images
 * pushed through its HTTP API: tags, digests, an OCI index, htpasswd Basic auth from env and from a
 * Docker config file, and storage tampered with on disk (the registry serves the changed bytes
 * under the old digest, as a compromised registry or mirror would).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readImageLabels, type RegistryClientOptions, RegistryError } from '@ml-deploy/oci';
import { type PushedImage, pushImage, pushIndex, type Registry, startRegistry } from '@ml-deploy/test/harness/registry';

const fast: RegistryClientOptions = { env: { HOME: '/nonexistent' }, attempts: 2, baseDelayMs: 10 };
const labels = { 'org.example.model': 'iris', 'org.opencontainers.image.version': '7' };

describe('readImageLabels, anonymous registry', () => {
  let reg: Registry;
  let amd64: PushedImage;
  let arm64: PushedImage;
  beforeAll(async () => {
    reg = await startRegistry();
    const t = { registry: reg, repository: 'team/model' };
    amd64 = await pushImage(t, { tag: 'v1', labels });
    arm64 = await pushImage(t, { labels: { 'org.example.model': 'iris-arm' }, architecture: 'arm64' });
    await pushIndex(t, 'multi', [
      { image: arm64, os: 'linux', architecture: 'arm64' },
      { image: amd64, os: 'linux', architecture: 'amd64' },
    ]);
    await pushIndex(t, 'arm-only', [{ image: arm64, os: 'linux', architecture: 'arm64' }]);
  });
  afterAll(async () => {
    await reg?.stop();
  });

  it('reads the labels of a tag, and of the same image by digest', async () => {
    const byTag = await readImageLabels(`${reg.host}/team/model:v1`, fast);
    expect(byTag).toEqual({ reference: `${reg.host}/team/model:v1`, digest: amd64.digest, manifestDigest: amd64.digest, configDigest: amd64.configDigest, labels });
    const byDigest = await readImageLabels(`${reg.host}/team/model@${amd64.digest}`, fast);
    expect(byDigest.labels).toEqual(labels);
    expect(byDigest.digest).toBe(amd64.digest);
  });

  it('picks linux/amd64 from an index, else its only image', async () => {
    const multi = await readImageLabels(`${reg.host}/team/model:multi`, fast);
    expect(multi).toMatchObject({ manifestDigest: amd64.digest, platform: 'linux/amd64', labels });
    expect(multi.digest).not.toBe(amd64.digest);
    const armOnly = await readImageLabels(`${reg.host}/team/model:arm-only`, fast);
    expect(armOnly).toMatchObject({ manifestDigest: arm64.digest, platform: 'the only image (linux/arm64)', labels: { 'org.example.model': 'iris-arm' } });
  });

  it.each([
    ['a tag that does not exist', 'team/model:v9', "the image HOST/team/model:v9 does not exist: HOST/team/model has no tag 'v9'; check the tag or digest, or push the image first"],
    ['a digest that does not exist', `team/model@sha256:${'0'.repeat(64)}`, `the image HOST/team/model@sha256:${'0'.repeat(64)} does not exist: HOST/team/model has no manifest sha256:${'0'.repeat(64)}`],
    ['a repository that does not exist', 'team/nothing:v1', 'HOST/team/nothing'],
  ])('404 for %s says the image does not exist', async (_name, ref, message) => {
    const err = (await readImageLabels(`${reg.host}/${ref}`, fast).catch((e: unknown) => e)) as RegistryError;
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.kind).toBe('not-found');
    expect(err.message).toContain(message.replaceAll('HOST', reg.host));
  });

  it('refuses a manifest whose stored bytes were changed behind the digest', async () => {
    const t = { registry: reg, repository: 'team/tampered' };
    const img = await pushImage(t, { tag: 'v1', labels, annotations: { note: 'aaaa' } });
    const path = reg.blobPath(img.digest);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"aaaa"', '"bbbb"'));
    await expect(readImageLabels(`${reg.host}/team/tampered@${img.digest}`, fast)).rejects.toThrow(
      new RegExp(`^refusing ${reg.host}/team/tampered@${img.digest}: the manifest served for ${img.digest} hashes to sha256:[0-9a-f]{64}; `),
    );
  });

  it('refuses a config blob whose stored labels were changed', async () => {
    const t = { registry: reg, repository: 'team/tampered-config' };
    const img = await pushImage(t, { tag: 'v1', labels: { score: '0.5' } });
    const path = reg.blobPath(img.configDigest);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"0.5"', '"0.9"'));
    const err = (await readImageLabels(`${reg.host}/team/tampered-config@${img.digest}`, fast).catch((e: unknown) => e)) as RegistryError;
    expect(err.kind).toBe('digest-mismatch');
    expect(err.message).toMatch(new RegExp(`: the config blob ${img.configDigest} hashes to sha256:`));
  });
});

describe('readImageLabels, registry with htpasswd Basic auth', () => {
  const user = { username: 'ci-bot', password: 'Pw-7fq2-not-for-logs' };
  let reg: Registry;
  beforeAll(async () => {
    reg = await startRegistry({ basicAuth: user });
    await pushImage({ registry: reg, repository: 'private/model', auth: user }, { tag: 'prod', labels });
  });
  afterAll(async () => {
    await reg?.stop();
  });

  it('uses ML_DEPLOY_REGISTRY_USERNAME/PASSWORD and hands the password over for masking', async () => {
    const secrets: string[] = [];
    const out = await readImageLabels(`${reg.host}/private/model:prod`, { ...fast, env: { HOME: '/nonexistent', ML_DEPLOY_REGISTRY_USERNAME: user.username, ML_DEPLOY_REGISTRY_PASSWORD: user.password }, onSecret: (s) => secrets.push(s) });
    expect(out.labels).toEqual(labels);
    expect(secrets).toContain(user.password);
  });

  it('uses the auths of $DOCKER_CONFIG/config.json as docker/login-action writes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docker-config-'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [reg.host]: { auth: Buffer.from(`${user.username}:${user.password}`).toString('base64') } } }));
    const out = await readImageLabels(`${reg.host}/private/model:prod`, { ...fast, env: { DOCKER_CONFIG: dir } });
    expect(out.labels).toEqual(labels);
  });

  it('401 without credentials says which to set', async () => {
    const err = (await readImageLabels(`${reg.host}/private/model:prod`, fast).catch((e: unknown) => e)) as RegistryError;
    expect(err.kind).toBe('unauthorized');
    expect(err.message).toBe(`${reg.host} needs credentials to pull private/model (401): set ML_DEPLOY_REGISTRY_USERNAME and ML_DEPLOY_REGISTRY_PASSWORD, or log in first with docker/login-action (it writes /nonexistent/.docker/config.json)`);
  });

  it('401 with a wrong password names the user and where the credentials came from, not the password', async () => {
    const err = (await readImageLabels(`${reg.host}/private/model:prod`, { ...fast, env: { HOME: '/nonexistent', ML_DEPLOY_REGISTRY_USERNAME: user.username, ML_DEPLOY_REGISTRY_PASSWORD: 'Wrong-pass-123' } }).catch((e: unknown) => e)) as RegistryError;
    expect(err.kind).toBe('unauthorized');
    expect(err.message).toBe(`${reg.host} refused the credentials of user 'ci-bot' from ML_DEPLOY_REGISTRY_USERNAME/ML_DEPLOY_REGISTRY_PASSWORD (401): check the username and password (or token), and that they may pull private/model`);
    expect(err.message).not.toContain('Wrong-pass-123');
  });
});

describe('readImageLabels, registry that wants Bearer tokens (distribution auth.token)', () => {
  const user = { username: 'token-user', password: 'Tok-pass-2f9a' };
  let reg: Registry;
  beforeAll(async () => {
    reg = await startRegistry({ tokenAuth: user });
    await pushImage({ registry: reg, repository: 'private/model', authorization: reg.mintToken('private/model', ['pull', 'push']) }, { tag: 'prod', labels });
  });
  afterAll(async () => {
    await reg?.stop();
  });

  it('follows the challenge to the token service with Basic credentials, then pulls with the token', async () => {
    reg.tokenRequests.length = 0;
    const secrets: string[] = [];
    const out = await readImageLabels(`${reg.host}/private/model:prod`, { ...fast, env: { HOME: '/nonexistent', ML_DEPLOY_REGISTRY_USERNAME: user.username, ML_DEPLOY_REGISTRY_PASSWORD: user.password }, onSecret: (s) => secrets.push(s) });
    expect(out.labels).toEqual(labels);
    // One token for the manifest and the config blob: the registry's challenge named the scope.
    expect(reg.tokenRequests).toEqual([{ service: 'ml-deploy-test-registry', scope: 'repository:private/model:pull', user: user.username, status: 200 }]);
    expect(secrets).toHaveLength(3); // password, its Basic form, the token
  });

  it('anonymous: the token grants nothing, the registry answers 401 again, and the error says which credentials to set', async () => {
    const err = (await readImageLabels(`${reg.host}/private/model:prod`, fast).catch((e: unknown) => e)) as RegistryError;
    expect(err.kind).toBe('unauthorized');
    expect(err.message).toBe(`${reg.host} needs credentials to pull private/model (401): set ML_DEPLOY_REGISTRY_USERNAME and ML_DEPLOY_REGISTRY_PASSWORD, or log in first with docker/login-action (it writes /nonexistent/.docker/config.json)`);
  });

  it('a wrong password: the token service refuses it, and the message names the user, not the password', async () => {
    const err = (await readImageLabels(`${reg.host}/private/model:prod`, { ...fast, env: { HOME: '/nonexistent', ML_DEPLOY_REGISTRY_USERNAME: user.username, ML_DEPLOY_REGISTRY_PASSWORD: 'Nope-pass-77' } }).catch((e: unknown) => e)) as RegistryError;
    expect(err.kind).toBe('unauthorized');
    expect(err.message).toContain(`refused the credentials of user 'token-user' from ML_DEPLOY_REGISTRY_USERNAME/ML_DEPLOY_REGISTRY_PASSWORD (401)`);
    expect(err.message).not.toContain('Nope-pass-77');
  });
});
