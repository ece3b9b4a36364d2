/**
 * The committed bundle (actions/canary-gate/dist/index.js), run as the runner runs it: Node 24,
 * INPUT_* variables with every default of action.yml filled in, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, on the recorded canaries in test/fixtures/canary.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { awsEnv } from '@ml-deploy/test/harness/aws-env';
import { createAlb } from '@ml-deploy/test/harness/alb-fixtures';
import { type MotoServer, startMoto } from '@ml-deploy/test/harness/moto';
import { AlbWeightedShifter, CloudRunRevisionShifter } from '@ml-deploy/canary';
import { CloudRunApi, createCloudRunClients, type Endpoint, parseEndpoint, type Service, waitForOperation, writableCopy } from '@ml-deploy/gcp';
import { type CloudRunFake, startCloudRunFake } from '@ml-deploy/test/harness/cloud-run-fake';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@ml-deploy/test/action-yml';
import { runBundle } from '@ml-deploy/test/run-bundle';

const fixture = (name: string): string => join(repoRoot, 'test', 'fixtures', 'canary', `${name}.jsonl`);

describe('canary-gate bundle, mode: analyze', () => {
  it('promotes the healthy recording: outputs, report file and job summary', async () => {
    const r = await runBundle('canary-gate', { inputs: { mode: 'analyze', observations: fixture('healthy') } });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('promoted');
    expect(r.outputs['final-weight']).toBe('100');
    const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8')) as { verdict: string; intervals: unknown[] };
    expect(report.verdict).toBe('promoted');
    expect(report.intervals).toHaveLength(15);
    expect(r.summary).toMatch(/## canary-gate \(analyze\): promoted/);
    expect(r.summary).toMatch(/```mermaid\nxychart-beta/);
    expect(r.stdout).toMatch(/interval 15 at 50 %: promote/);
  });

  it('fails the step on a regressed recording, after setting the outputs', async () => {
    const r = await runBundle('canary-gate', { inputs: { mode: 'analyze', observations: fixture('errors') } });
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('rolled-back');
    expect(r.outputs['final-weight']).toBe('0');
    expect(r.stdout).toMatch(/::error::canary-gate: verdict rolled-back: see the job summary/);
    expect(r.summary).toMatch(/↩️ Rolled back/);
  });

  it('names the input, file and line of bad input before doing anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canary-gate-'));
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"weight":5,"baseline":null,"canary":null}\n{"weight":5,"baseline":{"requests":10,"errors":11},"canary":null}\n');
    const r = await runBundle('canary-gate', { inputs: { mode: 'analyze', observations: bad } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/canary-gate: .*bad\.jsonl:2: baseline\.errors 11 must be a whole number from 0 to requests \(10\)/);
    expect(r.outputs.verdict).toBeUndefined();
    const missing = await runBundle('canary-gate', { inputs: { mode: 'analyze', observations: join(dir, 'nope.jsonl') } });
    expect(missing.stdout).toMatch(/input 'observations': cannot read .*nope\.jsonl \(ENOENT\)/);
    const run = await runBundle('canary-gate', { inputs: {} });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/input 'traffic': got "", expected one of 'alb'/);
  });
});

describe('canary-gate bundle, mode: rollback', () => {
  let moto: MotoServer | undefined;
  afterAll(async () => {
    await moto?.stop();
  });

  it('puts all traffic back on the baseline target group, read back from the load balancer (moto)', async () => {
    moto = await startMoto();
    const alb = await createAlb(moto.url);
    const shifter = new AlbWeightedShifter(alb.elb, { listenerOrRuleArn: alb.listenerArn, baselineTargetGroupArn: alb.baselineTargetGroupArn, canaryTargetGroupArn: alb.canaryTargetGroupArn });
    expect(await shifter.setWeight(25)).toBe(25);
    const r = await runBundle('canary-gate', {
      inputs: { mode: 'rollback', traffic: 'alb', 'listener-arn': alb.listenerArn, 'baseline-target-group-arn': alb.baselineTargetGroupArn, 'canary-target-group-arn': alb.canaryTargetGroupArn },
      env: awsEnv(moto.url),
    });
    if (r.code !== 0) console.log(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('rolled-back');
    expect(r.outputs['final-weight']).toBe('0');
    expect(r.summary).toMatch(/the canary served 25 %; it serves 0 % now/);
    expect(await shifter.readWeight()).toBe(0);
  }, 60_000);
});

describe('canary-gate bundle, mode: rollback on Cloud Run', () => {
  let fake: CloudRunFake | undefined;
  afterAll(async () => {
    await fake?.stop();
  });

  it('puts all traffic back on the baseline revision, read back from the service (Cloud Run fake)', async () => {
    fake = await startCloudRunFake();
    const clients = await createCloudRunClients(parseEndpoint(fake.url) as Endpoint);
    try {
      const api = new CloudRunApi(clients, { maxAttempts: 3 });
      const name = 'projects/demo-project/locations/europe-west4/services/model-api';
      fake.seedService('demo-project', 'europe-west4', 'model-api');
      const baseline = (await api.getService(name))!.latestReadyRevision!.split('/').pop()!;
      const body = writableCopy<Service>('google.cloud.run.v2.Service', (await api.getService(name))!);
      body.name = name;
      body.template!.containers![0]!.image = `us-docker.pkg.dev/demo/models/iris@sha256:${'2'.repeat(64)}`;
      body.traffic = [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: baseline, percent: 100 }];
      await waitForOperation(api, await api.updateService(body), { timeoutMs: 10_000, intervalMs: 10 });
      const canary = (await api.getService(name))!.latestReadyRevision!.split('/').pop()!;
      const shifter = new CloudRunRevisionShifter(api, { service: name, baselineRevision: baseline, canaryRevision: canary, timeoutMs: 10_000, pollIntervalMs: 10 });
      expect(await shifter.setWeight(25)).toBe(25);

      const r = await runBundle('canary-gate', {
        inputs: { mode: 'rollback', traffic: 'cloud-run', service: 'model-api', region: 'europe-west4', 'project-id': 'demo-project', 'baseline-revision': baseline, 'canary-revision': canary, endpoint: fake.url },
        env: { ML_DEPLOY_POLL_INTERVAL: '50ms' },
      });
      if (r.code !== 0) console.log(r.stdout, r.stderr);
      expect(r.code).toBe(0);
      expect(r.outputs.verdict).toBe('rolled-back');
      expect(r.outputs['final-weight']).toBe('0');
      expect(r.summary).toMatch(/cloud-run-revisions: the canary served 25 %; it serves 0 % now/);
      expect(await shifter.readWeight()).toBe(0);
      fake.assertClean();
    } finally {
      await clients.close();
    }
  }, 60_000);
});
