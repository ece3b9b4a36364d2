/**
 * Moves one blob from a source repository to a target repository without touching the disk: a
 * HEAD says whether the target has it already; on the same registry a cross-repository mount
 * asks it to link the blob it holds; otherwise the source's bytes stream through one chunk of
 * memory into a chunked upload (PATCH with Content-Range, then PUT ?digest=).
 *
 * Every byte is hashed on the way; the final PUT is only sent when the sha256 and size equal the
 * descriptor's, so a source serving other bytes than its digest names never lands. A chunk whose
 * PATCH fails (dropped connection, 5xx, 429) is resumed from the offset the registry reports for
 * the upload session; a session the registry lost restarts the blob from its first byte; a source
 * stream that breaks is reopened with a Range request at the offset reached.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Descriptor } from './manifest';
import { RegistryError, TransientHttpError } from './registry-error';
import { errorCode, type RegistrySession, readSmallText } from './registry-session';

/** 16 MiB: fewer round trips than the 5 MiB ECR minimum, little memory per blob in flight. */
export const DEFAULT_CHUNK_BYTES = 16 * 1024 * 1024;
/** A blob stream or chunk upload may take long; this bounds a stalled one. */
const TRANSFER_TIMEOUT_MS = 15 * 60_000;

export type BlobAction = 'copied' | 'mounted' | 'skipped';

export interface BlobOutcome {
  digest: string;
  size: number;
  mediaType: string;
  action: BlobAction;
  /** Bytes sent to the target (more than size when chunks were sent again). */
  bytesSent: number;
  /** Chunks resumed at the offset the registry reported after a failure. */
  resumes: number;
  /** Times the upload started again from byte 0 (the registry lost the session). */
  restarts: number;
  /** Times the source stream was reopened at an offset. */
  sourceReopens: number;
}

export interface BlobTransferOptions {
  mount: boolean;
  chunkBytes: number;
  /** Whole-blob attempts after failures that cannot be resumed; default 3. */
  attempts?: number;
  log?: (message: string) => void;
}

/** Thrown when a blob cannot be put on the target; names the blob and what happened. */
export class BlobTransferError extends RegistryError {
  constructor(
    kind: RegistryError['kind'],
    message: string,
    readonly digest: string,
    status?: number,
  ) {
    super(kind, message, status);
  }
}

export async function transferBlob(src: RegistrySession, dst: RegistrySession, d: Descriptor, opts: BlobTransferOptions): Promise<BlobOutcome> {
  const outcome: BlobOutcome = { digest: d.digest, size: d.size, mediaType: d.mediaType, action: 'skipped', bytesSent: 0, resumes: 0, restarts: 0, sourceReopens: 0 };
  if (!/^sha256:[0-9a-f]{64}$/.test(d.digest)) {
    throw new BlobTransferError('not-an-image', `blob ${d.digest} is not named by a sha256 digest, which is all this client verifies`, d.digest);
  }
  if (await blobExists(dst, d.digest)) return outcome;

  let uploadUrl: string | undefined;
  if (opts.mount && src.loc.host === dst.loc.host && src.loc.repository !== dst.loc.repository) {
    const url = `${dst.url('blobs/uploads/')}?mount=${encodeURIComponent(d.digest)}&from=${encodeURIComponent(src.loc.repository)}`;
    const res = await dst.send(url, { method: 'POST', needs: 'push', headers: { 'content-length': '0' } });
    if (res.status === 201) {
      await res.body?.cancel();
      const said = res.headers.get('docker-content-digest');
      if (said && said !== d.digest) throw new BlobTransferError('digest-mismatch', `blob ${d.digest}: the registry mounted ${said} instead`, d.digest);
      outcome.action = 'mounted';
      return outcome;
    }
    // 202: the registry would not mount (no access to the source, or mounting is off) and opened an
    // ordinary upload session instead, which we use.
    uploadUrl = await uploadLocation(dst, res, d.digest);
  }

  const attempts = opts.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      uploadUrl ??= await startUpload(dst, d.digest);
      await upload(src, dst, d, uploadUrl, opts, outcome);
      outcome.action = 'copied';
      return outcome;
    } catch (err) {
      if (!(err instanceof SessionLost) || attempt >= attempts) {
        if (err instanceof SessionLost) throw new BlobTransferError('http', `blob ${d.digest}: the upload failed ${attempts} times (${err.message})`, d.digest);
        throw err;
      }
      opts.log?.(`blob ${short(d.digest)}: ${err.message}; starting its upload again from byte 0 (attempt ${attempt + 1} of ${attempts})`);
      outcome.restarts++;
      uploadUrl = undefined;
    }
  }
}

/** The upload session is gone or unusable: the blob must start again. */
class SessionLost extends Error {}

async function blobExists(dst: RegistrySession, digest: string): Promise<boolean> {
  const res = await dst.send(dst.url(`blobs/${digest}`), { method: 'HEAD', needs: 'push' });
  await res.body?.cancel();
  if (res.status === 200) return true;
  if (res.status === 404) return false;
  if (res.status === 403) throw new BlobTransferError('denied', `${dst.loc.host} denied ${dst.who()} access to ${dst.loc.repository} (403): give these credentials push permission`, digest, 403);
  throw new BlobTransferError('http', `${dst.loc.host} answered ${res.status} to HEAD blob ${digest}`, digest, res.status);
}

async function startUpload(dst: RegistrySession, digest: string): Promise<string> {
  const res = await dst.send(dst.url('blobs/uploads/'), { method: 'POST', needs: 'push', headers: { 'content-length': '0' } });
  return uploadLocation(dst, res, digest);
}

async function uploadLocation(dst: RegistrySession, res: Response, digest: string): Promise<string> {
  if (res.status !== 202) {
    const body = await readSmallText(res);
    if (res.status === 403) throw new BlobTransferError('denied', `${dst.loc.host} denied ${dst.who()} to push to ${dst.loc.repository} (403): give these credentials push permission`, digest, 403);
    if (res.status === 404) throw new BlobTransferError('not-found', `${dst.loc.host} has no repository ${dst.loc.repository} to push to (404${errorCode(body) ? `, ${errorCode(body)}` : ''}): create it first`, digest, 404);
    throw new BlobTransferError('http', `${dst.loc.host} answered ${res.status} when starting the upload of blob ${digest}${errorCode(body) ? ` (${errorCode(body)})` : ''}`, digest, res.status);
  }
  await res.body?.cancel();
  const location = res.headers.get('location');
  if (!location) throw new BlobTransferError('http', `${dst.loc.host} opened an upload for blob ${digest} without a Location`, digest);
  return dst.resolve(location);
}

/** Streams the source blob into the upload session at `uploadUrl`, chunk by chunk. */
async function upload(src: RegistrySession, dst: RegistrySession, d: Descriptor, uploadUrl: string, opts: BlobTransferOptions, outcome: BlobOutcome): Promise<void> {
  const source = new SourceStream(src, d, opts, outcome);
  let location = uploadUrl;
  let offset = 0;
  try {
    for (;;) {
      const chunk = await source.next(opts.chunkBytes);
      const last = source.done;
      if (last) source.verify();
      // Send this chunk, resuming inside it when a try fails part-way.
      let sentFrom = 0;
      for (let tries = 1; ; tries++) {
        // The registry stored the whole chunk though its answer was lost: nothing to send again.
        if (sentFrom === chunk.byteLength && !last) break;
        const part = chunk.subarray(sentFrom);
        const start = offset + sentFrom;
        try {
          location = last ? await finish(dst, location, d.digest, part, start) : await patch(dst, location, part, start);
          outcome.bytesSent += part.byteLength;
          break;
        } catch (err) {
          if (!(err instanceof TransientHttpError) || tries >= 4) throw asSessionLost(err);
          const status = await uploadStatus(dst, location);
          if (status === 'exists') return; // the final PUT landed though its answer was lost
          if (status === undefined) throw new SessionLost(`the registry lost the upload session after: ${err.message}`);
          location = status.location;
          if (status.offset < offset || status.offset > offset + chunk.byteLength) {
            throw new SessionLost(`the registry reports ${status.offset} bytes uploaded where ${offset}..${offset + chunk.byteLength} was expected`);
          }
          sentFrom = status.offset - offset;
          outcome.resumes++;
          opts.log?.(`blob ${short(d.digest)}: ${err.message}; resuming at byte ${status.offset} of ${d.size}`);
        }
      }
      offset += chunk.byteLength;
      if (last) return;
    }
  } finally {
    await source.close();
  }
}

function asSessionLost(err: unknown): unknown {
  if (err instanceof TransientHttpError) return new SessionLost(err.message);
  return err;
}

async function patch(dst: RegistrySession, location: string, part: Uint8Array, start: number): Promise<string> {
  const res = await dst.send(location, {
    method: 'PATCH',
    needs: 'push',
    retry: false,
    timeoutMs: TRANSFER_TIMEOUT_MS,
    body: part,
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(part.byteLength), 'content-range': `${start}-${start + part.byteLength - 1}` },
  }).catch(rethrowTransient);
  if (res.status === 202) {
    await res.body?.cancel();
    const next = res.headers.get('location');
    return next ? dst.resolve(next) : location;
  }
  const body = await readSmallText(res);
  if (res.status === 404 || res.status === 416 || res.status === 400) throw new SessionLost(`PATCH answered ${res.status}${errorCode(body) ? ` (${errorCode(body)})` : ''}`);
  throw new TransientHttpError(`PATCH answered ${res.status}${errorCode(body) ? ` (${errorCode(body)})` : ''}`, res.status);
}

async function finish(dst: RegistrySession, location: string, digest: string, part: Uint8Array, start: number): Promise<string> {
  const url = new URL(location);
  url.searchParams.set('digest', digest);
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream', 'content-length': String(part.byteLength) };
  if (part.byteLength > 0 && start > 0) headers['content-range'] = `${start}-${start + part.byteLength - 1}`;
  const res = await dst
    .send(url.toString(), { method: 'PUT', needs: 'push', retry: false, timeoutMs: TRANSFER_TIMEOUT_MS, body: part, headers })
    .catch(rethrowTransient);
  if (res.status === 201) {
    await res.body?.cancel();
    const said = res.headers.get('docker-content-digest');
    if (said && said !== digest) throw new BlobTransferError('digest-mismatch', `blob ${digest}: the registry stored the upload as ${said}`, digest);
    return location;
  }
  const body = await readSmallText(res);
  const code = errorCode(body);
  if (code === 'DIGEST_INVALID' || code === 'SIZE_INVALID') {
    // We checked the bytes we sent; the registry holds others (a part of a dropped request): start again.
    throw new SessionLost(`the registry refused the finished upload (${code})`);
  }
  if (res.status === 404 || res.status === 416 || res.status === 400) throw new SessionLost(`PUT answered ${res.status}${code ? ` (${code})` : ''}`);
  throw new TransientHttpError(`PUT answered ${res.status}${code ? ` (${code})` : ''}`, res.status);
}

/** The session's committed size, from GET on its URL (Range: 0-<last byte>). */
async function uploadStatus(dst: RegistrySession, location: string): Promise<{ offset: number; location: string } | 'exists' | undefined> {
  let res: Response;
  try {
    res = await dst.send(location, { method: 'GET', needs: 'push' });
  } catch {
    return undefined;
  }
  await res.body?.cancel();
  if (res.status !== 204 && res.status !== 202) return undefined;
  const range = /^(?:bytes=)?0-(\d+)$/.exec(res.headers.get('range') ?? '');
  // distribution answers 0-0 both for nothing and for one byte; nothing is the safe reading (a
  // wrong guess ends in DIGEST_INVALID and a restart, never a bad blob).
  const offset = range ? (Number(range[1]) === 0 ? 0 : Number(range[1]) + 1) : 0;
  const next = res.headers.get('location');
  return { offset, location: next ? dst.resolve(next) : location };
}

function rethrowTransient(err: unknown): never {
  // A dropped connection surfaces as RegistryError('unreachable'); a 5xx/429 as 'http'. Both may
  // be resumed from the registry's view of the session.
  if (err instanceof RegistryError && (err.kind === 'unreachable' || (err.kind === 'http' && (err.status === undefined || err.status === 429 || err.status >= 500)))) {
    throw new TransientHttpError(err.message, err.status);
  }
  throw err;
}

function short(digest: string): string {
  return digest.slice(0, 19);
}

/**
 * The source blob as a sequence of chunks: reads exactly `n` bytes at a time (fewer at the end),
 * hashes them, and reopens the stream with a Range request if it breaks.
 */
class SourceStream {
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private pending: Uint8Array | undefined;
  private readonly hash: Hash = createHash('sha256');
  private read = 0;
  done = false;

  constructor(
    private readonly src: RegistrySession,
    private readonly d: Descriptor,
    private readonly opts: BlobTransferOptions,
    private readonly outcome: BlobOutcome,
  ) {}

  async next(n: number): Promise<Uint8Array> {
    const buf = Buffer.allocUnsafe(Math.min(n, Math.max(0, this.d.size - this.read)));
    let filled = 0;
    let reopens = 0;
    while (filled < buf.byteLength) {
      let value: Uint8Array | undefined;
      try {
        value = await this.take();
      } catch (err) {
        if (reopens >= 3 || err instanceof RegistryError) throw err;
        reopens++;
        this.outcome.sourceReopens++;
        this.opts.log?.(`blob ${short(this.d.digest)}: the source stream broke at byte ${this.read} (${(err as Error).message}); reopening it there`);
        await this.reopen();
        continue;
      }
      if (value === undefined) {
        throw new BlobTransferError('digest-mismatch', `blob ${this.d.digest}: the source sent ${this.read} bytes, its descriptor says ${this.d.size}; refusing to push a truncated blob`, this.d.digest);
      }
      const take = Math.min(value.byteLength, buf.byteLength - filled);
      buf.set(value.subarray(0, take), filled);
      if (take < value.byteLength) this.pending = value.subarray(take);
      filled += take;
      this.read += take;
      this.hash.update(value.subarray(0, take));
    }
    if (this.read === this.d.size) {
      // A source with more bytes than the descriptor says is as wrong as one with fewer.
      const extra = this.pending?.byteLength ? this.pending : await this.take().catch(() => undefined);
      if (extra && extra.byteLength > 0) {
        throw new BlobTransferError('digest-mismatch', `blob ${this.d.digest}: the source sent more than the ${this.d.size} bytes its descriptor says`, this.d.digest);
      }
      this.done = true;
    }
    return buf;
  }

  /** Throws a digest-mismatch naming the blob unless what was read hashes to its digest. */
  verify(): void {
    const got = `sha256:${this.hash.digest('hex')}`;
    if (got !== this.d.digest) {
      throw new BlobTransferError('digest-mismatch', `blob ${this.d.digest} (${this.d.mediaType}, ${this.d.size} bytes): the source's bytes hash to ${got}; nothing was committed on the target. The source registry (or something between) serves other content than the digest names`, this.d.digest);
    }
  }

  private async take(): Promise<Uint8Array | undefined> {
    if (this.pending) {
      const p = this.pending;
      this.pending = undefined;
      return p;
    }
    if (!this.reader) await this.open(0);
    const { done, value } = await this.reader!.read();
    return done ? undefined : value;
  }

  private async reopen(): Promise<void> {
    await this.reader?.cancel().catch(() => {});
    this.reader = undefined;
    this.pending = undefined;
    await this.open(this.read);
  }

  private async open(at: number): Promise<void> {
    const headers: Record<string, string> = at > 0 ? { range: `bytes=${at}-` } : {};
    const res = await this.src.send(this.src.url(`blobs/${this.d.digest}`), { headers, timeoutMs: TRANSFER_TIMEOUT_MS });
    if (res.status !== 200 && res.status !== 206) {
      const body = await readSmallText(res);
      if (res.status === 404) throw new BlobTransferError('not-found', `blob ${this.d.digest}: the source ${this.src.loc.host}/${this.src.loc.repository} does not have it though a manifest names it (BLOB_UNKNOWN); the source image is incomplete`, this.d.digest, 404);
      if (res.status === 401 || res.status === 403) throw new BlobTransferError('denied', `blob ${this.d.digest}: ${this.src.loc.host} denied ${this.src.who()} to pull it (${res.status})`, this.d.digest, res.status);
      throw new BlobTransferError('http', `blob ${this.d.digest}: the source answered ${res.status}${errorCode(body) ? ` (${errorCode(body)})` : ''}`, this.d.digest, res.status);
    }
    if (!res.body) throw new BlobTransferError('http', `blob ${this.d.digest}: the source answered without a body`, this.d.digest);
    const reader = res.body.getReader();
    if (at > 0 && res.status === 200) {
      // The source ignored the Range: skip what we have already.
      let skip = at;
      while (skip > 0) {
        const { done, value } = await reader.read();
        if (done) throw new TransientHttpError(`the source stream ended at ${at - skip} while skipping to ${at}`);
        if (value.byteLength > skip) {
          this.pending = value.subarray(skip);
          skip = 0;
        } else skip -= value.byteLength;
      }
    }
    this.reader = reader;
  }

  async close(): Promise<void> {
    await this.reader?.cancel().catch(() => {});
  }
}
