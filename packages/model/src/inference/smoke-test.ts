/**
 * A smoke test of an ONNX model: load it in ONNX Runtime, feed a sample (JSON or .npy) or inputs
 * generated from the graph's declared types, check that outputs have the declared shapes and only
 * finite values, and time N runs after a warm-up.
 */
import { readFile } from 'node:fs/promises';
import type * as ortTypes from 'onnxruntime-common';
import type { Dim, OnnxModelInfo, OnnxValueInfo } from '../onnx';
import { formatOnnxType } from '../onnx';
import { readNpy, type NpyArray } from './npy';
import { loadOnnxRuntime } from './ort-runtime';

export interface SmokeTestOptions {
  /** The folder holding onnxruntime-node's binding and libonnxruntime.so.1 (see ort-fetch.ts). */
  runtimeDir: string;
  /** A sample input: `.npy` (single-input models) or JSON (`{"input": [[...]]}`, or a bare array for one input). */
  samplePath?: string;
  /** Timed runs (at least 1). */
  runs: number;
  /** Untimed runs first, so one-time allocation does not count as latency. */
  warmupRuns: number;
  signal?: AbortSignal;
  /** Milliseconds with sub-millisecond precision; injectable for tests. */
  now?: () => number;
}

export interface SmokeInput {
  name: string;
  dtype: string;
  shape: number[];
  source: 'sample' | 'generated';
}

export interface SmokeOutput {
  name: string;
  /** The ONNX type as declared in the graph. */
  declared: string;
  /** Checked outputs only (tensors). */
  dtype?: string;
  shape?: number[];
  checked: boolean;
  nonFinite: number;
  problem?: string;
}

export interface LatencyStats {
  runs: number;
  warmupRuns: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
}

export interface SmokeTestResult {
  passed: boolean;
  inputs: SmokeInput[];
  outputs: SmokeOutput[];
  latency: LatencyStats;
  /** What failed: shapes, non-finite values. Empty when passed. */
  problems: string[];
  /** What was adapted or left unchecked (a cast sample, a sequence output). */
  notes: string[];
}

/** The sample or the model cannot be used for a smoke test; the message says what to change. */
export class SmokeTestError extends Error {
  override readonly name = 'SmokeTestError';
}

/** ONNX element type names to ORT tensor types (the subset ORT's Node binding can feed). */
const ORT_TYPE: Record<string, ortTypes.Tensor.Type> = {
  float: 'float32',
  double: 'float64',
  int8: 'int8',
  int16: 'int16',
  int32: 'int32',
  int64: 'int64',
  uint8: 'uint8',
  uint16: 'uint16',
  uint32: 'uint32',
  uint64: 'uint64',
  bool: 'bool',
  string: 'string',
};

const FLOAT_TYPES = new Set(['float32', 'float64', 'float16']);

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/**
 * Runs the smoke test. Model-level failures (the runtime refuses the model, a run throws) raise
 * SmokeTestError; output problems are returned in `problems` with `passed: false`.
 */
export async function runSmokeTest(modelPath: string, info: OnnxModelInfo, opts: SmokeTestOptions): Promise<SmokeTestResult> {
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new SmokeTestError('runs must be a whole number of at least 1');
  const ort = await loadOnnxRuntime(opts.runtimeDir);
  const now = opts.now ?? (() => performance.now());
  const notes: string[] = [];
  const problems: string[] = [];

  const feeds: Record<string, ortTypes.Tensor> = {};
  const inputs: SmokeInput[] = [];
  const sample = opts.samplePath ? await readSample(opts.samplePath, info.inputs) : undefined;
  for (const input of info.inputs) {
    const tensor = sample?.get(input.name);
    if (sample && !tensor) throw new SmokeTestError(`the sample has no value for input '${input.name}' (it has: ${[...sample.keys()].join(', ') || 'nothing'})`);
    const made = tensor ? toTensor(ort, input, tensor, notes) : generate(ort, input);
    feeds[input.name] = made;
    inputs.push({ name: input.name, dtype: made.type, shape: [...made.dims], source: tensor ? 'sample' : 'generated' });
  }
  if (sample) {
    for (const name of sample.keys()) {
      if (!info.inputs.some((i) => i.name === name)) throw new SmokeTestError(`the sample gives '${name}', which is not an input of the model (inputs: ${info.inputs.map((i) => i.name).join(', ')})`);
    }
  }

  let session: ortTypes.InferenceSession;
  try {
    session = await ort.InferenceSession.create(modelPath, { executionProviders: ['cpu'], graphOptimizationLevel: 'all' });
  } catch (err) {
    throw new SmokeTestError(`ONNX Runtime could not load the model: ${firstLine(err)}`);
  }
  try {
    // ORT's Node binding returns tensors only; sequences and maps (skl2onnx's ZipMap) are left out.
    const tensorOutputs = info.outputs.filter((o) => o.type.kind === 'tensor');
    for (const o of info.outputs) {
      if (o.type.kind !== 'tensor') notes.push(`output '${o.name}' (${formatOnnxType(o.type)}) is not a tensor and was not checked`);
    }
    const fetches = tensorOutputs.map((o) => o.name);
    const runOnce = async () => {
      try {
        return await session.run(feeds, fetches);
      } catch (err) {
        throw new SmokeTestError(`inference failed: ${firstLine(err)}`);
      }
    };
    let last: Record<string, ortTypes.OnnxValue> | undefined;
    for (let i = 0; i < opts.warmupRuns; i++) {
      opts.signal?.throwIfAborted();
      last = await runOnce();
    }
    const times: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      opts.signal?.throwIfAborted();
      const t0 = now();
      last = await runOnce();
      times.push(now() - t0);
    }
    const outputs: SmokeOutput[] = info.outputs.map((o) => {
      const value = last?.[o.name];
      if (o.type.kind !== 'tensor') return { name: o.name, declared: formatOnnxType(o.type), checked: false, nonFinite: 0 };
      if (!value || !(value instanceof ort.Tensor)) {
        const problem = `output '${o.name}' was not returned as a tensor`;
        problems.push(problem);
        return { name: o.name, declared: formatOnnxType(o.type), checked: true, nonFinite: 0, problem };
      }
      const out: SmokeOutput = { name: o.name, declared: formatOnnxType(o.type), dtype: value.type, shape: [...value.dims], checked: true, nonFinite: 0 };
      const shapeProblem = checkShape(o.type.shape, value.dims);
      if (shapeProblem) {
        out.problem = `output '${o.name}' has shape [${value.dims.join(', ')}], ${shapeProblem}`;
        problems.push(out.problem);
      }
      if (FLOAT_TYPES.has(value.type)) {
        const data = value.data as ArrayLike<number>;
        let bad = 0;
        for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i]!)) bad++;
        out.nonFinite = bad;
        if (bad > 0) {
          const problem = `output '${o.name}' has ${bad} non-finite value${bad === 1 ? '' : 's'} (NaN or ±Infinity) of ${data.length}`;
          out.problem = out.problem ? `${out.problem}; ${problem}` : problem;
          problems.push(problem);
        }
      }
      return out;
    });
    const sorted = [...times].sort((a, b) => a - b);
    const latency: LatencyStats = {
      runs: opts.runs,
      warmupRuns: opts.warmupRuns,
      p50Ms: round3(percentile(sorted, 50)),
      p95Ms: round3(percentile(sorted, 95)),
      meanMs: round3(times.reduce((a, b) => a + b, 0) / times.length),
      minMs: round3(sorted[0]!),
      maxMs: round3(sorted[sorted.length - 1]!),
    };
    return { passed: problems.length === 0, inputs, outputs, latency, problems, notes };
  } finally {
    await session.release();
  }
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}

/** Declared dims: a number must match; a name or an unknown dim matches any size. */
function checkShape(declared: Dim[] | null, actual: readonly number[]): string | undefined {
  if (!declared) return undefined;
  if (declared.length !== actual.length) return `expected rank ${declared.length} ([${declared.map((d) => d ?? '?').join(', ')}])`;
  for (let i = 0; i < declared.length; i++) {
    const d = declared[i];
    if (typeof d === 'number' && d !== actual[i]) return `expected [${declared.map((x) => x ?? '?').join(', ')}]`;
  }
  return undefined;
}

/** A sample value before it meets the model's input type. */
type SampleValue = { kind: 'npy'; array: NpyArray } | { kind: 'json'; shape: number[]; values: Array<number | string | boolean> };

async function readSample(path: string, inputs: OnnxValueInfo[]): Promise<Map<string, SampleValue>> {
  if (/\.npy$/i.test(path)) {
    if (inputs.length !== 1) throw new SmokeTestError(`a .npy sample feeds a single input, but the model has ${inputs.length} (${inputs.map((i) => i.name).join(', ')}); use a JSON sample keyed by input name`);
    let array: NpyArray;
    try {
      array = await readNpy(path);
    } catch (err) {
      throw new SmokeTestError(`sample ${path}: ${firstLine(err)}`);
    }
    return new Map([[inputs[0]!.name, { kind: 'npy', array }]]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new SmokeTestError(`sample ${path} is not readable JSON: ${firstLine(err)}`);
  }
  const names = new Set(inputs.map((i) => i.name));
  // TensorFlow-serving style, which MLflow writes as input_example.json: {"inputs": ...}
  if (isRecord(doc) && Object.keys(doc).length === 1 && 'inputs' in doc && !names.has('inputs')) doc = doc.inputs;
  const map = new Map<string, SampleValue>();
  if (Array.isArray(doc)) {
    if (inputs.length !== 1) throw new SmokeTestError(`a bare array feeds a single input, but the model has ${inputs.length}; key the sample by input name`);
    map.set(inputs[0]!.name, flatten(doc, inputs[0]!.name));
  } else if (isRecord(doc)) {
    for (const [k, v] of Object.entries(doc)) map.set(k, flatten(v, k));
  } else {
    throw new SmokeTestError('a JSON sample is an object keyed by input name, or an array for a single-input model');
  }
  return map;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Flattens a rectangular nested array, checking every row has the same length. */
function flatten(v: unknown, name: string): SampleValue {
  const shape: number[] = [];
  let probe: unknown = v;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const values: Array<number | string | boolean> = [];
  const walk = (x: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') values.push(x);
      else throw new SmokeTestError(`sample '${name}' holds ${x === null ? 'null' : typeof x} where a number, string or boolean is expected`);
      return;
    }
    if (!Array.isArray(x) || x.length !== shape[depth]) throw new SmokeTestError(`sample '${name}' is not rectangular (expected shape [${shape.join(', ')}])`);
    for (const el of x) walk(el, depth + 1);
  };
  walk(v, 0);
  return { kind: 'json', shape, values };
}

function tensorTypeOf(input: OnnxValueInfo): ortTypes.Tensor.Type {
  if (input.type.kind !== 'tensor') throw new SmokeTestError(`input '${input.name}' is ${formatOnnxType(input.type)}; only tensor inputs can be fed`);
  const t = ORT_TYPE[input.type.elemType];
  if (!t) throw new SmokeTestError(`input '${input.name}' has element type ${input.type.elemType}, which ONNX Runtime for Node cannot feed`);
  return t;
}

function toTensor(ort: typeof ortTypes, input: OnnxValueInfo, sample: SampleValue, notes: string[]): ortTypes.Tensor {
  const type = tensorTypeOf(input);
  const shape = sample.kind === 'npy' ? sample.array.shape : sample.shape;
  const declared = input.type.kind === 'tensor' ? input.type.shape : null;
  if (declared) {
    const problem = checkShape(declared, shape);
    if (problem) throw new SmokeTestError(`sample for input '${input.name}' has shape [${shape.join(', ')}], ${problem}`);
  }
  if (sample.kind === 'npy') {
    const { array } = sample;
    if (array.dtype === type) return new ort.Tensor(type, array.data as never, shape);
    if (type === 'string' || array.dtype === 'bool' || type === 'bool') {
      throw new SmokeTestError(`sample for input '${input.name}' is ${array.dtype}, the model wants ${type}`);
    }
    notes.push(`sample for '${input.name}' was cast from ${array.dtype} to ${type}`);
    return fromNumbers(ort, type, Array.from(array.data as ArrayLike<number | bigint>, (x) => Number(x)), shape, input.name);
  }
  if (type === 'string') return new ort.Tensor('string', sample.values.map(String), shape);
  if (type === 'bool') {
    if (!sample.values.every((x) => typeof x === 'boolean')) throw new SmokeTestError(`sample for input '${input.name}' must hold booleans`);
    return new ort.Tensor('bool', Uint8Array.from(sample.values as boolean[], (b) => (b ? 1 : 0)), shape);
  }
  if (!sample.values.every((x) => typeof x === 'number')) throw new SmokeTestError(`sample for input '${input.name}' must hold numbers (the model wants ${type})`);
  return fromNumbers(ort, type, sample.values as number[], shape, input.name);
}

function fromNumbers(ort: typeof ortTypes, type: ortTypes.Tensor.Type, values: number[], shape: number[], name: string): ortTypes.Tensor {
  const isInt = !FLOAT_TYPES.has(type);
  if (isInt && !values.every((v) => Number.isInteger(v))) throw new SmokeTestError(`sample for input '${name}' has non-integer values, the model wants ${type}`);
  switch (type) {
    case 'float32':
      return new ort.Tensor(type, Float32Array.from(values), shape);
    case 'float64':
      return new ort.Tensor(type, Float64Array.from(values), shape);
    case 'int8':
      return new ort.Tensor(type, Int8Array.from(values), shape);
    case 'int16':
      return new ort.Tensor(type, Int16Array.from(values), shape);
    case 'int32':
      return new ort.Tensor(type, Int32Array.from(values), shape);
    case 'int64':
      return new ort.Tensor(type, BigInt64Array.from(values, (v) => BigInt(v)), shape);
    case 'uint8':
      return new ort.Tensor(type, Uint8Array.from(values), shape);
    case 'uint16':
      return new ort.Tensor(type, Uint16Array.from(values), shape);
    case 'uint32':
      return new ort.Tensor(type, Uint32Array.from(values), shape);
    case 'uint64':
      return new ort.Tensor(type, BigUint64Array.from(values, (v) => BigInt(v)), shape);
    default:
      throw new SmokeTestError(`input '${name}': cannot build a ${type} tensor from numbers`);
  }
}

/**
 * Inputs made from the declared type: symbolic or unknown dims become 1; floats are
 * deterministic pseudo-random values in [0, 1); integers are 0 (always a valid index or id);
 * strings are 'a'; booleans false.
 */
function generate(ort: typeof ortTypes, input: OnnxValueInfo): ortTypes.Tensor {
  const type = tensorTypeOf(input);
  const declared = input.type.kind === 'tensor' ? input.type.shape : null;
  if (!declared) throw new SmokeTestError(`input '${input.name}' has no declared shape; give a sample-input`);
  const shape = declared.map((d) => (typeof d === 'number' ? d : 1));
  const count = shape.reduce((a, b) => a * b, 1);
  if (count > 64 * 1024 * 1024) throw new SmokeTestError(`input '${input.name}' would hold ${count} values; give a smaller sample-input`);
  if (type === 'string') return new ort.Tensor('string', new Array<string>(count).fill('a'), shape);
  if (type === 'bool') return new ort.Tensor('bool', new Uint8Array(count), shape);
  let seed = 12345;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) / 16777216;
  };
  const values = FLOAT_TYPES.has(type) ? Array.from({ length: count }, rand) : new Array<number>(count).fill(0);
  return fromNumbers(ort, type, values, shape, input.name);
}
