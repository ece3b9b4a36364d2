/**
 * Copies an image by digest from one repository to another, registry to registry, as bytes in
 * flight only: every blob the manifests name (config and layers of each image, every image of an
 * index, attestations included), then the manifests bottom-up with their exact bytes, then the
 * tags. Nothing points at the copy until all its blobs are on the target, so a failure part-way
 * leaves no partial image behind a tag, and a run again skips what is already there.
 *
 * Afterwards the target is asked for the digest of the manifest and of every tag; the copy counts
 * only if each equals the source's digest.
 */
import { type BlobOutcome, BlobTransferError, DEFAULT_CHUNK_BYTES, transferBlob } from './blob-transfer';
import { type Descriptor, MANIFEST_ACCEPT, MediaType } from './manifest';
import { type ImageReference, isImageReference, parseImageReference } from './reference';
import { RegistryError } from './registry-error';
import { errorCode, type RegistryClientOptions, RegistrySession, readSmallText } from './registry-session';
import { sha256Digest } from './registry-client';

export interface CopyImageOptions {
  /** Credentials, env, retries for the source registry. */
  source?: RegistryClientOptions;
  /** Credentials, env, retries for the target registry. */
  target?: RegistryClientOptions;
  /** Tags to point at the copied digest on the target. */
  tags?: string[];
  /** Ask the target to mount blobs from the source repository when both are on one registry; default true. */
  mount?: boolean;
  chunkBytes?: number;
  /** Blobs in flight at once; default 3. */
  concurrency?: number;
  log?: (message: string) => void;
  /**
   * Called with the source's digest after its manifests are read and before anything is written
   * to the target: a last check (an immutable tag naming another image) may throw to stop the copy.
   */
  beforeWrite?: (digest: string) => Promise<void>;
}

export interface ManifestOutcome {
  digest: string;
  mediaType: string;
  size: number;
  /** `linux/amd64` for an index entry. */
  platform?: string;
  action: 'pushed' | 'skipped';
}

export interface CopyReport {
  source: string;
  /** The target repository with the digest: `host/repo@sha256:...`. */
  target: string;
  digest: string;
  mediaType: string;
  tags: string[];
  /** Tags that were written (the others named the digest already). */
  tagsWritten: string[];
  manifests: ManifestOutcome[];
  blobs: BlobOutcome[];
  totals: { copied: number; mounted: number; skipped: number; bytesCopied: number; bytesMounted: number; bytesSkipped: number; bytesSent: number; resumes: number; restarts: number };
  /** What the target answered for the digest and for each tag, after the push. */
  verified: Array<{ reference: string; digest: string }>;
}

/** A copy that stopped part-way: what was done before, and which blob or manifest failed. */
export class CopyImageError extends RegistryError {
  constructor(
    err: RegistryError,
    readonly partial: Omit<CopyReport, 'verified'>,
    readonly failedDigest?: string,
  ) {
    super(err.kind, err.message, err.status);
  }
}

interface RawManifest {
  mediaType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
  manifests?: Descriptor[];
}

interface FetchedManifest {
  digest: string;
  mediaType: string;
  bytes: Uint8Array;
  doc: RawManifest;
}

export async function copyImage(sourceRef: string, targetRef: string, opts: CopyImageOptions = {}): Promise<CopyReport> {
  const source = parse(sourceRef, 'source');
  const target = parse(targetRef, 'target');
  const log = opts.log ?? (() => {});
  const src = new RegistrySession(source, { ...opts.source, log: opts.source?.log ?? log });
  const dst = new RegistrySession(target, { ...opts.target, log: opts.target?.log ?? log });
  const tags = [...new Set([...(opts.tags ?? []), ...(target.tag ? [target.tag] : [])])];
  const blobs = new Map<string, Promise<BlobOutcome>>();
  const done: BlobOutcome[] = [];
  const manifests: ManifestOutcome[] = [];
  const tagsWritten: string[] = [];

  const top = await getManifest(src, source.digest ?? source.tag ?? 'latest', source.digest);
  const partial = (): Omit<CopyReport, 'verified'> => ({
    source: sourceRef,
    target: `${dst.loc.host}/${dst.loc.repository}@${top.digest}`,
    digest: top.digest,
    mediaType: top.mediaType,
    tags,
    tagsWritten,
    manifests,
    blobs: done,
    totals: totals(done),
  });
  if (target.digest && target.digest !== top.digest) {
    throw new RegistryError('digest-mismatch', `the target reference pins ${target.digest}, but the source ${sourceRef} is ${top.digest}; leave the digest off the target, or fix it`);
  }
  log(`${sourceRef} is ${top.digest} (${top.mediaType})`);

  const limit = pool(opts.concurrency ?? 3);
  const copyBlob = (d: Descriptor): Promise<BlobOutcome> => {
    let p = blobs.get(d.digest);
    if (!p) {
      p = limit(() => transferBlob(src, dst, d, { mount: opts.mount ?? true, chunkBytes: opts.chunkBytes ?? DEFAULT_CHUNK_BYTES, log })).then((o) => {
        done.push(o);
        log(`blob ${d.digest} (${d.size} bytes): ${o.action}${o.resumes ? `, ${o.resumes} resumed` : ''}${o.restarts ? `, ${o.restarts} restarted` : ''}`);
        return o;
      });
      blobs.set(d.digest, p);
    }
    return p;
  };

  try {
    const children: Array<{ m: FetchedManifest; platform?: string }> = [];
    if (top.doc.manifests) {
      for (const entry of top.doc.manifests) {
        const m = await getManifest(src, entry.digest, entry.digest);
        if (m.doc.manifests) throw new RegistryError('not-an-image', `${sourceRef}: the index entry ${entry.digest} is itself an index; nested indexes are not copied`);
        const p = entry.platform ? `${entry.platform.os ?? '?'}/${entry.platform.architecture ?? '?'}${entry.platform.variant ? `/${entry.platform.variant}` : ''}` : undefined;
        children.push(p ? { m, platform: p } : { m });
      }
    }
    const images = top.doc.manifests ? children : [{ m: top }];
    await opts.beforeWrite?.(top.digest);
    // Every blob first: all settled, so a failure reports everything that did land.
    const all = images.flatMap(({ m }) => [...(m.doc.config ? [m.doc.config] : []), ...(m.doc.layers ?? [])]);
    const settled = await Promise.allSettled(all.map((d) => copyBlob(d)));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    for (const { m, platform } of images.filter((i) => i.m !== top)) manifests.push(await putManifest(dst, m, m.digest, platform));
    manifests.push(await putManifest(dst, top, top.digest));
    for (const tag of tags) {
      const t = await putManifest(dst, top, tag);
      if (t.action === 'pushed') tagsWritten.push(tag);
    }
  } catch (err) {
    if (err instanceof RegistryError) {
      const failedDigest = err instanceof BlobTransferError ? err.digest : undefined;
      const landed = done.length;
      const total = blobs.size;
      const note = failedDigest
        ? ` (${landed} of ${total} blobs are on the target; no manifest or tag was written, so nothing points at a partial image: run again to resume, blobs already there are skipped)`
        : '';
      throw new CopyImageError(new RegistryError(err.kind, `${err.message}${note}`, err.status), partial(), failedDigest);
    }
    throw err;
  }

  // What the target now says, by digest and by each tag.
  const verified: CopyReport['verified'] = [];
  for (const ref of [top.digest, ...tags]) {
    const said = await headManifest(dst, ref);
    if (said !== top.digest) {
      throw new CopyImageError(
        new RegistryError('digest-mismatch', `after the push, ${dst.loc.host}/${dst.loc.repository}${ref.startsWith('sha256:') ? '@' : ':'}${ref} is ${said ?? 'missing'}, not the source's ${top.digest}`),
        partial(),
        top.digest,
      );
    }
    verified.push({ reference: `${dst.loc.host}/${dst.loc.repository}${ref.startsWith('sha256:') ? '@' : ':'}${ref}`, digest: said });
  }
  return { ...partial(), verified };
}

function parse(text: string, which: string): ImageReference {
  const ref = parseImageReference(text);
  if (!isImageReference(ref)) throw new RegistryError('bad-reference', `the ${which} '${text}' is not an image reference: ${ref.error}`);
  return ref;
}

function totals(blobs: BlobOutcome[]): CopyReport['totals'] {
  const t = { copied: 0, mounted: 0, skipped: 0, bytesCopied: 0, bytesMounted: 0, bytesSkipped: 0, bytesSent: 0, resumes: 0, restarts: 0 };
  for (const b of blobs) {
    t[b.action]++;
    if (b.action === 'copied') t.bytesCopied += b.size;
    if (b.action === 'mounted') t.bytesMounted += b.size;
    if (b.action === 'skipped') t.bytesSkipped += b.size;
    t.bytesSent += b.bytesSent;
    t.resumes += b.resumes;
    t.restarts += b.restarts;
  }
  return t;
}

async function getManifest(s: RegistrySession, ref: string, expected: string | undefined): Promise<FetchedManifest> {
  const res = await s.send(s.url(`manifests/${ref}`), { headers: { accept: `${MANIFEST_ACCEPT}, ${MediaType.OciManifest}` } });
  if (!res.ok) {
    const body = await readSmallText(res);
    if (res.status === 404) throw new RegistryError('not-found', `the source ${s.loc.host}/${s.loc.repository} has no manifest ${ref}${errorCode(body) ? ` (${errorCode(body)})` : ''}: check the tag or digest`, 404);
    if (res.status === 403) throw new RegistryError('denied', `${s.loc.host} denied ${s.who()} to pull ${s.loc.repository} (403)`, 403);
    throw new RegistryError('http', `${s.loc.host} answered ${res.status} for manifest ${ref}`, res.status);
  }
  const bytes = await s.readBody(res, `the manifest ${ref} of ${s.loc.host}/${s.loc.repository}`);
  const digest = sha256Digest(bytes);
  if (expected && digest !== expected) {
    throw new RegistryError('digest-mismatch', `the source manifest ${expected} hashes to ${digest}; the source registry (or something between) serves other content than the digest names`);
  }
  const header = res.headers.get('docker-content-digest');
  if (!expected && header?.startsWith('sha256:') && header !== digest) {
    throw new RegistryError('digest-mismatch', `the source says ${ref} is ${header} but its bytes hash to ${digest}`);
  }
  let doc: RawManifest;
  try {
    doc = JSON.parse(Buffer.from(bytes).toString('utf8')) as RawManifest;
  } catch {
    throw new RegistryError('not-an-image', `the source manifest ${ref} is not JSON`);
  }
  const mediaType = doc.mediaType ?? res.headers.get('content-type')?.split(';')[0]?.trim() ?? (doc.manifests ? MediaType.OciIndex : MediaType.OciManifest);
  if (!doc.manifests && !doc.config) throw new RegistryError('not-an-image', `the source manifest ${ref} (${mediaType}) has neither a config nor manifests`);
  return { digest, mediaType, bytes, doc };
}

async function headManifest(s: RegistrySession, ref: string): Promise<string | undefined> {
  const res = await s.send(s.url(`manifests/${ref}`), { method: 'HEAD', needs: 'push', headers: { accept: MANIFEST_ACCEPT } });
  await res.body?.cancel();
  if (res.status === 404) return undefined;
  if (!res.ok) throw new RegistryError('http', `${s.loc.host} answered ${res.status} to HEAD manifest ${ref}`, res.status);
  const said = res.headers.get('docker-content-digest');
  if (said) return said;
  // Without the header, read the bytes and hash them.
  const get = await s.send(s.url(`manifests/${ref}`), { needs: 'push', headers: { accept: MANIFEST_ACCEPT } });
  return sha256Digest(await s.readBody(get, `the manifest ${ref}`));
}

async function putManifest(s: RegistrySession, m: FetchedManifest, ref: string, platform?: string): Promise<ManifestOutcome> {
  const out: ManifestOutcome = { digest: m.digest, mediaType: m.mediaType, size: m.bytes.byteLength, action: 'skipped' };
  if (platform) out.platform = platform;
  // Already there (a run again, or an immutable tag that names this image): nothing to write.
  if ((await headManifest(s, ref)) === m.digest) return out;
  const res = await s.send(s.url(`manifests/${ref}`), { method: 'PUT', needs: 'push', body: m.bytes, headers: { 'content-type': m.mediaType } });
  if (res.status !== 201 && res.status !== 200) {
    const body = await readSmallText(res);
    const code = errorCode(body);
    if (res.status === 403) throw new RegistryError('denied', `${s.loc.host} denied ${s.who()} to push manifest ${ref} to ${s.loc.repository} (403)`, 403);
    if (code === 'TAG_INVALID' || /immutable/i.test(body)) {
      throw new RegistryError('denied', `${s.loc.host}/${s.loc.repository}: the tag '${ref}' exists and the repository's tags are immutable (${code ?? res.status}); choose another tag`, res.status);
    }
    throw new RegistryError('http', `${s.loc.host} refused manifest ${m.digest} as ${ref} (${res.status}${code ? `, ${code}` : ''})`, res.status);
  }
  await res.body?.cancel();
  const said = res.headers.get('docker-content-digest');
  if (said && said !== m.digest) {
    throw new RegistryError('digest-mismatch', `${s.loc.host} stored manifest ${m.digest} as ${said} (it rewrote the manifest); the image's digest would change, so this registry cannot hold a promoted copy`);
  }
  out.action = 'pushed';
  return out;
}

/** At most n tasks at once. */
function pool(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: Array<() => void> = [];
  return (task) =>
    new Promise((resolve, reject) => {
      const run = () => {
        active++;
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            queue.shift()?.();
          });
      };
      if (active < n) run();
      else queue.push(run);
    });
}

