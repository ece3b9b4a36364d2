/**
 * A small, runner-free client for the read side of the OCI distribution API: resolve a reference,
 * fetch its manifest (choosing one image of an index), fetch the config blob, and return the image's
 * labels. Every byte read is checked against the digest that names it, and bodies are size-capped
 * so a hostile registry cannot exhaust memory. Only Node's fetch is used.
 */
import { createHash } from 'node:crypto';
import { type Clock, retry } from '@ml-deploy/action-kit';
import { type BasicCredentials, readDockerConfig } from './docker-config';
import { RegistryEnv } from './environment';
import { chooseImageManifest, type Descriptor, MANIFEST_ACCEPT, parseManifest } from './manifest';
import { formatImageReference, type ImageReference, isImageReference, parseImageReference } from './reference';
import { RegistryError, TransientHttpError } from './registry-error';
import { hostWithoutPort, insecureRegistries, registryLocation, type RegistryLocation } from './registry-url';
import { type AuthChallenge, parseWwwAuthenticate } from './www-authenticate';

/** Manifests and configs are a few KiB; anything near this is not an image we want to read. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface RegistryClientOptions {
  env?: NodeJS.ProcessEnv;
  /** Replaced in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Receives every password and token before it is sent, so the caller can mask it. */
  onSecret?: (value: string) => void;
  /** Progress and retry notes (never secrets). */
  log?: (message: string) => void;
  /** Attempts per request (first included) for 429, 5xx and network errors; default 4. */
  attempts?: number;
  baseDelayMs?: number;
  clock?: Clock;
  /** Per-request timeout; default 30 s. */
  timeoutMs?: number;
  maxBodyBytes?: number;
}

export interface ImageConfigLabels {
  /** The reference as given. */
  reference: string;
  /** Digest of the manifest the reference resolves to (the index, for a multi-platform image). */
  digest: string;
  /** Digest of the image manifest whose config was read (differs from `digest` for an index). */
  manifestDigest: string;
  /** Which image of an index was read, e.g. `linux/amd64`; undefined for a single image. */
  platform?: string;
  configDigest: string;
  labels: Record<string, string>;
}

interface CredentialSource {
  credentials?: BasicCredentials;
  /** Where they came from, for messages: an env var pair or a file path. */
  from: string;
  helper?: string;
  configPath: string;
}

/** Reads the labels of an image's config; see the module comment for the checks made. */
export async function readImageLabels(reference: string, opts: RegistryClientOptions = {}): Promise<ImageConfigLabels> {
  const parsed = parseImageReference(reference);
  if (!isImageReference(parsed)) throw new RegistryError('bad-reference', `'${reference}' is not an image reference: ${parsed.error}`);
  return new RegistryReader(parsed, opts).read(reference);
}

class RegistryReader {
  private readonly loc: RegistryLocation;
  private readonly env: NodeJS.ProcessEnv;
  private readonly fetchImpl: typeof fetch;
  private readonly maxBytes: number;
  private authorization: string | undefined;
  private creds: CredentialSource | undefined;

  constructor(
    private readonly ref: ImageReference,
    private readonly opts: RegistryClientOptions,
  ) {
    this.env = opts.env ?? process.env;
    this.loc = registryLocation(ref, this.env);
    this.fetchImpl = opts.fetch ?? fetch;
    this.maxBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  }

  async read(reference: string): Promise<ImageConfigLabels> {
    const pinned = this.ref.digest;
    const top = await this.getManifest(pinned ?? this.ref.tag ?? 'latest', pinned);
    let image = top;
    let platform: string | undefined;
    if (top.manifest.kind === 'index') {
      const choice = chooseImageManifest(top.manifest.manifests);
      if (!choice) {
        const types = [...new Set(top.manifest.manifests.map((d) => d.mediaType ?? 'none'))].join(', ');
        throw new RegistryError('not-an-image', `${reference} is an index with no image manifest for a platform (entries: ${types || 'none'})`);
      }
      platform = choice.why;
      this.opts.log?.(`${reference}: index ${top.digest}, reading ${choice.why}: ${choice.descriptor.digest}`);
      image = await this.getManifest(choice.descriptor.digest, choice.descriptor.digest, choice.descriptor.size);
      if (image.manifest.kind !== 'image') {
        throw new RegistryError('not-an-image', `${reference}: the index entry ${choice.descriptor.digest} is another index (${image.manifest.mediaType}), not an image manifest`);
      }
    }
    if (image.manifest.kind !== 'image') throw new Error('unreachable: an image manifest was expected');
    const config = image.manifest.config;
    const bytes = await this.getBlob(config);
    let doc: unknown;
    try {
      doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
    } catch {
      throw new RegistryError('not-an-image', `${reference}: the config blob ${config.digest} is not JSON (media type ${config.mediaType}); it is not a container image`);
    }
    const labels: Record<string, string> = {};
    const raw = (doc as { config?: { Labels?: unknown } } | null)?.config?.Labels;
    if (typeof raw === 'object' && raw !== null) {
      for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') labels[k] = v;
    }
    const out: ImageConfigLabels = { reference, digest: top.digest, manifestDigest: image.digest, configDigest: config.digest, labels };
    if (platform !== undefined) out.platform = platform;
    return out;
  }

  private async getManifest(tagOrDigest: string, expectedDigest: string | undefined, expectedSize?: number) {
    if (expectedSize !== undefined && expectedSize > this.maxBytes) {
      throw new RegistryError('too-large', `the manifest ${tagOrDigest} is ${expectedSize} bytes, over the ${this.maxBytes}-byte limit`);
    }
    const url = `${this.loc.baseUrl}/v2/${this.loc.repository}/manifests/${tagOrDigest}`;
    const res = await this.request(url, MANIFEST_ACCEPT, () => this.notFound(tagOrDigest));
    const bytes = await this.readBody(res, `the manifest of ${this.display()}`);
    const digest = sha256Digest(bytes);
    if (expectedDigest !== undefined && digest !== expectedDigest) {
      throw new RegistryError('digest-mismatch', `refusing ${this.display()}: the manifest served for ${expectedDigest} hashes to ${digest}; the registry (or something between) returned other content than the digest names`);
    }
    const header = res.headers.get('docker-content-digest');
    if (expectedDigest === undefined && header?.startsWith('sha256:') && header !== digest) {
      throw new RegistryError('digest-mismatch', `refusing ${this.display()}: the registry says the manifest is ${header} but its bytes hash to ${digest}`);
    }
    let manifest;
    try {
      manifest = parseManifest(bytes, res.headers.get('content-type') ?? undefined);
    } catch (err) {
      throw new RegistryError('not-an-image', `${this.display()}: ${(err as Error).message}`);
    }
    return { digest, manifest };
  }

  private async getBlob(d: Descriptor): Promise<Uint8Array> {
    if (!/^sha256:[0-9a-f]{64}$/.test(d.digest)) throw new RegistryError('not-an-image', `${this.display()}: the config digest '${d.digest}' is not a sha256 digest, which is all this client verifies`);
    if (d.size > this.maxBytes) throw new RegistryError('too-large', `${this.display()}: the config blob is ${d.size} bytes, over the ${this.maxBytes}-byte limit`);
    const url = `${this.loc.baseUrl}/v2/${this.loc.repository}/blobs/${d.digest}`;
    const res = await this.request(url, undefined, () => () => new RegistryError('not-found', `${this.display()}: the registry has no config blob ${d.digest} though the manifest names it; push the image again`, 404));
    const bytes = await this.readBody(res, `the config blob of ${this.display()}`);
    const digest = sha256Digest(bytes);
    if (digest !== d.digest) throw new RegistryError('digest-mismatch', `refusing ${this.display()}: the config blob ${d.digest} hashes to ${digest}`);
    return bytes;
  }

  private display(): string {
    return formatImageReference(this.ref);
  }

  private notFound(tagOrDigest: string): (body: string) => RegistryError {
    return (body) => {
      const code = errorCode(body);
      const what = tagOrDigest.includes(':') ? `manifest ${tagOrDigest}` : `tag '${tagOrDigest}'`;
      const msg =
        code === 'NAME_UNKNOWN'
          ? `the repository ${this.loc.repository} does not exist on ${this.loc.host}: check the image name`
          : `the image ${this.display()} does not exist: ${this.loc.host}/${this.loc.repository} has no ${what}; check the tag or digest, or push the image first`;
      return new RegistryError('not-found', msg, 404);
    };
  }

  /** One GET with auth negotiation and bounded retries; returns a 2xx response with an unread body. */
  private async request(url: string, accept: string | undefined, onNotFound: () => (body: string) => RegistryError): Promise<Response> {
    let res = await this.fetchWithRetry(url, accept);
    if (res.status === 401) {
      const challenges = parseWwwAuthenticate(res.headers.get('www-authenticate') ?? '');
      await res.body?.cancel();
      await this.authenticate(challenges);
      res = await this.fetchWithRetry(url, accept);
      if (res.status === 401) {
        await res.body?.cancel();
        throw await this.unauthorized(true);
      }
    }
    if (res.ok) return res;
    const body = await readSmallText(res);
    if (res.status === 404) throw onNotFound()(body);
    if (res.status === 403) {
      const who = this.creds?.credentials ? `user '${this.creds.credentials.username}' (from ${this.creds.from})` : 'anonymous access';
      throw new RegistryError('denied', `${this.loc.host} denied ${who} to pull ${this.loc.repository} (403): give these credentials pull permission, or set others in ${RegistryEnv.Username}/${RegistryEnv.Password}`, 403);
    }
    throw new RegistryError('http', `${this.loc.host} answered ${res.status} ${res.statusText} for ${new URL(url).pathname}${errorCode(body) ? ` (${errorCode(body)})` : ''}`, res.status);
  }

  private async fetchWithRetry(url: string, accept: string | undefined): Promise<Response> {
    const attempts = this.opts.attempts ?? 4;
    try {
      return await retry(
        async () => {
          const headers: Record<string, string> = {};
          if (accept) headers.accept = accept;
          if (this.authorization) headers.authorization = this.authorization;
          const res = await this.fetchOnce(url, { headers });
          if (res.status === 429 || res.status >= 500) {
            await res.body?.cancel();
            throw new TransientHttpError(`${this.loc.host} answered ${res.status} ${res.statusText} for ${new URL(url).pathname}`, res.status);
          }
          return res;
        },
        {
          attempts,
          retryable: (err) => err instanceof TransientHttpError,
          baseDelayMs: this.opts.baseDelayMs ?? 500,
          maxDelayMs: 8_000,
          ...(this.opts.clock ? { clock: this.opts.clock } : {}),
          ...(this.opts.signal ? { signal: this.opts.signal } : {}),
          onRetry: (err, attempt, delay) => this.opts.log?.(`${(err as Error).message}; attempt ${attempt + 1} of ${attempts} in ${delay} ms`),
        },
      );
    } catch (err) {
      if (err instanceof TransientHttpError) {
        const kind = err.status === undefined ? 'unreachable' : 'http';
        throw new RegistryError(kind, `${err.message} (after ${attempts} attempts)`, err.status);
      }
      throw err;
    }
  }

  /** fetch with a timeout; network failures become TransientHttpError with a hint. */
  private async fetchOnce(url: string, init: { headers: Record<string, string> }): Promise<Response> {
    const timeout = AbortSignal.timeout(this.opts.timeoutMs ?? 30_000);
    const signal = this.opts.signal ? AbortSignal.any([this.opts.signal, timeout]) : timeout;
    try {
      return await this.fetchImpl(url, { headers: init.headers, signal, redirect: 'follow' });
    } catch (err) {
      if (this.opts.signal?.aborted) throw err;
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const why = timeout.aborted ? `no answer within ${this.opts.timeoutMs ?? 30_000} ms` : (cause?.code ?? cause?.message ?? (err as Error).message);
      const origin = new URL(url).origin;
      const hint =
        origin.startsWith('https:') && /EPROTO|ERR_SSL|WRONG_VERSION|ECONNRESET/i.test(String(why))
          ? `; if ${this.loc.host} serves plain HTTP, list it in ${RegistryEnv.InsecureRegistries}`
          : '';
      throw new TransientHttpError(`cannot reach ${origin}: ${why}${hint}`);
    }
  }

  private async credentialSource(): Promise<CredentialSource> {
    if (this.creds) return this.creds;
    const user = this.env[RegistryEnv.Username];
    const pass = this.env[RegistryEnv.Password];
    let source: CredentialSource;
    const docker = await readDockerConfig(this.env, this.loc.host).catch((err: Error) => {
      throw new RegistryError('credentials', err.message);
    });
    if (user || pass) {
      if (!user || !pass) {
        throw new RegistryError('credentials', `${user ? RegistryEnv.Username : RegistryEnv.Password} is set but ${user ? RegistryEnv.Password : RegistryEnv.Username} is not: set both, or neither`);
      }
      source = { credentials: { username: user, password: pass }, from: `${RegistryEnv.Username}/${RegistryEnv.Password}`, configPath: docker.path };
    } else {
      source = { from: docker.path, configPath: docker.path };
      if (docker.credentials) source.credentials = docker.credentials;
      if (docker.helper) source.helper = docker.helper;
    }
    if (source.credentials) {
      this.opts.onSecret?.(source.credentials.password);
      this.opts.onSecret?.(basic(source.credentials));
    }
    this.creds = source;
    return source;
  }

  private async authenticate(challenges: AuthChallenge[]): Promise<void> {
    const src = await this.credentialSource();
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    if (bearer) {
      this.authorization = `Bearer ${await this.fetchToken(bearer, src)}`;
      return;
    }
    if (challenges.some((c) => c.scheme === 'basic') || challenges.length === 0) {
      if (!src.credentials) throw await this.unauthorized(false);
      this.authorization = `Basic ${basic(src.credentials)}`;
      return;
    }
    throw new RegistryError('unauthorized', `${this.loc.host} asks for authentication by '${challenges.map((c) => c.scheme).join(', ')}', which this client does not speak (it speaks Basic and Bearer tokens)`, 401);
  }

  private async fetchToken(challenge: AuthChallenge, src: CredentialSource): Promise<string> {
    const realm = challenge.params.realm;
    let url: URL;
    try {
      url = new URL(realm ?? '');
    } catch {
      throw new RegistryError('unauthorized', `${this.loc.host} sent a Bearer challenge without a valid realm URL ('${realm ?? ''}')`, 401);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.mayUsePlainHttp(url.host))) {
      throw new RegistryError('unauthorized', `${this.loc.host} sends us to fetch a token from ${url.origin} over plain HTTP; list ${url.host} in ${RegistryEnv.InsecureRegistries} if that is intended`, 401);
    }
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
    url.searchParams.set('scope', challenge.params.scope ?? `repository:${this.loc.repository}:pull`);
    const headers: Record<string, string> = {};
    if (src.credentials) headers.authorization = `Basic ${basic(src.credentials)}`;
    const res = await retry(
      async () => {
        const r = await this.fetchOnce(url.toString(), { headers });
        if (r.status === 429 || r.status >= 500) {
          await r.body?.cancel();
          throw new TransientHttpError(`the token service ${url.origin} answered ${r.status}`, r.status);
        }
        return r;
      },
      { attempts: this.opts.attempts ?? 4, retryable: (e) => e instanceof TransientHttpError, baseDelayMs: this.opts.baseDelayMs ?? 500, maxDelayMs: 8_000, ...(this.opts.clock ? { clock: this.opts.clock } : {}), ...(this.opts.signal ? { signal: this.opts.signal } : {}) },
    ).catch((err: unknown) => {
      if (err instanceof TransientHttpError) throw new RegistryError(err.status === undefined ? 'unreachable' : 'http', err.message, err.status);
      throw err;
    });
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      throw await this.unauthorized(src.credentials !== undefined);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new RegistryError('http', `the token service ${url.origin} answered ${res.status} ${res.statusText}`, res.status);
    }
    const body = await this.readBody(res, `the token from ${url.origin}`);
    let token: unknown;
    try {
      const doc = JSON.parse(Buffer.from(body).toString('utf8')) as { token?: unknown; access_token?: unknown };
      token = doc.token ?? doc.access_token;
    } catch {
      token = undefined;
    }
    if (typeof token !== 'string' || token === '') throw new RegistryError('http', `the token service ${url.origin} answered without a token`);
    this.opts.onSecret?.(token);
    return token;
  }

  private mayUsePlainHttp(host: string): boolean {
    const h = host.toLowerCase();
    const bare = hostWithoutPort(h);
    const listed = insecureRegistries(this.env);
    return ['localhost', '127.0.0.1', '[::1]'].includes(bare) || listed.includes(h) || listed.includes(bare);
  }

  private async unauthorized(hadCredentials: boolean): Promise<RegistryError> {
    const src = await this.credentialSource();
    if (hadCredentials && src.credentials) {
      return new RegistryError(
        'unauthorized',
        `${this.loc.host} refused the credentials of user '${src.credentials.username}' from ${src.from} (401): check the username and password (or token), and that they may pull ${this.loc.repository}`,
        401,
      );
    }
    const helper = src.helper ? ` (${src.configPath} names the credential helper '${src.helper}', which this action does not run)` : '';
    return new RegistryError(
      'unauthorized',
      `${this.loc.host} needs credentials to pull ${this.loc.repository} (401)${helper}: set ${RegistryEnv.Username} and ${RegistryEnv.Password}, or log in first with docker/login-action (it writes ${src.configPath})`,
      401,
    );
  }

  /** Reads a body up to the limit; the Content-Length is checked first when the server sends one. */
  private async readBody(res: Response, what: string): Promise<Uint8Array> {
    const declared = Number(res.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > this.maxBytes) {
      await res.body?.cancel();
      throw new RegistryError('too-large', `${what} is ${declared} bytes, over the ${this.maxBytes}-byte limit`);
    }
    if (!res.body) return new Uint8Array();
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > this.maxBytes) {
        await reader.cancel();
        throw new RegistryError('too-large', `${what} is over the ${this.maxBytes}-byte limit`);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  }
}

function basic(c: BasicCredentials): string {
  return Buffer.from(`${c.username}:${c.password}`).toString('base64');
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The first error code of a distribution-spec error body (`{"errors":[{"code":"MANIFEST_UNKNOWN"}]}`). */
function errorCode(body: string): string | undefined {
  try {
    const code = (JSON.parse(body) as { errors?: Array<{ code?: unknown }> }).errors?.[0]?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

async function readSmallText(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > 64 * 1024) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}
