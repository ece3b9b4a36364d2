import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { InputError, UserError } from '@ml-deploy/action-kit';
import { repoRoot } from '@ml-deploy/test/action-yml';
import {
  assertTaskDefinition,
  ENUM_FIELDS,
  fargateSizeProblem,
  LENGTH_FIELDS,
  taskDefinitionIssues,
} from '../../src/index';

const D = 'd'.repeat(64);
const base = () => ({
  family: 'model-server',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '1024',
  memory: '2048',
  containerDefinitions: [
    { name: 'app', image: `registry.example/model@sha256:${D}`, essential: true, environment: [{ name: 'A', value: '1' }], portMappings: [{ containerPort: 8080, protocol: 'tcp' }] },
  ] as Array<Record<string, unknown>>,
});
type TD = ReturnType<typeof base> & Record<string, unknown>;

const cases: Array<[string, (td: TD) => void, RegExp]> = [
  ['env value a number', (td) => { td.containerDefinitions[0]!.environment = [{ name: 'A', value: 5 }]; }, /containerDefinitions\[0\]\.environment\[0\]\.value is the number 5, expected a string \(quote it: "5"\)/],
  ['env value a boolean', (td) => { td.containerDefinitions[0]!.environment = [{ name: 'A', value: true }]; }, /environment\[0\]\.value is true, expected a string/],
  ['env value null', (td) => { td.containerDefinitions[0]!.environment = [{ name: 'A', value: null }]; }, /environment\[0\]\.value is null/],
  ['env value an object', (td) => { td.containerDefinitions[0]!.environment = [{ name: 'A', value: { x: 1 } }]; }, /environment\[0\]\.value is an object, expected a string/],
  ['env entry without name', (td) => { td.containerDefinitions[0]!.environment = [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '' }, { value: '3' }]; }, /containerDefinitions\[0\]\.environment\[3\]\.name is missing/],
  ['env name with a space', (td) => { td.containerDefinitions[0]!.environment = [{ name: 'MY VAR', value: '1' }]; }, /environment\[0\]\.name is "MY VAR"/],
  ['env given as a map', (td) => { td.containerDefinitions[0]!.environment = { A: '1' }; }, /environment is an object, expected a list/],
  ['container without image', (td) => { delete td.containerDefinitions[0]!.image; }, /containerDefinitions\[0\]\.image is missing/],
  ['container without name', (td) => { delete td.containerDefinitions[0]!.name; }, /containerDefinitions\[0\]\.name is missing/],
  ['duplicate container names', (td) => { td.containerDefinitions.push({ name: 'app', image: 'nginx' }); }, /containerDefinitions\[1\]\.name 'app' is also the name of containerDefinitions\[0\]/],
  ['11 containers', (td) => { for (let i = 1; i <= 10; i++) td.containerDefinitions.push({ name: `c${i}`, image: 'nginx', essential: false }); }, /has 11 containers; ECS allows at most 10/],
  ['container name with a space', (td) => { td.containerDefinitions[0]!.name = 'my app'; }, /containerDefinitions\[0\]\.name is "my app"/],
  ['family with a space', (td) => { td.family = 'model server'; }, /^family is "model server"/],
  ['invalid image', (td) => { td.containerDefinitions[0]!.image = 'Registry/Model:1:2'; }, /containerDefinitions\[0\]\.image is "Registry\/Model:1:2", not a valid image reference/],
  ['64-hex repository', (td) => { td.containerDefinitions[0]!.image = `${D}:1`; }, /image ID/],
  ['Fargate without cpu', (td) => { delete (td as Record<string, unknown>).cpu; }, /^cpu is required at task level when requiresCompatibilities has FARGATE/],
  ['Fargate without memory', (td) => { delete (td as Record<string, unknown>).memory; }, /^memory is required at task level/],
  ['Fargate 256 with 4096', (td) => { td.cpu = '256'; td.memory = '4096'; }, /does not offer 256 CPU units with 4096 MiB/],
  ['Fargate 1024 with 1024', (td) => { td.cpu = '1024'; td.memory = '1024'; }, /does not offer 1024 CPU units with 1024 MiB.*2048 to 8192 in steps of 1024/],
  ['Fargate 8 vCPU off its 4 GB steps', (td) => { td.cpu = '8 vCPU'; td.memory = '17408'; }, /8192 CPU units with 17408 MiB.*16384 to 61440 in steps of 4096/],
  ['Fargate cpu not a size', (td) => { td.cpu = '3072'; td.memory = '8192'; }, /offers task CPU of 256, 512, 1024, 2048, 4096, 8192, 16384 units, not 3072/],
  ['Fargate with bridge networking', (td) => { td.networkMode = 'bridge'; }, /networkMode is "bridge"; tasks on Fargate use 'awsvpc'/],
  ['cpu as a number', (td) => { (td as Record<string, unknown>).cpu = 1024; }, /^cpu is the number 1024, expected a string \(quote it: "1024"\)/],
  ['unknown nested field', (td) => { td.containerDefinitions[0]!.enviroment = []; }, /containerDefinitions\[0\]\.enviroment is not a field of ContainerDefinition/],
  ['wrong case field', (td) => { td.containerDefinitions[0]!.Image = 'x'; }, /did you mean 'image'/],
  ['enum: networkMode', (td) => { td.networkMode = 'AWSVPC'; }, /networkMode is "AWSVPC", expected one of .* \(spelled 'awsvpc'\)/],
  ['enum: protocol', (td) => { td.containerDefinitions[0]!.portMappings = [{ containerPort: 80, protocol: 'http' }]; }, /portMappings\[0\]\.protocol is "http", expected one of tcp, udp/],
  ['enum: compatibilities', (td) => { td.requiresCompatibilities = ['FARGATE', 'LAMBDA']; }, /requiresCompatibilities\[1\] is "LAMBDA"/],
  ['enum: log driver', (td) => { td.containerDefinitions[0]!.logConfiguration = { logDriver: 'cloudwatch' }; }, /logConfiguration\.logDriver is "cloudwatch", expected one of .*awslogs/],
  ['required member: log driver', (td) => { td.containerDefinitions[0]!.logConfiguration = { options: {} }; }, /logConfiguration\.logDriver is required in LogConfiguration/],
  ['number as string', (td) => { td.containerDefinitions[0]!.portMappings = [{ containerPort: '8080' }]; }, /containerPort is the string "8080", expected a number \(without quotes: 8080\)/],
  ['fractional number', (td) => { td.containerDefinitions[0]!.memory = 512.5; }, /containerDefinitions\[0\]\.memory is 512.5, expected a whole number/],
  ['boolean as string', (td) => { td.containerDefinitions[0]!.essential = 'true'; }, /essential is the string "true", expected true or false/],
  ['no essential container', (td) => { td.containerDefinitions[0]!.essential = false; }, /no essential container/],
  ['tag key too long', (td) => { (td as Record<string, unknown>).tags = [{ key: 'k'.repeat(129), value: 'v' }]; }, /tags\[0\]\.key has length 129, expected 1 to 128/],
  ['51 tags', (td) => { (td as Record<string, unknown>).tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' })); }, /^tags has length 51, expected 0 to 50/],
  ['secret that cannot exist', (td) => { td.containerDefinitions[0]!.secrets = [{ name: 'K', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:' }]; }, /secrets\[0\]\.valueFrom cannot name a secret: the secret's name after 'secret:' is empty/],
  ['secret without valueFrom', (td) => { td.containerDefinitions[0]!.secrets = [{ name: 'K' }]; }, /secrets\[0\]\.valueFrom is required in Secret/],
  ['a 1 MB document', (td) => { td.containerDefinitions[0]!.environment = [{ name: 'BIG', value: 'x'.repeat(1024 * 1024) }]; }, /1025 KiB as JSON; ECS accepts at most 64 KiB/],
];

describe('taskDefinitionIssues', () => {
  it('finds nothing in a valid Fargate task definition', () => {
    expect(taskDefinitionIssues(base(), { stage: 'rendered' })).toEqual([]);
  });

  it.each(cases)('%s', (_label, mutate, expected) => {
    const td = base() as TD;
    mutate(td);
    const issues = taskDefinitionIssues(td, { stage: 'rendered', region: 'us-east-1' });
    expect(issues.map((i) => `${i.path} ${i.problem}`.trim())).toContainEqual(expect.stringMatching(expected));
  });

  it('leaves image placeholders in a file to the image input (stage file)', () => {
    const td = base() as TD;
    td.containerDefinitions[0]!.image = '<IMAGE>';
    expect(taskDefinitionIssues(td, { stage: 'file' })).toEqual([]);
    expect(taskDefinitionIssues(td, { stage: 'rendered' })).toHaveLength(1);
  });

  it('accepts every pair of the Fargate table and nothing next to it', () => {
    const table: Array<[number, number[]]> = [
      [256, [512, 1024, 2048]],
      [512, [1024, 2048, 3072, 4096]],
      [1024, [2048, 3072, 4096, 5120, 6144, 7168, 8192]],
    ];
    for (const [cpu, mems] of table) {
      for (const m of mems) expect(fargateSizeProblem(String(cpu), String(m))).toBeUndefined();
      expect(fargateSizeProblem(String(cpu), String(mems[0]! - 512))).toBeDefined();
      expect(fargateSizeProblem(String(cpu), String(mems.at(-1)! + 1024))).toBeDefined();
    }
    expect(fargateSizeProblem('4096', '30720')).toBeUndefined();
    expect(fargateSizeProblem('4096', '31744')).toBeDefined();
    expect(fargateSizeProblem('16 vCPU', '120 GB')).toBeUndefined();
    expect(fargateSizeProblem('16384', '36864')).toBeDefined();
    expect(fargateSizeProblem('0.5 vCPU', '1 GB')).toBeUndefined();
  });

  it('throws an InputError naming the input and file, or a UserError naming the source', () => {
    const td = base() as TD;
    td.containerDefinitions[0]!.environment = [{ name: 'A', value: 5 }];
    expect(() => assertTaskDefinition(td, { input: 'task-definition', label: 'td.json' }, { stage: 'file' })).toThrow(InputError);
    expect(() => assertTaskDefinition(td, { input: 'task-definition', label: 'td.json' }, { stage: 'file' })).toThrow(
      /^input 'task-definition': got "td.json", expected an ECS task definition: containerDefinitions\[0\]\.environment\[0\]\.value is the number 5/,
    );
    let err: unknown;
    try {
      assertTaskDefinition(td, { label: "task definition x:3 that service 'api' runs" }, { stage: 'rendered' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect(err).not.toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^task definition x:3 that service 'api' runs is not a task definition ECS accepts once rendered/);
  });

  it('shows the first five issues and counts the rest', () => {
    const td = base() as TD;
    td.containerDefinitions[0]!.environment = Array.from({ length: 8 }, (_, i) => ({ name: `V${i}`, value: i }));
    expect(() => assertTaskDefinition(td, { input: 'task-definition', label: 'td.json' }, { stage: 'file' })).toThrow(/; and 3 more$/);
  });
});

/** botocore's copy of the ECS model (moto's dependency, in the test environment) is the reference. */
function botocoreModel(): Record<string, unknown> {
  const python = [join(repoRoot, '.venv/bin/python'), 'python3'].find((p) => p === 'python3' || existsSync(p))!;
  const out = execFileSync(python, ['-c', [
    'import gzip, json, os, botocore',
    "d = os.path.join(os.path.dirname(botocore.__file__), 'data', 'ecs')",
    "v = sorted(os.listdir(d))[-1]",
    "p = os.path.join(d, v, 'service-2.json')",
    "f = gzip.open(p + '.gz') if os.path.exists(p + '.gz') else open(p, 'rb')",
    'print(f.read().decode())',
  ].join('\n')], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.toString());
}

describe('the enum and length tables against the ECS service model', () => {
  it('lists every enum and length constraint of RegisterTaskDefinitionRequest, with at least its values', () => {
    const shapes = (botocoreModel() as { shapes: Record<string, Record<string, unknown>> }).shapes;
    const enums: Record<string, string[]> = {};
    const lengths: Record<string, [number, number]> = {};
    const seen = new Set<string>();
    const visit = (name: string, path: string) => {
      const s = shapes[name]!;
      const note = (shapeName: string, at: string) => {
        const t = shapes[shapeName]!;
        if (Array.isArray(t.enum)) enums[at] = t.enum as string[];
        if (t.min !== undefined || t.max !== undefined) lengths[at] = [t.min as number, t.max as number];
      };
      if (s.type === 'structure') {
        if (seen.has(name)) return;
        seen.add(name);
        for (const [k, m] of Object.entries(s.members as Record<string, { shape: string }>)) {
          const at = path ? `${path}.${k}` : k;
          note(m.shape, at);
          visit(m.shape, at);
        }
      } else if (s.type === 'list') {
        const el = (s.member as { shape: string }).shape;
        note(el, `${path}[]`);
        visit(el, `${path}[]`);
      }
    };
    visit('RegisterTaskDefinitionRequest', '');
    // Same fields; the SDK's enums (newer than moto's botocore, here) hold every value botocore lists.
    expect(Object.keys(ENUM_FIELDS).sort()).toEqual(Object.keys(enums).sort());
    for (const [path, values] of Object.entries(enums)) expect(Object.values(ENUM_FIELDS[path]!)).toEqual(expect.arrayContaining(values));
    expect(LENGTH_FIELDS).toEqual(lengths);
  });
});
