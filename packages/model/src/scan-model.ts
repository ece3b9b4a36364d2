/**
 * Entry point: scan a model file or directory. Directories are walked without following
 * symlinks (one that leaves the tree is a finding: packaging it would ship host files), special
 * files are never opened (a FIFO would block forever), and unreadable paths become findings.
 */
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { ImportPolicy } from './pickle/import-policy';
import { scanFile, type ScanContext } from './scan-file';
import type { FileReport, Finding, ModelFormat, ScanOptions, ScanReport, Severity } from './types';

/** Default bound on bytes inflated over one scan. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 8 * 1024 * 1024 * 1024;
/** Default bound on files visited in a directory. */
export const DEFAULT_MAX_FILES = 100_000;
const CONCURRENCY = 4;

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ? `${err.code}: ${err.message}` : String((e as Error)?.message ?? e);
}

/**
 * Scans a model file or directory: format, sha256 and size of every file (one streaming pass
 * each), and every import any pickle inside would perform, classified against the allow-list.
 * Rejects only on abort; every problem with the input is a finding in the report.
 */
export async function scanModel(path: string, opts: ScanOptions = {}): Promise<ScanReport> {
  const maxDecompressed = opts.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  const ctx: ScanContext = { policy: new ImportPolicy(opts.allow ?? [], opts.allowDangerous ?? []), budget: { left: maxDecompressed, limit: maxDecompressed } };
  if (opts.signal) ctx.signal = opts.signal;
  const report = await scanPath(path, opts, ctx);
  // What the budget paid for; past the bound the inflating member stopped at its chunk.
  return { ...report, bytesDecompressed: ctx.budget.limit - ctx.budget.left };
}

type Scanned = Omit<ScanReport, 'bytesDecompressed'>;

async function scanPath(path: string, opts: ScanOptions, ctx: ScanContext): Promise<Scanned> {
  const root = resolve(path);
  const findings: Finding[] = [];
  let st;
  try {
    // The root itself may be a symlink: the caller named it, so it is followed.
    st = await stat(root);
  } catch (e) {
    findings.push({ severity: 'malformed', rule: 'fs.unreadable', message: `cannot read ${path}: ${errorText(e)}`, file: '.' });
    return nothingScanned({ root, kind: 'file', format: 'unknown', sha256: '', size: 0, files: [], findings, bytesScanned: 0 });
  }
  if (st.isFile()) {
    const name = basename(root);
    try {
      const { report, bytesRead } = await scanFile(root, name, ctx);
      const out: Scanned = { root, kind: 'file', format: report.format, sha256: report.sha256, size: report.size, files: [report], findings: [...report.findings], bytesScanned: bytesRead };
      return nothingScanned(out);
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      findings.push({ severity: 'malformed', rule: 'fs.unreadable', message: `cannot read ${path}: ${errorText(e)}`, file: name });
      return nothingScanned({ root, kind: 'file', format: 'unknown', sha256: '', size: 0, files: [], findings, bytesScanned: 0 });
    }
  }
  if (!st.isDirectory()) {
    findings.push({ severity: 'malformed', rule: 'fs.special-file', message: `${path} is neither a regular file nor a directory; not opened`, file: '.' });
    return nothingScanned({ root, kind: 'file', format: 'unknown', sha256: '', size: 0, files: [], findings, bytesScanned: 0 });
  }
  return scanDirectory(root, opts, ctx, findings);
}

async function scanDirectory(root: string, opts: ScanOptions, ctx: ScanContext, findings: Finding[]): Promise<Scanned> {
  const maxFiles = opts.maxFiles ?? DEFAULT_MAX_FILES;
  const realRoot = await realpath(root);
  // Paths relative to the root are built while walking (path.relative per file showed in profiles).
  const files: Array<{ abs: string; rel: string }> = [];
  const dirs: Array<{ abs: string; rel: string }> = [{ abs: root, rel: '' }];
  let truncated = false;
  while (dirs.length > 0 && !truncated) {
    opts.signal?.throwIfAborted();
    const dir = dirs.pop() as { abs: string; rel: string };
    let entries: Dirent[];
    try {
      entries = await readdir(dir.abs, { withFileTypes: true });
    } catch (e) {
      findings.push({ severity: 'malformed', rule: 'fs.unreadable', message: `cannot list directory: ${errorText(e)}`, file: dir.rel || '.' });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of entries) {
      const abs = join(dir.abs, d.name);
      const rel = dir.rel ? `${dir.rel}/${d.name}` : d.name;
      if (d.isSymbolicLink()) {
        await judgeSymlink(abs, rel, realRoot, findings);
      } else if (d.isDirectory()) {
        dirs.push({ abs, rel });
      } else if (d.isFile()) {
        if (files.length >= maxFiles) {
          findings.push({ severity: 'malformed', rule: 'fs.too-many-files', message: `more than ${maxFiles} files; the rest were not scanned (raise maxFiles)`, file: rel });
          truncated = true;
          break;
        }
        files.push({ abs, rel });
      } else {
        findings.push({ severity: 'malformed', rule: 'fs.special-file', message: 'FIFO, socket or device in the model directory; not opened', file: rel });
      }
    }
  }

  const reports: FileReport[] = new Array(files.length);
  let bytesScanned = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const k = next++;
      const { abs, rel } = files[k] as { abs: string; rel: string };
      try {
        const { report, bytesRead } = await scanFile(abs, rel, ctx);
        reports[k] = report;
        bytesScanned += bytesRead;
      } catch (e) {
        if (opts.signal?.aborted) throw e;
        findings.push({ severity: 'malformed', rule: 'fs.unreadable', message: `cannot read file: ${errorText(e)}`, file: rel });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  const scanned = reports.filter((r): r is FileReport => r !== undefined).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const digest = createHash('sha256');
  let size = 0;
  for (const r of scanned) {
    digest.update(`${r.sha256}  ${r.file}\n`);
    size += r.size;
  }
  const all = [...findings, ...scanned.flatMap((r) => r.findings)];
  const { format, formats } = directoryFormat(scanned);
  const out: Scanned = { root, kind: 'directory', format, sha256: digest.digest('hex'), size, files: scanned, findings: all, bytesScanned };
  if (formats.length > 0) out.formats = formats;
  return nothingScanned(out);
}

/** Formats that are a model's content (not its wrapping or a placeholder for it). */
const NOT_MODEL_CONTENT: ReadonlySet<ModelFormat> = new Set(['unknown', 'git-lfs-pointer', 'mixed', 'mlflow']);

/**
 * Rules whose findings fail the gate whatever `fail-on` says: the model was not there to check
 * (an LFS pointer) or nothing in it could be checked. A gate never passes what it could not read.
 */
export const ALWAYS_FAILING_RULES: ReadonlySet<string> = new Set(['file.git-lfs-pointer', 'model.nothing-scanned']);

/**
 * Severities that fail the gate whatever `fail-on` says. A `malformed` finding means the scanner
 * could not read the file to its end the way a loader would (a truncated or unparseable stream, a
 * header that lies, a container readers disagree on, a decompression bound reached): what it did
 * not read was not checked, so the file is not vouched for and the gate does not pass it.
 */
export const ALWAYS_FAILING_SEVERITIES: ReadonlySet<Severity> = new Set<Severity>(['malformed']);

/** Whether a finding fails a gate that fails on `failOn` severities. */
export function failsGate(f: Finding, failOn: readonly string[]): boolean {
  return failOn.includes(f.severity) || ALWAYS_FAILING_SEVERITIES.has(f.severity) || ALWAYS_FAILING_RULES.has(f.rule);
}

/** Adds `model.nothing-scanned` when no file of the model is in a format the scanner reads. */
function nothingScanned(r: Scanned): Scanned {
  if (r.files.some((f) => !NOT_MODEL_CONTENT.has(f.format))) return r;
  if (r.files.some((f) => f.format === 'git-lfs-pointer')) return r; // already failing, with the fix
  const what = r.files.length === 0 ? 'no file could be read' : r.kind === 'file' ? 'the file is in no format this scanner recognises' : `none of its ${r.files.length} file(s) is in a format this scanner recognises`;
  r.findings.push({ severity: 'malformed', rule: 'model.nothing-scanned', message: `nothing in the model could be checked: ${what}. The gate does not pass what it could not read; point model-path at the model file or directory`, file: r.kind === 'file' ? (r.files[0]?.file ?? '.') : '.' });
  return r;
}

async function judgeSymlink(abs: string, rel: string, realRoot: string, findings: Finding[]): Promise<void> {
  let target: string;
  try {
    target = await realpath(abs);
  } catch (e) {
    findings.push({ severity: 'warning', rule: 'fs.dangling-symlink', message: `symlink does not resolve (${errorText(e)}); not followed`, file: rel });
    return;
  }
  if (target !== realRoot && !target.startsWith(realRoot + sep)) {
    findings.push({ severity: 'dangerous', rule: 'fs.symlink-escape', message: `symlink points outside the model directory (to ${target}); not followed — packaging it would ship that file`, file: rel });
    return;
  }
  let kind = 'file';
  try {
    kind = (await lstat(target)).isDirectory() ? 'directory' : 'file';
  } catch {
    // resolved a moment ago; a race here changes nothing about the verdict
  }
  findings.push({ severity: 'info', rule: 'fs.symlink', message: `symlink to ${kind} inside the model directory (${relative(realRoot, target) || '.'}); not followed, the target is scanned where it lives`, file: rel });
}

/**
 * A directory's format describes the directory: `mlflow` / `tf-savedmodel` by their marker file,
 * else the one format its model files share, else `mixed`. `formats` lists the formats found
 * (every file's but `unknown`), sorted.
 */
function directoryFormat(files: FileReport[]): { format: ModelFormat; formats: ModelFormat[] } {
  const formats = [...new Set(files.map((f) => f.format).filter((f) => f !== 'unknown'))].sort();
  const names = new Set(files.map((f) => f.file));
  if (names.has('MLmodel')) return { format: 'mlflow', formats };
  if (names.has('saved_model.pb') || names.has('saved_model.pbtxt')) return { format: 'tf-savedmodel', formats };
  if (formats.length === 0) return { format: 'unknown', formats };
  return { format: formats.length === 1 ? (formats[0] as ModelFormat) : 'mixed', formats };
}
