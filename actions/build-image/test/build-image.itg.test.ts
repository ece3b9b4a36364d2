/**
 * build-image with real buildah (vfs storage, chroot isolation) and a real registry
 * (docker-registry), on real models (scikit-learn + skl2onnx): images are pushed, pulled back with
 * skopeo, their layers unpacked and checked, and the built-in server image is run from its own
 * files (loader, libraries, node, server bundle, model) as a plain process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { formatLabelLines, modelImageLabels, modelMetadataFromLabels, type ModelMetadata, ONNXRUNTIME_NODE } from '@ml-deploy/model';
import { readImageLabels } from '@ml-deploy/oci';
import { buildahEnv, type BuildahEnv, pullRootfs, pushNodeBase, startServerFromRootfs } from '../../../test/harness/images';
import { type Registry, startRegistry } from '../../../test/harness/registry';
import { makeOnnxFixtures, type OnnxFixtures, seededOnnxRuntimeCache } from '../../../test/fixtures/onnx/fixtures';
import { build } from './helpers';

let registry: Registry;
let storage: BuildahEnv;
let base: string;
let fx: OnnxFixtures;
let env: NodeJS.ProcessEnv;
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

const metadata = (version: string, digest: string): ModelMetadata => ({
  name: 'iris',
  version,
  format: 'onnx',
  digest,
  size: 1,
  signature: { inputs: [], outputs: [] },
  metrics: { accuracy: 0.97 },
  verdict: 'pass',
});

function sha256(path: string): string {
  return `sha256:${spawnSync('sha256sum', [path], { encoding: 'utf8' }).stdout.split(' ')[0]}`;
}

beforeAll(() => {
  fx = makeOnnxFixtures();
});
beforeAll(async () => {
  registry = await startRegistry();
  storage = buildahEnv();
  base = pushNodeBase(registry);
  // The runner's tool cache after a first run fetched and verified ONNX Runtime; the registry
  // refuses connections, so every image below is built from the cache.
  env = { ...storage.env, ML_DEPLOY_ORT_CACHE: seededOnnxRuntimeCache(), ML_DEPLOY_NPM_REGISTRY: 'http://127.0.0.1:9/', GITHUB_SHA: SHA, GITHUB_REF: 'refs/heads/main', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/churn' };
}, 120_000);
afterAll(async () => {
  storage?.cleanup();
  await registry?.stop();
});

describe('the built-in server image', () => {
  let first: Awaited<ReturnType<typeof build>>;
  const inputs = (model: string, version: string) => ({
    model,
    image: `${registry.host}/acme/iris`,
    'base-image': base,
    push: 'true',
    engine: 'buildah',
    'source-date-epoch': '1700000000',
    licenses: 'Apache-2.0',
    labels: formatLabelLines(modelImageLabels(metadata(version, sha256(model)), { revision: SHA })),
    tags: '{{model-version}}\n{{short-sha}}\n{{branch}}\n{{semver}}',
  });

  beforeAll(async () => {
    first = await build(inputs(fx.classifier, '3'), env);
  }, 180_000);

  it('is pushed under every rendered tag, with outputs that name the digest', async () => {
    const { outputs, result } = first;
    expect(result.engine.engine).toBe('buildah');
    expect(outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(outputs.image).toBe(`${registry.host}/acme/iris@${outputs.digest}`);
    // {{semver}} has no value on a branch build: left out.
    expect(outputs.tags!.split('\n')).toEqual([`${registry.host}/acme/iris:3`, `${registry.host}/acme/iris:a1b2c3d`, `${registry.host}/acme/iris:main`]);
    for (const ref of outputs.tags!.split('\n')) {
      const inspect = JSON.parse(spawnSync('skopeo', ['inspect', '--tls-verify=false', `docker://${ref}`], { encoding: 'utf8', env }).stdout) as { Digest: string };
      expect(inspect.Digest).toBe(outputs.digest);
    }
    const meta = JSON.parse(outputs.metadata!) as { images: { layers: unknown[] }[]; pushed: boolean; sourceDateEpoch: number };
    expect(meta.pushed).toBe(true);
    expect(meta.sourceDateEpoch).toBe(1700000000);
    expect(meta.images[0]!.layers).toHaveLength(3);
  });

  it('is a single image manifest (no index), with the OCI labels and validate-model labels as given', async () => {
    const raw = JSON.parse(spawnSync('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${registry.host}/acme/iris:3`], { encoding: 'utf8' }).stdout) as { mediaType: string };
    expect(raw.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    const read = await readImageLabels(first.outputs.image!);
    expect(read.labels).toMatchObject({
      'org.opencontainers.image.source': 'https://github.com/acme/churn',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.created': '2023-11-14T22:13:20Z',
      'org.opencontainers.image.version': '3',
      'org.opencontainers.image.licenses': 'Apache-2.0',
      'org.opencontainers.image.title': 'iris',
    });
    // As champion-image: validate-model reads the metadata label back.
    const champion = modelMetadataFromLabels(read.labels);
    expect(champion.version).toBe('3');
    expect(champion.metrics).toEqual({ accuracy: 0.97 });
    expect(champion.digest).toBe(sha256(fx.classifier));
  });

  it('holds base, server and model as three layers, the model alone in the last, owned by root with fixed modes', () => {
    const image = pullRootfs(first.outputs.image!);
    try {
      expect(image.manifest.layers).toHaveLength(3);
      const [, app, model] = image.layerFiles;
      expect(model!.filter((f) => !f.endsWith('/'))).toEqual(['opt/ml/model/iris-logreg.onnx']);
      expect(app).toEqual(expect.arrayContaining(['opt/ml-deploy/server/server.js', 'opt/ml-deploy/server/x64/libonnxruntime.so.1']));
      expect(app!.some((f) => f.includes('arm64'))).toBe(false);
      expect(readFileSync(join(image.rootfs, 'opt/ml/model/iris-logreg.onnx'))).toEqual(readFileSync(fx.classifier));
      const listing = spawnSync('tar', ['-tvzf', join(image.rootfs, '..', 'layout', 'blobs', 'sha256', image.manifest.layers[2]!.digest.slice(7))], { encoding: 'utf8' }).stdout;
      expect(listing).toMatch(/^-r?w-r--r-- 0\/0 .* 2023-11-14 22:13 opt\/ml\/model\/iris-logreg.onnx$/m);
      expect(image.config.config.Env).toEqual(expect.arrayContaining(['MODEL_PATH=/opt/ml/model/iris-logreg.onnx', 'MODEL_NAME=iris', 'MODEL_VERSION=3', 'PORT=8080', 'HOST=0.0.0.0']));
      expect(image.config.config.User).toBe('65532:65532');
      expect(image.config.created).toBe('2023-11-14T22:13:20Z');
    } finally {
      image.cleanup();
    }
  });

  it('runs from its own files and answers /predict, /healthz and /metrics', async () => {
    const image = pullRootfs(first.outputs.image!);
    const server = await startServerFromRootfs(image);
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ready', model: { name: 'iris', version: '3' } });
      const res = await fetch(`${server.url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ instances: [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]] }) });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { outputs: { label: number[] } }).outputs.label).toEqual([0, 2]);
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toContain('model_predictions_total{model="iris",version="3"} 2');
      // The server ran the image's node, from the image's folder.
      expect(server.logTail()).toContain(`from ${image.rootfs}/opt/ml/model/iris-logreg.onnx`);
    } finally {
      await server.stop();
      image.cleanup();
    }
  }, 60_000);

  it('is reproducible: the same inputs in fresh storage give the same digest, and a new model changes only the last layer', async () => {
    const other = buildahEnv();
    try {
      const uploads = () => (readFileSync(registry.logPath, 'utf8').match(/"(PUT|PATCH|POST) \/v2\//g) ?? []).length;
      const before = uploads();
      const again = await build(inputs(fx.classifier, '3'), { ...env, ...other.env });
      expect(again.outputs.digest).toBe(first.outputs.digest);
      expect(again.summary).toMatch(/0 of 3 layers changed \(0 B to push\); 3 unchanged/);
      // Nothing changed: every tag already names this image, so nothing is uploaded at all.
      expect(again.result.unchangedTags).toEqual(first.outputs.tags!.split('\n'));
      expect(uploads()).toBe(before);

      const newModel = await build({ ...inputs(fx.regressor, '4'), tags: 'latest\n{{model-version}}' }, { ...env, ...other.env });
      const a = first.result.layout.images[0]!.layers.map((l) => l.digest);
      const b = newModel.result.layout.images[0]!.layers.map((l) => l.digest);
      expect(b.slice(0, 2)).toEqual(a.slice(0, 2));
      expect(b[2]).not.toBe(a[2]);
      expect(newModel.outputs.digest).not.toBe(first.outputs.digest);
    } finally {
      other.cleanup();
    }
  }, 240_000);
});

describe('your own Dockerfile', () => {
  it('builds it, adds the model as the last layer, and leaves it unpushed when push is false', async () => {
    const ctx = mkdtempSync(join(tmpdir(), 'build-image-ctx-'));
    writeFileSync(join(ctx, 'Dockerfile'), `ARG BASE\nFROM ${base}\nCOPY app.txt /srv/app.txt\nENV APP=1\n`);
    writeFileSync(join(ctx, 'app.txt'), 'hello\n');
    const r = await build(
      { model: fx.regressor, context: ctx, dockerfile: join(ctx, 'Dockerfile'), image: `${registry.host}/acme/custom`, engine: 'buildah', 'model-version': '9', tags: 'v{{model-version}}', 'source-date-epoch': '1700000000' },
      env,
    );
    expect(r.outputs.tags).toBe(`${registry.host}/acme/custom:v9`);
    expect(r.result.pushed).toBe(false);
    const layers = r.result.layout.images[0]!.layers;
    expect(layers).toHaveLength(3);
    expect(r.summary).toMatch(/\| 2 \| `sha256:[0-9a-f]{12}\.\.\.` \| [0-9.]+ (B|KiB) \| your Dockerfile \| new \|/);
    expect(r.summary).toMatch(/\| 3 \| `sha256:[0-9a-f]{12}\.\.\.` \| [0-9.]+ (B|KiB) \| the model \(\/opt\/ml\/model\) \| new \|/);
    expect(r.summary).toContain('Not pushed');
    const inspect = spawnSync('skopeo', ['inspect', '--tls-verify=false', `docker://${registry.host}/acme/custom:v9`], { encoding: 'utf8' });
    expect(inspect.status).not.toBe(0);
    // The image is in local storage under its tag.
    const local = spawnSync('buildah', ['inspect', '--type', 'image', `${registry.host}/acme/custom:v9`], { encoding: 'utf8', env });
    expect(local.status).toBe(0);
    expect(JSON.parse(local.stdout).OCIv1.config.Env).toEqual(expect.arrayContaining(['APP=1', 'MODEL_PATH=/opt/ml/model/iris-linreg.onnx']));
  }, 180_000);
});

describe('ONNX Runtime for the built-in server', () => {
  it('is fetched from the registry and refused unless its sha512 is the pinned one: nothing built, nothing cached', async () => {
    // Not the pinned release (any bytes under its name): a mirror serving other bytes, or tampering.
    const tarball = gzipSync(Buffer.concat([Buffer.from('package/bin/napi-v6/linux/x64/onnxruntime_binding.node'), Buffer.alloc(4096)]));
    const asked: string[] = [];
    const server = createServer((req, res) => {
      asked.push(req.url ?? '');
      res.writeHead(200, { 'content-length': tarball.length }).end(tarball);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const cache = mkdtempSync(join(tmpdir(), 'build-image-ort-'));
    try {
      const attempt = build(
        { model: fx.classifier, image: `${registry.host}/acme/tampered`, 'base-image': base, engine: 'buildah', 'source-date-epoch': '1700000000', tags: 'v1', platforms: 'linux/amd64,linux/arm64' },
        { ...env, ML_DEPLOY_ORT_CACHE: cache, ML_DEPLOY_NPM_REGISTRY: `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
      );
      await expect(attempt).rejects.toThrow(new RegExp(`refused http://127\\.0\\.0\\.1:\\d+/onnxruntime-node/-/onnxruntime-node-${ONNXRUNTIME_NODE.version.replace(/\./g, '\\.')}\\.tgz: its sha512 is sha512-\\S+, not the pinned ${ONNXRUNTIME_NODE.integrity.replace(/[+/=]/g, '\\$&')}`));
      // One download for both platforms, and nothing left in the cache.
      expect(asked).toEqual([`/onnxruntime-node/-/onnxruntime-node-${ONNXRUNTIME_NODE.version}.tgz`]);
      expect(readdirSync(join(cache, 'onnxruntime-node'))).toEqual([]);
      const local = spawnSync('buildah', ['inspect', '--type', 'image', `${registry.host}/acme/tampered:v1`], { encoding: 'utf8', env });
      expect(local.status).not.toBe(0);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  }, 60_000);
});
