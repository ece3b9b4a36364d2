/**
 * Real inference: models made by scikit-learn + skl2onnx at set-up, run by ONNX Runtime's native
 * binding from onnxruntime-node 1.30.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installedOnnxRuntimeDir, makeOnnxFixtures, type OnnxFixtures } from '../../../test/fixtures/onnx/fixtures';
import { percentile, runSmokeTest, SmokeTestError } from '../src/inference';
import { checkExternalData, formatOnnxType, readOnnxModel } from '../src/onnx';
import { compareSignatures, onnxSignature, parseExpectedSignature } from '../src/signature';

let fx: OnnxFixtures;
beforeAll(() => {
  fx = makeOnnxFixtures();
});

describe('ONNX reader on skl2onnx models', () => {
  it('reads the classifier signature as onnx writes it', async () => {
    const info = await readOnnxModel(fx.classifier);
    expect(info.producerName).toBe('skl2onnx');
    expect(info.opsets.some((o) => o.domain === 'ai.onnx.ml')).toBe(true);
    expect(info.inputs.map((i) => `${i.name}:${formatOnnxType(i.type)}`)).toEqual(['X:float[?,4]']);
    expect(info.outputs.map((o) => `${o.name}:${formatOnnxType(o.type)}`)).toEqual(['label:int64[?]', 'probabilities:float[?,3]']);
    const cmp = compareSignatures(parseExpectedSignature('inputs: [{name: X, dtype: float32, shape: [-1, 4]}]\noutputs: [{name: label, dtype: int64}, {name: probabilities, dtype: float32, shape: [null, 3]}]'), onnxSignature(info));
    expect(cmp).toMatchObject({ match: true, problems: [] });
  });

  it('reads ZipMap outputs as a sequence of maps', async () => {
    const info = await readOnnxModel(fx.classifier_zipmap);
    expect(info.outputs.map((o) => formatOnnxType(o.type))).toEqual(['int64[?]', 'seq(map(int64,float))']);
  });

  it('leaves out an initializer listed as an input', async () => {
    const info = await readOnnxModel(fx.init_as_input);
    expect(info.inputs.map((i) => i.name)).toEqual(['x']);
  });

  it('finds the external data file of an external-data model', async () => {
    const info = await readOnnxModel(fx.external);
    expect(info.externalData).toEqual([expect.objectContaining({ tensor: 'w', location: 'weights.bin' })]);
    expect(await checkExternalData(fx.external, info)).toEqual([]);
  });
});

describe('runSmokeTest', () => {
  it('runs the classifier on generated inputs and measures latency', async () => {
    const info = await readOnnxModel(fx.classifier);
    const r = await runSmokeTest(fx.classifier, info, { runtimeDir: installedOnnxRuntimeDir(), runs: 10, warmupRuns: 2 });
    expect(r.passed).toBe(true);
    expect(r.inputs).toEqual([{ name: 'X', dtype: 'float32', shape: [1, 4], source: 'generated' }]);
    expect(r.outputs).toEqual([
      expect.objectContaining({ name: 'label', dtype: 'int64', shape: [1], checked: true, nonFinite: 0 }),
      expect.objectContaining({ name: 'probabilities', dtype: 'float32', shape: [1, 3], checked: true, nonFinite: 0 }),
    ]);
    expect(r.latency.runs).toBe(10);
    expect(r.latency.p50Ms).toBeGreaterThan(0);
    expect(r.latency.p95Ms).toBeGreaterThanOrEqual(r.latency.p50Ms);
  });

  it.each([
    ['JSON keyed by input name', 'sample_json', []],
    ['.npy float32', 'sample_npy', []],
    ['.npy float64, cast', 'sample_npy_f64', ["sample for 'X' was cast from float64 to float32"]],
  ] as const)('feeds a %s sample', async (_name, key, notes) => {
    const info = await readOnnxModel(fx.classifier);
    const r = await runSmokeTest(fx.classifier, info, { runtimeDir: installedOnnxRuntimeDir(), runs: 3, warmupRuns: 1, samplePath: fx[key] });
    expect(r.passed).toBe(true);
    expect(r.inputs[0]).toMatchObject({ shape: [2, 4], source: 'sample' });
    expect(r.outputs[0]!.shape).toEqual([2]);
    expect(r.notes).toEqual(notes);
  });

  it('fails a model whose outputs are NaN', async () => {
    const info = await readOnnxModel(fx.nan);
    const r = await runSmokeTest(fx.nan, info, { runtimeDir: installedOnnxRuntimeDir(), runs: 2, warmupRuns: 0 });
    expect(r.passed).toBe(false);
    expect(r.problems).toEqual(["output 'y' has 3 non-finite values (NaN or ±Infinity) of 3"]);
  });

  it('notes ZipMap outputs it cannot check, and still checks the label', async () => {
    const info = await readOnnxModel(fx.classifier_zipmap);
    const r = await runSmokeTest(fx.classifier_zipmap, info, { runtimeDir: installedOnnxRuntimeDir(), runs: 2, warmupRuns: 0 });
    expect(r.passed).toBe(true);
    expect(r.notes).toEqual(["output 'output_probability' (seq(map(int64,float))) is not a tensor and was not checked"]);
    expect(r.outputs[0]).toMatchObject({ name: 'output_label', checked: true, shape: [1] });
  });

  it('runs an external-data model', async () => {
    const info = await readOnnxModel(fx.external);
    const r = await runSmokeTest(fx.external, info, { runtimeDir: installedOnnxRuntimeDir(), runs: 2, warmupRuns: 0 });
    expect(r.passed).toBe(true);
    expect(r.outputs[0]!.shape).toEqual([1, 3]);
  });

  it.each([
    ['a sample of the wrong width', { X: [[1, 2, 3]] }, /shape \[1, 3\], expected \[\?, 4\]/],
    ['a sample naming an unknown input', { X: [[1, 2, 3, 4]], Y: [1] }, /'Y', which is not an input/],
    ['a ragged sample', { X: [[1, 2, 3, 4], [1, 2]] }, /not rectangular/],
    ['a sample with strings', { X: [['a', 'b', 'c', 'd']] }, /must hold numbers/],
  ])('refuses %s with a clear error', async (_name, sample, message) => {
    const info = await readOnnxModel(fx.classifier);
    const p = join(fx.dir, `bad-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(p, JSON.stringify(sample));
    await expect(runSmokeTest(fx.classifier, info, { runtimeDir: installedOnnxRuntimeDir(), runs: 1, warmupRuns: 0, samplePath: p })).rejects.toThrow(message);
    await expect(runSmokeTest(fx.classifier, info, { runtimeDir: installedOnnxRuntimeDir(), runs: 1, warmupRuns: 0, samplePath: p })).rejects.toBeInstanceOf(SmokeTestError);
  });

  it('reports a model ONNX Runtime cannot load', async () => {
    const info = await readOnnxModel(fx.external);
    const p = join(fx.dir, 'external', 'model.onnx');
    const broken = join(fx.dir, 'no-weights.onnx'); // the same graph, away from weights.bin
    writeFileSync(broken, (await import('node:fs')).readFileSync(p));
    await expect(runSmokeTest(broken, info, { runtimeDir: installedOnnxRuntimeDir(), runs: 1, warmupRuns: 0 })).rejects.toThrow(/^ONNX Runtime could not load the model: /);
  });
});

describe('percentile', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 10],
    [[7], 95, 7],
    [Array.from({ length: 20 }, (_, i) => i + 1), 95, 19],
  ])('%j p%d = %d', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});
