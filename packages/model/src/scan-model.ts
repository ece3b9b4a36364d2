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
import type { FileReport, Finding, ModelFormat, ScanOptions, ScanReport } from './types';

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
  const root = resolve(path);
  const findings: Finding[] = [];
  let st;
  try {
    // The root itself may be a symlink: the caller named it, so it is followed.
    st = await stat(root);
  } catch (e) {
    findings.push({ severity: 'malformed', rule: 'fs.unreadable', message: `cannot read ${path}: ${errorText(e)}`, file: '.' });
    return { root, kind: 'file', format: 'unknown', sha256: '', size: 0, files: [], findings, bytesScanned: 0 };
  }
  if (st.isFile()) {
    const name = basename(root);
    try {
      const { report, bytesRead } = await scanFile(root, name, ctx);
      return { root, kind: 'file', format: report.format, sha256: report.sha256, size: report.size, files: [report], findings: [...report.findings], bytesScanned: bytesRead };
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      findings.push({ severity: 'malformed', rule: 'fs.unreadable', message: `cannot read ${path}: ${errorText(e)}`, file: name });
      return { root, kind: 'file', format: 'unknown', sha256: '', size: 0, files: [], findings, bytesScanned: 0 };
    }
  }
  if (!st.isDirectory()) {
    findings.push({ severity: 'malformed', rule: 'fs.special-file', message: `${path} is neither a regular file nor a directory; not opened`, file: '.' });
    return { root, kind: 'file', format: 'unknown', sha256: '', size: 0, files: [], findings, bytesScanned: 0 };
  }
  return scanDirectory(root, opts, ctx, findings);
}

async function scanDirectory(root: string, opts: ScanOptions, ctx: ScanContext, findings: Finding[]): Promise<ScanReport> {
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
  return { root, kind: 'directory', format: directoryFormat(scanned), sha256: digest.digest('hex'), size, files: scanned, findings: all, bytesScanned };
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

/** A directory is `mlflow` / `tf-savedmodel` by its marker file, else the format of its largest known file. */
function directoryFormat(files: FileReport[]): ModelFormat {
  const names = new Set(files.map((f) => f.file));
  if (names.has('MLmodel')) return 'mlflow';
  if (names.has('saved_model.pb') || names.has('saved_model.pbtxt')) return 'tf-savedmodel';
  let best: FileReport | undefined;
  for (const f of files) if (f.format !== 'unknown' && (!best || f.size > best.size)) best = f;
  return best?.format ?? 'unknown';
}
