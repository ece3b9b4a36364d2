/**
 * Format detection from bytes. A file name may only break a tie between formats the bytes allow;
 * it never overrides them, so a pickle named `model.safetensors` is still a pickle.
 */
import { Gunzip, Unzlib } from 'fflate';
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

/** Inflates the start of a zlib or gzip stream (as much as the head allows). */
export function inflateHead(head: Uint8Array, kind: 'zlib' | 'gzip', max = DETECT_HEAD_BYTES): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    const d = kind === 'zlib' ? new Unzlib((c) => { if (total < max) { parts.push(c); total += c.length; } }) : new Gunzip((c) => { if (total < max) { parts.push(c); total += c.length; } });
    d.push(head, false);
  } catch {
    if (total === 0) return null;
  }
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

/** The compression joblib may wrap a pickle in, from its magic bytes. */
export function compressionOf(head: Uint8Array): 'zlib' | 'gzip' | 'lz4' | 'xz' | 'bz2' | null {
  if (head.length >= 2 && head[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(head[1] as number)) return 'zlib';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, [0x04, 0x22, 0x4d, 0x18])) return 'lz4';
  if (startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'xz';
  // 'BZh', a block size digit, then a block (pi) or end-of-stream (sqrt pi) magic.
  if (startsWith(head, [0x42, 0x5a, 0x68]) && (head[3] as number) >= 0x31 && (head[3] as number) <= 0x39 && (startsWith(head, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 4) || startsWith(head, [0x17, 0x72, 0x45, 0x38, 0x50, 0x90], 4))) return 'bz2';
  return null;
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
  if (comp === 'zlib' || comp === 'gzip') {
    const inner = inflateHead(head, comp);
    // A gzip'd tar (`model.tar.gz`, SageMaker's artifact layout) is walked as a tar.
    if (inner && looksLikeTar(inner)) return 'tar';
    if (inner && probePickle(inner).isPickle) return 'joblib';
  } else if (comp === 'lz4' || comp === 'xz' || comp === 'bz2') {
    // joblib's other compressors; the content cannot be decompressed here, so the scan reports it.
    return 'joblib';
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
