/**
 * Starts a real OCI distribution registry (Debian's `docker-registry`, distribution 2.8) for
 * integration tests: one process per call, bound to 127.0.0.1 on a free port, filesystem storage
 * in a temp directory, its log kept in a file. With `basicAuth`, the registry checks a bcrypt
 * htpasswd file (made with `htpasswd -B`, Debian's apache2-utils) and answers 401 with a Basic
 * challenge, as a self-hosted registry behind docker login does.
 *
 * With `tokenAuth`, the registry wants Bearer tokens (`auth.token`), as Docker Hub, GHCR and most
 * cloud registries do: the harness runs the token service itself (an HTTP server on another free
 * port that checks Basic credentials and signs ES256 JWTs whose x5c certificate, made by openssl,
 * is the registry's `rootcertbundle`).
 *
 * `pushImage` and `pushIndex` push through the registry's HTTP API (blob upload POST + PUT,
 * manifest PUT, OCI media types), so no buildah or Docker is needed to make test images.
 */
import { spawnSync } from 'node:child_process';
import { createHash, createPrivateKey, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { freePort, LOOPBACK } from './free-port';
import { type ServerProcess, startServerProcess } from './server-process';

export interface RegistryOptions {
  /** Require these credentials (htpasswd, bcrypt); without it the registry is anonymous. */
  basicAuth?: { username: string; password: string };
  /**
   * Require Bearer tokens from the harness's token service, which grants pull and push to these
   * credentials, 401s wrong ones, and gives anonymous callers a token with no access (the registry
   * then answers 401 again), or pull access when `anonymousPull`.
   */
  tokenAuth?: { username: string; password: string; anonymousPull?: boolean };
  startTimeoutMs?: number;
}

export interface TokenRequest {
  service: string | null;
  scope: string | null;
  /** The user of the Basic credentials sent, or undefined for an anonymous request. */
  user: string | undefined;
  status: number;
}

export interface Registry {
  /** `127.0.0.1:<port>`: the registry part of an image reference. */
  readonly host: string;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Root of the filesystem storage driver (blobs under docker/registry/v2/blobs/sha256/). */
  readonly storageDir: string;
  readonly logPath: string;
  logTail(lines?: number): string;
  /** Path of a blob's bytes in the storage, for tests that tamper with what the registry serves. */
  blobPath(digest: string): string;
  /** tokenAuth only: what the token service was asked, in order. */
  readonly tokenRequests: TokenRequest[];
  /** tokenAuth only: an `Authorization` value granting `actions` on `repository`, for pushing. */
  mintToken(repository: string, actions: string[]): string;
  stop(): Promise<void>;
}

/** `ML_DEPLOY_DOCKER_REGISTRY`, else `docker-registry` on PATH (Debian: /usr/bin/docker-registry). */
export function registryBinary(): string {
  const fromEnv = process.env.ML_DEPLOY_DOCKER_REGISTRY;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : 'docker-registry';
}


export async function startRegistry(opts: RegistryOptions = {}): Promise<Registry> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ml-deploy-registry-'));
  const storageDir = join(dir, 'storage');
  const logPath = join(dir, 'registry.log');
  let auth = '';
  if (opts.basicAuth) {
    const htpasswd = join(dir, 'htpasswd');
    const r = spawnSync('htpasswd', ['-B', '-b', '-c', htpasswd, opts.basicAuth.username, opts.basicAuth.password], { encoding: 'utf8' });
    if (r.error || r.status !== 0) {
      throw new Error(`registry: htpasswd -B failed (${r.error?.message ?? r.stderr}); install apache2-utils (apt-packages.txt)`);
    }
    auth = `auth:\n  htpasswd:\n    realm: ml-deploy-test\n    path: ${htpasswd}\n`;
  }
  const tokenRequests: TokenRequest[] = [];
  let tokenServer: Server | undefined;
  let mintToken: Registry['mintToken'] = () => {
    throw new Error('registry: mintToken needs a registry started with tokenAuth');
  };
  if (opts.tokenAuth) {
    const t = await startTokenService(dir, opts.tokenAuth, tokenRequests);
    tokenServer = t.server;
    mintToken = (repository, actions) => `Bearer ${t.mint(undefined, [{ type: 'repository', name: repository, actions }])}`;
    auth = `auth:\n  token:\n    realm: ${t.realm}\n    service: ${TOKEN_SERVICE}\n    issuer: ${TOKEN_ISSUER}\n    rootcertbundle: ${t.certPath}\n`;
  }
  const config = join(dir, 'config.yml');
  writeFileSync(
    config,
    `version: 0.1
log:
  level: info
  formatter: text
  accesslog:
    disabled: false
storage:
  filesystem:
    rootdirectory: ${storageDir}
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: ${LOOPBACK}:${port}
  secret: ${randomBytes(16).toString('hex')}
${auth}`,
  );
  const url = `http://${LOOPBACK}:${port}`;
  const closeTokenServer = async () => {
    if (tokenServer?.listening) await new Promise((r) => tokenServer!.close(r));
  };
  let proc: ServerProcess;
  try {
    proc = await startServerProcess({
      name: 'registry',
      command: registryBinary(),
      args: ['serve', config],
      logPath,
      ready: async () => {
        const res = await fetch(`${url}/v2/`);
        await res.body?.cancel();
        return res.status === 200 || res.status === 401;
      },
      url,
      startTimeoutMs: opts.startTimeoutMs ?? 20_000,
      pollMs: 100,
      installHint: "Install Debian's docker-registry (apt-packages.txt) or set ML_DEPLOY_DOCKER_REGISTRY",
    });
  } catch (err) {
    await closeTokenServer();
    throw err;
  }
  const logTail = proc.logTail;
  const stop = async (): Promise<void> => {
    await closeTokenServer();
    await proc.stop();
  };
  return {
    host: `${LOOPBACK}:${port}`,
    url,
    port,
    storageDir,
    logPath,
    logTail,
    blobPath: (digest) => {
      const hex = digest.replace(/^sha256:/, '');
      return join(storageDir, 'docker', 'registry', 'v2', 'blobs', 'sha256', hex.slice(0, 2), hex, 'data');
    },
    tokenRequests,
    mintToken,
    stop,
  };
}

const TOKEN_SERVICE = 'ml-deploy-test-registry';
const TOKEN_ISSUER = 'ml-deploy-test-token-service';

interface Access {
  type: string;
  name: string;
  actions: string[];
}

/** The token service of the distribution token spec, just enough for the registry to trust it. */
async function startTokenService(dir: string, creds: NonNullable<RegistryOptions['tokenAuth']>, requests: TokenRequest[]) {
  const keyPath = join(dir, 'token-key.pem');
  const certPath = join(dir, 'token-cert.pem');
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', '/CN=ml-deploy-test-token'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`registry: openssl could not make the token certificate: ${r.error?.message ?? r.stderr}`);
  const key = createPrivateKey(readFileSync(keyPath));
  const certDer = readFileSync(certPath, 'utf8').replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
  const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');
  const mint = (user: string | undefined, access: Access[]): string => {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'ES256', x5c: [certDer] }));
    const claims = b64url(JSON.stringify({ iss: TOKEN_ISSUER, sub: user ?? '', aud: TOKEN_SERVICE, exp: now + 300, nbf: now - 10, iat: now, jti: randomBytes(8).toString('hex'), access }));
    const signature = sign('sha256', Buffer.from(`${header}.${claims}`), { key, dsaEncoding: 'ieee-p1363' });
    return `${header}.${claims}.${b64url(signature)}`;
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://token');
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    const [user, ...rest] = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':') : [];
    const scopes = url.searchParams.getAll('scope').flatMap((s) => s.split(' ')).filter((s) => s !== '');
    const record: TokenRequest = { service: url.searchParams.get('service'), scope: scopes.length ? scopes.join(' ') : null, user, status: 200 };
    requests.push(record);
    if (url.pathname !== '/token') {
      record.status = 404;
      res.writeHead(404).end();
      return;
    }
    const good = user === creds.username && rest.join(':') === creds.password;
    if (basic && !good) {
      record.status = 401;
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ details: 'incorrect username or password' }));
      return;
    }
    // Several scopes come as repeated `scope` parameters (or space-separated in one), e.g. a
    // cross-repository mount asks for push on the target and pull on the source.
    const access: Access[] = [];
    for (const scope of scopes) {
      const m = /^repository:([^:]+):(.+)$/.exec(scope);
      if (m && (good || creds.anonymousPull)) {
        const actions = m[2]!.split(',').filter((a) => good || a === 'pull');
        access.push({ type: 'repository', name: m[1]!, actions });
      }
    }
    const token = mint(good ? user : undefined, access);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() }));
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => resolve());
  });
  return { server, realm: `http://${LOOPBACK}:${port}/token`, certPath, mint };
}

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';

export interface PushTarget {
  registry: Pick<Registry, 'url'>;
  repository: string;
  /** Credentials for a registry started with basicAuth. */
  auth?: { username: string; password: string };
  /** An Authorization value sent as is (e.g. `registry.mintToken(repo, ['pull', 'push'])`). */
  authorization?: string;
}

export interface PushedManifest {
  digest: string;
  size: number;
  mediaType: string;
  bytes: Buffer;
}

export interface PushedImage extends PushedManifest {
  configDigest: string;
  layerDigests: string[];
}

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function headers(t: PushTarget, extra: Record<string, string> = {}): Record<string, string> {
  if (t.authorization) return { ...extra, authorization: t.authorization };
  return t.auth ? { ...extra, authorization: `Basic ${Buffer.from(`${t.auth.username}:${t.auth.password}`).toString('base64')}` } : extra;
}

/** Monolithic blob upload: POST to open the session, PUT the bytes with their digest. */
export async function pushBlob(t: PushTarget, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes);
  const start = await fetch(`${t.registry.url}/v2/${t.repository}/blobs/uploads/`, { method: 'POST', headers: headers(t) });
  await start.body?.cancel();
  const location = start.headers.get('location');
  if (start.status !== 202 || !location) throw new Error(`registry: starting a blob upload answered ${start.status}`);
  const put = new URL(location, t.registry.url);
  put.searchParams.set('digest', digest);
  const res = await fetch(put, { method: 'PUT', body: bytes, headers: headers(t, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) }) });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`registry: blob PUT answered ${res.status}: ${text}`);
  return digest;
}

export async function pushManifest(t: PushTarget, reference: string, mediaType: string, bytes: Buffer): Promise<PushedManifest> {
  const res = await fetch(`${t.registry.url}/v2/${t.repository}/manifests/${reference}`, { method: 'PUT', body: bytes, headers: headers(t, { 'content-type': mediaType }) });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`registry: manifest PUT answered ${res.status}: ${text}`);
  const digest = sha256(bytes);
  const said = res.headers.get('docker-content-digest');
  if (said !== digest) throw new Error(`registry: stored the manifest as ${said}, expected ${digest}`);
  return { digest, size: bytes.length, mediaType, bytes };
}

export interface ImageSpec {
  /** Tag to push under; without it the image is reachable by digest only. */
  tag?: string;
  labels?: Record<string, string>;
  os?: string;
  architecture?: string;
  /** Manifest annotations (lets a test change manifest bytes without changing their length). */
  annotations?: Record<string, string>;
  /**
   * Layers as gzip'd tars (e.g. from `tarGz`), bottom first; without them the image has one
   * small layer of text that nothing unpacks.
   */
  layers?: Buffer[];
}

/** Pushes a one-layer OCI image whose config carries `labels`. */
export async function pushImage(t: PushTarget, spec: ImageSpec = {}): Promise<PushedImage> {
  // Without spec.layers, the layer's bytes are never unpacked by the registry or the code under test.
  const layers = spec.layers ?? [Buffer.from(`layer of ${t.repository} ${JSON.stringify(spec.labels ?? {})} ${spec.architecture ?? 'amd64'}`)];
  const pushed = [];
  for (const layer of layers) pushed.push({ digest: await pushBlob(t, layer), size: layer.length, diffId: spec.layers ? sha256(gunzipSync(layer)) : sha256(layer) });
  const config = Buffer.from(
    JSON.stringify({
      architecture: spec.architecture ?? 'amd64',
      os: spec.os ?? 'linux',
      config: { Labels: spec.labels ?? {} },
      rootfs: { type: 'layers', diff_ids: pushed.map((l) => l.diffId) },
    }),
  );
  const configDigest = await pushBlob(t, config);
  const manifest: Record<string, unknown> = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, digest: configDigest, size: config.length },
    layers: pushed.map((l) => ({ mediaType: OCI_LAYER, digest: l.digest, size: l.size })),
  };
  if (spec.annotations) manifest.annotations = spec.annotations;
  const bytes = Buffer.from(JSON.stringify(manifest));
  const pushedManifest = await pushManifest(t, spec.tag ?? sha256(bytes), OCI_MANIFEST, bytes);
  return { ...pushedManifest, configDigest, layerDigests: pushed.map((l) => l.digest) };
}

/** Pushes an OCI image index over images pushed before, each with its platform. */
export async function pushIndex(
  t: PushTarget,
  tag: string,
  entries: Array<{ image: PushedManifest; os: string; architecture: string }>,
): Promise<PushedManifest> {
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: entries.map((e) => ({ mediaType: e.image.mediaType, digest: e.image.digest, size: e.image.size, platform: { os: e.os, architecture: e.architecture } })),
  };
  return pushManifest(t, tag, OCI_INDEX, Buffer.from(JSON.stringify(index)));
}
