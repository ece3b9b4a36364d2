/**
 * The model behind the server: read its signature from the file (no weights loaded for that),
 * open one ONNX Runtime session through @ml-deploy/model's loader (the same binding validate-model's
 * smoke test uses), run parsed requests and turn output tensors into JSON.
 */
import { loadOnnxRuntime, readOnnxModel, type OnnxModelInfo } from '@ml-deploy/model';
import { serverOnnxRuntimeDir } from '@ml-deploy/model/server-ort';
import type * as ortTypes from 'onnxruntime-common';
import { requestSchema, type InputSpec, type ParsedRequest } from './predict-request';

export type JsonOutput = number | string | boolean | JsonOutput[];

export interface OutputSpec {
  name: string;
  elemType: string;
}

export interface ModelSession {
  readonly info: OnnxModelInfo;
  readonly schema: InputSpec[];
  /** Tensor outputs the server returns (sequence/map outputs such as ZipMap are left out). */
  readonly outputs: OutputSpec[];
  /** Outputs of the graph the server cannot return, with why. */
  readonly skippedOutputs: string[];
  run(request: ParsedRequest): Promise<Record<string, { shape: number[]; data: ArrayLike<number | bigint | string | boolean> }>>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** ONNX Runtime intra-op threads; 0 lets ORT choose (one per core). */
  intraOpThreads?: number;
  /** Where a first-use download of ONNX Runtime reports (run outside the image only). */
  log?: (line: string) => void;
}

function makeTensor(ort: typeof ortTypes, tensorType: string, values: (number | boolean | string)[], shape: number[]): ortTypes.Tensor {
  switch (tensorType) {
    case 'float32':
      return new ort.Tensor('float32', Float32Array.from(values as number[]), shape);
    case 'float64':
      return new ort.Tensor('float64', Float64Array.from(values as number[]), shape);
    case 'int8':
      return new ort.Tensor('int8', Int8Array.from(values as number[]), shape);
    case 'int16':
      return new ort.Tensor('int16', Int16Array.from(values as number[]), shape);
    case 'int32':
      return new ort.Tensor('int32', Int32Array.from(values as number[]), shape);
    case 'int64':
      return new ort.Tensor('int64', BigInt64Array.from(values as number[], (v) => BigInt(v)), shape);
    case 'uint8':
      return new ort.Tensor('uint8', Uint8Array.from(values as number[]), shape);
    case 'uint16':
      return new ort.Tensor('uint16', Uint16Array.from(values as number[]), shape);
    case 'uint32':
      return new ort.Tensor('uint32', Uint32Array.from(values as number[]), shape);
    case 'uint64':
      return new ort.Tensor('uint64', BigUint64Array.from(values as number[], (v) => BigInt(v)), shape);
    case 'bool':
      return new ort.Tensor('bool', Uint8Array.from(values as boolean[], (b) => (b ? 1 : 0)), shape);
    case 'string':
      return new ort.Tensor('string', values as string[], shape);
    default:
      throw new Error(`cannot build a ${tensorType} tensor`);
  }
}

export async function openModelSession(modelPath: string, opts: SessionOptions = {}): Promise<ModelSession> {
  const info = await readOnnxModel(modelPath);
  const schema = requestSchema(info.inputs);
  const outputs: OutputSpec[] = [];
  const skippedOutputs: string[] = [];
  for (const o of info.outputs) {
    if (o.type.kind === 'tensor') outputs.push({ name: o.name, elemType: o.type.elemType });
    else skippedOutputs.push(`${o.name} (${o.type.kind}: ONNX Runtime for Node returns tensors only; export without ZipMap to serve it)`);
  }
  if (outputs.length === 0) throw new Error(`the model has no tensor outputs to serve (${skippedOutputs.join('; ')})`);
  const dir = await serverOnnxRuntimeDir({ log: opts.log });
  const ort = await loadOnnxRuntime(dir);
  const sessionOptions: ortTypes.InferenceSession.SessionOptions = { graphOptimizationLevel: 'all' };
  if (opts.intraOpThreads && opts.intraOpThreads > 0) sessionOptions.intraOpNumThreads = opts.intraOpThreads;
  const session = await ort.InferenceSession.create(modelPath, sessionOptions);
  const fetches = outputs.map((o) => o.name);
  return {
    info,
    schema,
    outputs,
    skippedOutputs,
    async run(request) {
      const feeds: Record<string, ortTypes.Tensor> = {};
      for (const input of request.inputs) feeds[input.spec.name] = makeTensor(ort, input.spec.tensorType, input.values, input.shape);
      const result = await session.run(feeds, fetches);
      const out: Record<string, { shape: number[]; data: ArrayLike<number | bigint | string | boolean> }> = {};
      for (const name of fetches) {
        const t = result[name] as ortTypes.Tensor;
        out[name] = { shape: [...t.dims], data: t.data as ArrayLike<number | bigint | string | boolean> };
      }
      return out;
    },
    async close() {
      await session.release();
    },
  };
}

/** A flat tensor as nested JSON arrays; 64-bit integers become numbers when exact, else strings. */
export function tensorToJson(shape: number[], data: ArrayLike<number | bigint | string | boolean>): JsonOutput {
  const leaf = (v: number | bigint | string | boolean): JsonOutput => {
    if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    return v;
  };
  if (shape.length === 0) return leaf(data[0]!);
  let offset = 0;
  const build = (d: number): JsonOutput[] => {
    const size = shape[d]!;
    const arr: JsonOutput[] = new Array(size);
    for (let i = 0; i < size; i++) arr[i] = d === shape.length - 1 ? leaf(data[offset++]!) : build(d + 1);
    return arr;
  };
  return build(0);
}
