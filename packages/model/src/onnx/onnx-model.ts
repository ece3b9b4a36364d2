/**
 * Reads what a deploy gate needs from an ONNX model (onnx.proto3: ModelProto, GraphProto,
 * ValueInfoProto, TypeProto, TensorShapeProto) without loading the weights: opsets, IR version,
 * producer, graph inputs (minus initializers) and outputs with element types and shapes, and the
 * files an external-data model points at.
 */
import { open, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ProtobufError, ProtobufReader, WireType, type FieldHeader } from './protobuf-reader';

/** A dimension: a fixed size, a symbolic name (dim_param), or null when neither is set. */
export type Dim = number | string | null;

/** The type of a graph value (TypeProto). */
export type OnnxValueType =
  | { kind: 'tensor'; elemType: string; shape: Dim[] | null }
  | { kind: 'sparse-tensor'; elemType: string; shape: Dim[] | null }
  | { kind: 'sequence'; elem: OnnxValueType }
  | { kind: 'map'; keyType: string; value: OnnxValueType }
  | { kind: 'optional'; elem: OnnxValueType }
  | { kind: 'unknown' };

export interface OnnxValueInfo {
  name: string;
  type: OnnxValueType;
}

export interface OnnxOpset {
  /** '' is the default ONNX domain (ai.onnx). */
  domain: string;
  version: number;
}

/** A tensor whose bytes live in another file (TensorProto.data_location = EXTERNAL). */
export interface OnnxExternalData {
  tensor: string;
  location: string;
  offset?: number;
  length?: number;
}

export interface OnnxModelInfo {
  irVersion: number;
  producerName: string;
  producerVersion: string;
  domain: string;
  modelVersion: number;
  opsets: OnnxOpset[];
  graphName: string;
  /** Graph inputs that a caller must feed: initializers listed as inputs are left out. */
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  initializerCount: number;
  externalData: OnnxExternalData[];
  metadata: Record<string, string>;
  /** Bytes of the file the reader read: weights are skipped, not read, so a 2 GiB model reads a few KiB. */
  bytesRead: number;
}

/** The file is not an ONNX model we can read; the message says where it went wrong. */
export class OnnxFormatError extends Error {
  override readonly name = 'OnnxFormatError';
}

/** TensorProto.DataType names, as ONNX spells them (onnx.proto). */
const ELEMENT_TYPES: Record<number, string> = {
  0: 'undefined',
  1: 'float',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'double',
  12: 'uint32',
  13: 'uint64',
  14: 'complex64',
  15: 'complex128',
  16: 'bfloat16',
  17: 'float8e4m3fn',
  18: 'float8e4m3fnuz',
  19: 'float8e5m2',
  20: 'float8e5m2fnuz',
  21: 'uint4',
  22: 'int4',
  23: 'float4e2m1',
  24: 'float8e8m0',
  25: 'uint2',
  26: 'int2',
};

/** The ONNX name of a TensorProto.DataType value. */
export function onnxElementTypeName(code: number): string {
  return ELEMENT_TYPES[code] ?? `type-${code}`;
}

/** TypeProto can nest (sequence of map of sequence...); a crafted file must not recurse forever. */
const MAX_TYPE_DEPTH = 32;
/** Bounds on lists we keep in memory; real models are far below them. */
const MAX_VALUES = 10_000;

/**
 * Reads an ONNX model's header, graph interface and external-data references.
 * Memory is bounded by the size of names and types, not of the weights.
 * @throws OnnxFormatError when the file is not valid ONNX protobuf.
 */
export async function readOnnxModel(path: string): Promise<OnnxModelInfo> {
  const fh = await open(path, 'r');
  try {
    const r = await ProtobufReader.open(fh);
    try {
      const info = await readModel(r);
      info.bytesRead = r.bytesRead;
      return info;
    } catch (err) {
      if (err instanceof ProtobufError) throw new OnnxFormatError(`not a readable ONNX model: ${err.message}`);
      throw err;
    }
  } finally {
    await fh.close();
  }
}

async function readModel(r: ProtobufReader): Promise<OnnxModelInfo> {
  const info: OnnxModelInfo = {
    irVersion: 0,
    producerName: '',
    producerVersion: '',
    domain: '',
    modelVersion: 0,
    opsets: [],
    graphName: '',
    inputs: [],
    outputs: [],
    initializerCount: 0,
    externalData: [],
    metadata: {},
    bytesRead: 0,
  };
  let sawIr = false;
  let graph: GraphParts | undefined;
  if (r.size === 0) throw new ProtobufError('empty file', 0);
  while (!r.atEnd()) {
    const h = await r.readFieldHeader();
    switch (h.field) {
      case 1:
        r.expect(h, WireType.Varint, 'ir_version');
        info.irVersion = await r.readInt64();
        sawIr = true;
        break;
      case 2:
        r.expect(h, WireType.LengthDelimited, 'producer_name');
        info.producerName = await r.readString();
        break;
      case 3:
        r.expect(h, WireType.LengthDelimited, 'producer_version');
        info.producerVersion = await r.readString();
        break;
      case 4:
        r.expect(h, WireType.LengthDelimited, 'domain');
        info.domain = await r.readString();
        break;
      case 5:
        r.expect(h, WireType.Varint, 'model_version');
        info.modelVersion = await r.readInt64();
        break;
      case 7:
        r.expect(h, WireType.LengthDelimited, 'graph');
        if (graph) throw new ProtobufError('more than one graph', h.offset);
        graph = await r.withMessage(() => readGraph(r));
        break;
      case 8:
        r.expect(h, WireType.LengthDelimited, 'opset_import');
        info.opsets.push(await r.withMessage(() => readOpset(r)));
        break;
      case 14: {
        r.expect(h, WireType.LengthDelimited, 'metadata_props');
        // Metadata values may hold whole configs (JSON), so they get more room than names.
        const [k, v] = await r.withMessage(() => readStringEntry(r, 1 << 20));
        info.metadata[k] = v;
        break;
      }
      default:
        await r.skip(h);
    }
  }
  if (!sawIr) throw new ProtobufError('no ir_version: this is not an ONNX ModelProto', 0);
  if (!graph) throw new ProtobufError('no graph: this is not an ONNX ModelProto', 0);
  info.graphName = graph.name;
  info.inputs = graph.inputs.filter((i) => !graph!.initializers.has(i.name));
  info.outputs = graph.outputs;
  info.initializerCount = graph.initializers.size;
  info.externalData = graph.externalData;
  return info;
}

interface GraphParts {
  name: string;
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  initializers: Set<string>;
  externalData: OnnxExternalData[];
}

async function readGraph(r: ProtobufReader): Promise<GraphParts> {
  const g: GraphParts = { name: '', inputs: [], outputs: [], initializers: new Set(), externalData: [] };
  while (!r.atEnd()) {
    const h = await r.readFieldHeader();
    switch (h.field) {
      case 2:
        r.expect(h, WireType.LengthDelimited, 'graph.name');
        g.name = await r.readString();
        break;
      case 5: {
        r.expect(h, WireType.LengthDelimited, 'graph.initializer');
        const t = await r.withMessage(() => readTensorHeader(r));
        addInitializer(g, t, h);
        break;
      }
      case 15: {
        // SparseTensorProto: its name is the name of its `values` tensor (field 1)
        r.expect(h, WireType.LengthDelimited, 'graph.sparse_initializer');
        const t = await r.withMessage(async () => {
          let values: TensorHeader | undefined;
          while (!r.atEnd()) {
            const sh = await r.readFieldHeader();
            if (sh.field === 1 && sh.wireType === WireType.LengthDelimited) values = await r.withMessage(() => readTensorHeader(r));
            else await r.skip(sh);
          }
          return values ?? { name: '', external: undefined };
        });
        addInitializer(g, t, h);
        break;
      }
      case 11:
        r.expect(h, WireType.LengthDelimited, 'graph.input');
        if (g.inputs.length >= MAX_VALUES) throw new ProtobufError('too many graph inputs', h.offset);
        g.inputs.push(await r.withMessage(() => readValueInfo(r)));
        break;
      case 12:
        r.expect(h, WireType.LengthDelimited, 'graph.output');
        if (g.outputs.length >= MAX_VALUES) throw new ProtobufError('too many graph outputs', h.offset);
        g.outputs.push(await r.withMessage(() => readValueInfo(r)));
        break;
      default:
        // nodes (1), value_info (13), docs and quantization annotations: not needed, skipped unread
        await r.skip(h);
    }
  }
  return g;
}

function addInitializer(g: GraphParts, t: TensorHeader, h: FieldHeader): void {
  if (g.initializers.size >= 100 * MAX_VALUES) throw new ProtobufError('too many initializers', h.offset);
  g.initializers.add(t.name);
  if (t.external) g.externalData.push({ tensor: t.name, ...t.external });
}

interface TensorHeader {
  name: string;
  external: { location: string; offset?: number; length?: number } | undefined;
}

/** A TensorProto's name (8), external_data (13) and data_location (14); raw_data (9) and typed data are skipped. */
async function readTensorHeader(r: ProtobufReader): Promise<TensorHeader> {
  let name = '';
  let external = false;
  const entries: Record<string, string> = {};
  while (!r.atEnd()) {
    const h = await r.readFieldHeader();
    if (h.field === 8 && h.wireType === WireType.LengthDelimited) {
      name = await r.readString();
    } else if (h.field === 13 && h.wireType === WireType.LengthDelimited) {
      const [k, v] = await r.withMessage(() => readStringEntry(r));
      entries[k] = v;
    } else if (h.field === 14 && h.wireType === WireType.Varint) {
      external = (await r.readInt32()) === 1;
    } else {
      await r.skip(h);
    }
  }
  if (!external) return { name, external: undefined };
  const location = entries.location ?? '';
  const num = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined);
  const ext: { location: string; offset?: number; length?: number } = { location };
  const offset = num(entries.offset);
  const length = num(entries.length);
  if (offset !== undefined) ext.offset = offset;
  if (length !== undefined) ext.length = length;
  return { name, external: ext };
}

async function readOpset(r: ProtobufReader): Promise<OnnxOpset> {
  const o: OnnxOpset = { domain: '', version: 0 };
  while (!r.atEnd()) {
    const h = await r.readFieldHeader();
    if (h.field === 1 && h.wireType === WireType.LengthDelimited) o.domain = await r.readString();
    else if (h.field === 2 && h.wireType === WireType.Varint) o.version = await r.readInt64();
    else await r.skip(h);
  }
  return o;
}

async function readStringEntry(r: ProtobufReader, maxValue?: number): Promise<[string, string]> {
  let key = '';
  let value = '';
  while (!r.atEnd()) {
    const h = await r.readFieldHeader();
    if (h.field === 1 && h.wireType === WireType.LengthDelimited) key = await r.readString();
    else if (h.field === 2 && h.wireType === WireType.LengthDelimited) value = await r.readString(maxValue);
    else await r.skip(h);
  }
  return [key, value];
}

async function readValueInfo(r: ProtobufReader): Promise<OnnxValueInfo> {
  const v: OnnxValueInfo = { name: '', type: { kind: 'unknown' } };
  while (!r.atEnd()) {
    const h = await r.readFieldHeader();
    if (h.field === 1 && h.wireType === WireType.LengthDelimited) v.name = await r.readString();
    else if (h.field === 2 && h.wireType === WireType.LengthDelimited) v.type = await r.withMessage(() => readType(r, 0));
    else await r.skip(h);
  }
  return v;
}

async function readType(r: ProtobufReader, depth: number): Promise<OnnxValueType> {
  if (depth > MAX_TYPE_DEPTH) throw new ProtobufError(`types nested deeper than ${MAX_TYPE_DEPTH}`, r.position);
  let type: OnnxValueType = { kind: 'unknown' };
  while (!r.atEnd()) {
    const h = await r.readFieldHeader();
    if (h.wireType !== WireType.LengthDelimited) {
      await r.skip(h);
      continue;
    }
    switch (h.field) {
      case 1: // tensor_type
      case 8: {
        // sparse_tensor_type: same layout (elem_type 1, shape 2)
        const t = await r.withMessage(() => readTensorType(r));
        type = { kind: h.field === 1 ? 'tensor' : 'sparse-tensor', ...t };
        break;
      }
      case 4: // sequence_type { elem_type: TypeProto = 1 }
      case 9: {
        // optional_type, same layout
        const elem = await r.withMessage(() => readSingleType(r, depth));
        type = { kind: h.field === 4 ? 'sequence' : 'optional', elem };
        break;
      }
      case 5: {
        // map_type { key_type: int32 = 1; value_type: TypeProto = 2 }
        type = await r.withMessage(async () => {
          let keyType = 'undefined';
          let value: OnnxValueType = { kind: 'unknown' };
          while (!r.atEnd()) {
            const mh = await r.readFieldHeader();
            if (mh.field === 1 && mh.wireType === WireType.Varint) keyType = onnxElementTypeName(await r.readInt32());
            else if (mh.field === 2 && mh.wireType === WireType.LengthDelimited) value = await r.withMessage(() => readType(r, depth + 1));
            else await r.skip(mh);
          }
          return { kind: 'map' as const, keyType, value };
        });
        break;
      }
      default:
        await r.skip(h);
    }
  }
  return type;
}

async function readSingleType(r: ProtobufReader, depth: number): Promise<OnnxValueType> {
  let elem: OnnxValueType = { kind: 'unknown' };
  while (!r.atEnd()) {
    const h = await r.readFieldHeader();
    if (h.field === 1 && h.wireType === WireType.LengthDelimited) elem = await r.withMessage(() => readType(r, depth + 1));
    else await r.skip(h);
  }
  return elem;
}

async function readTensorType(r: ProtobufReader): Promise<{ elemType: string; shape: Dim[] | null }> {
  let elemType = 'undefined';
  let shape: Dim[] | null = null;
  while (!r.atEnd()) {
    const h = await r.readFieldHeader();
    if (h.field === 1 && h.wireType === WireType.Varint) elemType = onnxElementTypeName(await r.readInt32());
    else if (h.field === 2 && h.wireType === WireType.LengthDelimited) shape = await r.withMessage(() => readShape(r));
    else await r.skip(h);
  }
  return { elemType, shape };
}

async function readShape(r: ProtobufReader): Promise<Dim[]> {
  const dims: Dim[] = [];
  while (!r.atEnd()) {
    const h = await r.readFieldHeader();
    if (h.field !== 1 || h.wireType !== WireType.LengthDelimited) {
      await r.skip(h);
      continue;
    }
    if (dims.length >= 1024) throw new ProtobufError('a shape with more than 1024 dimensions', h.offset);
    dims.push(
      await r.withMessage(async () => {
        let dim: Dim = null;
        while (!r.atEnd()) {
          const dh = await r.readFieldHeader();
          if (dh.field === 1 && dh.wireType === WireType.Varint) dim = await r.readInt64();
          else if (dh.field === 2 && dh.wireType === WireType.LengthDelimited) dim = await r.readString(4096);
          else await r.skip(dh);
        }
        return dim;
      }),
    );
  }
  return dims;
}

/** Formats a value type the way ONNX tools print it: `float[N,4]`, `seq(map(int64,float))`. */
export function formatOnnxType(t: OnnxValueType): string {
  switch (t.kind) {
    case 'tensor':
    case 'sparse-tensor':
      return `${t.kind === 'sparse-tensor' ? 'sparse ' : ''}${t.elemType}${t.shape ? `[${t.shape.map((d) => (d === null ? '?' : String(d))).join(',')}]` : ''}`;
    case 'sequence':
      return `seq(${formatOnnxType(t.elem)})`;
    case 'optional':
      return `optional(${formatOnnxType(t.elem)})`;
    case 'map':
      return `map(${t.keyType},${formatOnnxType(t.value)})`;
    default:
      return 'unknown';
  }
}

/** A problem with an external-data reference, found by `checkExternalData`. */
export interface ExternalDataProblem {
  tensor: string;
  location: string;
  problem: 'outside-model-directory' | 'missing' | 'absolute-path' | 'too-short';
  message: string;
}

/**
 * Checks the files an external-data model points at: each must be a relative path that stays in
 * the model's directory (a `../../etc/passwd` location would make the runtime read any file), must
 * exist, and must be long enough for the offset and length given.
 */
export async function checkExternalData(modelPath: string, info: OnnxModelInfo): Promise<ExternalDataProblem[]> {
  const base = dirname(resolve(modelPath));
  const problems: ExternalDataProblem[] = [];
  const sizes = new Map<string, number | undefined>();
  for (const e of info.externalData) {
    if (isAbsolute(e.location) || /^[A-Za-z]:[\\/]/.test(e.location)) {
      problems.push({ tensor: e.tensor, location: e.location, problem: 'absolute-path', message: `tensor '${e.tensor}' points at an absolute path '${e.location}'` });
      continue;
    }
    const target = resolve(base, e.location);
    const rel = relative(base, target);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
      problems.push({ tensor: e.tensor, location: e.location, problem: 'outside-model-directory', message: `tensor '${e.tensor}' points outside the model's directory: '${e.location}'` });
      continue;
    }
    if (!sizes.has(target)) {
      try {
        sizes.set(target, (await stat(target)).size);
      } catch {
        sizes.set(target, undefined);
      }
    }
    const size = sizes.get(target);
    if (size === undefined) {
      problems.push({ tensor: e.tensor, location: e.location, problem: 'missing', message: `tensor '${e.tensor}' needs '${e.location}', which is missing` });
    } else if (e.length !== undefined && (e.offset ?? 0) + e.length > size) {
      problems.push({ tensor: e.tensor, location: e.location, problem: 'too-short', message: `tensor '${e.tensor}' needs bytes up to ${(e.offset ?? 0) + e.length} of '${e.location}', which has ${size}` });
    }
  }
  return problems;
}
