#!/usr/bin/env node
/**
 * The floor for our scanner: read every byte once in 4 MiB chunks and sha256 it in Node (OpenSSL,
 * SHA-NI where the CPU has it), nothing else. A file or every file under a directory.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const buf = new Uint8Array(4 << 20);
function hashFile(p) {
  const fd = openSync(p, 'r');
  const h = createHash('sha256');
  let pos = 0;
  for (let n; (n = readSync(fd, buf, 0, buf.length, pos)) > 0; pos += n) h.update(buf.subarray(0, n));
  closeSync(fd);
  return h.digest('hex');
}
function walk(p) {
  if (!statSync(p).isDirectory()) return void hashFile(p);
  for (const e of readdirSync(p)) walk(join(p, e));
}
walk(process.argv[2]);
