/**
 * Images for the build-image tests, with buildah and skopeo and no container runtime:
 *
 * - `buildahEnv()`: environment for buildah/skopeo with their own storage (vfs) in a temp dir and
 *   chroot isolation, so tests never touch /var/lib/containers or each other.
 * - `pushNodeBase(registry)`: the cached Node 24 base image (.cache/images/node24-base, made by
 *   scripts/bootstrap.d/image-base.sh, run here if missing) copied into a test registry.
 * - `pullRootfs(ref)`: an image's layers pulled with skopeo and unpacked in order (whiteouts
 *   applied) into a folder, with its config.
 * - `startServerFromRootfs(...)`: runs the image's entrypoint + cmd from those files as a plain
 *   process: the image's own dynamic loader, libraries and node binary, paths mapped into the folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, LOOPBACK } from './free-port';
import type { Registry } from './registry';
import { type ServerProcess, startServerProcess } from './server-process';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const NODE_BASE_LAYOUT = join(ROOT, '.cache', 'images', 'node24-base');

function sh(cmd: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: env ?? process.env, maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error?.message ?? ''}${r.stderr}`);
  return r.stdout;
}

export interface BuildahEnv {
  env: NodeJS.ProcessEnv;
  dir: string;
  cleanup(): void;
}

/** buildah/podman/skopeo environment with private vfs storage in a temp folder. */
export function buildahEnv(): BuildahEnv {
  const dir = mkdtempSync(join(tmpdir(), 'ml-deploy-buildah-'));
  const conf = join(dir, 'storage.conf');
  writeFileSync(conf, `[storage]\ndriver = "vfs"\ngraphroot = "${dir}/graph"\nrunroot = "${dir}/run"\n`);
  return {
    env: { ...process.env, CONTAINERS_STORAGE_CONF: conf, STORAGE_DRIVER: 'vfs', BUILDAH_ISOLATION: 'chroot' },
    dir,
    cleanup: () => {
      // vfs layers of a root build may hold read-only dirs; buildah removes its own storage best.
      spawnSync('buildah', ['rmi', '--all', '--force'], { env: { ...process.env, CONTAINERS_STORAGE_CONF: conf } });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Makes the base layout if missing (idempotent bootstrap step), then copies it into `registry`. */
export function pushNodeBase(registry: Pick<Registry, 'host'>): string {
  if (!existsSync(join(NODE_BASE_LAYOUT, 'index.json'))) sh('bash', [join(ROOT, 'scripts/bootstrap.d/image-base.sh')]);
  const ref = `${registry.host}/ml-deploy/node-base:24`;
  sh('skopeo', ['copy', '--quiet', '--dest-tls-verify=false', `oci:${NODE_BASE_LAYOUT}:24`, `docker://${ref}`]);
  const digest = JSON.parse(sh('skopeo', ['inspect', '--tls-verify=false', `docker://${ref}`])).Digest as string;
  return `${registry.host}/ml-deploy/node-base@${digest}`;
}

export interface ImageConfig {
  Entrypoint?: string[];
  Cmd?: string[];
  Env?: string[];
  Labels?: Record<string, string>;
  User?: string;
  ExposedPorts?: Record<string, unknown>;
}

export interface PulledImage {
  rootfs: string;
  manifest: { layers: { digest: string; size: number }[]; config: { digest: string } };
  config: { config: ImageConfig; history?: unknown[]; created?: string };
  /** Each layer's file list (tar -t), in order. */
  layerFiles: string[][];
  cleanup(): void;
}

/** Pulls `ref` (plain HTTP registry) with skopeo and unpacks its layers in order. */
export function pullRootfs(ref: string): PulledImage {
  const dir = mkdtempSync(join(tmpdir(), 'ml-deploy-rootfs-'));
  const layout = join(dir, 'layout');
  sh('skopeo', ['copy', '--quiet', '--src-tls-verify=false', `docker://${ref}`, `oci:${layout}:pulled`]);
  const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
  const blob = (d: string) => join(layout, 'blobs', 'sha256', d.slice('sha256:'.length));
  const manifest = JSON.parse(readFileSync(blob(index.manifests[0]!.digest), 'utf8')) as PulledImage['manifest'];
  const config = JSON.parse(readFileSync(blob(manifest.config.digest), 'utf8')) as PulledImage['config'];
  const rootfs = join(dir, 'rootfs');
  mkdirSync(rootfs);
  const layerFiles: string[][] = [];
  for (const layer of manifest.layers) {
    const files = sh('tar', ['-tzf', blob(layer.digest)]).split('\n').filter(Boolean);
    layerFiles.push(files);
    // OCI whiteouts: .wh.<name> deletes <name> from lower layers.
    for (const f of files) {
      const base = f.split('/').pop()!;
      if (base.startsWith('.wh.') && base !== '.wh..wh..opq') rmSync(join(rootfs, f.slice(0, -base.length), base.slice(4)), { recursive: true, force: true });
    }
    sh('tar', ['-xzf', blob(layer.digest), '-C', rootfs, '--no-same-owner', '--exclude=.wh.*']);
  }
  return { rootfs, manifest, config, layerFiles, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs the image's ENTRYPOINT + CMD from its unpacked files, without a container: the first word
 * (node) is started through the image's own dynamic loader with the image's libraries, absolute
 * paths in the arguments and in Env values that exist in the rootfs are mapped into it, HOST and
 * PORT are set to 127.0.0.1 and a free port. Ready when /healthz answers 200.
 */
export async function startServerFromRootfs(image: PulledImage, opts: { startTimeoutMs?: number } = {}): Promise<ServerProcess & { url: string; env: Record<string, string> }> {
  const { rootfs } = image;
  const map = (p: string) => (p.startsWith('/') && existsSync(join(rootfs, p)) ? join(rootfs, p) : p);
  const argv = [...(image.config.config.Entrypoint ?? []), ...(image.config.config.Cmd ?? [])].map(map);
  const env: Record<string, string> = {};
  for (const kv of image.config.config.Env ?? []) {
    const eq = kv.indexOf('=');
    env[kv.slice(0, eq)] = map(kv.slice(eq + 1));
  }
  const port = await freePort();
  env.HOST = LOOPBACK;
  env.PORT = String(port);
  const loader = readdirSync(join(rootfs, 'lib64')).find((f) => f.startsWith('ld-linux'));
  if (!loader) throw new Error(`no dynamic loader under ${rootfs}/lib64`);
  const libs = ['lib/x86_64-linux-gnu', 'usr/lib/x86_64-linux-gnu', 'lib/aarch64-linux-gnu', 'usr/lib/aarch64-linux-gnu', 'lib', 'usr/lib'].map((d) => join(rootfs, d)).filter(existsSync);
  const url = `http://${LOOPBACK}:${port}`;
  const proc = await startServerProcess({
    name: 'image-server',
    command: join(rootfs, 'lib64', loader),
    args: ['--library-path', libs.join(':'), ...argv],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    logPath: join(rootfs, '..', 'server.log'),
    url,
    ready: async () => (await fetch(`${url}/healthz`)).status === 200,
    startTimeoutMs: opts.startTimeoutMs ?? 30_000,
    installHint: 'the image has no runnable entrypoint',
  });
  return { ...proc, url, env };
}
