import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, openSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkExternalData, formatOnnxType, OnnxFormatError, readOnnxModel } from '../src/onnx';
import { bytes, model, str, tag, tensorValueInfo, varint, vint } from './onnx-proto-builder';

const dir = mkdtempSync(join(tmpdir(), 'onnx-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: Uint8Array | number[]): string {
  const p = join(dir, `m${n++}.onnx`);
  writeFileSync(p, Uint8Array.from(content));
  return p;
}

const FLOAT = 1;
const INT64 = 7;

describe('readOnnxModel', () => {
  it('reads header, opsets, inputs and outputs with element types and shapes', async () => {
    const graph = [
      ...str(2, 'g'),
      ...bytes(11, tensorValueInfo('x', FLOAT, [null, 'batch', 4])),
      ...bytes(12, tensorValueInfo('y', INT64, ['N'])),
      ...bytes(1, [...str(4, 'Relu'), ...str(1, 'x')]), // a node: skipped
    ];
    const info = await readOnnxModel(file(model(graph, { ir: 9, producer: 'unit', opsets: [['', 17], ['ai.onnx.ml', 3]] })));
    expect(info.irVersion).toBe(9);
    expect(info.producerName).toBe('unit');
    expect(info.producerVersion).toBe('1.0');
    expect(info.graphName).toBe('g');
    expect(info.opsets).toEqual([{ domain: '', version: 17 }, { domain: 'ai.onnx.ml', version: 3 }]);
    expect(info.inputs).toEqual([{ name: 'x', type: { kind: 'tensor', elemType: 'float', shape: [null, 'batch', 4] } }]);
    expect(info.outputs).toEqual([{ name: 'y', type: { kind: 'tensor', elemType: 'int64', shape: ['N'] } }]);
  });

  it('leaves out initializers listed as inputs and records external data', async () => {
    const init = [
      ...vint(1, 2), // dims
      ...vint(2, FLOAT),
      ...str(8, 'w'),
      ...bytes(9, [1, 2, 3, 4]), // raw_data, skipped
      ...bytes(13, [...str(1, 'location'), ...str(2, 'w.bin')]),
      ...bytes(13, [...str(1, 'offset'), ...str(2, '0')]),
      ...bytes(13, [...str(1, 'length'), ...str(2, '8')]),
      ...vint(14, 1),
    ];
    const graph = [
      ...bytes(11, tensorValueInfo('x', FLOAT, [2])),
      ...bytes(11, tensorValueInfo('w', FLOAT, [2])),
      ...bytes(5, init),
      ...bytes(12, tensorValueInfo('y', FLOAT, [2])),
    ];
    const p = file(model(graph));
    const info = await readOnnxModel(p);
    expect(info.inputs.map((i) => i.name)).toEqual(['x']);
    expect(info.initializerCount).toBe(1);
    expect(info.externalData).toEqual([{ tensor: 'w', location: 'w.bin', offset: 0, length: 8 }]);
    expect((await checkExternalData(p, info)).map((e) => e.problem)).toEqual(['missing']);
    writeFileSync(join(dir, 'w.bin'), new Uint8Array(4));
    expect((await checkExternalData(p, info)).map((e) => e.problem)).toEqual(['too-short']);
    writeFileSync(join(dir, 'w.bin'), new Uint8Array(8));
    expect(await checkExternalData(p, info)).toEqual([]);
  });

  it.each([
    ['../../etc/passwd', 'outside-model-directory'],
    ['/etc/passwd', 'absolute-path'],
    ['sub/../../x.bin', 'outside-model-directory'],
  ])('flags external data at %s as %s', async (location, problem) => {
    const init = [...str(8, 'w'), ...bytes(13, [...str(1, 'location'), ...str(2, location)]), ...vint(14, 1)];
    const p = file(model([...bytes(5, init), ...bytes(12, tensorValueInfo('y', FLOAT, [1]))]));
    const problems = await checkExternalData(p, await readOnnxModel(p));
    expect(problems.map((e) => e.problem)).toEqual([problem]);
  });

  it('reads sequence, map and optional types', async () => {
    const mapType = bytes(5, [...vint(1, INT64), ...bytes(2, bytes(1, vint(1, FLOAT)))]);
    const seqOfMap = [...str(1, 'probs'), ...bytes(2, bytes(4, bytes(1, mapType)))];
    const info = await readOnnxModel(file(model([...bytes(12, seqOfMap)])));
    expect(formatOnnxType(info.outputs[0]!.type)).toBe('seq(map(int64,float))');
  });

  it('skips a 2 GiB initializer without reading it (sparse file)', async () => {
    const RAW = 2 ** 31;
    const input = bytes(11, tensorValueInfo('x', FLOAT, ['N', 4]));
    const output = bytes(12, tensorValueInfo('y', FLOAT, ['N', 1]));
    const initHead = [...str(8, 'big'), ...tag(9, 2), ...varint(RAW)]; // raw_data
    const initLen = initHead.length + RAW;
    const graphLen = input.length + tag(5, 2).length + varint(initLen).length + initLen + output.length;
    const head = [...vint(1, 8), ...tag(7, 2), ...varint(graphLen), ...input, ...tag(5, 2), ...varint(initLen), ...initHead];
    const tail = [...output, ...bytes(8, [...str(1, ''), ...vint(2, 17)])];
    const p = join(dir, 'big.onnx');
    const fd = openSync(p, 'w');
    writeSync(fd, Uint8Array.from(head), 0, head.length, 0);
    writeSync(fd, Uint8Array.from(tail), 0, tail.length, head.length + RAW);
    closeSync(fd);
    const info = await readOnnxModel(p);
    // What the reader took from the file, not a time or an RSS reading: the head and the tail, each
    // through at most one read window of 64 KiB, and never the 2 GiB of weights in between.
    expect(info.bytesRead).toBeGreaterThanOrEqual(head.length + tail.length);
    expect(info.bytesRead).toBeLessThanOrEqual(head.length + tail.length + 2 * 64 * 1024);
    expect(info.inputs.map((i) => i.name)).toEqual(['x']);
    expect(info.outputs.map((i) => i.name)).toEqual(['y']);
    expect(info.opsets).toEqual([{ domain: '', version: 17 }]);
    rmSync(p);
  });

  it.each<[string, number[], RegExp]>([
    ['an empty file', [], /empty file/],
    ['a file with no graph', vint(1, 8), /no graph/],
    ['a graph without ir_version', bytes(7, []), /no ir_version/],
    ['a length past the end of the file', [...vint(1, 8), ...tag(7, 2), ...varint(1_000_000), 1, 2, 3], /past the end/],
    ['a varint that never ends', [...tag(1, 0), ...new Array<number>(12).fill(0xff)], /longer than 10 bytes/],
    ['a truncated varint', [...tag(1, 0), 0xff], /end of file/],
    ['field number 0', [0x00, 0x01], /field number 0/],
    ['a group wire type', [...tag(5, 3)], /wire type 3/],
    ['a nested length past its message', [...vint(1, 8), ...bytes(7, [...tag(11, 2), ...varint(50), 1])], /past the end/],
    ['a text file', [...new TextEncoder().encode('hello world, not a model')], /.+/],
    ['a name longer than 64 KiB', [...vint(1, 8), ...bytes(7, bytes(11, str(1, 'n'.repeat(70_000))))], /string of 70000 bytes is longer than the 65536 allowed/],
    ['deeply nested sequence types', [...vint(1, 8), ...bytes(7, bytes(12, [...str(1, 'y'), ...nestedSeq(40)]))], /nested deeper/],
  ])('rejects %s with a clear error', async (_name, content, message) => {
    const p = file(content);
    const err = await readOnnxModel(p).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(OnnxFormatError);
    expect((err as Error).message).toMatch(/^not a readable ONNX model: /);
    expect((err as Error).message).toMatch(message);
  });
});

describe('readOnnxModel on damaged bytes', () => {
  // A realistic small model: a ZipMap-style output type, an initializer with raw_data, external data.
  const good = model(
    [
      ...str(2, 'g'),
      ...bytes(5, [...vint(1, 2), ...vint(2, FLOAT), ...str(8, 'w'), ...bytes(9, [0, 0, 128, 63, 0, 0, 0, 64])]),
      ...bytes(11, tensorValueInfo('x', FLOAT, ['N', 4])),
      ...bytes(12, [...str(1, 'probs'), ...bytes(2, bytes(4, bytes(1, bytes(5, [...vint(1, INT64), ...bytes(2, bytes(1, vint(1, FLOAT)))]))))]),
      ...bytes(1, [...str(4, 'Relu'), ...str(1, 'x')]),
    ],
    { opsets: [['', 17], ['ai.onnx.ml', 3]] },
  );

  it('is read whole', async () => {
    expect((await readOnnxModel(file(good))).outputs[0]!.name).toBe('probs');
  });

  it('returns or throws OnnxFormatError, never anything else, at every truncation and 2000 random mutations', async () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const cases: Uint8Array[] = [];
    for (let len = 0; len < good.length; len++) cases.push(good.subarray(0, len));
    for (let i = 0; i < 2000; i++) {
      const m = Uint8Array.from(good);
      for (let k = 0, flips = 1 + rand(4); k < flips; k++) m[rand(m.length)] = rand(256);
      cases.push(m);
    }
    const p = join(dir, 'damaged.onnx');
    let refused = 0;
    for (const c of cases) {
      writeFileSync(p, c);
      try {
        await readOnnxModel(p);
      } catch (err) {
        if (!(err instanceof OnnxFormatError)) throw err;
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(good.length - 5); // nearly every truncation is refused
  });
});

/** TypeProto { sequence_type { elem_type { sequence_type ... } } } nested `depth` times, as field 2 of a ValueInfoProto. */
function nestedSeq(depth: number): number[] {
  let t: number[] = bytes(1, vint(1, FLOAT));
  for (let i = 0; i < depth; i++) t = bytes(4, bytes(1, t));
  return bytes(2, t);
}
