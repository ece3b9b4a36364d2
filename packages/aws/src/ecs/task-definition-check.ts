/**
 * Checks a task definition registration request before it is sent, the way ECS would refuse it,
 * naming each bad field by its path (`containerDefinitions[1].environment[3].value`):
 * - its shape against the ECS service model shipped in @aws-sdk/client-ecs (the schema the SDK
 *   serialises with: member names, types, required members) and the model's enums and lengths
 *   (botocore's service-2.json lists them; test/ecs checks this table against it);
 * - ECS's documented limits that the model does not carry: names, at most 10 containers, an image
 *   per container, one essential container, Fargate's CPU/memory table, 64 KiB per document,
 *   secret references that cannot exist.
 * Pure: no cloud call.
 */
import {
  ApplicationProtocol,
  Compatibility,
  ContainerCondition,
  CPUArchitecture,
  DeviceCgroupPermission,
  EFSAuthorizationConfigIAM,
  EFSTransitEncryption,
  EnvironmentFileType,
  FirelensConfigurationType,
  IpcMode,
  LogDriver,
  NetworkMode,
  OSFamily,
  PidMode,
  ProxyConfigurationType,
  RegisterTaskDefinitionRequest$,
  ResourceType,
  Scope,
  TaskDefinitionPlacementConstraintType,
  TransportProtocol,
  UlimitName,
  VersionConsistency,
} from '@aws-sdk/client-ecs';
import { InputError, UserError } from '@ml-deploy/action-kit';
import { isImageReference, parseImageReference } from '@ml-deploy/oci';
import { fargateSizeProblem } from './fargate';
import { secretRefProblem } from './secret-ref';

export interface TaskDefinitionIssue {
  /** Where: `containerDefinitions[1].environment[3].value`, or '' for the whole document. */
  path: string;
  problem: string;
}

/** Enums of the model, by path (`[]` for any list index); botocore's model is the reference. */
export const ENUM_FIELDS: Record<string, Record<string, string>> = {
  networkMode: NetworkMode,
  'containerDefinitions[].portMappings[].protocol': TransportProtocol,
  'containerDefinitions[].portMappings[].appProtocol': ApplicationProtocol,
  'containerDefinitions[].environmentFiles[].type': EnvironmentFileType,
  'containerDefinitions[].linuxParameters.devices[].permissions[]': DeviceCgroupPermission,
  'containerDefinitions[].dependsOn[].condition': ContainerCondition,
  'containerDefinitions[].versionConsistency': VersionConsistency,
  'containerDefinitions[].ulimits[].name': UlimitName,
  'containerDefinitions[].logConfiguration.logDriver': LogDriver,
  'containerDefinitions[].resourceRequirements[].type': ResourceType,
  'containerDefinitions[].firelensConfiguration.type': FirelensConfigurationType,
  'volumes[].dockerVolumeConfiguration.scope': Scope,
  'volumes[].efsVolumeConfiguration.transitEncryption': EFSTransitEncryption,
  'volumes[].efsVolumeConfiguration.authorizationConfig.iam': EFSAuthorizationConfigIAM,
  'placementConstraints[].type': TaskDefinitionPlacementConstraintType,
  'requiresCompatibilities[]': Compatibility,
  pidMode: PidMode,
  ipcMode: IpcMode,
  'proxyConfiguration.type': ProxyConfigurationType,
  'runtimePlatform.cpuArchitecture': CPUArchitecture,
  'runtimePlatform.operatingSystemFamily': OSFamily,
};

/** Length limits of the model (min, max), by path. */
export const LENGTH_FIELDS: Record<string, [number, number]> = {
  tags: [0, 50],
  'tags[].key': [1, 128],
  'tags[].value': [0, 256],
};

/** ECS's documented limits (RegisterTaskDefinition API reference, service quotas). */
export const ECS_LIMITS = {
  containersPerTaskDefinition: 10,
  /** Task definition size quota: 64 KiB of JSON. */
  taskDefinitionBytes: 64 * 1024,
  nameLength: 255,
} as const;

const NAME = /^[A-Za-z0-9_-]{1,255}$/;

// ---- the SDK's schema (see @smithy/core/schema): 0 string, 1 number, 2 boolean, 4-7 timestamp,
// 15 document, 21 blob, 64|x list of x, 128|x map of x; [3, ns, name, traits, members, schemas,
// required] structure (the first `required` members are required), [1, …, member] list,
// [2, …, key, value] map; a member may be [schema, traits]; () => schema defers a reference.
type Schema = unknown;

function deref(s: Schema): Schema {
  let out = s;
  if (Array.isArray(out) && out.length === 2 && (typeof out[0] === 'function' || typeof out[0] === 'number')) out = out[0];
  if (typeof out === 'function') out = (out as () => Schema)();
  return out;
}

function kindOf(s: Schema): 'string' | 'number' | 'boolean' | 'timestamp' | 'document' | 'blob' | 'list' | 'map' | 'structure' {
  if (typeof s === 'number') {
    if (s & 64) return 'list';
    if (s & 128) return 'map';
    if (s === 0) return 'string';
    if (s === 1) return 'number';
    if (s === 2) return 'boolean';
    if (s >= 4 && s <= 7) return 'timestamp';
    if (s === 15) return 'document';
    return 'blob';
  }
  const arr = s as unknown[];
  return arr[0] === 3 ? 'structure' : arr[0] === 1 ? 'list' : arr[0] === 2 ? 'map' : 'document';
}

function elementOf(s: Schema): Schema {
  if (typeof s === 'number') return s & ~64 & ~128;
  const arr = s as unknown[];
  return deref(arr[0] === 1 ? arr[4] : arr[5]);
}

const TYPE_WORDS = { string: 'a string', number: 'a number', boolean: 'true or false', timestamp: 'a date', document: 'a JSON value', blob: 'base64 data', list: 'a list', map: 'an object of string values', structure: 'an object' };

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  const text = JSON.stringify(v) ?? String(v);
  return `${typeof v === 'string' ? 'the string ' : typeof v === 'number' ? 'the number ' : ''}${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

function walk(value: unknown, schema: Schema, path: string, pattern: string, issues: TaskDefinitionIssue[]): void {
  const kind = kindOf(schema);
  const at = path || '(document)';
  switch (kind) {
    case 'string':
    case 'timestamp':
    case 'blob':
      if (typeof value !== 'string') {
        issues.push({ path: at, problem: `is ${describeValue(value)}, expected ${TYPE_WORDS.string}${typeof value === 'number' || typeof value === 'boolean' ? ` (quote it: "${String(value)}")` : ''}` });
        return;
      }
      checkEnumAndLength(value, path, pattern, issues);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.push({ path: at, problem: `is ${describeValue(value)}, expected a number${typeof value === 'string' && /^\d+$/.test(value) ? ` (without quotes: ${value})` : ''}` });
      } else if (!Number.isInteger(value)) {
        issues.push({ path: at, problem: `is ${value}, expected a whole number` });
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') issues.push({ path: at, problem: `is ${describeValue(value)}, expected true or false (without quotes)` });
      return;
    case 'document':
      return;
    case 'list': {
      if (!Array.isArray(value)) {
        issues.push({ path: at, problem: `is ${describeValue(value)}, expected ${TYPE_WORDS.list}` });
        return;
      }
      checkEnumAndLength(value, path, pattern, issues);
      const el = elementOf(schema);
      value.forEach((item, i) => walk(item, el, `${path}[${i}]`, `${pattern}[]`, issues));
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        issues.push({ path: at, problem: `is ${describeValue(value)}, expected ${TYPE_WORDS.map}` });
        return;
      }
      const el = elementOf(schema);
      for (const [k, v] of Object.entries(value)) walk(v, el, `${path}.${k}`, `${pattern}{}`, issues);
      return;
    }
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        issues.push({ path: at, problem: `is ${describeValue(value)}, expected ${TYPE_WORDS.structure}` });
        return;
      }
      const arr = schema as unknown[];
      const names = arr[4] as string[];
      const schemas = arr[5] as Schema[];
      const required = typeof arr[6] === 'number' ? (arr[6] as number) : 0;
      const obj = value as Record<string, unknown>;
      for (const [k, v] of Object.entries(obj)) {
        const i = names.indexOf(k);
        const childPath = path ? `${path}.${k}` : k;
        if (i < 0) {
          const near = names.find((n) => n.toLowerCase() === k.toLowerCase());
          issues.push({ path: childPath, problem: `is not a field of ${arr[2]}${near ? ` (did you mean '${near}'?)` : ''}; its fields: ${names.join(', ')}` });
          continue;
        }
        if (v === undefined) continue;
        if (v === null) {
          issues.push({ path: childPath, problem: `is null, expected ${TYPE_WORDS[kindOf(deref(schemas[i]))]} (or leave the field out)` });
          continue;
        }
        walk(v, deref(schemas[i]), childPath, pattern ? `${pattern}.${k}` : k, issues);
      }
      for (let i = 0; i < required; i++) {
        if (obj[names[i]!] === undefined) issues.push({ path: path ? `${path}.${names[i]}` : names[i]!, problem: `is required in ${arr[2]}` });
      }
      return;
    }
  }
}

function checkEnumAndLength(value: string | unknown[], path: string, pattern: string, issues: TaskDefinitionIssue[]): void {
  const allowed = ENUM_FIELDS[pattern];
  if (allowed && typeof value === 'string' && !Object.values(allowed).includes(value)) {
    const ci = Object.values(allowed).find((a) => a.toLowerCase() === value.toLowerCase());
    issues.push({ path, problem: `is ${JSON.stringify(value)}, expected one of ${Object.values(allowed).join(', ')}${ci ? ` (spelled '${ci}')` : ''}` });
  }
  const len = LENGTH_FIELDS[pattern];
  if (len && (value.length < len[0] || value.length > len[1])) {
    issues.push({ path, problem: `has length ${value.length}, expected ${len[0]} to ${len[1]}` });
  }
}

export interface CheckOptions {
  /** Region the task will run in, when known (secret ARNs must be in its partition). */
  region?: string | undefined;
  /**
   * 'file': a file as given (images may still be placeholders the `image` input replaces);
   * 'rendered': what will be registered (every container needs a valid image).
   */
  stage: 'file' | 'rendered';
}

/** Every problem found in a registration request, in document order (shape first, then ECS limits). */
export function taskDefinitionIssues(td: Record<string, unknown>, opts: CheckOptions): TaskDefinitionIssue[] {
  const issues: TaskDefinitionIssue[] = [];
  walk(td, RegisterTaskDefinitionRequest$, '', '', issues);

  if (typeof td.family === 'string' && !NAME.test(td.family)) {
    issues.push({ path: 'family', problem: `is ${JSON.stringify(td.family)}, expected up to 255 letters, numbers, hyphens and underscores` });
  }
  const containers = Array.isArray(td.containerDefinitions) ? (td.containerDefinitions as unknown[]) : [];
  if (Array.isArray(td.containerDefinitions) && containers.length === 0) {
    issues.push({ path: 'containerDefinitions', problem: 'is empty; a task definition has at least one container' });
  }
  if (containers.length > ECS_LIMITS.containersPerTaskDefinition) {
    issues.push({ path: 'containerDefinitions', problem: `has ${containers.length} containers; ECS allows at most ${ECS_LIMITS.containersPerTaskDefinition} per task definition` });
  }
  const seen = new Map<string, number>();
  let essential = 0;
  containers.forEach((raw, i) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
    const c = raw as Record<string, unknown>;
    const at = `containerDefinitions[${i}]`;
    if (c.name === undefined) issues.push({ path: `${at}.name`, problem: 'is missing; every container needs a name' });
    else if (typeof c.name === 'string') {
      if (!NAME.test(c.name)) issues.push({ path: `${at}.name`, problem: `is ${JSON.stringify(c.name)}, expected up to 255 letters, numbers, hyphens and underscores` });
      const first = seen.get(c.name);
      if (first !== undefined) issues.push({ path: `${at}.name`, problem: `'${c.name}' is also the name of containerDefinitions[${first}]; container names are unique` });
      else seen.set(c.name, i);
    }
    if (c.essential !== false) essential++;
    if (c.image === undefined || c.image === '') {
      if (opts.stage === 'rendered') issues.push({ path: `${at}.image`, problem: 'is missing; every container needs an image' });
    } else if (typeof c.image === 'string' && opts.stage === 'rendered') {
      const ref = parseImageReference(c.image);
      if (!isImageReference(ref)) issues.push({ path: `${at}.image`, problem: `is ${JSON.stringify(c.image.length > 80 ? `${c.image.slice(0, 80)}…` : c.image)}, not a valid image reference (${ref.error})` });
    }
    for (const key of ['environment', 'secrets'] as const) {
      const list = c[key];
      if (!Array.isArray(list)) continue;
      const names = new Map<string, number>();
      list.forEach((e: unknown, j: number) => {
        if (typeof e !== 'object' || e === null) return;
        const entry = e as Record<string, unknown>;
        const ep = `${at}.${key}[${j}]`;
        if (entry.name === undefined || entry.name === '') issues.push({ path: `${ep}.name`, problem: 'is missing; every entry needs a name' });
        else if (typeof entry.name === 'string') {
          if (/[\s=]/.test(entry.name)) issues.push({ path: `${ep}.name`, problem: `is ${JSON.stringify(entry.name)}; a variable name holds no spaces or '='` });
          const first = names.get(entry.name);
          if (first !== undefined) issues.push({ path: `${ep}.name`, problem: `'${entry.name}' is also ${at}.${key}[${first}]; which value wins is not defined` });
          else names.set(entry.name, j);
        }
        if (key === 'environment' && entry.value === undefined) issues.push({ path: `${ep}.value`, problem: 'is missing; give a string (use "" for empty)' });
        if (key === 'secrets') {
          if (typeof entry.valueFrom !== 'string') {
            if (entry.valueFrom === undefined) issues.push({ path: `${ep}.valueFrom`, problem: 'is missing; give the secret ARN or parameter name' });
          } else {
            const why = secretRefProblem(entry.valueFrom, { region: opts.region });
            if (why) issues.push({ path: `${ep}.valueFrom`, problem: `cannot name a secret: ${why}` });
          }
        }
      });
    }
  });
  if (containers.length > 0 && essential === 0) {
    issues.push({ path: 'containerDefinitions', problem: 'has no essential container; at least one must be essential (leave "essential" out or set it to true)' });
  }

  const compat = Array.isArray(td.requiresCompatibilities) ? (td.requiresCompatibilities as unknown[]) : [];
  if (compat.includes('FARGATE')) {
    const cpu = td.cpu;
    const memory = td.memory;
    if (cpu === undefined || memory === undefined) {
      issues.push({ path: cpu === undefined ? 'cpu' : 'memory', problem: 'is required at task level when requiresCompatibilities has FARGATE (Fargate sizes a task by its task-level cpu and memory)' });
    } else if (typeof cpu === 'string' && typeof memory === 'string') {
      const why = fargateSizeProblem(cpu, memory);
      if (why) issues.push({ path: 'cpu', problem: `and memory: ${why}` });
    }
    if (td.networkMode !== undefined && td.networkMode !== 'awsvpc') {
      issues.push({ path: 'networkMode', problem: `is ${JSON.stringify(td.networkMode)}; tasks on Fargate use 'awsvpc'` });
    }
  }

  const bytes = Buffer.byteLength(JSON.stringify(td));
  if (bytes > ECS_LIMITS.taskDefinitionBytes) {
    issues.push({ path: '', problem: `the task definition is ${Math.ceil(bytes / 1024)} KiB as JSON; ECS accepts at most ${ECS_LIMITS.taskDefinitionBytes / 1024} KiB (move large values to environment files or secrets)` });
  }
  return issues;
}

/** The issues as one line for an error: the first few, and how many more. */
export function formatTaskDefinitionIssues(issues: TaskDefinitionIssue[], max = 5): string {
  const shown = issues.slice(0, max).map((i) => (i.path ? `${i.path} ${i.problem}` : i.problem));
  return `${shown.join('; ')}${issues.length > max ? `; and ${issues.length - max} more` : ''}`;
}

/** Where a task definition came from, for the error: a file an input names, or something else. */
export interface TaskDefinitionSource {
  /** The input that named the file (`task-definition`); then the error is an InputError. */
  input?: string | undefined;
  /** The file path, or a description (`task definition x:3 that service 'y' runs`). */
  label: string;
}

/**
 * Throws when `taskDefinitionIssues` finds anything: an InputError naming the input and the file
 * when the task definition came from one, else a UserError naming where it came from.
 */
export function assertTaskDefinition(td: object, source: TaskDefinitionSource, opts: CheckOptions): void {
  const issues = taskDefinitionIssues(td as Record<string, unknown>, opts);
  if (!issues.length) return;
  const what = `${opts.stage === 'rendered' ? 'a task definition ECS accepts once rendered' : 'an ECS task definition'}: ${formatTaskDefinitionIssues(issues)}`;
  if (source.input) throw new InputError(source.input, source.label, what);
  throw new UserError(`${source.label} is not ${what}`);
}
