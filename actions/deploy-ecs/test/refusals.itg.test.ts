/**
 * The committed bundle refuses what can never work before its first cloud call: the ECS layer in
 * front of moto logs every request, and sees none. Covers task definition files (shape, Fargate
 * sizes, secret references), files that are not what they claim (FIFO, symlink to a system file,
 * a path out of the workspace) and values that must be shown escaped.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { awsEnv } from '@ml-deploy/test/harness/aws-env';
import { useEcsEmulator } from '@ml-deploy/test/harness/ecs-emulator-jest';
import { runBundle } from '@ml-deploy/test/run-bundle';

const ecs = useEcsEmulator();
const env = () => awsEnv(ecs.layer.url, { ML_DEPLOY_POLL_INTERVAL: '100ms' });
const dir = mkdtempSync(join(tmpdir(), 'deploy-ecs-refusals-'));

const taskDefinition = (change: (td: Record<string, any>) => void = () => {}) => {
  const td: Record<string, any> = {
    family: 'model-server',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'app', image: 'registry.example/model:1', memory: 512, environment: [{ name: 'A', value: '1' }] }],
  };
  change(td);
  return td;
};

async function refused(inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const run = await runBundle('deploy-ecs', { inputs: { cluster: ecs.fx.clusterName, ...inputs }, env: { ...env(), ...extraEnv } });
  expect(run.code).toBe(1);
  expect(ecs.layer.calls).toHaveLength(0); // not even a read
  return run;
}

describe('deploy-ecs refuses before any call', () => {
  it('a task definition file with bad fields, naming each field by its path', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(taskDefinition((td) => {
      td.containerDefinitions[0].environment = [{ name: 'A', value: '1' }, { name: 'B', value: 2 }, { value: 'x' }];
      td.containerDefinitions.push({ name: 'app', image: 'registry.example/sidecar:1' });
    })));
    const run = await refused({ service: ecs.fx.serviceName, 'task-definition': file });
    expect(run.stdout).toContain('containerDefinitions[0].environment[1].value is the number 2, expected a string');
    expect(run.stdout).toContain('containerDefinitions[0].environment[2].name is missing');
    expect(run.stdout).toContain("containerDefinitions[1].name 'app' is also the name of containerDefinitions[0]");
  });

  it('a Fargate size Fargate does not offer, also when the cpu input makes it', async () => {
    const file = join(dir, 'fargate.json');
    writeFileSync(file, JSON.stringify(taskDefinition((td) => { td.memory = '4096'; })));
    const run = await refused({ service: ecs.fx.serviceName, 'task-definition': file });
    expect(run.stdout).toMatch(/::error::deploy-ecs: input 'task-definition': .*Fargate does not offer 256 CPU units with 4096 MiB of memory/);
    writeFileSync(file, JSON.stringify(taskDefinition()));
    const viaInput = await refused({ service: ecs.fx.serviceName, 'task-definition': file, cpu: '1024' });
    expect(viaInput.stdout).toMatch(/Fargate does not offer 1024 CPU units with 512 MiB/);
  });

  it('a secret reference in the file that cannot exist', async () => {
    const file = join(dir, 'secret.json');
    writeFileSync(file, JSON.stringify(taskDefinition((td) => {
      td.containerDefinitions[0].secrets = [{ name: 'K', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/' }];
    })));
    const run = await refused({ service: ecs.fx.serviceName, 'task-definition': file });
    expect(run.stdout).toContain('containerDefinitions[0].secrets[0].valueFrom cannot name a secret: the SSM ARN names no parameter');
  });

  it('a FIFO as the task definition, at once instead of hanging', async () => {
    const fifo = join(dir, 'td.fifo');
    execFileSync('mkfifo', [fifo]);
    const run = await refused({ service: ecs.fx.serviceName, 'task-definition': fifo });
    expect(run.stdout).toContain('expected a regular file; this is a FIFO (named pipe)');
  });

  it('a symlink to a system file, without printing a byte of it', async () => {
    const system = join(dir, 'shadow');
    writeFileSync(system, 'root:$6$SECRETHASH$xyz:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n');
    const link = join(dir, 'task-definition.json');
    symlinkSync(system, link);
    const run = await refused({ service: ecs.fx.serviceName, 'task-definition': link });
    expect(run.stdout).toMatch(/input 'task-definition'.*valid JSON/);
    for (const text of [run.stdout, run.stderr, run.summary]) {
      expect(text).not.toContain('SECRETHASH');
      expect(text).not.toContain('root:');
    }
  });

  it('a relative path that leaves the workspace', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'ws-'));
    const run = await refused({ service: ecs.fx.serviceName, 'task-definition': '../../../../etc/passwd' }, { GITHUB_WORKSPACE: workspace });
    expect(run.stdout).toContain(`expected a path inside the workspace (${workspace}); this relative path leaves it`);
  });

  it('a huge value full of control characters, shown escaped and cut', async () => {
    const value = `prod\u001b[2J\u202e${'x'.repeat(20_000)}\n::error::forged`;
    const run = await refused({ service: value });
    const line = run.stdout.split('\n').find((l) => l.startsWith('::error::'))!;
    expect(line).toContain("input 'service'");
    expect(line).toContain('\\u001b[2J\\u202e');
    expect(line.length).toBeLessThan(600);
    expect(run.stdout).not.toMatch(/^::error::forged/m);
  });
});
