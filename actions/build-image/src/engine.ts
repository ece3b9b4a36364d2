/**
 * The build engines and the exact commands build-image runs with each. Docker Buildx where a daemon
 * answers (GitHub-hosted runners), buildah otherwise (self-hosted, rootless; our tests use
 * STORAGE_DRIVER=vfs and BUILDAH_ISOLATION=chroot, which buildah reads itself), podman when asked.
 *
 * Every build is two builds: the app image (the built-in server, or the user's Dockerfile), then a
 * one-step model stage `FROM` it that adds the model as the last layer and the labels. So a new model
 * changes only that layer, and the app layers keep their digests and are not pushed again.
 */
import { spawn } from 'node:child_process';

export type EngineName = 'docker' | 'buildah' | 'podman';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell; `onLine` gets output lines as they come (the build log). */
export type Exec = (command: string, args: string[], opts?: { env?: NodeJS.ProcessEnv; onLine?: (line: string) => void; signal?: AbortSignal }) => Promise<CommandResult>;

export const exec: Exec = (command, args, opts = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], signal: opts.signal });
    let stdout = '';
    let stderr = '';
    let partial = '';
    const lines = (chunk: string) => {
      if (!opts.onLine) return;
      partial += chunk;
      const parts = partial.split('\n');
      partial = parts.pop()!;
      for (const l of parts) opts.onLine(l);
    };
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      lines(c);
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      lines(c);
    });
    child.on('error', (err) => resolve({ code: 127, stdout, stderr: stderr + err.message }));
    child.on('close', (code) => {
      if (partial && opts.onLine) opts.onLine(partial);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });

export class EngineError extends Error {
  override readonly name = 'EngineError';
}

export interface Detection {
  engine: EngineName;
  version: string;
  /** Why this engine, for the log and summary. */
  reason: string;
}

async function probe(run: Exec, command: string, args: string[]): Promise<string | undefined> {
  const r = await run(command, args);
  return r.code === 0 ? (r.stdout.trim().split('\n')[0] ?? '') : undefined;
}

/** `auto`: Docker Buildx if a daemon answers, else buildah, else podman. */
export async function detectEngine(choice: 'auto' | EngineName, run: Exec = exec): Promise<Detection> {
  const tried: string[] = [];
  const tryDocker = async () => {
    const buildx = await probe(run, 'docker', ['buildx', 'version']);
    if (buildx === undefined) return void tried.push('docker buildx: not installed');
    const server = await probe(run, 'docker', ['version', '--format', '{{.Server.Version}}']);
    if (server === undefined) return void tried.push('docker: no daemon answers');
    return { engine: 'docker' as const, version: `${buildx}; daemon ${server}` };
  };
  const tryTool = async (name: 'buildah' | 'podman') => {
    const v = await probe(run, name, ['--version']);
    if (v === undefined) return void tried.push(`${name}: not on PATH`);
    return { engine: name, version: v };
  };
  if (choice !== 'auto') {
    const found = choice === 'docker' ? await tryDocker() : await tryTool(choice);
    if (!found) throw new EngineError(`engine '${choice}' is not usable here (${tried.join('; ')}); install it or use engine: auto`);
    return { ...found, reason: `asked for (engine: ${choice})` };
  }
  const docker = await tryDocker();
  if (docker) return { ...docker, reason: 'auto: a Docker daemon answers' };
  const buildah = await tryTool('buildah');
  if (buildah) return { ...buildah, reason: `auto: buildah on PATH (${tried.join('; ')})` };
  const podman = await tryTool('podman');
  if (podman) return { ...podman, reason: `auto: podman on PATH (${tried.join('; ')})` };
  throw new EngineError(`no build engine found (${tried.join('; ')}). On GitHub-hosted runners Docker is there; on self-hosted ones install buildah (apt-get install buildah)`);
}

/** What one platform's build needs. */
export interface PlatformBuild {
  platform: string;
  /** Docker's arch name (amd64, arm64), passed as TARGETARCH. */
  arch: string;
  appTag: string;
  modelTag: string;
}

export interface BuildPlan {
  epoch: number;
  appDockerfile: string;
  appContext: string;
  buildArgs: Array<[string, string]>;
  modelDockerfile: string;
  modelContext: string;
  labels: Record<string, string>;
  platforms: PlatformBuild[];
  /** Local name of the multi-platform list (more than one platform). */
  listTag: string;
}

function labelArgs(labels: Record<string, string>): string[] {
  return Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
}

function buildArgArgs(args: Array<[string, string]>): string[] {
  return args.flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]);
}

/** The commands for buildah (`bud`) and podman (`build`): same flags, same storage. */
export function containersBuildCommands(engine: 'buildah' | 'podman', plan: BuildPlan): string[][] {
  const build = engine === 'buildah' ? 'bud' : 'build';
  const cmds: string[][] = [];
  for (const p of plan.platforms) {
    const common = ['--timestamp', String(plan.epoch), '--platform', p.platform, '--build-arg', `TARGETARCH=${p.arch}`, '--build-arg', `SOURCE_DATE_EPOCH=${plan.epoch}`];
    cmds.push([engine, build, ...common, ...buildArgArgs(plan.buildArgs), '--file', plan.appDockerfile, '--tag', p.appTag, plan.appContext]);
    cmds.push([engine, build, ...common, '--pull=never', '--build-arg', `APP_IMAGE=${p.appTag}`, ...labelArgs(plan.labels), '--file', plan.modelDockerfile, '--tag', p.modelTag, plan.modelContext]);
  }
  if (plan.platforms.length > 1) {
    cmds.push([engine, 'manifest', 'rm', plan.listTag]);
    cmds.push([engine, 'manifest', 'create', plan.listTag]);
    for (const p of plan.platforms) cmds.push([engine, 'manifest', 'add', plan.listTag, p.modelTag]);
  }
  return cmds;
}

/** Pushes (or writes an OCI layout, for `oci:<dir>:tag`) what the plan built. */
export function containersPushCommand(engine: 'buildah' | 'podman', plan: BuildPlan, destination: string, digestFile: string): string[] {
  if (plan.platforms.length > 1) return [engine, 'manifest', 'push', '--all', '--digestfile', digestFile, plan.listTag, destination];
  return [engine, 'push', '--digestfile', digestFile, plan.platforms[0]!.modelTag, destination];
}

/**
 * Docker Buildx: the app image is loaded into the daemon (docker driver), then the model stage is
 * built from it with provenance and SBOM attestations off (they turn a single image into an index,
 * which Lambda and some registries refuse) and timestamps rewritten to SOURCE_DATE_EPOCH.
 * Not run in this repository's tests (no Docker daemon here); the argv is unit-tested.
 */
export function dockerBuildCommands(plan: BuildPlan, output: string, metadataFile: string): string[][] {
  const platforms = plan.platforms.map((p) => p.platform).join(',');
  const epochArgs = ['--build-arg', `SOURCE_DATE_EPOCH=${plan.epoch}`];
  const app = plan.platforms[0]!;
  return [
    ['docker', 'buildx', 'build', '--load', '--provenance=false', '--sbom=false', '--platform', platforms, ...epochArgs, ...buildArgArgs(plan.buildArgs), '--file', plan.appDockerfile, '--tag', app.appTag, plan.appContext],
    ['docker', 'buildx', 'build', '--provenance=false', '--sbom=false', '--platform', platforms, ...epochArgs, '--build-arg', `APP_IMAGE=${app.appTag}`, ...labelArgs(plan.labels), '--file', plan.modelDockerfile, '--metadata-file', metadataFile, '--output', output, plan.modelContext],
  ];
}
