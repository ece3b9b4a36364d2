/**
 * The committed bundle (actions/build-image/dist/index.js) run as the runner runs it: Node 24,
 * INPUT_* with action.yml's defaults, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. Real buildah and a
 * real registry with Basic auth: the password given through ML_DEPLOY_REGISTRY_PASSWORD is used for
 * the push and must appear in no log, output or summary.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runBundle } from '../../../test/run-bundle';
import { buildahEnv, type BuildahEnv, pushNodeBase } from '../../../test/harness/images';
import { type Registry, startRegistry } from '../../../test/harness/registry';
import { makeOnnxFixtures, type OnnxFixtures, seededOnnxRuntimeCache } from '../../../test/fixtures/onnx/fixtures';

const PASSWORD = 's3cret-Bundle-pa55word';
let plain: Registry;
let authed: Registry;
let storage: BuildahEnv;
let base: string;
let fx: OnnxFixtures;
const ortCache = seededOnnxRuntimeCache();

beforeAll(async () => {
  fx = makeOnnxFixtures();
  plain = await startRegistry();
  authed = await startRegistry({ basicAuth: { username: 'ci', password: PASSWORD } });
  storage = buildahEnv();
  base = pushNodeBase(plain);
}, 120_000);
afterAll(async () => {
  storage?.cleanup();
  await plain?.stop();
  await authed?.stop();
});

function envOf(extra: Record<string, string> = {}): Record<string, string> {
  const e = storage.env;
  return {
    PATH: process.env.PATH ?? '',
    CONTAINERS_STORAGE_CONF: e.CONTAINERS_STORAGE_CONF!,
    STORAGE_DRIVER: 'vfs',
    BUILDAH_ISOLATION: 'chroot',
    ML_DEPLOY_ORT_CACHE: ortCache,
    ML_DEPLOY_NPM_REGISTRY: 'http://127.0.0.1:9/',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/tags/v2.1.0',
    ...extra,
  };
}

describe('build-image bundle', () => {
  it('builds the built-in server image, pushes it with Basic credentials, and never prints the password', async () => {
    const r = await runBundle('build-image', {
      inputs: { model: fx.classifier, image: `${authed.host}/acme/iris`, 'base-image': base, push: 'true', tags: '{{semver}}\n{{major.minor}}', 'model-version': '5', 'source-date-epoch': '1700000000' },
      env: envOf({ ML_DEPLOY_REGISTRY_USERNAME: 'ci', ML_DEPLOY_REGISTRY_PASSWORD: PASSWORD }),
      timeoutMs: 300_000,
    });
    if (r.code !== 0) console.log(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    expect(r.outputs.tags).toBe(`${authed.host}/acme/iris:2.1.0\n${authed.host}/acme/iris:2.1`);
    expect(r.outputs.image).toBe(`${authed.host}/acme/iris@${r.outputs.digest}`);
    expect(r.stdout).toMatch(/engine: buildah \(buildah version 1\.\d+/);
    expect(r.summary).toContain('✅ Built and pushed');
    expect(r.summary).toMatch(/\| 3 \| `sha256:[0-9a-f]{12}\.\.\.` \| [0-9.]+ (B|KiB) \| the model \(\/opt\/ml\/model\) \| new \|/);
    // The registry holds it (read with the same credentials).
    const inspect = spawnSync('skopeo', ['inspect', '--tls-verify=false', '--creds', `ci:${PASSWORD}`, `docker://${authed.host}/acme/iris:2.1`], { encoding: 'utf8' });
    expect(JSON.parse(inspect.stdout).Digest).toBe(r.outputs.digest);
    // The runner consumes ::add-mask:: commands (the line is never shown); everything else counts.
    const shown = (text: string) => text.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    expect(r.stdout).toContain(`::add-mask::${PASSWORD}`);
    for (const text of [shown(r.stdout), r.stderr, r.summary, JSON.stringify(r.outputs)]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(Buffer.from(`ci:${PASSWORD}`).toString('base64'));
    }
  }, 300_000);

  it('fails on a bad input before building anything, naming the input and the value', async () => {
    const r = await runBundle('build-image', {
      inputs: { model: fx.classifier, image: `${plain.host}/acme/iris`, tags: '{{version}}' },
      env: envOf(),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("input 'tags': got \"{{version}}\", expected one tag template per line (unknown placeholder {{version}}");
    expect(r.stdout).not.toContain('buildah bud');
  });

  it('fails clearly when the model does not exist', async () => {
    const r = await runBundle('build-image', {
      inputs: { model: '/nonexistent/model.onnx', image: `${plain.host}/acme/iris`, 'base-image': base, 'model-version': '1' },
      env: envOf(),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("model /nonexistent/model.onnx does not exist (input 'model')");
  });
});
