/**
 * Streams a zip member's content: stored members by positional reads, deflated ones through
 * fflate's streaming inflater, so no member is ever held whole in memory. Every inflated byte is
 * charged to a budget shared by the whole scan (the zip-bomb bound).
 */
import { Inflate } from 'fflate';
import type { ByteSource } from '../byte-source';

/** Shared bound on decompressed bytes for one scan. */
export interface DecompressionBudget {
  left: number;
  readonly limit: number;
}

/** Raised when inflating would exceed the budget. */
export class BudgetExceeded extends Error {}
/** Raised when a compressed stream is corrupt. */
export class CorruptStream extends Error {}

const READ_CHUNK = 1 << 20;
const FIRST_READ = 4 * 1024;
const RATIO_LIMIT = 250;
const RATIO_FLOOR_BYTES = 64 * 1024 * 1024;

/**
 * Yields the member's bytes. `method` 0 (stored) or 8 (deflate); other methods are the
 * caller's to report. `length` is the compressed length to read from `offset`.
 */
export async function* memberChunks(
  src: ByteSource, offset: number, length: number, method: number, budget: DecompressionBudget, signal?: AbortSignal,
  onHighRatio?: (inflated: number, compressed: number) => void,
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
  let out: Uint8Array[] = [];
  let finished = false;
  let inflated = 0;
  let consumed = 0;
  let ratioReported = false;
  const inflater = new Inflate((data, final) => {
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
    if (final) finished = true;
  });
  for (let pos = offset; pos < end && !finished; ) {
    signal?.throwIfAborted();
    const buf = await src.read(pos, Math.min(READ_CHUNK >> 4, end - pos));
    if (buf.length === 0) break;
    pos += buf.length;
    consumed += buf.length;
    try {
      inflater.push(buf, pos >= end);
    } catch (e) {
      if (e instanceof BudgetExceeded) throw e;
      throw new CorruptStream(`corrupt deflate data: ${(e as Error).message}`);
    }
    if (out.length > 0) {
      const ready = out;
      out = [];
      for (const c of ready) yield c;
    }
  }
  if (!finished) throw new CorruptStream('deflate stream ends before its final block (truncated)');
}
