/**
 * deploy-ecs inputs: the only place they are parsed. Keys are spelled as in deploy-ecs/action.yml,
 * defaults live there (the runner fills them in), and every check that needs no cloud call runs
 * here, before anything changes.
 */
import {
  InputError,
  type InputReader,
  parseBoolean,
  parseBooleanOrChoice,
  parseChoice,
  parseDuration,
  parseInteger,
  parseKeyValues,
} from '@ml-deploy/action-kit';
import {
  type RollbackScope,
  type ServiceTarget,
  type CircuitBreakerMode,
  checkClusterRef,
  ENVIRONMENT_FILES_PER_CONTAINER,
  environmentFileProblem,
  EPHEMERAL_STORAGE_GIB,
  LOG_DRIVERS,
  PROPAGATE_TAGS,
  type ServiceTagging,
  parseCommandWords,
  roleArnProblem,
  TAG_LIMITS,
  tagProblem, checkServiceRef, type DeploymentStrategyName, ECS_LIMITS, isRegionName, secretRefProblem, type StrategyChanges } from '@ml-deploy/aws';
import { isImageReference, parseImageReference } from '@ml-deploy/oci';

export type UpdateStrategy = 'merge' | 'overwrite';

/** Inputs that change the task definition: refused when a registered one is promoted as it is. */
export const RENDER_INPUTS = [
  'image',
  'environment-variables',
  'secrets',
  'command',
  'entry-point',
  'docker-labels',
  'log-configuration-log-driver',
  'log-configuration-options',
  'environment-files',
  'task-role-arn',
  'execution-role-arn',
  'ephemeral-storage',
  'tags',
  'cpu',
  'memory',
  'container-name',
] as const;

export interface Inputs {
  cluster: string;
  /** The first (or only) service; undefined: register only. */
  service: string | undefined;
  /** Every service given (one per line, `SERVICE[=CONTAINER]`); several deploy in parallel. */
  services: ServiceTarget[];
  /** Several services: when one fails, put back every one that moved (`all`) or only the failed one. */
  'rollback-scope': RollbackScope;
  /** A task definition file path; undefined when none was given or it names a registered one. */
  'task-definition': string | undefined;
  /** `task-definition` naming a registered task definition (ARN, family:revision or family): promoted as is. */
  'task-definition-ref': string | undefined;
  'container-name': string | undefined;
  image: string | undefined;
  'environment-variables': Array<[string, string]>;
  secrets: Array<[string, string]>;
  /** merge: set the given names, keep the others; overwrite: the given list is the whole list. */
  'environment-variables-update-strategy': UpdateStrategy;
  'secrets-update-strategy': UpdateStrategy;
  command: string[] | undefined;
  'entry-point': string[] | undefined;
  'docker-labels': Array<[string, string]>;
  /** log-configuration-log-driver with log-configuration-options. */
  'log-configuration': { logDriver: string; options: Array<[string, string]> } | undefined;
  'environment-files': string[] | undefined;
  'task-role-arn': string | undefined;
  'execution-role-arn': string | undefined;
  'ephemeral-storage': number | undefined;
  tags: Array<[string, string]>;
  cpu: string | undefined;
  memory: string | undefined;
  'desired-count': number | undefined;
  'force-new-deployment': boolean;
  'circuit-breaker': CircuitBreakerMode;
  /** ECS's own deployment strategy and its settings (undefined fields keep the service's). */
  strategy: StrategyChanges;
  /** enable-ecs-managed-tags and propagate-tags (undefined keeps the service's). */
  'service-tagging': ServiceTagging;
  'wait-for-deployment': boolean;
  timeout: number;
  'rollback-on-failure': boolean;
  'max-failed-tasks': number | undefined;
  'max-attempts': number;
  region: string | undefined;
  'report-path': string | undefined;
}

/** Reads and checks every input; throws InputError naming the first bad one. */
export function parseInputs(read: InputReader): Inputs {
  const required = (name: string): string => {
    const v = read(name);
    if (v === undefined) throw new InputError(name, '', 'a value (this input is required)');
    return v.trim();
  };
  const optional = (name: string): string | undefined => read(name)?.trim();

  const cluster = required('cluster');
  const clusterRef = checkClusterRef(cluster);
  if (!clusterRef.ok) throw new InputError('cluster', cluster, clusterRef.why);
  const services = parseServices(optional('service'), clusterRef.name);
  const service = services[0]?.service;
  const taskDefinition = optional('task-definition');
  if (!service && !taskDefinition) {
    throw new InputError('task-definition', '', "a task definition file, or a 'service' to render it from");
  }
  const perServiceContainer = services.find((t) => t.containerName !== undefined);
  if (perServiceContainer && optional('container-name') !== undefined) {
    throw new InputError('container-name', optional('container-name')!, "no value when 'service' names the container of each service (SERVICE=CONTAINER)");
  }
  if (perServiceContainer && taskDefinition !== undefined) {
    throw new InputError('service', `${perServiceContainer.service}=${perServiceContainer.containerName}`, "service names without '=CONTAINER' when 'task-definition' is given: one task definition is rendered for every service, its container is 'container-name'");
  }

  const image = optional('image');
  if (image !== undefined) {
    const ref = parseImageReference(image);
    if (!isImageReference(ref)) {
      throw new InputError('image', image, `an image reference such as registry/repo:tag or registry/repo@sha256:<digest> (${ref.error})`);
    }
  }

  const region = optional('region');
  if (region !== undefined && !isRegionName(region)) {
    throw new InputError('region', region, "an AWS region such as 'us-east-1' or 'eusc-de-east-1'");
  }
  const secrets = parseKeyValues('secrets', read('secrets') ?? '');
  for (const [name, source] of secrets) {
    const why = secretRefProblem(source, { region: region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION });
    if (why) {
      throw new InputError('secrets', `${name}=${source}`, `NAME=<Secrets Manager ARN, SSM parameter ARN or SSM parameter name>; ${why}`);
    }
  }
  const environment = parseKeyValues('environment-variables', read('environment-variables') ?? '');
  for (const [name, value] of environment) {
    // No single value can fit in a task definition ECS accepts (64 KiB for the whole document).
    if (Buffer.byteLength(value) >= ECS_LIMITS.taskDefinitionBytes) {
      throw new InputError('environment-variables', `${name}=${value}`, `a value under ${ECS_LIMITS.taskDefinitionBytes / 1024} KiB, the size ECS allows for a whole task definition (this one has ${Buffer.byteLength(value)} bytes); use an environment file or a secret`);
    }
  }

  const cpu = optional('cpu');
  if (cpu !== undefined && !/^(\d+|\d+(\.\d+)? ?vCPU)$/i.test(cpu)) {
    throw new InputError('cpu', cpu, "CPU units such as '256', '1024' or '1 vCPU'");
  }
  const memory = optional('memory');
  if (memory !== undefined && !/^(\d+|\d+(\.\d+)? ?GB)$/i.test(memory)) {
    throw new InputError('memory', memory, "memory in MiB such as '512', or '2 GB'");
  }

  const render = parseRenderFields(read, optional);

  const desired = optional('desired-count');
  const maxFailed = optional('max-failed-tasks');
  const inputs: Inputs = {
    cluster,
    service,
    'task-definition': taskDefinition !== undefined && !isRegisteredRef(taskDefinition) ? taskDefinition : undefined,
    'task-definition-ref': taskDefinition !== undefined && isRegisteredRef(taskDefinition) ? taskDefinition : undefined,
    services,
    'rollback-scope': parseChoice('rollback-scope', optional('rollback-scope') ?? 'all', ['all', 'failed'] as const),
    'container-name': optional('container-name') ?? (services.length === 1 ? services[0]!.containerName : undefined),
    image,
    'environment-variables': environment,
    secrets,
    ...render,
    cpu,
    memory,
    'desired-count': desired === undefined ? undefined : parseInteger('desired-count', desired, { min: 0 }),
    'force-new-deployment': parseBoolean('force-new-deployment', required('force-new-deployment')),
    'circuit-breaker': parseCircuitBreaker(required('circuit-breaker')),
    strategy: parseStrategy(optional),
    'service-tagging': parseServiceTagging(optional),
    'wait-for-deployment': parseBoolean('wait-for-deployment', required('wait-for-deployment')),
    timeout: parseDuration('timeout', required('timeout'), { min: 10_000, max: 6 * 3_600_000 }),
    'rollback-on-failure': parseBoolean('rollback-on-failure', required('rollback-on-failure')),
    'max-failed-tasks': maxFailed === undefined ? undefined : parseInteger('max-failed-tasks', maxFailed, { min: 1 }),
    'max-attempts': parseInteger('max-attempts', required('max-attempts'), { min: 1, max: 20 }),
    region,
    'report-path': optional('report-path'),
  };
  for (const [name, value] of [['enable-ecs-managed-tags', inputs['service-tagging'].enableEcsManagedTags], ['propagate-tags', inputs['service-tagging'].propagateTags]] as const) {
    if (!service && value !== undefined) throw new InputError(name, read(name) ?? '', "a 'service' to set it on (it is a setting of the service, for the tasks it starts)");
  }
  if (!service && Object.values(inputs.strategy).some((v) => v !== undefined)) {
    throw new InputError('deployment-strategy', read('deployment-strategy') ?? '', "a 'service' to apply the strategy settings to");
  }
  if (inputs['task-definition-ref'] !== undefined) {
    if (!service) throw new InputError('service', '', `a service to deploy the registered task definition '${inputs['task-definition-ref']}' to`);
    const given = RENDER_INPUTS.find((n) => (read(n) ?? '').trim() !== '');
    if (given !== undefined) {
      throw new InputError(given, read(given) ?? '', `no value when 'task-definition' names a registered task definition ('${inputs['task-definition-ref']}'): it is deployed as it is, nothing is registered`);
    }
  }
  const changesContainer =
    image !== undefined ||
    inputs['environment-variables'].length > 0 ||
    secrets.length > 0 ||
    inputs['environment-variables-update-strategy'] === 'overwrite' ||
    inputs['secrets-update-strategy'] === 'overwrite' ||
    render.command !== undefined ||
    render['entry-point'] !== undefined ||
    render['docker-labels'].length > 0 ||
    render['log-configuration'] !== undefined ||
    render['environment-files'] !== undefined;
  if (!changesContainer && inputs['container-name'] !== undefined) {
    throw new InputError('container-name', inputs['container-name'], "to be given together with an input that changes a container ('image', 'environment-variables', 'secrets', 'command', 'entry-point', 'docker-labels', 'log-configuration-log-driver', 'environment-files')");
  }
  if (!service && (inputs['desired-count'] !== undefined || inputs['force-new-deployment'])) {
    throw new InputError(inputs['desired-count'] !== undefined ? 'desired-count' : 'force-new-deployment', read(inputs['desired-count'] !== undefined ? 'desired-count' : 'force-new-deployment') ?? '', "a 'service' to apply it to");
  }
  return inputs;
}

type RenderFields = Pick<
  Inputs,
  | 'environment-variables-update-strategy'
  | 'secrets-update-strategy'
  | 'command'
  | 'entry-point'
  | 'docker-labels'
  | 'log-configuration'
  | 'environment-files'
  | 'task-role-arn'
  | 'execution-role-arn'
  | 'ephemeral-storage'
  | 'tags'
>;

/**
 * The render fields beyond image/environment/secrets/size, each checked against ECS's limits and
 * the ECS model. Merge or replace, per field (as the README says): docker labels and tags are
 * merged by key; command, entry point, log configuration, environment files and roles replace
 * what the container or task definition has; environment variables and secrets follow their
 * `*-update-strategy` input.
 */
function parseRenderFields(read: InputReader, optional: (name: string) => string | undefined): RenderFields {
  const words = (name: string): string[] | undefined => {
    const raw = optional(name);
    if (raw === undefined || raw === '') return undefined;
    const parsed = parseCommandWords(raw);
    if ('problem' in parsed) throw new InputError(name, raw, parsed.problem);
    return parsed.words;
  };
  const role = (name: string): string | undefined => {
    const raw = optional(name);
    if (raw === undefined || raw === '') return undefined;
    const why = roleArnProblem(raw);
    if (why) throw new InputError(name, raw, why);
    return raw;
  };

  let logConfiguration: RenderFields['log-configuration'];
  const driver = optional('log-configuration-log-driver');
  const logOptions = parseKeyValues('log-configuration-options', read('log-configuration-options') ?? '');
  if (driver !== undefined && driver !== '') {
    if (!LOG_DRIVERS.includes(driver)) {
      throw new InputError('log-configuration-log-driver', driver, `one of the log drivers ECS supports: ${LOG_DRIVERS.map((d) => `'${d}'`).join(', ')}`);
    }
    if (driver === 'awslogs') {
      const missing = ['awslogs-group', 'awslogs-region'].filter((k) => !logOptions.some(([key]) => key === k));
      if (missing.length) {
        throw new InputError('log-configuration-options', read('log-configuration-options') ?? '', `the awslogs options ${missing.map((k) => `'${k}'`).join(' and ')} (awslogs needs the log group and its region), e.g. awslogs-group=/ecs/model-server, awslogs-region=us-east-1, awslogs-stream-prefix=ecs`);
      }
    }
    logConfiguration = { logDriver: driver, options: logOptions };
  } else if (logOptions.length) {
    throw new InputError('log-configuration-options', read('log-configuration-options') ?? '', "to be given with 'log-configuration-log-driver' (the log configuration is replaced as a whole)");
  }

  let environmentFiles: string[] | undefined;
  const filesRaw = optional('environment-files');
  if (filesRaw !== undefined && filesRaw !== '') {
    environmentFiles = filesRaw
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    if (environmentFiles.length > ENVIRONMENT_FILES_PER_CONTAINER) {
      throw new InputError('environment-files', filesRaw, `at most ${ENVIRONMENT_FILES_PER_CONTAINER} S3 object ARNs, one per line (ECS's limit per container); got ${environmentFiles.length}`);
    }
    for (const file of environmentFiles) {
      const why = environmentFileProblem(file);
      if (why) throw new InputError('environment-files', file, `${why}, one per line`);
    }
    if (new Set(environmentFiles).size !== environmentFiles.length) {
      throw new InputError('environment-files', filesRaw, 'each S3 object once');
    }
  }

  const storageRaw = optional('ephemeral-storage');
  let ephemeralStorage: number | undefined;
  if (storageRaw !== undefined && storageRaw !== '') {
    const m = /^(\d+)\s*(GiB|GB)?$/i.exec(storageRaw);
    const n = m ? Number(m[1]) : NaN;
    if (!m || n < EPHEMERAL_STORAGE_GIB.min || n > EPHEMERAL_STORAGE_GIB.max) {
      throw new InputError('ephemeral-storage', storageRaw, `whole GiB from ${EPHEMERAL_STORAGE_GIB.min} to ${EPHEMERAL_STORAGE_GIB.max} (Fargate's ephemeral storage; 20 GiB is its default), such as '50' or '50 GiB'`);
    }
    ephemeralStorage = n;
  }

  const tags = parseTags(read('tags') ?? '');

  return {
    'environment-variables-update-strategy': parseChoice('environment-variables-update-strategy', optional('environment-variables-update-strategy') ?? 'merge', ['merge', 'overwrite'] as const),
    'secrets-update-strategy': parseChoice('secrets-update-strategy', optional('secrets-update-strategy') ?? 'merge', ['merge', 'overwrite'] as const),
    command: words('command'),
    'entry-point': words('entry-point'),
    'docker-labels': parseKeyValues('docker-labels', read('docker-labels') ?? ''),
    'log-configuration': logConfiguration,
    'environment-files': environmentFiles,
    'task-role-arn': role('task-role-arn'),
    'execution-role-arn': role('execution-role-arn'),
    'ephemeral-storage': ephemeralStorage,
    tags,
  };
}

/**
 * `key=value` tags, one per line (a single line may be comma-separated). Tag keys may hold ':'
 * and '/', which parseKeyValues's keys may not, so tags have their own reader; the key ends at
 * the first '='.
 */
function parseTags(raw: string): Array<[string, string]> {
  if (/\r(?!\n)/.test(raw)) throw new InputError('tags', raw, 'key=value tags, one per line; a carriage return (\\r) may only end a line');
  const lines = raw
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const items = lines.length === 1 ? lines[0]!.split(',').map((x) => x.trim()).filter((x) => x !== '') : lines;
  const tags: Array<[string, string]> = [];
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new InputError('tags', item, 'key=value tags, one per line (or comma-separated on a single line)');
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    const why = tagProblem(key, value);
    if (why) throw new InputError('tags', item, why);
    if (tags.some(([k]) => k === key)) throw new InputError('tags', item, `each tag key once; '${key}' is given twice`);
    tags.push([key, value]);
  }
  if (tags.length > TAG_LIMITS.tags) {
    throw new InputError('tags', raw, `at most ${TAG_LIMITS.tags} tags (ECS's limit per resource); got ${tags.length}`);
  }
  return tags;
}

/** Services at most in one step (DescribeServices describes up to 10 per call). */
export const MAX_SERVICES = 10;

/** `service`: one per line (or comma-separated on one line), each `SERVICE` or `SERVICE=CONTAINER`. */
function parseServices(raw: string | undefined, cluster: string): ServiceTarget[] {
  if (raw === undefined || raw === '') return [];
  const lines = raw.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const items = lines.length === 1 ? lines[0]!.split(',').map((x) => x.trim()).filter((x) => x !== '') : lines;
  if (items.length > MAX_SERVICES) {
    throw new InputError('service', raw, `at most ${MAX_SERVICES} services, one per line (got ${items.length}); split them over several steps or jobs`);
  }
  const targets: ServiceTarget[] = [];
  for (const item of items) {
    const eq = item.indexOf('=');
    const name = (eq >= 0 ? item.slice(0, eq) : item).trim();
    const containerName = eq >= 0 ? item.slice(eq + 1).trim() : undefined;
    const ref = checkServiceRef(name);
    if (!ref.ok) throw new InputError('service', item, `${ref.why}${items.length > 1 || eq >= 0 ? ' (one service per line, SERVICE or SERVICE=CONTAINER)' : ''}`);
    if (ref.cluster !== undefined && ref.cluster !== cluster) {
      throw new InputError('service', item, `a service of cluster '${cluster}' (input 'cluster'); this ARN names cluster '${ref.cluster}'`);
    }
    if (containerName !== undefined && !/^[A-Za-z0-9_-]{1,255}$/.test(containerName)) {
      throw new InputError('service', item, 'SERVICE=CONTAINER, the container name of 1 to 255 letters, digits, hyphens and underscores');
    }
    if (targets.some((t) => t.service === name)) throw new InputError('service', item, `each service once; '${name}' is given twice`);
    targets.push({ service: name, containerName });
  }
  return targets;
}

/** enable-ecs-managed-tags (a boolean) and propagate-tags (the SDK's PropagateTags enum, any case). */
function parseServiceTagging(optional: (name: string) => string | undefined): ServiceTagging {
  const managed = optional('enable-ecs-managed-tags');
  const propagate = optional('propagate-tags');
  let propagateTags: ServiceTagging['propagateTags'];
  if (propagate !== undefined) {
    const v = propagate.trim().toUpperCase().replace(/-/g, '_');
    propagateTags = PROPAGATE_TAGS.find((p) => p === v);
    if (!propagateTags) throw new InputError('propagate-tags', propagate, `one of ${PROPAGATE_TAGS.map((p) => `'${p}'`).join(', ')}`);
  }
  return {
    enableEcsManagedTags: managed === undefined ? undefined : parseBoolean('enable-ecs-managed-tags', managed),
    propagateTags,
  };
}

/** keep | on | off; true/false (any case getBooleanInput takes) mean on/off, as before. */
function parseCircuitBreaker(raw: string): CircuitBreakerMode {
  const v = parseBooleanOrChoice('circuit-breaker', raw, ['keep', 'on', 'off'] as const);
  return v === 'true' ? 'on' : v === 'false' ? 'off' : v;
}

const STRATEGY_NAMES: Record<string, DeploymentStrategyName | undefined> = {
  keep: undefined,
  rolling: 'ROLLING',
  'blue-green': 'BLUE_GREEN',
  linear: 'LINEAR',
  canary: 'CANARY',
};

const HOOK_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
] as const;

const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const ELB_ARN = (kind: string) => new RegExp(`^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}:${kind}/[A-Za-z0-9/_.-]+$`);

/** deployment-strategy and its settings; bad values name their input. */
function parseStrategy(optional: (name: string) => string | undefined): StrategyChanges {
  const rawStrategy = optional('deployment-strategy') ?? 'keep';
  const key = rawStrategy.toLowerCase().replace(/_/g, '-');
  if (!(key in STRATEGY_NAMES)) {
    throw new InputError('deployment-strategy', rawStrategy, "one of 'keep', 'rolling', 'blue-green', 'linear', 'canary'");
  }
  const strategy = STRATEGY_NAMES[key];
  const minutes = (name: string): number | undefined => {
    const raw = optional(name);
    if (raw === undefined) return undefined;
    const ms = raw === '0' ? 0 : parseDuration(name, raw, { min: 0, max: 1440 * 60_000 });
    if (ms % 60_000 !== 0) throw new InputError(name, raw, "whole minutes from '0' to '24h' (ECS counts this time in minutes), such as '10m'");
    return ms / 60_000;
  };
  const percent = (name: string, min: number): number | undefined => {
    const raw = optional(name);
    if (raw === undefined) return undefined;
    const n = Number(raw.replace(/%$/, ''));
    if (!/^\d+(\.\d)?%?$/.test(raw) || n < min || n > 100) {
      throw new InputError(name, raw, `a percentage from ${min} to 100 in steps of 0.1, such as '10'`);
    }
    return n;
  };
  const arn = (name: string, pattern: RegExp, what: string): string | undefined => {
    const raw = optional(name);
    if (raw !== undefined && !pattern.test(raw)) throw new InputError(name, raw, what);
    return raw;
  };
  const changes: StrategyChanges = {
    strategy,
    bakeTimeInMinutes: minutes('bake-time'),
    linearStepPercent: percent('linear-step-percent', 3),
    linearStepBakeTimeInMinutes: minutes('linear-step-bake-time'),
    canaryPercent: percent('canary-percent', 0.1),
    canaryBakeTimeInMinutes: minutes('canary-bake-time'),
  };
  const hookLines = optional('lifecycle-hooks');
  if (hookLines !== undefined && hookLines !== '') {
    const role = arn('lifecycle-hook-role-arn', ROLE_ARN, 'an IAM role ARN such as arn:aws:iam::123456789012:role/ecs-hooks');
    if (role === undefined) throw new InputError('lifecycle-hook-role-arn', '', "the IAM role ECS assumes to invoke the hooks' Lambda functions (required with 'lifecycle-hooks')");
    changes.lifecycleHooks = hookLines
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((line) => {
        const eq = line.indexOf('=');
        const stages = (eq > 0 ? line.slice(0, eq) : '').split('+').map((x) => x.trim());
        const target = line.slice(eq + 1).trim();
        const badStage = stages.find((x) => !(HOOK_STAGES as readonly string[]).includes(x));
        if (eq <= 0 || badStage !== undefined || !LAMBDA_ARN.test(target)) {
          throw new InputError(
            'lifecycle-hooks',
            line,
            `STAGE[+STAGE...]=<Lambda function ARN>, one hook per line; stages: ${HOOK_STAGES.join(', ')}${badStage !== undefined && eq > 0 ? ` ('${badStage}' is not one)` : ''}`,
          );
        }
        return { hookTargetArn: target, roleArn: role, lifecycleStages: stages as (typeof HOOK_STAGES)[number][] };
      });
  } else if (optional('lifecycle-hook-role-arn') !== undefined) {
    arn('lifecycle-hook-role-arn', ROLE_ARN, 'an IAM role ARN such as arn:aws:iam::123456789012:role/ecs-hooks');
  }
  const advanced = {
    alternateTargetGroupArn: arn('alternate-target-group-arn', ELB_ARN('targetgroup'), 'an Elastic Load Balancing target group ARN'),
    productionListenerRule: arn('production-listener-rule', ELB_ARN('(listener-rule|listener)'), 'an Elastic Load Balancing listener rule (ALB) or listener (NLB) ARN'),
    testListenerRule: arn('test-listener-rule', ELB_ARN('(listener-rule|listener)'), 'an Elastic Load Balancing listener rule (ALB) or listener (NLB) ARN'),
    roleArn: arn('load-balancer-role-arn', ROLE_ARN, 'an IAM role ARN that lets ECS change the load balancer'),
  };
  const givenAdvanced = Object.entries(advanced).filter(([, v]) => v !== undefined);
  if (givenAdvanced.length) {
    changes.advancedConfiguration = Object.fromEntries(givenAdvanced);
  }
  const mismatch = (name: string, needs: DeploymentStrategyName) => {
    if (optional(name) !== undefined && strategy !== undefined && strategy !== needs) {
      throw new InputError(name, optional(name)!, `to be given with deployment-strategy '${needs.toLowerCase().replace('_', '-')}' (or 'keep'), not '${rawStrategy}'`);
    }
  };
  mismatch('linear-step-percent', 'LINEAR');
  mismatch('linear-step-bake-time', 'LINEAR');
  mismatch('canary-percent', 'CANARY');
  mismatch('canary-bake-time', 'CANARY');
  return changes;
}

const TASK_DEFINITION_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+$/;
const FAMILY_REF = /^[A-Za-z0-9_-]{1,255}(:\d+)?$/;

/**
 * A registered task definition rather than a file: an ARN, `family:revision`, or a bare family
 * name (no path separator, no extension). `./taskdef` or `taskdef.json` stay files.
 */
export function isRegisteredRef(value: string): boolean {
  return TASK_DEFINITION_ARN.test(value) || FAMILY_REF.test(value);
}
