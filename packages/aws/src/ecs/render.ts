/**
 * Renders the task definition to register: takes a base (a file, or the one the service runs now),
 * drops what DescribeTaskDefinition returns but RegisterTaskDefinition refuses, and applies the
 * image, environment, secrets and size changes. Pure: no SDK calls, so every rule is unit-tested.
 */
import type { ContainerDefinition, RegisterTaskDefinitionCommandInput, Tag } from '@aws-sdk/client-ecs';
import { InputError, UserError } from '@ml-deploy/action-kit';

/** Fields DescribeTaskDefinition returns that are not part of a registration. */
const READ_ONLY_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
] as const;

/** Every field RegisterTaskDefinition accepts (API version 2014-11-13), so a typo is caught here. */
const REGISTER_FIELDS = new Set([
  'family',
  'taskRoleArn',
  'executionRoleArn',
  'networkMode',
  'containerDefinitions',
  'volumes',
  'placementConstraints',
  'requiresCompatibilities',
  'cpu',
  'memory',
  'tags',
  'pidMode',
  'ipcMode',
  'proxyConfiguration',
  'inferenceAccelerators',
  'ephemeralStorage',
  'runtimePlatform',
  'enableFaultInjection',
]);

export type TaskDefinitionInput = RegisterTaskDefinitionCommandInput;

export interface RenderChanges {
  containerName: string | undefined;
  image: string | undefined;
  environment: Array<[string, string]>;
  secrets: Array<[string, string]>;
  cpu: string | undefined;
  memory: string | undefined;
  /** merge (default): set the given names, keep the rest; overwrite: the given list is the whole list. */
  environmentStrategy?: 'merge' | 'overwrite';
  secretsStrategy?: 'merge' | 'overwrite';
  command?: string[] | undefined;
  entryPoint?: string[] | undefined;
  /** Merged into the container's docker labels. */
  dockerLabels?: Array<[string, string]>;
  /** Replaces the container's log configuration. */
  logConfiguration?: { logDriver: string; options: Array<[string, string]> } | undefined;
  /** Replaces the container's environment files (S3 object ARNs). */
  environmentFiles?: string[] | undefined;
  taskRoleArn?: string | undefined;
  executionRoleArn?: string | undefined;
  /** Fargate ephemeral storage, GiB (21-200). */
  ephemeralStorageGiB?: number | undefined;
  /** Merged into the task definition's tags. */
  tags?: Array<[string, string]>;
}

export interface Rendered {
  taskDefinition: TaskDefinitionInput;
  /** The container the changes were applied to, when there were any. */
  containerName: string | undefined;
  /** That container's image after rendering. */
  image: string | undefined;
  /** What changed, for the summary: `environment: +A ~B`. */
  changes: string[];
}

/**
 * Normalises a task definition from a file or from DescribeTaskDefinition into a registration
 * request. Accepts the bare object or DescribeTaskDefinition's `{ taskDefinition, tags }` shape.
 * `source` names where it came from, for errors (an input name, or 'the running service').
 */
export function normaliseTaskDefinition(raw: unknown, source: { input?: string; label: string }): TaskDefinitionInput {
  const fail = (why: string): never => {
    if (source.input) throw new InputError(source.input, source.label, `an ECS task definition: ${why}`);
    throw new UserError(`${source.label} is not a usable task definition: ${why}`);
  };
  if (!isObject(raw)) return fail('the file holds no JSON object');
  let body: Record<string, unknown> = raw;
  let tags: unknown = raw.tags;
  if (isObject(raw.taskDefinition)) {
    body = raw.taskDefinition;
    tags = raw.tags ?? body.tags;
  }
  const out: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if ((READ_ONLY_FIELDS as readonly string[]).includes(key)) continue;
    if (value === null) continue;
    if (!REGISTER_FIELDS.has(key)) {
      unknown.push(key);
      continue;
    }
    out[key] = value;
  }
  if (unknown.length) {
    return fail(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')} (the fields are camelCase, as RegisterTaskDefinition names them: ${[...REGISTER_FIELDS].join(', ')})`);
  }
  if (typeof out.family !== 'string' || out.family === '') return fail("'family' is missing");
  if (!Array.isArray(out.containerDefinitions) || out.containerDefinitions.length === 0) {
    return fail("'containerDefinitions' is missing or empty");
  }
  out.containerDefinitions.forEach((c: unknown, i: number) => {
    if (!isObject(c) || typeof c.name !== 'string') fail(`containerDefinitions[${i}] has no 'name'`);
  });
  if (Array.isArray(tags) && tags.length > 0) out.tags = tags as Tag[];
  else delete out.tags;
  return out as unknown as TaskDefinitionInput;
}

/** Applies image, environment, secrets and size changes; errors name the input at fault. */
export function applyChanges(base: TaskDefinitionInput, changes: RenderChanges): Rendered {
  // Work on a copy: the base may be reused for the summary's "before" column.
  const td = structuredClone(base);
  const containers = td.containerDefinitions ?? [];
  const names = containers.map((c) => c.name ?? '');
  const envOverwrite = changes.environmentStrategy === 'overwrite';
  const secretsOverwrite = changes.secretsStrategy === 'overwrite';
  const touchesContainer =
    changes.image !== undefined ||
    changes.environment.length > 0 ||
    changes.secrets.length > 0 ||
    envOverwrite ||
    secretsOverwrite ||
    changes.command !== undefined ||
    changes.entryPoint !== undefined ||
    (changes.dockerLabels?.length ?? 0) > 0 ||
    changes.logConfiguration !== undefined ||
    changes.environmentFiles !== undefined;
  const summary: string[] = [];
  let container: ContainerDefinition | undefined;

  if (touchesContainer) {
    if (changes.containerName === undefined) {
      if (containers.length !== 1) {
        throw new InputError(
          'container-name',
          '',
          `the name of the container to change; the task definition has ${containers.length}: ${names.map((n) => `'${n}'`).join(', ')}`,
        );
      }
      container = containers[0];
    } else {
      container = containers.find((c) => c.name === changes.containerName);
      if (!container) {
        throw new InputError(
          'container-name',
          changes.containerName,
          `a container of task definition '${td.family}': ${names.map((n) => `'${n}'`).join(', ')}`,
        );
      }
    }
  }

  if (container && changes.image !== undefined && container.image !== changes.image) {
    summary.push(`image: ${container.image ?? '(none)'} → ${changes.image}`);
    container.image = changes.image;
  }

  if (container && envOverwrite) {
    const before = container.environment ?? [];
    const after = changes.environment.map(([name, value]) => ({ name, value }));
    const marks = [
      ...before.filter((e) => !after.some((a) => a.name === e.name)).map((e) => `-${e.name}`),
      ...after.filter((a) => !before.some((e) => e.name === a.name)).map((a) => `+${a.name}`),
      ...after.filter((a) => before.some((e) => e.name === a.name && e.value !== a.value)).map((a) => `~${a.name}`),
    ];
    container.environment = after;
    if (marks.length) summary.push(`environment (overwrite): ${marks.join(' ')}`);
  } else if (container && changes.environment.length) {
    const merged = mergeByName(container.environment ?? [], changes.environment, (name, value) => ({ name, value }), (e) => e.value);
    container.environment = merged.list;
    if (merged.marks.length) summary.push(`environment: ${merged.marks.join(' ')}`);
  }

  if (container && changes.secrets.length) {
    for (const [name, valueFrom] of changes.secrets) {
      if ((container.environment ?? []).some((e) => e.name === name)) {
        throw new InputError('secrets', `${name}=${valueFrom}`, `a name not already set as a plain environment variable of container '${container.name}'`);
      }
    }
    if (secretsOverwrite) {
      const before = container.secrets ?? [];
      const after = changes.secrets.map(([name, valueFrom]) => ({ name, valueFrom }));
      const removed = before.filter((e) => !after.some((a) => a.name === e.name)).map((e) => `-${e.name}`);
      const merged = mergeByName(before.filter((e) => after.some((a) => a.name === e.name)), changes.secrets, (name, valueFrom) => ({ name, valueFrom }), (e) => e.valueFrom);
      container.secrets = after;
      if (removed.length || merged.marks.length) summary.push(`secrets (overwrite): ${[...removed, ...merged.marks].join(' ')}`);
    } else {
      const merged = mergeByName(container.secrets ?? [], changes.secrets, (name, valueFrom) => ({ name, valueFrom }), (e) => e.valueFrom);
      container.secrets = merged.list;
      if (merged.marks.length) summary.push(`secrets: ${merged.marks.join(' ')}`);
    }
  } else if (container && secretsOverwrite && (container.secrets ?? []).length) {
    summary.push(`secrets (overwrite): ${(container.secrets ?? []).map((e) => `-${e.name}`).join(' ')}`);
    container.secrets = [];
  }

  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (container && changes.command !== undefined && !same(container.command, changes.command)) {
    summary.push(`command: ${JSON.stringify(container.command ?? [])} → ${JSON.stringify(changes.command)}`);
    container.command = changes.command;
  }
  if (container && changes.entryPoint !== undefined && !same(container.entryPoint, changes.entryPoint)) {
    summary.push(`entry point: ${JSON.stringify(container.entryPoint ?? [])} → ${JSON.stringify(changes.entryPoint)}`);
    container.entryPoint = changes.entryPoint;
  }
  if (container && changes.dockerLabels?.length) {
    const labels = { ...container.dockerLabels };
    const marks: string[] = [];
    for (const [k, v] of changes.dockerLabels) {
      if (labels[k] === v) continue;
      marks.push(`${k in labels ? '~' : '+'}${k}`);
      labels[k] = v;
    }
    container.dockerLabels = labels;
    if (marks.length) summary.push(`docker labels: ${marks.join(' ')}`);
  }
  if (container && changes.logConfiguration !== undefined) {
    const wanted = { logDriver: changes.logConfiguration.logDriver, ...(changes.logConfiguration.options.length ? { options: Object.fromEntries(changes.logConfiguration.options) } : {}) };
    if (!same({ logDriver: container.logConfiguration?.logDriver, options: container.logConfiguration?.options }, { logDriver: wanted.logDriver, options: wanted.options })) {
      summary.push(`log configuration: ${container.logConfiguration?.logDriver ?? '(none)'} → ${wanted.logDriver}`);
      container.logConfiguration = { ...wanted } as ContainerDefinition['logConfiguration'];
    }
  }
  if (container && changes.environmentFiles !== undefined) {
    const files = changes.environmentFiles.map((value) => ({ value, type: 's3' as const }));
    if (!same(container.environmentFiles ?? [], files)) {
      summary.push(`environment files: ${(container.environmentFiles ?? []).length} → ${files.length}`);
      container.environmentFiles = files;
    }
  }
  if (changes.taskRoleArn !== undefined && td.taskRoleArn !== changes.taskRoleArn) {
    summary.push(`task role: ${td.taskRoleArn ?? '(none)'} → ${changes.taskRoleArn}`);
    td.taskRoleArn = changes.taskRoleArn;
  }
  if (changes.executionRoleArn !== undefined && td.executionRoleArn !== changes.executionRoleArn) {
    summary.push(`execution role: ${td.executionRoleArn ?? '(none)'} → ${changes.executionRoleArn}`);
    td.executionRoleArn = changes.executionRoleArn;
  }
  if (changes.ephemeralStorageGiB !== undefined && td.ephemeralStorage?.sizeInGiB !== changes.ephemeralStorageGiB) {
    summary.push(`ephemeral storage: ${td.ephemeralStorage?.sizeInGiB ?? 20} GiB → ${changes.ephemeralStorageGiB} GiB`);
    td.ephemeralStorage = { sizeInGiB: changes.ephemeralStorageGiB };
  }
  if (changes.tags?.length) {
    const merged = mergeByName(
      (td.tags ?? []).map((t) => ({ name: t.key, value: t.value })),
      changes.tags,
      (name, value) => ({ name, value }),
      (e) => e.value,
    );
    td.tags = merged.list.map((t) => ({ key: t.name, value: t.value }));
    if (merged.marks.length) summary.push(`tags: ${merged.marks.join(' ')}`);
  }

  if (changes.cpu !== undefined && td.cpu !== changes.cpu) {
    summary.push(`cpu: ${td.cpu ?? '(unset)'} → ${changes.cpu}`);
    td.cpu = changes.cpu;
  }
  if (changes.memory !== undefined && td.memory !== changes.memory) {
    summary.push(`memory: ${td.memory ?? '(unset)'} → ${changes.memory}`);
    td.memory = changes.memory;
  }

  return { taskDefinition: td, containerName: container?.name, image: container?.image, changes: summary };
}

/**
 * Sets `pairs` in a list of named entries: an entry of the same name is replaced in place, a new
 * name is appended, the rest keep their order. Marks say what changed: `~NAME` changed, `+NAME` added.
 */
function mergeByName<T extends { name?: string | undefined }>(
  current: T[],
  pairs: Array<[string, string]>,
  make: (name: string, value: string) => T,
  valueOf: (entry: T) => string | undefined,
): { list: T[]; marks: string[] } {
  const list = [...current];
  const marks: string[] = [];
  for (const [name, value] of pairs) {
    const at = list.findIndex((e) => e.name === name);
    if (at >= 0) {
      if (valueOf(list[at]!) !== value) marks.push(`~${name}`);
      list[at] = make(name, value);
    } else {
      list.push(make(name, value));
      marks.push(`+${name}`);
    }
  }
  return { list, marks };
}

/** The `sha256:…` digest an image reference pins, if any. */
export function imageDigest(image: string | undefined): string | undefined {
  return image ? /@(sha256:[0-9a-f]{64})$/.exec(image)?.[1] : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
