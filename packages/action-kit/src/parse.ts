/**
 * Strict parsers for action inputs. Each takes the input's name (for the error) and its raw text,
 * and throws InputError for anything it does not fully understand: a typo must fail, never
 * silently change behaviour.
 */
import { constants as fsConstants } from 'node:fs';
import { open } from 'node:fs/promises';
import { isAbsolute, relative, resolve as resolvePath, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError, quoteValue } from './errors';

const TRUE_WORDS = new Set(['true', 'True', 'TRUE']);
const FALSE_WORDS = new Set(['false', 'False', 'FALSE']);

/**
 * A boolean as the toolkit's getBooleanInput reads it (the YAML 1.2 core schema): `true`, `True`,
 * `TRUE`, `false`, `False` or `FALSE`. Nothing else (not `yes`, `1`, `on` or `tRUE`): a typo must fail.
 */
export function parseBoolean(input: string, raw: string): boolean {
  const value = raw.trim();
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  throw new InputError(input, raw, "'true' or 'false' (True, TRUE, False and FALSE are accepted too)");
}

/**
 * A boolean (as parseBoolean reads it) or one of a few extra words, e.g. `auto`: `true`/`True`/`TRUE`
 * come back as `'true'`, `false`/`False`/`FALSE` as `'false'`, an extra word as itself.
 */
export function parseBooleanOrChoice<T extends string>(input: string, raw: string, extra: readonly T[]): 'true' | 'false' | T {
  const value = raw.trim();
  if (TRUE_WORDS.has(value)) return 'true';
  if (FALSE_WORDS.has(value)) return 'false';
  if ((extra as readonly string[]).includes(value)) return value as T;
  throw new InputError(input, raw, `one of 'true', 'false', ${extra.map((c) => `'${c}'`).join(', ')}`);
}

const DURATION_UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * A duration such as `90s`, `30m`, `1h30m` or `250ms`, returned in milliseconds.
 * A bare number is refused: `30` could mean seconds or minutes, and guessing is how outages start.
 */
export function parseDuration(input: string, raw: string, opts: { min?: number; max?: number } = {}): number {
  const value = raw.trim();
  const expected = "a duration with units, such as '90s', '30m' or '1h30m' (units: ms, s, m, h)";
  if (value === '') throw new InputError(input, raw, expected);
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  // Units in falling order, each once: `30m30m` or `30s1m` is a typo, not 60 minutes.
  let lastUnit = Infinity;
  while (pos < value.length) {
    part.lastIndex = pos;
    const m = part.exec(value);
    if (!m) throw new InputError(input, raw, expected);
    const unit = DURATION_UNITS[m[2]!]!;
    if (unit >= lastUnit) throw new InputError(input, raw, `${expected}, each unit once and largest first`);
    lastUnit = unit;
    total += Number(m[1]) * unit;
    pos = part.lastIndex;
  }
  total = Math.round(total);
  if (opts.min !== undefined && total < opts.min) {
    throw new InputError(input, raw, `a duration of at least ${formatDuration(opts.min)}`);
  }
  if (opts.max !== undefined && total > opts.max) {
    throw new InputError(input, raw, `a duration of at most ${formatDuration(opts.max)}`);
  }
  return total;
}

/** Formats milliseconds the way parseDuration reads them (`1h2m3s`, `250ms`). */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  let s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s || (!h && !m) ? `${s}s` : ''}`;
}

/** A whole number, optionally bounded. */
export function parseInteger(input: string, raw: string, opts: { min?: number; max?: number } = {}): number {
  const value = raw.trim();
  const bounds =
    opts.min !== undefined && opts.max !== undefined
      ? ` from ${opts.min} to ${opts.max}`
      : opts.min !== undefined
        ? ` of at least ${opts.min}`
        : opts.max !== undefined
          ? ` of at most ${opts.max}`
          : '';
  const expected = `a whole number${bounds}`;
  if (!/^-?\d+$/.test(value)) throw new InputError(input, raw, expected);
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new InputError(input, raw, expected);
  if (opts.min !== undefined && n < opts.min) throw new InputError(input, raw, expected);
  if (opts.max !== undefined && n > opts.max) throw new InputError(input, raw, expected);
  return n;
}

/** One of a fixed set of words. */
export function parseChoice<T extends string>(input: string, raw: string, choices: readonly T[]): T {
  const value = raw.trim();
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new InputError(input, raw, `one of ${choices.map((c) => `'${c}'`).join(', ')}`);
}

/**
 * A list of `key=value` pairs, one per line, or separated by commas when the whole list is on a
 * single line: given on several lines, only line breaks separate pairs, so `LABELS=a,b,c` on its
 * own line is one value (as the aws-actions read it). Values may be quoted with double quotes
 * (then `\"`, `\\`, `\n` and `,` are literal inside) to hold commas, `=` or spaces.
 * Lines starting with `#` are comments. A key repeated is an error (which one should win?).
 * Returns pairs in the order given.
 */
export function parseKeyValues(input: string, raw: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const seen = new Set<string>();
  const expected = "KEY=VALUE pairs, one per line, or separated by commas on a single line (there, quote values that hold commas: KEY=\"a,b\")";
  // A carriage return that does not end a line (CRLF) would end up inside a value, invisible in logs.
  const bareCr = /\r(?!\n)/.exec(raw);
  if (bareCr) {
    const line = raw.slice(raw.lastIndexOf('\n', bareCr.index) + 1).split('\n')[0]!;
    throw new InputError(input, line, `${expected}; a carriage return (\\r) may only end a line (as in CRLF), not stand inside one`);
  }
  const text = raw.replace(/\r\n/g, '\n');
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const items = splitItems(input, text, expected, lines.length <= 1);
  for (const item of items) {
    const eq = item.text.indexOf('=');
    if (eq <= 0) throw new InputError(input, item.text, expected);
    const key = item.text.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_.\-/]*$/.test(key)) {
      throw new InputError(input, item.text, `${expected}; ${quoteValue(key)} is not a valid key`);
    }
    let value = item.text.slice(eq + 1);
    value = item.quoted ? item.value! : value.trim();
    if (seen.has(key)) throw new InputError(input, item.text, `each key once; ${quoteValue(key)} is given twice`);
    seen.add(key);
    pairs.push([key, value]);
  }
  return pairs;
}

interface Item {
  text: string;
  quoted: boolean;
  value?: string;
}

function splitItems(input: string, raw: string, expected: string, commas: boolean): Item[] {
  const items: Item[] = [];
  let i = 0;
  const n = raw.length;
  const sep = (c: string | undefined) => c === '\n' || (commas && c === ',');
  while (i < n) {
    // skip separators and blank space between items
    while (i < n && (/\s/.test(raw[i]!) || sep(raw[i]))) i++;
    if (i >= n) break;
    if (raw[i] === '#') {
      while (i < n && raw[i] !== '\n') i++;
      continue;
    }
    const start = i;
    while (i < n && raw[i] !== '=' && !sep(raw[i])) i++;
    if (i >= n || raw[i] !== '=') throw new InputError(input, raw.slice(start, i).trim(), expected);
    i++; // past '='
    while (i < n && (raw[i] === ' ' || raw[i] === '\t')) i++;
    if (raw[i] === '"') {
      i++;
      let value = '';
      let closed = false;
      while (i < n) {
        const c = raw[i]!;
        if (c === '\\' && i + 1 < n) {
          const next = raw[i + 1]!;
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
          continue;
        }
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        value += c;
        i++;
      }
      if (!closed) throw new InputError(input, raw.slice(start).split('\n')[0]!, `${expected}; a quote is not closed`);
      while (i < n && (raw[i] === ' ' || raw[i] === '\t')) i++;
      if (i < n && !sep(raw[i])) {
        throw new InputError(input, raw.slice(start, i + 1), `${expected}; nothing may follow a closing quote`);
      }
      items.push({ text: raw.slice(start, i).trim(), quoted: true, value });
    } else {
      while (i < n && !sep(raw[i])) i++;
      items.push({ text: raw.slice(start, i).trim(), quoted: false });
    }
  }
  return items;
}

/** A list of words, one per line or comma-separated, blanks and `#` comments dropped. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
}

export interface ReadFileOptions {
  /** Largest file read, in bytes (default 1 MiB); a bigger one is refused without reading it. */
  maxBytes?: number;
  /**
   * Folder a relative path must stay inside (default GITHUB_WORKSPACE, else the working directory):
   * `../../etc/x` is refused. Absolute paths are the user's explicit choice and are not limited.
   */
  workspace?: string;
}

/**
 * Reads a text file an input names, safely: a relative path may not leave the workspace; only a
 * regular file is read (a FIFO or device is refused at once instead of blocking the step until
 * it is killed); a file over `maxBytes` is refused unread. Errors name the input and the path,
 * never the file's content.
 */
export async function readInputFile(input: string, path: string, opts: ReadFileOptions = {}): Promise<string> {
  const maxBytes = opts.maxBytes ?? 1024 * 1024;
  if (path.trim() === '' || path.includes('\0')) throw new InputError(input, path, 'a file path');
  // Relative paths are read from the working directory (the runner starts steps in the workspace).
  const full = resolvePath(path);
  if (!isAbsolute(path)) {
    const workspace = resolvePath(opts.workspace ?? process.env.GITHUB_WORKSPACE ?? process.cwd());
    const rel = relative(workspace, full);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new InputError(input, path, `a path inside the workspace (${workspace}); this relative path leaves it`);
    }
  }
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once, so fstat can refuse it.
    handle = await open(full, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(input, path, `a readable file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code ?? 'unreadable'})`);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) {
      const kind = st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a FIFO (named pipe)' : st.isSocket() ? 'a socket' : 'a device';
      throw new InputError(input, path, `a regular file; this is ${kind}`);
    }
    if (st.size > maxBytes) {
      throw new InputError(input, path, `a file of at most ${formatBytes(maxBytes)}; this one has ${formatBytes(st.size)}`);
    }
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n > maxBytes) throw new InputError(input, path, `a file of at most ${formatBytes(maxBytes)}; it grew while being read`);
      if (n === buf.length) break;
    }
    const text = buf.subarray(0, n).toString('utf8');
    if (text.includes('\uFFFD') || text.includes('\0')) {
      throw new InputError(input, path, 'a UTF-8 text file; this one holds binary data');
    }
    return text;
  } finally {
    await handle.close();
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} bytes`;
}

/** Reads a JSON or YAML file given by an input (as readInputFile reads it); errors name the input and the file. */
export async function readStructuredFile(input: string, path: string, opts: ReadFileOptions = {}): Promise<unknown> {
  return parseStructuredText(input, path, await readInputFile(input, path, opts));
}

/**
 * Parses JSON (by `.json` name or a leading `{`/`[`) or else YAML. Errors give the parser's line and
 * column, never the text around it: the file may not be what the user meant to give (a symlink to
 * a system file), and its content must not reach the log.
 */
export function parseStructuredText(input: string, path: string, text: string): unknown {
  const looksJson = /\.json$/i.test(path) || /^\s*[[{]/.test(text);
  if (looksJson) {
    try {
      return JSON.parse(text);
    } catch (err) {
      // V8's message quotes the text; report only where it broke.
      const pos = jsonErrorOffset(text, err as Error);
      const where = pos === undefined ? '' : pos >= text.length ? ': the text ends too early' : ` near ${lineColumn(text, pos)}`;
      throw new InputError(input, path, `a file of valid JSON (a syntax error${where})`);
    }
  }
  try {
    return parseYaml(text, { strict: true, uniqueKeys: true });
  } catch (err) {
    const e = err as Error & { code?: string; linePos?: Array<{ line: number; col: number }> };
    const at = e.linePos?.[0];
    throw new InputError(input, path, `a file of valid YAML or JSON (${e.code ?? 'syntax error'}${at ? ` at line ${at.line}, column ${at.col}` : ''})`);
  }
}

/**
 * Where JSON.parse gave up: V8's `position N` when it says, else the shortest prefix that is
 * already wrong (not merely unfinished), found by bisection.
 */
function jsonErrorOffset(text: string, err: Error): number | undefined {
  const said = /position (\d+)/.exec(err.message)?.[1];
  if (said !== undefined) return Number(said);
  const unfinished = (prefix: string): boolean => {
    try {
      JSON.parse(prefix);
      return true;
    } catch (e) {
      const m = (e as Error).message;
      const at = /position (\d+)/.exec(m)?.[1];
      return /end of JSON input|Unterminated/i.test(m) || (at !== undefined && Number(at) >= prefix.length);
    }
  };
  if (unfinished(text)) return text.length;
  let lo = 0; // unfinished (or valid) up to lo characters
  let hi = text.length; // wrong at hi characters
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (unfinished(text.slice(0, mid))) lo = mid;
    else hi = mid;
  }
  return hi - 1;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}
