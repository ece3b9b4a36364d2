/**
 * The `.npy` header: enough to know whether a pickle follows it. numpy stores object arrays
 * (`descr` containing `O`) as a pickle right after the header, which `np.load(allow_pickle=True)`
 * unpickles, so such files are scanned as pickles from the header's end.
 */

/** Where the array data starts and whether it is a pickle. */
export interface NpyHeader {
  dataOffset: number;
  objectArray: boolean;
  descr: string;
}

/** Parses the header from the file's first bytes; null when it is not a complete, valid header. */
export function parseNpyHeader(head: Uint8Array): NpyHeader | null {
  if (head.length < 10) return null;
  const major = head[6] as number;
  let len: number;
  let start: number;
  if (major === 1) {
    len = (head[8] as number) | ((head[9] as number) << 8);
    start = 10;
  } else if (major === 2 || major === 3) {
    if (head.length < 12) return null;
    len = ((head[8] as number) | ((head[9] as number) << 8) | ((head[10] as number) << 16)) + (head[11] as number) * 0x1000000;
    start = 12;
  } else return null;
  if (start + len > head.length) return null;
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(head.subarray(start, start + len));
  const m = /['"]descr['"]\s*:\s*(.*?)\s*,\s*['"](fortran_order|shape)['"]/s.exec(text);
  if (!m) return null;
  const descr = m[1] as string;
  // A structured dtype lists fields as ('name', '<f8'); any field (or the whole dtype) of kind O
  // makes numpy pickle the array.
  const objectArray = /['"][<>|=]?O\d*['"]/.test(descr);
  return { dataOffset: start + len, objectArray, descr };
}
