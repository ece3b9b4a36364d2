/**
 * A small, runner-free client for the read side of the OCI distribution API: resolve a reference,
 * fetch its manifest (choosing one image of an index), fetch the config blob, and return the image's
 * labels. Every byte read is checked against the digest that names it, and bodies are size-capped
 * so a hostile registry cannot exhaust memory. Only Node's fetch is used.
 */
import { createHash } from 'node:crypto';
import { RegistryEnv } from './environment';
import { chooseImageManifest, type Descriptor, MANIFEST_ACCEPT, parseManifest } from './manifest';
import { formatImageReference, type ImageReference, isImageReference, parseImageReference } from './reference';
import { RegistryError } from './registry-error';
import { errorCode, type RegistryClientOptions, RegistrySession, readSmallText } from './registry-session';

export { DEFAULT_MAX_BODY_BYTES, type RegistryClientOptions } from './registry-session';

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

/** Reads the labels of an image's config; see the module comment for the checks made. */
export async function readImageLabels(reference: string, opts: RegistryClientOptions = {}): Promise<ImageConfigLabels> {
  const parsed = parseImageReference(reference);
  if (!isImageReference(parsed)) throw new RegistryError('bad-reference', `'${reference}' is not an image reference: ${parsed.error}`);
  return new RegistryReader(parsed, opts).read(reference);
}

class RegistryReader {
  private readonly session: RegistrySession;

  constructor(
    private readonly ref: ImageReference,
    private readonly opts: RegistryClientOptions,
  ) {
    this.session = new RegistrySession(ref, opts);
  }

  private get loc() {
    return this.session.loc;
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
    if (expectedSize !== undefined && expectedSize > this.session.maxBytes) {
      throw new RegistryError('too-large', `the manifest ${tagOrDigest} is ${expectedSize} bytes, over the ${this.session.maxBytes}-byte limit`);
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
    if (d.size > this.session.maxBytes) throw new RegistryError('too-large', `${this.display()}: the config blob is ${d.size} bytes, over the ${this.session.maxBytes}-byte limit`);
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
    const res = await this.session.send(url, accept ? { headers: { accept } } : {});
    if (res.ok) return res;
    const body = await readSmallText(res);
    if (res.status === 404) throw onNotFound()(body);
    if (res.status === 403) {
      throw new RegistryError('denied', `${this.loc.host} denied ${this.session.who()} to pull ${this.loc.repository} (403): give these credentials pull permission, or set others in ${RegistryEnv.Username}/${RegistryEnv.Password}`, 403);
    }
    throw new RegistryError('http', `${this.loc.host} answered ${res.status} ${res.statusText} for ${new URL(url).pathname}${errorCode(body) ? ` (${errorCode(body)})` : ''}`, res.status);
  }

  private readBody(res: Response, what: string): Promise<Uint8Array> {
    return this.session.readBody(res, what);
  }
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

