/**
 * The streaming walker on hand-assembled opcode streams: every split of a stream into chunks
 * gives the same result as the whole stream, malformed input is a finding (never a throw or a
 * hang), and the evasion families resolve to the import Python would perform.
 */
import { describe, expect, test } from '@jest/globals';
import { ImportPolicy } from '../src/pickle/import-policy';
import { PickleScanner } from '../src/pickle/pickle-scanner';

const policy = new ImportPolicy();
const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

function scan(bytes: Uint8Array, splits: number[] = []): { imports: string[]; rules: string[]; dangerous: string[] } {
  const s = new PickleScanner({ policy });
  let last = 0;
  for (const at of [...splits, bytes.length]) {
    s.push(bytes.subarray(last, at));
    last = at;
  }
  s.finish();
  return {
    imports: [...s.imports.keys()].sort(),
    rules: [...new Set(s.findings.map((f) => f.rule))].sort(),
    dangerous: s.findings.filter((f) => f.severity === 'dangerous').map((f) => f.import ?? f.rule).sort(),
  };
}

const u32 = (n: number): string => String.fromCharCode(n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff);
const big = 'x'.repeat(70_000);

const cases: Array<[string, string, string[]]> = [
  ['GLOBAL + REDUCE (protocol 0)', "cos\nsystem\n(S'id'\ntR.", ['os.system']],
  ['STACK_GLOBAL via BINGET', '\x80\x04\x8c\x02os\x94\x8c\x06system\x94\x30\x30h\x00h\x01\x93\x8c\x02id\x85R.', ['os.system']],
  ['STACK_GLOBAL via GET (protocol 0 memo)', "\x80\x04Vos\np1\n0Vsystem\np2\n0g1\ng2\n\x93.", ['os.system']],
  ['UNICODE escapes', 'V\\u006fs\nVsystem\n\x93.', ['os.system']],
  ['STRING octal/hex escapes', "S'\\x6fs'\nS'sys\\164em'\n\x93.", ['os.system']],
  ['INST', "(S'id'\nisubprocess\ncall\n.", ['subprocess.call']],
  ['OBJ', "(cposix\nsystem\nS'id'\no.", ['posix.system']],
  ['dotted qualname through a module', '\x80\x04\x8c\x05torch\x8c\x17serialization.os.system\x93.', ['torch.serialization.os.system']],
  ['padded module name', 'cos \nsystem\n.', ['os .system']],
  ['non-ASCII look-alike', 'c\xef\xbd\x8f\xef\xbd\x93\nsystem\n.', ['ｏｓ.system']],
  ['builtins alias', 'c__builtin__\neval\n.', ['__builtin__.eval']],
  ['copyreg dunder', '\x80\x04\x8c\x07copyreg\x8c\x0c__builtins__\x93.', ['copyreg.__builtins__']],
  ['second pickle after STOP (PROTO)', '\x80\x04N.\x80\x04\x8c\x02os\x8c\x06system\x93.', ['os.system']],
  ['second pickle after STOP (protocol 0)', '\x80\x04N.cos\nsystem\n.', ['os.system']],
  ['global after a long skipped payload', `\x80\x04\x8d${u32(big.length)}\x00\x00\x00\x00${big}0\x8c\x02os\x8c\x06system\x93.`, ['os.system']],
  ['global after an over-long protocol-0 line', `S'${big}'\n0cos\nsystem\n.`, ['os.system']],
];

describe('evasions resolve to the real import', () => {
  test.each(cases)('%s', (_name, stream, expected) => {
    const bytes = enc(stream);
    const whole = scan(bytes);
    for (const imp of expected) expect(whole.dangerous).toContain(imp);
    // Every two-way split, and byte-by-byte, gives the same result as the whole stream.
    const step = bytes.length > 1000 ? 997 : 1;
    for (let at = 1; at < bytes.length; at += step) expect(scan(bytes, [at])).toEqual(whole);
    if (bytes.length < 1000) expect(scan(bytes, Array.from({ length: bytes.length - 1 }, (_, k) => k + 1))).toEqual(whole);
  });
});

describe('computed names and callables', () => {
  test.each([
    ['STACK_GLOBAL operand from _codecs', '\x80\x04c_codecs\ndecode\n(Vbf\nVrot13\ntRVsystem\n\x93.', 'pickle.dynamic-global'],
    ['getattr on a call result, then called', "cbuiltins\ngetattr\n(cbuiltins\nobject\n)RS'x'\ntR(tR.", 'pickle.call-computed'],
    ['getattr(class, name) is the import class.name', "cbuiltins\ngetattr\n(cbuiltins\nobject\nS'x'\ntR(tR.", 'pickle.dangerous-import'],
    ['getattr passed on as a value', "ccollections\ndefaultdict\n(cbuiltins\ngetattr\ntR.", 'pickle.dangerous-import'],
    ['getattr called with other arguments', "cbuiltins\ngetattr\n(S'os'\nS'system'\ntR.", 'pickle.dangerous-import'],
    ['getattr reused from the memo for a second, bad call', "cbuiltins\ngetattr\np0\n(cuuid\nUUID\nS'int'\ntR0g0\n(S'x'\nS'y'\ntR.", 'pickle.dangerous-import'],
    ['a dropped memo value called', '\x80\x04]\x94)\x94h\x00h\x01R.', 'pickle.call-computed'],
    ['EXT1', '\x80\x02\x82\x01)R.', 'pickle.extension-registry'],
    ['EXT2', '\x80\x02\x83\x01\x02)R.', 'pickle.extension-registry'],
  ])('%s', (_name, stream, rule) => {
    expect(scan(enc(stream)).rules).toContain(rule);
  });
});

describe('malformed input is a finding', () => {
  test.each([
    ['invalid opcode', '\x80\x04\xff', 'pickle.malformed'],
    ['stack underflow', '\x80\x04R.', 'pickle.malformed'],
    ['missing memo', '\x80\x04h\x07.', 'pickle.malformed'],
    ['absurd length', '\x80\x04\x8d\xff\xff\xff\xff\xff\xff\xff\xff', 'pickle.malformed'],
    ['negative BINSTRING length', '\x80\x02T\xff\xff\xff\xff', 'pickle.malformed'],
    ['bad protocol', '\x80\x09.', 'pickle.malformed'],
    ['truncated', '\x80\x04\x8c\x02o', 'pickle.truncated'],
    ['empty', '', 'pickle.empty'],
    ['POP_MARK without MARK', '\x80\x041.', 'pickle.malformed'],
  ])('%s', (_name, stream, rule) => {
    expect(scan(enc(stream)).rules).toContain(rule);
  });

  test('random bytes never throw, hang or pass silently as a clean pickle', () => {
    let seed = 42;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let k = 0; k < 3000; k++) {
      const n = 1 + Math.floor(rnd() * 300);
      const b = new Uint8Array(n);
      for (let i = 0; i < n; i++) b[i] = Math.floor(rnd() * 256);
      b[0] = 0x80;
      b[1] = 4;
      const s = new PickleScanner({ policy });
      s.push(b.subarray(0, n >> 1));
      s.push(b.subarray(n >> 1));
      s.finish();
      // Either it parsed to a STOP (whatever it imports was classified) or it was reported.
      const reported = s.findings.some((f) => f.severity === 'malformed');
      expect(reported || s.pickles > 0).toBe(true);
    }
  });
});

describe('benign streams stay clean', () => {
  test.each([
    ['OrderedDict', '\x80\x04\x95\x1c\x00\x00\x00\x00\x00\x00\x00\x8c\x0bcollections\x94\x8c\x0bOrderedDict\x94\x93\x94)R\x94.'],
    ['protocol 2 bytes via _codecs.encode', "\x80\x02c_codecs\nencode\nq\x00X\x02\x00\x00\x00abq\x01X\x06\x00\x00\x00latin1q\x02\x86q\x03Rq\x04."],
    ['numpy reconstruct', '\x80\x02cnumpy.core.multiarray\n_reconstruct\ncnumpy\nndarray\nK\x00\x85C\x01b\x87R.'],
  ])('%s', (_name, stream) => {
    const r = scan(enc(stream));
    expect(r.dangerous).toEqual([]);
    expect(r.rules.filter((x) => x !== 'pickle.multiple-streams')).toEqual([]);
  });
});

describe('import verdicts in findings', () => {
  const run = (stream: string, p: ImportPolicy) => {
    const s = new PickleScanner({ policy: p });
    s.push(enc(stream));
    s.finish();
    return s;
  };

  test('an unknown import prints the allow-globals line that accepts it, and that line does', () => {
    const stream = "cmylib.models\nNet\n)R.";
    const f = run(stream, policy).findings.find((x) => x.rule === 'pickle.unknown-import');
    expect(f?.message).toContain('allow-globals: mylib.models.Net');
    const line = /allow-globals: (\S+)/.exec(f?.message ?? '')?.[1] as string;
    const allowed = run(stream, new ImportPolicy([line]));
    expect(allowed.findings).toEqual([]);
    expect([...allowed.imports.values()].map((i) => [i.name, i.classification])).toEqual([['mylib.models.Net', 'allowed']]);
  });

  test('allow-globals never clears a dangerous global; allow-dangerous-globals accepts it as a warning', () => {
    const stream = "cbuiltins\neval\n(S'1'\ntR.";
    for (const allow of [['builtins.eval'], ['builtins.*'], ['posix.system']]) {
      const s = run(stream, new ImportPolicy(allow));
      expect(s.findings.map((f) => [f.severity, f.rule])).toEqual([['dangerous', 'pickle.dangerous-import']]);
    }
    expect(run(stream, new ImportPolicy(['builtins.eval'])).findings[0]?.message).toContain('allow-dangerous-globals');
    const accepted = run(stream, new ImportPolicy([], [{ name: 'builtins.eval', reason: 'legacy model, ticket SEC-12' }]));
    expect(accepted.findings.map((f) => [f.severity, f.rule])).toEqual([['warning', 'pickle.dangerous-import-accepted']]);
    expect([...accepted.imports.values()]).toEqual([expect.objectContaining({ name: 'builtins.eval', classification: 'dangerous', accepted: 'legacy model, ticket SEC-12' })]);
  });

  test('enum-style getattr(class, name) on an allowed class is judged as that name, not as getattr', () => {
    const s = run("cbuiltins\ngetattr\n(ccollections\nOrderedDict\nS'fromkeys'\ntR.", policy);
    expect(s.findings.map((f) => [f.severity, f.import])).toEqual([['unknown-import', 'collections.OrderedDict.fromkeys']]);
    expect([...s.imports.keys()].sort()).toEqual(['collections.OrderedDict', 'collections.OrderedDict.fromkeys']);
    const dunder = run("cbuiltins\ngetattr\n(ccollections\nOrderedDict\nS'__init__'\ntR.", policy);
    expect(dunder.findings.map((f) => [f.severity, f.import])).toEqual([['dangerous', 'collections.OrderedDict.__init__']]);
  });

  test('a function allowed as a stored reference is flagged when the pickle calls it', () => {
    expect(run('\x80\x04\x8c\x05numpy\x8c\x04mean\x93.', policy).findings).toEqual([]);
    const called = run('\x80\x04\x8c\x05numpy\x8c\x04mean\x93)R.', policy);
    expect(called.findings.map((f) => [f.severity, f.rule])).toEqual([['unknown-import', 'pickle.reference-called']]);
    expect(run('\x80\x04\x8c\x05numpy\x8c\x04mean\x93)R.', new ImportPolicy(['numpy.mean'])).findings).toEqual([]);
  });
});

describe('bounds', () => {
  test('a memo past its bounds still resolves a module name STACK_GLOBAL memoized just before', () => {
    // More memoized strings than the memo keeps, then an import whose operands come from the memo.
    const n = 140_000;
    const parts: string[] = ['\x80\x04'];
    for (let k = 0; k < n; k++) parts.push('\x8c\x02ab\x940');
    parts.push('\x8c\x02os\x94\x8c\x06system\x94\x93\x940');
    // more strings than the recent window holds, so only pinning keeps the two operands
    for (let k = 0; k < 100; k++) parts.push(`\x8c\x05x${String(k).padStart(4, '0')}\x940`);
    parts.push(`j${u32(n)}j${u32(n + 1)}\x93.`);
    const s = new PickleScanner({ policy });
    s.push(enc(parts.join('')));
    s.finish();
    expect(s.findings.map((f) => f.rule)).toContain('pickle.memo-bound');
    expect(s.findings.filter((f) => f.severity === 'dangerous').map((f) => f.import)).toEqual(['os.system']);
    expect(s.findings.some((f) => f.rule === 'pickle.dynamic-global')).toBe(false);
  });

  test('a stack past its bound is a dangerous finding, not a crash or a pass', () => {
    const s = new PickleScanner({ policy });
    s.push(enc('\x80\x04(' + 'N'.repeat((1 << 18) + 10)));
    s.push(enc('cos\nsystem\n.'));
    s.finish();
    expect(s.findings.map((f) => [f.severity, f.rule])).toEqual([['dangerous', 'pickle.bound-exceeded']]);
  });

  test('30,000 distinct unknown globals produce a bounded list of findings', () => {
    const parts: string[] = ['\x80\x04'];
    for (let k = 0; k < 30_000; k++) parts.push(`cmod${k}\nName\n0`);
    parts.push('N.');
    const s = new PickleScanner({ policy });
    s.push(enc(parts.join('')));
    s.finish();
    expect(s.findings.length).toBeLessThanOrEqual(10_001);
    expect(s.findings.some((f) => f.rule === 'pickle.too-many-findings')).toBe(true);
  });
});
