/**
 * The committed bundle (actions/deploy-cloud-run/dist/index.js), run as the runner runs it, against
 * the harness's Cloud Run fake over HTTP on 127.0.0.1 (see deploy.itg.test.ts for what the fake models).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type CloudRunFake, startCloudRunFake } from '@ml-deploy/test/harness/cloud-run-fake';
import { runBundle } from '@ml-deploy/test/run-bundle';

const PROJECT = 'demo-project';
const REGION = 'us-central1';
const SERVICE = 'model-api';
const DIGEST = `sha256:${'3'.repeat(64)}`;

let fake: CloudRunFake;
beforeAll(async () => {
  fake = await startCloudRunFake();
});
afterAll(async () => fake?.stop());
beforeEach(() => fake.reset());
afterEach(() => fake.assertClean());

const inputs = (extra: Record<string, string> = {}) => ({
  service: SERVICE,
  region: REGION,
  'project-id': PROJECT,
  endpoint: fake.url,
  image: `us-docker.pkg.dev/demo-project/models/iris@${DIGEST}`,
  ...extra,
});
const env = { ML_DEPLOY_POLL_INTERVAL: '50ms' };

describe('deploy-cloud-run bundle', () => {
  it('deploys a new revision and sets every output and the job summary', async () => {
    const seeded = fake.seedService(PROJECT, REGION, SERVICE);
    const before = String(seeded.latestReadyRevision).split('/').pop();
    const run = await runBundle('deploy-cloud-run', { inputs: inputs({ 'revision-suffix': 'a1b2c3d', tag: 'candidate' }), env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      result: 'deployed',
      revision: 'model-api-a1b2c3d',
      'previous-revision': before,
      'image-digest': DIGEST,
      url: `https://model-api-123456789012.${REGION}.run.app`,
      'tag-url': `https://candidate---model-api-123456789012.${REGION}.run.app`,
    });
    const report = JSON.parse(await readFile(run.outputs.report!, 'utf8'));
    expect(report.result).toBe('deployed');
    expect(report.apiCalls['run.services.update']).toBe(2);
    expect(run.summary).toContain('✅ **Deployed**');
    expect(run.summary).toContain('| `model-api-a1b2c3d` | 0% | 100% | candidate |');
    expect(run.summary).toContain('| **Deploy** | new revision |');
    expect(run.summary).toContain('### Revision conditions');
    expect(run.summary).toContain('| Ready | ✅ succeeded |');
    expect(run.summary).toContain('### Next');
  });

  it('fails the step with the input named, before any call', async () => {
    const run = await runBundle('deploy-cloud-run', { inputs: inputs({ cpu: '1', memory: '8Gi' }), env });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::deploy-cloud-run: input 'memory': got "8Gi", expected memory Cloud Run accepts with cpu '1': more than 4Gi of memory needs at least 2 CPU`);
    expect(fake.calls).toEqual([]);
  });

  it('a failing revision fails the step; outputs say failed and name no new revision; traffic stays', async () => {
    const seeded = fake.seedService(PROJECT, REGION, SERVICE);
    const before = String(seeded.latestReadyRevision).split('/').pop();
    fake.planRevisions(SERVICE, { outcome: 'fail', message: 'Container import failed: model.onnx not found' });
    const run = await runBundle('deploy-cloud-run', { inputs: inputs(), env });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::deploy-cloud-run: Revision 'model-api-00002-[a-z]{3}' is not ready and cannot serve traffic. Container import failed: model.onnx not found; traffic stayed on/);
    expect(run.outputs.result).toBe('failed');
    expect(run.outputs.revision).toBeUndefined();
    expect(run.outputs['previous-revision']).toBe(before);
    expect(run.summary).toContain('What went wrong');
    expect(run.summary).toMatch(/\| Ready \| ❌ failed \| .*Container import failed: model.onnx not found/);
    expect(run.summary).toContain('[Logs of revision model-api-00002-');
    expect(fake.peekService(PROJECT, REGION, SERVICE)!.latestReadyRevision).toBe(seeded.latestReadyRevision);
  });

  it('SIGINT while the revision starts: the step fails as cancelled and traffic is left where it was', async () => {
    fake.seedService(PROJECT, REGION, SERVICE);
    fake.planRevisions(SERVICE, { outcome: 'hang' });
    const run = await runBundle('deploy-cloud-run', { inputs: inputs(), env, signal: { name: 'SIGINT', whenStdout: /creating revision/ } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::deploy-cloud-run: cancelled by SIGINT');
    expect(run.summary).toContain('cancelled before traffic moved');
  });
});
