/**
 * deploy-cloud-run inputs: the only place they are parsed. Keys are spelled as in
 * deploy-cloud-run/action.yml, defaults live there, and every check that needs no cloud call runs
 * here, before anything changes: names against Cloud Run's limits, CPU/memory/GPU combinations
 * Cloud Run refuses, reserved variable names, a split that must add up to 100, conflicting inputs.
 */
import {
  InputError,
  type InputReader,
  parseBoolean,
  parseChoice,
  parseDuration,
  parseInteger,
  parseKeyValues,
} from '@ml-deploy/action-kit';
import {
  cpuMemoryProblem,
  type Endpoint,
  gpuMinimum,
  parseCpu,
  parseEndpoint,
  parseMemory,
  PROJECT_ID,
  REGION,
  RESERVED_ENV,
  revisionSuffixProblem,
  SERVICE_NAME,
  type SecretRef,
  tagProblem,
} from '@ml-deploy/gcp';
import { isImageReference, parseImageReference } from '@ml-deploy/oci';

export interface Inputs {
  service: string;
  region: string;
  'project-id': string | undefined;
  image: string | undefined;
  'service-definition': string | undefined;
  revision: string | undefined;
  'env-vars': Array<[string, string]>;
  secrets: Array<[string, SecretRef]>;
  /** CPU in Kubernetes quantity form as Cloud Run takes it ('1', '500m'), with its value in cores. */
  cpu: { text: string; cores: number } | undefined;
  /** Memory as given ('2Gi') and in MiB. */
  memory: { text: string; mib: number } | undefined;
  gpu: number | undefined;
  'gpu-type': string;
  concurrency: number | undefined;
  'min-instances': number | undefined;
  'max-instances': number | undefined;
  /** Seconds. */
  'request-timeout': number | undefined;
  'execution-environment': 'gen1' | 'gen2' | undefined;
  'startup-probe-path': string | undefined;
  'liveness-probe-path': string | undefined;
  'service-account': string | undefined;
  labels: Array<[string, string]>;
  'revision-suffix': string | undefined;
  'cpu-always-allocated': boolean | undefined;
  'no-traffic': boolean;
  tag: string | undefined;
  traffic: Array<{ target: string; percent: number }> | undefined;
  timeout: number;
  'max-attempts': number;
  endpoint: Endpoint;
  'report-path': string | undefined;
}

const SECRET_FULL = /^projects\/([a-z0-9-]+|\d+)\/secrets\/([A-Za-z0-9_-]{1,255})\/versions\/(latest|\d+)$/;
const SECRET_SHORT = /^([A-Za-z0-9_-]{1,255}):(latest|\d+)$/;
const LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
const LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;
const SERVICE_ACCOUNT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\.iam\.gserviceaccount\.com$|^\d+-compute@developer\.gserviceaccount\.com$/;
/** GPU types Cloud Run offers (its GPU docs); others go in `service-definition`. */
const GPU_TYPES = ['nvidia-l4', 'nvidia-rtx-pro-6000'] as const;
const MAX_LABELS = 64;
/** Cloud Run's limits on environment variables: 1000 per container, values up to 32 KiB. */
const MAX_ENV_VARS = 1000;
const MAX_ENV_VALUE = 32_768;

/** Why `key=value` is not a Google Cloud label, or undefined. */
function labelProblem(key: string, value: string): string | undefined {
  if (key.length > 63) return `a key of at most 63 characters (this one has ${key.length})`;
  if (!/^[a-z]/.test(key)) return 'a key starting with a lowercase letter';
  if (!LABEL_KEY.test(key)) return 'a key of lowercase letters, digits, _ and - only';
  if (value.length > 63) return `a value of at most 63 characters (this one has ${value.length})`;
  if (!LABEL_VALUE.test(value)) return `a value of lowercase letters, digits, _ and - only${/[.]/.test(value) ? ' (write a version 1.2.0 as 1-2-0)' : ''}${/[A-Z]/.test(value) ? ' (no capitals)' : ''}`;
  return undefined;
}

/** Reads and checks every input; throws InputError naming the first bad one. */
export function parseInputs(read: InputReader): Inputs {
  const required = (name: string): string => {
    const v = read(name);
    if (v === undefined) throw new InputError(name, '', 'a value (this input is required)');
    return v.trim();
  };
  const optional = (name: string): string | undefined => read(name)?.trim();
  const optionalInt = (name: string, min: number, max: number): number | undefined => {
    const v = optional(name);
    return v === undefined ? undefined : parseInteger(name, v, { min, max });
  };

  const service = required('service');
  if (!SERVICE_NAME.test(service)) {
    throw new InputError('service', service, 'a Cloud Run service name: lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen, at most 49 characters');
  }
  const region = required('region');
  if (!REGION.test(region)) throw new InputError('region', region, "a Cloud Run region such as 'us-central1' or 'europe-west4'");
  const project = optional('project-id');
  if (project !== undefined && !PROJECT_ID.test(project)) {
    throw new InputError('project-id', project, "a Google Cloud project ID such as 'my-project-123' (6 to 30 lowercase letters, digits and hyphens)");
  }

  const image = optional('image');
  if (image !== undefined) {
    const ref = parseImageReference(image);
    if (!isImageReference(ref)) {
      throw new InputError('image', image, `an image reference such as REGION-docker.pkg.dev/PROJECT/REPO/IMAGE@sha256:<digest> (${ref.error})`);
    }
  }

  const envVars = parseKeyValues('env-vars', read('env-vars') ?? '');
  if (envVars.length > MAX_ENV_VARS) throw new InputError('env-vars', read('env-vars')!, `at most ${MAX_ENV_VARS} variables (Cloud Run's limit per container; ${envVars.length} given)`);
  for (const [name, value] of envVars) {
    if (value.length > MAX_ENV_VALUE) throw new InputError('env-vars', `${name}=${value}`, `a value of at most 32 KiB for ${name} (Cloud Run's limit; this one has ${value.length} characters)`);
    if (RESERVED_ENV.has(name)) throw new InputError('env-vars', `${name}=${value}`, `a name Cloud Run does not set itself (${[...RESERVED_ENV].join(', ')} are reserved)`);
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) throw new InputError('env-vars', `${name}=${value}`, 'variable names of letters, digits, _ . and -, not starting with a digit');
  }
  const secrets: Array<[string, SecretRef]> = [];
  for (const [name, ref] of parseKeyValues('secrets', read('secrets') ?? '')) {
    if (name.startsWith('/')) {
      throw new InputError('secrets', `${name}=${ref}`, 'NAME=secret:version (secrets mounted as files are not supported by this input; put them in service-definition)');
    }
    if (RESERVED_ENV.has(name)) throw new InputError('secrets', `${name}=${ref}`, `a name Cloud Run does not set itself (${[...RESERVED_ENV].join(', ')} are reserved)`);
    if (envVars.some(([n]) => n === name)) throw new InputError('secrets', `${name}=${ref}`, `a name not also given in 'env-vars'`);
    const full = SECRET_FULL.exec(ref);
    const short = SECRET_SHORT.exec(ref);
    if (full) secrets.push([name, { secret: ref.replace(/\/versions\/[^/]+$/, ''), version: full[3]! }]);
    else if (short) secrets.push([name, { secret: short[1]!, version: short[2]! }]);
    else throw new InputError('secrets', `${name}=${ref}`, 'NAME=secret:version or NAME=projects/PROJECT/secrets/SECRET/versions/VERSION (version a number or latest)');
  }

  const cpuRaw = optional('cpu');
  const cpu = cpuRaw === undefined ? undefined : parseCpu(cpuRaw);
  if (cpuRaw !== undefined && !cpu) throw new InputError('cpu', cpuRaw, "a CPU limit Cloud Run takes: '1', '2', '4', '6', '8', or a fraction up to 1 such as '500m' or '0.5'");
  const memRaw = optional('memory');
  const memory = memRaw === undefined ? undefined : parseMemory(memRaw);
  if (memRaw !== undefined && !memory) {
    const unit = /^\d+(?:\.\d+)?\s*([A-Za-z]+)$/.exec(memRaw)?.[1];
    const hint = unit && !['Mi', 'Gi', 'M', 'G'].includes(unit) ? ` ('${unit}' is not a unit Cloud Run takes: use Mi or Gi)` : /^\d+$/.test(memRaw) ? ' (a unit is needed: Mi or Gi)' : '';
    throw new InputError('memory', memRaw, `memory from 128Mi to 32Gi, such as '512Mi' or '4Gi'${hint}`);
  }
  if (cpu && memory) {
    const why = cpuMemoryProblem(cpu.cores, memory.mib);
    if (why) throw new InputError('memory', memRaw!, `memory Cloud Run accepts with cpu '${cpuRaw}': ${why}`);
  }
  const gpuRaw = optional('gpu');
  if (gpuRaw !== undefined && !/^[01]$/.test(gpuRaw)) throw new InputError('gpu', gpuRaw, "'0' or '1' (Cloud Run attaches at most one GPU per instance; '0' removes it)");
  const gpu = gpuRaw === undefined ? undefined : Number(gpuRaw);
  const gpuType = required('gpu-type');
  if (!(GPU_TYPES as readonly string[]).includes(gpuType)) {
    throw new InputError('gpu-type', gpuType, `a GPU type Cloud Run offers: ${GPU_TYPES.join(' or ')} (another type can be set in service-definition's template.nodeSelector)`);
  }
  const alwaysRaw = optional('cpu-always-allocated');
  const cpuAlways = alwaysRaw === undefined ? undefined : parseBoolean('cpu-always-allocated', alwaysRaw);
  const envRaw = optional('execution-environment');
  const execEnv = envRaw === undefined ? undefined : parseChoice('execution-environment', envRaw, ['gen1', 'gen2'] as const);
  if (gpu) {
    const need = gpuMinimum(gpuType);
    if (cpu && cpu.cores < need.cpu) throw new InputError('cpu', cpuRaw!, `at least ${need.cpu} CPU with a GPU of type ${gpuType} (Cloud Run requires it)`);
    if (memory && memory.mib < need.memoryGi * 1024) throw new InputError('memory', memRaw!, `at least ${need.memoryGi}Gi of memory with a GPU of type ${gpuType} (Cloud Run requires it)`);
    if (cpuAlways === false) throw new InputError('cpu-always-allocated', alwaysRaw!, "'true' with a GPU (GPU instances need CPU always allocated)");
    if (execEnv === 'gen1') throw new InputError('execution-environment', envRaw!, "'gen2' or unset with a GPU (GPU instances run in the second generation execution environment)");
  }
  const concurrency = optionalInt('concurrency', 1, 1000);
  if (cpu && cpu.cores < 1) {
    const what = `with cpu '${cpuRaw}' (less than 1 CPU)`;
    if (concurrency !== undefined && concurrency > 1) throw new InputError('concurrency', String(concurrency), `1 ${what}: Cloud Run serves one request at a time below 1 CPU`);
    if (cpuAlways === true) throw new InputError('cpu-always-allocated', alwaysRaw!, `'false' ${what}: Cloud Run allocates CPU only during requests below 1 CPU`);
    if (execEnv === 'gen2') throw new InputError('execution-environment', envRaw!, `'gen1' ${what}: below 1 CPU Cloud Run runs the first generation execution environment`);
  }

  const minI = optionalInt('min-instances', 0, 1000);
  const maxI = optionalInt('max-instances', 1, 1000);
  if (minI !== undefined && maxI !== undefined && minI > maxI) {
    throw new InputError('min-instances', String(minI), `at most max-instances (${maxI})`);
  }
  const reqTimeout = optional('request-timeout');

  const probe = (name: string): string | undefined => {
    const v = optional(name);
    if (v !== undefined && !/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(v)) throw new InputError(name, v, "an HTTP path starting with '/', such as '/healthz'");
    return v;
  };

  const sa = optional('service-account');
  if (sa !== undefined && !SERVICE_ACCOUNT.test(sa)) {
    throw new InputError('service-account', sa, 'a service account email such as model-runtime@PROJECT.iam.gserviceaccount.com');
  }
  const labels = parseKeyValues('labels', read('labels') ?? '');
  if (labels.length > MAX_LABELS) throw new InputError('labels', read('labels')!, `at most ${MAX_LABELS} labels (Google Cloud's limit per resource; ${labels.length} given)`);
  for (const [k, v] of labels) {
    const why = labelProblem(k, v);
    if (why) throw new InputError('labels', `${k}=${v}`, `labels as Google Cloud takes them: ${why}`);
    if (k.startsWith('goog') || k === 'cloud.googleapis.com' || k.startsWith('run.googleapis.com')) {
      throw new InputError('labels', `${k}=${v}`, "a label key not reserved by Google (keys starting with 'goog' are)");
    }
  }
  const suffix = optional('revision-suffix');
  if (suffix !== undefined) {
    const why = revisionSuffixProblem(service, suffix);
    if (why) throw new InputError('revision-suffix', suffix, why);
  }
  const tag = optional('tag');
  if (tag !== undefined) {
    const why = tagProblem(service, tag);
    if (why) throw new InputError('tag', tag, why);
  }
  const noTraffic = parseBoolean('no-traffic', required('no-traffic'));
  const trafficRaw = optional('traffic');
  let traffic: Inputs['traffic'];
  if (trafficRaw !== undefined) {
    traffic = parseKeyValues('traffic', trafficRaw).map(([target, pct]) => {
      if (target !== 'LATEST' && !/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(target)) {
        throw new InputError('traffic', `${target}=${pct}`, "targets that are 'LATEST', a revision name or a tag");
      }
      if (!/^\d{1,3}$/.test(pct) || Number(pct) > 100) throw new InputError('traffic', `${target}=${pct}`, 'TARGET=PERCENT with a whole percentage from 0 to 100');
      return { target, percent: Number(pct) };
    });
    const sum = traffic.reduce((a, t) => a + t.percent, 0);
    if (sum !== 100) throw new InputError('traffic', trafficRaw, `percentages that add up to 100 (these add up to ${sum})`);
  }

  const endpointRaw = required('endpoint');
  const endpoint = parseEndpoint(endpointRaw);
  if ('error' in endpoint) throw new InputError('endpoint', endpointRaw, `an https URL such as https://run.googleapis.com (${endpoint.error})`);

  const inputs: Inputs = {
    service,
    region,
    'project-id': project,
    image,
    'service-definition': optional('service-definition'),
    revision: optional('revision'),
    'env-vars': envVars,
    secrets,
    cpu,
    memory,
    gpu,
    'gpu-type': gpuType,
    concurrency,
    'min-instances': minI,
    'max-instances': maxI,
    'request-timeout': reqTimeout === undefined ? undefined : Math.round(parseDuration('request-timeout', reqTimeout, { min: 1000, max: 3_600_000 }) / 1000),
    'execution-environment': execEnv,
    'startup-probe-path': probe('startup-probe-path'),
    'liveness-probe-path': probe('liveness-probe-path'),
    'service-account': sa,
    labels,
    'revision-suffix': suffix,
    'cpu-always-allocated': cpuAlways,
    'no-traffic': noTraffic,
    tag,
    traffic,
    timeout: parseDuration('timeout', required('timeout'), { min: 10_000, max: 6 * 3_600_000 }),
    'max-attempts': parseInteger('max-attempts', required('max-attempts'), { min: 1, max: 20 }),
    endpoint,
    'report-path': optional('report-path'),
  };

  // Combinations, each naming both inputs.
  if (noTraffic && traffic) throw new InputError('traffic', trafficRaw!, "to be left out with 'no-traffic: true' (a revision cannot get no traffic and a share at once)");
  if (inputs.revision !== undefined) {
    if (!inputs.revision.startsWith(`${service}-`) || inputs.revision.length > 63 || !/^[a-z0-9-]+$/.test(inputs.revision)) {
      throw new InputError('revision', inputs.revision, `a revision name of service '${service}' ('${service}-<suffix>')`);
    }
    const templateInputs = ['image', 'service-definition', 'env-vars', 'secrets', 'cpu', 'memory', 'gpu', 'concurrency', 'min-instances', 'max-instances', 'request-timeout', 'execution-environment', 'startup-probe-path', 'liveness-probe-path', 'service-account', 'labels', 'revision-suffix', 'cpu-always-allocated'] as const;
    for (const name of templateInputs) {
      if (read(name) !== undefined) {
        throw new InputError(name, read(name)!, `to be left out with 'revision' (deploying an existing revision changes traffic only; '${name}' would need a new revision)`);
      }
    }
  }
  return inputs;
}
