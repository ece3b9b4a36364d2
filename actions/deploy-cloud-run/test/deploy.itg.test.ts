/**
 * deploy-cloud-run run() with the real @google-cloud/run v2 clients (REST fallback) against the
 * harness's Cloud Run fake (test/harness/cloud-run-fake.ts) on 127.0.0.1. There is no Cloud Run
 * emulator: everything the service does here (operations, conditions, generations, traffic
 * statuses, failing and hanging revisions, 429/5xx/403 answers) is the fake's, and every request
 * and response is checked against the protos inside @google-cloud/run.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CancelledError, type Clock, ConfigurationError, fakeClock, InputError, memoryLogger, readStructuredFile, SummaryBuilder } from '@ml-deploy/action-kit';
import { CloudRunApi, type CloudRunClients, createCloudRunClients, parseEndpoint, type Endpoint } from '@ml-deploy/gcp';
import { inputReader } from '@ml-deploy/test/action-yml';
import { type CloudRunFake, startCloudRunFake } from '@ml-deploy/test/harness/cloud-run-fake';
import { parseInputs } from '../src/inputs';
import type { DeployReport } from '@ml-deploy/gcp';
import { DeploymentFailedError, run } from '../src/run';

const PROJECT = 'demo-project';
const REGION = 'europe-west4';
const SERVICE = 'model-api';
const IMAGE2 = `europe-west4-docker.pkg.dev/demo-project/models/iris@sha256:${'2'.repeat(64)}`;

let fake: CloudRunFake;
let clients: CloudRunClients;
let workDir: string;

beforeAll(async () => {
  fake = await startCloudRunFake();
  clients = await createCloudRunClients(parseEndpoint(fake.url) as Endpoint);
  workDir = await mkdtemp(join(tmpdir(), 'deploy-cloud-run-itg-'));
});
afterAll(async () => {
  await clients?.close();
  await fake?.stop();
});
beforeEach(() => fake.reset());
afterEach(() => fake.assertClean());

interface Deployed {
  report?: DeployReport;
  error?: Error;
  outputs: Record<string, string>;
  summary: string;
  log: string[];
}

async function deploy(overrides: Record<string, string>, opts: { signal?: AbortSignal; maxAttempts?: number; clock?: Clock; cancelPutBackWaitMs?: number } = {}): Promise<Deployed> {
  const outputs: Record<string, string> = {};
  const summary = new SummaryBuilder();
  const logger = memoryLogger();
  const inputs = parseInputs(
    inputReader('deploy-cloud-run', { service: SERVICE, region: REGION, 'project-id': PROJECT, endpoint: fake.url, timeout: '10s', ...overrides }),
  );
  const api = new CloudRunApi(clients, { maxAttempts: opts.maxAttempts ?? inputs['max-attempts'], logger, signal: opts.signal });
  const result: Deployed = { outputs, summary: '', log: logger.lines };
  try {
    result.report = await run(inputs, {
      api,
      project: PROJECT,
      logger,
      summary,
      setOutput: (k, v) => {
        if (v !== undefined) outputs[k] = String(v);
      },
      signal: opts.signal,
      ...(opts.clock ? { clock: opts.clock } : {}),
      pollIntervalMs: 20,
      ...(opts.cancelPutBackWaitMs !== undefined ? { cancelPutBackWaitMs: opts.cancelPutBackWaitMs } : {}),
      readServiceDefinition: (p) => readStructuredFile('service-definition', p),
      writeReport: async (r) => {
        result.report = r;
        const p = join(workDir, `report-${Date.now()}.json`);
        await writeFile(p, JSON.stringify(r));
        return p;
      },
    });
  } catch (err) {
    result.error = err as Error;
  }
  result.summary = summary.toString();
  return result;
}

const svcNow = () => fake.peekService(PROJECT, REGION, SERVICE)!;
const serving = () => (svcNow().trafficStatuses as Array<{ type: string; revision?: string; percent?: number; tag?: string; uri?: string }>);
const latestReady = () => String(svcNow().latestReadyRevision).split('/').pop();
/** What serves now, LATEST resolved through latestReadyRevision: [revision, percent] pairs. */
const servingNow = () =>
  serving()
    .filter((t) => t.percent)
    .map((t) => [t.type === 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST' ? latestReady() : t.revision, t.percent]);

describe('deploy-cloud-run against the Cloud Run fake', () => {
  it('creates a service that does not exist, waits for its revision, and reports its URL', async () => {
    const d = await deploy({ image: IMAGE2, 'env-vars': 'MODEL_NAME=iris', 'revision-suffix': 'abc1234' });
    expect(d.error).toBeUndefined();
    expect(d.outputs.result).toBe('deployed');
    expect(d.outputs.revision).toBe('model-api-abc1234');
    expect(d.outputs.url).toBe(`https://model-api-123456789012.${REGION}.run.app`);
    expect(d.outputs['image-digest']).toBe(`sha256:${'2'.repeat(64)}`);
    expect(d.outputs['previous-revision']).toBeUndefined();
    expect(latestReady()).toBe('model-api-abc1234');
    expect(fake.countCalls('CreateService')).toBe(1);
    expect(d.summary).toContain('Deployed');
  });

  it('updates a running service: new revision, traffic pinned until Ready, then 100 % to it', async () => {
    const seeded = fake.seedService(PROJECT, REGION, SERVICE);
    const before = String(seeded.latestReadyRevision).split('/').pop()!;
    const d = await deploy({ image: IMAGE2, 'env-vars': 'THRESHOLD=0.7', memory: '1Gi', labels: 'model=iris,model-version=2' });
    expect(d.error).toBeUndefined();
    expect(d.outputs.result).toBe('deployed');
    expect(d.outputs['previous-revision']).toBe(before);
    expect(d.outputs.revision).toMatch(/^model-api-00002-[a-z]{3}$/);
    expect(latestReady()).toBe(d.outputs.revision);
    expect(serving()).toEqual([{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }]);
    const tpl = svcNow().template;
    expect(tpl.containers[0].env).toEqual([
      { name: 'MODEL_NAME', value: 'iris' },
      { name: 'THRESHOLD', value: '0.7' },
    ]);
    expect(tpl.containers[0].resources.limits).toEqual({ cpu: '1', memory: '1Gi' });
    expect(svcNow().labels).toEqual({ team: 'ml', model: 'iris', 'model-version': '2' });
    expect(fake.countCalls('UpdateService')).toBe(2);
    expect(d.report!.trafficAfter).toEqual([{ revision: d.outputs.revision, percent: 100, latest: true }]);
  });

  it('renders from a running service with probes and a revision suffix: sends back what it has, no proto3 defaults; a used suffix is refused before any change', async () => {
    fake.seedService(PROJECT, REGION, SERVICE, {
      template: {
        revision: 'model-api-abc1234',
        containers: [
          {
            image: `us-docker.pkg.dev/demo/models/iris@sha256:${'1'.repeat(64)}`,
            env: [{ name: 'EMPTY', value: '' }],
            ports: [{ containerPort: 8080 }],
            resources: { limits: { cpu: '1', memory: '512Mi' }, cpuIdle: true },
            startupProbe: { tcpSocket: { port: 8080 }, periodSeconds: 240, timeoutSeconds: 240, failureThreshold: 1 },
            livenessProbe: { httpGet: { path: '/live' }, periodSeconds: 15 },
          },
        ],
        timeout: '300s',
      },
    });
    expect(latestReady()).toBe('model-api-abc1234');
    const d = await deploy({ 'revision-suffix': 'def5678', 'startup-probe-path': '/healthz', 'env-vars': 'MODEL_VERSION=2' });
    expect(d.error).toBeUndefined();
    expect(d.outputs.revision).toBe('model-api-def5678');
    expect(servingNow()).toEqual([['model-api-def5678', 100]]);
    // What went over the wire: the service's own fields, none of the defaults the client decoded.
    const sent = fake.calls.filter((c) => c.method === 'UpdateService').map((c) => c.body!.template.containers[0]);
    expect(sent).toHaveLength(2);
    for (const c of sent) {
      expect(c).toEqual({
        image: `us-docker.pkg.dev/demo/models/iris@sha256:${'1'.repeat(64)}`,
        env: [{ name: 'EMPTY', value: '' }, { name: 'MODEL_VERSION', value: '2' }],
        ports: [{ containerPort: 8080 }],
        resources: { limits: { cpu: '1', memory: '512Mi' }, cpuIdle: true },
        startupProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5, failureThreshold: 24, timeoutSeconds: 3 },
        livenessProbe: { httpGet: { path: '/live' }, periodSeconds: 15 },
      });
    }
    // Moving traffic made no revision of its own.
    expect(String(svcNow().latestCreatedRevision).split('/').pop()).toBe('model-api-def5678');
    expect(d.report!.changes).toEqual(['env: +MODEL_VERSION', 'startup probe: GET /healthz on port 8080']);

    const again = await deploy({ 'revision-suffix': 'def5678', 'env-vars': 'MODEL_VERSION=3' });
    expect(again.error).toBeInstanceOf(InputError);
    expect(again.error!.message).toContain(`input 'revision-suffix': got "def5678", expected a suffix no revision of service 'model-api' has yet: revision model-api-def5678 already exists`);
    expect(again.error!.message).toContain("Deploy it again with 'revision: model-api-def5678'");
    expect(fake.countCalls('UpdateService')).toBe(2);
    expect(servingNow()).toEqual([['model-api-def5678', 100]]);
  });

  it('renders every template input, GPU included, into a revision the fake accepts under Cloud Run\'s GPU rules', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    const all = {
      image: IMAGE2,
      'env-vars': 'MODEL_NAME=iris,THRESHOLD=0.7',
      secrets: 'API_KEY=api-key:3',
      cpu: '4',
      memory: '16Gi',
      gpu: '1',
      'gpu-type': 'nvidia-l4',
      concurrency: '4',
      'min-instances': '1',
      'max-instances': '3',
      'request-timeout': '15m',
      'execution-environment': 'gen2',
      'startup-probe-path': '/healthz',
      'liveness-probe-path': '/livez',
      'service-account': 'model-runtime@demo-project.iam.gserviceaccount.com',
      labels: 'model=iris,model-version=3',
      'revision-suffix': 'gpu0001',
      'cpu-always-allocated': 'true',
    };
    const d = await deploy(all);
    expect(d.error).toBeUndefined();
    expect(d.outputs.revision).toBe('model-api-gpu0001');
    expect(servingNow()).toEqual([['model-api-gpu0001', 100]]);
    expect(svcNow().labels).toEqual({ team: 'ml', model: 'iris', 'model-version': '3' });
    expect(svcNow().template).toEqual({
      revision: 'model-api-gpu0001',
      labels: { model: 'iris', 'model-version': '3' },
      scaling: { minInstanceCount: 1, maxInstanceCount: 3 },
      timeout: '900s',
      serviceAccount: 'model-runtime@demo-project.iam.gserviceaccount.com',
      executionEnvironment: 'EXECUTION_ENVIRONMENT_GEN2',
      maxInstanceRequestConcurrency: 4,
      nodeSelector: { accelerator: 'nvidia-l4' },
      containers: [
        {
          image: IMAGE2,
          env: [
            { name: 'MODEL_NAME', value: 'iris' },
            { name: 'THRESHOLD', value: '0.7' },
            { name: 'API_KEY', valueSource: { secretKeyRef: { secret: 'api-key', version: '3' } } },
          ],
          resources: { limits: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' } },
          ports: [{ containerPort: 8080 }],
          startupProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5, failureThreshold: 24, timeoutSeconds: 3 },
          livenessProbe: { httpGet: { path: '/livez', port: 8080 }, periodSeconds: 15, failureThreshold: 3, timeoutSeconds: 3 },
        },
      ],
    });
    expect(d.report!.changes).toEqual([
      `image: us-docker.pkg.dev/demo/models/iris@sha256:${'1'.repeat(64)} → ${IMAGE2}`,
      'env: +THRESHOLD +API_KEY',
      'cpu: 1 → 4',
      'memory: 512Mi → 16Gi',
      'gpu: (default) → 1',
      'gpu type: (none) → nvidia-l4',
      'execution environment: → gen2',
      'concurrency: (default) → 4',
      'min instances: 0 → 1',
      'request timeout: 300s → 900s',
      'startup probe: GET /healthz on port 8080',
      'liveness probe: GET /livez on port 8080',
      'service account: (default) → model-runtime@demo-project.iam.gserviceaccount.com',
      'labels: +model +model-version',
    ]);
  });

  it('a GPU revision Cloud Run would refuse is refused before any change, naming the input', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    // A service definition with a GPU and CPU only during requests (cpuIdle: true).
    const file = join(workDir, 'gpu-service.json');
    await writeFile(
      file,
      JSON.stringify({
        template: {
          nodeSelector: { accelerator: 'nvidia-l4' },
          containers: [{ image: IMAGE2, resources: { limits: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' }, cpuIdle: true } }],
        },
      }),
    );
    const d = await deploy({ 'service-definition': file });
    expect(d.error).toBeInstanceOf(InputError);
    expect(d.error!.message).toContain(`input 'cpu-always-allocated': got "", expected 'true' for a GPU revision`);
    // The service keeps 1 CPU: the merged revision is checked too.
    const merged = await deploy({ gpu: '1', 'cpu-always-allocated': 'true' });
    expect(merged.error!.message).toContain(`input 'cpu': got "1", expected at least 4 CPU for a nvidia-l4 GPU`);
    expect(fake.countCalls('UpdateService')).toBe(0);
  });

  it('no-traffic with a tag: the new revision is Ready at 0 % with its own URL; the old one serves on', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    const before = latestReady();
    const d = await deploy({ image: IMAGE2, 'no-traffic': 'true', tag: 'canary' });
    expect(d.error).toBeUndefined();
    expect(d.outputs['tag-url']).toBe(`https://canary---model-api-123456789012.${REGION}.run.app`);
    expect(serving()).toEqual([
      { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: before, percent: 100 },
      { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: d.outputs.revision, tag: 'canary', uri: d.outputs['tag-url'] },
    ]);
    expect(fake.countCalls('UpdateService')).toBe(1);
  });

  it('an explicit split sends LATEST its share and a named revision the rest', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    const before = latestReady()!;
    const d = await deploy({ image: IMAGE2, traffic: `LATEST=10,${before}=90` });
    expect(d.error).toBeUndefined();
    expect(d.report!.trafficAfter!.filter((t) => t.percent > 0).map((t) => [t.revision, t.percent])).toEqual([
      [d.outputs.revision, 10],
      [before, 90],
    ]);
  });

  it('a split with tags as targets: each tag resolves to its revision, keeps its URL, and the new revision gets its own tag', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    const stable = latestReady()!;
    expect((await deploy({ revision: stable, tag: 'stable' })).error).toBeUndefined();
    const preview = await deploy({ image: IMAGE2, 'no-traffic': 'true', tag: 'candidate' });
    expect(preview.error).toBeUndefined();
    const candidate = preview.outputs.revision!;
    const d = await deploy({ 'env-vars': 'MODEL_VERSION=3', traffic: 'LATEST=10,candidate=30,stable=60', tag: 'canary' });
    expect(d.error).toBeUndefined();
    const newest = d.outputs.revision!;
    expect(new Set([stable, candidate, newest]).size).toBe(3);
    const url = (tag: string) => `https://${tag}---model-api-123456789012.${REGION}.run.app`;
    // What routes, as the service reports it: shares by revision, each tag on its own revision.
    const routed = serving().map((t) => ({ revision: t.type === 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST' ? latestReady() : t.revision, percent: t.percent ?? 0, tag: t.tag, uri: t.uri }));
    expect(routed).toEqual(
      expect.arrayContaining([
        { revision: newest, percent: 10, tag: 'canary', uri: url('canary') },
        { revision: candidate, percent: 30, tag: 'candidate', uri: url('candidate') },
        { revision: stable, percent: 60, tag: 'stable', uri: url('stable') },
      ]),
    );
    expect(routed).toHaveLength(3);
    expect(d.outputs['tag-url']).toBe(url('canary'));
    expect(d.report!.trafficAfter!.filter((t) => t.percent > 0).map((t) => [t.revision, t.percent]).sort()).toEqual(
      [[newest, 10], [candidate, 30], [stable, 60]].sort(),
    );
  });

  it('a split naming a tag the service does not have fails before traffic moves, naming the target', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    const before = latestReady()!;
    const d = await deploy({ image: IMAGE2, traffic: 'LATEST=50,nosuchtag=50' });
    expect(d.error!.message).toContain("traffic target 'nosuchtag' is neither LATEST, a tag on service, nor a revision name");
    expect(fake.countCalls('UpdateService')).toBe(0);
    expect(servingNow()).toEqual([[before, 100]]);
  });

  it('deploys an existing revision by name without creating one (promotion of a tagged preview)', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    const before = latestReady()!;
    const preview = await deploy({ image: IMAGE2, 'no-traffic': 'true', tag: 'canary' });
    const latestCreated = svcNow().latestCreatedRevision;
    const d = await deploy({ revision: preview.outputs.revision! });
    expect(d.error).toBeUndefined();
    expect(d.outputs.result).toBe('deployed');
    expect(d.outputs['previous-revision']).toBe(before);
    expect(serving().filter((t) => t.percent)).toEqual([
      { type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: preview.outputs.revision, percent: 100, tag: 'canary', uri: preview.outputs['tag-url'] },
    ]);
    expect(svcNow().latestCreatedRevision).toBe(latestCreated);
    expect(latestReady()).toBe(preview.outputs.revision);
    // and back again to the known-good one
    const back = await deploy({ revision: before });
    expect(back.outputs.result).toBe('deployed');
    expect(servingNow()).toEqual([[before, 100]]);
    expect(svcNow().latestCreatedRevision).toBe(latestCreated);
  });

  it('a revision that fails to start fails the step with its conditions and a logs link; traffic stays on the previous one', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    const before = latestReady()!;
    fake.planRevisions(SERVICE, { outcome: 'fail', steps: 2 });
    const d = await deploy({ image: IMAGE2 });
    expect(d.error).toBeInstanceOf(DeploymentFailedError);
    expect(d.error!.message).toContain('failed to start and listen on the port');
    expect(d.error!.message).toContain(`traffic stayed on ${before} (LATEST)=100% (read back from the service)`);
    expect(d.outputs.result).toBe('failed');
    expect(d.outputs.revision).toBeUndefined();
    expect(d.outputs.url).toBeUndefined();
    expect(servingNow()).toEqual([[before, 100]]);
    expect(String(svcNow().latestCreatedRevision)).toMatch(/model-api-00002-/);
    expect(d.report!.logsUrl).toContain('cloud_run_revision');
    expect(d.summary).toContain('ContainerHealthy');
    expect(d.log.some((l) => l.includes('logs: https://console.cloud.google.com/logs/query'))).toBe(true);
  });

  it('a revision that hangs reaches the timeout; traffic stays where it was', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    const before = latestReady()!;
    fake.planRevisions(SERVICE, { outcome: 'hang' });
    // A fake clock: the wait's deadline passes after a few polls instead of 10 real seconds.
    const d = await deploy({ image: IMAGE2, timeout: '10s' }, { clock: fakeClock(Date.now()) });
    expect(d.error).toBeInstanceOf(DeploymentFailedError);
    expect(d.error!.message).toMatch(/was not Ready within 10s/);
    expect(d.outputs.result).toBe('failed');
    expect(servingNow()).toEqual([[before, 100]]);
  });

  it('when moving traffic to the Ready revision fails, traffic is put back on what served before (rolled-back)', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    const before = latestReady()!;
    fake.planRouting(SERVICE, { outcome: 'fail', message: 'Route programming failed.' });
    const d = await deploy({ image: IMAGE2 });
    expect(d.error).toBeInstanceOf(DeploymentFailedError);
    expect(d.error!.message).toContain('moving traffic to model-api-00002-');
    expect(d.error!.message).toContain('Route programming failed.');
    expect(d.error!.message).toContain(`traffic is back on ${before}=100% (read back from the service)`);
    expect(d.outputs.result).toBe('rolled-back');
    expect(d.outputs.revision).toBeUndefined();
    expect(serving()).toEqual([{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: before, percent: 100 }]);
    expect(fake.countCalls('UpdateService')).toBe(3);
    expect(d.summary).toContain('Rollback');
  });

  it('when moving traffic hangs past the timeout, traffic is put back and the step fails as rolled-back', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    const before = latestReady()!;
    fake.planRouting(SERVICE, { outcome: 'hang' });
    const d = await deploy({ image: IMAGE2, timeout: '10s' }, { clock: fakeClock(Date.now()) });
    expect(d.error!.message).toMatch(/moving traffic to model-api-00002-[a-z]{3} failed: operation .* did not finish within 10s/);
    expect(d.outputs.result).toBe('rolled-back');
    expect(servingNow()).toEqual([[before, 100]]);
    // The hanging change must not route later: the service's spec is pinned back too.
    expect(svcNow().traffic).toEqual([{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: before, percent: 100 }]);
  });

  it('another deploy landing meanwhile makes the result superseded, and nothing is rolled back', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    fake.planRevisions(SERVICE, { outcome: 'ready', steps: 5 });
    const waiting = deploy({ image: IMAGE2 });
    await waitFor(() => fake.countCalls('GetOperation') >= 1);
    fake.externalUpdate(PROJECT, REGION, SERVICE, (t) => {
      t.containers[0].image = 'us-docker.pkg.dev/demo/models/iris:hotfix';
    });
    const d = await waiting;
    expect(d.outputs.result).toBe('superseded');
    expect(d.error!.message).toMatch(/was changed by another deploy \(its latest revision is now model-api-00003-[a-z]{3}\)/);
    expect(fake.countCalls('UpdateService')).toBe(1);
  });

  it('cancellation while traffic moves puts the previous split back and claims it only once read back', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    const before = latestReady()!;
    // The move routes at its first poll while its operation runs on: the new revision serves when cancelled.
    fake.planRouting(SERVICE, { outcome: 'ready', steps: 1_000_000, routeAfterSteps: 1 });
    const controller = new AbortController();
    const waiting = deploy({ image: IMAGE2, timeout: '5m' }, { signal: controller.signal });
    await waitFor(() => fake.countCalls('UpdateService') >= 2 && servingNow()[0]?.[0] !== before);
    controller.abort(new CancelledError('cancelled by SIGINT'));
    const d = await waiting;
    expect(d.error).toBeInstanceOf(CancelledError);
    expect(d.report!.failure).toBe(`cancelled while traffic moved; traffic is back on ${before}=100% (read back from the service)`);
    expect(d.report!.rollback).toEqual({ to: `${before} (LATEST)=100%`, result: `traffic is back on ${before}=100% (read back from the service)`, confirmed: true });
    expect(d.outputs.result).toBe('rolled-back');
    expect(fake.countCalls('UpdateService')).toBe(3);
    expect(svcNow().traffic).toEqual([{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: before, percent: 100 }]);
    expect(servingNow()).toEqual([[before, 100]]);
    expect(d.summary).toContain('| **Confirmed (read back)** | yes |');
  });

  it('cancellation: when the put-back does not route, nothing claims a rollback; the report says what serves, read back', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    const before = latestReady()!;
    fake.planRouting(SERVICE, { outcome: 'ready', steps: 1_000_000, routeAfterSteps: 1 }, { outcome: 'hang' });
    const controller = new AbortController();
    const waiting = deploy({ image: IMAGE2, timeout: '5m' }, { signal: controller.signal, cancelPutBackWaitMs: 300 });
    await waitFor(() => fake.countCalls('UpdateService') >= 2 && servingNow()[0]?.[0] !== before);
    controller.abort(new CancelledError('cancelled by SIGINT'));
    const d = await waiting;
    expect(d.error).toBeInstanceOf(CancelledError);
    expect(fake.countCalls('UpdateService')).toBe(3);
    // The put-back never routed: the new revision still serves, and the report says so.
    const now = servingNow();
    expect(now).toEqual([[d.report!.revision, 100]]);
    expect(d.report!.trafficAfter!.filter((t) => t.percent > 0).map((t) => [t.revision, t.percent])).toEqual(now);
    expect(d.outputs.result).toBe('failed');
    expect(d.report!.rollback!.confirmed).toBe(false);
    expect(d.report!.rollback!.result).toMatch(/^started on cancellation, not confirmed \(not routed within [0-9.]+m?s\): the service serves /);
    expect(d.report!.failure).toContain(`putting it back on ${before} (LATEST)=100% was started but not confirmed`);
    expect(d.summary).toContain('| **Confirmed (read back)** | no |');
    expect(d.summary).not.toContain('traffic is back on');
  });

  it('a missing permission fails before anything changes and names the role to grant', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    fake.denyPermission('UpdateService');
    const d = await deploy({ image: IMAGE2 });
    expect(d.error).toBeInstanceOf(ConfigurationError);
    expect(d.error!.message).toContain('permission run.services.update is missing');
    expect(d.error!.message).toContain('roles/run.developer');
    expect(fake.countCalls('GetOperation')).toBe(0);
  });

  it('survives throttling and 5xx on reads, writes and operation polls', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    fake.injectFault({ method: 'GetService', kind: 'throttle', count: 1 });
    fake.injectFault({ method: 'UpdateService', kind: 'unavailable', count: 1 });
    fake.injectFault({ method: 'GetOperation', kind: 'internal', count: 2 });
    const d = await deploy({ image: IMAGE2 });
    expect(d.error).toBeUndefined();
    expect(d.outputs.result).toBe('deployed');
    expect(fake.calls.filter((c) => c.fault).map((c) => `${c.method}:${c.status}`)).toEqual([
      'GetService:429',
      'UpdateService:503',
      'GetOperation:500',
      'GetOperation:500',
    ]);
  });

  it('cancellation while the revision starts leaves traffic where it was and says so', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    const before = latestReady()!;
    fake.planRevisions(SERVICE, { outcome: 'hang' });
    const controller = new AbortController();
    const waiting = deploy({ image: IMAGE2, timeout: '5m' }, { signal: controller.signal });
    await waitFor(() => fake.countCalls('GetOperation') >= 2);
    controller.abort(new CancelledError('cancelled by SIGINT'));
    const d = await waiting;
    expect(d.error).toBeInstanceOf(CancelledError);
    expect(d.report!.failure).toContain(`cancelled before traffic moved: the service serves ${before} (LATEST)=100% (read back)`);
    expect(servingNow()).toEqual([[before, 100]]);
  });

  it('a misspelled field in a service definition fails before any change, naming the field path', async () => {
    const file = join(workDir, 'service.yaml');
    await writeFile(file, 'template:\n  containers:\n    - image: x/y:1\n      resorces:\n        limits: {cpu: "1"}\n');
    const d = await deploy({ 'service-definition': file });
    expect(d.error!.message).toContain("Service.template.containers[0]: unknown field 'resorces'");
    expect(fake.countCalls('CreateService') + fake.countCalls('UpdateService')).toBe(0);
  });
});

async function waitFor(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setImmediate(r));
}
