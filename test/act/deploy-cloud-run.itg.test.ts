/**
 * The starter pipeline workflows/deploy-cloud-run.yml, run with act in host mode against the
 * harness's Cloud Run fake (test/harness/cloud-run-fake.ts: no Cloud Run emulator exists). The auth
 * step is skipped under act (`if: !env.ACT`); the endpoint comes as a variable.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { type CloudRunFake, startCloudRunFake } from '../harness/cloud-run-fake';
import { localWorkflow, runAct } from './act';

let fake: CloudRunFake;
beforeAll(async () => {
  fake = await startCloudRunFake();
});
afterAll(async () => fake?.stop());

it('workflows/deploy-cloud-run.yml previews then promotes through ./deploy-cloud-run under act', async () => {
  const seeded = fake.seedService('demo-project', 'us-central1', 'model-api');
  const before = String(seeded.latestReadyRevision).split('/').pop();
  const digest = `sha256:${'a'.repeat(64)}`;
  const run = await runAct({
    workflow: await localWorkflow('deploy-cloud-run.yml'),
    inputs: { image: `us-docker.pkg.dev/demo-project/models/iris@${digest}` },
    vars: {
      GCP_PROJECT: 'demo-project',
      CLOUD_RUN_REGION: 'us-central1',
      CLOUD_RUN_SERVICE: 'model-api',
      CLOUD_RUN_ENDPOINT: fake.url,
      GCP_WIF_PROVIDER: 'unused-under-act',
      GCP_SERVICE_ACCOUNT: 'unused-under-act',
    },
    env: { ML_DEPLOY_POLL_INTERVAL: '50ms' },
  });
  if (run.code !== 0) console.log(run.output);
  expect(run.code).toBe(0);
  expect(run.output).toMatch(new RegExp(`deployed: model-api-\\d+-\\d+ \\(was ${before}\\) serves https://model-api-123456789012.us-central1.run.app, image sha256:a{64}`));
  expect(run.output).not.toMatch(/google-github-actions\/auth.*Success/);
  const svc = fake.peekService('demo-project', 'us-central1', 'model-api')!;
  const statuses = svc.trafficStatuses as Array<{ revision?: string; percent?: number; tag?: string }>;
  expect(statuses.filter((t) => t.percent)).toEqual([
    expect.objectContaining({ revision: expect.stringMatching(/^model-api-\d+-\d+$/), percent: 100, tag: 'candidate' }),
  ]);
  fake.assertClean();
});
