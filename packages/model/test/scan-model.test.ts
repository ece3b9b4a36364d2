/**
 * scanModel on real files and directories: integrity (sha256 per file and for the directory),
 * symlinks that leave the tree, special files, missing paths, nested zips, cancellation.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { scanModel } from '../src/index';
import { member, tar } from './tar-builder';

const dir = mkdtempSync(join(tmpdir(), 'ml-deploy-scan-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');
const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('scanModel', () => {
  test('a file: sha256, size, format and findings in one report', async () => {
    const p = join(dir, 'evil.bin');
    const data = bytes("cos\nsystem\n(S'id'\ntR.");
    writeFileSync(p, data);
    const r = await scanModel(p);
    expect(r).toMatchObject({ kind: 'file', format: 'pickle', sha256: sha(data), size: data.length, bytesScanned: data.length });
    expect(r.findings.map((f) => [f.severity, f.rule, f.import, f.file])).toEqual([['dangerous', 'pickle.dangerous-import', 'os.system', 'evil.bin']]);
    expect(r.files[0]?.imports).toEqual([{ name: 'os.system', classification: 'dangerous', location: 'evil.bin @ byte 0' }]);
  });

  test('a directory: per-file digests, directory digest over sorted lines, symlinks and FIFOs', async () => {
    const d = join(dir, 'model');
    mkdirSync(join(d, 'sub'), { recursive: true });
    writeFileSync(join(d, 'MLmodel'), 'flavors: {}\n');
    writeFileSync(join(d, 'sub', 'model.pkl'), bytes('\x80\x04N.'));
    symlinkSync('/etc/passwd', join(d, 'escape'));
    symlinkSync('sub/model.pkl', join(d, 'inside'));
    symlinkSync('missing', join(d, 'dangling'));
    execFileSync('mkfifo', [join(d, 'pipe')]);
    const r = await scanModel(d);
    expect(r.kind).toBe('directory');
    expect(r.format).toBe('mlflow');
    const lines = r.files.map((f) => `${f.sha256}  ${f.file}\n`).join('');
    expect(r.files.map((f) => f.file)).toEqual(['MLmodel', 'sub/model.pkl']);
    expect(r.sha256).toBe(sha(lines));
    expect(r.files[0]?.sha256).toBe(sha('flavors: {}\n'));
    const rules = r.findings.map((f) => `${f.severity} ${f.rule} ${f.file}`).sort();
    expect(rules).toEqual([
      'dangerous fs.symlink-escape escape',
      'info fs.symlink inside',
      'malformed fs.special-file pipe',
      'warning fs.dangling-symlink dangling',
    ]);
  });

  test('a missing path is a finding, not a throw', async () => {
    const r = await scanModel(join(dir, 'nope'));
    expect(r.findings.map((f) => f.rule)).toEqual(['fs.unreadable', 'model.nothing-scanned']);
  });

  test('maxFiles bounds the walk', async () => {
    const d = join(dir, 'many');
    mkdirSync(d);
    for (let k = 0; k < 5; k++) writeFileSync(join(d, `f${k}`), 'x');
    const r = await scanModel(d, { maxFiles: 3 });
    expect(r.files).toHaveLength(3);
    expect(r.findings.map((f) => f.rule)).toContain('fs.too-many-files');
  });

  test('allow extends the allow-list', async () => {
    const p = join(dir, 'custom.pkl');
    writeFileSync(p, bytes('\x80\x04\x8c\x05mylib\x8c\x03Net\x93)\x81.'));
    expect((await scanModel(p)).findings.map((f) => f.severity)).toEqual(['unknown-import']);
    expect((await scanModel(p, { allow: ['mylib.*'] })).findings).toEqual([]);
  });

  test('an aborted scan rejects', async () => {
    const p = join(dir, 'big.pkl');
    writeFileSync(p, Buffer.concat([bytes('\x80\x04\x8e'), Buffer.from([0, 0, 0, 16, 0, 0, 0, 0]), Buffer.alloc(256 << 20), bytes('.')]));
    const ac = new AbortController();
    ac.abort(new Error('cancelled'));
    await expect(scanModel(p, { signal: ac.signal })).rejects.toThrow('cancelled');
  });
});

describe('tar archives', () => {
  // torch's legacy tar `storages` member: count, one (key, location, FloatStorage) record, its
  // raw elements (past one 4 MiB read chunk), then the storage_views pickle, here a payload.
  const numel = 1_500_000;
  const count = bytes('\x80\x02K\x01.');
  const record = bytes('\x80\x02(X\x01\x00\x00\x000X\x03\x00\x00\x00cpuctorch\nFloatStorage\nt.');
  const size = new Uint8Array(8);
  new DataView(size.buffer).setBigInt64(0, BigInt(numel), true);
  const views = bytes('\x80\x02cposix\nsystem\nX\x02\x00\x00\x00idq\x00\x85R.');
  const storages = Buffer.concat([count, record, size, new Uint8Array(numel * 4), views]);
  const legacy = tar(member({ name: 'pickle' }, bytes('\x80\x02}q\x00.')), member({ name: 'storages' }, storages));

  test.each([
    ['plain', 'legacy.tar', legacy],
    ['gzip', 'legacy.tar.gz', gzipSync(legacy)],
  ])('%s: a pickle after megabytes of storage data is walked, wherever the chunks split', async (_kind, name, data) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    const r = await scanModel(p);
    expect(r.format).toBe('tar');
    const where = `storages @ byte ${count.length + record.length + 8 + numel * 4 + 2}`;
    expect(r.findings.map((f) => [f.severity, f.rule, f.import, f.location])).toEqual([['dangerous', 'pickle.dangerous-import', 'posix.system', where]]);
  });

  test('decompression of a tar.gz stays within maxDecompressedBytes', async () => {
    const p = join(dir, 'bomb.tar.gz');
    writeFileSync(p, gzipSync(tar(member({ name: 'zeros.bin' }, new Uint8Array(32 * 1024 * 1024))), { level: 9 }));
    const r = await scanModel(p, { maxDecompressedBytes: 1024 * 1024 });
    expect(r.findings.map((f) => [f.severity, f.rule])).toEqual([['malformed', 'archive.decompression-limit']]);
  });

  test('a zip inside a tar inside a zip is walked; nesting is bounded', async () => {
    const { zipSync } = await import('fflate');
    const inner = zipSync({ 'm.pkl': views });
    let data: Uint8Array = zipSync({ 'model.tar': tar(member({ name: 'inner.zip' }, inner)) });
    const p = join(dir, 'nested.zip');
    writeFileSync(p, data);
    let r = await scanModel(p);
    expect(r.findings.map((f) => [f.rule, f.location])).toEqual([['pickle.dangerous-import', 'model.tar!/inner.zip!/m.pkl @ byte 2']]);
    for (let k = 0; k < 4; k++) data = tar(member({ name: `l${k}.tar` }, data));
    writeFileSync(p, data);
    r = await scanModel(p);
    expect(r.findings.map((f) => f.rule)).toContain('archive.nesting-too-deep');
  });
});
