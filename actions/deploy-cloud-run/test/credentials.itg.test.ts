/**
 * The credentialed path of the committed bundle: Application Default Credentials of type
 * external_account (what google-github-actions/auth writes for Workload Identity Federation) whose
 * token exchange and API calls go to the Cloud Run fake over HTTPS on 127.0.0.1 (a certificate made
 * by openssl here, trusted through NODE_EXTRA_CA_CERTS). The fake stands in for Google's STS; the
 * token flow itself is google-auth-library's. Both secrets the action really handles, the OIDC
 * subject token and the access token, are then searched for in every log, output, summary and report.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { type CloudRunFake, startCloudRunFake } from '@ml-deploy/test/harness/cloud-run-fake';
import { runBundle } from '@ml-deploy/test/run-bundle';

const SUBJECT_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.oidc-subject-token-from-github.c2lnbmF0dXJl';
const ACCESS_TOKEN = 'ya29.a0AfB_secret-access-token-9f8e7d6c5b4a';
let fake: CloudRunFake;
let dir: string;
let caPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloud-run-creds-'));
  const keyPath = join(dir, 'key.pem');
  caPath = join(dir, 'cert.pem');
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyPath, '-out', caPath, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl could not make the test certificate: ${r.stderr}`);
  fake = await startCloudRunFake({ tls: { key: await readFile(keyPath, 'utf8'), cert: await readFile(caPath, 'utf8') }, stsAccessToken: ACCESS_TOKEN });
});
afterAll(async () => fake?.stop());

it('deploys with Workload Identity Federation credentials and never prints the tokens', async () => {
  fake.seedService('demo-project', 'us-central1', 'model-api');
  const subjectFile = join(dir, 'oidc-token');
  await writeFile(subjectFile, SUBJECT_TOKEN);
  const adc = join(dir, 'gha-creds.json');
  await writeFile(
    adc,
    JSON.stringify({
      type: 'external_account',
      audience: '//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/providers/repo',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: `${fake.url}/v1/token`,
      credential_source: { file: subjectFile },
    }),
  );
  const run = await runBundle('deploy-cloud-run', {
    inputs: {
      service: 'model-api',
      region: 'us-central1',
      endpoint: fake.url,
      image: `us-docker.pkg.dev/demo-project/models/iris@sha256:${'5'.repeat(64)}`,
      'env-vars': 'MODEL_NAME=iris',
    },
    env: {
      GOOGLE_APPLICATION_CREDENTIALS: adc,
      GOOGLE_CLOUD_PROJECT: 'demo-project',
      NODE_EXTRA_CA_CERTS: caPath,
      ML_DEPLOY_POLL_INTERVAL: '50ms',
      ML_DEPLOY_DEBUG: 'true',
      ACTIONS_STEP_DEBUG: 'true',
      RUNNER_DEBUG: '1',
    },
  });
  if (run.code !== 0) console.log(run.stdout, run.stderr);
  expect(run.code).toBe(0);
  expect(run.outputs.result).toBe('deployed');
  // The secrets really flowed: the subject token was exchanged and the access token authorised every call.
  expect(fake.subjectTokens).toEqual([SUBJECT_TOKEN]);
  expect(fake.authorizations.length).toBe(fake.calls.length);
  expect(new Set(fake.authorizations)).toEqual(new Set([`Bearer ${ACCESS_TOKEN}`]));
  const report = await readFile(run.outputs.report!, 'utf8');
  for (const text of [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs), report]) {
    expect(text).not.toContain(SUBJECT_TOKEN);
    expect(text).not.toContain(ACCESS_TOKEN);
    expect(text).not.toContain('secret-access-token');
  }
});
