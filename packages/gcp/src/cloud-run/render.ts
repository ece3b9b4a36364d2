/**
 * Renders the Service to send: a base (a service definition file, or the service as it runs now),
 * with the image, environment, secrets, size, scaling, probes, labels and revision name applied.
 * Pure: no SDK calls, so every rule is unit-tested.
 */
import { InputError, UserError } from '@ml-deploy/action-kit';
import { checkProtoJson, fromProtoJson } from '../proto-json';
import type { Service } from '../cloud-run-api';
import { cpuCores, cpuMemoryProblem, gpuMinimum, memoryMiB, parseCpu, parseMemory } from './sizes';

type Container = NonNullable<NonNullable<Service['template']>['containers']>[number];
type EnvVar = NonNullable<Container['env']>[number];

/** A Secret Manager reference: `projects/P/secrets/S` (or a secret in the service's project) and a version. */
export interface SecretRef {
  secret: string;
  version: string;
}

/**
 * What a deploy changes on the base Service; undefined leaves the base's value. Errors name the
 * deploy-cloud-run input each field comes from (`memory`, `min-instances`...), as users know them.
 */
export interface RenderChanges {
  /** The image, by digest preferably; required when the base names none. */
  image: string | undefined;
  /** Environment variables, merged by name into the serving container's. */
  envVars: Array<[string, string]>;
  /** Secret Manager references as environment variables, merged by name. */
  secrets: Array<[string, SecretRef]>;
  /** CPU limit as Cloud Run takes it ('1', '500m'). */
  cpu: string | undefined;
  /** Memory limit ('512Mi', '2Gi'). */
  memory: string | undefined;
  /** GPUs per instance (0 removes the GPU). */
  gpu: number | undefined;
  /** Accelerator for `gpu` ('nvidia-l4'). */
  gpuType: string;
  concurrency: number | undefined;
  minInstances: number | undefined;
  maxInstances: number | undefined;
  requestTimeoutSeconds: number | undefined;
  executionEnvironment: 'gen1' | 'gen2' | undefined;
  startupProbePath: string | undefined;
  livenessProbePath: string | undefined;
  serviceAccount: string | undefined;
  /** Set on the service and its revision (the model's name and version). */
  labels: Array<[string, string]>;
  cpuAlwaysAllocated: boolean | undefined;
}

/** Nothing changed: a base with every field left as it is. */
export function noRenderChanges(): RenderChanges {
  return {
    image: undefined,
    envVars: [],
    secrets: [],
    cpu: undefined,
    memory: undefined,
    gpu: undefined,
    gpuType: 'nvidia-l4',
    concurrency: undefined,
    minInstances: undefined,
    maxInstances: undefined,
    requestTimeoutSeconds: undefined,
    executionEnvironment: undefined,
    startupProbePath: undefined,
    livenessProbePath: undefined,
    serviceAccount: undefined,
    labels: [],
    cpuAlwaysAllocated: undefined,
  };
}

export interface Rendered {
  service: Service;
  image: string | undefined;
  changes: string[];
}

/**
 * Reads a service definition file's content (already parsed from YAML/JSON) as a v2 Service,
 * failing on unknown fields with their paths, as the API would.
 */
export function serviceFromFile(raw: unknown, path: string): Service {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InputError('service-definition', path, 'a Cloud Run v2 Service resource (a YAML or JSON object)');
  }
  const obj = raw as Record<string, unknown>;
  if ('apiVersion' in obj || 'kind' in obj || 'spec' in obj) {
    throw new InputError(
      'service-definition',
      path,
      "a Cloud Run Admin API v2 Service (fields 'template', 'traffic', 'labels', ...), not the Knative serving.knative.dev/v1 form that 'gcloud run services describe --format export' writes",
    );
  }
  const problems = checkProtoJson('google.cloud.run.v2.Service', obj);
  if (problems.length) {
    throw new InputError('service-definition', path, `a Cloud Run v2 Service: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
  }
  return fromProtoJson<Service>('google.cloud.run.v2.Service', obj);
}

/** The revision name this deploy creates: `<service>-<suffix>`, the suffix given or made like Cloud Run's. */
export function newRevisionName(service: string, suffix: string | undefined, generation: number, random: () => number = Math.random): string {
  if (suffix) return `${service}-${suffix}`;
  const letters = Array.from({ length: 3 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)]).join('');
  return `${service}-${String(generation + 1).padStart(5, '0')}-${letters}`;
}

export function applyChanges(base: Service, inputs: RenderChanges, revisionName: string): Rendered {
  const svc = structuredClone(base);
  const changes: string[] = [];
  svc.template ??= {};
  const t = svc.template;
  t.containers ??= [];
  if (t.containers.length === 0) t.containers.push({});
  const serving = t.containers.find((c) => c.ports?.length) ?? t.containers[0]!;
  const containerName = serving.name ? ` (container ${serving.name})` : '';

  if (inputs.image !== undefined && serving.image !== inputs.image) {
    changes.push(`image${containerName}: ${serving.image || '(none)'} → ${inputs.image}`);
    serving.image = inputs.image;
  }
  if (!serving.image) {
    throw new InputError('image', '', "an image: the service does not exist yet and 'service-definition' names none");
  }

  if (inputs.envVars.length || inputs.secrets.length) {
    const env: EnvVar[] = [...(serving.env ?? [])];
    const marks: string[] = [];
    const set = (name: string, entry: EnvVar, same: (e: EnvVar) => boolean) => {
      const at = env.findIndex((e) => e.name === name);
      if (at >= 0) {
        if (!same(env[at]!)) marks.push(`~${name}`);
        env[at] = entry;
      } else {
        env.push(entry);
        marks.push(`+${name}`);
      }
    };
    for (const [name, value] of inputs.envVars) set(name, { name, value }, (e) => e.value === value && !e.valueSource);
    for (const [name, ref] of inputs.secrets) {
      set(name, { name, valueSource: { secretKeyRef: { secret: ref.secret, version: ref.version } } }, (e) =>
        e.valueSource?.secretKeyRef?.secret === ref.secret && e.valueSource?.secretKeyRef?.version === ref.version,
      );
    }
    serving.env = env;
    if (marks.length) changes.push(`env: ${marks.join(' ')}`);
  }

  const limits = { ...(serving.resources?.limits ?? {}) } as Record<string, string>;
  const setLimit = (key: string, value: string | undefined, label = key) => {
    if (value === undefined || limits[key] === value) return;
    changes.push(`${label}: ${limits[key] ?? '(default)'} → ${value}`);
    limits[key] = value;
  };
  setLimit('cpu', inputs.cpu);
  setLimit('memory', inputs.memory);
  if (inputs.gpu !== undefined) {
    if (inputs.gpu > 0) {
      setLimit('nvidia.com/gpu', String(inputs.gpu), 'gpu');
      if (t.nodeSelector?.accelerator !== inputs.gpuType) {
        changes.push(`gpu type: ${t.nodeSelector?.accelerator ?? '(none)'} → ${inputs.gpuType}`);
        t.nodeSelector = { accelerator: inputs.gpuType };
      }
    } else if (limits['nvidia.com/gpu']) {
      changes.push('gpu: removed');
      delete limits['nvidia.com/gpu'];
      delete t.nodeSelector;
    }
  }
  // cpuIdle is a plain proto3 bool: unset reads as false (CPU always allocated) once `resources` is
  // set, so Cloud Run's default (CPU only during requests) must be written out when we add it.
  const hadResources = serving.resources !== undefined && serving.resources !== null;
  const resources = { ...(serving.resources ?? {}), limits };
  const alwaysBefore = hadResources && resources.cpuIdle !== true;
  if (inputs.cpuAlwaysAllocated !== undefined) {
    if (alwaysBefore !== inputs.cpuAlwaysAllocated) changes.push(`cpu always allocated: ${alwaysBefore} → ${inputs.cpuAlwaysAllocated}`);
    resources.cpuIdle = !inputs.cpuAlwaysAllocated;
  } else if (!hadResources) {
    resources.cpuIdle = true;
  }
  if (Object.keys(limits).length || hadResources || inputs.cpuAlwaysAllocated !== undefined) serving.resources = resources;
  const alwaysAllocated = serving.resources ? resources.cpuIdle !== true : false;

  // The merged size must still be one Cloud Run accepts.
  const cpu = parseCpu(limits.cpu ?? '1');
  const mem = parseMemory(limits.memory ?? '512Mi');
  if (cpu && mem) {
    const why = cpuMemoryProblem(cpu.cores, mem.mib);
    if (why) {
      const input = inputs.memory ? 'memory' : 'cpu';
      throw new InputError(input, inputs[input] ?? '', `a size Cloud Run accepts together with the service's ${input === 'memory' ? `cpu ${limits.cpu ?? '1'}` : `memory ${limits.memory ?? '512Mi'}`}: ${why}`);
    }
  }

  if (inputs.executionEnvironment !== undefined) {
    const want = inputs.executionEnvironment === 'gen1' ? 'EXECUTION_ENVIRONMENT_GEN1' : 'EXECUTION_ENVIRONMENT_GEN2';
    if (t.executionEnvironment !== want) changes.push(`execution environment: → ${inputs.executionEnvironment}`);
    t.executionEnvironment = want as never;
  }
  if (inputs.concurrency !== undefined && t.maxInstanceRequestConcurrency !== inputs.concurrency) {
    changes.push(`concurrency: ${t.maxInstanceRequestConcurrency || '(default)'} → ${inputs.concurrency}`);
    t.maxInstanceRequestConcurrency = inputs.concurrency;
  }
  const gen1 = String(t.executionEnvironment) === 'EXECUTION_ENVIRONMENT_GEN1' || (t.executionEnvironment as unknown) === 1;
  const gen2 = String(t.executionEnvironment) === 'EXECUTION_ENVIRONMENT_GEN2' || (t.executionEnvironment as unknown) === 2;

  // GPU rules (Cloud Run's GPU docs): one GPU, an accelerator, CPU always allocated, at least the
  // type's CPU and memory, and not the first generation execution environment.
  if (limits['nvidia.com/gpu']) {
    const type = t.nodeSelector?.accelerator;
    if (limits['nvidia.com/gpu'] !== '1') throw new InputError('gpu', limits['nvidia.com/gpu'], '1 (Cloud Run attaches one GPU per instance)');
    if (!type) throw new InputError('gpu-type', '', "a GPU type for the revision's GPU (the service definition sets nvidia.com/gpu without nodeSelector.accelerator)");
    const need = gpuMinimum(type);
    const cores = cpuCores(limits.cpu ?? '1');
    if (cores !== undefined && cores < need.cpu) {
      throw new InputError('cpu', limits.cpu ?? '1', `at least ${need.cpu} CPU for a ${type} GPU (Cloud Run requires it; the revision would have ${limits.cpu ?? 'the default 1'})`);
    }
    const mib = memoryMiB(limits.memory ?? '512Mi');
    if (mib !== undefined && mib < need.memoryGi * 1024) {
      throw new InputError('memory', limits.memory ?? '512Mi', `at least ${need.memoryGi}Gi of memory for a ${type} GPU (Cloud Run requires it)`);
    }
    if (!alwaysAllocated) {
      throw new InputError('cpu-always-allocated', inputs.cpuAlwaysAllocated === undefined ? '' : String(inputs.cpuAlwaysAllocated), "'true' for a GPU revision (Cloud Run bills GPU instances for their whole life and needs CPU always allocated)");
    }
    if (gen1) throw new InputError('execution-environment', 'gen1', "'gen2' or unset for a GPU revision (GPU instances run in the second generation execution environment)");
  }
  // Below 1 CPU (Cloud Run's CPU docs): concurrency 1, CPU only during requests, first generation.
  if (cpu && cpu.cores < 1) {
    const what = `with cpu ${limits.cpu} (less than 1 CPU)`;
    if ((t.maxInstanceRequestConcurrency ?? 0) > 1) throw new InputError('concurrency', String(t.maxInstanceRequestConcurrency), `1 ${what}: Cloud Run allows one request at a time below 1 CPU`);
    if (alwaysAllocated) throw new InputError('cpu-always-allocated', String(inputs.cpuAlwaysAllocated ?? 'true (as the service has it)'), `'false' ${what}: Cloud Run allocates CPU only during requests below 1 CPU`);
    if (gen2) throw new InputError('execution-environment', 'gen2', `'gen1' ${what}: below 1 CPU Cloud Run runs the first generation execution environment`);
  }

  if (inputs.minInstances !== undefined || inputs.maxInstances !== undefined) {
    const scaling = { ...(t.scaling ?? {}) };
    if (inputs.minInstances !== undefined && scaling.minInstanceCount !== inputs.minInstances) {
      changes.push(`min instances: ${scaling.minInstanceCount ?? 0} → ${inputs.minInstances}`);
      scaling.minInstanceCount = inputs.minInstances;
    }
    if (inputs.maxInstances !== undefined && scaling.maxInstanceCount !== inputs.maxInstances) {
      changes.push(`max instances: ${scaling.maxInstanceCount ?? '(default)'} → ${inputs.maxInstances}`);
      scaling.maxInstanceCount = inputs.maxInstances;
    }
    if ((scaling.minInstanceCount ?? 0) > (scaling.maxInstanceCount ?? Infinity)) {
      throw new InputError('min-instances', String(scaling.minInstanceCount), `at most the service's max instances (${scaling.maxInstanceCount})`);
    }
    t.scaling = scaling;
  }
  if (inputs.requestTimeoutSeconds !== undefined && Number(t.timeout?.seconds ?? -1) !== inputs.requestTimeoutSeconds) {
    changes.push(`request timeout: ${t.timeout?.seconds !== undefined ? `${t.timeout.seconds}s` : '(default)'} → ${inputs.requestTimeoutSeconds}s`);
    t.timeout = { seconds: inputs.requestTimeoutSeconds };
  }
  const port = serving.ports?.find((p) => p.containerPort)?.containerPort || 8080;
  if (inputs.startupProbePath !== undefined) {
    serving.startupProbe = { httpGet: { path: inputs.startupProbePath, port }, periodSeconds: 5, failureThreshold: 24, timeoutSeconds: 3 };
    changes.push(`startup probe: GET ${inputs.startupProbePath} on port ${port}`);
  }
  if (inputs.livenessProbePath !== undefined) {
    serving.livenessProbe = { httpGet: { path: inputs.livenessProbePath, port }, periodSeconds: 15, failureThreshold: 3, timeoutSeconds: 3 };
    changes.push(`liveness probe: GET ${inputs.livenessProbePath} on port ${port}`);
  }
  if (inputs.serviceAccount !== undefined && t.serviceAccount !== inputs.serviceAccount) {
    changes.push(`service account: ${t.serviceAccount || '(default)'} → ${inputs.serviceAccount}`);
    t.serviceAccount = inputs.serviceAccount;
  }
  if (inputs.labels.length) {
    const marks: string[] = [];
    svc.labels = { ...(svc.labels ?? {}) };
    t.labels = { ...(t.labels ?? {}) };
    for (const [k, v] of inputs.labels) {
      if (svc.labels[k] !== v) marks.push(`${k in svc.labels ? '~' : '+'}${k}`);
      svc.labels[k] = v;
      t.labels[k] = v;
    }
    if (marks.length) changes.push(`labels: ${marks.join(' ')}`);
  }
  t.revision = revisionName;
  return { service: svc, image: serving.image ?? undefined, changes };
}

/** The `sha256:…` digest an image reference pins, if any. */
export function imageDigest(image: string | undefined): string | undefined {
  return image ? /@(sha256:[0-9a-f]{64})$/.exec(image)?.[1] : undefined;
}
