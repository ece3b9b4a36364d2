/**
 * Reads an MLflow model directory's `MLmodel` file: its flavors, its signature (MLflow stores the
 * inputs and outputs as JSON strings inside the YAML, column-based or tensor-based) and the input
 * example it points at. Nothing is imported or executed: `python_function` loader modules are only
 * reported.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep, isAbsolute } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { normalizeDtype, type ModelSignature, type TensorSpec } from '../signature';

export interface MlflowFlavor {
  name: string;
  /** The flavor's settings as written (loader_module, data, versions...). */
  config: Record<string, unknown>;
}

export interface MlflowInputExample {
  /** Path relative to the model directory. */
  path: string;
  type?: string;
  exists: boolean;
}

export interface MlflowModel {
  dir: string;
  flavors: MlflowFlavor[];
  signature?: ModelSignature;
  /** `column` (a DataFrame's columns) or `tensor` (tensor-spec), when a signature is present. */
  signatureKind?: 'column' | 'tensor';
  inputExample?: MlflowInputExample;
  runId?: string;
  modelUuid?: string;
  mlflowVersion?: string;
  /** The ONNX file of the `onnx` flavor, relative to the model directory, if it has one. */
  onnxModel?: string;
}

/** The MLmodel file is not what MLflow writes; the message says which part. */
export class MlflowModelError extends Error {
  override readonly name = 'MlflowModelError';
}

/** True when `dir` holds an `MLmodel` file. */
export async function isMlflowModelDir(dir: string): Promise<boolean> {
  try {
    return (await stat(join(dir, 'MLmodel'))).isFile();
  } catch {
    return false;
  }
}

/** Reads and checks `<dir>/MLmodel`. */
export async function readMlflowModel(dir: string): Promise<MlflowModel> {
  const text = await readFile(join(dir, 'MLmodel'), 'utf8');
  const model = parseMlmodel(text, dir);
  if (model.inputExample) {
    model.inputExample.exists = await stat(join(dir, model.inputExample.path)).then(
      (s) => s.isFile(),
      () => false,
    );
  }
  return model;
}

/** Parses the text of an MLmodel file; paths it names must stay inside `dir`. */
export function parseMlmodel(text: string, dir: string): MlflowModel {
  let doc: unknown;
  try {
    doc = parseYaml(text, { uniqueKeys: true });
  } catch (err) {
    throw new MlflowModelError(`MLmodel is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!isRecord(doc)) throw new MlflowModelError('MLmodel is not a YAML mapping');
  if (!isRecord(doc.flavors) || Object.keys(doc.flavors).length === 0) throw new MlflowModelError('MLmodel has no flavors');
  const model: MlflowModel = {
    dir,
    flavors: Object.entries(doc.flavors).map(([name, config]) => ({ name, config: isRecord(config) ? config : {} })),
  };
  if (typeof doc.run_id === 'string') model.runId = doc.run_id;
  if (typeof doc.model_uuid === 'string') model.modelUuid = doc.model_uuid;
  if (typeof doc.mlflow_version === 'string') model.mlflowVersion = doc.mlflow_version;
  const onnx = model.flavors.find((f) => f.name === 'onnx');
  if (onnx && typeof onnx.config.data === 'string') model.onnxModel = insideDir(dir, onnx.config.data, 'flavors.onnx.data');
  if (doc.signature !== undefined && doc.signature !== null) {
    if (!isRecord(doc.signature)) throw new MlflowModelError('MLmodel signature is not a mapping');
    const inputs = parseSchema(doc.signature.inputs, 'signature.inputs');
    const outputs = parseSchema(doc.signature.outputs, 'signature.outputs');
    model.signature = { inputs: inputs.specs, outputs: outputs.specs };
    model.signatureKind = inputs.kind ?? outputs.kind ?? 'column';
  }
  const ex = doc.saved_input_example_info;
  if (isRecord(ex) && typeof ex.artifact_path === 'string') {
    model.inputExample = { path: insideDir(dir, ex.artifact_path, 'saved_input_example_info.artifact_path'), exists: false };
    if (typeof ex.type === 'string') model.inputExample.type = ex.type;
  }
  return model;
}

function insideDir(dir: string, p: string, where: string): string {
  const full = resolve(dir, p);
  const rel = relative(resolve(dir), full);
  if (isAbsolute(p) || rel === '..' || rel.startsWith(`..${sep}`)) throw new MlflowModelError(`MLmodel ${where} '${p}' points outside the model directory`);
  return rel.split(sep).join('/');
}

/** MLflow column types (mlflow.types.DataType) and tensor dtypes (numpy names) to canonical names. */
function parseSchema(value: unknown, where: string): { specs: TensorSpec[]; kind?: 'column' | 'tensor' } {
  if (value === undefined || value === null) return { specs: [] };
  if (typeof value !== 'string') throw new MlflowModelError(`MLmodel ${where} must be a JSON string, as MLflow writes it`);
  let list: unknown;
  try {
    list = JSON.parse(value);
  } catch (err) {
    throw new MlflowModelError(`MLmodel ${where} is not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(list)) throw new MlflowModelError(`MLmodel ${where} must be a JSON list`);
  let kind: 'column' | 'tensor' | undefined;
  const specs = list.map((item, i): TensorSpec => {
    if (!isRecord(item) || typeof item.type !== 'string') throw new MlflowModelError(`MLmodel ${where}[${i}] has no type`);
    const name = typeof item.name === 'string' ? item.name : String(i);
    if (item.type === 'tensor') {
      kind = 'tensor';
      const ts = item['tensor-spec'];
      if (!isRecord(ts) || typeof ts.dtype !== 'string') throw new MlflowModelError(`MLmodel ${where}[${i}] is a tensor without tensor-spec.dtype`);
      const spec: TensorSpec = { name, dtype: normalizeDtype(ts.dtype) };
      if (Array.isArray(ts.shape)) spec.shape = ts.shape.map((d) => (typeof d === 'number' && d >= 0 ? d : null));
      return spec;
    }
    kind ??= 'column';
    // A column of a DataFrame: one value per row, rows are the batch.
    return { name, dtype: normalizeDtype(item.type), shape: [null] };
  });
  return kind ? { specs, kind } : { specs };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
