/**
 * build-image: stage the build contexts, build the app image and the model stage with the chosen
 * engine, read what was built back from an OCI layout (the digests a registry will serve), compare
 * with the image the first tag points at now, push when asked, then outputs and the job summary.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { type ActionContext, codeSpan, ConfigurationError, md } from '@ml-deploy/action-kit';
import { ensureOnnxRuntimes, onnxRuntimeFetchEnv } from '@ml-deploy/model/ort-fetch';
import { hostWithoutPort, insecureRegistries, isImageReference, parseImageReference, RegistryEnv } from '@ml-deploy/oci';
import {
  type BuildPlan,
  containersBuildCommands,
  containersPushCommand,
  type Detection,
  detectEngine,
  dockerBuildCommands,
  EngineError,
  type Exec,
  exec as realExec,
} from './engine';
import type { Inputs } from './inputs';
import { ociLabels } from './labels';
import { type LayoutInfo, readLayout } from './layout';
import { dockerfileString, normaliseTimes, stageCopy, writeStagedFile } from './stage';

export interface Deps extends Pick<ActionContext, 'logger' | 'summary' | 'setOutput'> {
  secrets?: { add(value: string | undefined): void };
  exec?: Exec;
  env?: NodeJS.ProcessEnv;
  /** The built-in server's bundle (packages/serving/dist). */
  serverDist: string;
  /** Working folder for staged contexts and the layout; default RUNNER_TEMP or the OS temp dir. */
  tempDir?: string;
  signal?: AbortSignal | undefined;
}

export interface BuildResult {
  engine: Detection;
  digest: string;
  image: string;
  tags: string[];
  pushed: boolean;
  layout: LayoutInfo;
  labels: Record<string, string>;
  epoch: number;
  epochSource: string;
  previous: PreviousImage | undefined;
  platforms: string[];
  /** Tags that already named this exact image, so nothing was pushed for them. */
  unchangedTags: string[];
}

export interface PreviousImage {
  reference: string;
  digest?: string;
  /** Layer digests of the same platform, or undefined when there was no image there. */
  layers?: string[];
  note: string;
}

const SERVER_DIR = '/opt/ml-deploy/server';
const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };
const ORT_DIR: Record<string, string> = { amd64: 'x64', arm64: 'arm64' };

/** The built-in server's Dockerfile: the bundle, then this platform's ONNX Runtime binaries. */
export function serverDockerfile(): string {
  return `# The built-in ONNX model server (packages/serving), made by build-image.
ARG BASE_IMAGE
FROM \${BASE_IMAGE}
ARG TARGETARCH
COPY --chown=0:0 server/ ${SERVER_DIR}/
COPY --chown=0:0 ort-\${TARGETARCH}/ ${SERVER_DIR}/
ENV HOST="0.0.0.0" PORT="8080"
EXPOSE 8080
USER 65532:65532
# The base image's entrypoint is node (distroless nodejs, or node:24 images' docker-entrypoint.sh).
CMD ["${SERVER_DIR}/server.js"]
`;
}

export function modelDockerfile(modelDir: string, modelFile: string | undefined, name: string | undefined, version: string | undefined): string {
  const env: string[] = [];
  if (modelFile) env.push(`MODEL_PATH=${dockerfileString(`${modelDir}/${modelFile}`)}`);
  if (name) env.push(`MODEL_NAME=${dockerfileString(name)}`);
  if (version) env.push(`MODEL_VERSION=${dockerfileString(version)}`);
  return `# The model stage: the model alone in the last layer, so a new model pushes only this layer.
ARG APP_IMAGE
FROM \${APP_IMAGE}
COPY --chown=0:0 model/ ${modelDir}/
${env.length ? `ENV ${env.join(' ')}\n` : ''}`;
}

function hostPlatform(): string {
  return `linux/${ARCH[process.arch] ?? process.arch}`;
}

/** A local name for intermediate images, stable for a repository so rebuilds are reproducible. */
function localName(image: string): string {
  return `localhost/ml-deploy-build/${image.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100)}`;
}

async function commitTime(run: Exec, dir: string, env: NodeJS.ProcessEnv): Promise<number | undefined> {
  const r = await run('git', ['-C', dir, 'log', '-1', '--format=%ct'], { env });
  const t = r.stdout.trim();
  return r.code === 0 && /^\d+$/.test(t) ? Number(t) : undefined;
}

function tail(text: string, lines = 25): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** Runs one engine command; fails with its output's tail. */
async function must(run: Exec, argv: string[], deps: Deps, env: NodeJS.ProcessEnv, what: string): Promise<string> {
  deps.logger.info(`$ ${argv.join(' ')}`);
  const r = await run(argv[0]!, argv.slice(1), { env, onLine: (l) => deps.logger.info(l), signal: deps.signal });
  if (r.code !== 0) throw new EngineError(`${what} failed (${argv[0]} exit ${r.code}):\n${tail(r.stderr || r.stdout)}`);
  return r.stdout;
}

/** The model's file (the one .onnx for a folder), for MODEL_PATH; undefined when there is no single one. */
async function modelFileFor(files: string[], isDir: boolean, builtIn: boolean, model: string): Promise<string | undefined> {
  if (!isDir) return files[0];
  const onnx = files.filter((f) => f.toLowerCase().endsWith('.onnx'));
  if (onnx.length === 1) return onnx[0];
  if (builtIn) throw new ConfigurationError(`the model folder ${model} holds ${onnx.length} .onnx files (${onnx.slice(0, 5).join(', ') || 'none'}); the built-in server serves exactly one`);
  return undefined;
}

export async function run(inputs: Inputs, deps: Deps): Promise<BuildResult> {
  const run = deps.exec ?? realExec;
  const env = { ...(deps.env ?? process.env) };
  const builtIn = !inputs.dockerfile;
  const engine = await detectEngine(inputs.engine, run);
  deps.logger.info(`engine: ${engine.engine} (${engine.version}); ${engine.reason}`);

  let epoch = inputs['source-date-epoch'];
  let epochSource = 'source-date-epoch input or SOURCE_DATE_EPOCH';
  if (epoch === undefined) {
    epoch = await commitTime(run, resolve(inputs.context), env);
    epochSource = 'the commit time (git log -1 --format=%ct)';
  }
  if (epoch === undefined) {
    epoch = 0;
    epochSource = '0: no source-date-epoch and no git commit in the context; set source-date-epoch';
    deps.logger.warning(`SOURCE_DATE_EPOCH: ${epochSource}`);
  }

  const platforms = inputs.platforms.length ? inputs.platforms : [hostPlatform()];
  const work = await mkdtemp(join(deps.tempDir ?? env.RUNNER_TEMP ?? tmpdir(), 'ml-deploy-build-'));
  try {
    // --- contexts ------------------------------------------------------------------------------
    let appContext: string;
    let appDockerfile: string;
    const buildArgs = [...inputs['build-args']];
    if (builtIn) {
      appContext = join(work, 'app');
      await stageCopy(join(deps.serverDist, 'server.js'), join(appContext, 'server', 'server.js'), 'the server bundle');
      await stageCopy(join(deps.serverDist, 'package.json'), join(appContext, 'server', 'package.json'), 'the server bundle');
      await stageCopy(join(deps.serverDist, 'licenses.txt'), join(appContext, 'server', 'licenses.txt'), 'the server bundle');
      // ONNX Runtime is not committed: the pinned onnxruntime-node tarball from the npm registry,
      // verified by its sha512 and kept in the runner's tool cache (one download for every platform).
      const archs = platforms.map((p) => p.split('/')[1]!);
      const ortDirs = await deps.logger.group('ONNX Runtime for the built-in server', () =>
        ensureOnnxRuntimes({ ...onnxRuntimeFetchEnv(env), platform: 'linux', log: (l) => deps.logger.info(l), signal: deps.signal }, archs.map((a) => ORT_DIR[a]!)),
      );
      for (const arch of archs) {
        // Node's arch name (x64, arm64) beside server.js: the server looks for its binding there.
        await stageCopy(ortDirs[ORT_DIR[arch]!]!, join(appContext, `ort-${arch}`, ORT_DIR[arch]!), 'the ONNX Runtime binaries');
      }
      appDockerfile = join(work, 'Dockerfile.app');
      await writeStagedFile(appDockerfile, serverDockerfile());
      await normaliseTimes(appContext, epoch);
      buildArgs.push(['BASE_IMAGE', inputs['base-image']]);
    } else {
      appContext = resolve(inputs.context);
      appDockerfile = resolve(inputs.dockerfile!);
    }

    const modelContext = join(work, 'model-context');
    let modelFile: string | undefined;
    if (inputs.model) {
      const { stat } = await import('node:fs/promises');
      const st = await stat(inputs.model).catch(() => undefined);
      if (!st) throw new ConfigurationError(`model ${inputs.model} does not exist (input 'model'); give the path of the model file or folder, e.g. the one validate-model checked`);
      const dest = st.isDirectory() ? join(modelContext, 'model') : join(modelContext, 'model', basename(inputs.model));
      const files = await stageCopy(inputs.model, dest, 'the model');
      modelFile = await modelFileFor(files.map((f) => (st.isDirectory() ? f : basename(inputs.model!))), st.isDirectory(), builtIn, inputs.model);
    } else {
      await (await import('node:fs/promises')).mkdir(join(modelContext, 'model'), { recursive: true });
    }
    const modelDockerfilePath = join(work, 'Dockerfile.model');
    await writeStagedFile(modelDockerfilePath, modelDockerfile(inputs['model-dir'], modelFile, inputs['model-name'], inputs['model-version']));
    await normaliseTimes(modelContext, epoch);

    // --- labels --------------------------------------------------------------------------------
    const source = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : undefined;
    const labels = {
      ...ociLabels({ source, revision: env.GITHUB_SHA, createdEpoch: epoch, version: inputs['model-version'], licenses: inputs.licenses, title: inputs['model-name'] }),
      ...inputs.labels,
    };

    // --- registries: plain HTTP hosts and credentials for buildah/podman ---------------------------
    const target = parseImageReference(inputs.image);
    const targetHost = isImageReference(target) ? (target.registry ?? 'docker.io') : 'docker.io';
    const baseRef = parseImageReference(inputs['base-image']);
    const hosts = [targetHost, ...(builtIn && isImageReference(baseRef) && baseRef.registry ? [baseRef.registry] : [])];
    const listed = insecureRegistries(env);
    const insecure = [...new Set(hosts.filter((h) => ['127.0.0.1', 'localhost', '[::1]'].includes(hostWithoutPort(h)) || listed.includes(h) || listed.includes(hostWithoutPort(h))))];
    if (engine.engine !== 'docker' && insecure.length) {
      const conf = join(work, 'registries.conf');
      await writeFile(conf, `# build-image: plain-HTTP registries (loopback or ${RegistryEnv.InsecureRegistries})\nunqualified-search-registries = ["docker.io"]\n${insecure.map((h) => `[[registry]]\nlocation = "${h}"\ninsecure = true\n`).join('')}`);
      env.CONTAINERS_REGISTRIES_CONF = conf;
      deps.logger.info(`plain HTTP (no TLS) for: ${insecure.join(', ')}`);
    }
    const user = env[RegistryEnv.Username];
    const password = env[RegistryEnv.Password];
    if (user && password) {
      deps.secrets?.add(password);
      const authFile = join(work, 'auth.json');
      await writeFile(authFile, JSON.stringify({ auths: { [targetHost]: { auth: Buffer.from(`${user}:${password}`).toString('base64') } } }), { mode: 0o600 });
      if (engine.engine === 'docker') env.DOCKER_CONFIG = work;
      env.REGISTRY_AUTH_FILE = authFile;
      if (engine.engine === 'docker') await writeFile(join(work, 'config.json'), JSON.stringify({ auths: { [targetHost]: { auth: Buffer.from(`${user}:${password}`).toString('base64') } } }), { mode: 0o600 });
    }

    // --- build ---------------------------------------------------------------------------------
    const local = localName(inputs.image);
    const plan: BuildPlan = {
      epoch,
      appDockerfile,
      appContext,
      buildArgs,
      modelDockerfile: modelDockerfilePath,
      modelContext,
      labels,
      platforms: platforms.map((p) => {
        const arch = p.split('/')[1]!;
        return { platform: p, arch, appTag: `${local}-app:${arch}`, modelTag: `${local}:${arch}` };
      }),
      listTag: `${local}:list`,
    };
    const layoutDir = join(work, 'layout');
    const refs = inputs.tags.map((t) => `${inputs.image}:${t}`);
    let layout: LayoutInfo;
    let pushedDigest: string | undefined;
    const skippedPush: string[] = [];
    if (engine.engine === 'docker') {
      const metadata = join(work, 'metadata.json');
      const tarPath = join(work, 'layout.tar');
      await deps.logger.group('build (docker buildx)', async () => {
        for (const argv of dockerBuildCommands(plan, `type=oci,dest=${tarPath},rewrite-timestamp=true`, metadata)) await must(run, argv, deps, env, 'the image build');
      });
      await (await import('node:fs/promises')).mkdir(layoutDir, { recursive: true });
      await must(run, ['tar', '-xf', tarPath, '-C', layoutDir], deps, env, 'unpacking the OCI layout');
      layout = await readLayout(layoutDir);
    } else {
      const e = engine.engine;
      await deps.logger.group(`build (${e})`, async () => {
        for (const argv of containersBuildCommands(e, plan)) {
          if (argv[2] === 'rm') {
            await run(argv[0]!, argv.slice(1), { env });
            continue;
          }
          await must(run, argv, deps, env, 'the image build');
        }
      });
      await must(run, containersPushCommand(e, plan, `oci:${layoutDir}:build`, join(work, 'layout.digest')), deps, env, 'writing the OCI layout');
      layout = await readLayout(layoutDir);
      if (plan.platforms.length === 1) {
        // Local tags, so later steps (and push: false users) find the image under its real names.
        await must(run, [e, 'tag', plan.platforms[0]!.modelTag, ...refs], deps, env, 'tagging the image');
      }
    }

    // --- what changed since the image the first tag points at ----------------------------------
    const previous = await previousImage(run, env, refs[0]!, layout.images[0]!.platform, insecure.includes(targetHost));

    // --- push ----------------------------------------------------------------------------------
    if (inputs.push) {
      await deps.logger.group(`push ${refs.join(', ')}`, async () => {
        if (engine.engine === 'docker') {
          const metadata = join(work, 'metadata-push.json');
          const argv = dockerBuildCommands(plan, `type=image,"name=${refs.join(',')}",push=true,rewrite-timestamp=true,oci-mediatypes=true`, metadata)[1]!;
          await must(run, argv, deps, env, 'the push');
          const meta = JSON.parse(await (await import('node:fs/promises')).readFile(metadata, 'utf8')) as Record<string, string>;
          pushedDigest = meta['containerimage.digest'];
        } else {
          for (const ref of refs) {
            // A tag that already names exactly this image is not pushed again: nothing to send.
            const current = ref === refs[0] ? previous.digest : (await remoteManifest(run, env, ref, insecure.includes(targetHost))).digest;
            if (current === layout.digest) {
              deps.logger.info(`${ref} is already ${current}: nothing to push`);
              skippedPush.push(ref);
              pushedDigest = current;
              continue;
            }
            const digestFile = join(work, 'push.digest');
            await must(run, containersPushCommand(engine.engine as 'buildah' | 'podman', plan, `docker://${ref}`, digestFile), deps, env, `the push of ${ref}`);
            pushedDigest = (await (await import('node:fs/promises')).readFile(digestFile, 'utf8')).trim();
          }
        }
      });
      if (pushedDigest && pushedDigest !== layout.digest) {
        deps.logger.warning(`the registry holds ${pushedDigest}, the local layout ${layout.digest} (the engine re-encoded the manifest); outputs use the registry's digest`);
      }
    }

    const digest = pushedDigest ?? layout.digest;
    const result: BuildResult = {
      engine,
      digest,
      image: `${inputs.image}@${digest}`,
      tags: refs,
      pushed: inputs.push,
      layout,
      labels,
      epoch,
      epochSource,
      previous,
      platforms,
      unchangedTags: skippedPush,
    };
    deps.setOutput('image', result.image);
    deps.setOutput('digest', digest);
    deps.setOutput('tags', refs.join('\n'));
    deps.setOutput('metadata', JSON.stringify(metadataOf(result)));
    writeSummary(deps, inputs, result);
    return result;
  } finally {
    // The layout, staged copies and any auth file go; the engine keeps the built images.
    await rm(work, { recursive: true, force: true });
  }
}

export function metadataOf(r: BuildResult): Record<string, unknown> {
  return {
    image: r.image,
    digest: r.digest,
    tags: r.tags,
    pushed: r.pushed,
    engine: r.engine.engine,
    platforms: r.platforms,
    sourceDateEpoch: r.epoch,
    labels: r.labels,
    images: r.layout.images.map((i) => ({ platform: i.platform, manifestDigest: i.manifestDigest, configDigest: i.configDigest, layers: i.layers.map((l) => ({ digest: l.digest, size: l.size })) })),
  };
}

type RawManifest = { ok: true; body: string; digest: string } | { ok: false; why: string; digest?: undefined };

/** A manifest as the registry serves it, read with skopeo (or docker buildx imagetools), and its digest. */
async function remoteManifest(run: Exec, env: NodeJS.ProcessEnv, ref: string, insecure: boolean): Promise<RawManifest> {
  const authArgs = env.REGISTRY_AUTH_FILE ? ['--authfile', env.REGISTRY_AUTH_FILE] : [];
  const tls = insecure ? ['--tls-verify=false'] : [];
  let body: string | undefined;
  const s = await run('skopeo', ['inspect', '--raw', ...tls, ...authArgs, `docker://${ref}`], { env });
  if (s.code === 0) body = s.stdout;
  else if (s.code === 127) {
    const d = await run('docker', ['buildx', 'imagetools', 'inspect', '--raw', ref], { env });
    if (d.code === 0) body = d.stdout;
    else return { ok: false, why: 'neither skopeo nor docker buildx imagetools could read it' };
  } else return { ok: false, why: tail(s.stderr, 1) };
  return { ok: true, body, digest: `sha256:${createHash('sha256').update(body).digest('hex')}` };
}

/** The image the first tag points at now, and its layers for this platform. */
async function previousImage(run: Exec, env: NodeJS.ProcessEnv, ref: string, platform: string, insecure: boolean): Promise<PreviousImage> {
  const raw = (r: string) => remoteManifest(run, env, r, insecure);
  const top = await raw(ref);
  if (!top.ok) {
    const missing = /manifest unknown|not found|name unknown/i.test(top.why);
    return { reference: ref, note: missing ? `no image at ${ref} yet: this is its first build` : `could not read ${ref}: ${top.why}` };
  }
  const digest = top.digest;
  let doc = JSON.parse(top.body) as { manifests?: { digest: string; platform?: { os: string; architecture: string; variant?: string } }[]; layers?: { digest: string }[] };
  if (doc.manifests) {
    const m = doc.manifests.find((x) => x.platform && [x.platform.os, x.platform.architecture, x.platform.variant].filter(Boolean).join('/') === platform) ?? doc.manifests[0];
    const repo = ref.slice(0, ref.lastIndexOf(':'));
    const inner = m ? await raw(`${repo}@${m.digest}`) : undefined;
    if (!inner?.ok) return { reference: ref, digest, note: `could not read the ${platform} image of ${ref}` };
    doc = JSON.parse(inner.body);
  }
  return { reference: ref, digest, layers: (doc.layers ?? []).map((l) => l.digest), note: `compared with ${ref} (${digest.slice(0, 19)}...)` };
}

/**
 * What a layer holds, by position: the model stage adds exactly one layer (the last), and buildah
 * and podman commit each build as one layer, so the one before it is the server (or your
 * Dockerfile's final stage) and the rest come from the base image. Docker Buildx keeps a layer per
 * instruction, so there only the model layer is named.
 */
export function layerRole(index: number, count: number, inputs: Pick<Inputs, 'model' | 'dockerfile' | 'model-dir'>, engine?: string): string {
  if (index === count - 1) return inputs.model ? `the model (${inputs['model-dir']})` : 'model stage (empty: no model)';
  if (engine === 'docker') return '';
  if (index === count - 2) return inputs.dockerfile ? 'your Dockerfile' : 'the built-in server';
  return 'base image';
}

function size(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function writeSummary(deps: Deps, inputs: Inputs, r: BuildResult): void {
  const s = deps.summary;
  s.heading('build-image');
  s.status('ok', `${r.pushed ? 'Built and pushed' : 'Built (not pushed)'} ${r.image}`);
  s.keyValues([
    ['engine', `${r.engine.engine} (${r.engine.reason})`],
    ['server', inputs.dockerfile ? md(`your Dockerfile ${codeSpan(inputs.dockerfile).markdown}`) : md(`built-in ONNX server on ${codeSpan(inputs['base-image']).markdown}`)],
    ['platforms', r.platforms.join(', ')],
    ['digest', codeSpan(r.digest)],
    ['tags', md(r.tags.map((t) => codeSpan(t).markdown).join('<br>'))],
    ['SOURCE_DATE_EPOCH', `${r.epoch} (${new Date(r.epoch * 1000).toISOString()}; from ${r.epochSource})`],
  ]);
  const prev = r.previous;
  for (const img of r.layout.images) {
    if (r.layout.images.length > 1) s.heading(`Layers: ${img.platform}`, 3);
    else s.heading('Layers', 3);
    const before = new Set(prev?.layers ?? []);
    s.table(
      ['#', 'layer', 'size', 'holds', prev?.layers ? 'since the last build' : 'status'],
      img.layers.map((l, i) => [
        String(i + 1),
        codeSpan(`${l.digest.slice(0, 19)}...`),
        size(l.size),
        layerRole(i, img.layers.length, inputs, r.engine.engine),
        prev?.layers ? (before.has(l.digest) ? 'unchanged' : 'changed') : 'new',
      ]),
    );
    const changed = img.layers.filter((l) => !before.has(l.digest));
    const changedBytes = changed.reduce((a, l) => a + l.size, 0);
    s.paragraph(
      prev?.layers
        ? `${prev.note}: ${changed.length} of ${img.layers.length} layers changed (${size(changedBytes)} to push); ${img.layers.length - changed.length} unchanged.`
        : `${prev?.note ?? ''}. ${img.layers.length} layers, ${size(img.layers.reduce((a, l) => a + l.size, 0))} compressed.`,
    );
  }
  s.heading('Labels', 3);
  s.table(['label', 'value'], Object.entries(r.labels).map(([k, v]) => [codeSpan(k), codeSpan(v.length > 120 ? `${v.slice(0, 117)}...` : v)]));
  if (!r.pushed) s.paragraph('Not pushed (`push: false`): the image is in the engine\'s local storage under the tags above. Set `push: true` to publish it.');
  else {
    if (r.unchangedTags.length) s.paragraph(`Already this image, not pushed again: ${r.unchangedTags.map((t) => codeSpan(t).markdown).join(', ')}.`);
    s.paragraph(`Next: deploy ${codeSpan(r.image).markdown} (pinned by digest), or scan it with scan-image first.`);
  }
}

export async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}
