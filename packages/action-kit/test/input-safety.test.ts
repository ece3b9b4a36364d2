/**
 * How inputs' values and files reach the log: escaped, cut, never a file's content; and the file
 * reads that must not hang (a FIFO) or wander (a relative path out of the workspace).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { InputError, parseDuration, parseKeyValues, quoteValue, readInputFile, readStructuredFile, SHOWN_VALUE_CHARS } from '@ml-deploy/action-kit';

describe('InputError shows values escaped and cut', () => {
  it.each([
    ['a\nb', '"a\\nb"'],
    ['a\r\n::set-output name=x::1', '"a\\r\\n::set-output name=x::1"'],
    ['tab\there', '"tab\\there"'],
    ['nul\u0000esc\u001b[31m', '"nul\\u0000esc\\u001b[31m"'],
    ['del\u007f c1\u0085', '"del\\u007f c1\\u0085"'],
    ['zero\u200bwidth\u200d', '"zero\\u200bwidth\\u200d"'],
    ['bidi\u202eevil\u2066', '"bidi\\u202eevil\\u2066"'],
    ['line\u2028sep', '"line\\u2028sep"'],
    ['bom\ufeff', '"bom\\ufeff"'],
    ['nbsp\u00a0here', '"nbsp\\u00a0here"'],
    ['soft\u00adhyphen', '"soft\\u00adhyphen"'],
    ['quote " and \\', '"quote \\" and \\\\"'],
    ['ünïcödé ok', '"ünïcödé ok"'],
    ['emoji 🚀', '"emoji 🚀"'],
  ])('%j', (value, shown) => expect(quoteValue(value)).toBe(shown));

  it('cuts a long value to a readable length and counts the rest', () => {
    const shown = quoteValue('x'.repeat(5000));
    expect(shown).toBe(`"${'x'.repeat(SHOWN_VALUE_CHARS)}"… (${5000 - SHOWN_VALUE_CHARS} more characters, 5000 in all)`);
    const err = new InputError('cluster', 'y'.repeat(10_000), 'a name');
    expect(err.message.length).toBeLessThan(250);
  });

  it('never cuts a surrogate pair in half', () => {
    const shown = quoteValue('🚀'.repeat(SHOWN_VALUE_CHARS + 5));
    expect(shown).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('parseDuration: each unit once, largest first', () => {
  it.each(['30m30m', '30s1m', '1h1h', '5s100ms1s', '1m1h'])('%j is refused', (raw) => {
    expect(() => parseDuration('timeout', raw)).toThrow(/each unit once and largest first/);
  });
  it.each([['1h30m', 5_400_000], ['1m30s', 90_000], ['1s500ms', 1500]])('%j is read', (raw, ms) => expect(parseDuration('timeout', raw)).toBe(ms));
});

describe('parseKeyValues: carriage returns', () => {
  it('reads CRLF lines', () => expect(parseKeyValues('env', 'A=1\r\nB=2\r\n')).toEqual([['A', '1'], ['B', '2']]));
  it.each(['A=1\rB=2', 'A=a\rb', 'A="x\ry"', 'A=1\r'])('refuses a bare CR in %j', (raw) => {
    expect(() => parseKeyValues('env', raw)).toThrow(/carriage return \(\\r\) may only end a line/);
  });
});

describe('readInputFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'input-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 'td.fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(readInputFile('task-definition', fifo)).rejects.toThrow(/expected a regular file; this is a FIFO/);
  });

  it('refuses a directory and a device', async () => {
    await expect(readInputFile('task-definition', dir)).rejects.toThrow(/directory/);
    await expect(readInputFile('task-definition', '/dev/zero')).rejects.toThrow(/a device/);
  });

  it('never quotes the content of a file that is not what was asked for (a symlink to a system file)', async () => {
    const secret = 'root:x:0:0:SECRET-LINE-1:/root:/bin/bash';
    const target = join(dir, 'passwd');
    writeFileSync(target, `${secret}\n{ broken`);
    const link = join(dir, 'td.json');
    symlinkSync(target, link);
    const err = await readStructuredFile('task-definition', link).catch((e: Error) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/valid JSON \(a syntax error/);
    expect((err as Error).message).not.toContain('root');
    expect((err as Error).message).not.toContain('SECRET');
    const yamlErr = await readStructuredFile('task-definition', join(dir, 'passwd')).then(() => new Error('parsed as YAML: no error'), (e: Error) => e);
    expect((yamlErr as Error).message).not.toContain('SECRET');
    expect((yamlErr as Error).message).not.toContain('broken');
  });

  it('refuses a relative path that leaves the workspace, and reads one inside it', async () => {
    writeFileSync(join(dir, 'in.json'), '{"a":1}');
    const cwd = process.cwd();
    process.chdir(dir); // the runner starts a step in the workspace
    try {
      await expect(readInputFile('task-definition', '../../../etc/passwd', { workspace: dir })).rejects.toThrow(/got "..\/..\/..\/etc\/passwd", expected a path inside the workspace/);
      await expect(readInputFile('task-definition', 'sub/../../x.json', { workspace: dir })).rejects.toThrow(/leaves it/);
      await expect(readStructuredFile('task-definition', 'in.json', { workspace: dir })).resolves.toEqual({ a: 1 });
      await expect(readStructuredFile('task-definition', './sub/../in.json', { workspace: dir })).resolves.toEqual({ a: 1 });
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses a file over the size limit without reading it, and binary data', async () => {
    writeFileSync(join(dir, 'big.json'), 'x'.repeat(2048));
    await expect(readInputFile('task-definition', join(dir, 'big.json'), { maxBytes: 1024 })).rejects.toThrow(/at most 1.0 KiB; this one has 2.0 KiB/);
    writeFileSync(join(dir, 'bin.json'), Buffer.from([0x7b, 0x00, 0xff, 0xfe]));
    await expect(readInputFile('task-definition', join(dir, 'bin.json'))).rejects.toThrow(/binary data/);
  });
});

describe('parse errors give a position, not the text', () => {
  it('JSON', async () => {
    const { parseStructuredText } = await import('@ml-deploy/action-kit');
    expect(() => parseStructuredText('f', 'x.json', '{\n  "a": 1,\n  "b": SECRET\n}')).toThrow(/a syntax error near line 3, column \d+\)$/);
    expect(() => parseStructuredText('f', 'x.json', '{\n  "b": "SECRET"\n}x')).not.toThrow(/SECRET/);
  });
  it('YAML', async () => {
    const { parseStructuredText } = await import('@ml-deploy/action-kit');
    expect(() => parseStructuredText('f', 'x.yml', 'a: 1\na: SECRET')).toThrow(/DUPLICATE_KEY at line 2, column 1\)$/);
  });
});
