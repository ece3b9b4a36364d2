/**
 * Build contexts made for reproducibility: files copied into a fresh directory in sorted order,
 * every file 0644 (0755 when executable), every directory 0755, every mtime SOURCE_DATE_EPOCH, so
 * the layer bytes depend on file contents and names only, not on the checkout's umask or clock.
 */
import { chmod, copyFile, lstat, mkdir, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Copies a file or a folder (recursively, symlinks refused) to `dest`, normalised. Returns the files copied (relative). */
export async function stageCopy(src: string, dest: string, what: string): Promise<string[]> {
  const info = await lstat(src).catch(() => undefined);
  if (!info) throw new Error(`${what} ${src} does not exist`);
  const files: string[] = [];
  const walk = async (from: string, to: string, rel: string): Promise<void> => {
    const st = await lstat(from);
    if (st.isSymbolicLink()) throw new Error(`${what}: ${rel || basename(from)} is a symbolic link; copy the file it points to instead (links could reach outside the build)`);
    if (st.isDirectory()) {
      await mkdir(to, { recursive: true });
      const names = (await readdir(from)).sort();
      for (const n of names) await walk(join(from, n), join(to, n), rel ? `${rel}/${n}` : n);
      await chmod(to, 0o755);
    } else if (st.isFile()) {
      await mkdir(dirname(to), { recursive: true });
      await copyFile(from, to);
      await chmod(to, st.mode & 0o111 ? 0o755 : 0o644);
      files.push(rel || basename(from));
    } else {
      throw new Error(`${what}: ${rel || basename(from)} is not a regular file or folder`);
    }
  };
  await walk(src, dest, '');
  return files;
}

/** Sets every mtime under `dir` (the folder included) to `epoch` seconds, deepest first. */
export async function normaliseTimes(dir: string, epoch: number): Promise<void> {
  const st = await stat(dir);
  if (st.isDirectory()) for (const n of await readdir(dir)) await normaliseTimes(join(dir, n), epoch);
  await utimes(dir, epoch, epoch);
}

export async function writeStagedFile(path: string, text: string): Promise<void> {
  await writeFile(path, text);
  await chmod(path, 0o644);
}

/** A Dockerfile string literal (ENV/LABEL value): double-quoted, backslash and quote escaped, one line. */
export function dockerfileString(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`'${value.slice(0, 40)}' holds a line break`);
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$')}"`;
}
