/**
 * Format detection from bytes. A file name may only break a tie between formats the bytes allow;
 * it never overrides them, so a pickle named `model.safetensors` is still a pickle.
 */
import { type Compression, createDecoder, isDecodable } from './compression/stream-decoders';
import { ImportPolicy } from './pickle/import-policy';
import { PickleScanner } from './pickle/pickle-scanner';
import { looksLikeTar } from './tar/tar-header';
import type { ModelFormat } from './types';

/** How many leading bytes callers should pass to {@link detectFormat}. */
export const DETECT_HEAD_BYTES = 64 * 1024;

const HDF5_SIG = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
const probePolicy = new ImportPolicy();

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function ascii(b: Uint8Array, start: number, end: number): string {
  return new TextDecoder('latin1').decode(b.subarray(start, Math.min(end, b.length)));
}

/** What a pickle probe learnt from a file head. */
export interface PickleProbe {
  isPickle: boolean;
  joblib: boolean;
  torchLegacy: boolean;
}

/**
 * Runs the real pickle walker over a head. It counts as a pickle when the walk finds no
 * malformed opcode before the data runs out (or reaches STOP), and its first opcode is one a
 * pickler emits first, which keeps text and binary formats from passing by accident.
 */
export function probePickle(head: Uint8Array, scanner?: PickleScanner): PickleProbe {
  const no = { isPickle: false, joblib: false, torchLegacy: false };
  if (head.length === 0) return no;
  const first = head[0] as number;
  // PROTO for protocol 2+; protocol 0/1 pickles start with a container, mark, global or scalar.
  if (first === 0x80) {
    if (head.length < 2 || (head[1] as number) > 5) return no;
  } else if (!'(]})cNIFLSVJKMGTUXBCPlgi'.includes(String.fromCharCode(first))) return no;
  const s = scanner ?? new PickleScanner({ policy: probePolicy, probe: true });
  s.push(head);
  // PROTO 0-5 is as close to a magic number as pickles have: a stream that starts with it and
  // then breaks is a malformed pickle (to be reported as one), not some other format.
  if (first === 0x80) return { isPickle: true, joblib: s.joblib || [...s.imports.keys()].some((k) => k.endsWith('numpy_pickle.NumpyArrayWrapper')), torchLegacy: s.torchLegacy };
  if (!s.ok || (s.pickles === 0 && !s.insidePickle)) return no;
  // A protocol 0/1 stream must show some structure within the head, not just one lucky byte.
  if (first !== 0x80 && s.pickles === 0 && s.opcodes < 3) return no;
  return { isPickle: true, joblib: s.joblib || [...s.imports.keys()].some((k) => k.endsWith('numpy_pickle.NumpyArrayWrapper')), torchLegacy: s.torchLegacy };
}

/**
 * Decompresses the start of a stream (as much as the head allows), or null when nothing comes out
 * (an xz/lzma head before the liblzma module is loaded, a bz2 block longer than the head).
 */
export function inflateHead(head: Uint8Array, kind: Compression, max = DETECT_HEAD_BYTES): Uint8Array | null {
  if (!isDecodable(kind)) return null;
  const parts: Uint8Array[] = [];
  let total = 0;
  const full = new Error('head is full');
  try {
    const d = createDecoder(kind, (c) => {
      parts.push(c);
      total += c.length;
      if (total >= max) throw full;
    });
    d.push(head, false);
  } catch {
    // corrupt, truncated by the head, the decoder not loaded, or simply enough bytes
  }
  if (total === 0) return null;
  const out = new Uint8Array(Math.min(total, max));
  let o = 0;
  for (const p of parts) {
    const take = Math.min(p.length, out.length - o);
    out.set(p.subarray(0, take), o);
    o += take;
    if (o >= out.length) break;
  }
  return out;
}

/** The compression a stream starts with, from its magic bytes (what joblib, torch and tar users wrap models in). */
export function compressionOf(head: Uint8Array): Compression | null {
  if (head.length >= 2 && head[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(head[1] as number)) return 'zlib';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, [0x04, 0x22, 0x4d, 0x18])) return 'lz4';
  if (startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'xz';
  if (startsWith(head, [0x28, 0xb5, 0x2f, 0xfd])) return 'zstd';
  // 'BZh', a block size digit, then a block (pi) or end-of-stream (sqrt pi) magic.
  if (startsWith(head, [0x42, 0x5a, 0x68]) && (head[3] as number) >= 0x31 && (head[3] as number) <= 0x39 && (startsWith(head, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 4) || startsWith(head, [0x17, 0x72, 0x45, 0x38, 0x50, 0x90], 4))) return 'bz2';
  if (looksLikeLzmaAlone(head)) return 'lzma';
  return null;
}

/**
 * The legacy .lzma header (`lzma.FORMAT_ALONE`, joblib's `compress='lzma'`) has no magic number.
 * These are the checks liblzma's own decoder makes before it reads a byte of data: properties
 * lc/lp/pb in range, a dictionary size of 2^n or 2^n + 2^(n-1), an uncompressed size that is
 * unknown (all ones) or below 2^38, and the range coder's first byte, which is always 0.
 */
export function looksLikeLzmaAlone(head: Uint8Array): boolean {
  if (head.length < 14 || (head[0] as number) >= 9 * 5 * 5 || head[13] !== 0) return false;
  const dict = ((head[1] as number) | ((head[2] as number) << 8) | ((head[3] as number) << 16) | ((head[4] as number) << 24)) >>> 0;
  if (dict < 4096) return false;
  const pow2 = (n: number): boolean => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
  if (!pow2(dict) && !pow2(dict / 3)) return false;
  let unknown = true;
  for (let i = 5; i < 13; i++) if (head[i] !== 0xff) unknown = false;
  if (!unknown && ((head[10] as number) !== 0 || (head[11] as number) !== 0 || (head[12] as number) !== 0 || (head[9] as number) >= 0x40)) return false;
  return true;
}

/** Archive and compression formats recognised by their magic bytes and not read: refused, never passed as unknown. */
const REFUSED_MAGIC: Array<{ name: string; sig: number[]; at?: number }> = [
  { name: '7-Zip archive', sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR archive', sig: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'lz4 legacy stream', sig: [0x02, 0x21, 0x4c, 0x18] },
  { name: 'lzip stream', sig: [0x4c, 0x5a, 0x49, 0x50] },
  { name: 'lzop stream', sig: [0x89, 0x4c, 0x5a, 0x4f, 0x00, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'Unix compress (.Z) stream', sig: [0x1f, 0x9d] },
  { name: 'Snappy framed stream', sig: [0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59] },
  { name: 'Microsoft Cabinet archive', sig: [0x4d, 0x53, 0x43, 0x46, 0x00, 0x00, 0x00, 0x00] },
  { name: 'xar archive', sig: [0x78, 0x61, 0x72, 0x21] },
  { name: 'ar archive', sig: [0x21, 0x3c, 0x61, 0x72, 0x63, 0x68, 0x3e, 0x0a] },
  { name: 'cpio archive', sig: [0x30, 0x37, 0x30, 0x37, 0x30] },
  { name: 'SquashFS image', sig: [0x68, 0x73, 0x71, 0x73] },
  { name: 'zstd skippable frame', sig: [0x2a, 0x4d, 0x18] , at: 1 },
];

/** The archive or compression format a head names that this scanner does not read, if any. */
export function refusedContainerOf(head: Uint8Array): string | null {
  for (const m of REFUSED_MAGIC) {
    if (m.at !== undefined) {
      // zstd skippable frames: 0x184D2A5? little-endian, low nibble of the first byte free.
      if (head.length >= 4 && ((head[0] as number) & 0xf0) === 0x50 && startsWith(head, m.sig, m.at)) return m.name;
    } else if (startsWith(head, m.sig)) return m.name;
  }
  return null;
}

/** A Git LFS pointer: what a checkout without `lfs: true` leaves in place of the real file. */
export function isGitLfsPointer(head: Uint8Array): boolean {
  if (head.length > 1024 || head.length < 40) return false;
  return /^version https:\/\/(git-lfs\.github\.com|hawser\.github\.com)\/spec\/v1\r?\n/.test(ascii(head, 0, 80));
}

function readVarint(b: Uint8Array, p: number): [number, number] | null {
  let v = 0;
  let mul = 1;
  for (let k = 0; k < 10; k++) {
    if (p + k >= b.length) return null;
    const byte = b[p + k] as number;
    v += (byte & 0x7f) * mul;
    mul *= 128;
    if ((byte & 0x80) === 0) return [v, p + k + 1];
  }
  return null;
}

/** ModelProto fields and their wire types (onnx.proto3). */
const ONNX_FIELDS: Record<number, number> = { 1: 0, 2: 2, 3: 2, 4: 2, 5: 0, 6: 2, 7: 2, 8: 2, 14: 2, 20: 2, 25: 2, 26: 2 };

/**
 * ONNX has no magic number: walk the protobuf fields in the head and require ModelProto's tags
 * with their wire types, an ir_version, and a producer name that is short printable text (a
 * TensorFlow SavedModel proto has the same first tags but a nested message in field 2).
 */
export function looksLikeOnnx(head: Uint8Array): boolean {
  let p = 0;
  let fields = 0;
  let sawIrVersion = false;
  let sawGraphOrOpset = false;
  while (p < head.length) {
    const tag = readVarint(head, p);
    if (!tag) break;
    const [key, q] = tag;
    const field = Math.floor(key / 8);
    const wire = key & 7;
    if (ONNX_FIELDS[field] === undefined || ONNX_FIELDS[field] !== wire) return false;
    if (wire === 0) {
      const v = readVarint(head, q);
      if (!v) break;
      if (field === 1) {
        if (v[0] < 1 || v[0] > 100) return false;
        sawIrVersion = true;
      }
      p = v[1];
    } else {
      const len = readVarint(head, q);
      if (!len) break;
      const start = len[1];
      if (field === 2 || field === 3 || field === 4) {
        if (len[0] > 1024) return false;
        const text = head.subarray(start, Math.min(head.length, start + len[0]));
        for (const c of text) if (c < 0x20 && c !== 0x09) return false;
      }
      if (field === 7 || field === 8) sawGraphOrOpset = true;
      p = start + len[0];
    }
    fields++;
  }
  return sawIrVersion && (fields >= 3 || sawGraphOrOpset);
}

function looksLikeSafetensors(head: Uint8Array): boolean {
  if (head.length < 10) return false;
  const lo = (head[0] as number) + (head[1] as number) * 256 + (head[2] as number) * 65536 + (head[3] as number) * 16777216;
  const hi = (head[4] as number) | (head[5] as number) | (head[6] as number) | (head[7] as number);
  if (hi !== 0 || lo < 2 || lo > 100 * 1024 * 1024) return false;
  if (head[8] !== 0x7b) return false;
  const next = head[9] as number;
  return next === 0x22 || next === 0x7d || next === 0x20 || next === 0x0a;
}

/**
 * Detects a model format from the first bytes of a file (pass {@link DETECT_HEAD_BYTES}).
 * `name` only breaks ties the bytes leave open (today: `saved_model.pb` protobufs).
 */
export function detectFormat(head: Uint8Array, name?: string): ModelFormat {
  return detectFormatUsing(head, name);
}

/**
 * {@link detectFormat}, optionally probing pickles with the caller's real scanner: when the head
 * turns out to be a pickle, that scanner has already walked it and the caller continues feeding
 * it from the end of the head instead of parsing the head twice. (`scanner.offset` tells whether
 * it was fed.)
 */
export function detectFormatUsing(head: Uint8Array, name?: string, scanner?: PickleScanner): ModelFormat {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(head, [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59])) return 'numpy';
  for (let at = 0; at + 8 <= head.length; at = at === 0 ? 512 : at * 2) {
    if (startsWith(head, HDF5_SIG, at)) return 'hdf5';
  }
  if (startsWith(head, [0x47, 0x47, 0x55, 0x46]) && head.length >= 8) {
    const version = (head[4] as number) | ((head[5] as number) << 8) | ((head[6] as number) << 16) | ((head[7] as number) << 24);
    if (version >= 1 && version <= 16) return 'gguf';
  }
  if (looksLikeSafetensors(head)) return 'safetensors';
  // Before the pickle probe: a member name such as `legacy/...` starts with a pickle opcode byte.
  if (looksLikeTar(head)) return 'tar';
  const probe = probePickle(head, scanner);
  if (probe.isPickle) return probe.torchLegacy ? 'pytorch-legacy' : probe.joblib ? 'joblib' : 'pickle';
  const comp = compressionOf(head);
  if (comp !== null) {
    const inner = inflateHead(head, comp);
    // A gzip'd tar (`model.tar.gz`, SageMaker's artifact layout) is walked as a tar.
    if (inner && looksLikeTar(inner)) return 'tar';
    if (inner && probePickle(inner).isPickle) return 'joblib';
    // joblib's compressors all start with these magics; what is inside is found by the scan.
    if (comp !== 'zlib' && comp !== 'gzip') return 'joblib';
  }
  const text = ascii(head, 0, 256);
  if (/^\s*\{\s*"learner"\s*:/.test(text)) return 'xgboost-json';
  if (head[0] === 0x7b && /^\{[iUIlL]\x07learner/.test(ascii(head, 0, 12))) return 'xgboost-ubj';
  if (/^\{[iUIlL][\x00-\x7f]{0,8}\x07?learner/.test(ascii(head, 0, 20)) && head[0] === 0x7b) return 'xgboost-ubj';
  if (text.startsWith('tree\nversion=') || text.startsWith('tree\r\nversion=')) return 'lightgbm-text';
  if (looksLikeOnnx(head)) return 'onnx';
  if (name !== undefined && /(^|\/)saved_model\.pb$/.test(name) && head[0] === 0x08) return 'tf-savedmodel';
  return 'unknown';
}
