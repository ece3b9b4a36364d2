/**
 * A streaming tar reader: fed chunks of any size, it hands each regular member's bytes to a sink
 * as they arrive (never buffering a member), and reports what a loader or an extractor would be
 * misled by. It follows Python's `tarfile`: pax `path`/`linkpath`/`size` override the header
 * (global records only through a following local one), GNU `L`/`K` give long names (the
 * earliest extension header wins), unknown types are read as regular files, and directories,
 * links and devices have no data.
 */
import type { Severity } from '../types';
import { TAR_BLOCK, parsePaxRecords, parseTarHeader } from './tar-header';

/** Where a member's data goes. */
export interface TarSink {
  write(data: Uint8Array): void;
  end(): void;
}

/** A member as an extractor sees it (overrides applied). */
export interface TarMember {
  path: string;
  /** `file` for data members, else what the typeflag names. */
  type: 'file' | 'directory' | 'symlink' | 'hardlink' | 'device' | 'fifo';
  typeflag: string;
  size: number;
  linkname: string;
  /** Offset of the member's (first extension) header in the tar stream. */
  offset: number;
}

/** Something wrong with the archive itself. */
export interface TarProblem {
  severity: Severity;
  rule: string;
  message: string;
  path?: string;
  offset: number;
}

/** What the reader tells its owner. */
export interface TarEvents {
  /** A member; return a sink for a `file` member's data, or null to skip it. */
  member(m: TarMember): TarSink | null;
  problem(p: TarProblem): void;
}

/** Extension headers (pax records, GNU long names) are buffered up to this size. */
const MAX_EXTENSION_BYTES = 1024 * 1024;

const REGULAR = new Set(['0', '\0', '7']);
const NO_DATA: Record<string, TarMember['type']> = { '1': 'hardlink', '2': 'symlink', '3': 'device', '4': 'device', '5': 'directory', '6': 'fifo' };

enum State {
  Header,
  Data,
  Extension,
  Skip,
  End,
  Dead,
}

/** Normalises a slash path; returns null when it climbs above its root. */
function resolveInside(path: string): string | null {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

/** Push parser over a tar stream. */
export class TarReader {
  private state = State.Header;
  private readonly block = new Uint8Array(TAR_BLOCK);
  private blockLen = 0;
  /** Bytes of data (plus padding) left in the current member or extension. */
  private left = 0;
  private pad = 0;
  private sink: TarSink | null = null;
  private ext: { type: string; parts: Uint8Array[]; len: number } | null = null;
  private readonly globalPax = new Map<string, string>();
  private pendingPax: Map<string, string> | null = null;
  private pendingName: string | null = null;
  private pendingLink: string | null = null;
  private memberStart = -1;
  private pos = 0;
  private readonly seen = new Set<string>();
  private trailingReported = false;
  /** Members handed to `events.member`. */
  members = 0;
  /** Offset of the end-of-archive block, once read: tar readers never look past it. */
  endOffset: number | null = null;

  constructor(private readonly events: TarEvents) {}

  /**
   * Whether the stream so far reads as a whole archive: end blocks, or a member boundary (tarfile
   * accepts a missing end block, and missing padding after the last member's data).
   */
  get complete(): boolean {
    if (this.state === State.End) return true;
    if (this.memberStart !== -1 || this.ext !== null) return false;
    return (this.state === State.Header && this.blockLen === 0) || this.state === State.Skip;
  }

  push(chunk: Uint8Array): void {
    const base = this.pos;
    this.pos += chunk.length;
    let p = 0;
    while (p < chunk.length) {
      switch (this.state) {
        case State.Dead:
          return;
        case State.End: {
          // tarfile stops at the first zero block; anything else after it is never read.
          if (!this.trailingReported && chunk.subarray(p).some((b) => b !== 0)) {
            this.trailingReported = true;
            this.events.problem({ severity: 'warning', rule: 'tar.trailing-data', message: 'non-zero bytes after the end-of-archive block: tar readers ignore them, a custom loader could read them', offset: base + p });
          }
          return;
        }
        case State.Header: {
          const take = Math.min(TAR_BLOCK - this.blockLen, chunk.length - p);
          this.block.set(chunk.subarray(p, p + take), this.blockLen);
          this.blockLen += take;
          p += take;
          if (this.blockLen === TAR_BLOCK) {
            this.blockLen = 0;
            this.header(base + p - TAR_BLOCK);
          }
          break;
        }
        case State.Data:
        case State.Extension:
        case State.Skip: {
          const take = Math.min(this.left, chunk.length - p);
          const part = chunk.subarray(p, p + take);
          if (this.state === State.Data) this.sink?.write(part);
          else if (this.state === State.Extension && this.ext) {
            this.ext.parts.push(part.slice());
            this.ext.len += take;
          }
          p += take;
          this.left -= take;
          if (this.left === 0) {
            if (this.state === State.Data) {
              this.sink?.end();
              this.sink = null;
            }
            const wasExt = this.state === State.Extension;
            this.state = State.Skip;
            this.left = this.pad;
            this.pad = 0;
            if (wasExt) this.extensionDone();
            if (this.left === 0 && (this.state as State) === State.Skip) this.state = State.Header;
          }
          break;
        }
      }
    }
  }

  /** The stream ended: reports truncation. */
  end(): void {
    if (this.state === State.Dead || this.complete) return;
    const where = this.state === State.Header && this.blockLen > 0 ? 'inside a header block' : this.state === State.Data ? `${this.left} bytes before the end of member data` : 'inside an extension header or padding';
    if (this.sink) {
      this.sink.end();
      this.sink = null;
    }
    this.events.problem({ severity: 'malformed', rule: 'tar.truncated', message: `archive ends ${where}; a truncated archive cannot be vouched for`, offset: this.pos });
    this.state = State.Dead;
  }

  private fail(message: string, offset: number): void {
    this.events.problem({ severity: 'malformed', rule: 'tar.bad-header', message: `${message}; tar readers stop here, so nothing after it is vouched for`, offset });
    this.state = State.Dead;
  }

  private header(offset: number): void {
    const r = parseTarHeader(this.block);
    if (r.kind === 'end') {
      if (this.memberStart !== -1) this.fail('end-of-archive block right after an extension header', offset);
      else {
        this.state = State.End;
        this.endOffset = offset;
      }
      return;
    }
    if (r.kind === 'bad') {
      this.fail(`${r.reason} at byte ${offset}`, offset);
      return;
    }
    const h = r.header;
    if (this.memberStart === -1) this.memberStart = offset;
    const t = h.typeflag;
    if (t === 'x' || t === 'X' || t === 'g' || t === 'L' || t === 'K') {
      if (h.size > MAX_EXTENSION_BYTES) {
        this.fail(`extension header of ${h.size} bytes is larger than ${MAX_EXTENSION_BYTES}`, offset);
        return;
      }
      this.ext = { type: t, parts: [], len: 0 };
      this.enter(State.Extension, h.size);
      return;
    }
    // Apply the overrides collected from the extension headers before this one.
    let path = this.pendingName ?? h.name;
    let linkname = this.pendingLink ?? h.linkname;
    let size = h.size;
    const pax = this.pendingPax;
    if (pax) {
      const pp = pax.get('path') ?? pax.get('GNU.sparse.name');
      if (pp !== undefined && this.pendingName === null) path = pp.replace(/\/+$/, '');
      const lp = pax.get('linkpath');
      if (lp !== undefined && this.pendingLink === null) linkname = lp;
      const ps = pax.get('size');
      if (ps !== undefined) {
        if (/^\d+$/.test(ps) && Number.isSafeInteger(Number(ps))) size = Number(ps);
        else {
          // tarfile reads a bad pax size as 0; other readers refuse the archive.
          this.events.problem({ severity: 'malformed', rule: 'tar.bad-header', message: `pax size '${ps.slice(0, 40)}' is not a number (tarfile reads it as 0)`, path, offset });
          size = 0;
        }
      }
    }
    const start = this.memberStart;
    this.pendingPax = null;
    this.pendingName = null;
    this.pendingLink = null;
    this.memberStart = -1;
    this.checkPath(path, start);
    if (t === 'S') {
      this.events.problem({ severity: 'malformed', rule: 'tar.unsupported-member', message: 'GNU sparse member: its content is not reassembled here, so it is not vouched for', path, offset: start });
      if ((this.block[482] as number) !== 0) {
        this.fail('GNU sparse member with extension blocks', offset);
        return;
      }
      this.enter(State.Skip, size);
      return;
    }
    const noData = NO_DATA[t];
    if (noData !== undefined) {
      if (size > 0) {
        // tarfile reads the next header right after this one; GNU tar skips `size` bytes first.
        this.events.problem({ severity: 'malformed', rule: 'tar.ambiguous-size', message: `${noData} member declares ${size} bytes of data: tar readers disagree on where the next member starts`, path, offset: start });
      }
      if (noData === 'symlink' || noData === 'hardlink') this.checkLink(path, noData, linkname, start);
      this.events.member({ path, type: noData, typeflag: t, size, linkname, offset: start });
      return;
    }
    if (!REGULAR.has(t)) {
      // Unknown types are extracted as regular files by tarfile.
      this.events.problem({ severity: 'warning', rule: 'tar.unknown-type', message: `member type '${t.replace(/[^\x20-\x7e]/g, '?')}' is not a standard tar type; tarfile reads it as a regular file (scanned as one)`, path, offset: start });
    }
    if (this.seen.has(path)) {
      this.events.problem({ severity: 'warning', rule: 'tar.duplicate-name', message: 'member name appears more than once: extraction keeps the last, tarfile.getmember returns the last (all are scanned)', path, offset: start });
    } else if (this.seen.size < 100_000) this.seen.add(path);
    this.members++;
    this.sink = this.events.member({ path, type: 'file', typeflag: t, size, linkname, offset: start });
    this.enter(State.Data, size);
    if (size === 0) {
      this.sink?.end();
      this.sink = null;
    }
  }

  /** Moves to a data-bearing state for `size` bytes plus padding to the next block. */
  private enter(state: State, size: number): void {
    const pad = (TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK;
    if (size === 0) {
      if (state === State.Extension) this.extensionDone();
      if (this.state !== State.Dead) this.state = State.Header;
      return;
    }
    this.state = state;
    this.left = size;
    this.pad = pad;
  }

  private extensionDone(): void {
    const ext = this.ext;
    this.ext = null;
    if (!ext) return;
    const data = new Uint8Array(ext.len);
    let o = 0;
    for (const part of ext.parts) {
      data.set(part, o);
      o += part.length;
    }
    if (ext.type === 'L' || ext.type === 'K') {
      const nul = data.indexOf(0);
      const text = new TextDecoder('utf-8').decode(nul === -1 ? data : data.subarray(0, nul));
      if (ext.type === 'L' && this.pendingName === null) this.pendingName = text;
      if (ext.type === 'K' && this.pendingLink === null) this.pendingLink = text;
      return;
    }
    const records = parsePaxRecords(data);
    if (typeof records === 'string') {
      this.fail(records, this.memberStart);
      return;
    }
    if (ext.type === 'g') {
      for (const [k, v] of records) this.globalPax.set(k, v);
      // tarfile applies global records only through a later local header; the member that
      // follows a global header is read with its own fields.
      return;
    }
    const merged = this.pendingPax ?? new Map(this.globalPax);
    // Records of an earlier local header win over a later one (tarfile applies the outer last).
    for (const [k, v] of records) if (this.pendingPax === null || !this.pendingPax.has(k)) merged.set(k, v);
    this.pendingPax = merged;
  }

  private checkPath(path: string, offset: number): void {
    if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) {
      this.events.problem({ severity: 'dangerous', rule: 'tar.path-traversal', message: 'member has an absolute path: extracting the archive writes outside the target directory', path, offset });
    } else if (path.split(/[\\/]/).includes('..')) {
      this.events.problem({ severity: 'dangerous', rule: 'tar.path-traversal', message: "member path contains '..': extracting the archive can write outside the target directory", path, offset });
    }
  }

  private checkLink(path: string, type: 'symlink' | 'hardlink', target: string, offset: number): void {
    // A symlink resolves from its own directory; a hardlink names another member of the archive.
    const base = type === 'symlink' ? path.split('/').slice(0, -1).join('/') : '';
    const escapes = target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target) || resolveInside(base === '' ? target : `${base}/${target}`) === null;
    if (escapes) {
      this.events.problem({ severity: 'dangerous', rule: 'tar.link-escape', message: `${type} points outside the archive (to '${target.slice(0, 200)}'): extraction or a later write through it reaches files elsewhere`, path, offset });
    }
  }
}

