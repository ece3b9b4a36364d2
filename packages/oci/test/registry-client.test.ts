/**
 * The client's HTTP behaviour against a scripted fetch: what a real registry cannot be made to do
 * on demand (Bearer token services, 429/503 bursts, oversized or lying bodies). The happy paths
 * and Basic auth run against a real registry in registry-client.itg.test.ts.
 */
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { fakeClock } from '@ml-deploy/action-kit';
import { MediaType, readImageLabels, type RegistryClientOptions, RegistryError } from '@ml-deploy/oci';

const digestOf = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Labels: { 'org.example': 'yes' } } }));
const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MediaType.OciManifest, config: { mediaType: MediaType.OciConfig, digest: digestOf(config), size: config.length }, layers: [] }));

type Handler = (url: URL, init: { headers: Record<string, string> }) => Response | Promise<Response>;

function scripted(handler: Handler) {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetchImpl = (async (input: string | URL, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ url: String(input), headers });
    return handler(new URL(String(input)), { headers });
  }) as typeof fetch;
  return { fetchImpl, calls };
}

/** A registry that serves the image above at reg.example/team/model:v1. */
function registry(url: URL, auth?: string): Response {
  if (url.pathname === '/v2/team/model/manifests/v1') return new Response(manifest, { headers: { 'content-type': MediaType.OciManifest, 'docker-content-digest': digestOf(manifest) } });
  if (url.pathname === `/v2/team/model/blobs/${digestOf(config)}`) return new Response(config);
  return new Response(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN' }] }), { status: 404 });
  void auth;
}

const base = (o: Partial<RegistryClientOptions>): RegistryClientOptions => ({ env: { HOME: '/nonexistent' }, clock: fakeClock(), ...o });

describe('readImageLabels over a scripted registry', () => {
  it('follows a Bearer challenge: token from the realm with Basic credentials, then the retry with the token', async () => {
    const secrets: string[] = [];
    const { fetchImpl, calls } = scripted((url, { headers }) => {
      if (url.host === 'auth.example') {
        expect(url.searchParams.get('service')).toBe('reg.example');
        expect(url.searchParams.get('scope')).toBe('repository:team/model:pull');
        expect(headers.authorization).toBe(`Basic ${Buffer.from('bot:pa55word').toString('base64')}`);
        return Response.json({ token: 'tok-123' });
      }
      if (headers.authorization !== 'Bearer tok-123') {
        return new Response('', { status: 401, headers: { 'www-authenticate': 'Bearer realm="https://auth.example/token",service="reg.example",scope="repository:team/model:pull"' } });
      }
      return registry(url);
    });
    const out = await readImageLabels('reg.example/team/model:v1', base({ fetch: fetchImpl, env: { HOME: '/nonexistent', ML_DEPLOY_REGISTRY_USERNAME: 'bot', ML_DEPLOY_REGISTRY_PASSWORD: 'pa55word' }, onSecret: (s) => secrets.push(s) }));
    expect(out.labels).toEqual({ 'org.example': 'yes' });
    expect(out.digest).toBe(digestOf(manifest));
    expect(calls.map((c) => c.url)).toEqual([
      'https://reg.example/v2/team/model/manifests/v1',
      'https://auth.example/token?service=reg.example&scope=repository%3Ateam%2Fmodel%3Apull',
      'https://reg.example/v2/team/model/manifests/v1',
      `https://reg.example/v2/team/model/blobs/${digestOf(config)}`,
    ]);
    expect(calls[0]!.headers.accept).toBe(`${MediaType.OciIndex}, ${MediaType.OciManifest}, ${MediaType.DockerManifestList}, ${MediaType.DockerManifest}`);
    expect(secrets).toEqual(['pa55word', Buffer.from('bot:pa55word').toString('base64'), 'tok-123']);
  });

  it('gets an anonymous token (access_token form) when no credentials are set, and asks for pull of the repository when the challenge names no scope', async () => {
    const { fetchImpl, calls } = scripted((url, { headers }) => {
      if (url.host === 'auth.example') return Response.json({ access_token: 'anon' });
      if (headers.authorization !== 'Bearer anon') return new Response('', { status: 401, headers: { 'www-authenticate': 'Bearer realm="https://auth.example/token"' } });
      return registry(url);
    });
    await readImageLabels('reg.example/team/model:v1', base({ fetch: fetchImpl }));
    expect(calls[1]).toEqual({ url: 'https://auth.example/token?scope=repository%3Ateam%2Fmodel%3Apull', headers: {} });
  });

  it.each([
    ['a token service that refuses the credentials', { ML_DEPLOY_REGISTRY_USERNAME: 'bot', ML_DEPLOY_REGISTRY_PASSWORD: 'wrong-pass' }, 401, "reg.example refused the credentials of user 'bot' from ML_DEPLOY_REGISTRY_USERNAME/ML_DEPLOY_REGISTRY_PASSWORD (401)"],
    ['no credentials at all', {}, 401, 'reg.example needs credentials to pull team/model (401): set ML_DEPLOY_REGISTRY_USERNAME and ML_DEPLOY_REGISTRY_PASSWORD, or log in first with docker/login-action (it writes /nonexistent/.docker/config.json)'],
  ])('401 from %s says which credentials to set, never the password', async (_name, env, status, message) => {
    const { fetchImpl } = scripted((url) => {
      if (url.host === 'auth.example') return new Response('', { status });
      return new Response('', { status: 401, headers: { 'www-authenticate': 'Bearer realm="https://auth.example/token",service="reg.example"' } });
    });
    const err = await readImageLabels('reg.example/team/model:v1', base({ fetch: fetchImpl, env: { HOME: '/nonexistent', ...env } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as RegistryError).kind).toBe('unauthorized');
    expect((err as Error).message).toContain(message);
    expect((err as Error).message).not.toContain('wrong-pass');
  });

  it('refuses to send credentials to a token realm over plain HTTP', async () => {
    const { fetchImpl, calls } = scripted(() => new Response('', { status: 401, headers: { 'www-authenticate': 'Bearer realm="http://auth.example/token"' } }));
    await expect(readImageLabels('reg.example/team/model:v1', base({ fetch: fetchImpl, env: { HOME: '/nonexistent', ML_DEPLOY_REGISTRY_USERNAME: 'u', ML_DEPLOY_REGISTRY_PASSWORD: 'secret' } }))).rejects.toThrow(
      'reg.example sends us to fetch a token from http://auth.example over plain HTTP; list auth.example in ML_DEPLOY_INSECURE_REGISTRIES if that is intended',
    );
    expect(calls).toHaveLength(1);
  });

  it('retries 429 and 503, then succeeds', async () => {
    let n = 0;
    const log: string[] = [];
    const { fetchImpl } = scripted((url) => {
      n++;
      if (n === 1) return new Response('', { status: 429, statusText: 'Too Many Requests' });
      if (n === 2) return new Response('', { status: 503, statusText: 'Service Unavailable' });
      return registry(url);
    });
    const out = await readImageLabels('reg.example/team/model:v1', base({ fetch: fetchImpl, log: (m) => log.push(m) }));
    expect(out.labels).toEqual({ 'org.example': 'yes' });
    expect(log[0]).toMatch(/^reg.example answered 429 Too Many Requests for GET \/v2\/team\/model\/manifests\/v1; attempt 2 of 4 in \d+ ms$/);
    expect(log[1]).toMatch(/^reg.example answered 503 Service Unavailable .*; attempt 3 of 4/);
  });

  it('gives up after the bounded number of attempts', async () => {
    const { fetchImpl, calls } = scripted(() => new Response('', { status: 502, statusText: 'Bad Gateway' }));
    const err = (await readImageLabels('reg.example/team/model:v1', base({ fetch: fetchImpl, attempts: 3 })).catch((e: unknown) => e)) as RegistryError;
    expect(calls).toHaveLength(3);
    expect(err.kind).toBe('http');
    expect(err.isUsersToFix).toBe(false);
    expect(err.message).toBe('reg.example answered 502 Bad Gateway for GET /v2/team/model/manifests/v1 (after 3 attempts)');
  });

  it('retries network errors and says what failed', async () => {
    const { fetchImpl, calls } = scripted(() => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    });
    const err = (await readImageLabels('reg.example/team/model:v1', base({ fetch: fetchImpl, attempts: 2 })).catch((e: unknown) => e)) as RegistryError;
    expect(calls).toHaveLength(2);
    expect(err.kind).toBe('unreachable');
    expect(err.message).toBe('cannot reach https://reg.example: ECONNREFUSED (after 2 attempts)');
  });

  it.each([
    ['a declared Content-Length over the cap', () => new Response(Buffer.alloc(2000), { headers: { 'content-length': '2000' } }), 'the manifest of reg.example/team/model:v1 is 2000 bytes, over the 1024-byte limit'],
    ['a streamed body over the cap', () => new Response(new ReadableStream({ pull(c) { c.enqueue(new Uint8Array(600)); } })), 'the manifest of reg.example/team/model:v1 is over the 1024-byte limit'],
  ])('stops reading %s', async (_name, body, message) => {
    const { fetchImpl } = scripted(body);
    const err = (await readImageLabels('reg.example/team/model:v1', base({ fetch: fetchImpl, maxBodyBytes: 1024 })).catch((e: unknown) => e)) as RegistryError;
    expect(err.kind).toBe('too-large');
    expect(err.message).toBe(message);
  });

  it('refuses a tag whose Docker-Content-Digest is not the hash of the bytes served', async () => {
    const other = `sha256:${'e'.repeat(64)}`;
    const { fetchImpl } = scripted(() => new Response(manifest, { headers: { 'content-type': MediaType.OciManifest, 'docker-content-digest': other } }));
    await expect(readImageLabels('reg.example/team/model:v1', base({ fetch: fetchImpl }))).rejects.toThrow(`refusing reg.example/team/model:v1: the registry says the manifest is ${other} but its bytes hash to ${digestOf(manifest)}`);
  });

  it('names the media type of something that is not an image', async () => {
    const helm = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.artifact.manifest.v1+json', artifactType: 'application/vnd.cncf.helm.chart' }));
    const { fetchImpl } = scripted(() => new Response(helm, { headers: { 'content-type': 'application/vnd.oci.artifact.manifest.v1+json' } }));
    const err = (await readImageLabels('reg.example/team/model:v1', base({ fetch: fetchImpl })).catch((e: unknown) => e)) as RegistryError;
    expect(err.kind).toBe('not-an-image');
    expect(err.message).toContain("it is not an image: the registry returned media type 'application/vnd.oci.artifact.manifest.v1+json'");
  });

  it('sets one credential env var without the other: says to set both', async () => {
    const { fetchImpl } = scripted(() => new Response('', { status: 401, headers: { 'www-authenticate': 'Basic realm="r"' } }));
    await expect(readImageLabels('reg.example/team/model:v1', base({ fetch: fetchImpl, env: { HOME: '/nonexistent', ML_DEPLOY_REGISTRY_USERNAME: 'u' } }))).rejects.toThrow(
      'ML_DEPLOY_REGISTRY_USERNAME is set but ML_DEPLOY_REGISTRY_PASSWORD is not: set both, or neither',
    );
  });
});
