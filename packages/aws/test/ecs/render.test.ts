import { describe, expect, it } from '@jest/globals';
import { InputError, UserError } from '@ml-deploy/action-kit';
import { applyChanges, imageDigest, normaliseTaskDefinition, type RenderChanges } from '@ml-deploy/aws';

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

describe('imageDigest', () => {
  it('reads a pinned digest only', () => {
    const d = `sha256:${'c'.repeat(64)}`;
    expect(imageDigest(`r/m@${d}`)).toBe(d);
    expect(imageDigest(`r/m:1@${d}`)).toBe(d);
    expect(imageDigest('r/m:1')).toBeUndefined();
  });
});
