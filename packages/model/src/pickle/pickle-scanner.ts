/**
 * A streaming pickle walker: feed it chunks, it simulates the unpickler's stack and memo opcode by
 * opcode (never executing anything) and reports every import the stream would perform.
 *
 * Why a state machine: a pickle member can be gigabytes (protocol 5 pickles carry array bytes
 * inline; joblib writes raw array bytes in the middle of its pickle), so the scanner never needs
 * more than one opcode's small argument in memory; large payloads are skipped by length.
 */
import type { Severity } from '../types';
import type { ImportClassification, ImportPolicy } from './import-policy';
import {
  BUFFER, BYTES, CONTAINER_ITEM_CAP, DROPPED, EMPTY_TUPLE, LONG_STRING, MEMO_DATA, NONE, RETAIN_LIMIT, SCALAR, SET,
  CHILD_DEPTH_LIMIT, FRAME_HEAD, SETTLED_WEIGHT, depthOf, SHALLOW_STACK, STACK_LIVE_TOP, dictGet, intValue, weightOf, type GetattrUse, type PickleValue,
} from './pickle-values';
import { decodeLatin1, decodeRawUnicodeEscape, decodeStringOpcodeArg, decodeUtf8 } from './string-decoding';

/** A finding before it is tied to a file: `offset` is the byte offset in the scanned stream. */
export interface RawFinding {
  severity: Severity;
  rule: string;
  message: string;
  offset: number;
  import?: string;
}

/** One distinct import and where it first happened. */
export interface RawImport {
  name: string;
  classification: ImportClassification;
  offset: number;
  count: number;
  /** Dangerous but accepted by `allow-dangerous-globals`: the reason given. */
  accepted?: string;
}

/** Options for {@link PickleScanner}. */
export interface PickleScannerOptions {
  policy: ImportPolicy;
  /**
   * What reads this stream. `pytorch` members and legacy files carry persistent ids by design;
   * elsewhere a persistent id hands attacker data to a loader-defined hook and is worth a warning.
   */
  persistentIdsExpected?: boolean;
  /** Stream is a probe of a file head: stop quietly at the end of the data. */
  probe?: boolean;
  /**
   * The stream is read by one `pickle.load` call in a framed file (torch's legacy tar members):
   * stop at the first top-level STOP; {@link PickleScanner.stoppedAt} and
   * {@link PickleScanner.result} tell where, and what it returned.
   */
  single?: boolean;
}

// Argument kinds, indexed by opcode byte.
const A_INVALID = 0;
const A_NONE = 1;
const A_FIXED = 2; // fixed-size argument, size in ARG_SIZE
const A_LEN = 3; // length prefix of ARG_SIZE bytes, then that many payload bytes
const A_LINE = 4; // newline-terminated argument(s), count in ARG_SIZE

const ARG_KIND = new Uint8Array(256);
const ARG_SIZE = new Uint8Array(256);
const OP_NAME: string[] = new Array<string>(256).fill('');

function def(ch: string | number, name: string, kind: number, size = 0): void {
  const code = typeof ch === 'number' ? ch : ch.charCodeAt(0);
  ARG_KIND[code] = kind;
  ARG_SIZE[code] = size;
  OP_NAME[code] = name;
}
def('(', 'MARK', A_NONE); def('.', 'STOP', A_NONE); def('0', 'POP', A_NONE); def('1', 'POP_MARK', A_NONE);
def('2', 'DUP', A_NONE); def('F', 'FLOAT', A_LINE, 1); def('I', 'INT', A_LINE, 1); def('J', 'BININT', A_FIXED, 4);
def('K', 'BININT1', A_FIXED, 1); def('L', 'LONG', A_LINE, 1); def('M', 'BININT2', A_FIXED, 2); def('N', 'NONE', A_NONE);
def('P', 'PERSID', A_LINE, 1); def('Q', 'BINPERSID', A_NONE); def('R', 'REDUCE', A_NONE); def('S', 'STRING', A_LINE, 1);
def('T', 'BINSTRING', A_LEN, 4); def('U', 'SHORT_BINSTRING', A_LEN, 1); def('V', 'UNICODE', A_LINE, 1);
def('X', 'BINUNICODE', A_LEN, 4); def('a', 'APPEND', A_NONE); def('b', 'BUILD', A_NONE); def('c', 'GLOBAL', A_LINE, 2);
def('d', 'DICT', A_NONE); def('}', 'EMPTY_DICT', A_NONE); def('e', 'APPENDS', A_NONE); def('g', 'GET', A_LINE, 1);
def('h', 'BINGET', A_FIXED, 1); def('i', 'INST', A_LINE, 2); def('j', 'LONG_BINGET', A_FIXED, 4); def('l', 'LIST', A_NONE);
def(']', 'EMPTY_LIST', A_NONE); def('o', 'OBJ', A_NONE); def('p', 'PUT', A_LINE, 1); def('q', 'BINPUT', A_FIXED, 1);
def('r', 'LONG_BINPUT', A_FIXED, 4); def('s', 'SETITEM', A_NONE); def('t', 'TUPLE', A_NONE); def(')', 'EMPTY_TUPLE', A_NONE);
def('u', 'SETITEMS', A_NONE); def('G', 'BINFLOAT', A_FIXED, 8);
def(0x80, 'PROTO', A_FIXED, 1); def(0x81, 'NEWOBJ', A_NONE); def(0x82, 'EXT1', A_FIXED, 1); def(0x83, 'EXT2', A_FIXED, 2);
def(0x84, 'EXT4', A_FIXED, 4); def(0x85, 'TUPLE1', A_NONE); def(0x86, 'TUPLE2', A_NONE); def(0x87, 'TUPLE3', A_NONE);
def(0x88, 'NEWTRUE', A_NONE); def(0x89, 'NEWFALSE', A_NONE); def(0x8a, 'LONG1', A_LEN, 1); def(0x8b, 'LONG4', A_LEN, 4);
def('B', 'BINBYTES', A_LEN, 4); def('C', 'SHORT_BINBYTES', A_LEN, 1);
def(0x8c, 'SHORT_BINUNICODE', A_LEN, 1); def(0x8d, 'BINUNICODE8', A_LEN, 8); def(0x8e, 'BINBYTES8', A_LEN, 8);
def(0x8f, 'EMPTY_SET', A_NONE); def(0x90, 'ADDITEMS', A_NONE); def(0x91, 'FROZENSET', A_NONE); def(0x92, 'NEWOBJ_EX', A_NONE);
def(0x93, 'STACK_GLOBAL', A_NONE); def(0x94, 'MEMOIZE', A_NONE); def(0x95, 'FRAME', A_FIXED, 8);
def(0x96, 'BYTEARRAY8', A_LEN, 8); def(0x97, 'NEXT_BUFFER', A_NONE); def(0x98, 'READONLY_BUFFER', A_NONE);

/** Payloads whose content matters (strings that may become names, small longs): captured up to this size. */
const CAPTURE_LIMIT = 1024;
/**
 * Strings longer than this are kept as "a long string": no module or qualified name in a real
 * pickle comes near it, and an operand that long is flagged as a computed name.
 */
const NAME_CHARS = 256;
/** ...and this once the stack is deep (a huge MARK frame), so a deep stack stays small. */
const NAME_CHARS_DEEP = 96;
/** Protocol-0 argument lines longer than this are skipped, not buffered. */
const LINE_LIMIT = 65536;
/** Stack growth between two compactions (see compactStack). */
const COMPACT_EVERY = 128;
/** Stack entries (all frames). Real pickles stay far below: batches are 1,000 items. */
const STACK_LIMIT = 1 << 18;
const FINDINGS_LIMIT = 10_000;
/** Distinct imports listed per stream, and the characters of a name shown in a finding. */
const IMPORTS_LIMIT = 20_000;
const NAME_SHOWN = 300;
/** getattr imports whose use is tracked; past this each one is judged dangerous at once. */
const GETATTR_TRACKED = 4096;
/** Memo indices whose existence is tracked by one bit each (16 MiB at most). */
const MEMO_TRACKED = 1 << 27;
/** Memo entries kept with their value (strings, globals, dtypes), and the bytes of the strings. */
const MEMO_KEPT_LIMIT = 1 << 15;
const MEMO_STRING_BUDGET = 2 << 20;
/** Memo entries kept with their full content (numpy dtypes and joblib wrappers). */
const MEMO_FAT_LIMIT = 2048;
/** Strings memoized past the budget are remembered this long, to catch STACK_GLOBAL operands. */
const MEMO_RECENT = 64;
/** Indices beyond MEMO_TRACKED (only hand-made streams use them) remembered as existing. */
const MEMO_FAR_LIMIT = 1 << 16;
const PENDING_SIZE = LINE_LIMIT + 16;
/** Bytes per element of the legacy torch storage classes (torch._utils._element_size). */
export const TORCH_STORAGE_ELEMENT_SIZE: Record<string, number> = {
  DoubleStorage: 8, FloatStorage: 4, HalfStorage: 2, BFloat16Storage: 2, LongStorage: 8, IntStorage: 4, ShortStorage: 2,
  CharStorage: 1, ByteStorage: 1, BoolStorage: 1, ComplexDoubleStorage: 16, ComplexFloatStorage: 8, QInt8Storage: 1,
  QUInt8Storage: 1, QInt32Storage: 4, QUInt4x2Storage: 1, QUInt2x4Storage: 1, UntypedStorage: 1,
};

/** The legacy PyTorch magic number 0x1950a86a20f9469cfc6c, little-endian as LONG1 writes it. */
const TORCH_LEGACY_MAGIC = [0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];

const enum Phase {
  Between, // at the start of a stream or after a STOP
  Op, // expecting an opcode
  Need, // collecting a fixed number of bytes into `pending`
  Line, // collecting a newline-terminated argument into `pending`
  SkipPayload, // skipping a long payload by length
  SkipLine, // skipping an over-long line
  RawSkip, // skipping joblib inline array bytes or legacy torch storage bytes
  LegacySize, // reading a legacy torch storage's 8-byte element count
  PadLen, // reading joblib's one-byte alignment padding length
  Tail, // after the last pickle: bytes are counted, not parsed
  Dead, // after a malformed opcode: nothing more can be trusted or parsed
  Done, // `single`: the one pickle has stopped; the rest belongs to the caller
}

/**
 * The unpickler's memo, bounded whatever the pickle's object count. Every index's existence is
 * one bit (a GET of an index never PUT is malformed, as in CPython). Values are kept only when
 * they can name or reach a callable: strings (until a byte budget), globals, numpy dtypes and
 * joblib wrappers (their state locates inline array bytes). Plain data (dicts, tuples, lists,
 * numbers, call results) is kept as one shared placeholder. Strings memoized past the budget
 * stay in a short window, and the ones STACK_GLOBAL then uses are pinned, because picklers
 * memoize a module name right before the STACK_GLOBAL that uses it. `size` is CPython's len(memo).
 */
class Memo {
  size = 0;
  /** What a bound made the memo drop, once one was reached. */
  bound: string | null = null;
  private bits = new Uint8Array(64);
  private readonly kept = new Map<number, PickleValue>();
  // Strings memoized past the budget: a ring of the last MEMO_RECENT (index, value) pairs.
  private readonly recentIdx = new Float64Array(MEMO_RECENT).fill(-1);
  private readonly recentVal: Array<PickleValue | undefined> = new Array<PickleValue | undefined>(MEMO_RECENT);
  private recentPos = 0;
  private recentUsed = false;
  private far: Set<number> | null = null;
  private farFull = false;
  private stringBytes = 0;
  private fat = 0;

  get(idx: number): PickleValue | undefined {
    const v = this.kept.get(idx);
    if (v !== undefined) return v;
    if (this.recentUsed) {
      for (let k = 0; k < MEMO_RECENT; k++) if (this.recentIdx[k] === idx) return this.recentVal[k];
    }
    return this.exists(idx) ? MEMO_DATA : this.farFull && idx >= MEMO_TRACKED ? MEMO_DATA : undefined;
  }

  set(idx: number, v: PickleValue): void {
    if (!this.exists(idx)) {
      this.size++;
      this.mark(idx);
    }
    if (this.kept.size > 0 && this.kept.has(idx)) {
      const old = this.kept.get(idx) as PickleValue;
      if (old.t === 'str' && old.s !== null) this.stringBytes -= 24 + old.s.length;
      this.kept.delete(idx);
    }
    if (this.recentUsed) this.forgetRecent(idx);
    switch (v.t) {
      case 'str':
        if (v.s === null) return;
        if (this.stringBytes + 24 + v.s.length <= MEMO_STRING_BUDGET && this.kept.size < MEMO_KEPT_LIMIT) {
          this.stringBytes += 24 + v.s.length;
          this.kept.set(idx, v);
          return;
        }
        this.note(this.kept.size >= MEMO_KEPT_LIMIT ? `more than ${MEMO_KEPT_LIMIT} memoized values` : `more than ${MEMO_STRING_BUDGET >> 20} MiB of memoized strings`);
        this.recentUsed = true;
        this.recentIdx[this.recentPos] = idx;
        this.recentVal[this.recentPos] = v;
        this.recentPos = (this.recentPos + 1) % MEMO_RECENT;
        return;
      case 'global':
        if (this.kept.size < MEMO_KEPT_LIMIT) this.kept.set(idx, v);
        else this.note(`more than ${MEMO_KEPT_LIMIT} memoized names`);
        return;
      case 'obj':
        if (v.callee.t === 'global' && KEPT_RESULTS.has(v.callee.name)) {
          if (this.fat < MEMO_FAT_LIMIT && this.kept.size < MEMO_KEPT_LIMIT) {
            this.fat++;
            this.kept.set(idx, v);
          } else this.note(`more than ${MEMO_FAT_LIMIT} memoized numpy dtypes or joblib arrays`);
        }
        return;
      default:
    }
  }

  /** Keeps a string the window still holds: STACK_GLOBAL used it as an operand. */
  pin(v: PickleValue): void {
    if (!this.recentUsed || this.kept.size >= MEMO_KEPT_LIMIT + MEMO_FAR_LIMIT) return;
    for (let k = 0; k < MEMO_RECENT; k++) {
      if (this.recentVal[k] === v) {
        this.kept.set(this.recentIdx[k] as number, v);
        this.recentIdx[k] = -1;
        this.recentVal[k] = undefined;
        return;
      }
    }
  }

  private forgetRecent(idx: number): void {
    for (let k = 0; k < MEMO_RECENT; k++) {
      if (this.recentIdx[k] === idx) {
        this.recentIdx[k] = -1;
        this.recentVal[k] = undefined;
      }
    }
  }

  private exists(idx: number): boolean {
    if (idx < MEMO_TRACKED) {
      const byte = idx >>> 3;
      return byte < this.bits.length && ((this.bits[byte] as number) & (1 << (idx & 7))) !== 0;
    }
    return this.far?.has(idx) ?? false;
  }

  private mark(idx: number): void {
    if (idx < MEMO_TRACKED) {
      const byte = idx >>> 3;
      if (byte >= this.bits.length) {
        const next = new Uint8Array(Math.min(MEMO_TRACKED >>> 3, Math.max(byte + 1, this.bits.length * 2)));
        next.set(this.bits);
        this.bits = next;
      }
      this.bits[byte] = (this.bits[byte] as number) | (1 << (idx & 7));
      return;
    }
    this.far ??= new Set();
    if (this.far.size < MEMO_FAR_LIMIT) this.far.add(idx);
    else {
      this.farFull = true;
      this.note(`more than ${MEMO_FAR_LIMIT} memo indices above ${MEMO_TRACKED}`);
    }
  }

  private note(what: string): void {
    this.bound ??= what;
  }
}

/** Call results whose content the walker reads later (joblib's array layout). */
const KEPT_RESULTS = new Set(['numpy.dtype', 'joblib.numpy_pickle.NumpyArrayWrapper', 'sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper']);

/** A bound of the walker was reached: the rest of the stream is not followed (and not trusted). */
class BoundExceeded extends Error {}

/** Thrown inside the walker for malformed streams; never escapes {@link PickleScanner.push}. */
class Malformed extends Error {}

interface SavedContext {
  stack: PickleValue[];
  marks: number[];
  memo: Memo;
}

/**
 * Walks one byte stream that holds one or more pickles (and, for joblib, inline array bytes).
 * Results accumulate in {@link imports} and {@link findings}; offsets are stream offsets.
 */
export class PickleScanner {
  readonly imports = new Map<string, RawImport>();
  readonly findings: RawFinding[] = [];
  /** Complete pickles seen (STOP reached at top level). */
  pickles = 0;
  /** True once the stream proved to be a legacy (pre-1.6, non-zip) torch.save file. */
  torchLegacy = false;
  /** True once a joblib NumpyArrayWrapper was seen. */
  joblib = false;
  /** Bytes consumed so far. */
  offset = 0;
  /** Set when the stream could not be parsed (also reported as a finding unless probing). */
  malformed: string | null = null;
  opcodes = 0;
  /** `single`: stream offset just after the STOP, once reached. */
  stoppedAt: number | null = null;
  /** `single`: the simulated value the pickle returned. */
  result: PickleValue | null = null;

  private phase: Phase = Phase.Between;
  private stack: PickleValue[] = [];
  private marks: number[] = [];
  private memo = new Memo();
  private saved: SavedContext[] = [];
  // Grown on demand: most streams never split an argument across chunks, and 10,000 small files
  // should not each pay for a 64 KiB buffer.
  private pending = new Uint8Array(64);
  private pendingLen = 0;
  private needLen = 0;
  private needOp = 0;
  private needStage = 0; // 0: fixed arg or length prefix; 1: payload
  private lines: Uint8Array[] = [];
  private linesWanted = 0;
  private skipLeft = 0;
  private skipOp = 0;
  private opStart = 0;
  private afterRaw: 'op' | 'nested' | 'legacy' = 'op';
  // Legacy torch.save: storage element sizes declared by persistent ids in the object pickle,
  // the storage keys in the order the fifth pickle lists them, and the walk over their bytes.
  private readonly legacyElemSize = new Map<string, number>();
  private readonly legacyKeys: string[] = [];
  private legacyIndex = 0;
  private readonly legacySize = new Uint8Array(8);
  private legacySizeHave = 0;
  private legacyWalked = false;
  private findingsCut = false;
  private rawBytesLeft = 0;
  private tailStart = -1;
  private readonly findingKeys = new Set<string>();
  private persistentIds = 0;
  private spec: { start: number; findings: number; imports: string[]; getattrs: number } | null = null;
  /** Every getattr import still being judged by how it is used. */
  private getattrUses: GetattrUse[] = [];
  /** One shared value per imported name (a pickle may import the same class a million times). */
  private readonly globalsByName = new Map<string, PickleValue>();
  private memoBoundNoted = false;
  private compactAt = COMPACT_EVERY;
  private compactedTo = 0;

  constructor(private readonly opts: PickleScannerOptions) {}

  /** Feed the next chunk. Never throws for bad input: malformed streams become findings. */
  push(chunk: Uint8Array): void {
    const n = chunk.length;
    let i = 0;
    try {
      while (i < n) {
        switch (this.phase) {
          case Phase.Op:
            i = this.runOps(chunk, i);
            break;
          case Phase.Between:
            this.offset = this.chunkBase + i;
            this.startPickle(chunk[i] as number);
            break;
          case Phase.Need: {
            const take = Math.min(this.needLen - this.pendingLen, n - i);
            this.reservePending(this.pendingLen + take);
            this.pending.set(chunk.subarray(i, i + take), this.pendingLen);
            this.pendingLen += take;
            i += take;
            if (this.pendingLen === this.needLen) {
              this.phase = Phase.Op;
              this.offset = this.chunkBase + i;
              this.afterNeed(this.pending, 0);
            }
            break;
          }
          case Phase.Line: {
            const nl = chunk.indexOf(0x0a, i);
            const end = nl === -1 ? n : nl;
            const take = end - i;
            if (this.pendingLen + take > LINE_LIMIT) {
              this.offset = this.chunkBase + i;
              // Names longer than this never occur in real pickles; other lines are skipped unread.
              if (this.linesWanted > 1 || this.needOp === 0x67 || this.needOp === 0x70) {
                throw new Malformed(`${OP_NAME[this.needOp]} argument longer than ${LINE_LIMIT} bytes`);
              }
              this.phase = Phase.SkipLine;
              this.lines = [];
              break;
            }
            this.reservePending(this.pendingLen + take);
            this.pending.set(chunk.subarray(i, end), this.pendingLen);
            this.pendingLen += take;
            i = end;
            if (nl !== -1) {
              i++;
              this.lines.push(this.pending.slice(0, this.pendingLen));
              this.pendingLen = 0;
              if (this.lines.length === this.linesWanted) {
                this.phase = Phase.Op;
                this.offset = this.chunkBase + i;
                const lines = this.lines;
                this.lines = [];
                this.execLines(this.needOp, lines);
              }
            }
            break;
          }
          case Phase.SkipLine: {
            const nl = chunk.indexOf(0x0a, i);
            if (nl === -1) {
              i = n;
              break;
            }
            i = nl + 1;
            this.phase = Phase.Op;
            this.offset = this.chunkBase + i;
            this.execOverlongLine(this.needOp);
            break;
          }
          case Phase.SkipPayload:
          case Phase.RawSkip: {
            const take = Math.min(this.skipLeft, n - i);
            this.skipLeft -= take;
            i += take;
            if (this.skipLeft === 0) {
              this.offset = this.chunkBase + i;
              if (this.phase === Phase.SkipPayload) {
                this.phase = Phase.Op;
                this.execPayload(this.skipOp, null, 0, 0);
              } else if (this.afterRaw === 'legacy') {
                this.nextLegacyStorage();
              } else {
                this.phase = this.afterRaw === 'nested' ? Phase.Between : Phase.Op;
              }
            }
            break;
          }
          case Phase.PadLen: {
            const pad = chunk[i] as number;
            i++;
            this.skipLeft = pad + this.rawBytesLeft;
            this.phase = Phase.RawSkip;
            if (this.skipLeft === 0) this.phase = Phase.Op;
            break;
          }
          case Phase.LegacySize: {
            const take = Math.min(8 - this.legacySizeHave, n - i);
            this.legacySize.set(chunk.subarray(i, i + take), this.legacySizeHave);
            this.legacySizeHave += take;
            i += take;
            if (this.legacySizeHave === 8) {
              this.offset = this.chunkBase + i;
              this.startLegacyStorage();
            }
            break;
          }
          case Phase.Tail:
          case Phase.Dead:
          case Phase.Done:
            i = n;
            break;
        }
      }
    } catch (e) {
      if (e instanceof BoundExceeded) {
        this.offset = this.chunkBase + i;
        this.boundExceeded(e.message);
      } else {
        if (!(e instanceof Malformed)) throw e;
        this.offset = this.chunkBase + i;
        this.fail(e.message);
      }
    }
    this.chunkBase += n;
    this.offset = this.chunkBase;
  }

  /** Signal the end of the stream; reports truncation and trailing data. */
  finish(): void {
    if (this.opts.probe) return;
    if (this.spec && this.insidePickle) this.rollbackSpeculation();
    this.judgeGetattrs();
    this.noteMemoBound();
    switch (this.phase) {
      case Phase.Between:
        if (this.pickles === 0) this.addFinding('malformed', 'pickle.empty', 'no pickle opcodes: the stream is empty', this.offset);
        break;
      case Phase.LegacySize:
        this.addFinding('malformed', 'pytorch-legacy.truncated-storage', `stream ends inside the size header of storage ${this.legacyKeys[this.legacyIndex]}`, this.offset);
        break;
      case Phase.RawSkip:
      case Phase.PadLen:
        if (this.afterRaw === 'legacy') {
          this.addFinding('malformed', 'pytorch-legacy.truncated-storage', `stream ends ${this.skipLeft} bytes before the end of storage ${this.legacyKeys[this.legacyIndex]}`, this.offset);
          break;
        }
        this.addFinding('malformed', 'joblib.truncated-array', `stream ends ${this.skipLeft} bytes before the end of an inline joblib array`, this.offset);
        break;
      case Phase.Tail:
        if (this.torchLegacy && !this.legacyWalked) {
          this.addFinding('info', 'pytorch-legacy.storage-data', `${this.offset - this.tailStart} bytes of raw tensor storage follow the pickles (not pickle data)`, this.tailStart);
        } else {
          this.addFinding('warning', 'pickle.trailing-data', `${this.offset - this.tailStart} bytes after the last STOP are not a pickle; a custom loader could read them`, this.tailStart);
        }
        break;
      case Phase.Dead:
      case Phase.Done:
        break;
      default:
        this.addFinding('malformed', 'pickle.truncated', `stream ends inside a pickle (in ${OP_NAME[this.needOp] || 'an opcode'}); a truncated pickle cannot be vouched for`, this.offset);
    }
    if (this.persistentIds > 0 && !this.opts.persistentIdsExpected && !this.torchLegacy) {
      this.addFinding('warning', 'pickle.persistent-id', `${this.persistentIds} persistent id(s): the loader's persistent_load hook receives data from the file`, 0);
    }
  }

  /** Whether the stream parsed cleanly so far (used by format probing). */
  get ok(): boolean {
    return this.malformed === null;
  }

  /** Whether a pickle opcode stream has started but not yet stopped. */
  get insidePickle(): boolean {
    return this.phase !== Phase.Between && this.phase !== Phase.Tail && this.phase !== Phase.Dead;
  }

  // --- internals -------------------------------------------------------------------------------

  private chunkBase = 0;

  private startPickle(first: number): void {
    if (this.saved.length > 0) {
      // A nested pickle (joblib object array) must start right here.
      this.resetMachine();
      this.phase = Phase.Op;
      return;
    }
    if (this.pickles > 0) {
      // Another pickle may follow a STOP (torch legacy writes five; `pickle.dump` twice writes two).
      if (this.torchLegacy && this.pickles >= 5 && !this.legacyWalked) {
        this.enterTail();
        return;
      }
      if (ARG_KIND[first] === A_INVALID) {
        this.enterTail();
        return;
      }
      if (first !== 0x80) {
        // Without a PROTO opcode this may be plain data that happens to start like an opcode:
        // parse it speculatively and only keep what it imports if it is a complete pickle.
        this.spec = { start: this.offset, findings: this.findings.length, imports: [], getattrs: this.getattrUses.length };
      }
    }
    this.resetMachine();
    this.phase = Phase.Op;
  }

  /** A speculative parse of bytes after a STOP failed: they are trailing data, not a pickle. */
  private rollbackSpeculation(): void {
    const spec = this.spec as NonNullable<typeof this.spec>;
    this.spec = null;
    const dangerous = spec.imports.filter((n) => this.imports.get(n)?.classification === 'dangerous');
    this.getattrUses.length = Math.min(this.getattrUses.length, spec.getattrs);
    for (const n of spec.imports) this.imports.delete(n);
    for (const f of this.findings.splice(spec.findings)) this.findingKeys.delete(findingKey(f.rule, f.import, f.message));
    this.phase = Phase.Tail;
    this.tailStart = spec.start;
    if (dangerous.length > 0) {
      this.addFinding('warning', 'pickle.trailing-imports', `trailing bytes after the last STOP contain an incomplete pickle naming ${dangerous.join(', ')}`, spec.start);
    }
  }

  private reservePending(n: number): void {
    if (n <= this.pending.length) return;
    const next = new Uint8Array(Math.min(PENDING_SIZE, Math.max(n, this.pending.length * 2)));
    next.set(this.pending.subarray(0, this.pendingLen));
    this.pending = next;
  }

  private enterTail(): void {
    this.phase = Phase.Tail;
    this.tailStart = this.offset;
  }

  private resetMachine(): void {
    this.noteMemoBound();
    this.compactAt = COMPACT_EVERY;
    this.compactedTo = 0;
    this.stack = [];
    this.marks = [];
    this.memo = new Memo();
  }

  /** Says once that a memo bound was reached (what it dropped is flagged wherever it is used). */
  private noteMemoBound(): void {
    if (this.memo.bound === null || this.memoBoundNoted) return;
    this.memoBoundNoted = true;
    this.addFinding('info', 'pickle.memo-bound', `the memo held ${this.memo.bound}; later entries were kept as placeholders, and any use of one as an import name or call target is flagged as dangerous`, this.offset);
  }

  /**
   * A getattr import is dangerous unless every time it reaches the stack it is called as
   * getattr(<imported global>, '<identifier>'), which imports the same thing STACK_GLOBAL would
   * and was judged as that name (enum members and classmethod unpicklers are written this way).
   */
  private judgeGetattrs(): void {
    for (const g of this.getattrUses) {
      if (g.tokens > g.lookups) {
        this.recordImport(g.name, 'dangerous', g.offset);
        this.addFinding('dangerous', 'pickle.dangerous-import', `${g.via} imports ${g.name}: builtins.${g.name.split('.').pop()} evaluates, imports, reflects or opens files`, g.offset, g.name);
      }
    }
    this.getattrUses = [];
  }

  /** The hot loop: opcodes whose arguments lie inside this chunk are handled without copying. */
  private runOps(chunk: Uint8Array, start: number): number {
    const n = chunk.length;
    let i = start;
    const base = this.chunkBase;
    while (i < n) {
      if (this.phase !== Phase.Op) return i;
      const op = chunk[i] as number;
      this.opStart = base + i;
      this.opcodes++;
      const kind = ARG_KIND[op];
      if (kind === A_NONE) {
        i++;
        this.offset = base + i;
        this.execNoArg(op);
        continue;
      }
      if (kind === A_FIXED || kind === A_LEN) {
        const size = ARG_SIZE[op] as number;
        if (i + 1 + size <= n) {
          i += 1 + size;
          this.offset = base + i;
          this.needOp = op;
          this.needStage = 0;
          const payloadLen = this.afterArg(op, chunk, i - size);
          if (payloadLen > 0) {
            // Payload wanted in memory: take it straight from the chunk when it is all there.
            if (i + payloadLen <= n) {
              i += payloadLen;
              this.offset = base + i;
              this.phase = Phase.Op;
              this.execPayload(op, chunk, i - payloadLen, payloadLen);
            } else {
              this.needStage = 1;
              this.needLen = payloadLen;
              this.pendingLen = 0;
              this.phase = Phase.Need;
            }
          }
          continue;
        }
        this.needOp = op;
        this.needStage = 0;
        this.needLen = size;
        this.pendingLen = 0;
        this.phase = Phase.Need;
        i++;
        continue;
      }
      if (kind === A_LINE) {
        const wanted = ARG_SIZE[op] as number;
        const nl1 = chunk.indexOf(0x0a, i + 1);
        if (nl1 !== -1 && nl1 - i - 1 <= LINE_LIMIT) {
          if (wanted === 1) {
            const line = chunk.subarray(i + 1, nl1);
            i = nl1 + 1;
            this.offset = base + i;
            this.execLines(op, [line]);
            continue;
          }
          const nl2 = chunk.indexOf(0x0a, nl1 + 1);
          if (nl2 !== -1 && nl2 - nl1 - 1 <= LINE_LIMIT) {
            const l1 = chunk.subarray(i + 1, nl1);
            const l2 = chunk.subarray(nl1 + 1, nl2);
            i = nl2 + 1;
            this.offset = base + i;
            this.execLines(op, [l1, l2]);
            continue;
          }
        }
        // Slow path: the argument crosses the chunk end (or is absurdly long).
        this.needOp = op;
        this.linesWanted = wanted;
        this.lines = [];
        this.pendingLen = 0;
        this.phase = Phase.Line;
        return i + 1;
      }
      this.offset = base + i;
      throw new Malformed(`invalid opcode 0x${op.toString(16).padStart(2, '0')}`);
    }
    return i;
  }

  /** A fixed argument or length prefix is complete in `pending` (slow path). */
  private afterNeed(buf: Uint8Array, off: number): void {
    const op = this.needOp;
    if (this.needStage === 1) {
      this.execPayload(op, buf, off, this.needLen);
      return;
    }
    const payloadLen = this.afterArg(op, buf, off);
    if (payloadLen > 0) {
      this.needStage = 1;
      this.needLen = payloadLen;
      this.pendingLen = 0;
      this.phase = Phase.Need;
    }
  }

  /**
   * Handles a complete fixed-size argument. For length-prefixed opcodes returns the payload
   * length to capture (0 when the payload is skipped or empty).
   */
  private afterArg(op: number, buf: Uint8Array, off: number): number {
    if (ARG_KIND[op] === A_FIXED) {
      this.execFixed(op, buf, off);
      return 0;
    }
    const size = ARG_SIZE[op] as number;
    let len: number;
    if (size === 1) len = buf[off] as number;
    else if (size === 4) {
      len = readU32(buf, off);
      // BINSTRING and LONG4 lengths are signed in CPython; a negative one is an error there.
      if ((op === 0x54 || op === 0x8b) && len > 0x7fffffff) throw new Malformed(`negative length in ${OP_NAME[op]}`);
    } else {
      const lo = readU32(buf, off);
      const hi = readU32(buf, off + 4);
      if (hi > 0x1fffff) throw new Malformed(`absurd length in ${OP_NAME[op]}`);
      len = hi * 0x100000000 + lo;
    }
    const wanted = op === 0x54 || op === 0x55 || op === 0x58 || op === 0x8c || op === 0x8d || op === 0x8a;
    if (len === 0) {
      this.execPayload(op, buf, off, 0);
      return 0;
    }
    if (wanted && len <= CAPTURE_LIMIT) return len;
    this.skipOp = op;
    this.skipLeft = len;
    this.phase = Phase.SkipPayload;
    return 0;
  }

  private execFixed(op: number, buf: Uint8Array, off: number): void {
    switch (op) {
      case 0x4a: // BININT
        this.push1(intValue(readI32(buf, off)));
        return;
      case 0x4b: // BININT1
        this.push1(intValue(buf[off] as number));
        return;
      case 0x4d: // BININT2
        this.push1(intValue((buf[off] as number) | ((buf[off + 1] as number) << 8)));
        return;
      case 0x47: // BINFLOAT
        this.push1(SCALAR);
        return;
      case 0x68: // BINGET
        this.get(buf[off] as number);
        return;
      case 0x6a: // LONG_BINGET
        this.get(readU32(buf, off));
        return;
      case 0x71: // BINPUT
        this.put(buf[off] as number);
        return;
      case 0x72: // LONG_BINPUT
        this.put(readU32(buf, off));
        return;
      case 0x80: { // PROTO
        const v = buf[off] as number;
        if (v > 5) throw new Malformed(`unsupported pickle protocol ${v}`);
        return;
      }
      case 0x82:
      case 0x83:
      case 0x84: { // EXT1/2/4
        const code = op === 0x82 ? (buf[off] as number) : op === 0x83 ? (buf[off] as number) | ((buf[off + 1] as number) << 8) : readU32(buf, off);
        const name = `<copyreg extension ${code}>`;
        this.recordImport(name, 'dangerous');
        this.addFinding('dangerous', 'pickle.extension-registry', `${OP_NAME[op]} loads the global registered as extension code ${code} in copyreg; the target cannot be known from the file`, this.opStart, name);
        this.push1({ t: 'global', name, module: name, qual: '', classification: 'dangerous' });
        return;
      }
      case 0x95: // FRAME: framing is a read-ahead hint; the opcodes inside are walked normally
        if (readU32(buf, off + 4) > 0x1fffff) throw new Malformed('absurd FRAME length');
        return;
    }
  }

  private execPayload(op: number, buf: Uint8Array | null, off: number, len: number): void {
    const bytes = buf ? buf.subarray(off, off + len) : null;
    switch (op) {
      case 0x54: // BINSTRING
      case 0x55: // SHORT_BINSTRING
        this.pushStr(bytes ? this.str(decodeLatin1(bytes)) : LONG_STRING);
        return;
      case 0x58:
      case 0x8c:
      case 0x8d: // BINUNICODE, SHORT_BINUNICODE, BINUNICODE8
        this.pushStr(bytes ? this.str(decodeUtf8(bytes)) : LONG_STRING);
        return;
      case 0x8a: // LONG1
        if (bytes && this.pickles === 0 && this.stack.length === 0 && bytes.length === 10 && TORCH_LEGACY_MAGIC.every((b, k) => bytes[k] === b)) {
          this.torchLegacy = true;
        }
        this.push1(bytes ? intValue(decodeLong(bytes)) : SCALAR);
        return;
      case 0x8b: // LONG4
        this.push1(SCALAR);
        return;
      case 0x42:
      case 0x43:
      case 0x8e:
      case 0x96: // BINBYTES, SHORT_BINBYTES, BINBYTES8, BYTEARRAY8
        this.push1(BYTES);
        return;
    }
  }

  private execOverlongLine(op: number): void {
    if (op === 0x63 || op === 0x69) throw new Malformed(`${OP_NAME[op]} argument longer than ${LINE_LIMIT} bytes`);
    if (op === 0x53 || op === 0x56) this.push1(LONG_STRING);
    else if (op === 0x67 || op === 0x70) throw new Malformed(`${OP_NAME[op]} argument longer than ${LINE_LIMIT} bytes`);
    else if (op === 0x50) this.persid(LONG_STRING);
    else this.push1(SCALAR);
  }

  private execLines(op: number, lines: Uint8Array[]): void {
    const l0 = lines[0] as Uint8Array;
    switch (op) {
      case 0x46: // FLOAT
        this.push1(SCALAR);
        return;
      case 0x49: { // INT (also I00/I01 booleans)
        const s = decodeLatin1(l0);
        if (!/^\s*[-+]?\d+L?\s*$/.test(s)) throw new Malformed(`INT argument is not an integer: ${JSON.stringify(s.slice(0, 40))}`);
        this.push1(s === '00' || s === '01' ? SCALAR : intValue(Number.parseInt(s, 10)));
        return;
      }
      case 0x4c: { // LONG
        const s = decodeLatin1(l0);
        if (!/^\s*[-+]?\d+L?\s*$/.test(s)) throw new Malformed(`LONG argument is not an integer: ${JSON.stringify(s.slice(0, 40))}`);
        this.push1(intValue(Number.parseInt(s, 10)));
        return;
      }
      case 0x53: { // STRING
        const s = decodeStringOpcodeArg(trimAsciiSpaceEnd(l0));
        if (s === null) throw new Malformed('STRING argument is not a quoted string');
        this.pushStr(this.str(s));
        return;
      }
      case 0x56: { // UNICODE
        const s = decodeRawUnicodeEscape(l0);
        if (s === null) throw new Malformed('UNICODE argument has a bad escape');
        this.pushStr(this.str(s));
        return;
      }
      case 0x50: // PERSID
        this.persid({ t: 'str', s: decodeLatin1(l0), literal: true });
        return;
      case 0x67: // GET
        this.get(parseIndex(l0, 'GET'));
        return;
      case 0x70: // PUT
        this.put(parseIndex(l0, 'PUT'));
        return;
      case 0x63: { // GLOBAL
        const g = this.importGlobal(decodeUtf8(l0), decodeUtf8(lines[1] as Uint8Array), 'GLOBAL');
        this.push1(g);
        return;
      }
      case 0x69: { // INST
        const g = this.importGlobal(decodeUtf8(l0), decodeUtf8(lines[1] as Uint8Array), 'INST');
        const args = this.popMark();
        this.call(g, tupleOf(args), 'INST');
        return;
      }
    }
  }

  private execNoArg(op: number): void {
    switch (op) {
      case 0x28: // MARK
        if (this.marks.length >= STACK_LIMIT) throw new Malformed('too many MARKs');
        this.marks.push(this.stack.length);
        return;
      case 0x2e: // STOP
        this.stop();
        return;
      case 0x30: // POP: with an empty frame CPython pops the mark instead
        if (this.stack.length > this.frameBase()) this.stack.pop();
        else this.popMark();
        return;
      case 0x31: // POP_MARK
        this.popMark();
        return;
      case 0x32: { // DUP
        const v = this.top('DUP');
        if (v.t === 'global' && v.getattr) v.getattr.tokens++;
        this.push1(v);
        return;
      }
      case 0x4e: // NONE
        this.push1(NONE);
        return;
      case 0x88:
      case 0x89: // NEWTRUE / NEWFALSE
        this.push1(SCALAR);
        return;
      case 0x51: // BINPERSID
        this.persid(this.pop('BINPERSID'));
        return;
      case 0x52: { // REDUCE
        const args = this.pop('REDUCE');
        const callee = this.pop('REDUCE');
        this.call(callee, args, 'REDUCE');
        return;
      }
      case 0x81: { // NEWOBJ
        const args = this.pop('NEWOBJ');
        const cls = this.pop('NEWOBJ');
        this.call(cls, args, 'NEWOBJ');
        return;
      }
      case 0x92: { // NEWOBJ_EX
        this.pop('NEWOBJ_EX');
        const args = this.pop('NEWOBJ_EX');
        const cls = this.pop('NEWOBJ_EX');
        this.call(cls, args, 'NEWOBJ_EX');
        return;
      }
      case 0x6f: { // OBJ
        const items = this.popMark();
        const cls = items[0];
        if (!cls) throw new Malformed('OBJ without a class');
        this.call(cls, tupleOf(items.slice(1)), 'OBJ');
        return;
      }
      case 0x62: { // BUILD
        const state = this.pop('BUILD');
        const target = this.top('BUILD');
        if (target.t === 'obj') this.build(target, state);
        return;
      }
      case 0x93: { // STACK_GLOBAL
        const name = this.pop('STACK_GLOBAL');
        const module = this.pop('STACK_GLOBAL');
        if (module.t === 'str' && name.t === 'str' && module.literal && name.literal && module.s !== null && name.s !== null) {
          this.memo.pin(module);
          this.memo.pin(name);
          this.push1(this.importGlobal(module.s, name.s, 'STACK_GLOBAL'));
        } else {
          // Python pickles always write the operands as literal strings. Anything else was built
          // at load time (e.g. `_codecs.encode` output, a REDUCE result) to hide the real name.
          const shown = clip(`${describe(module)}.${describe(name)}`);
          this.recordImport(shown, 'dangerous');
          this.addFinding('dangerous', 'pickle.dynamic-global', `STACK_GLOBAL operands are not literal strings (${shown}): the imported name is computed at load time`, this.opStart, shown);
          this.push1({ t: 'global', name: shown, module: shown, qual: '', classification: 'dangerous' });
        }
        return;
      }
      case 0x94: // MEMOIZE
        this.put(this.memo.size); // CPython uses len(memo) as the index
        return;
      case 0x29: // EMPTY_TUPLE
        this.push1(EMPTY_TUPLE);
        return;
      case 0x85:
      case 0x86:
      case 0x87: { // TUPLE1/2/3
        const k = op - 0x84;
        if (this.stack.length - this.frameBase() < k) throw new Malformed(`stack underflow in ${OP_NAME[op]}`);
        const items = this.stack.splice(this.stack.length - k, k);
        this.stackShrunk();
        this.push1(tupleOf(items));
        return;
      }
      case 0x74: // TUPLE
        this.push1(tupleOf(this.popMark()));
        return;
      case 0x5d: // EMPTY_LIST
        this.push1({ t: 'list', items: [], truncated: false, w: 0, d: 1 });
        return;
      case 0x6c: { // LIST
        const items = this.popMark();
        const list: PickleValue = { t: 'list', items: [], truncated: false, w: 0, d: 1 };
        for (const v of items) if (!appendCapped(list, v)) break;
        this.push1(list);
        return;
      }
      case 0x61: { // APPEND
        const v = this.pop('APPEND');
        const list = this.top('APPEND');
        if (list.t === 'list') appendCapped(list, v);
        return;
      }
      case 0x65: { // APPENDS
        const items = this.popMark();
        const list = this.top('APPENDS');
        if (list.t === 'list') for (const v of items) if (!appendCapped(list, v)) break;
        return;
      }
      case 0x7d: // EMPTY_DICT
        this.push1({ t: 'dict', keys: [], vals: [], w: 0, d: 1 });
        return;
      case 0x64: { // DICT
        const items = this.popMark();
        if (items.length % 2 !== 0) throw new Malformed('DICT with an odd number of items');
        const d: PickleValue = { t: 'dict', keys: [], vals: [], w: 0, d: 1 };
        for (let k = 0; k + 1 < items.length; k += 2) if (!setItem(d, items[k] as PickleValue, items[k + 1] as PickleValue)) break;
        this.push1(d);
        return;
      }
      case 0x73: { // SETITEM
        const v = this.pop('SETITEM');
        const k = this.pop('SETITEM');
        const d = this.top('SETITEM');
        if (d.t === 'dict') setItem(d, k, v);
        return;
      }
      case 0x75: { // SETITEMS
        const items = this.popMark();
        if (items.length % 2 !== 0) throw new Malformed('SETITEMS with an odd number of items');
        const d = this.top('SETITEMS');
        if (d.t === 'dict') for (let k = 0; k + 1 < items.length; k += 2) if (!setItem(d, items[k] as PickleValue, items[k + 1] as PickleValue)) break;
        return;
      }
      case 0x8f: // EMPTY_SET
        this.push1(SET);
        return;
      case 0x90: // ADDITEMS
        this.popMark();
        this.top('ADDITEMS');
        return;
      case 0x91: // FROZENSET
        this.popMark();
        this.push1(SET);
        return;
      case 0x97: // NEXT_BUFFER
        this.push1(BUFFER);
        return;
      case 0x98: // READONLY_BUFFER
        this.top('READONLY_BUFFER');
        return;
    }
    throw new Malformed(`unhandled opcode 0x${op.toString(16)}`);
  }

  private stop(): void {
    const value = this.pop('STOP');
    if (this.saved.length > 0) {
      const ctx = this.saved.pop() as SavedContext;
      this.stack = ctx.stack;
      this.marks = ctx.marks;
      this.memo = ctx.memo;
      this.compactedTo = 0;
      this.compactAt = this.stack.length + COMPACT_EVERY;
      this.phase = Phase.Op;
      return;
    }
    if (this.opts.single) {
      this.pickles++;
      this.result = value;
      this.stoppedAt = this.offset;
      this.phase = Phase.Done;
      return;
    }
    this.pickles++;
    this.spec = null;
    this.judgeGetattrs();
    this.phase = Phase.Between;
    if (this.torchLegacy && this.pickles === 5) {
      // torch's legacy loader now reads each listed storage: an int64 element count, then bytes.
      this.legacyIndex = -1;
      this.nextLegacyStorage();
    }
    if (this.pickles > 1 && !this.torchLegacy) {
      this.addFinding('info', 'pickle.multiple-streams', 'more than one pickle in this stream; every one was scanned', this.opStart);
    }
  }

  private importGlobal(module: string, name: string, via: string): PickleValue {
    const full = `${module}.${name}`;
    const verdict = this.opts.policy.classify(module, name);
    const shown = clip(full);
    if (verdict.classification === 'dangerous' && verdict.accepted === undefined && (full === 'builtins.getattr' || full === '__builtin__.getattr') && this.getattrUses.length < GETATTR_TRACKED) {
      // Judged at the end by how it is used (see judgeGetattrs): one value per import.
      const use: GetattrUse = { tokens: 1, lookups: 0, offset: this.opStart, name: full, via };
      this.getattrUses.push(use);
      return { t: 'global', name: full, module, qual: name, classification: 'dangerous', getattr: use };
    }
    this.recordImport(shown, verdict.classification, this.opStart, verdict.accepted);
    if (verdict.classification === 'dangerous') {
      if (verdict.accepted !== undefined) {
        this.addFinding('warning', 'pickle.dangerous-import-accepted', `${via} imports ${shown}, a dangerous global accepted by allow-dangerous-globals: ${verdict.accepted}`, this.opStart, shown);
      } else {
        const why = verdict.reason ?? 'dangerous';
        const ignored = verdict.allowIgnored ? ' (allow-globals cannot clear a dangerous global; a team that must load it names it in allow-dangerous-globals with a reason)' : '';
        this.addFinding('dangerous', 'pickle.dangerous-import', `${via} imports ${shown}: ${why}${ignored}`, this.opStart, shown);
      }
    } else if (verdict.classification === 'unknown') {
      this.addFinding('unknown-import', 'pickle.unknown-import', `${via} imports ${shown}, which is not on the allow-list. If you trust it, add this line to the validate-model step: allow-globals: ${shown}`, this.opStart, shown);
    }
    const cached = this.globalsByName.get(full);
    if (cached) return cached;
    const g: PickleValue = verdict.referenceOnly
      ? { t: 'global', name: shown, module, qual: name, classification: verdict.classification, referenceOnly: true }
      : { t: 'global', name: shown, module, qual: name, classification: verdict.classification };
    if (this.globalsByName.size < IMPORTS_LIMIT) this.globalsByName.set(full, g);
    return g;
  }

  /** REDUCE, NEWOBJ, NEWOBJ_EX, OBJ and INST: check what is called, push what it returns. */
  private call(callee: PickleValue, args: PickleValue, op: string): void {
    if (callee.t === 'global' && callee.getattr) {
      const target = args.t === 'tuple' && args.items.length === 2 ? args.items[0] : undefined;
      const attr = args.t === 'tuple' && args.items.length === 2 ? args.items[1] : undefined;
      if (op === 'REDUCE' && target?.t === 'global' && !target.getattr && target.qual !== '' && attr?.t === 'str' && attr.literal && attr.s !== null) {
        // getattr(cls, 'name') is the import `module.cls.name`, judged as STACK_GLOBAL would be.
        callee.getattr.lookups++;
        this.push1(this.importGlobal(target.module, `${target.qual}.${attr.s}`, 'getattr'));
        return;
      }
    }
    this.checkCallee(callee, op);
    const a = keepChild(0, args);
    this.push1({ t: 'obj', callee, args: a, state: null, w: weightOf(a), d: 1 + depthOf(a) });
  }

  /** BUILD: only the state the walker reads later is kept (numpy dtypes, joblib wrappers). */
  private build(target: Extract<PickleValue, { t: 'obj' }>, state: PickleValue): void {
    const callee = target.callee;
    if (callee.t !== 'global' || !KEPT_RESULTS.has(callee.name)) return;
    // A dtype's state is read only for its top-level ints (itemsize, flags). A structured dtype
    // (scikit-learn's KD and ball trees) also holds its field names and one nested dtype per field:
    // drop those, so the dtype stays small enough to be kept inside the joblib wrapper that uses it.
    if (callee.name === 'numpy.dtype' && state.t === 'tuple') state = tupleOf(state.items.map((v) => (v.t === 'int' ? v : NONE)));
    if (target.w + weightOf(state) > RETAIN_LIMIT) state = DROPPED;
    target.state = state;
    // The state counts toward the weight, not the depth: only its top-level ints are read (a
    // structured dtype's field dict under it must not make the dtype itself too deep to keep).
    target.w += weightOf(state);
    this.afterBuild(target);
  }

  private checkCallee(v: PickleValue, op: string): void {
    if (v.t === 'global') {
      if (v.getattr) v.getattr.tokens++; // called any other way than an attribute lookup: dangerous
      if (v.referenceOnly) {
        this.addFinding('unknown-import', 'pickle.reference-called', `${op} calls ${v.name} while loading; it is allowed as a stored function (a parameter), not as something the file runs. If you trust this call, add: allow-globals: ${v.name}`, this.opStart, v.name);
      }
      return;
    }
    // Loaders only ever call imported classes and functions. Calling anything else means a
    // callable was produced at load time (`getattr(obj, 'system')` then REDUCE).
    const shown = clip(describe(v));
    const untracked = v.t === 'opaque' ? ` (${v.why}; a value the walker did not keep is never trusted as a call target)` : '';
    this.addFinding('dangerous', 'pickle.call-computed', `${op} calls a value that is not an imported global (${shown}): a getattr chain or computed callable${untracked}`, this.opStart, shown);
  }

  private afterBuild(target: Extract<PickleValue, { t: 'obj' }>): void {
    const callee = target.callee;
    if (callee.t !== 'global') return;
    if (callee.name !== 'joblib.numpy_pickle.NumpyArrayWrapper' && callee.name !== 'sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper') return;
    this.joblib = true;
    // joblib's unpickler reads the array straight from the file right after this BUILD:
    // object arrays as a nested pickle, others as raw bytes (after optional alignment padding).
    const layout = joblibArrayLayout(target.state);
    if (layout === null) {
      // joblib reads on from wherever the real array ends: bytes the walker cannot locate could
      // hold a pickle, so the file fails the gate rather than pass unread.
      this.addFinding('dangerous', 'joblib.unlocated-array', 'a joblib NumpyArrayWrapper state does not give a shape and dtype the walker can follow; the bytes after it are not scanned, so the file cannot be vouched for', this.opStart);
      throw new Malformed('joblib NumpyArrayWrapper state does not give a shape and dtype; the array bytes that follow cannot be located');
    }
    if (layout.hasObject) {
      if (this.saved.length >= 8) throw new Malformed('joblib object arrays nested too deeply');
      this.saved.push({ stack: this.stack, marks: this.marks, memo: this.memo });
      this.stack = [];
      this.marks = [];
      this.memo = new Memo();
      this.phase = Phase.Between;
      return;
    }
    this.afterRaw = 'op';
    if (layout.aligned) {
      this.rawBytesLeft = layout.bytes;
      this.phase = Phase.PadLen;
    } else if (layout.bytes > 0) {
      this.skipLeft = layout.bytes;
      this.phase = Phase.RawSkip;
    }
  }

  private nextLegacyStorage(): void {
    this.legacyIndex++;
    if (this.legacyIndex >= this.legacyKeys.length) {
      this.legacyWalked = true;
      this.phase = Phase.Between; // anything after the storages is trailing data
      return;
    }
    this.legacySizeHave = 0;
    this.phase = Phase.LegacySize;
  }

  private startLegacyStorage(): void {
    const key = this.legacyKeys[this.legacyIndex] as string;
    const elem = this.legacyElemSize.get(key);
    if (elem === undefined) {
      // A storage class this walker does not know the element size of: count the rest as
      // storage data rather than guess (and claim nothing about it being malformed).
      this.enterTail();
      this.tailStart -= 8;
      return;
    }
    const lo = readU32(this.legacySize, 0);
    const hi = readU32(this.legacySize, 4);
    if (hi > 0x1fffff) throw new Malformed(`absurd element count for legacy storage ${JSON.stringify(key)}`);
    this.skipLeft = (hi * 0x100000000 + lo) * elem;
    this.afterRaw = 'legacy';
    if (this.skipLeft === 0) this.nextLegacyStorage();
    else this.phase = Phase.RawSkip;
  }

  private persid(pid: PickleValue): void {
    if (this.torchLegacy && this.pickles === 3 && pid.t === 'tuple') {
      const [tag, type, key] = pid.items;
      if (tag?.t === 'str' && tag.s === 'storage' && type?.t === 'global' && key?.t === 'str' && key.s !== null) {
        const size = TORCH_STORAGE_ELEMENT_SIZE[type.name.replace(/^torch\./, '')];
        if (size !== undefined) this.legacyElemSize.set(key.s, size);
      }
    }
    this.persistentIds++;
    this.push1({ t: 'pers', pid });
  }

  private frameBase(): number {
    return this.marks.length > 0 ? (this.marks[this.marks.length - 1] as number) : 0;
  }

  private push1(v: PickleValue): void {
    const n = this.stack.length;
    if (n >= this.compactAt) {
      if (n >= STACK_LIMIT) throw new BoundExceeded(`more than ${STACK_LIMIT} values on the stack at once`);
      this.compactStack();
    }
    this.stack.push(v);
  }

  /** Drops the content of values buried in a large frame or a deep stack (see FRAME_HEAD). */
  private compactStack(): void {
    const n = this.stack.length;
    const end = n - STACK_LIVE_TOP;
    const head = this.frameBase() + FRAME_HEAD;
    const deep = n > SHALLOW_STACK;
    for (let k = Math.max(0, this.compactedTo); k < end; k++) {
      const v = this.stack[k] as PickleValue;
      if (v.t === 'global') continue;
      const w = weightOf(v);
      if ((k >= head && w > 0) || (deep && w > SETTLED_WEIGHT)) this.stack[k] = DROPPED;
    }
    if (end > this.compactedTo) this.compactedTo = end;
    this.compactAt = n + COMPACT_EVERY;
  }

  /** A literal string value; past the length of any real name it is only "a long string". */
  private str(s: string): PickleValue {
    return s.length > (this.stack.length < SHALLOW_STACK ? NAME_CHARS : NAME_CHARS_DEEP) ? LONG_STRING : { t: 'str', s, literal: true };
  }

  /** Pushes a string; in a legacy torch file's fifth pickle the strings are the storage keys. */
  private pushStr(v: PickleValue): void {
    if (this.torchLegacy && this.pickles === 4 && v.t === 'str' && v.s !== null && this.legacyKeys.length < 1_000_000) this.legacyKeys.push(v.s);
    this.push1(v);
  }

  private pop(op: string): PickleValue {
    if (this.stack.length <= this.frameBase()) throw new Malformed(`stack underflow in ${op}`);
    return this.stack.pop() as PickleValue;
  }

  private top(op: string): PickleValue {
    if (this.stack.length <= this.frameBase()) throw new Malformed(`stack underflow in ${op}`);
    return this.stack[this.stack.length - 1] as PickleValue;
  }

  private popMark(): PickleValue[] {
    const m = this.marks.pop();
    if (m === undefined) throw new Malformed('MARK expected but none on the stack');
    const items = this.stack.splice(m);
    this.stackShrunk();
    return items;
  }

  private stackShrunk(): void {
    const n = this.stack.length;
    if (this.compactedTo > n) this.compactedTo = n;
    if (this.compactAt > n + COMPACT_EVERY) this.compactAt = n + COMPACT_EVERY;
  }

  private get(idx: number): void {
    const v = this.memo.get(idx);
    if (v === undefined) throw new Malformed(`memo value not found at index ${idx}`);
    if (v.t === 'global' && v.getattr) v.getattr.tokens++;
    this.push1(v);
  }

  private put(idx: number): void {
    if (idx < 0) throw new Malformed('negative PUT argument');
    this.memo.set(idx, this.top('PUT'));
  }

  private recordImport(name: string, classification: ImportClassification, offset = this.opStart, accepted?: string): void {
    const hit = this.imports.get(name);
    if (hit) hit.count++;
    else if (this.imports.size < IMPORTS_LIMIT) {
      const rec: RawImport = { name, classification, offset, count: 1 };
      if (accepted !== undefined) rec.accepted = accepted;
      this.imports.set(name, rec);
      this.spec?.imports.push(name);
    }
  }

  private addFinding(severity: Severity, rule: string, message: string, offset: number, imp?: string): void {
    // One finding per rule and import: a model that imports the same unknown class 10,000 times
    // should produce one line, not 10,000.
    const key = findingKey(rule, imp, message);
    if (this.findingKeys.has(key)) return;
    // Bounded: a hostile stream can mint millions of distinct names. Dangerous findings get more
    // room than the rest; past the bound one finding says the list was cut.
    const cap = severity === 'dangerous' ? FINDINGS_LIMIT * 10 : FINDINGS_LIMIT;
    if (this.findings.length >= cap) {
      if (!this.findingsCut) {
        this.findingsCut = true;
        this.findings.push({ severity: 'warning', rule: 'pickle.too-many-findings', message: `more than ${FINDINGS_LIMIT} distinct findings; the rest are not listed`, offset });
      }
      return;
    }
    this.findingKeys.add(key);
    const f: RawFinding = { severity, rule, message, offset };
    if (imp !== undefined) f.import = imp;
    this.findings.push(f);
  }

  /** A walker bound was reached: nothing after this point is followed, so the file fails the gate. */
  private boundExceeded(message: string): void {
    if (this.spec) {
      this.rollbackSpeculation();
      return;
    }
    this.malformed = message;
    this.phase = Phase.Dead;
    if (!this.opts.probe) {
      this.addFinding('dangerous', 'pickle.bound-exceeded', `${message}: past this bound the scanner does not follow the stream, so what follows is not scanned and the file cannot be vouched for`, this.opStart);
    }
  }

  private fail(message: string): void {
    if (this.spec) {
      this.rollbackSpeculation();
      return;
    }
    this.malformed = message;
    this.phase = Phase.Dead;
    if (!this.opts.probe) {
      this.addFinding('malformed', 'pickle.malformed', `${message}; the rest of the stream cannot be parsed and is not trusted`, this.opStart);
    }
  }
}

function findingKey(rule: string, imp: string | undefined, message: string): string {
  return `${rule}\u0000${imp ?? message}`;
}

function readU32(b: Uint8Array, o: number): number {
  return ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16)) + (b[o + 3] as number) * 0x1000000;
}

function readI32(b: Uint8Array, o: number): number {
  return (b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16) | ((b[o + 3] as number) << 24);
}

/** Two's-complement little-endian (LONG1); beyond 2^53 the exact value does not matter here. */
function decodeLong(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  let v = 0;
  for (let k = bytes.length - 1; k >= 0; k--) v = v * 256 + (bytes[k] as number);
  if (((bytes[bytes.length - 1] as number) & 0x80) !== 0) v -= 2 ** (8 * bytes.length);
  return v;
}

function parseIndex(line: Uint8Array, op: string): number {
  const s = decodeLatin1(line).trim();
  if (!/^\d+$/.test(s)) throw new Malformed(`${op} argument is not an index`);
  return Number.parseInt(s, 10);
}

function trimAsciiSpaceEnd(b: Uint8Array): Uint8Array {
  let end = b.length;
  while (end > 0 && (b[end - 1] === 0x20 || b[end - 1] === 0x0d || b[end - 1] === 0x09)) end--;
  return b.subarray(0, end);
}

/** A child as a container keeps it: itself while the container stays within RETAIN_LIMIT bytes. */
function keepChild(w: number, v: PickleValue): PickleValue {
  return w + weightOf(v) > RETAIN_LIMIT || depthOf(v) >= CHILD_DEPTH_LIMIT ? DROPPED : v;
}

function tupleOf(items: PickleValue[]): PickleValue {
  if (items.length === 0) return EMPTY_TUPLE;
  const truncated = items.length > CONTAINER_ITEM_CAP;
  const n = Math.min(items.length, CONTAINER_ITEM_CAP);
  let w = 0;
  let d = 1;
  for (let k = 0; k < n; k++) {
    const v = keepChild(w, items[k] as PickleValue);
    if (v !== items[k]) items[k] = v;
    w += weightOf(v) + 8;
    const vd = depthOf(v);
    if (vd >= d) d = vd + 1;
  }
  if (items.length > n) items.length = n;
  return { t: 'tuple', items, truncated, w, d };
}

function appendCapped(list: Extract<PickleValue, { t: 'list' }>, v: PickleValue): boolean {
  if (list.items.length >= CONTAINER_ITEM_CAP) {
    list.truncated = true;
    return false;
  }
  const kept = keepChild(list.w, v);
  list.items.push(kept);
  list.w += weightOf(kept) + 8;
  if (depthOf(kept) >= list.d) list.d = depthOf(kept) + 1;
  return true;
}

function setItem(d: Extract<PickleValue, { t: 'dict' }>, k: PickleValue, v: PickleValue): boolean {
  if (d.keys.length >= CONTAINER_ITEM_CAP) return false;
  const key = keepChild(d.w, k);
  d.w += weightOf(key) + 8;
  const val = keepChild(d.w, v);
  d.w += weightOf(val) + 8;
  d.keys.push(key);
  d.vals.push(val);
  const kd = Math.max(depthOf(key), depthOf(val));
  if (kd >= d.d) d.d = kd + 1;
  return true;
}

function clip(name: string): string {
  return name.length > NAME_SHOWN ? `${name.slice(0, NAME_SHOWN)}…` : name;
}

function describe(v: PickleValue): string {
  switch (v.t) {
    case 'str':
      return v.s === null ? '<long string>' : v.literal ? v.s : `<computed ${v.s}>`;
    case 'global':
      return v.name;
    case 'obj':
      return `<result of ${describe(v.callee)}(...)>`;
    case 'pers':
      return '<persistent object>';
    default:
      return `<${v.t}>`;
  }
}

/** What joblib's NumpyArrayWrapper.read_array will consume, from the wrapper's pickled state. */
interface JoblibLayout {
  bytes: number;
  hasObject: boolean;
  aligned: boolean;
}

const DTYPE_CHAR_SIZE: Record<string, number> = {
  '?': 1, b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, e: 2, f: 4, d: 8, g: 16, F: 8, D: 16, G: 32, O: 8,
};

function joblibArrayLayout(state: PickleValue | null): JoblibLayout | null {
  const shape = dictGet(state, 'shape');
  const dtype = dictGet(state, 'dtype');
  if (!shape || shape.t !== 'tuple' || shape.truncated || !dtype || dtype.t !== 'obj') return null;
  let count = 1;
  for (const d of shape.items) {
    if (d.t !== 'int' || d.n < 0) return null;
    count *= d.n;
  }
  const args = dtype.args;
  const descrV = args && args.t === 'tuple' ? args.items[0] : undefined;
  if (!descrV || descrV.t !== 'str' || descrV.s === null) return null;
  const descr = descrV.s;
  const dstate = dtype.state;
  let itemsize = -1;
  let hasObject = /^[<>|=]?O/.test(descr);
  if (dstate && dstate.t === 'tuple') {
    const elsize = dstate.items[5];
    const flags = dstate.items[7];
    if (elsize && elsize.t === 'int' && elsize.n > 0) itemsize = elsize.n;
    if (flags && flags.t === 'int' && (flags.n & 1) === 1) hasObject = true;
  }
  if (itemsize < 0) {
    const m = /^[<>|=]?([a-zA-Z?])(\d*)$/.exec(descr);
    if (!m) return null;
    const ch = m[1] as string;
    if (m[2]) itemsize = Number.parseInt(m[2], 10) * (ch === 'U' ? 4 : 1);
    else if (DTYPE_CHAR_SIZE[ch] !== undefined) itemsize = DTYPE_CHAR_SIZE[ch] as number;
    else return null;
  }
  if (hasObject) return { bytes: 0, hasObject: true, aligned: false };
  const align = dictGet(state, 'numpy_array_alignment_bytes');
  const bytes = count * itemsize;
  if (!Number.isSafeInteger(bytes)) return null;
  return { bytes, hasObject: false, aligned: !!align && align.t === 'int' };
}
