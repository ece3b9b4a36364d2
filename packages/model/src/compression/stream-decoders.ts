/**
 * Push-style decompressors for every stream a model loader decompresses before unpickling:
 * zlib/gzip/raw deflate (fflate), bz2 (unbzip2-stream), xz and legacy .lzma (liblzma built to
 * WebAssembly, from node-liblzma) and zstd (fzstd). Each takes chunks as they are read and hands
 * decompressed chunks to `ondata` synchronously, so nothing is held whole in memory: the caller
 * charges every output byte to the scan's decompression budget (a throw from `ondata` stops the
 * decoder). See packages/model/README.md for why each library was chosen.
 */
import { Gunzip, Inflate, Unzlib } from 'fflate';
import { Decompress as ZstdDecompress } from 'fzstd';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { initModule } from 'node-liblzma/wasm';
import createLZMA from 'node-liblzma/wasm/liblzma.js';
import unbzip2Stream from 'unbzip2-stream';

/** Stream kinds recognised from magic bytes. */
export type Compression = 'zlib' | 'gzip' | 'bz2' | 'xz' | 'lzma' | 'zstd' | 'lz4';
/** The kinds {@link createDecoder} reads (plus `deflate`, raw deflate inside zips). */
export type DecodableKind = Compression | 'deflate';

export function isDecodable(kind: string): kind is DecodableKind {
  return kind === 'zlib' || kind === 'gzip' || kind === 'bz2' || kind === 'xz' || kind === 'lzma' || kind === 'zstd' || kind === 'lz4' || kind === 'deflate';
}

/** The stream is corrupt or truncated: what a loader would also fail to read. */
export class CorruptData extends Error {}
/** The stream is valid but needs more than this scanner allows (a window or dictionary too large to read within bounds). */
export class UnreadableData extends Error {}

export interface StreamDecoder {
  /** Feeds compressed bytes; `final` on the last call (an empty chunk is fine). */
  push(chunk: Uint8Array, final: boolean): void;
  /** The stream's end was decoded (raw deflate only: it has no other way to know where it ends). */
  readonly ended?: boolean;
}

/**
 * liblzma's decoder memory limit. xz -9 (64 MiB dictionary) needs about 65 MiB; Python's
 * lzma presets 0-9 all fit. A stream asking for more is refused, not read.
 */
export const LZMA_MEMLIMIT = 96 * 1024 * 1024;
/** Largest zstd window read (zstd's own default decoder limit, windowLogMax 27). */
export const ZSTD_MAX_WINDOW = 128 * 1024 * 1024;

interface LzmaModule {
  HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(ptr: number): void;
  _lzma_auto_decoder(strm: number, memlimit: bigint, flags: number): number;
  _lzma_code(strm: number, action: number): number;
  _lzma_end(strm: number): void;
}

let lzma: LzmaModule | null = null;
let lzmaLoading: Promise<void> | null = null;

/**
 * Loads the liblzma WebAssembly module (once; about 100 KiB, a few milliseconds). Call before a
 * scan: {@link createDecoder} is synchronous and needs it loaded for `xz` and `lzma`.
 */
export function decodersReady(): Promise<void> {
  if (lzma) return Promise.resolve();
  if (!lzmaLoading) {
    lzmaLoading = initModule(async () => {
      const wasmBinary = await readLiblzmaWasm();
      // No locateFile: the glue then compares its own (bundler-rewritten) wasm path with itself and
      // takes the bytes given instead of fetching that path (its build targets browsers).
      return createLZMA({ wasmBinary });
    }).then((m) => {
      lzma = m as unknown as LzmaModule;
    });
    lzmaLoading.catch(() => {
      lzmaLoading = null;
    });
  }
  return lzmaLoading;
}

/**
 * The liblzma WebAssembly binary. Bundled (dist/), ncc has copied it beside the bundle from the
 * Emscripten glue's own `new URL('liblzma.wasm', import.meta.url)`; unbundled, it is in the
 * package. The names are built at run time so the bundler does not emit (and re-encode) a second
 * copy.
 */
async function readLiblzmaWasm(): Promise<Uint8Array> {
  const file = ['liblzma', 'wasm'].join('.');
  const candidates = [fileURLToPath(new URL(`./${file}`, import.meta.url))];
  try {
    candidates.push(createRequire(import.meta.url).resolve(['node-liblzma', 'wasm', file].join('/')));
  } catch {
    // not resolvable from here: bundled
  }
  for (const path of candidates) {
    try {
      const bytes = await readFile(path);
      // The WebAssembly magic, so a stray file of that name is not taken for it.
      if (bytes[0] === 0x00 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d) return bytes;
    } catch {
      // try the next place
    }
  }
  throw new Error(`liblzma.wasm not found (looked in ${candidates.join(', ')})`);
}

/** Creates a decoder for `kind`. Errors surface as {@link CorruptData} or {@link UnreadableData}; anything `ondata` throws passes through. */
export function createDecoder(kind: DecodableKind, ondata: (data: Uint8Array) => void): StreamDecoder {
  switch (kind) {
    case 'zlib':
    case 'gzip':
    case 'deflate':
      return new FflateDecoder(kind, ondata);
    case 'bz2':
      return new Bz2Decoder(ondata);
    case 'xz':
    case 'lzma':
      return new LiblzmaDecoder(ondata);
    case 'zstd':
      return new ZstdDecoder(ondata);
    case 'lz4':
      return new Lz4FrameDecoder(ondata);
  }
}

/** Errors thrown by `ondata` (the budget) are the caller's; only the library's own errors are rewrapped. */
class Passthrough {
  thrown: unknown = null;
  wrap(ondata: (d: Uint8Array) => void): (d: Uint8Array) => void {
    return (d) => {
      try {
        ondata(d);
      } catch (e) {
        this.thrown = e;
        throw e;
      }
    };
  }
  rethrow(e: unknown, label: string): never {
    if (this.thrown !== null && e === this.thrown) throw e;
    if (e instanceof CorruptData || e instanceof UnreadableData) throw e;
    throw new CorruptData(`corrupt ${label} data: ${(e as Error)?.message ?? String(e)}`);
  }
}

class FflateDecoder implements StreamDecoder {
  private readonly d: Unzlib | Gunzip | Inflate;
  private readonly pass = new Passthrough();
  ended = false;

  constructor(private readonly kind: 'zlib' | 'gzip' | 'deflate', ondata: (d: Uint8Array) => void) {
    const cb = this.pass.wrap(ondata);
    const handler = (data: Uint8Array, final: boolean): void => {
      if (final) this.ended = true;
      if (data.length > 0) cb(data);
    };
    this.d = kind === 'zlib' ? new Unzlib(handler) : kind === 'gzip' ? new Gunzip(handler) : new Inflate(handler);
  }

  push(chunk: Uint8Array, final: boolean): void {
    try {
      this.d.push(chunk, final);
    } catch (e) {
      this.pass.rethrow(e, this.kind);
    }
    if (final && !this.ended && this.kind === 'deflate') throw new CorruptData('deflate stream ends before its final block (truncated)');
  }
}

interface ThroughStream {
  on(ev: 'data', cb: (d: Buffer | null) => void): void;
  on(ev: 'error', cb: (e: Error) => void): void;
  write(d: Uint8Array): boolean;
  end(): void;
}

/**
 * unbzip2-stream's through-stream is synchronous: `write` decodes every complete block it holds
 * (it buffers at most one block, 900 KB, before decoding) and emits the output before returning.
 */
class Bz2Decoder implements StreamDecoder {
  private readonly s: ThroughStream;
  private error: Error | null = null;
  private readonly pass = new Passthrough();

  constructor(ondata: (d: Uint8Array) => void) {
    const cb = this.pass.wrap(ondata);
    this.s = unbzip2Stream() as unknown as ThroughStream;
    this.s.on('data', (d) => {
      if (d && d.length > 0) cb(new Uint8Array(d.buffer, d.byteOffset, d.length));
    });
    this.s.on('error', (e) => {
      this.error ??= e;
    });
  }

  push(chunk: Uint8Array, final: boolean): void {
    try {
      if (chunk.length > 0) this.s.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
      if (final) this.s.end();
    } catch (e) {
      this.pass.rethrow(e, 'bz2');
    }
    if (this.error) {
      // An error our own callback threw (the decompression budget, an abort) comes back through the
      // stream's 'error' event: it is not corrupt data and keeps its own class.
      if (this.pass.thrown !== null && this.error === this.pass.thrown) throw this.error;
      throw new CorruptData(`corrupt bz2 data: ${this.error.message}`);
    }
  }
}

const LZMA_OK = 0;
const LZMA_STREAM_END = 1;
const LZMA_RUN = 0;
const LZMA_FINISH = 3;
const LZMA_CONCATENATED = 0x08;
const LZMA_MEMLIMIT_ERROR = 6;
const LZMA_ERRORS: Record<number, string> = {
  5: 'memory allocation failed',
  6: `the stream needs more than ${LZMA_MEMLIMIT} bytes of decoder memory`,
  7: 'not an xz or lzma stream',
  8: 'unsupported options',
  9: 'corrupt data',
  10: 'the stream is truncated',
  11: 'internal error',
};
/** lzma_stream layout in the 32-bit WebAssembly build. */
const STRM = { nextIn: 0, availIn: 4, nextOut: 16, availOut: 20, size: 96 };
const IO_BUF = 64 * 1024;

/**
 * liblzma's auto decoder: `.xz` (several concatenated streams, as xz and Python write) and the
 * legacy `.lzma` format (`lzma.FORMAT_ALONE`, what `joblib.dump(compress='lzma')` writes). Like
 * Python's LZMAFile, a new stream right after the end of one is decoded and appended.
 */
class LiblzmaDecoder implements StreamDecoder {
  private readonly m: LzmaModule;
  private strm = 0;
  private readonly inPtr: number;
  private readonly outPtr: number;
  private streamEnded = false;
  private closed = false;

  constructor(private readonly ondata: (d: Uint8Array) => void) {
    if (!lzma) throw new Error('decodersReady() must resolve before an xz/lzma decoder is created');
    this.m = lzma;
    this.inPtr = this.m._malloc(IO_BUF);
    this.outPtr = this.m._malloc(IO_BUF);
    this.start();
  }

  private start(): void {
    const m = this.m;
    if (this.strm === 0) this.strm = m._malloc(STRM.size);
    else m._lzma_end(this.strm);
    m.HEAPU8.fill(0, this.strm, this.strm + STRM.size);
    const ret = m._lzma_auto_decoder(this.strm, BigInt(LZMA_MEMLIMIT), LZMA_CONCATENATED);
    if (ret !== LZMA_OK) this.fail(ret);
    this.streamEnded = false;
  }

  private u32(off: number): number {
    const h = this.m.HEAPU8;
    const p = this.strm + off;
    return ((h[p] as number) | ((h[p + 1] as number) << 8) | ((h[p + 2] as number) << 16) | ((h[p + 3] as number) << 24)) >>> 0;
  }

  private setU32(off: number, v: number): void {
    const h = this.m.HEAPU8;
    const p = this.strm + off;
    h[p] = v & 0xff;
    h[p + 1] = (v >>> 8) & 0xff;
    h[p + 2] = (v >>> 16) & 0xff;
    h[p + 3] = (v >>> 24) & 0xff;
  }

  private fail(ret: number): never {
    this.close();
    const text = LZMA_ERRORS[ret] ?? `liblzma error ${ret}`;
    if (ret === LZMA_MEMLIMIT_ERROR) throw new UnreadableData(`xz/lzma stream: ${text}`);
    throw new CorruptData(`corrupt xz/lzma data: ${text}`);
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.m._lzma_end(this.strm);
    this.m._free(this.strm);
    this.m._free(this.inPtr);
    this.m._free(this.outPtr);
  }

  push(chunk: Uint8Array, final: boolean): void {
    if (this.closed) return;
    try {
      for (let o = 0; o < chunk.length; o += IO_BUF) this.run(chunk.subarray(o, Math.min(chunk.length, o + IO_BUF)), LZMA_RUN);
      if (final) {
        if (!this.streamEnded) this.run(new Uint8Array(0), LZMA_FINISH);
        this.close();
      }
    } catch (e) {
      this.close();
      throw e;
    }
  }

  private run(piece: Uint8Array, action: number): void {
    const m = this.m;
    m.HEAPU8.set(piece, this.inPtr);
    let inAt = this.inPtr;
    let inLeft = piece.length;
    for (;;) {
      if (this.streamEnded) {
        // A new stream starts after the end of the last one (Python's LZMAFile reads on).
        if (inLeft === 0) return;
        this.start();
      }
      this.setU32(STRM.nextIn, inAt);
      this.setU32(STRM.availIn, inLeft);
      this.setU32(STRM.nextOut, this.outPtr);
      this.setU32(STRM.availOut, IO_BUF);
      const ret = m._lzma_code(this.strm, action);
      const availOut = this.u32(STRM.availOut);
      const produced = IO_BUF - availOut;
      const left = this.u32(STRM.availIn);
      inAt += inLeft - left;
      inLeft = left;
      if (produced > 0) this.ondata(m.HEAPU8.slice(this.outPtr, this.outPtr + produced));
      if (ret === LZMA_STREAM_END) {
        this.streamEnded = true;
        if (inLeft === 0) return;
        continue;
      }
      if (ret !== LZMA_OK) this.fail(ret);
      if (action === LZMA_FINISH) continue;
      if (inLeft === 0 && availOut > 0) return;
    }
  }
}

/** fzstd, after checking each frame header it can see that the window fits {@link ZSTD_MAX_WINDOW}. */
class ZstdDecoder implements StreamDecoder {
  private readonly d: ZstdDecompress;
  private readonly pass = new Passthrough();
  private headerChecked = false;
  private done = false;

  constructor(ondata: (d: Uint8Array) => void) {
    const cb = this.pass.wrap(ondata);
    this.d = new ZstdDecompress((data, final) => {
      if (final) this.done = true;
      if (data.length > 0) cb(data);
    });
  }

  push(chunk: Uint8Array, final: boolean): void {
    if (!this.headerChecked && chunk.length >= 6) {
      this.headerChecked = true;
      const window = zstdWindow(chunk);
      if (window !== null && window > ZSTD_MAX_WINDOW) throw new UnreadableData(`zstd frame needs a ${window}-byte window, over the ${ZSTD_MAX_WINDOW}-byte bound zstd itself applies by default`);
    }
    try {
      this.d.push(chunk, final);
    } catch (e) {
      this.pass.rethrow(e, 'zstd');
    }
    if (final && !this.done) throw new CorruptData('zstd stream ends inside a frame (truncated)');
  }
}

/** The window a zstd frame header asks for (single-segment frames: their content size). */
export function zstdWindow(b: Uint8Array): number | null {
  if (b.length < 6 || b[0] !== 0x28 || b[1] !== 0xb5 || b[2] !== 0x2f || b[3] !== 0xfd) return null;
  const fhd = b[4] as number;
  const single = (fhd >> 5) & 1;
  if (!single) {
    const wd = b[5] as number;
    const base = 2 ** (10 + (wd >> 3));
    return base + (base / 8) * (wd & 7);
  }
  const dictBytes = [0, 1, 2, 4][fhd & 3] as number;
  const fcsFlag = fhd >> 6;
  const fcsBytes = fcsFlag === 0 ? 1 : 2 ** fcsFlag;
  const at = 5 + dictBytes;
  if (b.length < at + fcsBytes) return null;
  let v = 0;
  for (let i = fcsBytes - 1; i >= 0; i--) v = v * 256 + (b[at + i] as number);
  return fcsFlag === 1 ? v + 256 : v;
}

type Lz4Step = 'magic' | 'skip-size' | 'skip' | 'header' | 'block-size' | 'block' | 'block-checksum' | 'content-checksum';
const LZ4_WINDOW = 64 * 1024;

/**
 * The LZ4 frame format (what `lz4.frame`, and so joblib's `compress='lz4'`, writes), streamed: one
 * block (at most 4 MiB, as the frame header says) is buffered at a time, plus the 64 KiB window
 * linked blocks may refer back into. Concatenated and skippable frames are read as lz4.frame
 * reads them. Checksums are not verified (they guard against corruption, not what is loaded).
 * No npm library decodes LZ4 frames as a push stream without native code, so this is ours; the
 * block format is the 40 lines of the LZ4 specification.
 */
class Lz4FrameDecoder implements StreamDecoder {
  private step: Lz4Step = 'magic';
  private need = 4;
  private acc = new Uint8Array(16);
  private have = 0;
  private block: Uint8Array = new Uint8Array(0);
  private blockStored = false;
  private maxBlock = 0;
  private linked = false;
  private blockChecksum = false;
  private contentChecksum = false;
  private hist = new Uint8Array(0);
  private skipLeft = 0;
  private frames = 0;

  constructor(private readonly ondata: (d: Uint8Array) => void) {}

  push(chunk: Uint8Array, final: boolean): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.step === 'skip') {
        const take = Math.min(this.skipLeft, chunk.length - i);
        this.skipLeft -= take;
        i += take;
        if (this.skipLeft === 0) this.expect('magic', 4);
        continue;
      }
      const target = this.step === 'block' ? this.block : this.acc;
      const take = Math.min(this.need - this.have, chunk.length - i);
      target.set(chunk.subarray(i, i + take), this.have);
      this.have += take;
      i += take;
      if (this.have === this.need) this.complete();
    }
    if (final && !(this.step === 'magic' && this.have === 0 && this.frames > 0)) throw new CorruptData('lz4 stream ends inside a frame (truncated)');
  }

  private expect(step: Lz4Step, n: number): void {
    this.step = step;
    this.need = n;
    this.have = 0;
  }

  private u32(at = 0): number {
    const a = this.acc;
    return ((a[at] as number) | ((a[at + 1] as number) << 8) | ((a[at + 2] as number) << 16) | ((a[at + 3] as number) << 24)) >>> 0;
  }

  private complete(): void {
    switch (this.step) {
      case 'magic': {
        const m = this.u32();
        if (m === 0x184d2204) return this.expect('header', 2);
        if (m >>> 4 === 0x184d2a5) return this.expect('skip-size', 4);
        throw new CorruptData(this.frames > 0 ? 'data after the last lz4 frame is not a frame' : 'not an lz4 frame');
      }
      case 'skip-size':
        this.skipLeft = this.u32();
        this.frames++;
        if (this.skipLeft === 0) return this.expect('magic', 4);
        this.step = 'skip';
        return;
      case 'header': {
        if (this.need === 2) {
          const flg = this.acc[0] as number;
          if (flg >> 6 !== 1) throw new CorruptData('lz4 frame version is not 01');
          // FLG, BD, then content size (8) and dictionary id (4) when flagged, then the header checksum.
          return this.expectMore(1 + ((flg & 0x08) !== 0 ? 8 : 0) + ((flg & 0x01) !== 0 ? 4 : 0));
        }
        const flg = this.acc[0] as number;
        const bd = this.acc[1] as number;
        const bsid = (bd >> 4) & 7;
        if (bsid < 4) throw new CorruptData('lz4 block size id is invalid');
        if ((flg & 0x01) !== 0) throw new UnreadableData('lz4 frame needs a dictionary, which is not part of the file');
        this.maxBlock = 1 << (8 + 2 * bsid);
        this.linked = (flg & 0x20) === 0;
        this.blockChecksum = (flg & 0x10) !== 0;
        this.contentChecksum = (flg & 0x04) !== 0;
        this.hist = new Uint8Array(0);
        return this.expect('block-size', 4);
      }
      case 'block-size': {
        const v = this.u32();
        if (v === 0) {
          this.frames++;
          return this.contentChecksum ? this.expect('content-checksum', 4) : this.expect('magic', 4);
        }
        const size = v & 0x7fffffff;
        if (size > this.maxBlock) throw new CorruptData(`lz4 block of ${size} bytes is over the frame's ${this.maxBlock}-byte maximum`);
        this.blockStored = (v & 0x80000000) !== 0;
        this.block = new Uint8Array(size);
        this.expect('block', size);
        if (size === 0) this.complete();
        return;
      }
      case 'block': {
        const out = this.blockStored ? this.block : this.decodeBlock(this.block);
        if (out.length > 0) this.ondata(out);
        if (this.linked) {
          const joined = new Uint8Array(Math.min(LZ4_WINDOW, this.hist.length + out.length));
          const fromHist = joined.length - Math.min(out.length, joined.length);
          joined.set(this.hist.subarray(this.hist.length - fromHist), 0);
          joined.set(out.subarray(out.length - (joined.length - fromHist)), fromHist);
          this.hist = joined;
        }
        this.block = new Uint8Array(0);
        return this.blockChecksum ? this.expect('block-checksum', 4) : this.expect('block-size', 4);
      }
      case 'block-checksum':
        return this.expect('block-size', 4);
      case 'content-checksum':
        return this.expect('magic', 4);
      case 'skip':
        return;
    }
  }

  private expectMore(n: number): void {
    this.need += n;
  }

  /** One LZ4 block into a fresh buffer (the window of linked blocks in front of it). */
  private decodeBlock(src: Uint8Array): Uint8Array {
    const base = this.linked ? this.hist.length : 0;
    const buf = new Uint8Array(base + this.maxBlock);
    if (base > 0) buf.set(this.hist, 0);
    let ip = 0;
    let op = base;
    const bad = (why: string): never => {
      throw new CorruptData(`corrupt lz4 block: ${why}`);
    };
    while (ip < src.length) {
      const token = src[ip++] as number;
      let lit = token >> 4;
      if (lit === 15) {
        let b = 255;
        while (b === 255) {
          if (ip >= src.length) bad('literal length runs past the block');
          b = src[ip++] as number;
          lit += b;
        }
      }
      if (ip + lit > src.length || op + lit > buf.length) bad('literals run past the block');
      buf.set(src.subarray(ip, ip + lit), op);
      ip += lit;
      op += lit;
      if (ip >= src.length) break;
      if (ip + 2 > src.length) bad('match offset cut off');
      const offset = (src[ip] as number) | ((src[ip + 1] as number) << 8);
      ip += 2;
      if (offset === 0 || offset > op) bad('match offset points before the window');
      let ml = token & 15;
      if (ml === 15) {
        let b = 255;
        while (b === 255) {
          if (ip >= src.length) bad('match length runs past the block');
          b = src[ip++] as number;
          ml += b;
        }
      }
      ml += 4;
      if (op + ml > buf.length) bad('match runs past the block size');
      for (let k = 0; k < ml; k++, op++) buf[op] = buf[op - offset] as number;
    }
    return buf.slice(base, op);
  }
}
