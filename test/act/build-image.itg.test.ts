/**
 * The starter pipeline workflows/build-image.yml under act in host mode: validate-model gates a real
 * model (scikit-learn + skl2onnx), build-image builds the built-in server image with buildah (vfs,
 * chroot) and pushes it to a local registry; the pushed image carries the gate's metadata label.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readImageLabels } from '@ml-deploy/oci';
import { makeOnnxFixtures, type OnnxFixtures } from '../fixtures/onnx/fixtures';
import { buildahEnv, type BuildahEnv, pushNodeBase } from '../harness/images';
import { type Registry, startRegistry } from '../harness/registry';
import { localWorkflow, runAct } from './act';

let fx: OnnxFixtures;
let registry: Registry;
let storage: BuildahEnv;
let base: string;
beforeAll(async () => {
  fx = makeOnnxFixtures();
  registry = await startRegistry();
  storage = buildahEnv();
  base = pushNodeBase(registry);
}, 120_000);
afterAll(async () => {
  storage?.cleanup();
  await registry?.stop();
});

it('gates the model, builds the server image and pushes it with the gate labels', async () => {
  const run = await runAct({
    workflow: await localWorkflow('build-image.yml'),
    inputs: { 'model-path': fx.classifier, 'model-version': '11', image: `${registry.host}/acme/iris-model` },
    vars: { ML_DEPLOY_BASE_IMAGE: base },
    env: { CONTAINERS_STORAGE_CONF: storage.env.CONTAINERS_STORAGE_CONF!, STORAGE_DRIVER: 'vfs', BUILDAH_ISOLATION: 'chroot', SOURCE_DATE_EPOCH: '1700000000' },
    timeoutMs: 400_000,
  });
  if (run.code !== 0) console.log(run.output);
  expect(run.code).toBe(0);
  const image = /built image: (\S+@sha256:[0-9a-f]{64})/.exec(run.output)?.[1];
  expect(image).toBeDefined();
  expect(image!.startsWith(`${registry.host}/acme/iris-model@sha256:`)).toBe(true);
  const read = await readImageLabels(`${registry.host}/acme/iris-model:11`);
  expect(read.digest).toBe(image!.split('@')[1]);
  // validate-model's metadata label, as the gate wrote it (no metrics file in this pipeline).
  const meta = JSON.parse(read.labels['org.ml-deploy.model.metadata']!) as Record<string, unknown>;
  expect(read.labels['org.opencontainers.image.version']).toBe('11');
  expect(meta).toMatchObject({ name: 'iris-classifier', version: '11', format: 'onnx', verdict: 'pass' });
}, 420_000);
