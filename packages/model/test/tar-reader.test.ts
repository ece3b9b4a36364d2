/**
 * The streaming tar reader on hand-assembled archives: headers parse as Python's tarfile parses
 * them (octal and base-256 numbers, both checksums, pax and GNU overrides), every split of an
 * archive into chunks gives the same events as the whole archive, and broken or hostile archives
 * are findings, never throws.
 */
import { describe, expect, test } from '@jest/globals';
import { TAR_BLOCK, looksLikeTar, parsePaxRecords, parseTarHeader, parseTarNumber, tarChecksumOk } from '../src/tar/tar-header';
import { TarReader } from '../src/tar/tar-reader';
import { enc, header, member, padded, pax, tar } from './tar-builder';

interface Events {
  members: string[];
  problems: string[];
}

function read(bytes: Uint8Array, splits: number[] = []): Events {
  const ev: Events = { members: [], problems: [] };
  const r = new TarReader({
    member: (m) => {
      if (m.type !== 'file') {
        ev.members.push(`${m.type} ${m.path} -> ${m.linkname}`);
        return null;
      }
      const parts: number[] = [];
      return {
        write: (d) => parts.push(...d),
        end: () => ev.members.push(`file ${m.path} ${m.size} ${new TextDecoder().decode(Uint8Array.from(parts))}`),
      };
    },
    problem: (p) => ev.problems.push(`${p.severity} ${p.rule} ${p.path ?? ''}`),
  });
  let last = 0;
  for (const at of [...splits, bytes.length]) {
    r.push(bytes.subarray(last, at));
    last = at;
  }
  r.end();
  return ev;
}

const b256 = (n: number): Uint8Array => {
  const f = new Uint8Array(12);
  f[0] = 0x80;
  for (let i = 11, v = n; i > 0; i--, v = Math.floor(v / 256)) f[i] = v % 256;
  return f;
};

const cases: Array<[string, Uint8Array, Events]> = [
  ['two regular members', tar(member({ name: 'a.pkl' }, 'hello'), member({ name: 'dir/b' }, 'x'.repeat(600))), { members: ['file a.pkl 5 hello', `file dir/b 600 ${'x'.repeat(600)}`], problems: [] }],
  ['ustar prefix', tar(member({ name: 'b.pkl', prefix: 'deep/er' }, 'p')), { members: ['file deep/er/b.pkl 1 p'], problems: [] }],
  ['base-256 size', tar(member({ name: 'big', sizeField: b256(3) }, 'abc')), { members: ['file big 3 abc'], problems: [] }],
  ['pax path and size override the header', tar(pax({ path: 'long/'.repeat(30) + 'x.pkl', size: '4' }), [header({ name: 'short', size: 999 }), padded(enc('data'))]), { members: [`file ${'long/'.repeat(30)}x.pkl 4 data`], problems: [] }],
  ['global pax applies only through a local header', tar(pax({ path: 'g-path' }, 'g'), member({ name: 'one' }, '1'), pax({ mtime: '1' }), member({ name: 'two' }, '2')), { members: ['file one 1 1', 'file g-path 1 2'], problems: [] }],
  ['GNU long name', tar(member({ name: '././@LongLink', typeflag: 'L' }, 'n/'.repeat(70) + 'm.pkl\0'), member({ name: 'trunc' }, 'z')), { members: [`file ${'n/'.repeat(70)}m.pkl 1 z`], problems: [] }],
  ['directory and safe links', tar(member({ name: 'd/', typeflag: '5' }), member({ name: 'd/l', typeflag: '2', linkname: '../e' }), member({ name: 'h', typeflag: '1', linkname: 'd/x' })), { members: ['directory d -> ', 'symlink d/l -> ../e', 'hardlink h -> d/x'], problems: [] }],
  ['symlink out of the archive', tar(member({ name: 'd/l', typeflag: '2', linkname: '../../etc/passwd' })), { members: ['symlink d/l -> ../../etc/passwd'], problems: ['dangerous tar.link-escape d/l'] }],
  ['absolute hardlink', tar(member({ name: 'h', typeflag: '1', linkname: '/etc/shadow' })), { members: ['hardlink h -> /etc/shadow'], problems: ['dangerous tar.link-escape h'] }],
  ['.. member path', tar(member({ name: '../evil.pkl' }, 'e')), { members: ['file ../evil.pkl 1 e'], problems: ['dangerous tar.path-traversal ../evil.pkl'] }],
  ['absolute member path', tar(member({ name: '/etc/cron.d/x' }, 'e')), { members: ['file /etc/cron.d/x 1 e'], problems: ['dangerous tar.path-traversal /etc/cron.d/x'] }],
  ['bad checksum stops the walk', tar(member({ name: 'a' }, 'A'), member({ name: 'b', checksumDelta: 1 }, 'B'), member({ name: 'c' }, 'C')), { members: ['file a 1 A'], problems: ['malformed tar.bad-header '] }],
  ['size that is not octal', tar(member({ name: 'a', sizeField: enc('00000000009\0') })), { members: [], problems: ['malformed tar.bad-header '] }],
  ['unknown type is read as a file', tar(member({ name: 'q', typeflag: 'Q' }, 'qq')), { members: ['file q 2 qq'], problems: ['warning tar.unknown-type q'] }],
  ['directory with a size', tar([header({ name: 'd', typeflag: '5', size: 10 })]), { members: ['directory d -> '], problems: ['malformed tar.ambiguous-size d'] }],
  ['duplicate names', tar(member({ name: 'pickle' }, '1'), member({ name: 'pickle' }, '2')), { members: ['file pickle 1 1', 'file pickle 1 2'], problems: ['warning tar.duplicate-name pickle'] }],
  ['bad pax record', tar(pax({}).map((p, i) => (i === 1 ? padded(enc('zz path=x\n')) : p)), member({ name: 'a' }, 'A')), { members: [], problems: ['malformed tar.bad-header '] }],
];

describe('tar reader', () => {
  test.each(cases)('%s', (_name, bytes, expected) => {
    const whole = read(bytes);
    expect(whole).toEqual(expected);
    // Every two-way split (and byte by byte for small archives) gives the same events.
    for (let at = 1; at < bytes.length; at += 7) expect(read(bytes, [at])).toEqual(whole);
    expect(read(bytes, Array.from({ length: bytes.length - 1 }, (_, k) => k + 1))).toEqual(whole);
  });

  test('truncation inside data, inside a header and after an extension header is reported', () => {
    const whole = tar(member({ name: 'a' }, 'x'.repeat(1000)));
    expect(read(whole.subarray(0, 700)).problems).toEqual(['malformed tar.truncated ']);
    expect(read(whole.subarray(0, 300)).problems).toEqual(['malformed tar.truncated ']);
    const ext = tar(pax({ path: 'p' }));
    expect(read(ext.subarray(0, 2 * TAR_BLOCK)).problems).toEqual(['malformed tar.truncated ']);
    // A missing end block is not truncation: tarfile reads such archives.
    expect(read(whole.subarray(0, 3 * TAR_BLOCK)).problems).toEqual([]);
  });

  test('bytes after the end block are reported once', () => {
    const t = tar(member({ name: 'a' }, 'A'));
    const withTail = new Uint8Array(t.length + 10);
    withTail.set(t);
    withTail.set(enc('cos\nsystem'), t.length);
    expect(read(withTail).problems).toEqual(['warning tar.trailing-data ']);
  });
});

describe('tar header fields', () => {
  test.each([
    ['octal with NUL', enc('00000000017\0'), 15],
    ['octal with spaces', enc('     17     '), 15],
    ['empty is zero', new Uint8Array(12), 0],
    ['base-256', b256(2 ** 40 + 5), 2 ** 40 + 5],
    ['negative base-256', Uint8Array.from([0xff, ...new Array<number>(11).fill(0xff)]), null],
    ['not octal', enc('0000000008\0\0'), null],
  ] as Array<[string, Uint8Array, number | null]>)('%s', (_name, field, expected) => {
    expect(parseTarNumber(field)).toBe(expected);
  });

  test('checksums: unsigned and signed sums both pass, anything else fails', () => {
    const h = header({ name: '\u00e9\u00e9' }); // bytes > 127 make the two sums differ
    expect(tarChecksumOk(h)).toBe(true);
    let signed = 8 * 32;
    for (let i = 0; i < TAR_BLOCK; i++) if (i < 148 || i >= 156) signed += (h[i] as number) > 127 ? (h[i] as number) - 256 : (h[i] as number);
    const s = h.slice();
    s.set(enc(`${signed.toString(8).padStart(6, '0')}\0 `), 148);
    expect(tarChecksumOk(s)).toBe(true);
    expect(tarChecksumOk(header({ name: 'a', checksumDelta: 1 }))).toBe(false);
    expect(parseTarHeader(new Uint8Array(TAR_BLOCK))).toEqual({ kind: 'end' });
    expect(parseTarHeader(new Uint8Array(100)).kind).toBe('bad');
  });

  test('detection: a valid header, or the ustar magic with a broken checksum', () => {
    expect(looksLikeTar(header({ name: 'pickle' }))).toBe(true);
    expect(looksLikeTar(header({ name: 'pickle', checksumDelta: 3 }))).toBe(true);
    const v7 = header({ name: 'x' });
    v7.fill(0, 257, 265);
    expect(looksLikeTar(v7)).toBe(false); // checksum no longer matches and no magic
    expect(looksLikeTar(enc('\x80\x02cposix\nsystem\n'))).toBe(false);
  });

  test('pax records', () => {
    expect(parsePaxRecords(enc('13 path=abcd\n10 size=7\n'))).toEqual(new Map([['path', 'abcd'], ['size', '7']]));
    expect(typeof parsePaxRecords(enc('99 path=abcd\n'))).toBe('string');
    expect(typeof parsePaxRecords(enc('12 pathabcde\n'))).toBe('string');
  });
});
