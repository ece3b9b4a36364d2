/**
 * A zip reader that trusts nothing: it reads the central directory the way Python's zipfile does
 * (which is what torch.load, joblib, numpy and keras use), then checks every entry against its
 * local header and accounts for every byte of the file, so that the tricks used against
 * picklescan-style scanners are findings instead of blind spots: names or methods that differ
 * between the two headers, entries only present as local headers, data before or after the
 * archive, overlapping entries (zip-bomb construction), duplicate names, lying encryption flags.
 */
import type { ByteSource } from '../byte-source';
import type { Severity } from '../types';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;

/** Central directories larger than this are refused (a 100,000-entry archive needs ~10 MiB). */
const MAX_CENTRAL_DIRECTORY = 256 * 1024 * 1024;
/** Bytes of unaccounted gaps searched for hidden local headers. */
const MAX_GAP_SEARCH = 256 * 1024 * 1024;

/** A problem found while reading the archive structure. */
export interface ZipFinding {
  severity: Severity;
  rule: string;
  message: string;
  offset?: number;
  entry?: string;
}

/** One member, as the central directory (or, for hidden entries, a local header) describes it. */
export interface ZipEntry {
  name: string;
  /** Compression method per the central directory (what Python's zipfile uses). */
  method: number;
  /** Compression method per the local header, when it differs. */
  localMethod: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** Compressed size per the local header when known and different. */
  localCompressedSize: number;
  uncompressedSize: number;
  /** Offset of the local header in the source. */
  localOffset: number;
  /** Offset of the member data in the source (after the local header). */
  dataOffset: number;
  /** `central`: listed in the central directory. `local-only`: a local header nobody lists. */
  origin: 'central' | 'local-only' | 'trailing';
  isDirectory: boolean;
}

/** The structure of an archive. */
export interface ZipListing {
  entries: ZipEntry[];
  findings: ZipFinding[];
  /** Offset where the archive starts (non-zero when data was prepended). */
  archiveStart: number;
  bytesExamined: number;
}

function u16(b: Uint8Array, o: number): number {
  return (b[o] as number) | ((b[o + 1] as number) << 8);
}

function u32(b: Uint8Array, o: number): number {
  return ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16)) + (b[o + 3] as number) * 0x1000000;
}

function u64(b: Uint8Array, o: number): number {
  const lo = u32(b, o);
  const hi = u32(b, o + 4);
  // Offsets past 2^53 cannot be real on any disk; treat them as corrupt.
  return hi > 0x1fffff ? Number.MAX_SAFE_INTEGER : hi * 0x100000000 + lo;
}

const utf8 = new TextDecoder('utf-8');
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** Names as Python's zipfile decodes them: UTF-8 when flag bit 11 is set, else cp437. */
function decodeName(bytes: Uint8Array, flags: number): string {
  if ((flags & 0x800) !== 0) return utf8.decode(bytes);
  let s = '';
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : (CP437_HIGH[b - 0x80] as string);
  return s;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The end-of-central-directory record (zip64 values merged in). */
export interface Eocd {
  pos: number;
  entries: number;
  cdSize: number;
  cdOffset: number;
  commentLength: number;
  zip64: boolean;
}

const EOCD_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** Finds the end-of-central-directory record, or null when the source is not a zip archive. */
export async function findEndOfCentralDirectory(src: ByteSource): Promise<Eocd | null> {
  if (src.size < 22) return null;
  const tailLen = Math.min(src.size, 65535 + 22);
  const tailStart = src.size - tailLen;
  const tail = await src.read(tailStart, tailLen);
  // Native backwards search for "PK\x05\x06": this runs on every file (appended-archive check).
  const haystack = Buffer.from(tail.buffer, tail.byteOffset, tail.length);
  for (let i = haystack.lastIndexOf(EOCD_MAGIC, tail.length - 22); i >= 0; i = i > 0 ? haystack.lastIndexOf(EOCD_MAGIC, i - 1) : -1) {
    if (u32(tail, i) !== SIG_EOCD) continue;
    const commentLength = u16(tail, i + 20);
    const pos = tailStart + i;
    if (pos + 22 + commentLength > src.size) continue;
    const eocd: Eocd = {
      pos,
      entries: u16(tail, i + 10),
      cdSize: u32(tail, i + 12),
      cdOffset: u32(tail, i + 16),
      commentLength,
      zip64: false,
    };
    if (u16(tail, i + 4) !== 0 || u16(tail, i + 6) !== 0) continue; // multi-disk archives are not models
    if (eocd.entries === 0xffff || eocd.cdSize === 0xffffffff || eocd.cdOffset === 0xffffffff) {
      if (pos >= 20) {
        const loc = await src.read(pos - 20, 20);
        if (u32(loc, 0) === SIG_ZIP64_LOCATOR) {
          const recOff = u64(loc, 8);
          const rec = await src.read(recOff, 56);
          if (rec.length === 56 && u32(rec, 0) === SIG_ZIP64_EOCD) {
            eocd.entries = u64(rec, 32);
            eocd.cdSize = u64(rec, 40);
            eocd.cdOffset = u64(rec, 48);
            eocd.zip64 = true;
          }
        }
      }
    }
    return eocd;
  }
  return null;
}

/**
 * Whether an end record points at a real central directory (its first entry's signature, or an
 * empty archive): the check that separates an appended archive from chance bytes.
 */
export async function centralDirectoryAt(src: ByteSource, eocd: Eocd): Promise<boolean> {
  if (eocd.entries === 0) return eocd.cdSize === 0;
  const cdEnd = eocd.zip64 ? eocd.pos - 20 - 56 : eocd.pos;
  const start = cdEnd - eocd.cdSize;
  if (start < 0 || eocd.cdSize < 46) return false;
  const sig = await src.read(start, 4);
  return sig.length === 4 && u32(sig, 0) === SIG_CENTRAL;
}

/**
 * Reads the archive structure. Never throws for bad input: problems become findings, and
 * whatever entries could be located are returned so they can still be scanned.
 */
export async function readZipListing(src: ByteSource): Promise<ZipListing> {
  const findings: ZipFinding[] = [];
  const entries: ZipEntry[] = [];
  let bytesExamined = 0;
  const eocd = await findEndOfCentralDirectory(src);
  if (!eocd) {
    findings.push({ severity: 'malformed', rule: 'zip.no-central-directory', message: 'starts like a zip archive but has no end-of-central-directory record (truncated or forged); only local headers can be scanned' });
    const hidden = await scanGapForLocalHeaders(src, 0, src.size, findings);
    return { entries: hidden.entries, findings, archiveStart: 0, bytesExamined: hidden.bytes };
  }
  const eocdEnd = eocd.pos + 22 + eocd.commentLength;
  if (eocdEnd < src.size) {
    findings.push({ severity: 'warning', rule: 'zip.trailing-data', message: `${src.size - eocdEnd} bytes after the end of the archive (scanned if they hold a pickle)`, offset: eocdEnd });
    // Offered to the member scanner like an entry, so a pickle hidden there is walked too.
    entries.push({
      name: '<data after archive>', method: 0, localMethod: 0, flags: 0, crc: 0, compressedSize: src.size - eocdEnd,
      localCompressedSize: src.size - eocdEnd, uncompressedSize: src.size - eocdEnd, localOffset: eocdEnd, dataOffset: eocdEnd,
      origin: 'trailing', isDirectory: false,
    });
  }
  // The central directory ends where the zip64 records or the EOCD start; any difference from
  // the recorded offset is data prepended to the archive (Python's zipfile tolerates it too).
  const cdEndGuess = eocd.zip64 ? eocd.pos - 20 - 56 : eocd.pos;
  const archiveStart = Math.max(0, cdEndGuess - eocd.cdSize - eocd.cdOffset);
  const cdStart = archiveStart + eocd.cdOffset;
  if (eocd.cdSize > MAX_CENTRAL_DIRECTORY || cdStart + eocd.cdSize > src.size) {
    findings.push({ severity: 'malformed', rule: 'zip.bad-central-directory', message: `central directory of ${eocd.cdSize} bytes at ${cdStart} does not fit the file` });
    const hidden = await scanGapForLocalHeaders(src, 0, Math.min(src.size, eocd.pos), findings);
    return { entries: hidden.entries, findings, archiveStart, bytesExamined: hidden.bytes };
  }
  const cd = await src.read(cdStart, eocd.cdSize);
  bytesExamined += cd.length;
  let p = 0;
  const rawNames: Uint8Array[] = [];
  while (p + 46 <= cd.length && u32(cd, p) === SIG_CENTRAL) {
    const flags = u16(cd, p + 8);
    const method = u16(cd, p + 10);
    const crc = u32(cd, p + 16);
    let csize = u32(cd, p + 20);
    let usize = u32(cd, p + 24);
    const nameLen = u16(cd, p + 28);
    const extraLen = u16(cd, p + 30);
    const commentLen = u16(cd, p + 32);
    let localOffset = u32(cd, p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > cd.length) {
      findings.push({ severity: 'malformed', rule: 'zip.bad-central-directory', message: `central directory entry at ${cdStart + p} runs past the directory` });
      break;
    }
    const nameBytes = cd.subarray(p + 46, p + 46 + nameLen);
    const extra = cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    // zip64 extra field: the 64-bit values appear only for fields saturated at 0xFFFFFFFF.
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = u16(extra, e);
      const len = u16(extra, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (usize === 0xffffffff && q + 8 <= e + 4 + len) { usize = u64(extra, q); q += 8; }
        if (csize === 0xffffffff && q + 8 <= e + 4 + len) { csize = u64(extra, q); q += 8; }
        if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) { localOffset = u64(extra, q); q += 8; }
      }
      e += 4 + len;
    }
    const name = decodeName(nameBytes, flags);
    rawNames.push(nameBytes.slice());
    entries.push({
      name, method, localMethod: method, flags, crc, compressedSize: csize, localCompressedSize: csize,
      uncompressedSize: usize, localOffset: archiveStart + localOffset, dataOffset: -1, origin: 'central',
      isDirectory: name.endsWith('/'),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  const trailing = entries.filter((e) => e.origin === 'trailing');
  entries.splice(0, entries.length, ...entries.filter((e) => e.origin !== 'trailing'));
  if (entries.length !== eocd.entries) {
    findings.push({ severity: 'malformed', rule: 'zip.entry-count-mismatch', message: `end record says ${eocd.entries} entries, central directory holds ${entries.length}` });
  }
  const seen = new Map<string, number>();
  for (const e of entries) seen.set(e.name, (seen.get(e.name) ?? 0) + 1);
  for (const [name, count] of seen) {
    if (count > 1) findings.push({ severity: 'malformed', rule: 'zip.duplicate-name', message: `${count} entries are named ${JSON.stringify(name)}; readers disagree on which one wins (all are scanned)`, entry: name });
  }
  for (const e of entries) {
    if (e.name.includes('\u0000') || e.name.startsWith('/') || e.name.split(/[\\/]/).includes('..')) {
      findings.push({ severity: 'warning', rule: 'zip.unsafe-path', message: `entry name ${JSON.stringify(e.name)} escapes the extraction directory`, entry: e.name });
    }
  }

  // Check each entry against its local header and work out where its data really is.
  const ranges: Array<[number, number, string]> = [];
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k] as ZipEntry;
    const lh = await src.read(e.localOffset, 30);
    bytesExamined += lh.length;
    if (lh.length < 30 || u32(lh, 0) !== SIG_LOCAL) {
      findings.push({ severity: 'malformed', rule: 'zip.bad-local-header', message: `no local header where the central directory points (offset ${e.localOffset})`, entry: e.name, offset: e.localOffset });
      continue;
    }
    const lflags = u16(lh, 6);
    const lmethod = u16(lh, 8);
    const lcrc = u32(lh, 14);
    const lcsize = u32(lh, 18);
    const lusize = u32(lh, 22);
    const lnameLen = u16(lh, 26);
    const lextraLen = u16(lh, 28);
    const lname = await src.read(e.localOffset + 30, lnameLen);
    bytesExamined += lname.length;
    e.dataOffset = e.localOffset + 30 + lnameLen + lextraLen;
    e.localMethod = lmethod;
    const problems: string[] = [];
    if (!sameBytes(lname, rawNames[k] as Uint8Array)) problems.push(`local name ${JSON.stringify(decodeName(lname, lflags))}`);
    if (lmethod !== e.method) problems.push(`local method ${lmethod} vs central ${e.method}`);
    if ((lflags & 1) !== (e.flags & 1)) problems.push('encryption flag differs');
    if ((lflags & 8) === 0 && (e.flags & 8) === 0) {
      if (lcrc !== e.crc) problems.push('crc differs');
      if (lcsize !== 0xffffffff && lcsize !== e.compressedSize) {
        problems.push(`local compressed size ${lcsize} vs central ${e.compressedSize}`);
        e.localCompressedSize = lcsize;
      }
      if (lusize !== 0xffffffff && lusize !== e.uncompressedSize) problems.push(`local size ${lusize} vs central ${e.uncompressedSize}`);
    }
    if (problems.length > 0) {
      findings.push({ severity: 'malformed', rule: 'zip.header-mismatch', message: `local header disagrees with the central directory (${problems.join('; ')}); both readings are scanned`, entry: e.name, offset: e.localOffset });
    }
    if ((e.flags & 1) !== 0 || (lflags & 1) !== 0) {
      findings.push({ severity: 'malformed', rule: 'zip.encrypted', message: 'entry is flagged as encrypted; readers that ignore the flag see its bytes, which are scanned as if plain', entry: e.name });
    }
    const dataLen = Math.max(e.compressedSize, e.localCompressedSize);
    let end = e.dataOffset + dataLen;
    if ((e.flags & 8) !== 0) end += await dataDescriptorLength(src, end);
    if (end > cdStart) {
      findings.push({ severity: 'malformed', rule: 'zip.entry-out-of-bounds', message: `entry data runs past the start of the central directory`, entry: e.name });
    }
    ranges.push([e.localOffset, end, e.name]);
  }

  // Account for every byte between the archive start and the central directory.
  ranges.sort((a, b) => a[0] - b[0]);
  let cursor = archiveStart;
  const gaps: Array<[number, number]> = [];
  for (const [s, e, name] of ranges) {
    if (s < cursor) {
      findings.push({ severity: 'malformed', rule: 'zip.overlapping-entries', message: `entry ${JSON.stringify(name)} overlaps the previous one (a zip-bomb construction)`, entry: name, offset: s });
    } else if (s > cursor) gaps.push([cursor, s]);
    cursor = Math.max(cursor, e);
  }
  if (cdStart > cursor) gaps.push([cursor, cdStart]);
  if (archiveStart > 0) {
    findings.push({ severity: 'warning', rule: 'zip.prefix-data', message: `${archiveStart} bytes precede the archive; loaders that read from the start of the file see them`, offset: 0 });
  }
  let gapBytes = 0;
  for (const [s, e] of gaps) {
    if (gapBytes >= MAX_GAP_SEARCH) {
      findings.push({ severity: 'malformed', rule: 'zip.unaccounted-data', message: `more than ${MAX_GAP_SEARCH} bytes inside the archive belong to no entry; not all were searched` });
      break;
    }
    findings.push({ severity: 'warning', rule: 'zip.unaccounted-data', message: `${e - s} bytes at offset ${s} belong to no listed entry`, offset: s });
    const hidden = await scanGapForLocalHeaders(src, s, Math.min(e, s + MAX_GAP_SEARCH - gapBytes), findings);
    gapBytes += e - s;
    bytesExamined += hidden.bytes;
    entries.push(...hidden.entries);
  }
  entries.push(...trailing);
  return { entries, findings, archiveStart, bytesExamined };
}

/** Length of the data descriptor at `pos` (with or without its optional signature, 32 or 64-bit). */
async function dataDescriptorLength(src: ByteSource, pos: number): Promise<number> {
  const d = await src.read(pos, 4);
  return d.length === 4 && u32(d, 0) === 0x08074b50 ? 16 : 12;
}

/** Local headers in bytes no central-directory entry claims: entries hidden from zipfile-based scanners. */
async function scanGapForLocalHeaders(src: ByteSource, start: number, end: number, findings: ZipFinding[]): Promise<{ entries: ZipEntry[]; bytes: number }> {
  const entries: ZipEntry[] = [];
  let bytes = 0;
  const CH = 1 << 20;
  for (let pos = start; pos < end; pos += CH) {
    // Overlap reads by 3 bytes so a signature split across reads is still found.
    const buf = await src.read(pos, Math.min(CH + 3, end - pos));
    bytes += buf.length;
    let i = 0;
    while ((i = buf.indexOf(0x50, i)) !== -1 && i + 4 <= buf.length) {
      if (i < CH && u32(buf, i) === SIG_LOCAL) {
        const at = pos + i;
        const lh = await src.read(at, 30);
        if (lh.length === 30) {
          const flags = u16(lh, 6);
          const nameLen = u16(lh, 26);
          const extraLen = u16(lh, 28);
          const name = decodeName(await src.read(at + 30, nameLen), flags);
          const dataOffset = at + 30 + nameLen + extraLen;
          const known = (flags & 8) === 0;
          const csize = known ? u32(lh, 18) : Math.max(0, end - dataOffset);
          entries.push({
            name, method: u16(lh, 8), localMethod: u16(lh, 8), flags, crc: u32(lh, 14), compressedSize: Math.min(csize, src.size - dataOffset),
            localCompressedSize: Math.min(csize, src.size - dataOffset), uncompressedSize: known ? u32(lh, 22) : 0, localOffset: at, dataOffset,
            origin: 'local-only', isDirectory: name.endsWith('/'),
          });
          findings.push({ severity: 'malformed', rule: 'zip.local-only-entry', message: `local header for ${JSON.stringify(name)} at offset ${at} is not in the central directory: streaming readers see it, zipfile does not (scanned)`, entry: name, offset: at });
        }
      }
      i++;
    }
  }
  return { entries, bytes };
}
