/**
 * One repository on one registry, as the distribution API sees it: every request goes through
 * `send`, which negotiates auth on the registry's 401 challenge (Basic, or a Bearer token for the
 * scopes the challenge names plus those already held), retries 429, 5xx and dropped connections
 * with backoff (honouring Retry-After), and times out. The read side (labels) and the write side
 * (copyImage) share it, so credentials, masking and retries behave the same everywhere.
 */
import { type Clock, retry } from '@ml-deploy/action-kit';
import { type BasicCredentials, readDockerConfig } from './docker-config';
import { RegistryEnv } from './environment';
import { RegistryError, TransientHttpError } from './registry-error';
import { hostWithoutPort, insecureRegistries, registryLocation, type RegistryLocation } from './registry-url';
import type { ImageReference } from './reference';
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
  /**
   * Credentials for this registry, instead of ML_DEPLOY_REGISTRY_USERNAME/PASSWORD and the Docker
   * config (an ECR token, a Google access token, GITHUB_TOKEN...). Called once, when the registry
   * first asks for authentication.
   */
  credentials?: () => Promise<CredentialSource>;
}

export interface CredentialSource {
  credentials?: BasicCredentials;
  /** Where they came from, for messages: an env var pair, a file path, `GetAuthorizationToken`. */
  from: string;
  helper?: string;
  configPath?: string;
}

export interface SendOptions {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: Uint8Array;
  /** What the request needs, for the 401 message: pull or push. */
  needs?: 'pull' | 'push';
  /** Retry 429/5xx/network failures; false for requests whose repeat the caller handles (PATCH). */
  retry?: boolean;
  /** Instead of the client's per-request timeout (blob streams take longer than manifests). */
  timeoutMs?: number;
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

export class RegistrySession {
  readonly loc: RegistryLocation;
  readonly env: NodeJS.ProcessEnv;
  readonly maxBytes: number;
  private readonly fetchImpl: typeof fetch;
  private authorization: string | undefined;
  private scheme: 'basic' | 'bearer' | undefined;
  private readonly scopes = new Set<string>();
  private creds: CredentialSource | undefined;
  private authenticating: Promise<void> | undefined;

  constructor(
    ref: Pick<ImageReference, 'registry' | 'repository'>,
    readonly opts: RegistryClientOptions = {},
  ) {
    this.env = opts.env ?? process.env;
    this.loc = registryLocation({ registry: ref.registry, repository: ref.repository, tag: undefined, digest: undefined }, this.env);
    this.fetchImpl = opts.fetch ?? fetch;
    this.maxBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  }

  /** `https://host/v2/<repository>/<rest>`. */
  url(rest: string): string {
    return `${this.loc.baseUrl}/v2/${this.loc.repository}/${rest}`;
  }

  /** Resolves a Location header (absolute or relative) against the registry. */
  resolve(location: string): string {
    return new URL(location, `${this.loc.baseUrl}/`).toString();
  }

  /**
   * One request with auth negotiation; returns any non-401 response (the caller reads or cancels
   * its body). A 401 after authenticating is an `unauthorized` RegistryError; 429/5xx after the
   * last attempt an `http` one, no answer an `unreachable` one.
   */
  async send(url: string, o: SendOptions = {}): Promise<Response> {
    // What this request was sent with: requests in flight at once all meet the first 401, and
    // only one of them needs to authenticate.
    const sent = this.authorization;
    let res = await this.fetchWithRetry(url, o);
    if (res.status === 401) {
      const challenges = parseWwwAuthenticate(res.headers.get('www-authenticate') ?? '');
      await res.body?.cancel();
      if (this.authorization === sent) {
        if (this.scheme === 'basic' && sent !== undefined) throw await this.unauthorized(true, o.needs ?? 'pull');
        // One authentication at a time: the others that met the same 401 wait for it.
        this.authenticating ??= this.authenticate(challenges, o.needs ?? 'pull').finally(() => {
          this.authenticating = undefined;
        });
        await this.authenticating;
      }
      res = await this.fetchWithRetry(url, o);
      if (res.status === 401 && this.scheme === 'bearer') {
        // Another request's token came first and lacked this request's scope: ask with both.
        const again = parseWwwAuthenticate(res.headers.get('www-authenticate') ?? '');
        await res.body?.cancel();
        await this.authenticate(again, o.needs ?? 'pull');
        res = await this.fetchWithRetry(url, o);
      }
      if (res.status === 401) {
        await res.body?.cancel();
        throw await this.unauthorized(this.creds?.credentials !== undefined, o.needs ?? 'pull');
      }
    }
    return res;
  }

  /** Whose access a 403 refused, for messages. */
  who(): string {
    return this.creds?.credentials ? `user '${this.creds.credentials.username}' (from ${this.creds.from})` : 'anonymous access';
  }

  private async fetchWithRetry(url: string, o: SendOptions): Promise<Response> {
    const attempts = o.retry === false ? 1 : (this.opts.attempts ?? 4);
    const method = o.method ?? 'GET';
    try {
      return await retry(
        async () => {
          const headers: Record<string, string> = { ...o.headers };
          if (this.authorization) headers.authorization = this.authorization;
          const res = await this.fetchOnce(url, { method, headers, body: o.body, timeoutMs: o.timeoutMs });
          if (res.status === 429 || res.status >= 500) {
            await res.body?.cancel();
            const after = retryAfterMs(res.headers.get('retry-after'));
            throw new TransientHttpError(`${this.loc.host} answered ${res.status} ${res.statusText} for ${method} ${new URL(url).pathname}`, res.status, after);
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
          delayFor: (err) => (err instanceof TransientHttpError ? err.retryAfterMs : undefined),
        },
      );
    } catch (err) {
      if (err instanceof TransientHttpError) {
        const kind = err.status === undefined ? 'unreachable' : 'http';
        throw new RegistryError(kind, `${err.message}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`, err.status);
      }
      throw err;
    }
  }

  /** fetch with a timeout; network failures become TransientHttpError with a hint. */
  async fetchOnce(url: string, init: { method?: string; headers: Record<string, string>; body?: Uint8Array | undefined; timeoutMs?: number | undefined }): Promise<Response> {
    const ms = init.timeoutMs ?? this.opts.timeoutMs ?? 30_000;
    const timeout = AbortSignal.timeout(ms);
    const signal = this.opts.signal ? AbortSignal.any([this.opts.signal, timeout]) : timeout;
    try {
      return await this.fetchImpl(url, { method: init.method ?? 'GET', headers: init.headers, ...(init.body ? { body: init.body } : {}), signal, redirect: 'follow' });
    } catch (err) {
      if (this.opts.signal?.aborted) throw err;
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const why = timeout.aborted ? `no answer within ${ms} ms` : (cause?.code ?? cause?.message ?? (err as Error).message);
      const origin = new URL(url).origin;
      const hint =
        origin.startsWith('https:') && /EPROTO|ERR_SSL|WRONG_VERSION|ECONNRESET/i.test(String(why))
          ? `; if ${this.loc.host} serves plain HTTP, list it in ${RegistryEnv.InsecureRegistries}`
          : '';
      throw new TransientHttpError(`cannot reach ${origin}: ${why}${hint}`);
    }
  }

  async credentialSource(): Promise<CredentialSource> {
    if (this.creds) return this.creds;
    let source: CredentialSource;
    if (this.opts.credentials) {
      source = await this.opts.credentials();
    } else {
      const user = this.env[RegistryEnv.Username];
      const pass = this.env[RegistryEnv.Password];
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
    }
    if (source.credentials) {
      this.opts.onSecret?.(source.credentials.password);
      this.opts.onSecret?.(basic(source.credentials));
    }
    this.creds = source;
    return source;
  }

  private async authenticate(challenges: AuthChallenge[], needs: 'pull' | 'push'): Promise<void> {
    const src = await this.credentialSource();
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    if (bearer) {
      const asked = (bearer.params.scope ?? `repository:${this.loc.repository}:${needs === 'push' ? 'pull,push' : 'pull'}`).split(' ').filter((s) => s !== '');
      for (const s of asked) this.scopes.add(s);
      this.authorization = `Bearer ${await this.fetchToken(bearer, src, needs)}`;
      this.scheme = 'bearer';
      return;
    }
    if (challenges.some((c) => c.scheme === 'basic') || challenges.length === 0) {
      if (!src.credentials) throw await this.unauthorized(false, needs);
      this.authorization = `Basic ${basic(src.credentials)}`;
      this.scheme = 'basic';
      return;
    }
    throw new RegistryError('unauthorized', `${this.loc.host} asks for authentication by '${challenges.map((c) => c.scheme).join(', ')}', which this client does not speak (it speaks Basic and Bearer tokens)`, 401);
  }

  private async fetchToken(challenge: AuthChallenge, src: CredentialSource, needs: 'pull' | 'push'): Promise<string> {
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
    // The token spec sends several scopes as repeated parameters; we ask for every scope held so
    // far, so a token for a cross-repository mount still allows the pushes before it.
    for (const s of this.scopes) url.searchParams.append('scope', s);
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
      throw await this.unauthorized(src.credentials !== undefined, needs);
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
    return LOOPBACK.includes(bare) || listed.includes(h) || listed.includes(bare);
  }

  async unauthorized(hadCredentials: boolean, needs: 'pull' | 'push' = 'pull'): Promise<RegistryError> {
    const src = await this.credentialSource();
    if (hadCredentials && src.credentials) {
      return new RegistryError(
        'unauthorized',
        `${this.loc.host} refused the credentials of user '${src.credentials.username}' from ${src.from} (401): check the username and password (or token), and that they may ${needs} ${this.loc.repository}`,
        401,
      );
    }
    if (this.opts.credentials) {
      return new RegistryError('unauthorized', `${this.loc.host} needs credentials to ${needs} ${this.loc.repository} (401), and ${src.from} gave none`, 401);
    }
    const helper = src.helper ? ` (${src.configPath} names the credential helper '${src.helper}', which this action does not run)` : '';
    return new RegistryError(
      'unauthorized',
      `${this.loc.host} needs credentials to ${needs} ${this.loc.repository} (401)${helper}: set ${RegistryEnv.Username} and ${RegistryEnv.Password}, or log in first with docker/login-action (it writes ${src.configPath})`,
      401,
    );
  }

  /** Reads a body up to the limit; the Content-Length is checked first when the server sends one. */
  async readBody(res: Response, what: string): Promise<Uint8Array> {
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

export function basic(c: BasicCredentials): string {
  return Buffer.from(`${c.username}:${c.password}`).toString('base64');
}

/** Retry-After in seconds or as an HTTP date, capped at a minute; undefined when absent. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const secs = Number(header);
  const ms = Number.isFinite(secs) ? secs * 1000 : Date.parse(header) - now;
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return Math.min(ms, 60_000);
}

/** The first error code of a distribution-spec error body (`{"errors":[{"code":"MANIFEST_UNKNOWN"}]}`). */
export function errorCode(body: string): string | undefined {
  try {
    const code = (JSON.parse(body) as { errors?: Array<{ code?: unknown }> }).errors?.[0]?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

export async function readSmallText(res: Response): Promise<string> {
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
