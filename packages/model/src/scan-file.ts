/**
 * Scans one regular file: a single sequential pass reads it in chunks and feeds the same chunks
 * to sha256 and to whichever streaming scanner the format needs (pickle walker, decompressor in
 * front of it, npy header). Zip archives additionally need their central directory, read by
 * positional reads after that pass; only the members that can hold code are then read again.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { CorruptData, createDecoder, type DecodableKind, decodersReady, type StreamDecoder, UnreadableData } from './compression/stream-decoders';
import { BufferByteSource, FileByteSource, SliceByteSource, type ByteSource } from './byte-source';
import { DETECT_HEAD_BYTES, compressionOf, detectFormat, detectFormatUsing, isGitLfsPointer, refusedContainerOf } from './detect-format';
import { parseNpyHeader } from './numpy-header';
import { safetensorsProblems } from './safetensors-header';
import type { ImportPolicy } from './pickle/import-policy';
import { PickleScanner, TORCH_STORAGE_ELEMENT_SIZE } from './pickle/pickle-scanner';
import { TarReader } from './tar/tar-reader';
import type { FileReport, Finding, ImportRecord, ModelFormat } from './types';
import type { Compression } from './compression/stream-decoders';
import { BudgetExceeded, CorruptStream, memberChunks, UnreadableStream, ZIP_METHODS, type DecompressionBudget } from './zip/member-stream';
import { centralDirectoryAt, findEndOfCentralDirectory, readZipListing, type ZipEntry } from './zip/zip-archive';

/** State shared by every file of one scan. */
export interface ScanContext {
  policy: ImportPolicy;
  budget: DecompressionBudget;
  signal?: AbortSignal;
}

/** A file's report plus how many bytes were read to produce it. */
export interface FileScanResult {
  report: FileReport;
  bytesRead: number;
}

const CHUNK = 4 * 1024 * 1024;
const YIELD_EVERY = 64 * 1024 * 1024;
/** Deflated nested zips are inflated into memory up to this size to be walked. */
const NESTED_ZIP_LIMIT = 64 * 1024 * 1024;
const MAX_ZIP_DEPTH = 3;
const MEMBER_SNIFF_BYTES = 4 * 1024;
/** Decompressors are fed slices this small so one push cannot explode (deflate tops out near 1032:1). */
const INFLATE_FEED = 64 * 1024;
/** Members that may hold a pickle get a full detection head. */
const PICKLE_NAME = /(\.(pkl|pickle|joblib|pt|pth|bin|ckpt)$)|((^|\/)data\.pkl$)/i;
/**
 * Members walked as pickles even when their bytes do not look like one, so the failure is
 * reported: names only a pickle loader opens. (`.bin`/`.pt` also name raw weights, e.g. OpenVINO.)
 */
const PICKLE_ONLY_NAME = /(\.(pkl|pickle|joblib)$)|((^|\/)data\.pkl$)/i;
const LAMBDA_PATTERNS = ['"class_name": "Lambda"', '"class_name":"Lambda"'];
/**
 * Members of PyTorch's oldest format (a tar) that torch's `_legacy_load` reads with the pickle
 * loader: walked as pickles even when their bytes do not look like one.
 */
const LEGACY_TAR_MEMBER = /^(pickle|storages|tensors|sys_info)$/;

/** Collects findings and imports for one file, tagging each with where it was found. */
class Collector {
  readonly findings: Finding[] = [];
  readonly imports: ImportRecord[] = [];
  private readonly importKeys = new Set<string>();

  constructor(readonly file: string) {}

  add(f: Omit<Finding, 'file'>): void {
    this.findings.push({ ...f, file: this.file });
  }

  /** Moves a pickle scanner's results in, with locations inside `where` (file or member path). */
  absorb(s: PickleScanner, where: string, base = 0): void {
    for (const f of s.findings) {
      const finding: Finding = { severity: f.severity, rule: f.rule, message: f.message, file: this.file, location: `${where} @ byte ${base + f.offset}` };
      if (f.import !== undefined) finding.import = f.import;
      this.findings.push(finding);
    }
    for (const imp of s.imports.values()) {
      const key = `${imp.name}\u0000${where}`;
      if (this.importKeys.has(key)) continue;
      this.importKeys.add(key);
      const rec: ImportRecord = { name: imp.name, classification: imp.classification, location: `${where} @ byte ${base + imp.offset}` };
      if (imp.accepted !== undefined) rec.accepted = imp.accepted;
      this.imports.push(rec);
    }
  }
}

/** Bytes handed on as they arrive (a tar member, a decompressed stream). */
interface StreamSink {
  write(data: Uint8Array): void;
  end(): void;
}

/** What the streaming member pipeline shares within one file's scan. */
interface SinkEnv {
  out: Collector;
  ctx: ScanContext;
  /** Nested zips need random access: they are buffered, then walked between pushes. */
  jobs: Array<() => Promise<void>>;
}

async function runJobs(env: SinkEnv): Promise<void> {
  while (env.jobs.length > 0) await (env.jobs.shift() as () => Promise<void>)();
}

const DISCARD: StreamSink = { write: () => undefined, end: () => undefined };

/** Feeds a pickle walker (after `skip` leading bytes) and reports it at the end. */
class PickleSink implements StreamSink {
  constructor(
    private readonly scanner: PickleScanner,
    private readonly out: Collector,
    private readonly where: string,
    private skip = 0,
  ) {}

  write(c: Uint8Array): void {
    if (this.skip >= c.length) {
      this.skip -= c.length;
      return;
    }
    this.scanner.push(this.skip > 0 ? c.subarray(this.skip) : c);
    this.skip = 0;
  }

  end(): void {
    this.scanner.finish();
    this.out.absorb(this.scanner, this.where);
  }
}

/** Decompresses (zlib, gzip, bz2, xz, lzma, zstd) into another sink, charging every byte to the scan's budget. */
class DecompressSink implements StreamSink {
  private readonly d: StreamDecoder;
  private stopped = false;

  constructor(
    private readonly kind: DecodableKind,
    private readonly inner: StreamSink,
    private readonly env: SinkEnv,
    private readonly where: string,
  ) {
    this.d = createDecoder(kind, (data) => {
      env.ctx.budget.left -= data.length;
      if (env.ctx.budget.left < 0) throw new BudgetExceeded(`decompressed data exceeds the ${env.ctx.budget.limit}-byte bound`);
      inner.write(data);
    });
  }

  write(c: Uint8Array): void {
    for (let o = 0; o < c.length && !this.stopped; o += INFLATE_FEED) this.push(c.subarray(o, Math.min(c.length, o + INFLATE_FEED)), false);
  }

  end(): void {
    this.push(new Uint8Array(0), true);
    this.inner.end();
  }

  private push(c: Uint8Array, final: boolean): void {
    if (this.stopped) return;
    try {
      this.d.push(c, final);
    } catch (e) {
      this.stopped = true;
      if (e instanceof BudgetExceeded) {
        this.env.out.add({ severity: 'malformed', rule: 'archive.decompression-limit', message: `${e.message}: the rest of the compressed stream was not scanned (bomb, or raise maxDecompressedBytes)`, location: this.where });
      } else if (e instanceof UnreadableData) {
        unreadableStream(this.env.out, e.message, this.where);
      } else if (e instanceof CorruptData) {
        this.env.out.add({ severity: 'malformed', rule: 'archive.corrupt-stream', message: `${this.kind} stream is corrupt or truncated: ${e.message}`, location: this.where });
      } else {
        throw e;
      }
    }
  }
}

/** Buffers a nested zip (bounded) and queues its walk: the central directory is at its end. */
class NestedZipSink implements StreamSink {
  private parts: Uint8Array[] = [];
  private len = 0;
  private over = false;

  constructor(
    private readonly where: string,
    private readonly env: SinkEnv,
    private readonly depth: number,
  ) {}

  write(c: Uint8Array): void {
    if (this.over) return;
    this.len += c.length;
    if (this.len > NESTED_ZIP_LIMIT) {
      this.over = true;
      this.parts = [];
      this.env.out.add({ severity: 'malformed', rule: 'zip.nested-too-large', message: `nested archive is larger than ${NESTED_ZIP_LIMIT} bytes; not scanned`, location: this.where });
      return;
    }
    this.parts.push(c.slice());
  }

  end(): void {
    if (this.over) return;
    const buf = concatAll(this.parts);
    this.parts = [];
    const { out, ctx } = this.env;
    this.env.jobs.push(async () => {
      await scanZip(new BufferByteSource(buf), `${this.where}!/`, out, ctx, this.depth);
    });
  }
}

/** Walks a tar stream; every regular member is scanned as a file in its own right. */
class TarSink implements StreamSink {
  private readonly reader: TarReader;

  /** @param prefix put before member paths in locations (`''` for the scanned file itself). */
  constructor(prefix: string, env: SinkEnv, depth: number) {
    this.reader = new TarReader({
      member: (m) => (m.type === 'file' ? new ContentSink(m.path, `${prefix}${m.path}`, env, depth, true) : null),
      problem: (p) => {
        const at = p.path !== undefined ? `${prefix}${p.path}` : prefix.replace(/!\/$/, '');
        env.out.add({ severity: p.severity, rule: p.rule, message: p.message, location: at === '' ? `byte ${p.offset}` : `${at} @ byte ${p.offset}` });
      },
    });
  }

  write(c: Uint8Array): void {
    this.reader.push(c);
  }

  end(): void {
    this.reader.end();
  }

  /** Offset of the end-of-archive block in the tar stream, once read. */
  get endOffset(): number | null {
    return this.reader.endOffset;
  }
}

/**
 * A member of unknown content (tar member, decompressed stream): sniffs its head, detects the
 * format from the bytes, then streams it into the scanner that format needs. Only the head is
 * buffered.
 */
class ContentSink implements StreamSink {
  private parts: Uint8Array[] = [];
  private len = 0;
  private target: StreamSink | null = null;
  private readonly sniff: number;

  /**
   * @param depth archive nesting level of the archive holding this content
   * @param inTar the content is a tar member (torch's legacy tar names apply at its root)
   */
  constructor(
    private readonly name: string,
    private readonly where: string,
    private readonly env: SinkEnv,
    private readonly depth: number,
    private readonly inTar: boolean,
    /** Told the format detected from the content's head. */
    private readonly onFormat?: (format: ModelFormat) => void,
  ) {
    this.sniff = PICKLE_NAME.test(name) || (inTar && LEGACY_TAR_MEMBER.test(name)) ? DETECT_HEAD_BYTES : MEMBER_SNIFF_BYTES;
  }

  write(c: Uint8Array): void {
    if (this.target) {
      this.target.write(c);
      return;
    }
    this.parts.push(c.slice());
    this.len += c.length;
    if (this.len >= this.sniff) this.start();
  }

  end(): void {
    if (!this.target) this.start();
    (this.target as StreamSink).end();
  }

  private start(): void {
    const head = concatAll(this.parts);
    this.parts = [];
    this.target = this.route(head);
    if (head.length > 0) this.target.write(head);
  }

  private route(head: Uint8Array): StreamSink {
    const { out, ctx } = this.env;
    const sniffed = head.subarray(0, this.sniff);
    const refused = refusedContainerOf(sniffed);
    if (refused !== null) {
      refusedContainer(out, refused, this.where);
      return DISCARD;
    }
    const fmt = detectFormat(sniffed, this.name);
    this.onFormat?.(fmt);
    const comp = compressionOf(sniffed);
    const nests = fmt === 'tar' || fmt === 'zip' || comp !== null;
    if (nests && this.depth >= MAX_ZIP_DEPTH) {
      out.add({ severity: 'malformed', rule: 'archive.nesting-too-deep', message: `archive or compressed stream nested more than ${MAX_ZIP_DEPTH} levels deep is not scanned further`, location: this.where });
      return DISCARD;
    }
    if (comp !== null) {
      const innerName = this.name.replace(/\.(tgz|tbz2?|txz|tzst)$/i, '.tar').replace(/\.(gz|z|zlib|bz2|xz|lzma|zst|zstd)$/i, '');
      return new DecompressSink(comp, new ContentSink(innerName, `${this.where} (decompressed)`, this.env, this.depth + 1, false), this.env, this.where);
    }
    if (fmt === 'tar') return new TarSink(`${this.where}!/`, this.env, this.depth + 1);
    if (fmt === 'zip') return new NestedZipSink(this.where, this.env, this.depth + 1);
    const legacyName = this.inTar && LEGACY_TAR_MEMBER.test(this.name);
    if (legacyName && (this.name === 'storages' || this.name === 'tensors')) return new LegacyTarMemberSink(this.name, this.env, this.where);
    if (fmt === 'pickle' || fmt === 'joblib' || fmt === 'pytorch-legacy' || PICKLE_ONLY_NAME.test(this.name) || legacyName) {
      return new PickleSink(new PickleScanner({ policy: ctx.policy, persistentIdsExpected: legacyName }), out, this.where);
    }
    if (fmt === 'numpy') {
      const h = parseNpyHeader(head);
      if (h?.objectArray) return new PickleSink(new PickleScanner({ policy: ctx.policy }), out, this.where, h.dataOffset);
    }
    return DISCARD;
  }
}

type LegacyStep = 'count' | 'item' | 'views' | 'size' | 'raw' | 'ndim' | 'skip' | 'done' | 'stopped';

/**
 * The `storages` and `tensors` members of torch's legacy tar, framed exactly as `_legacy_load`
 * reads them, so every pickle it loads is walked (not taken for trailing data after the first):
 * - storages: pickle N; N x (pickle (key, location, StorageClass), int64 element count, raw
 *   elements); pickle storage_views.
 * - tensors: pickle N; N x (pickle (key, storage_id, type), int32 ndim, 4 bytes, ndim int64
 *   sizes, ndim int64 strides, int64 offset).
 */
class LegacyTarMemberSink implements StreamSink {
  private step: LegacyStep = 'count';
  private pos = 0;
  private scanner: PickleScanner | null = null;
  private scanStart = 0;
  private fed = 0;
  private itemsLeft = 0;
  private left = 0;
  private elemSize = 0;
  private readonly fixed = new Uint8Array(8);
  private fixedHave = 0;
  private trailingAt = -1;

  constructor(
    private readonly kind: 'storages' | 'tensors',
    private readonly env: SinkEnv,
    private readonly where: string,
  ) {}

  write(c: Uint8Array): void {
    let i = 0;
    while (i < c.length) {
      switch (this.step) {
        case 'count':
        case 'item':
        case 'views': {
          if (!this.scanner) {
            this.scanner = new PickleScanner({ policy: this.env.ctx.policy, persistentIdsExpected: true, single: true });
            this.scanStart = this.pos + i;
            this.fed = 0;
          }
          const s = this.scanner;
          const before = this.fed;
          s.push(c.subarray(i));
          this.fed += c.length - i;
          if (s.stoppedAt !== null) {
            i += s.stoppedAt - before;
            this.pickleDone();
          } else {
            i = c.length;
            if (!s.ok) this.stopWith(null);
          }
          break;
        }
        case 'size':
        case 'ndim': {
          const need = this.step === 'size' ? 8 : 4;
          const take = Math.min(need - this.fixedHave, c.length - i);
          this.fixed.set(c.subarray(i, i + take), this.fixedHave);
          this.fixedHave += take;
          i += take;
          if (this.fixedHave === need) {
            this.fixedHave = 0;
            this.fixedDone();
          }
          break;
        }
        case 'raw':
        case 'skip': {
          const take = Math.min(this.left, c.length - i);
          this.left -= take;
          i += take;
          if (this.left === 0) this.nextItem();
          break;
        }
        case 'done':
          if (this.trailingAt === -1) this.trailingAt = this.pos + i;
          i = c.length;
          break;
        case 'stopped':
          i = c.length;
          break;
      }
    }
    this.pos += c.length;
  }

  end(): void {
    const { out } = this.env;
    if (this.scanner) {
      this.scanner.finish();
      out.absorb(this.scanner, this.where, this.scanStart);
      this.scanner = null;
      return;
    }
    if (this.step === 'done') {
      if (this.trailingAt !== -1) out.add({ severity: 'warning', rule: 'pickle.trailing-data', message: `${this.pos - this.trailingAt} bytes after the last record torch reads from this member; a custom loader could read them`, location: `${this.where} @ byte ${this.trailingAt}` });
    } else if (this.step !== 'stopped') {
      out.add({ severity: 'malformed', rule: 'pytorch-legacy.truncated-storage', message: `member ends before the records torch reads from it (expecting ${this.step})`, location: `${this.where} @ byte ${this.pos}` });
    }
  }

  private stopWith(message: string | null): void {
    const s = this.scanner;
    if (s) {
      s.finish();
      this.env.out.absorb(s, this.where, this.scanStart);
      this.scanner = null;
    }
    if (message !== null) this.env.out.add({ severity: 'malformed', rule: 'pytorch-legacy.bad-layout', message: `${message}; the rest of the member is not walked, so it is not vouched for`, location: `${this.where} @ byte ${this.pos}` });
    this.step = 'stopped';
  }

  private pickleDone(): void {
    const s = this.scanner as PickleScanner;
    const v = s.result;
    s.finish();
    this.env.out.absorb(s, this.where, this.scanStart);
    this.scanner = null;
    if (this.step === 'count') {
      if (!v || v.t !== 'int' || v.n < 0) return this.stopWith(`first pickle of '${this.kind}' is not a count`);
      this.itemsLeft = v.n;
      this.step = 'item';
      if (this.itemsLeft === 0) this.step = this.kind === 'storages' ? 'views' : 'done';
      return;
    }
    if (this.step === 'views') {
      this.step = 'done';
      return;
    }
    // An item record.
    if (this.kind === 'tensors') {
      this.step = 'ndim';
      return;
    }
    const cls = v && v.t === 'tuple' ? v.items[2] : undefined;
    const size = cls && cls.t === 'global' ? TORCH_STORAGE_ELEMENT_SIZE[cls.name.replace(/^torch\./, '')] : undefined;
    if (size === undefined) return this.stopWith('storage record does not name a known torch storage class');
    this.elemSize = size;
    this.step = 'size';
  }

  private fixedDone(): void {
    const view = new DataView(this.fixed.buffer);
    if (this.step === 'size') {
      const numel = view.getBigInt64(0, true);
      const bytes = Number(numel) * this.elemSize;
      if (numel < 0n || !Number.isSafeInteger(bytes)) return this.stopWith(`storage element count ${numel} is not valid`);
      this.left = bytes;
      this.step = 'raw';
      if (bytes === 0) this.nextItem();
      return;
    }
    const ndim = view.getInt32(0, true);
    if (ndim < 0 || ndim > 1024) return this.stopWith(`tensor rank ${ndim} is not valid`);
    this.left = 4 + 16 * ndim + 8;
    this.step = 'skip';
  }

  private nextItem(): void {
    this.itemsLeft--;
    this.step = this.itemsLeft > 0 ? 'item' : this.kind === 'storages' ? 'views' : 'done';
  }
}

/** A valid compressed stream that needs more than the scanner's bounds allow: not read, so not passed. */
function unreadableStream(out: Collector, why: string, location?: string): void {
  const f: Omit<Finding, 'file'> = { severity: 'dangerous', rule: 'archive.unreadable-stream', message: `${why}; what it holds (a loader would unpickle it) was not checked` };
  if (location !== undefined) f.location = location;
  out.add(f);
}

/** An archive or compression format recognised by its magic bytes that this scanner does not walk. */
function refusedContainer(out: Collector, name: string, location?: string): void {
  const f: Omit<Finding, 'file'> = {
    severity: 'dangerous',
    rule: 'archive.unsupported-format',
    message: `${name}: this scanner does not walk it, so what it holds (a loader may extract and unpickle it) was not checked; ship the model as zip, tar or a plain file`,
  };
  if (location !== undefined) f.location = location;
  out.add(f);
}

/** Scans one regular file. `rel` is its path relative to the scanned root (for reports). */
export async function scanFile(abs: string, rel: string, ctx: ScanContext): Promise<FileScanResult> {
  await decodersReady();
  const out = new Collector(rel);
  // O_NOFOLLOW: the walker already decided this path is a regular file; a swap for a symlink
  // between that check and this open must not redirect the read.
  // Synchronous reads: one file is read strictly in sequence, and skipping the thread-pool round
  // trip per chunk is what makes 10,000 small files fast; the loop yields between chunks.
  const fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    const hash = createHash('sha256');
    if (!st.isFile()) throw new Error('not a regular file (replaced while scanning?)');
    const buf = new Uint8Array(st.size < CHUNK ? st.size + 1 : CHUNK);
    let pos = 0;
    let format: ModelFormat = 'unknown';
    let head: Uint8Array | null = null;
    let scanner: PickleScanner | null = null;
    let comp: Compression | null = null;
    /** Compressed content and tars: streamed through their sinks from this same pass. */
    let streamFeed: StreamSink | null = null;
    let streamEnv: SinkEnv | null = null;
    /** What compressed content turned out to be. */
    let innerFormat: ModelFormat | undefined;
    let plainTar: TarSink | null = null;
    let npyPending: { scanner: PickleScanner; skip: number } | null = null;
    let lambdaSearch = false;
    let headConsumed = false;
    let carry = new Uint8Array(0);
    let firstChunk: Uint8Array | null = null;
    let sinceYield = 0;
    for (;;) {
      ctx.signal?.throwIfAborted();
      const bytesRead = readSync(fd, buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      sinceYield += bytesRead;
      if (sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        // Let timers and abort signals run during long files.
        await new Promise<void>((r) => setImmediate(r));
      }
      const chunk = buf.subarray(0, bytesRead);
      hash.update(chunk);
      if (head === null) {
        head = chunk.slice(0, Math.min(DETECT_HEAD_BYTES, bytesRead));
        if (pos + bytesRead >= st.size) firstChunk = chunk;
        const candidate = new PickleScanner({ policy: ctx.policy });
        format = detectFormatUsing(head, rel, candidate);
        comp = compressionOf(head);
        const refused = refusedContainerOf(head);
        if (isGitLfsPointer(head)) {
          format = 'git-lfs-pointer';
          out.add({ severity: 'malformed', rule: 'file.git-lfs-pointer', message: 'this is a Git LFS pointer, not the model: the checkout did not fetch LFS content. Check out with `lfs: true` (actions/checkout) or run `git lfs pull` before validating' });
        } else if (refused !== null) {
          refusedContainer(out, refused);
          comp = null;
        } else if (format === 'pickle' || format === 'pytorch-legacy' || (format === 'joblib' && comp === null)) {
          scanner = candidate;
          if (candidate.offset === head.length) {
            // The detector already walked the head with this scanner: continue after it.
            if (bytesRead > head.length) scanner.push(chunk.subarray(head.length));
            headConsumed = true;
          }
        } else if (comp !== null) {
          // A compressed stream (joblib's compressors, model.tar.gz, a .pkl.xz): decompressed
          // within the budget and scanned as content of its own, whatever it turns out to be.
          streamEnv = { out, ctx, jobs: [] };
          const innerName = rel.replace(/\.(tgz|tbz2?|txz|tzst)$/i, '.tar').replace(/\.(gz|z|zlib|bz2|xz|lzma|zst|zstd)$/i, '');
          const inner = format === 'tar' ? new TarSink('', streamEnv, 0) : new ContentSink(innerName, `${rel} (decompressed)`, streamEnv, 0, false, (f) => (innerFormat = f));
          if (format === 'tar') innerFormat = 'tar';
          streamFeed = new DecompressSink(comp, inner, streamEnv, format === 'tar' ? `${rel} (decompressed)` : rel);
        } else if (format === 'tar') {
          // A tar (torch's oldest format): every member is scanned as a file of its own,
          // streamed from this same pass.
          streamEnv = { out, ctx, jobs: [] };
          plainTar = new TarSink('', streamEnv, 0);
          streamFeed = plainTar;
        } else if (format === 'numpy') {
          const h = parseNpyHeader(head);
          if (!h) out.add({ severity: 'malformed', rule: 'numpy.bad-header', message: 'npy header is invalid or longer than 64 KiB' });
          else if (h.objectArray) npyPending = { scanner: new PickleScanner({ policy: ctx.policy }), skip: h.dataOffset };
        } else if (format === 'hdf5') {
          lambdaSearch = true;
        } else if (format === 'unknown' && /\.(pkl|pickle|joblib)$/i.test(rel)) {
          // Named as a pickle but not parseable as one: walk it anyway so the failure is reported
          // (the name never makes bytes a pickle; it only says someone will try to load them so).
          scanner = new PickleScanner({ policy: ctx.policy });
        }
      }
      if (streamFeed) {
        streamFeed.write(chunk);
        await runJobs(streamEnv as SinkEnv);
      } else if (headConsumed) headConsumed = false;
      else if (scanner) scanner.push(chunk);
      else if (npyPending) {
        const { skip } = npyPending;
        if (skip < bytesRead) {
          npyPending.scanner.push(chunk.subarray(skip));
          npyPending.skip = 0;
        } else npyPending.skip -= bytesRead;
      }
      if (lambdaSearch) {
        // Keras HDF5 models keep their config as JSON text inside the file; a Lambda layer in it
        // carries marshalled Python bytecode that Keras runs when safe_mode is off.
        const window = carry.length > 0 ? concat(carry, chunk) : chunk;
        if (LAMBDA_PATTERNS.some((p) => Buffer.from(window.buffer, window.byteOffset, window.length).indexOf(p) !== -1)) {
          out.add({ severity: 'dangerous', rule: 'keras.lambda-layer', message: 'Keras model config contains a Lambda layer: it carries Python bytecode that runs when the model is loaded without safe_mode', import: 'keras.layers.Lambda' });
          lambdaSearch = false;
        }
        carry = chunk.slice(Math.max(0, chunk.length - 32));
      }
      pos += bytesRead;
      // A short read at the recorded size is the end of a regular file: skip the extra read.
      if (bytesRead < buf.length && pos >= st.size) break;
    }
    // The file grew after the first read: the buffer was reused, so it no longer holds the file.
    if (firstChunk && pos > firstChunk.length) firstChunk = null;
    let bytesRead = pos;
    if (streamFeed) {
      streamFeed.end();
      await runJobs(streamEnv as SinkEnv);
    }
    if (comp !== null && innerFormat !== undefined) {
      // Compressed pickles are what joblib writes; anything else compressed is not loadable as is.
      format = innerFormat === 'pickle' || innerFormat === 'joblib' || innerFormat === 'pytorch-legacy' ? 'joblib' : innerFormat === 'tar' ? 'tar' : 'unknown';
    }
    if (scanner) {
      scanner.finish();
      out.absorb(scanner, rel);
      if (scanner.torchLegacy) format = 'pytorch-legacy';
      else if (scanner.joblib && format === 'pickle') format = 'joblib';
    }
    if (npyPending) {
      npyPending.scanner.finish();
      out.absorb(npyPending.scanner, rel, parseNpyHeader(head as Uint8Array)?.dataOffset ?? 0);
      out.add({ severity: 'warning', rule: 'numpy.object-array', message: 'npy file holds an object array, stored as a pickle (scanned); np.load needs allow_pickle=True to read it' });
    }

    // Zip: by signature, or an archive appended to something else (a pickle/zip polyglot).
    const src: ByteSource = firstChunk ? new BufferByteSource(firstChunk) : new FileByteSource(fd, pos);
    if (format === 'safetensors' && head) {
      const headerLength = (head[0] as number) + (head[1] as number) * 0x100 + (head[2] as number) * 0x10000 + (head[3] as number) * 0x1000000;
      if (8 + headerLength > pos) {
        out.add({ severity: 'malformed', rule: 'safetensors.bad-header', message: `header of ${headerLength} bytes is longer than the file` });
      } else {
        const problems = safetensorsProblems(await src.read(8, headerLength), pos - 8 - headerLength);
        for (const p of problems.slice(0, 20)) out.add({ severity: 'malformed', rule: 'safetensors.bad-header', message: p });
      }
    }
    const isZipHead = format === 'zip';
    const eocd = isZipHead || pos >= 22 ? await findEndOfCentralDirectory(src) : null;
    // Without a zip signature at the start, an end record alone could be chance bytes in weights:
    // require what Python's zipfile needs to open it (a central directory where the record says).
    // In a plain tar, a zip end record before the tar's end block belongs to a member (scanned
    // with the tar); one after it is an appended archive only zip readers see.
    const tarEnd = plainTar ? (plainTar.endOffset ?? pos) : null;
    const insideTar = eocd !== null && tarEnd !== null && eocd.pos < tarEnd;
    const appendedZip = !isZipHead && eocd !== null && !insideTar && (await centralDirectoryAt(src, eocd));
    if (isZipHead || appendedZip) {
      if (!isZipHead) {
        out.add({ severity: 'malformed', rule: 'format.polyglot', message: `file reads as ${format} from its start and also ends with a zip archive: loaders disagree on what it is (both were scanned)` });
      }
      const zipFormat = await scanZip(src, '', out, ctx, 0);
      if (isZipHead) format = zipFormat;
    }
    bytesRead += src.bytesRead();
    judgeFormat(out, rel, format, head ?? new Uint8Array(0), pos);
    return {
      report: { file: rel, size: pos, sha256: hash.digest('hex'), format, imports: out.imports, findings: out.findings },
      bytesRead,
    };
  } finally {
    closeSync(fd);
  }
}

/** What a file's name says it is, and the formats whose bytes fit that name. */
const NAMED_FORMATS: Array<[RegExp, string, ModelFormat[]]> = [
  [/\.onnx$/i, 'ONNX', ['onnx']],
  [/\.safetensors$/i, 'safetensors', ['safetensors']],
  [/\.(pt|pth|ckpt)$/i, 'PyTorch', ['pytorch-zip', 'pytorch-legacy', 'pickle', 'joblib', 'tar', 'zip']],
  [/\.(pkl|pickle)$/i, 'pickle', ['pickle', 'joblib', 'pytorch-legacy']],
  [/\.joblib$/i, 'joblib', ['joblib', 'pickle']],
  [/\.keras$/i, 'Keras v3', ['keras-v3']],
  [/\.(h5|hdf5)$/i, 'HDF5/Keras', ['hdf5']],
  [/\.gguf$/i, 'GGUF', ['gguf']],
  [/\.npy$/i, 'NumPy', ['numpy']],
  [/\.npz$/i, 'NumPy npz', ['zip']],
  [/\.ubj$/i, 'XGBoost UBJSON', ['xgboost-ubj']],
  [/\.(tar|tar\.gz|tgz)$/i, 'tar', ['tar']],
];

/**
 * A file whose name says it is a model format but whose bytes are not is `malformed`: a loader will
 * fail on it or read something else. A binary file in no recognised format is a `warning` (not
 * vouched for, and never silent; real model directories hold such files: TensorFlow variable
 * shards, tokenizer models, raw weights), and text files (configs, code, READMEs) stay quiet. Whether a model in which nothing was recognised passes is
 * decided over the whole scan (`model.nothing-scanned`).
 */
function judgeFormat(out: Collector, rel: string, format: ModelFormat, head: Uint8Array, size: number): void {
  if (format === 'git-lfs-pointer') return;
  const named = NAMED_FORMATS.find(([re]) => re.test(rel));
  if (named && !named[2].includes(format)) {
    const what = format === 'unknown' ? (size === 0 ? 'the file is empty' : looksLikeText(head) ? 'the bytes are text' : 'the bytes are in no format this scanner recognises') : `the bytes are ${format}`;
    out.add({ severity: 'malformed', rule: 'format.name-mismatch', message: `the name says ${named[1]}, but ${what}: a loader would fail on it or read something else, so it is not vouched for` });
    return;
  }
  if (format === 'unknown' && size > 0 && !looksLikeText(head) && !out.findings.some((f) => f.severity === 'dangerous' || f.severity === 'malformed')) {
    out.add({ severity: 'warning', rule: 'format.unrecognized', message: `binary file (${size} bytes) in no format this scanner recognises: its content was not checked. If a loader reads it as a model, convert it to a recognised format` });
  }
}

/** UTF-8 text without control characters other than tab, newlines and form feed. */
export function looksLikeText(head: Uint8Array): boolean {
  const sample = head.subarray(0, 8192);
  let text: string;
  try {
    // A multi-byte character cut at the sample's end is not a reason to call it binary.
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample.length === head.length ? sample : sample.subarray(0, trimPartialUtf8(sample)));
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) return false;
  }
  return true;
}

function trimPartialUtf8(b: Uint8Array): number {
  let end = b.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const c = b[end - k] as number;
    if ((c & 0xc0) === 0xc0) return end - k;
    if ((c & 0x80) === 0) break;
  }
  return end;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const c = new Uint8Array(a.length + b.length);
  c.set(a, 0);
  c.set(b, a.length);
  return c;
}


/** Refines `zip` by what the members say the archive is. */
function zipFormatOf(entries: ZipEntry[]): ModelFormat {
  const names = new Set(entries.map((e) => e.name));
  if (entries.some((e) => /(^|\/)data\.pkl$/.test(e.name))) return 'pytorch-zip';
  if (names.has('config.json') && names.has('metadata.json') && names.has('model.weights.h5')) return 'keras-v3';
  return 'zip';
}

/** Walks an archive, scanning members that can carry code. Returns the refined format. */
async function scanZip(src: ByteSource, prefix: string, out: Collector, ctx: ScanContext, depth: number): Promise<ModelFormat> {
  const listing = await readZipListing(src);
  for (const f of listing.findings) {
    const finding: Omit<Finding, 'file'> = { severity: f.severity, rule: f.rule, message: f.message };
    if (f.entry !== undefined || f.offset !== undefined) finding.location = `${prefix}${f.entry ?? ''}${f.offset !== undefined ? ` @ byte ${f.offset}` : ''}`;
    out.add(finding);
  }
  const format = zipFormatOf(listing.entries);
  const torch = format === 'pytorch-zip';
  for (const entry of listing.entries) {
    if (entry.isDirectory || entry.dataOffset < 0) continue;
    ctx.signal?.throwIfAborted();
    const readings: Array<{ method: number; length: number }> = [{ method: entry.method, length: Math.max(entry.compressedSize, entry.localCompressedSize) }];
    if (entry.localMethod !== entry.method) readings.push({ method: entry.localMethod, length: Math.max(entry.compressedSize, entry.localCompressedSize) });
    for (const [k, reading] of readings.entries()) {
      const where = `${prefix}${entry.name}`;
      if (reading.method !== 0 && ZIP_METHODS[reading.method] === undefined) {
        out.add({ severity: 'malformed', rule: 'zip.unsupported-method', message: `compression method ${reading.method} is not supported here; the member is not vouched for`, location: where });
        continue;
      }
      try {
        await scanMember(src, entry, reading, where, out, ctx, depth, torch, k === 0);
      } catch (e) {
        if (e instanceof BudgetExceeded) {
          out.add({ severity: 'malformed', rule: 'archive.decompression-limit', message: `${e.message}: scanning stopped (zip bomb, or raise maxDecompressedBytes)`, location: where });
          return format;
        }
        if (e instanceof UnreadableStream) {
          unreadableStream(out, e.message, where);
          continue;
        }
        if (e instanceof CorruptStream) {
          // With two readings of one member, one of them is expected not to inflate.
          if (k === 0 || readings.length === 1) out.add({ severity: 'malformed', rule: 'zip.corrupt-member', message: e.message, location: where });
          continue;
        }
        throw e;
      }
    }
  }
  if (format === 'keras-v3') await checkKerasConfig(src, listing.entries, prefix, out, ctx);
  return format;
}

async function scanMember(
  src: ByteSource, entry: ZipEntry, reading: { method: number; length: number }, where: string, out: Collector,
  ctx: ScanContext, depth: number, torch: boolean, primary: boolean,
): Promise<void> {
  const gen = memberChunks(src, entry.dataOffset, reading.length, reading.method, ctx.budget, ctx.signal, (inflated, compressed) => {
    out.add({ severity: 'warning', rule: 'archive.compression-ratio', message: `member inflates more than 250:1 (${inflated} bytes from ${compressed}); a zip-bomb shape (decompression stays bounded by maxDecompressedBytes)`, location: where });
  }, (entry.flags & 2) !== 0 ? -1 : entry.uncompressedSize);
  const headParts: Uint8Array[] = [];
  let headLen = 0;
  let done = false;
  // Members that may be pickles get a full detection head; others (tensor storages, weights)
  // are sniffed with a few KiB, enough for every signature and a pickle probe.
  const sniff = PICKLE_NAME.test(entry.name) ? DETECT_HEAD_BYTES : MEMBER_SNIFF_BYTES;
  while (headLen < sniff) {
    const r = await gen.next();
    if (r.done) {
      done = true;
      break;
    }
    headParts.push(r.value);
    headLen += r.value.length;
  }
  const head = headParts.length === 1 ? (headParts[0] as Uint8Array) : concatAll(headParts);
  const fmt = detectFormat(head.subarray(0, sniff), entry.name);
  if (fmt === 'zip') {
    if (depth >= MAX_ZIP_DEPTH) {
      out.add({ severity: 'malformed', rule: 'zip.nesting-too-deep', message: `archive nested more than ${MAX_ZIP_DEPTH} levels deep is not scanned further`, location: where });
      await gen.return(undefined);
      return;
    }
    let inner: ByteSource;
    if (reading.method === 0) {
      await gen.return(undefined);
      inner = new SliceByteSource(src, entry.dataOffset, Math.min(reading.length, src.size - entry.dataOffset));
    } else {
      const parts = [head];
      let total = head.length;
      if (!done) {
        for await (const c of gen) {
          total += c.length;
          if (total > NESTED_ZIP_LIMIT) {
            out.add({ severity: 'malformed', rule: 'zip.nested-too-large', message: `compressed nested archive inflates past ${NESTED_ZIP_LIMIT} bytes; not scanned (store it uncompressed)`, location: where });
            return;
          }
          parts.push(c);
        }
      }
      inner = new BufferByteSource(concatAll(parts));
    }
    await scanZip(inner, `${where}!/`, out, ctx, depth + 1);
    return;
  }
  // Tars and compressed streams inside the zip go through the streaming member pipeline.
  const comp = compressionOf(head.subarray(0, sniff));
  let sink: StreamSink | null = null;
  const env: SinkEnv = { out, ctx, jobs: [] };
  if (refusedContainerOf(head.subarray(0, sniff)) !== null || fmt === 'tar' || comp !== null) sink = new ContentSink(entry.name, where, env, depth, false);
  else if (fmt === 'pickle' || fmt === 'joblib' || fmt === 'pytorch-legacy' || (PICKLE_ONLY_NAME.test(entry.name) && !(torch && /\/data\/[^/]+$/.test(entry.name)))) {
    sink = new PickleSink(new PickleScanner({ policy: ctx.policy, persistentIdsExpected: torch }), out, where);
  } else if (fmt === 'numpy') {
    const h = parseNpyHeader(head);
    if (h?.objectArray) sink = new PickleSink(new PickleScanner({ policy: ctx.policy }), out, where, h.dataOffset);
  }
  if (!sink) {
    await gen.return(undefined);
    return;
  }
  let crc = 0;
  let size = 0;
  const feed = (c: Uint8Array): void => {
    crc = crc32(c, crc);
    size += c.length;
    (sink as StreamSink).write(c);
  };
  for (const p of headParts) feed(p);
  if (!done) {
    for await (const c of gen) {
      feed(c);
      await runJobs(env);
    }
  }
  sink.end();
  await runJobs(env);
  if (primary && entry.origin === 'central' && (entry.flags & 1) === 0) {
    if ((crc >>> 0) !== entry.crc >>> 0) out.add({ severity: 'malformed', rule: 'zip.crc-mismatch', message: `member content does not match its recorded CRC-32 (readers that check it refuse the file; others load these bytes)`, location: where });
    if (size !== entry.uncompressedSize) out.add({ severity: 'malformed', rule: 'zip.size-mismatch', message: `member inflates to ${size} bytes, the directory says ${entry.uncompressedSize}`, location: where });
  }
}

async function checkKerasConfig(src: ByteSource, entries: ZipEntry[], prefix: string, out: Collector, ctx: ScanContext): Promise<void> {
  const cfg = entries.find((e) => e.name === 'config.json' && e.origin === 'central');
  if (!cfg || (cfg.method !== 0 && cfg.method !== 8)) return;
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const c of memberChunks(src, cfg.dataOffset, cfg.compressedSize, cfg.method, ctx.budget, ctx.signal)) {
      parts.push(c);
      total += c.length;
      if (total > 64 * 1024 * 1024) break;
    }
  } catch {
    return; // already reported by the member scan
  }
  const text = Buffer.from(concatAll(parts)).toString('utf8');
  if (LAMBDA_PATTERNS.some((p) => text.includes(p))) {
    out.add({ severity: 'dangerous', rule: 'keras.lambda-layer', message: 'Keras config.json contains a Lambda layer: it carries Python bytecode that runs when the model is loaded without safe_mode', location: `${prefix}config.json`, import: 'keras.layers.Lambda' });
  }
}

function concatAll(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
