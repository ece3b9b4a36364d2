/**
 * Every fixture made by the real libraries (benign) or Python's own pickler and hand-assembled
 * opcode streams (malicious): benign ones have no dangerous or unknown finding and the right
 * format; malicious ones are caught with the right import or rule named.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { scanModel, type ScanReport } from '../src/index';
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
    const dangerousImports = new Set(r.findings.filter((f) => f.severity === 'dangerous' && f.import).map((f) => f.import));
    for (const imp of m.imports) expect([imp, dangerousImports.has(imp), context]).toEqual([imp, true, context]);
    const rules = new Set(r.findings.map((f) => f.rule));
    for (const rule of m.rules) expect([rule, rules.has(rule), context]).toEqual([rule, true, context]);
    if (m.format) expect(r.format).toBe(m.format);
  });
});
