import { describe, expect, it } from '@jest/globals';
import { InputError } from '@ml-deploy/action-kit';
import { containersBuildCommands, containersPushCommand, detectEngine, dockerBuildCommands, type BuildPlan, type Exec } from '../src/engine';
import { ociLabels, parseLabelLines } from '../src/labels';
import { modelDockerfile } from '../src/run';
import { renderTags } from '../src/tags';
import { inputsOf } from './helpers';

describe('tags', () => {
  const ctx = { modelVersion: '3', sha: 'a1b2c3d4e5f6a7b8', ref: 'refs/tags/v1.4.2' };
  it('renders every placeholder, de-duplicates, and sanitises values', () => {
    expect(renderTags('{{model-version}}\nmodel-{{short-sha}}\n{{semver}}, {{major.minor}}\n{{major}}\n{{sha}}\n3', ctx).tags).toEqual(['3', 'model-a1b2c3d', '1.4.2', '1.4', '1', 'a1b2c3d4e5f6a7b8']);
    expect(renderTags('{{branch}}', { ref: 'refs/heads/feature/new-model' }).tags).toEqual(['feature-new-model']);
  });
  it('leaves out a line whose placeholder has no value, and says which', () => {
    expect(renderTags('{{semver}}\n{{branch}}\nlatest', ctx)).toEqual({ tags: ['1.4.2', 'latest'], skipped: [{ line: '{{branch}}', missing: 'branch' }] });
    // A pre-release moves no major/minor tags.
    expect(renderTags('{{semver}}\n{{major}}', { ref: 'refs/tags/v2.0.0-rc.1' }).tags).toEqual(['2.0.0-rc.1']);
  });
  it('refuses unknown placeholders and tags Docker would refuse', () => {
    expect(() => renderTags('{{version}}', ctx)).toThrow("unknown placeholder {{version}} in '{{version}}' (known: {{model-version}}, {{sha}}");
    expect(() => renderTags('-x', ctx)).toThrow("'-x' renders to '-x', which is not a valid tag");
    expect(() => renderTags('{{sha', ctx)).toThrow("'{{sha' has an unclosed placeholder");
  });
});

describe('labels', () => {
  it('takes validate-model lines as they are: the value is the rest of the line, commas and = included', () => {
    const text = 'org.ml-deploy.model.metadata={"name":"iris","version":"3","metrics":{"a":1,"b":2}}\norg.opencontainers.image.version=3\n';
    expect(parseLabelLines(text)).toEqual({ 'org.ml-deploy.model.metadata': '{"name":"iris","version":"3","metrics":{"a":1,"b":2}}', 'org.opencontainers.image.version': '3' });
    expect(() => parseLabelLines('ok=1\n=x')).toThrow("line 2 ('=x') is not key=value");
  });
  it('dates created from SOURCE_DATE_EPOCH', () => {
    expect(ociLabels({ createdEpoch: 0 })).toEqual({ 'org.opencontainers.image.created': '1970-01-01T00:00:00Z' });
  });
});

describe('inputs', () => {
  const base = { model: 'm.onnx', image: 'ghcr.io/acme/iris', 'model-version': '2' };
  it.each([
    [{ model: '' }, "input 'model': got \"\", expected the model file or folder to serve"],
    [{ image: 'ghcr.io/acme/iris:1' }, "input 'image': got \"ghcr.io/acme/iris:1\", expected a repository without tag or digest"],
    [{ image: 'GHCR.io/Acme' }, "input 'image': got \"GHCR.io/Acme\", expected a repository such as"],
    [{ tags: '{{semver}}' }, "input 'tags': got \"{{semver}}\", expected at least one tag with a value here ('{{semver}}' has no {{semver}})"],
    [{ platforms: 'linux/s390x' }, "input 'platforms': got \"linux/s390x\", expected linux/amd64 or linux/arm64 for the built-in server"],
    [{ push: 'yes' }, "input 'push': got \"yes\""],
    [{ engine: 'kaniko' }, "input 'engine': got \"kaniko\""],
    [{ 'source-date-epoch': 'yesterday' }, "input 'source-date-epoch': got \"yesterday\", expected seconds since 1970"],
    [{ 'model-dir': 'opt/model' }, "input 'model-dir': got \"opt/model\", expected an absolute path"],
    [{ labels: 'org.ml-deploy.model.metadata={not json' }, "input 'labels': got \"{not json\", expected the org.ml-deploy.model.metadata label as validate-model writes it (JSON)"],
  ])('%j fails naming the input, the value and what is expected', (over, message) => {
    let err: unknown;
    try {
      inputsOf({ ...base, ...over }, { GITHUB_REF: 'refs/heads/main' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain(message);
  });
  it('takes the model name and version from the metadata label, booleans as the toolkit does', () => {
    const i = inputsOf({ model: 'm.onnx', image: 'ghcr.io/acme/iris', labels: 'org.ml-deploy.model.metadata={"name":"iris","version":"7"}', push: 'TRUE' });
    expect(i['model-name']).toBe('iris');
    expect(i['model-version']).toBe('7');
    expect(i.tags).toEqual(['7']);
    expect(i.push).toBe(true);
  });
});

const plan: BuildPlan = {
  epoch: 1700000000,
  appDockerfile: '/w/Dockerfile.app',
  appContext: '/w/app',
  buildArgs: [['BASE_IMAGE', 'b@sha256:1']],
  modelDockerfile: '/w/Dockerfile.model',
  modelContext: '/w/model',
  labels: { 'a.b': 'x y' },
  platforms: [{ platform: 'linux/amd64', arch: 'amd64', appTag: 'l-app:amd64', modelTag: 'l:amd64' }],
  listTag: 'l:list',
};

describe('engine commands', () => {
  it('buildah: two builds at SOURCE_DATE_EPOCH, the model stage from the local app image only', () => {
    expect(containersBuildCommands('buildah', plan)).toEqual([
      ['buildah', 'bud', '--timestamp', '1700000000', '--platform', 'linux/amd64', '--build-arg', 'TARGETARCH=amd64', '--build-arg', 'SOURCE_DATE_EPOCH=1700000000', '--build-arg', 'BASE_IMAGE=b@sha256:1', '--file', '/w/Dockerfile.app', '--tag', 'l-app:amd64', '/w/app'],
      ['buildah', 'bud', '--timestamp', '1700000000', '--platform', 'linux/amd64', '--build-arg', 'TARGETARCH=amd64', '--build-arg', 'SOURCE_DATE_EPOCH=1700000000', '--pull=never', '--build-arg', 'APP_IMAGE=l-app:amd64', '--label', 'a.b=x y', '--file', '/w/Dockerfile.model', '--tag', 'l:amd64', '/w/model'],
    ]);
    expect(containersPushCommand('podman', plan, 'docker://r/x:1', '/w/d')).toEqual(['podman', 'push', '--digestfile', '/w/d', 'l:amd64', 'docker://r/x:1']);
  });
  it('several platforms: one build pair each, then a manifest list pushed with --all', () => {
    const two = { ...plan, platforms: [...plan.platforms, { platform: 'linux/arm64', arch: 'arm64', appTag: 'l-app:arm64', modelTag: 'l:arm64' }] };
    const cmds = containersBuildCommands('buildah', two);
    expect(cmds.slice(4)).toEqual([['buildah', 'manifest', 'rm', 'l:list'], ['buildah', 'manifest', 'create', 'l:list'], ['buildah', 'manifest', 'add', 'l:list', 'l:amd64'], ['buildah', 'manifest', 'add', 'l:list', 'l:arm64']]);
    expect(containersPushCommand('buildah', two, 'docker://r/x:1', '/w/d')).toEqual(['buildah', 'manifest', 'push', '--all', '--digestfile', '/w/d', 'l:list', 'docker://r/x:1']);
  });
  it('docker buildx: provenance and SBOM off (a single manifest, no index), timestamps rewritten', () => {
    const [app, model] = dockerBuildCommands(plan, 'type=image,push=true,rewrite-timestamp=true', '/w/meta.json');
    expect(app).toEqual(expect.arrayContaining(['--load', '--provenance=false', '--sbom=false']));
    expect(model).toEqual(expect.arrayContaining(['--provenance=false', '--sbom=false', '--output', 'type=image,push=true,rewrite-timestamp=true', '--metadata-file', '/w/meta.json', 'SOURCE_DATE_EPOCH=1700000000', 'APP_IMAGE=l-app:amd64']));
  });
  it('auto picks Docker only when a daemon answers, else buildah, and says why', async () => {
    const fake = (ok: string[]): Exec => async (cmd, args) => (ok.includes(`${cmd} ${args[0]}`) ? { code: 0, stdout: `${cmd} 1.0\n`, stderr: '' } : { code: 127, stdout: '', stderr: 'nope' });
    expect(await detectEngine('auto', fake(['docker buildx', 'docker version', 'buildah --version']))).toMatchObject({ engine: 'docker', reason: 'auto: a Docker daemon answers' });
    expect(await detectEngine('auto', fake(['docker buildx', 'buildah --version']))).toMatchObject({ engine: 'buildah', reason: 'auto: buildah on PATH (docker: no daemon answers)' });
    await expect(detectEngine('podman', fake([]))).rejects.toThrow("engine 'podman' is not usable here (podman: not on PATH)");
    await expect(detectEngine('auto', fake([]))).rejects.toThrow('no build engine found (docker buildx: not installed; buildah: not on PATH; podman: not on PATH)');
  });
});

describe('model stage Dockerfile', () => {
  it('copies only the model, and quotes ENV values', () => {
    expect(modelDockerfile('/opt/ml/model', 'm.onnx', 'iris "x"', '$3')).toBe(
      '# The model stage: the model alone in the last layer, so a new model pushes only this layer.\nARG APP_IMAGE\nFROM ${APP_IMAGE}\nCOPY --chown=0:0 model/ /opt/ml/model/\nENV MODEL_PATH="/opt/ml/model/m.onnx" MODEL_NAME="iris \\"x\\"" MODEL_VERSION="\\$3"\n',
    );
  });
});
