/**
 * Reads NumPy `.npy` files (format versions 1.0, 2.0 and 3.0) holding one C-ordered, little-endian
 * array of a plain numeric or boolean dtype: what `np.save` writes for a sample batch.
 * Object arrays (which need pickle) are refused, never unpickled.
 */
import { readFile, stat } from 'node:fs/promises';

export type NpyDtype = 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'bool';

export interface NpyArray {
  dtype: NpyDtype;
  shape: number[];
  /** Values in C order: number[] for most dtypes, bigint[] for 64-bit integers, boolean[] for bool. */
  data: Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | BigInt64Array | Uint8Array | Uint16Array | Uint32Array | BigUint64Array;
}

export class NpyError extends Error {
  override readonly name = 'NpyError';
}

const DESCR: Record<string, [NpyDtype, number]> = {
  f4: ['float32', 4],
  f8: ['float64', 8],
  i1: ['int8', 1],
  i2: ['int16', 2],
  i4: ['int32', 4],
  i8: ['int64', 8],
  u1: ['uint8', 1],
  u2: ['uint16', 2],
  u4: ['uint32', 4],
  u8: ['uint64', 8],
  b1: ['bool', 1],
};

/** Samples are small; a larger file is a mistake (or an attack), not a smoke-test input. */
const MAX_NPY_BYTES = 256 * 1024 * 1024;

export async function readNpy(path: string): Promise<NpyArray> {
  const size = (await stat(path)).size;
  if (size > MAX_NPY_BYTES) throw new NpyError(`${size} bytes is more than the ${MAX_NPY_BYTES} allowed for a sample`);
  return parseNpy(new Uint8Array(await readFile(path)));
}

export function parseNpy(bytes: Uint8Array): NpyArray {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10 || !magic.every((b, i) => bytes[i] === b)) throw new NpyError('not a .npy file (no \\x93NUMPY magic)');
  const major = bytes[6]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerLen: number;
  let headerStart: number;
  if (major === 1) {
    headerLen = view.getUint16(8, true);
    headerStart = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) throw new NpyError('truncated header');
    headerLen = view.getUint32(8, true);
    headerStart = 12;
  } else {
    throw new NpyError(`unsupported .npy format version ${major}`);
  }
  if (headerStart + headerLen > bytes.length) throw new NpyError('truncated header');
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, headerStart + headerLen));
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) throw new NpyError(`header not understood: ${header.trim()}`);
  if (fortran === 'True') throw new NpyError('Fortran-ordered arrays are not supported; save with np.ascontiguousarray');
  const m = /^([<>|=])([a-zA-Z]\d+)$/.exec(descr);
  const known = m ? DESCR[m[2]!] : undefined;
  if (!m || !known) throw new NpyError(`dtype '${descr}' is not supported (use a numeric or bool dtype; object arrays would need pickle)`);
  if (m[1] === '>' && known[1] > 1) throw new NpyError(`big-endian dtype '${descr}' is not supported`);
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      if (!/^\d+$/.test(s)) throw new NpyError(`bad shape (${shapeText})`);
      return Number(s);
    });
  const count = shape.reduce((a, b) => a * b, 1);
  const [dtype, width] = known;
  const dataStart = headerStart + headerLen;
  if (bytes.length - dataStart < count * width) throw new NpyError(`data is truncated: ${count} values of ${width} bytes need ${count * width} bytes, found ${bytes.length - dataStart}`);
  // Copy into an aligned buffer: the data offset need not be a multiple of the element width.
  const buf = bytes.slice(dataStart, dataStart + count * width).buffer;
  const data = {
    float32: () => new Float32Array(buf),
    float64: () => new Float64Array(buf),
    int8: () => new Int8Array(buf),
    int16: () => new Int16Array(buf),
    int32: () => new Int32Array(buf),
    int64: () => new BigInt64Array(buf),
    uint8: () => new Uint8Array(buf),
    uint16: () => new Uint16Array(buf),
    uint32: () => new Uint32Array(buf),
    uint64: () => new BigUint64Array(buf),
    bool: () => new Uint8Array(buf),
  }[dtype]();
  return { dtype, shape, data };
}
