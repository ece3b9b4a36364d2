/**
 * CloudRunRevisionShifter with the real @google-cloud/run clients (REST) against the harness's Cloud
 * Run fake (test/harness/cloud-run-fake.ts: every request and response checked against the protos in
 * @google-cloud/run; a traffic change is an operation that routes when it is polled). The weights it
 * returns are read back from the service's trafficStatuses.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { CloudRunApi, type CloudRunClients, createCloudRunClients, type Endpoint, parseEndpoint, type Service, setSplit, waitForOperation, writableCopy } from '@ml-deploy/gcp';
import { type CloudRunFake, startCloudRunFake } from '@ml-deploy/test/harness/cloud-run-fake';
import { CloudRunRevisionShifter } from '../src/shifters/cloud-run';

const SERVICE = 'projects/demo/locations/europe-west4/services/model-api';
let fake: CloudRunFake;
let clients: CloudRunClients;
let api: CloudRunApi;
let baseline: string;
let canary: string;

beforeAll(async () => {
  fake = await startCloudRunFake();
  clients = await createCloudRunClients(parseEndpoint(fake.url) as Endpoint);
});
afterAll(async () => {
  await clients?.close();
  await fake?.stop();
});
afterEach(() => fake.assertClean());

/** Deploys a new revision (new image) with traffic pinned as given, as deploy-cloud-run no-traffic does; returns its name. */
async function deployRevision(digit: string, traffic: { revision: string; percent: number }[]): Promise<string> {
  const current = (await api.getService(SERVICE))!;
  const body = writableCopy<Service>('google.cloud.run.v2.Service', current);
  body.name = SERVICE;
  body.template!.containers![0]!.image = `us-docker.pkg.dev/demo/models/iris@sha256:${digit.repeat(64)}`;
  body.traffic = traffic.map((t) => ({ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', ...t }));
  await waitForOperation(api, await api.updateService(body), { timeoutMs: 10_000, intervalMs: 10 });
  return (await api.getService(SERVICE))!.latestReadyRevision!.split('/').pop()!;
}

/** The first revision serves 100 %; the second (the canary) is Ready with no traffic. */
beforeEach(async () => {
  fake.reset();
  api = new CloudRunApi(clients, { maxAttempts: 3 });
  fake.seedService('demo', 'europe-west4', 'model-api');
  baseline = (await api.getService(SERVICE))!.latestReadyRevision!.split('/').pop()!;
  canary = await deployRevision('2', [{ revision: baseline, percent: 100 }]);
  expect(canary).not.toBe(baseline);
});

const shifter = (): CloudRunRevisionShifter => new CloudRunRevisionShifter(api, { service: SERVICE, baselineRevision: baseline, canaryRevision: canary, timeoutMs: 10_000, pollIntervalMs: 10 });

it('moves traffic between the two revisions step by step, each weight read back from what routes', async () => {
  const s = shifter();
  expect(await s.readWeight()).toBe(0);
  for (const w of [5, 25, 50, 100, 0]) expect(await s.setWeight(w)).toBe(w);
  expect(fake.countCalls('UpdateService')).toBeGreaterThanOrEqual(6);
  const statuses = fake.peekService('demo', 'europe-west4', 'model-api')!.trafficStatuses as { revision?: string; percent?: number }[];
  expect(statuses.filter((t) => (t.percent ?? 0) > 0)).toEqual([expect.objectContaining({ revision: baseline, percent: 100 })]);
});

it('keeps tags, and refuses to take traffic from a third revision except to roll back', async () => {
  await setSplit(api, SERVICE, [{ revision: baseline, percent: 100 }, { revision: canary, percent: 0, tag: 'preview' }], { timeoutMs: 10_000, intervalMs: 10 });
  expect(await shifter().setWeight(25)).toBe(25);
  const statuses = (): { revision?: string; tag?: string; percent?: number }[] => fake.peekService('demo', 'europe-west4', 'model-api')!.trafficStatuses;
  expect(statuses()).toEqual(expect.arrayContaining([expect.objectContaining({ revision: canary, tag: 'preview', percent: 25 }), expect.objectContaining({ revision: baseline, percent: 75 })]));

  // Someone else sends 10 % to a third revision: a two-way split would silently take it away.
  const third = await deployRevision('3', [{ revision: baseline, percent: 100 }]);
  await setSplit(api, SERVICE, [{ revision: baseline, percent: 90 }, { revision: third, percent: 10 }], { timeoutMs: 10_000, intervalMs: 10 });
  await expect(shifter().setWeight(5)).rejects.toThrow(new RegExp(`also sends traffic to ${third}=10%; the canary gate splits between ${baseline} and ${canary} only`));
  // Rolling back (0 %: everything to the baseline) is always allowed.
  expect(await shifter().setWeight(0)).toBe(0);
  expect(statuses().filter((t) => (t.percent ?? 0) > 0)).toEqual([expect.objectContaining({ revision: baseline, percent: 100 })]);
});

it('names the bad option', () => {
  expect(() => new CloudRunRevisionShifter(api, { service: 'model-api', baselineRevision: 'a', canaryRevision: 'b', timeoutMs: 1 })).toThrow(/service 'model-api' must be projects\/PROJECT/);
  expect(() => new CloudRunRevisionShifter(api, { service: SERVICE, baselineRevision: 'A_1', canaryRevision: 'b', timeoutMs: 1 })).toThrow(/baselineRevision 'A_1' must be a revision name/);
  expect(() => new CloudRunRevisionShifter(api, { service: SERVICE, baselineRevision: 'a', canaryRevision: 'a', timeoutMs: 1 })).toThrow(/must differ/);
});
