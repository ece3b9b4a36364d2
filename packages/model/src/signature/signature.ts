/**
 * A model's interface as a deploy gate compares it: named inputs and outputs, each with an element
 * type and a shape. ONNX graphs, MLflow signatures and the expected signature a user writes all
 * become this one shape, so they compare the same way.
 */
import { parse as parseYaml } from 'yaml';
import { formatOnnxType, type OnnxModelInfo, type OnnxValueType } from '../onnx';

/** A dimension: a size, or `null` for "any" (ONNX dim_param, MLflow -1, a symbolic name). */
export type SignatureDim = number | string | null;

export interface TensorSpec {
  name: string;
  /** Canonical element type (ONNX names: float, double, int64, string, bool...), or a composite like `seq(map(int64,float))`. */
  dtype?: string;
  /** Dimensions; undefined when unknown or not to be checked. */
  shape?: SignatureDim[];
}

export interface ModelSignature {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
}

/** What a user expects; a side left out (`outputs` absent) is not checked. */
export interface ExpectedSignature {
  inputs?: TensorSpec[];
  outputs?: TensorSpec[];
}

/** The expected signature is not understood; the message says which entry and why. */
export class SignatureError extends Error {
  override readonly name = 'SignatureError';
}

/**
 * Spellings of element types that mean the same thing, mapped to ONNX names: numpy's
 * (`float32`), MLflow column types (`double`, `long`, `integer`, `boolean`) and ONNX's own.
 */
const DTYPE_ALIASES: Record<string, string> = {
  float32: 'float',
  float: 'float',
  float64: 'double',
  double: 'double',
  float16: 'float16',
  half: 'float16',
  bfloat16: 'bfloat16',
  int8: 'int8',
  int16: 'int16',
  int32: 'int32',
  integer: 'int32',
  int: 'int32',
  int64: 'int64',
  long: 'int64',
  uint8: 'uint8',
  uint16: 'uint16',
  uint32: 'uint32',
  uint64: 'uint64',
  bool: 'bool',
  boolean: 'bool',
  string: 'string',
  str: 'string',
  object: 'string',
  binary: 'binary',
  bytes: 'binary',
  datetime: 'datetime',
  complex64: 'complex64',
  complex128: 'complex128',
};

/** Canonical element type name; composites (`seq(...)`) and unknown names are kept as written, lowercased. */
export function normalizeDtype(dtype: string): string {
  const d = dtype.trim().toLowerCase().replace(/^np\./, '').replace(/^numpy\./, '');
  return DTYPE_ALIASES[d] ?? d;
}

/** The signature of an ONNX model, from `readOnnxModel`. */
export function onnxSignature(info: OnnxModelInfo): ModelSignature {
  const spec = (name: string, type: OnnxValueType): TensorSpec => {
    if (type.kind === 'tensor') {
      const s: TensorSpec = { name, dtype: type.elemType };
      if (type.shape) s.shape = type.shape.map((d) => (typeof d === 'number' ? d : null));
      return s;
    }
    return { name, dtype: formatOnnxType(type) };
  };
  return { inputs: info.inputs.map((i) => spec(i.name, i.type)), outputs: info.outputs.map((o) => spec(o.name, o.type)) };
}

/**
 * Parses an expected signature written by a user, as YAML or JSON:
 * ```yaml
 * inputs:
 *   - name: X
 *     dtype: float32        # or `type`; optional (then not checked)
 *     shape: [-1, 4]        # -1, null or a name mean any size; optional
 * outputs:
 *   - name: label
 *     dtype: int64
 * ```
 * Unknown keys are errors: a typo (`dtpye`) must not turn a check off.
 */
export function parseExpectedSignature(text: string): ExpectedSignature {
  let doc: unknown;
  try {
    doc = /^\s*[[{]/.test(text) ? JSON.parse(text) : parseYaml(text, { strict: true, uniqueKeys: true });
  } catch (err) {
    throw new SignatureError(`not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!isRecord(doc)) throw new SignatureError('expected a mapping with `inputs` and/or `outputs`');
  for (const key of Object.keys(doc)) {
    if (key !== 'inputs' && key !== 'outputs') throw new SignatureError(`unknown key '${key}' (expected 'inputs' and 'outputs')`);
  }
  if (doc.inputs === undefined && doc.outputs === undefined) throw new SignatureError('neither `inputs` nor `outputs` is given');
  const expected: ExpectedSignature = {};
  if (doc.inputs !== undefined) expected.inputs = parseSpecList(doc.inputs, 'inputs');
  if (doc.outputs !== undefined) expected.outputs = parseSpecList(doc.outputs, 'outputs');
  return expected;
}

function parseSpecList(value: unknown, where: string): TensorSpec[] {
  if (value === null) return [];
  if (!Array.isArray(value)) throw new SignatureError(`'${where}' must be a list of {name, dtype, shape}`);
  const seen = new Set<string>();
  return value.map((item, i) => {
    const at = `${where}[${i}]`;
    if (!isRecord(item)) throw new SignatureError(`${at} must be a mapping with 'name', 'dtype' and 'shape'`);
    for (const key of Object.keys(item)) {
      if (!['name', 'dtype', 'type', 'shape'].includes(key)) throw new SignatureError(`${at}: unknown key '${key}' (expected name, dtype, shape)`);
    }
    if (typeof item.name !== 'string' || item.name === '') throw new SignatureError(`${at}: 'name' must be a non-empty string`);
    if (seen.has(item.name)) throw new SignatureError(`${at}: '${item.name}' is listed twice`);
    seen.add(item.name);
    if (item.dtype !== undefined && item.type !== undefined) throw new SignatureError(`${at}: give 'dtype' or 'type', not both`);
    const dtype = item.dtype ?? item.type;
    const spec: TensorSpec = { name: item.name };
    if (dtype !== undefined && dtype !== null) {
      if (typeof dtype !== 'string') throw new SignatureError(`${at}: 'dtype' must be a string such as float32 or int64`);
      spec.dtype = normalizeDtype(dtype);
    }
    if (item.shape !== undefined && item.shape !== null) spec.shape = parseShape(item.shape, at);
    return spec;
  });
}

function parseShape(shape: unknown, at: string): SignatureDim[] {
  if (!Array.isArray(shape)) throw new SignatureError(`${at}: 'shape' must be a list such as [-1, 4]`);
  return shape.map((d) => {
    if (d === null || d === -1) return null;
    if (typeof d === 'string') return /^\d+$/.test(d) ? Number(d) : null;
    if (typeof d === 'number' && Number.isInteger(d) && d >= 0) return d;
    throw new SignatureError(`${at}: dimension ${JSON.stringify(d)} must be a size (0 or more), -1, null or a name`);
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Renders a spec as one diff line body: `X: float [?, 4]`. */
export function formatSpec(s: TensorSpec): string {
  const shape = s.shape ? ` [${s.shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]` : '';
  return `${s.name}: ${s.dtype ?? 'any'}${shape}`;
}

export interface SignatureComparison {
  match: boolean;
  /** Unified-diff-like lines: `  ` same, `- ` expected, `+ ` actual; headers `inputs:`/`outputs:`. */
  diff: string[];
  /** One sentence per mismatch, for logs and SARIF. */
  problems: string[];
}

/**
 * Compares the actual signature with the expected one, by name. A side, dtype or shape left out of
 * the expectation is not checked; `null` dims on either side match any size. Inputs or outputs the
 * model has but the expectation lacks are mismatches too: a new required input breaks callers.
 */
export function compareSignatures(expected: ExpectedSignature, actual: ModelSignature): SignatureComparison {
  const diff: string[] = [];
  const problems: string[] = [];
  for (const side of ['inputs', 'outputs'] as const) {
    const exp = expected[side];
    const act = actual[side];
    if (exp === undefined) continue;
    diff.push(`${side}:`);
    const actByName = new Map(act.map((s) => [s.name, s]));
    const expNames = new Set(exp.map((s) => s.name));
    const what = side === 'inputs' ? 'input' : 'output';
    for (const e of exp) {
      const a = actByName.get(e.name);
      if (!a) {
        diff.push(`- ${formatSpec(e)}`);
        problems.push(`${what} '${e.name}' is missing`);
        continue;
      }
      const why = specMismatch(e, a);
      if (why) {
        diff.push(`- ${formatSpec(e)}`, `+ ${formatSpec(a)}`);
        problems.push(`${what} '${e.name}': ${why}`);
      } else {
        diff.push(`  ${formatSpec(a)}`);
      }
    }
    for (const a of act) {
      if (!expNames.has(a.name)) {
        diff.push(`+ ${formatSpec(a)}`);
        problems.push(`${what} '${a.name}' is not expected`);
      }
    }
  }
  return { match: problems.length === 0, diff, problems };
}

function specMismatch(e: TensorSpec, a: TensorSpec): string | undefined {
  if (e.dtype !== undefined && normalizeDtype(e.dtype) !== normalizeDtype(a.dtype ?? 'unknown')) {
    return `dtype ${a.dtype ?? 'unknown'}, expected ${e.dtype}`;
  }
  if (e.shape !== undefined && a.shape !== undefined) {
    if (e.shape.length !== a.shape.length) return `rank ${a.shape.length}, expected ${e.shape.length}`;
    for (let i = 0; i < e.shape.length; i++) {
      const ed = e.shape[i];
      const ad = a.shape[i];
      if (ed === null || ed === undefined || ad === null || ad === undefined || typeof ed === 'string' || typeof ad === 'string') continue;
      if (ed !== ad) return `dimension ${i} is ${ad}, expected ${ed}`;
    }
  }
  return undefined;
}
