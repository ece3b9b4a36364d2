/**
 * The committed bundle in mode run on Google Cloud stand-ins: traffic cloud-run on the Cloud Run fake
 * (schema-checked against @google-cloud/run's protos) and metrics cloud-monitoring on the Cloud
 * Monitoring fake (schema-checked against @google-cloud/monitoring's protos), both through the
 * official clients. The fakes do not route traffic: the test writes Cloud Run-shaped request_count
 * points (DELTA, every 500 ms, per revision and response code class) covering the whole run, so the
 * analysis sees what the test chose; what is checked is the gate's decision and the traffic split
 * the Cloud Run fake reports afterwards.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { CloudRunApi, createCloudRunClients, type Endpoint, parseEndpoint, type Service, waitForOperation, writableCopy } from '@ml-deploy/gcp';
import { CloudRunRevisionShifter } from '@ml-deploy/canary';
import { type CloudMonitoringFake, startCloudMonitoringFake } from '@ml-deploy/test/harness/cloud-monitoring-fake';
import { type CloudRunFake, startCloudRunFake } from '@ml-deploy/test/harness/cloud-run-fake';
import { runBundle } from '@ml-deploy/test/run-bundle';

const PROJECT = 'demo-project';
const REGION = 'europe-west4';
let run: CloudRunFake;
let monitoring: CloudMonitoringFake;
beforeAll(async () => {
  [run, monitoring] = await Promise.all([startCloudRunFake(), startCloudMonitoringFake()]);
});
afterAll(async () => {
  await Promise.all([run?.stop(), monitoring?.stop()]);
});

/** A service with a baseline revision serving 100 % and a canary revision with no traffic. */
async function twoRevisions(service: string): Promise<{ api: CloudRunApi; close(): Promise<void>; name: string; baseline: string; canary: string }> {
  const clients = await createCloudRunClients(parseEndpoint(run.url) as Endpoint);
  const api = new CloudRunApi(clients, { maxAttempts: 3 });
  const name = `projects/${PROJECT}/locations/${REGION}/services/${service}`;
  run.seedService(PROJECT, REGION, service);
  const baseline = (await api.getService(name))!.latestReadyRevision!.split('/').pop()!;
  const body = writableCopy<Service>('google.cloud.run.v2.Service', (await api.getService(name))!);
  body.name = name;
  body.template!.containers![0]!.image = `us-docker.pkg.dev/demo/models/iris@sha256:${'2'.repeat(64)}`;
  body.traffic = [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: baseline, percent: 100 }];
  await waitForOperation(api, await api.updateService(body), { timeoutMs: 10_000, intervalMs: 10 });
  const canary = (await api.getService(name))!.latestReadyRevision!.split('/').pop()!;
  return { api, close: () => clients.close(), name, baseline, canary };
}

/** request_count points every 500 ms from 30 s ago to 3 min ahead: per point `ok` 2xx and `failed` 5xx. */
function writeTraffic(service: string, revision: string, ok: number, failed: number): void {
  const now = Date.now();
  for (let t = now - 30_000; t < now + 180_000; t += 500) {
    for (const [cls, n] of [['2xx', ok], ['5xx', failed]] as const) {
      monitoring.addPoint(
        { metric: { type: 'run.googleapis.com/request_count', labels: { response_code_class: cls } }, resource: { type: 'cloud_run_revision', labels: { project_id: PROJECT, location: REGION, service_name: service, revision_name: revision } }, metricKind: 'DELTA', valueType: 'INT64' },
        { start: t, end: t + 500, value: { int64Value: String(n) } },
      );
    }
  }
}

async function gate(service: string, s: { baseline: string; canary: string }, extra: Record<string, string> = {}) {
  const requests = `metric.type="run.googleapis.com/request_count" AND resource.labels.service_name="${service}" AND resource.labels.revision_name="$ARM"`;
  return runBundle('canary-gate', {
    inputs: {
      mode: 'run',
      traffic: 'cloud-run',
      service,
      region: REGION,
      'project-id': PROJECT,
      'baseline-revision': s.baseline,
      'canary-revision': s.canary,
      endpoint: run.url,
      metrics: 'cloud-monitoring',
      'monitoring-endpoint': monitoring.url,
      'monitoring-delay': '0s',
      'requests-query': requests,
      'errors-query': `${requests} AND metric.labels.response_code_class="5xx"`,
      analyses: 'error-rate',
      steps: '10',
      'intervals-per-step': '2',
      interval: '2s',
      'min-requests': '10',
      ...extra,
    },
    env: { ML_DEPLOY_POLL_INTERVAL: '50ms' },
  });
}

it('a healthy canary on Cloud Run, read from Cloud Monitoring, is promoted: the service sends it 100 %', async () => {
  const s = await twoRevisions('model-healthy');
  try {
    writeTraffic('model-healthy', s.baseline, 90, 0);
    writeTraffic('model-healthy', s.canary, 10, 0);
    const r = await gate('model-healthy', s);
    if (r.code !== 0) console.log(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('promoted');
    const shifter = new CloudRunRevisionShifter(s.api, { service: s.name, baselineRevision: s.baseline, canaryRevision: s.canary, timeoutMs: 10_000, pollIntervalMs: 10 });
    expect(await shifter.readWeight()).toBe(100);
    expect(r.summary).toMatch(/\| error-rate \| pass \|/);
    run.assertClean();
    monitoring.assertClean();
  } finally {
    await s.close();
  }
}, 120_000);

it('a canary failing 40 % of its requests is rolled back by the guard rail: the baseline serves 100 % again', async () => {
  const s = await twoRevisions('model-broken');
  try {
    writeTraffic('model-broken', s.baseline, 90, 0);
    writeTraffic('model-broken', s.canary, 6, 4);
    const r = await gate('model-broken', s);
    expect(r.code).not.toBe(0);
    expect(r.outputs.verdict).toBe('rolled-back');
    expect(r.outputs['final-weight']).toBe('0');
    expect(r.summary).toMatch(/guard rail: canary error rate 40\.0 %/);
    const shifter = new CloudRunRevisionShifter(s.api, { service: s.name, baselineRevision: s.baseline, canaryRevision: s.canary, timeoutMs: 10_000, pollIntervalMs: 10 });
    expect(await shifter.readWeight()).toBe(0);
    expect(monitoring.calls.some((c) => c.filter?.includes(s.canary) && c.status === 200)).toBe(true);
    run.assertClean();
    monitoring.assertClean();
  } finally {
    await s.close();
  }
}, 120_000);

it('approval-after pauses before promotion (the step succeeds, traffic stays at 10 %); the approved run resumes from the recording and promotes', async () => {
  const s = await twoRevisions('model-approval');
  try {
    writeTraffic('model-approval', s.baseline, 90, 0);
    writeTraffic('model-approval', s.canary, 10, 0);
    const shifter = new CloudRunRevisionShifter(s.api, { service: s.name, baselineRevision: s.baseline, canaryRevision: s.canary, timeoutMs: 10_000, pollIntervalMs: 10 });
    const first = await gate('model-approval', s, { 'approval-after': '10' });
    if (first.code !== 0) console.log(first.stdout, first.stderr);
    expect(first.code).toBe(0);
    expect(first.outputs.verdict).toBe('paused');
    expect(first.outputs['final-weight']).toBe('10');
    expect(first.summary).toMatch(/Paused for approval/);
    expect(await shifter.readWeight()).toBe(10);
    const second = await gate('model-approval', s, { 'approval-after': '10', observations: first.outputs.recording! });
    if (second.code !== 0) console.log(second.stdout, second.stderr);
    expect(second.code).toBe(0);
    expect(second.outputs.verdict).toBe('promoted');
    expect(await shifter.readWeight()).toBe(100);
    run.assertClean();
    monitoring.assertClean();
  } finally {
    await s.close();
  }
}, 120_000);
