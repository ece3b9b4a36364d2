/**
 * Tar headers (v7, ustar, GNU, pax) parsed as Python's `tarfile` parses them, since that is the
 * reader that loads model tars (torch's `_legacy_load`, SageMaker's `model.tar.gz` extraction).
 */

/** Tar's record unit: headers and padded member data are multiples of it. */
export const TAR_BLOCK = 512;

/** A parsed header block (before pax / GNU long-name overrides are applied). */
export interface TarHeader {
  /** `prefix/name` for ustar headers, else `name`. */
  name: string;
  linkname: string;
  size: number;
  /** The typeflag character; `'\0'` for old regular files. */
  typeflag: string;
}

/** One header block: a header, an all-zero end block, or a reason it is not a header. */
export type HeaderResult = { kind: 'header'; header: TarHeader } | { kind: 'end' } | { kind: 'bad'; reason: string };

const utf8 = new TextDecoder('utf-8');

/** The bytes up to the first NUL, decoded (tarfile's `nts`). */
function nts(b: Uint8Array): string {
  const nul = b.indexOf(0);
  return utf8.decode(nul === -1 ? b : b.subarray(0, nul));
}

/**
 * A numeric field: base-256 when its first byte is 0x80 (positive) or 0xff (negative), else
 * octal text up to the first NUL, surrounded by optional spaces (tarfile's `nti`). Null when the
 * field is neither, or the value is negative or beyond 2^53.
 */
export function parseTarNumber(field: Uint8Array): number | null {
  const first = field[0];
  if (first === 0x80 || first === 0xff) {
    let n = 0;
    for (let i = 1; i < field.length; i++) {
      n = n * 256 + (field[i] as number);
      if (n > Number.MAX_SAFE_INTEGER && first === 0x80) return null;
    }
    // 0xff: two's complement negative (or -0); sizes are never negative.
    if (first === 0xff) return null;
    return n;
  }
  const text = nts(field).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) return null;
  const n = parseInt(text, 8);
  return Number.isSafeInteger(n) ? n : null;
}

/** Whether the block's checksum field matches its unsigned or signed byte sum (both are accepted by tarfile). */
export function tarChecksumOk(block: Uint8Array): boolean {
  const stored = parseTarNumber(block.subarray(148, 156));
  if (stored === null) return false;
  let unsigned = 8 * 0x20;
  let signed = 8 * 0x20;
  for (let i = 0; i < TAR_BLOCK; i++) {
    if (i >= 148 && i < 156) continue;
    const b = block[i] as number;
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}

/** Parses one 512-byte header block. */
export function parseTarHeader(block: Uint8Array): HeaderResult {
  if (block.length !== TAR_BLOCK) return { kind: 'bad', reason: 'header block is truncated' };
  if (block.every((b) => b === 0)) return { kind: 'end' };
  if (!tarChecksumOk(block)) return { kind: 'bad', reason: 'header checksum does not match' };
  const size = parseTarNumber(block.subarray(124, 136));
  if (size === null) return { kind: 'bad', reason: 'size field is not a valid number' };
  const typeflag = String.fromCharCode(block[156] as number);
  let name = nts(block.subarray(0, 100));
  const prefix = nts(block.subarray(345, 500));
  // As tarfile does: an old-style regular file whose name ends in '/' is a directory, and a
  // ustar prefix joins the name for every type but the GNU extension headers.
  const type = typeflag === '\0' && name.endsWith('/') ? '5' : typeflag;
  if (type === '5') name = name.replace(/\/+$/, '');
  if (prefix !== '' && !'LKS'.includes(type)) name = `${prefix}/${name}`;
  return { kind: 'header', header: { name, linkname: nts(block.subarray(157, 257)), size, typeflag: type } };
}

/**
 * Whether `head` starts with a tar header: a valid checksum (v7 has no other signature), or the
 * ustar magic at 257 (then a bad checksum is reported by the reader, not taken for another format).
 */
export function looksLikeTar(head: Uint8Array): boolean {
  if (head.length < TAR_BLOCK) return false;
  if (parseTarHeader(head.subarray(0, TAR_BLOCK)).kind === 'header') return true;
  return head[257] === 0x75 && head[258] === 0x73 && head[259] === 0x74 && head[260] === 0x61 && head[261] === 0x72;
}

/**
 * Parses pax extended-header records (`"<len> <key>=<value>\n"`), as tarfile does. Returns the
 * records, or a reason when a record is malformed (tarfile then refuses the whole archive).
 */
export function parsePaxRecords(data: Uint8Array): Map<string, string> | string {
  const records = new Map<string, string>();
  let p = 0;
  while (p < data.length) {
    if (data[p] === 0) break; // tarfile stops at padding NULs
    let q = p;
    while (q < data.length && (data[q] as number) >= 0x30 && (data[q] as number) <= 0x39) q++;
    if (q === p || data[q] !== 0x20) return `pax record at byte ${p} has no length`;
    const len = parseInt(new TextDecoder('latin1').decode(data.subarray(p, q)), 10);
    const end = p + len;
    if (len < q - p + 4 || end > data.length || data[end - 1] !== 0x0a) return `pax record at byte ${p} has a bad length`;
    const rec = data.subarray(q + 1, end - 1);
    const eq = rec.indexOf(0x3d);
    if (eq <= 0) return `pax record at byte ${p} has no keyword`;
    records.set(utf8.decode(rec.subarray(0, eq)), utf8.decode(rec.subarray(eq + 1)));
    p = end;
  }
  return records;
}
