/**
 * The champion's metrics from the image serving now (issue 5), end to end on real parts: a first
 * run() validates the champion model and gives its `labels` output; those labels go on an image
 * pushed to a real registry (Debian's docker-registry) through its HTTP API; the candidate's run()
 * then reads them back with `champion-image`. Models are real ONNX files from skl2onnx.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ActionContext, ConfigurationError, memoryLogger, SecretRegistry, SummaryBuilder, UserError } from '@ml-deploy/action-kit';
import { ModelLabel, scanModel } from '@ml-deploy/model';
import { readImageLabels, type RegistryClientOptions } from '@ml-deploy/oci';
import { inputReader } from '@ml-deploy/test/action-yml';
import { type PushedImage, pushImage, type Registry, startRegistry } from '@ml-deploy/test/harness/registry';
import { makeOnnxFixtures, type OnnxFixtures } from '../../../test/fixtures/onnx/fixtures';
import { parseInputs } from '../src/inputs';
import { run, type RunDeps, type ValidationReport } from '../src/run';

interface Outcome {
  error?: Error;
  outputs: Record<string, string>;
  summary: string;
  log: string;
  report?: ValidationReport;
  secrets: SecretRegistry;
}

async function validate(overrides: Record<string, string>, registryOptions: RegistryClientOptions = {}, extra: Partial<RunDeps> = {}): Promise<Outcome> {
  const inputs = await parseInputs(inputReader('validate-model', overrides));
  const outputs: Record<string, string> = {};
  const logger = memoryLogger();
  const summary = new SummaryBuilder();
  const secrets = new SecretRegistry(() => {});
  const ctx: ActionContext = { logger, signal: new AbortController().signal, secrets, summary, setOutput: (n, v) => void (v !== undefined && (outputs[n] = String(v))) };
  const reportDir = mkdtempSync(join(tmpdir(), 'validate-model-champion-'));
  let error: Error | undefined;
  try {
    await run(inputs, {
      ...ctx,
      scanModel,
      reportDir,
      workspace: fx.dir,
      registry: { readImageLabels, options: { env: { HOME: '/nonexistent' }, attempts: 2, baseDelayMs: 10, ...registryOptions } },
      ...extra,
    });
  } catch (err) {
    error = err as Error;
  }
  const reportPath = join(reportDir, 'report.json');
  return {
    ...(error ? { error } : {}),
    outputs,
    summary: summary.toString(),
    log: logger.lines.join('\n'),
    ...(existsSync(reportPath) ? { report: JSON.parse(readFileSync(reportPath, 'utf8')) as ValidationReport } : {}),
    secrets,
  };
}

/** The `labels` output as a map, as docker/build-push-action reads its `labels` input. */
function labelMap(lines: string): Record<string, string> {
  return Object.fromEntries(lines.split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

let fx: OnnxFixtures;
let reg: Registry;
let championAccuracy: number;
let champion: PushedImage;
let championLabels: Record<string, string>;

beforeAll(async () => {
  fx = makeOnnxFixtures();
  reg = await startRegistry();
  championAccuracy = (JSON.parse(readFileSync(fx.champion, 'utf8')) as { accuracy: number }).accuracy;
  // The champion went through validate-model when it was deployed; its image carries the labels.
  const deployed = await validate({ 'model-path': fx.classifier, metrics: fx.champion, 'smoke-test': 'false', 'model-name': 'iris', 'model-version': '6' }, {}, { revision: 'c0ffee1' });
  expect(deployed.error).toBeUndefined();
  championLabels = labelMap(deployed.outputs.labels!);
  champion = await pushImage({ registry: reg, repository: 'models/iris' }, { tag: 'prod', labels: championLabels });
});
afterAll(async () => {
  await reg?.stop();
});

describe('validate-model with champion-image', () => {
  it('labels carry the metadata output, metrics included, in the documented convention', () => {
    expect(Object.keys(championLabels)).toEqual([ModelLabel.Metadata, 'org.opencontainers.image.version', 'org.opencontainers.image.revision']);
    expect(championLabels['org.opencontainers.image.version']).toBe('6');
    expect(championLabels['org.opencontainers.image.revision']).toBe('c0ffee1');
    const metadata = JSON.parse(championLabels[ModelLabel.Metadata]!);
    expect(metadata).toMatchObject({ name: 'iris', version: '6', format: 'onnx', verdict: 'pass', metrics: JSON.parse(readFileSync(fx.champion, 'utf8')) });
    expect(championLabels[ModelLabel.Metadata]).not.toContain('\n');
  });

  it('passes a candidate better than the champion read from the image, and says where the champion came from', async () => {
    const ref = `${reg.host}/models/iris@${champion.digest}`;
    const o = await validate({ 'model-path': fx.classifier, metrics: fx.metrics, 'champion-image': ref, thresholds: 'accuracy >= champion - 0.01\neval.f1 > champion.eval.f1', 'smoke-test': 'false' });
    expect(o.error).toBeUndefined();
    expect(o.outputs.verdict).toBe('pass');
    expect(o.report!.quality).toMatchObject({ championImage: { reference: ref, digest: champion.digest, model: { name: 'iris', version: '6' } } });
    expect(o.report!.quality!.championFile).toBeUndefined();
    expect(o.report!.quality!.rules[0]).toMatchObject({ passed: true, limit: championAccuracy - 0.01 });
    expect(o.summary).toContain(`champion: the image \`${ref}\` at \`${champion.digest}\`, label \`${ModelLabel.Metadata}\``);
    expect(o.log).toContain(`champion: model iris version 6 from ${ref} (${champion.digest}); metrics: accuracy, eval`);
  });

  it('fails a candidate worse than the champion (by tag)', async () => {
    const worse = join(fx.dir, 'worse-metrics.json');
    writeFileSync(worse, JSON.stringify({ accuracy: championAccuracy - 0.05 }));
    const o = await validate({ 'model-path': fx.classifier, metrics: worse, 'champion-image': `${reg.host}/models/iris:prod`, thresholds: 'accuracy >= champion - 0.01', 'smoke-test': 'false' });
    expect(o.error).toBeInstanceOf(UserError);
    expect(o.error!.message).toBe('model rejected: quality gate: 1 of 1 rule(s) failed (accuracy >= champion - 0.01)');
    expect(o.report!.quality!.rules[0]).toMatchObject({ passed: false, value: championAccuracy - 0.05, limit: championAccuracy - 0.01 });
    expect(o.report!.quality!.championImage!.digest).toBe(champion.digest);
  });

  it('refuses a champion image whose labels were changed in the registry behind its digest', async () => {
    const img = await pushImage({ registry: reg, repository: 'models/tampered' }, { tag: 'prod', labels: championLabels });
    // Someone with write access to the storage lowers the champion's accuracy to let a worse model through.
    const path = reg.blobPath(img.configDigest);
    const text = readFileSync(path, 'utf8');
    const lowered = text.replace(/\\"accuracy\\":0\.(\d)/, (_m, d: string) => `\\"accuracy\\":0.${d === '0' ? '1' : '0'}`);
    expect(lowered).not.toBe(text);
    writeFileSync(path, lowered);
    const ref = `${reg.host}/models/tampered@${img.digest}`;
    const o = await validate({ 'model-path': fx.classifier, metrics: fx.metrics, 'champion-image': ref, thresholds: 'accuracy >= champion - 0.01', 'smoke-test': 'false' });
    expect(o.error).toBeInstanceOf(ConfigurationError);
    expect(o.error!.message).toMatch(new RegExp(`^reading the champion's metrics from ${ref.replace(/[.]/g, '\\.')}: refusing .*: the config blob ${img.configDigest} hashes to sha256:[0-9a-f]{64}$`));
    expect(o.outputs.verdict).toBeUndefined();
    expect(o.summary).toContain('**Not validated**: reading the champion');
  });

  it('a pinned digest the registry does not have: the image does not exist', async () => {
    const ref = `${reg.host}/models/iris@sha256:${'1'.repeat(64)}`;
    const o = await validate({ 'model-path': fx.classifier, metrics: fx.metrics, 'champion-image': ref, thresholds: 'accuracy >= champion', 'smoke-test': 'false' });
    expect(o.error).toBeInstanceOf(ConfigurationError);
    expect(o.error!.message).toContain(`the image ${ref} does not exist`);
  });

  it.each([
    ['no metadata label', { 'org.opencontainers.image.version': '1' }, "the image has no 'org.ml-deploy.model.metadata' label (its labels: org.opencontainers.image.version); images get it from validate-model's 'metadata' output"],
    ['a label that is not JSON', { [ModelLabel.Metadata]: 'iris v1' }, "the 'org.ml-deploy.model.metadata' label is not JSON (it starts \"iris v1\"); images get it from"],
    ['metadata without metrics', { [ModelLabel.Metadata]: JSON.stringify({ name: 'iris', metrics: null }) }, "the 'org.ml-deploy.model.metadata' label has no metrics (validate-model ran without a 'metrics' file when this image was built)"],
  ])('an image with %s: says so and how images get the label', async (_name, labels, message) => {
    const img = await pushImage({ registry: reg, repository: 'models/unlabelled' }, { labels });
    const ref = `${reg.host}/models/unlabelled@${img.digest}`;
    const o = await validate({ 'model-path': fx.classifier, metrics: fx.metrics, 'champion-image': ref, thresholds: 'accuracy >= champion', 'smoke-test': 'false' });
    expect(o.error).toBeInstanceOf(ConfigurationError);
    expect(o.error!.message).toContain(`reading the champion's metrics from ${ref}: ${ref} (${img.digest}): ${message}`);
  });
});

describe('validate-model with champion-image on a registry that needs credentials', () => {
  const user = { username: 'deployer', password: 'Reg-pass-81b9' };
  let authReg: Registry;
  let ref: string;
  beforeAll(async () => {
    authReg = await startRegistry({ basicAuth: user });
    await pushImage({ registry: authReg, repository: 'models/iris', auth: user }, { tag: 'prod', labels: championLabels });
    ref = `${authReg.host}/models/iris:prod`;
  });
  afterAll(async () => {
    await authReg?.stop();
  });

  it('reads with ML_DEPLOY_REGISTRY_USERNAME/PASSWORD and registers the password as a secret', async () => {
    const o = await validate({ 'model-path': fx.classifier, metrics: fx.metrics, 'champion-image': ref, thresholds: 'accuracy >= champion - 0.01', 'smoke-test': 'false' }, { env: { HOME: '/nonexistent', ML_DEPLOY_REGISTRY_USERNAME: user.username, ML_DEPLOY_REGISTRY_PASSWORD: user.password } });
    expect(o.error).toBeUndefined();
    expect(o.secrets.redact(`x ${user.password} y`)).toBe('x *** y');
  });

  it('without credentials: a 401 that says which to set', async () => {
    const o = await validate({ 'model-path': fx.classifier, metrics: fx.metrics, 'champion-image': ref, thresholds: 'accuracy >= champion', 'smoke-test': 'false' });
    expect(o.error).toBeInstanceOf(ConfigurationError);
    expect(o.error!.message).toBe(`reading the champion's metrics from ${ref}: ${authReg.host} needs credentials to pull models/iris (401): set ML_DEPLOY_REGISTRY_USERNAME and ML_DEPLOY_REGISTRY_PASSWORD, or log in first with docker/login-action (it writes /nonexistent/.docker/config.json)`);
  });
});
