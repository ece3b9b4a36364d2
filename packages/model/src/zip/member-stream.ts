/**
 * Streams a zip member's content: stored members by positional reads, compressed ones (deflate,
 * bz2, lzma, zstd, xz) through the push decoders of `compression/stream-decoders`, so no member is
 * ever held whole in memory. Every decompressed byte is charged to a budget shared by the whole
 * scan (the zip-bomb bound).
 */
import type { ByteSource } from '../byte-source';
import { CorruptData, createDecoder, type DecodableKind, UnreadableData } from '../compression/stream-decoders';

/** Shared bound on decompressed bytes for one scan. */
export interface DecompressionBudget {
  left: number;
  readonly limit: number;
}

/** Raised when inflating would exceed the budget. */
export class BudgetExceeded extends Error {}
/** Raised when a compressed stream is corrupt. */
export class CorruptStream extends Error {}
/** Raised when a valid compressed stream needs more memory than the scanner allows (not read). */
export class UnreadableStream extends Error {}

const READ_CHUNK = 1 << 20;
const FIRST_READ = 4 * 1024;
const RATIO_LIMIT = 250;
const RATIO_FLOOR_BYTES = 64 * 1024 * 1024;

/** Zip compression methods this reader decompresses, by what Python's zipfile calls them. */
export const ZIP_METHODS: Record<number, DecodableKind> = { 8: 'deflate', 12: 'bz2', 14: 'lzma', 93: 'zstd', 95: 'xz' };

/**
 * Yields the member's bytes. `method` 0 (stored) or one of {@link ZIP_METHODS}; other methods are
 * the caller's to report. `length` is the compressed length to read from `offset`.
 * `lzmaSize` (method 14 only): the uncompressed size, or -1 when the member ends with an end
 * marker (general purpose flag bit 1), as zipfile's LZMA decompressor needs neither.
 */
export async function* memberChunks(
  src: ByteSource, offset: number, length: number, method: number, budget: DecompressionBudget, signal?: AbortSignal,
  onHighRatio?: (inflated: number, compressed: number) => void, lzmaSize = -1,
): AsyncGenerator<Uint8Array> {
  const end = Math.min(src.size, offset + length);
  if (method === 0) {
    // The first read is small: most members (tensor storages) are only sniffed for their format.
    for (let pos = offset, want = FIRST_READ; pos < end; want = READ_CHUNK) {
      signal?.throwIfAborted();
      const buf = await src.read(pos, Math.min(want, end - pos));
      if (buf.length === 0) return;
      pos += buf.length;
      yield buf;
    }
    return;
  }
  const kind = ZIP_METHODS[method];
  if (kind === undefined) throw new CorruptStream(`compression method ${method} is not supported`);
  let out: Uint8Array[] = [];
  let inflated = 0;
  let consumed = 0;
  let ratioReported = false;
  const decoder = createDecoder(kind, (data) => {
    budget.left -= data.length;
    inflated += data.length;
    // Real model members rarely inflate past 250:1; bombs sit near deflate's 1032:1 ceiling.
    // The budget is the hard stop; this names the shape of the problem early.
    if (!ratioReported && inflated > RATIO_FLOOR_BYTES && inflated > RATIO_LIMIT * Math.max(consumed, 1)) {
      ratioReported = true;
      onHighRatio?.(inflated, consumed);
    }
    if (budget.left < 0) throw new BudgetExceeded(`decompressed data exceeds the ${budget.limit}-byte bound`);
    if (data.length > 0) out.push(data);
  });
  let pos = offset;
  if (kind === 'lzma') {
    // zipfile's LZMA members: version (2 bytes), properties size (2), properties (5), raw LZMA.
    // The 13-byte header of the legacy .lzma format (properties, then the size) makes them a
    // stream liblzma's decoder reads.
    const hdr = await src.read(pos, Math.min(9, end - pos));
    const propSize = hdr.length >= 4 ? (hdr[2] as number) | ((hdr[3] as number) << 8) : 0;
    if (hdr.length < 9 || propSize !== 5) throw new CorruptStream('zip LZMA member header is invalid');
    const alone = new Uint8Array(13);
    alone.set(hdr.subarray(4, 9), 0);
    const size = new DataView(alone.buffer);
    if (lzmaSize < 0) for (let i = 5; i < 13; i++) alone[i] = 0xff;
    else size.setBigUint64(5, BigInt(lzmaSize), true);
    pos += 4 + propSize;
    push(alone, false);
  }
  function push(buf: Uint8Array, final: boolean): void {
    try {
      decoder.push(buf, final);
    } catch (e) {
      if (e instanceof CorruptData) throw new CorruptStream(e.message);
      if (e instanceof UnreadableData) throw new UnreadableStream(e.message);
      throw e;
    }
  }
  while (pos < end && !decoder.ended) {
    signal?.throwIfAborted();
    const buf = await src.read(pos, Math.min(READ_CHUNK >> 4, end - pos));
    if (buf.length === 0) break;
    pos += buf.length;
    consumed += buf.length;
    push(buf, pos >= end);
    if (out.length > 0) {
      const ready = out;
      out = [];
      for (const c of ready) yield c;
    }
  }
  if (pos < end && !decoder.ended) push(new Uint8Array(0), true);
  if (out.length > 0) yield* out;
  if (kind === 'deflate' && !decoder.ended) throw new CorruptStream('deflate stream ends before its final block (truncated)');
}
