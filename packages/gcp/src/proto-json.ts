/**
 * Cloud Run resources checked and cleaned by the protos that ship inside `@google-cloud/run`
 * (build/protos/protos.json): the same definitions the SDK serialises requests with.
 *
 * `checkProtoJson` checks a JSON value against a message as the proto3 JSON mapping reads it. The
 * action checks service definition files with it; the test harness's Cloud Run fake checks every
 * request body it receives and every response it sends, so the fake cannot drift from the API.
 *
 * Strict where the real API is strict: an unknown field ("Cannot find field"), a wrong JSON type, an
 * enum name that does not exist, a timestamp or duration in the wrong form. Field names are accepted
 * in lowerCamelCase (the JSON name) and in the proto's snake_case, as the API accepts both.
 */
import protosJson from '@google-cloud/run/build/protos/protos.json' with { type: 'json' };
import protobuf from 'protobufjs';
import { fromProto3JSON, type JSONValue } from 'proto3-json-serializer';

let cachedRoot: protobuf.Root | undefined;

/** The protobuf root built from @google-cloud/run's protos.json. */
export function cloudRunProtoRoot(): protobuf.Root {
  cachedRoot ??= protobuf.Root.fromJSON(protosJson as protobuf.INamespace);
  return cachedRoot;
}

/**
 * Reads proto3 JSON (a service definition file: `timeout: 300s`, enums by name) into the object
 * form the SDK's requests take (Duration as `{ seconds }`), OUTPUT_ONLY fields dropped. Call
 * `checkProtoJson` first: this drops what it does not know.
 */
export function fromProtoJson<T>(typeName: string, json: unknown): T {
  const type = cloudRunProtoRoot().lookupType(typeName);
  const msg = fromProto3JSON(type, json as JSONValue);
  if (!msg) throw new Error(`not a ${typeName}`);
  const plain = type.toObject(msg, { enums: String, longs: String, defaults: false, arrays: false, objects: false, oneofs: false });
  return dropOutputOnly(type, plain) as T;
}

/**
 * A resource as the API would accept it back: read through the message type (so the client's
 * decoded form, with defaults, Timestamp objects and oneof markers, becomes plain proto3 JSON),
 * default values and OUTPUT_ONLY fields dropped, enums as names, Durations as `{ seconds, nanos }`.
 *
 * The REST client decodes every proto3 scalar without presence to its default (`name: ''`,
 * `timeoutSeconds: 0`, `cpuIdle: false`, `executionEnvironment: 'EXECUTION_ENVIRONMENT_UNSPECIFIED'`)
 * although the service never set it; those are dropped here (`withoutProto3Defaults`), as the proto3
 * JSON mapping omits them, so a copy sent back carries what the service has and nothing it does not.
 */
export function writableCopy<T>(typeName: string, value: T): T {
  const type = cloudRunProtoRoot().lookupType(typeName);
  const msg = type.fromObject(value as Record<string, unknown>);
  const plain = type.toObject(msg, { enums: String, longs: String, defaults: false, arrays: false, objects: false, oneofs: false });
  return withoutProto3Defaults(typeName, dropOutputOnly(type, plain)) as T;
}

/**
 * `value` (proto3 JSON, or the SDK's object form) without the fields proto3 cannot tell from unset:
 * scalars and enums at their default (`''`, `0`, `'0'`, `false`, the enum's 0 value) that have no
 * presence, and empty lists and maps. Kept: members of a oneof and proto3 `optional` fields (set is set, even
 * to `''` or `false`: an env var with an empty value stays), map entries, and messages, even empty
 * (`tcpSocket: {}` is a TCP probe on the default port). What the API stores from a request is the
 * same with or without the dropped fields; the Cloud Run fake compares templates through this.
 */
export function withoutProto3Defaults(typeName: string, value: unknown): Record<string, unknown> {
  return stripDefaults(cloudRunProtoRoot().lookupType(typeName), value as Record<string, unknown>);
}

function stripDefaults(type: protobuf.Type, obj: Record<string, unknown>): Record<string, unknown> {
  if (typeof obj !== 'object' || obj === null) return obj;
  const byName = new Map<string, protobuf.Field>();
  for (const f of type.fieldsArray) {
    byName.set(f.name, f);
    byName.set(snake(f.name), f);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    const field = byName.get(key);
    if (!field) {
      out[key] = value;
      continue;
    }
    if (value === null || value === undefined) continue;
    field.resolve();
    const rt = field.resolvedType;
    if (field.map) {
      if (typeof value === 'object' && Object.keys(value as object).length === 0) continue;
      out[key] = value;
      continue;
    }
    if (field.repeated) {
      if (!Array.isArray(value)) {
        out[key] = value;
        continue;
      }
      if (value.length === 0) continue;
      out[key] = rt instanceof protobuf.Type && !rt.fullName.startsWith('.google.protobuf.') ? value.map((v) => stripDefaults(rt, v as Record<string, unknown>)) : value;
      continue;
    }
    if (rt instanceof protobuf.Type) {
      out[key] = rt.fullName.startsWith('.google.protobuf.') ? value : stripDefaults(rt, value as Record<string, unknown>);
      continue;
    }
    if (!field.partOf && isProto3Default(field, rt, value)) continue;
    out[key] = value;
  }
  return out;
}

function isProto3Default(field: protobuf.Field, rt: protobuf.Enum | protobuf.Type | null, value: unknown): boolean {
  if (rt instanceof protobuf.Enum) return value === 0 || (typeof value === 'string' && rt.values[value] === 0);
  if (field.type === 'bool') return value === false;
  if (field.type === 'string' || field.type === 'bytes') return value === '';
  if (INT64.has(field.type) || INT32.has(field.type) || field.type === 'float' || field.type === 'double') return value === 0 || value === '0';
  return false;
}

function dropOutputOnly(type: protobuf.Type, obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    const field = type.fields[key];
    if (!field) continue;
    if (field.options?.['(google.api.field_behavior)'] === 'OUTPUT_ONLY') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    field.resolve();
    const rt = field.resolvedType;
    if (rt instanceof protobuf.Type && !rt.fullName.startsWith('.google.protobuf.') && !field.map) {
      out[key] = Array.isArray(value)
        ? value.map((v) => dropOutputOnly(rt, v as Record<string, unknown>))
        : dropOutputOnly(rt, value as Record<string, unknown>);
    } else {
      out[key] = value;
    }
  }
  return out;
}

const INT64 = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const INT32 = new Set(['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32']);
const WRAPPERS: Record<string, string> = {
  'google.protobuf.BoolValue': 'bool',
  'google.protobuf.StringValue': 'string',
  'google.protobuf.Int32Value': 'int32',
  'google.protobuf.Int64Value': 'int64',
  'google.protobuf.UInt32Value': 'uint32',
  'google.protobuf.UInt64Value': 'uint64',
  'google.protobuf.FloatValue': 'float',
  'google.protobuf.DoubleValue': 'double',
  'google.protobuf.BytesValue': 'bytes',
};

const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Problems found in `value` read as message `typeName` (e.g. `google.cloud.run.v2.Service`), each as
 * `path: what is wrong`. An empty list means the value is valid proto3 JSON for that message.
 */
export function checkProtoJson(typeName: string, value: unknown, root: protobuf.Root = cloudRunProtoRoot()): string[] {
  const problems: string[] = [];
  const type = root.lookupType(typeName);
  checkMessage(type, value, typeName.split('.').pop()!, problems);
  return problems;
}

function checkMessage(type: protobuf.Type, value: unknown, path: string, problems: string[]): void {
  const full = type.fullName.replace(/^\./, '');
  if (checkWellKnown(full, value, path, problems)) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${path}: expected an object (message ${full}), got ${describe(value)}`);
    return;
  }
  const byName = new Map<string, protobuf.Field>();
  for (const f of type.fieldsArray) {
    byName.set(f.name, f);
    byName.set(snake(f.name), f);
  }
  const seenOneofs = new Map<string, string>();
  for (const [key, v] of Object.entries(value)) {
    const field = byName.get(key);
    if (!field) {
      problems.push(`${path}: unknown field '${key}' (message ${full} has no such field)`);
      continue;
    }
    if (v === null) continue;
    const oneof = field.partOf;
    if (oneof && oneof.oneof.length > 1 && !oneof.name.startsWith('_')) {
      const other = seenOneofs.get(oneof.name);
      if (other) problems.push(`${path}: fields '${other}' and '${key}' are both set but belong to oneof '${oneof.name}'`);
      seenOneofs.set(oneof.name, key);
    }
    checkField(field, v, `${path}.${key}`, problems);
  }
}

function checkField(field: protobuf.Field, value: unknown, path: string, problems: string[]): void {
  field.resolve();
  if (field instanceof protobuf.MapField || field.map) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${path}: expected a map (object), got ${describe(value)}`);
      return;
    }
    for (const [k, v] of Object.entries(value)) checkSingle(field, v, `${path}[${JSON.stringify(k)}]`, problems);
    return;
  }
  if (field.repeated) {
    if (!Array.isArray(value)) {
      problems.push(`${path}: expected a list, got ${describe(value)}`);
      return;
    }
    value.forEach((v, i) => checkSingle(field, v, `${path}[${i}]`, problems));
    return;
  }
  checkSingle(field, value, path, problems);
}

function checkSingle(field: protobuf.Field, value: unknown, path: string, problems: string[]): void {
  const rt = field.resolvedType;
  if (rt instanceof protobuf.Type) {
    checkMessage(rt, value, path, problems);
    return;
  }
  if (rt instanceof protobuf.Enum) {
    if (typeof value === 'string') {
      if (!(value in rt.values)) {
        problems.push(`${path}: '${value}' is not a value of enum ${rt.fullName.replace(/^\./, '')} (${Object.keys(rt.values).join(', ')})`);
      }
    } else if (typeof value === 'number') {
      if (!Object.values(rt.values).includes(value)) problems.push(`${path}: ${value} is not a number of enum ${rt.name}`);
    } else {
      problems.push(`${path}: expected an enum name or number, got ${describe(value)}`);
    }
    return;
  }
  checkScalar(field.type, value, path, problems);
}

function checkScalar(type: string, value: unknown, path: string, problems: string[]): void {
  const bad = (expected: string) => problems.push(`${path}: expected ${expected} (${type}), got ${describe(value)}`);
  if (type === 'string') {
    if (typeof value !== 'string') bad('a string');
  } else if (type === 'bool') {
    if (typeof value !== 'boolean') bad('true or false');
  } else if (INT32.has(type)) {
    if (!(typeof value === 'number' && Number.isInteger(value)) && !(typeof value === 'string' && /^-?\d+$/.test(value))) bad('a whole number');
  } else if (INT64.has(type)) {
    if (!(typeof value === 'string' && /^-?\d+$/.test(value)) && !(typeof value === 'number' && Number.isInteger(value))) bad('a whole number as a string');
  } else if (type === 'float' || type === 'double') {
    if (typeof value !== 'number' && !(typeof value === 'string' && /^(NaN|-?Infinity|-?\d+(\.\d+)?([eE][-+]?\d+)?)$/.test(value))) bad('a number');
  } else if (type === 'bytes') {
    if (typeof value !== 'string' || !/^[A-Za-z0-9+/_-]*=*$/.test(value)) bad('base64 text');
  } else {
    problems.push(`${path}: unknown scalar type ${type}`);
  }
}

/** proto3 JSON forms of the well-known types; returns true when `full` is one of them. */
function checkWellKnown(full: string, value: unknown, path: string, problems: string[]): boolean {
  switch (full) {
    case 'google.protobuf.Timestamp':
      if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$/.test(value)) {
        problems.push(`${path}: expected an RFC 3339 timestamp string, got ${describe(value)}`);
      }
      return true;
    case 'google.protobuf.Duration':
      if (typeof value !== 'string' || !/^-?\d+(\.\d{1,9})?s$/.test(value)) {
        problems.push(`${path}: expected a duration string such as '300s', got ${describe(value)}`);
      }
      return true;
    case 'google.protobuf.FieldMask':
      if (typeof value !== 'string') problems.push(`${path}: expected a comma-separated field mask string, got ${describe(value)}`);
      return true;
    case 'google.protobuf.Empty':
      if (typeof value !== 'object' || value === null || Object.keys(value).length) problems.push(`${path}: expected {}, got ${describe(value)}`);
      return true;
    case 'google.protobuf.Struct':
    case 'google.protobuf.Value':
    case 'google.protobuf.ListValue':
      return true;
    case 'google.protobuf.Any': {
      if (typeof value !== 'object' || value === null || typeof (value as { '@type'?: unknown })['@type'] !== 'string') {
        problems.push(`${path}: expected an object with '@type', got ${describe(value)}`);
        return true;
      }
      const url = (value as { '@type': string })['@type'];
      const inner = url.slice(url.lastIndexOf('/') + 1);
      let type: protobuf.Type | undefined;
      try {
        type = cloudRunProtoRoot().lookupType(inner);
      } catch {
        problems.push(`${path}: '@type' ${url} names no message the protos define`);
        return true;
      }
      const { '@type': _, ...rest } = value as Record<string, unknown>;
      if (checkWellKnown(inner, 'value' in rest ? rest.value : rest, path, [])) return true;
      checkMessage(type, rest, path, problems);
      return true;
    }
    default:
      if (WRAPPERS[full]) {
        checkScalar(WRAPPERS[full], value, path, problems);
        return true;
      }
      return false;
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  const s = JSON.stringify(value) ?? String(value);
  return `${typeof value} ${s.length > 60 ? `${s.slice(0, 60)}…` : s}`;
}
