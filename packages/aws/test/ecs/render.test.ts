import { describe, expect, it } from '@jest/globals';
import { InputError, UserError } from '@ml-deploy/action-kit';
import {
  applyChanges,
  environmentFileProblem,
  imageDigest,
  LOG_DRIVERS,
  normaliseTaskDefinition,
  parseCommandWords,
  type RenderChanges,
  roleArnProblem,
  tagProblem,
} from '@ml-deploy/aws';

/** What DescribeTaskDefinition returns for a running service (shape of the real API answer). */
const described = {
  taskDefinition: {
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/model-server:7',
    family: 'model-server',
    revision: 7,
    status: 'ACTIVE',
    compatibilities: ['EC2', 'FARGATE'],
    requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
    registeredAt: '2026-11-01T10:00:00Z',
    registeredBy: 'arn:aws:sts::123456789012:assumed-role/ci/x',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: null,
    containerDefinitions: [
      {
        name: 'model-server',
        image: 'registry.example/model:1',
        essential: true,
        environment: [{ name: 'MODEL_VERSION', value: '1' }, { name: 'THREADS', value: '2' }],
        secrets: [{ name: 'API_KEY', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:k-1' }],
      },
      { name: 'log-router', image: 'registry.example/fluent-bit:3', essential: false },
    ],
  },
  tags: [{ key: 'team', value: 'ml' }],
};

const none: RenderChanges = { containerName: undefined, image: undefined, environment: [], secrets: [], cpu: undefined, memory: undefined };

describe('normaliseTaskDefinition', () => {
  it('drops read-only fields and nulls, keeps tags', () => {
    const td = normaliseTaskDefinition(described, { label: 'x' });
    expect(Object.keys(td).sort()).toEqual(
      ['containerDefinitions', 'cpu', 'family', 'memory', 'networkMode', 'requiresCompatibilities', 'tags'].sort(),
    );
    expect(td.tags).toEqual([{ key: 'team', value: 'ml' }]);
  });

  it('accepts the bare object', () => {
    expect(normaliseTaskDefinition(described.taskDefinition, { label: 'x' }).family).toBe('model-server');
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', [1, 2], /no JSON object/],
    ['no family', { containerDefinitions: [{ name: 'a' }] }, /'family' is missing/],
    ['no containers', { family: 'f', containerDefinitions: [] }, /'containerDefinitions' is missing or empty/],
    ['nameless container', { family: 'f', containerDefinitions: [{ image: 'x' }] }, /containerDefinitions\[0\] has no 'name'/],
    ['typo field', { family: 'f', containerDefinitions: [{ name: 'a' }], memmory: '512' }, /unknown field 'memmory'/],
    ['PascalCase', { Family: 'f', ContainerDefinitions: [] }, /unknown fields 'Family', 'ContainerDefinitions'.*camelCase/],
  ])('rejects %s, naming the input', (_n, raw, why) => {
    expect(() => normaliseTaskDefinition(raw, { input: 'task-definition', label: 'td.json' })).toThrow(InputError);
    expect(() => normaliseTaskDefinition(raw, { input: 'task-definition', label: 'td.json' })).toThrow(why);
  });

  it('blames the running service, not an input, when rendering from it', () => {
    expect(() => normaliseTaskDefinition({ family: 'f' }, { label: 'the running one' })).toThrow(UserError);
  });
});

describe('applyChanges', () => {
  const base = normaliseTaskDefinition(described, { label: 'x' });

  it('replaces the image of the named container only', () => {
    const r = applyChanges(base, { ...none, containerName: 'model-server', image: 'registry.example/model:2' });
    expect(r.taskDefinition.containerDefinitions![0]!.image).toBe('registry.example/model:2');
    expect(r.taskDefinition.containerDefinitions![1]!.image).toBe('registry.example/fluent-bit:3');
    expect(r.changes).toEqual(['image: registry.example/model:1 → registry.example/model:2']);
    // the base is untouched
    expect(base.containerDefinitions![0]!.image).toBe('registry.example/model:1');
  });

  it('merges environment and secrets: replace by name, append new, keep the rest in order', () => {
    const r = applyChanges(base, {
      ...none,
      containerName: 'model-server',
      environment: [['THREADS', '4'], ['NEW', 'x']],
      secrets: [['DB', 'arn:aws:ssm:us-east-1:123456789012:parameter/db'], ['API_KEY', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:k-2']],
    });
    const c = r.taskDefinition.containerDefinitions![0]!;
    expect(c.environment).toEqual([
      { name: 'MODEL_VERSION', value: '1' },
      { name: 'THREADS', value: '4' },
      { name: 'NEW', value: 'x' },
    ]);
    expect(c.secrets).toEqual([
      { name: 'API_KEY', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:k-2' },
      { name: 'DB', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' },
    ]);
    expect(r.changes).toEqual(['environment: ~THREADS +NEW', 'secrets: +DB ~API_KEY']);
  });

  it('sets task size', () => {
    const r = applyChanges(base, { ...none, cpu: '1024', memory: '2048' });
    expect(r.taskDefinition).toMatchObject({ cpu: '1024', memory: '2048' });
    expect(r.changes).toEqual(['cpu: 256 → 1024', 'memory: 512 → 2048']);
  });

  it('lists the container names when the named one is missing', () => {
    expect(() => applyChanges(base, { ...none, containerName: 'web', image: 'r/m:1' })).toThrow(
      /input 'container-name': got "web", expected a container of task definition 'model-server': 'model-server', 'log-router'/,
    );
  });

  it('needs container-name when there are several containers', () => {
    expect(() => applyChanges(base, { ...none, image: 'r/m:1' })).toThrow(/input 'container-name'.*has 2: 'model-server', 'log-router'/);
  });

  it('uses the only container when there is one', () => {
    const single = { ...base, containerDefinitions: [base.containerDefinitions![0]!] };
    expect(applyChanges(single, { ...none, image: 'r/m:9' }).containerName).toBe('model-server');
  });

  it('refuses a secret that shadows a plain variable', () => {
    expect(() =>
      applyChanges(base, { ...none, containerName: 'model-server', secrets: [['THREADS', 'arn:aws:ssm:us-east-1:123456789012:parameter/t']] }),
    ).toThrow(/input 'secrets'.*not already set as a plain environment variable/);
  });
});

describe('applyChanges: the render fields, merge or replace per field', () => {
  const base = normaliseTaskDefinition(
    {
      ...described,
      taskDefinition: {
        ...described.taskDefinition,
        taskRoleArn: 'arn:aws:iam::123456789012:role/old-task',
        containerDefinitions: [
          {
            ...described.taskDefinition.containerDefinitions[0],
            command: ['serve', '--old'],
            dockerLabels: { team: 'ml', tier: 'web' },
            logConfiguration: { logDriver: 'json-file', options: { 'max-size': '10m' } },
            environmentFiles: [{ value: 'arn:aws:s3:::cfg/old.env', type: 's3' }],
          },
          described.taskDefinition.containerDefinitions[1],
        ],
      },
    },
    { label: 'x' },
  );
  const c0 = (r: ReturnType<typeof applyChanges>) => r.taskDefinition.containerDefinitions![0]!;
  const on = { ...none, containerName: 'model-server' };

  it('environment overwrite: the given list is the whole list, removals marked', () => {
    const r = applyChanges(base, { ...on, environment: [['THREADS', '8'], ['NEW', '1']], environmentStrategy: 'overwrite' });
    expect(c0(r).environment).toEqual([{ name: 'THREADS', value: '8' }, { name: 'NEW', value: '1' }]);
    expect(r.changes).toEqual(['environment (overwrite): -MODEL_VERSION +NEW ~THREADS']);
  });

  it('environment overwrite with nothing given removes every variable', () => {
    const r = applyChanges(base, { ...on, environmentStrategy: 'overwrite' });
    expect(c0(r).environment).toEqual([]);
    expect(r.changes).toEqual(['environment (overwrite): -MODEL_VERSION -THREADS']);
  });

  it('secrets overwrite removes the ones not given; merge keeps them', () => {
    const db = 'arn:aws:ssm:us-east-1:123456789012:parameter/db';
    const over = applyChanges(base, { ...on, secrets: [['DB', db]], secretsStrategy: 'overwrite' });
    expect(c0(over).secrets).toEqual([{ name: 'DB', valueFrom: db }]);
    expect(over.changes).toEqual(['secrets (overwrite): -API_KEY +DB']);
    const merged = applyChanges(base, { ...on, secrets: [['DB', db]] });
    expect(c0(merged).secrets!.map((s) => s.name)).toEqual(['API_KEY', 'DB']);
    const none_ = applyChanges(base, { ...on, secretsStrategy: 'overwrite' });
    expect(c0(none_).secrets).toEqual([]);
  });

  it('command and entry point replace; docker labels merge by key', () => {
    const r = applyChanges(base, { ...on, command: ['serve', '--port', '8080'], entryPoint: ['/init'], dockerLabels: [['tier', 'api'], ['owner', 'me']] });
    expect(c0(r)).toMatchObject({ command: ['serve', '--port', '8080'], entryPoint: ['/init'], dockerLabels: { team: 'ml', tier: 'api', owner: 'me' } });
    expect(r.changes).toEqual([
      'command: ["serve","--old"] → ["serve","--port","8080"]',
      'entry point: [] → ["/init"]',
      'docker labels: ~tier +owner',
    ]);
  });

  it('log configuration and environment files replace the container\'s', () => {
    const r = applyChanges(base, {
      ...on,
      logConfiguration: { logDriver: 'awslogs', options: [['awslogs-group', '/ecs/m'], ['awslogs-region', 'us-east-1']] },
      environmentFiles: ['arn:aws:s3:::cfg/new.env'],
    });
    expect(c0(r).logConfiguration).toEqual({ logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/m', 'awslogs-region': 'us-east-1' } });
    expect(c0(r).environmentFiles).toEqual([{ value: 'arn:aws:s3:::cfg/new.env', type: 's3' }]);
    expect(r.changes).toEqual(['log configuration: json-file → awslogs', 'environment files: 1 → 1']);
  });

  it('roles, ephemeral storage and tags (merged) at task level, the other container untouched', () => {
    const r = applyChanges(base, {
      ...none,
      taskRoleArn: 'arn:aws:iam::123456789012:role/new-task',
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      ephemeralStorageGiB: 50,
      tags: [['team', 'search'], ['cost-center', '42']],
    });
    expect(r.taskDefinition).toMatchObject({
      taskRoleArn: 'arn:aws:iam::123456789012:role/new-task',
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      ephemeralStorage: { sizeInGiB: 50 },
      tags: [{ key: 'team', value: 'search' }, { key: 'cost-center', value: '42' }],
    });
    expect(r.changes).toEqual([
      'task role: arn:aws:iam::123456789012:role/old-task → arn:aws:iam::123456789012:role/new-task',
      'execution role: (none) → arn:aws:iam::123456789012:role/exec',
      'ephemeral storage: 20 GiB → 50 GiB',
      'tags: ~team +cost-center',
    ]);
    expect(r.taskDefinition.containerDefinitions![1]).toEqual(base.containerDefinitions![1]);
  });

  it('a field given with the value the task definition already has is no change', () => {
    const r = applyChanges(base, { ...on, command: ['serve', '--old'], dockerLabels: [['team', 'ml']], taskRoleArn: 'arn:aws:iam::123456789012:role/old-task' });
    expect(r.changes).toEqual([]);
  });
});

describe('render field checks', () => {
  it.each<[string, string | undefined]>([
    ['arn:aws:iam::123456789012:role/ecsTaskRole', undefined],
    ['arn:aws:iam::123456789012:role/service-role/ecs.task+x=y,z@q', undefined],
    ['arn:aws-us-gov:iam::123456789012:role/r', undefined],
    ['ecsTaskRole', 'an IAM role ARN'],
    ['arn:aws:iam::12345:role/r', 'an IAM role ARN'],
    ['arn:aws:iam::123456789012:user/r', 'an IAM role ARN'],
    [`arn:aws:iam::123456789012:role/${'r'.repeat(65)}`, 'a role name of 1 to 64'],
    ['arn:aws:sts::123456789012:assumed-role/r/s', 'not an assumed-role session ARN'],
  ])('role ARN %s', (value, why) => {
    const got = roleArnProblem(value);
    if (why === undefined) expect(got).toBeUndefined();
    else expect(got).toContain(why);
  });

  it.each<[string, string | undefined]>([
    ['arn:aws:s3:::my-bucket/config/app.env', undefined],
    ['arn:aws-cn:s3:::my.bucket/app.env', undefined],
    ['s3://my-bucket/app.env', 'an S3 object ARN'],
    ['arn:aws:s3:::my-bucket/app.txt', 'ends in .env'],
    ['arn:aws:s3:::My_Bucket/app.env', 'is not a bucket name'],
    ['arn:aws:s3:::ab/app.env', 'is not a bucket name'],
    ['arn:aws:s3:::my-bucket', 'an S3 object ARN'],
  ])('environment file %s', (value, why) => {
    const got = environmentFileProblem(value);
    if (why === undefined) expect(got).toBeUndefined();
    else expect(got).toContain(why);
  });

  it.each<[string, string, string | undefined]>([
    ['team', 'ml', undefined],
    ['app:component/x', 'a b=c+d@e', undefined],
    ['équipe', 'données', undefined],
    ['aws:cloudformation:stack', 'x', "not starting with 'aws:'"],
    ['AWS:x', 'x', "not starting with 'aws:'"],
    ['k'.repeat(129), 'x', 'at most 128'],
    ['k', 'v'.repeat(257), 'at most 256'],
    ['k', 'v'.repeat(256), undefined],
    ['bad;key', 'x', 'letters, digits, spaces'],
    ['k', 'a\u200bb', 'letters, digits, spaces'],
  ])('tag %s=%s', (key, value, why) => {
    const got = tagProblem(key, value);
    if (why === undefined) expect(got).toBeUndefined();
    else expect(got).toContain(why);
  });

  it('reads command words: JSON arrays, spaces, quotes', () => {
    expect(parseCommandWords('["python", "-m", "serve"]')).toEqual({ words: ['python', '-m', 'serve'] });
    expect(parseCommandWords('sh -c "serve --port 8080"')).toEqual({ words: ['sh', '-c', 'serve --port 8080'] });
    expect(parseCommandWords("echo 'a \"b' \"\"")).toEqual({ words: ['echo', 'a "b', ''] });
    expect(parseCommandWords('sh -c "x')).toEqual({ problem: expect.stringContaining('double quote is not closed') });
    expect(parseCommandWords('[1, 2]')).toEqual({ problem: expect.stringContaining('JSON array of strings') });
    expect(parseCommandWords('["a"')).toEqual({ problem: expect.stringContaining('does not parse') });
  });

  it('log drivers come from the SDK model', () => {
    expect([...LOG_DRIVERS].sort()).toEqual(['awsfirelens', 'awslogs', 'fluentd', 'gelf', 'journald', 'json-file', 'splunk', 'syslog']);
  });
});

describe('imageDigest', () => {
  it('reads a pinned digest only', () => {
    const d = `sha256:${'c'.repeat(64)}`;
    expect(imageDigest(`r/m@${d}`)).toBe(d);
    expect(imageDigest(`r/m:1@${d}`)).toBe(d);
    expect(imageDigest('r/m:1')).toBeUndefined();
  });
});
