/**
 * The starter pipeline workflows/deploy-cloud-run.yml, run with act in host mode against the
 * harness's Cloud Run fake (test/harness/cloud-run-fake.ts: no Cloud Run emulator exists). The
 * workflow has no act-only logic: google-github-actions/auth is replaced by its stand-in in
 * test/act/stubs/auth (checks the provider and service account, mints nothing), and the endpoint
 * comes as a variable.
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
      GCP_WIF_PROVIDER: 'projects/123456789012/locations/global/workloadIdentityPools/github/providers/ml-deploy',
      GCP_SERVICE_ACCOUNT: 'model-deployer@demo-project.iam.gserviceaccount.com',
    },
    env: { ML_DEPLOY_POLL_INTERVAL: '50ms' },
  });
  if (run.code !== 0) console.log(run.output);
  expect(run.code).toBe(0);
  expect(run.output).toMatch(new RegExp(`deployed: model-api-\\d+-\\d+ \\(was ${before}\\) serves https://model-api-123456789012.us-central1.run.app, image sha256:a{64}`));
  expect(run.output).toContain('auth stand-in: model-deployer@demo-project.iam.gserviceaccount.com through projects/123456789012/');
  const svc = fake.peekService('demo-project', 'us-central1', 'model-api')!;
  const statuses = svc.trafficStatuses as Array<{ revision?: string; percent?: number; tag?: string }>;
  expect(statuses.filter((t) => t.percent)).toEqual([
    expect.objectContaining({ revision: expect.stringMatching(/^model-api-\d+-\d+$/), percent: 100, tag: 'candidate' }),
  ]);
  fake.assertClean();
});
