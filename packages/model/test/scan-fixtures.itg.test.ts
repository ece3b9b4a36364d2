/**
 * Every fixture made by the real libraries (benign) or Python's own pickler and hand-assembled
 * opcode streams (malicious): benign ones have no dangerous or unknown finding and the right
 * format; malicious ones are caught with the right import or rule named.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { DEFAULT_FAIL_ON, failsGate, scanModel, type ScanReport } from '../src/index';
import { makeFixtures } from './fixtures';

// Built at module load so test.each can name one test per fixture (the manifest is the table).
const { dir, manifest } = makeFixtures();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BOMB_BOUND = 256 * 1024 * 1024;

function summary(r: ScanReport): string {
  return JSON.stringify({ format: r.format, findings: r.findings.map((f) => `${f.severity} ${f.rule} ${f.import ?? ''} ${f.location ?? ''}`) }, null, 1);
}

describe('benign fixtures', () => {
  test.each(manifest.filter((m) => m.benign).map((m) => [m.name, m] as const))('%s', async (_name, m) => {
    const r = await scanModel(join(dir, m.name));
    const bad = r.findings.filter((f) => f.severity === 'dangerous' || f.severity === 'unknown-import' || f.severity === 'malformed');
    expect({ bad, format: r.format }).toEqual({ bad: [], format: m.format });
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('malicious fixtures', () => {
  test.each(manifest.filter((m) => !m.benign).map((m) => [m.name, m] as const))('%s', async (_name, m) => {
    const r = await scanModel(join(dir, m.name), { maxDecompressedBytes: BOMB_BOUND });
    const context = summary(r);
    const flagged = r.findings.filter((f) => f.severity === 'dangerous' || f.severity === 'malformed');
    expect([flagged.length > 0, context]).toEqual([true, context]);
    // Every hostile or damaged file fails the default gate: a damaged one was not read to its end,
    // so what it holds was not checked.
    expect([r.findings.some((f) => failsGate(f, DEFAULT_FAIL_ON)), context]).toEqual([true, context]);
    // ...and a gate that fails on nothing (report-only) still fails a damaged one.
    if (m.name.startsWith('malformed/')) expect([r.findings.some((f) => failsGate(f, [])), context]).toEqual([true, context]);
    const dangerousImports = new Set(r.findings.filter((f) => f.severity === 'dangerous' && f.import).map((f) => f.import));
    for (const imp of m.imports) expect([imp, dangerousImports.has(imp), context]).toEqual([imp, true, context]);
    const rules = new Set(r.findings.map((f) => f.rule));
    for (const rule of m.rules) expect([rule, rules.has(rule), context]).toEqual([rule, true, context]);
    if (m.format) expect(r.format).toBe(m.format);
  });
});

describe('mutated fixtures never crash, hang or escape the bounds', () => {
  // Byte flips, truncations and splices of real archives and pickles: every result must be a
  // report (findings allowed), with decompression held to the bound. The bound is set below what
  // the larger fixtures inflate to (numpy joblibs ~81 KB, the SageMaker tarball ~20 KB), so many
  // mutants reach it: what the scan inflated never passes the bound by more than the one chunk in
  // flight when it was met, and a scan that met it says so (archive.decompression-limit).
  const targets = manifest.filter((m) => /\.(pt|zip|keras|npz|joblib|pkl|npy|tar|gz|bz2|xz|lzma|zst)$/.test(m.name) && !m.name.includes('zip-bomb')).map((m) => m.name);
  const BOUND = 16 * 1024;
  // The most one decoder hands over at once, and so the most a scan can pass the bound by: fflate
  // and liblzma give 64 KiB pieces; unbzip2 gives a whole bz2 block (900 KB before its run-length step).
  const CHUNK = 1024 * 1024;
  test('3000 mutations', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const out = join(dir, 'mutant.bin');
    let stopped = 0;
    let most = 0;
    for (let k = 0; k < 3000; k++) {
      const name = targets[rnd(targets.length)] as string;
      const src = readFileSync(join(dir, name));
      let b = Buffer.from(src);
      const kind = rnd(4);
      if (kind === 0) for (let f = 0; f < 1 + rnd(8); f++) b[rnd(b.length)] = rnd(256);
      else if (kind === 1) b = b.subarray(0, rnd(b.length));
      else if (kind === 2) b = Buffer.concat([b.subarray(0, rnd(b.length)), Buffer.from([rnd(256), rnd(256), rnd(256), rnd(256)]), b.subarray(rnd(b.length))]);
      else {
        const at = rnd(Math.max(1, b.length - 4));
        b.writeUInt32LE(0xffffffff, at);
      }
      writeFileSync(out, b);
      const r = await scanModel(out, { maxDecompressedBytes: BOUND });
      const context = `mutant ${k} of ${name} (kind ${kind})`;
      expect([context, r.sha256]).toEqual([context, expect.stringMatching(/^[0-9a-f]{64}$/)]);
      expect([context, r.size]).toEqual([context, b.length]);
      expect([context, r.bytesDecompressed <= BOUND + CHUNK]).toEqual([context, true]);
      most = Math.max(most, r.bytesDecompressed);
      if (r.bytesDecompressed > BOUND) {
        stopped++;
        expect([context, r.findings.some((f) => f.rule === 'archive.decompression-limit' && f.severity === 'malformed')]).toEqual([context, true]);
      }
    }
    // The bound was really met, many times, not only in principle.
    expect(stopped).toBeGreaterThan(20);
    expect(most).toBeGreaterThan(BOUND);
  });
});
