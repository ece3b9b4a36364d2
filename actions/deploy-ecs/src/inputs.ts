/**
 * deploy-ecs inputs: the only place they are parsed. Keys are spelled as in deploy-ecs/action.yml,
 * defaults live there (the runner fills them in), and every check that needs no cloud call runs
 * here, before anything changes.
 */
import {
  InputError,
  type InputReader,
  parseBoolean,
  parseDuration,
  parseInteger,
  parseKeyValues,
} from '@ml-deploy/action-kit';
import { isImageReference, parseImageReference } from '@ml-deploy/oci';

export interface Inputs {
  cluster: string;
  service: string | undefined;
  'task-definition': string | undefined;
  'container-name': string | undefined;
  image: string | undefined;
  'environment-variables': Array<[string, string]>;
  secrets: Array<[string, string]>;
  cpu: string | undefined;
  memory: string | undefined;
  'desired-count': number | undefined;
  'force-new-deployment': boolean;
  'circuit-breaker': boolean;
  'wait-for-deployment': boolean;
  timeout: number;
  'rollback-on-failure': boolean;
  'max-failed-tasks': number | undefined;
  'max-attempts': number;
  region: string | undefined;
  'report-path': string | undefined;
}

const SECRET_SOURCE = /^(arn:aws[a-z-]*:(secretsmanager|ssm):[a-z0-9-]+:\d{12}:.+|[A-Za-z0-9_.\-/]+)$/;

/** Reads and checks every input; throws InputError naming the first bad one. */
export function parseInputs(read: InputReader): Inputs {
  const required = (name: string): string => {
    const v = read(name);
    if (v === undefined) throw new InputError(name, '', 'a value (this input is required)');
    return v.trim();
  };
  const optional = (name: string): string | undefined => read(name)?.trim();

  const cluster = required('cluster');
  const service = optional('service');
  const taskDefinition = optional('task-definition');
  if (!service && !taskDefinition) {
    throw new InputError('task-definition', '', "a task definition file, or a 'service' to render it from");
  }
  if (service !== undefined && !/^[A-Za-z0-9_:/.-]{1,1600}$/.test(service)) {
    throw new InputError('service', service, 'an ECS service name or ARN');
  }

  const image = optional('image');
  if (image !== undefined) {
    const ref = parseImageReference(image);
    if (!isImageReference(ref)) {
      throw new InputError('image', image, `an image reference such as registry/repo:tag or registry/repo@sha256:<digest> (${ref.error})`);
    }
  }

  const secrets = parseKeyValues('secrets', read('secrets') ?? '');
  for (const [name, source] of secrets) {
    if (!SECRET_SOURCE.test(source)) {
      throw new InputError('secrets', `${name}=${source}`, 'NAME=<Secrets Manager or SSM parameter ARN, or SSM parameter name>');
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

  const desired = optional('desired-count');
  const maxFailed = optional('max-failed-tasks');
  const inputs: Inputs = {
    cluster,
    service,
    'task-definition': taskDefinition,
    'container-name': optional('container-name'),
    image,
    'environment-variables': parseKeyValues('environment-variables', read('environment-variables') ?? ''),
    secrets,
    cpu,
    memory,
    'desired-count': desired === undefined ? undefined : parseInteger('desired-count', desired, { min: 0 }),
    'force-new-deployment': parseBoolean('force-new-deployment', required('force-new-deployment')),
    'circuit-breaker': parseBoolean('circuit-breaker', required('circuit-breaker')),
    'wait-for-deployment': parseBoolean('wait-for-deployment', required('wait-for-deployment')),
    timeout: parseDuration('timeout', required('timeout'), { min: 10_000, max: 6 * 3_600_000 }),
    'rollback-on-failure': parseBoolean('rollback-on-failure', required('rollback-on-failure')),
    'max-failed-tasks': maxFailed === undefined ? undefined : parseInteger('max-failed-tasks', maxFailed, { min: 1 }),
    'max-attempts': parseInteger('max-attempts', required('max-attempts'), { min: 1, max: 20 }),
    region: optional('region'),
    'report-path': optional('report-path'),
  };
  if (inputs.region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(inputs.region)) {
    throw new InputError('region', inputs.region, "an AWS region such as 'us-east-1'");
  }
  const changesContainer = image !== undefined || inputs['environment-variables'].length > 0 || secrets.length > 0;
  if (!changesContainer && inputs['container-name'] !== undefined) {
    throw new InputError('container-name', inputs['container-name'], "to be given together with 'image', 'environment-variables' or 'secrets'");
  }
  if (!service && (inputs['desired-count'] !== undefined || inputs['force-new-deployment'])) {
    throw new InputError(inputs['desired-count'] !== undefined ? 'desired-count' : 'force-new-deployment', read(inputs['desired-count'] !== undefined ? 'desired-count' : 'force-new-deployment') ?? '', "a 'service' to apply it to");
  }
  return inputs;
}
