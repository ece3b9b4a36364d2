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
