/** The Cloud Run fake refuses what the real API refuses, checked by the protos inside @google-cloud/run. */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { type CloudRunFake, startCloudRunFake } from '../harness/cloud-run-fake';

let fake: CloudRunFake;
beforeAll(async () => {
  fake = await startCloudRunFake();
});
afterAll(async () => fake?.stop());

it('answers a request body with a misspelled field with 400 INVALID_ARGUMENT naming the field, and records it', async () => {
  const res = await fetch(`${fake.url}/v2/projects/p/locations/us-central1/services?serviceId=api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: { containers: [{ image: 'x/y:1' }] }, trafic: [] }),
  });
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { status: string; message: string } };
  expect(body.error.status).toBe('INVALID_ARGUMENT');
  expect(body.error.message).toContain("Service: unknown field 'trafic'");
  expect(fake.schemaProblems).toEqual([{ direction: 'request', method: 'CreateService', problems: [expect.stringContaining("unknown field 'trafic'")] }]);
  expect(fake.peekService('p', 'us-central1', 'api')).toBeUndefined();
});

it('refuses a split that does not add up to 100, as Cloud Run does', async () => {
  fake.seedService('p', 'us-central1', 'svc');
  const svc = fake.peekService('p', 'us-central1', 'svc')!;
  const res = await fetch(`${fake.url}/v2/${svc.name}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: svc.template, traffic: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 90 }] }),
  });
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: { message: string } }).error.message).toContain('add up to 90, but must add up to 100');
});

it("the README's local sandbox command serves a seeded service and stops on SIGTERM", async () => {
  const { spawn } = await import('node:child_process');
  const { join } = await import('node:path');
  const { freePort } = await import('../harness/free-port');
  const { repoRoot } = await import('../action-yml');
  const port = await freePort();
  // As README.md "Running workflows locally with act" writes it, on a free port instead of 8089.
  const child = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['test/harness/cloud-run-fake-cli.ts', '--port', String(port), '--seed', 'demo-project/us-central1/model-api'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: node_modules/.bin/tsx is a shell script that starts node, which starts
    // node again; the group is signalled as a terminal signals a job.
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('close', r));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => out.includes('listening') && resolve());
    child.on('close', () => reject(new Error(`cloud-run-fake-cli exited: ${out}`)));
  });
  expect(out).toContain(`cloud-run-fake listening on http://127.0.0.1:${port}`);
  const res = await fetch(`http://127.0.0.1:${port}/v2/projects/demo-project/locations/us-central1/services/model-api`);
  expect(res.status).toBe(200);
  const svc = (await res.json()) as { latestReadyRevision: string; trafficStatuses: unknown[] };
  expect(svc.latestReadyRevision).toMatch(/\/revisions\/model-api-00001-[a-z]{3}$/);
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  expect(out).not.toMatch(/Error/);
});

it('stores a template as the API does: defaults spelled out make no new revision, a real change does', async () => {
  fake.seedService('p', 'us-central1', 'defaults');
  const svc = fake.peekService('p', 'us-central1', 'defaults')!;
  const first = String(svc.latestCreatedRevision);
  const patch = async (template: Record<string, unknown>) =>
    fetch(`${fake.url}/v2/${svc.name}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ template }) });
  const c = svc.template.containers[0];
  const spelled = { ...svc.template, serviceAccount: '', maxInstanceRequestConcurrency: 0, containers: [{ ...c, name: '', workingDir: '', ports: [{ name: '', containerPort: 8080 }], resources: { ...c.resources, cpuIdle: false } }] };
  expect((await patch(spelled)).status).toBe(200);
  expect(String(fake.peekService('p', 'us-central1', 'defaults')!.latestCreatedRevision)).toBe(first);
  expect(fake.peekService('p', 'us-central1', 'defaults')!.template.containers[0]).toEqual(c);
  expect((await patch({ ...svc.template, maxInstanceRequestConcurrency: 8 })).status).toBe(200);
  expect(String(fake.peekService('p', 'us-central1', 'defaults')!.latestCreatedRevision)).not.toBe(first);
});

it.each([
  ['two GPUs', { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '2' }, { nodeSelector: { accelerator: 'nvidia-l4' } }, "the only supported value is '1'"],
  ['no accelerator', { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' }, {}, 'nodeSelector.accelerator: must be set when a GPU is requested'],
  ['too little CPU for an L4', { cpu: '2', memory: '16Gi', 'nvidia.com/gpu': '1' }, { nodeSelector: { accelerator: 'nvidia-l4' } }, 'nvidia-l4 requires at least 4 CPU and 16Gi of memory (got cpu 2, memory 16Gi)'],
  ['too little memory for an L4', { cpu: '4', memory: '8Gi', 'nvidia.com/gpu': '1' }, { nodeSelector: { accelerator: 'nvidia-l4' } }, 'nvidia-l4 requires at least 4 CPU and 16Gi of memory (got cpu 4, memory 8Gi)'],
  ['CPU only during requests', { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' }, { nodeSelector: { accelerator: 'nvidia-l4' }, cpuIdle: true }, 'GPU requires CPU to be always allocated'],
  ['gen1', { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' }, { nodeSelector: { accelerator: 'nvidia-l4' }, executionEnvironment: 'EXECUTION_ENVIRONMENT_GEN1' }, 'not supported in the first generation'],
])('refuses a GPU revision Cloud Run refuses: %s', async (_name, limits, extra, message) => {
  const { cpuIdle, ...templateExtra } = extra as Record<string, unknown>;
  const res = await fetch(`${fake.url}/v2/projects/p/locations/europe-west4/services?serviceId=gpu`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: { ...templateExtra, containers: [{ image: 'x/y:1', resources: { limits, ...(cpuIdle ? { cpuIdle } : {}) } }] } }),
  });
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: { message: string } }).error.message).toContain(message);
  expect(fake.peekService('p', 'europe-west4', 'gpu')).toBeUndefined();
});
