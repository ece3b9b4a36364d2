/**
 * The /predict request schema, derived from the model's signature, and the checks that turn a
 * JSON body into input tensors (or a 4xx that names the field at fault).
 *
 * Accepted bodies (the batch is the first dimension of every input):
 *   {"inputs": {"<input name>": [[...], [...]], ...}}   any model, one array per input
 *   {"inputs": [[...], [...]]}                           single-input models
 *   {"instances": [[...], [...]]}                        single-input models (TF Serving style)
 */
import type { OnnxValueInfo } from '@ml-deploy/model';

/** A request the server refuses; `status` is the HTTP status to answer with. */
export class RequestError extends Error {
  override readonly name = 'RequestError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** ONNX element types the server can feed from JSON, with the ORT tensor type they become. */
const FEEDABLE: Record<string, string> = {
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

const INT_RANGES: Record<string, [number, number]> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint8: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
  uint64: [0, Number.MAX_SAFE_INTEGER],
};

/** One input of the request schema: name, ORT type and declared dims (null = any size). */
export interface InputSpec {
  name: string;
  /** ONNX element type name (float, int64, ...). */
  elemType: string;
  /** ORT tensor type (float32, int64, ...). */
  tensorType: string;
  /** Declared dimensions, first is the batch; null for a dimension of any size; undefined when the model declares no shape. */
  dims: (number | null)[] | undefined;
}

/** The request schema of a model, or an error when the model has inputs JSON cannot feed. */
export function requestSchema(inputs: OnnxValueInfo[]): InputSpec[] {
  return inputs.map((input) => {
    if (input.type.kind !== 'tensor') throw new Error(`input '${input.name}' is not a tensor (${input.type.kind}); the built-in server feeds tensor inputs only`);
    const tensorType = FEEDABLE[input.type.elemType];
    if (!tensorType) throw new Error(`input '${input.name}' has element type ${input.type.elemType}, which the built-in server cannot feed from JSON`);
    const dims = input.type.shape ? input.type.shape.map((d) => (typeof d === 'number' && d > 0 ? d : null)) : undefined;
    if (dims && dims.length === 0) throw new Error(`input '${input.name}' is a scalar; the built-in server needs a batch dimension first`);
    return { name: input.name, elemType: input.type.elemType, tensorType, dims };
  });
}

/** A JSON description of the schema, for errors and the README/GET /. */
export function describeSchema(schema: InputSpec[]): Record<string, { dtype: string; shape: (number | string)[] | null }> {
  return Object.fromEntries(schema.map((s) => [s.name, { dtype: s.elemType, shape: s.dims ? s.dims.map((d, i) => (d === null ? (i === 0 ? 'batch' : 'any') : d)) : null }]));
}

export interface ParsedInput {
  spec: InputSpec;
  shape: number[];
  values: (number | boolean | string)[];
}

export interface ParsedRequest {
  batch: number;
  inputs: ParsedInput[];
}

function cut(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}...` : text;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(cut(v, 40))}`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

/** Walks a nested array, checks it is rectangular, and collects its leaves in row-major order. */
function flatten(value: unknown, path: string, out: unknown[]): number[] {
  if (!Array.isArray(value)) {
    out.push(value);
    return [];
  }
  if (value.length === 0) return [0];
  let inner: number[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const shape = flatten(value[i], `${path}[${i}]`, out);
    if (inner === undefined) inner = shape;
    else if (shape.length !== inner.length || shape.some((d, j) => d !== inner![j])) {
      throw new RequestError(400, `${path}[${i}] has shape [${shape.join(', ')}], but ${path}[0] has [${inner.join(', ')}]: rows must all have the same shape`);
    }
  }
  return [value.length, ...(inner ?? [])];
}

function checkLeaf(spec: InputSpec, v: unknown, where: () => string): number | boolean | string {
  switch (spec.elemType) {
    case 'string':
      if (typeof v !== 'string') throw new RequestError(400, `${where()} is ${describe(v)}; input '${spec.name}' takes strings`);
      return v;
    case 'bool':
      if (typeof v !== 'boolean') throw new RequestError(400, `${where()} is ${describe(v)}; input '${spec.name}' takes true or false`);
      return v;
    case 'float':
    case 'double':
      if (typeof v !== 'number') throw new RequestError(400, `${where()} is ${describe(v)}; input '${spec.name}' takes numbers (${spec.elemType})`);
      return v;
    default: {
      const range = INT_RANGES[spec.elemType]!;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < range[0] || v > range[1]) {
        throw new RequestError(400, `${where()} is ${describe(v)}; input '${spec.name}' takes whole numbers from ${range[0]} to ${range[1]} (${spec.elemType})`);
      }
      return v;
    }
  }
}

/** Where leaf number `index` sits in an array of this shape, as `path[i][j]`. */
function leafPath(path: string, shape: number[], index: number): string {
  const idx: number[] = [];
  let rest = index;
  for (let d = shape.length - 1; d >= 0; d--) {
    const size = shape[d]!;
    idx.unshift(rest % size);
    rest = Math.floor(rest / size);
  }
  return path + idx.map((i) => `[${i}]`).join('');
}

function parseInput(spec: InputSpec, value: unknown, path: string): ParsedInput {
  if (!Array.isArray(value)) throw new RequestError(400, `${path} is ${describe(value)}; input '${spec.name}' takes an array with the batch first`);
  const leaves: unknown[] = [];
  const shape = flatten(value, path, leaves);
  if (shape[0] === 0) throw new RequestError(400, `${path} is empty; send at least one row`);
  if (spec.dims) {
    if (shape.length !== spec.dims.length) {
      throw new RequestError(400, `${path} has ${shape.length} dimension(s) [${shape.join(', ')}]; input '${spec.name}' takes ${spec.dims.length}: [${spec.dims.map((d, i) => d ?? (i === 0 ? 'batch' : 'any')).join(', ')}]`);
    }
    spec.dims.forEach((d, i) => {
      if (i > 0 && d !== null && shape[i] !== d) {
        throw new RequestError(400, `${path} has size ${shape[i]} in dimension ${i}; input '${spec.name}' takes ${d} (shape [${spec.dims!.map((x, j) => x ?? (j === 0 ? 'batch' : 'any')).join(', ')}])`);
      }
    });
  }
  const values = leaves.map((v, i) => checkLeaf(spec, v, () => leafPath(path, shape, i)));
  return { spec, shape, values };
}

/** Checks a parsed JSON body against the schema and the batch limit. */
export function parsePredictRequest(body: unknown, schema: InputSpec[], maxBatch: number): ParsedRequest {
  const example = schema.length === 1 ? `{"inputs": {"${schema[0]!.name}": [[...], ...]}} or {"instances": [[...], ...]}` : `{"inputs": {${schema.map((s) => `"${s.name}": [...]`).join(', ')}}}`;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RequestError(400, `the body is ${describe(body)}; expected a JSON object like ${example}`);
  const doc = body as Record<string, unknown>;
  const keys = Object.keys(doc);
  const unknown = keys.filter((k) => k !== 'inputs' && k !== 'instances');
  if (unknown.length > 0) throw new RequestError(400, `unknown field '${cut(unknown[0]!)}'; expected ${example}`);
  if ('inputs' in doc && 'instances' in doc) throw new RequestError(400, `give either 'inputs' or 'instances', not both`);
  let named: Record<string, unknown>;
  let prefix: string;
  if ('instances' in doc || Array.isArray(doc.inputs)) {
    const field = 'instances' in doc ? 'instances' : 'inputs';
    if (schema.length !== 1) throw new RequestError(400, `'${field}' as an array feeds a single-input model, but this one has ${schema.length} inputs (${schema.map((s) => s.name).join(', ')}); send {"inputs": {"<name>": [...]}}`);
    named = { [schema[0]!.name]: doc[field] };
    prefix = field;
  } else if (typeof doc.inputs === 'object' && doc.inputs !== null) {
    named = doc.inputs as Record<string, unknown>;
    prefix = 'inputs';
  } else {
    throw new RequestError(400, `'inputs' is ${'inputs' in doc ? describe(doc.inputs) : 'missing'}; expected ${example}`);
  }
  for (const k of Object.keys(named)) {
    if (!schema.some((s) => s.name === k)) throw new RequestError(400, `'${cut(k)}' is not an input of the model (inputs: ${schema.map((s) => s.name).join(', ')})`);
  }
  const inputs: ParsedInput[] = [];
  let batch: number | undefined;
  let first = '';
  for (const spec of schema) {
    if (!(spec.name in named)) throw new RequestError(400, `input '${spec.name}' is missing; the model takes ${schema.map((s) => s.name).join(', ')}`);
    const path = prefix === 'inputs' && named === doc.inputs ? `inputs.${spec.name}` : prefix;
    const value = named[spec.name];
    // The batch limit is checked before the rows are walked, so an oversized batch costs nothing.
    if (Array.isArray(value) && value.length > maxBatch) throw new RequestError(413, `${path} has ${value.length} rows; this server takes at most ${maxBatch} per request (--max-batch)`);
    const parsed = parseInput(spec, value, path);
    if (batch === undefined) {
      batch = parsed.shape[0]!;
      first = spec.name;
    } else if (parsed.shape[0] !== batch) {
      throw new RequestError(400, `${path} has ${parsed.shape[0]} rows but input '${first}' has ${batch}: every input needs one row per example`);
    }
    inputs.push(parsed);
  }
  return { batch: batch ?? 0, inputs };
}
