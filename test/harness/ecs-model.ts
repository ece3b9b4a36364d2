/**
 * The ECS service model (botocore's `ecs/2014-11-13/service-2.json`, the same Smithy model the
 * AWS SDKs are generated from), used by the ECS layer to check every ECS request it receives and
 * every response it serves, so the layer cannot drift from the API: a misspelled member, a wrong
 * type, a missing required member or a value outside an enum is reported with its path.
 *
 * Where the model comes from: ML_DEPLOY_ECS_SERVICE_MODEL (a service-2.json[.gz]), else botocore
 * as the repository's .venv imports it (moto depends on it; requirements-dev.txt pins the version).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

interface Member {
  shape: string;
}

interface Shape {
  type: string;
  members?: Record<string, Member>;
  required?: string[];
  member?: Member;
  key?: Member;
  value?: Member;
  enum?: string[];
}

interface Operation {
  input?: Member;
  output?: Member;
}

export interface ServiceModel {
  metadata: { apiVersion: string; targetPrefix: string };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

export class EcsModel {
  constructor(
    readonly model: ServiceModel,
    /** Where it was read from, for messages. */
    readonly source: string,
  ) {}

  hasOperation(operation: string): boolean {
    return this.model.operations[operation] !== undefined;
  }

  /** Problems with a request body for `operation` (empty: it matches the model). */
  checkInput(operation: string, value: unknown): string[] {
    const op = this.model.operations[operation];
    if (op === undefined) return [`${operation} is not an ECS operation`];
    return op.input ? this.check(op.input.shape, value, 'request') : [];
  }

  /** Problems with a response body for `operation`. */
  checkOutput(operation: string, value: unknown): string[] {
    const op = this.model.operations[operation];
    if (op === undefined) return [`${operation} is not an ECS operation`];
    return op.output ? this.check(op.output.shape, value, 'response') : [];
  }

  /** Problems with `value` as an instance of `shapeName`, each prefixed with its path. */
  check(shapeName: string, value: unknown, path: string): string[] {
    const problems: string[] = [];
    this.walk(shapeName, value, path, problems);
    return problems;
  }

  private walk(shapeName: string, value: unknown, path: string, out: string[]): void {
    const shape = this.model.shapes[shapeName];
    if (shape === undefined) {
      out.push(`${path}: the model has no shape ${shapeName}`);
      return;
    }
    const kind = (expected: string): void => void out.push(`${path}: expected ${expected} (${shapeName}), got ${describe(value)}`);
    switch (shape.type) {
      case 'structure': {
        if (!isObject(value)) return kind('an object');
        const members = shape.members ?? {};
        for (const [name, v] of Object.entries(value)) {
          const m = members[name];
          if (m === undefined) {
            out.push(`${path}.${name}: not a member of ${shapeName} (members: ${Object.keys(members).join(', ')})`);
            continue;
          }
          if (v === null) {
            out.push(`${path}.${name}: null (ECS leaves an unset member out)`);
            continue;
          }
          this.walk(m.shape, v, `${path}.${name}`, out);
        }
        for (const name of shape.required ?? []) {
          if (value[name] === undefined) out.push(`${path}.${name}: required by ${shapeName}, missing`);
        }
        return;
      }
      case 'list':
        if (!Array.isArray(value)) return kind('a list');
        value.forEach((v, i) => this.walk(shape.member!.shape, v, `${path}[${i}]`, out));
        return;
      case 'map':
        if (!isObject(value)) return kind('a map');
        for (const [k, v] of Object.entries(value)) {
          this.walk(shape.key!.shape, k, `${path}{key ${k}}`, out);
          this.walk(shape.value!.shape, v, `${path}.${k}`, out);
        }
        return;
      case 'string':
        if (typeof value !== 'string') return kind('a string');
        if (shape.enum && !shape.enum.includes(value)) out.push(`${path}: '${value}' is not one of ${shapeName}: ${shape.enum.join(', ')}`);
        return;
      case 'integer':
      case 'long':
        if (typeof value !== 'number' || !Number.isInteger(value)) kind('an integer');
        return;
      case 'double':
      case 'float':
        if (typeof value !== 'number') kind('a number');
        return;
      case 'boolean':
        if (typeof value !== 'boolean') kind('a boolean');
        return;
      case 'timestamp':
        // awsJson1_1: epoch seconds (a number); the SDK parses strings too, ECS sends numbers.
        if (typeof value !== 'number') kind('a timestamp in epoch seconds');
        return;
      case 'blob':
        if (typeof value !== 'string') kind('base64 text');
        return;
      default:
        return;
    }
  }
}

let cached: EcsModel | undefined;

/** The ECS model, read once per process. */
export function loadEcsModel(): EcsModel {
  if (cached) return cached;
  const path = process.env.ML_DEPLOY_ECS_SERVICE_MODEL ?? botocoreModelPath();
  const raw = readFileSync(path);
  const text = path.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  const model = JSON.parse(text) as ServiceModel;
  if (model.metadata?.targetPrefix !== 'AmazonEC2ContainerServiceV20141113') {
    throw new Error(`ecs-model: ${path} is not the ECS 2014-11-13 service model`);
  }
  cached = new EcsModel(model, path);
  return cached;
}

function botocoreModelPath(): string {
  const repo = join(import.meta.dirname, '..', '..');
  const python = [join(repo, '.venv', 'bin', 'python'), 'python3'].find((p) => p === 'python3' || existsSync(p))!;
  let dir: string;
  try {
    dir = execFileSync(python, ['-c', 'import botocore, os; print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' }).trim();
  } catch (err) {
    throw new Error(
      `ecs-model: botocore is not importable by ${python} (it comes with moto: run scripts/bootstrap.sh), or set ML_DEPLOY_ECS_SERVICE_MODEL to a service-2.json: ${String(err)}`,
    );
  }
  for (const name of ['service-2.json.gz', 'service-2.json']) {
    const p = join(dir, 'data', 'ecs', '2014-11-13', name);
    if (existsSync(p)) return p;
  }
  throw new Error(`ecs-model: botocore at ${dir} has no data/ecs/2014-11-13/service-2.json[.gz]`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}
