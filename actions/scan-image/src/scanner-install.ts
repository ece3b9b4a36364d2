/**
 * Where the scanner binary comes from: PATH first (setup-trivy, a runner image that ships it), else
 * the runner's tool cache, else the pinned release downloaded through @actions/tool-cache, refused
 * unless its sha256 is the published one, and cached for the next job on this runner.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@ml-deploy/action-kit';

export interface ReleaseAsset {
  file: string;
  sha256: string;
}

export interface ScannerRelease {
  tool: 'trivy' | 'grype';
  version: string;
  /** Download URL of `file`, given the base (the release's own or the mirror's). */
  url(base: string, file: string): string;
  baseUrl: string;
  /** Environment variable that replaces baseUrl (a mirror of the release downloads). */
  mirrorEnv: string;
  /** By `${platform}-${arch}` as Node names them. */
  assets: Record<string, ReleaseAsset>;
  /** How to put it on PATH instead. */
  hint: string;
}

/**
 * Trivy v0.74.0, the version our tests build from the Go module proxy. The sha256 values are those
 * of trivy_0.74.0_checksums.txt published with the release.
 */
export const TRIVY_RELEASE: ScannerRelease = {
  tool: 'trivy',
  version: '0.74.0',
  baseUrl: 'https://github.com/aquasecurity/trivy/releases/download',
  url: (base, file) => `${base.replace(/\/+$/, '')}/v0.74.0/${file}`,
  mirrorEnv: 'ML_DEPLOY_TRIVY_DOWNLOAD_URL',
  assets: {
    'linux-x64': { file: 'trivy_0.74.0_Linux-64bit.tar.gz', sha256: '2ae6fe3ee734b7fdf11335663e18c75ea12dccc76062f09f164a3b0f8be4371a' },
    'linux-arm64': { file: 'trivy_0.74.0_Linux-ARM64.tar.gz', sha256: 'b94ce1976bbf3c15b514b605ee88be7c6d94a29be2302847ff01cb794d47aad5' },
  },
  hint: 'e.g. aquasecurity/setup-trivy pinned by commit SHA',
};

/**
 * Grype v0.121.3 (the version our tests build from the Go module proxy). No archive is pinned yet:
 * its published checksums could not be read where this was written, and a pin nobody checked
 * verifies nothing. Grype must be on PATH.
 */
export const GRYPE_RELEASE: ScannerRelease = {
  tool: 'grype',
  version: '0.121.3',
  baseUrl: 'https://github.com/anchore/grype/releases/download',
  url: (base, file) => `${base.replace(/\/+$/, '')}/v0.121.3/${file}`,
  mirrorEnv: 'ML_DEPLOY_GRYPE_DOWNLOAD_URL',
  assets: {},
  hint: 'e.g. anchore/scan-action/download-grype pinned by commit SHA',
};

/** The parts of @actions/tool-cache used here (index.ts passes the real module). */
export interface ToolCache {
  /** The cached folder of tool@version for arch, '' when not cached. */
  find(tool: string, version: string, arch: string): string;
  downloadTool(url: string): Promise<string>;
  extractTar(file: string): Promise<string>;
  cacheDir(dir: string, tool: string, version: string, arch: string): Promise<string>;
}

export interface ScannerSource {
  path: string;
  /** `PATH`, `tool cache` or `downloaded`. */
  from: 'PATH' | 'tool cache' | 'downloaded';
  /** For a download: where from, and the verified sha256 of the archive. */
  url?: string;
  sha256?: string;
}

export interface InstallDeps {
  which(name: string): Promise<string | undefined>;
  toolCache?: ToolCache;
  env: NodeJS.ProcessEnv;
  platform: string;
  arch: string;
  exists(path: string): Promise<boolean>;
  remove(path: string): Promise<void>;
  info(message: string): void;
}

/** The scanner cannot be had: the workflow must install it, mirror the release, or fix the mirror. */
export class ScannerInstallError extends UserError {
  override readonly name = 'ScannerInstallError';
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** PATH, else the tool cache, else the pinned release with its published checksum checked. */
export async function findOrInstallScanner(release: ScannerRelease, deps: InstallDeps): Promise<ScannerSource> {
  const onPath = await deps.which(release.tool);
  if (onPath) return { path: onPath, from: 'PATH' };
  const tc = deps.toolCache;
  const asset = release.assets[`${deps.platform}-${deps.arch}`];
  if (!tc || !asset) {
    const why = !tc
      ? 'and no tool cache is available here (RUNNER_TOOL_CACHE unset)'
      : `and no pinned ${release.tool} ${release.version} release for ${deps.platform}-${deps.arch} (pinned: ${Object.keys(release.assets).join(', ') || 'none'})`;
    throw new ScannerInstallError(`${release.tool} is not on PATH ${why}: install it before this step (${release.hint}), or put a ${release.tool} binary on PATH`);
  }
  const cached = tc.find(release.tool, release.version, deps.arch);
  if (cached && (await deps.exists(join(cached, release.tool)))) {
    deps.info(`${release.tool} ${release.version} from the tool cache (${cached})`);
    return { path: join(cached, release.tool), from: 'tool cache' };
  }
  const base = deps.env[release.mirrorEnv]?.trim() || release.baseUrl;
  const url = release.url(base, asset.file);
  deps.info(`${release.tool} is not on PATH nor in the tool cache: downloading ${url}`);
  let archive: string;
  try {
    archive = await tc.downloadTool(url);
  } catch (err) {
    throw new ScannerInstallError(`could not download ${release.tool} ${release.version} from ${url}: ${(err as Error).message.split('\n')[0]}${base === release.baseUrl ? ` (a mirror of the release downloads can be set in ${release.mirrorEnv})` : ''}`);
  }
  const got = await sha256File(archive);
  if (got !== asset.sha256) {
    await deps.remove(archive);
    throw new ScannerInstallError(
      `${asset.file} downloaded from ${url} has sha256 ${got}, not the published ${asset.sha256} of ${release.tool} ${release.version}: refused, nothing was installed or run`,
    );
  }
  const dir = await tc.extractTar(archive);
  await deps.remove(archive);
  if (!(await deps.exists(join(dir, release.tool)))) {
    await deps.remove(dir);
    throw new ScannerInstallError(`${asset.file} from ${url} holds no ${release.tool} binary at its top level`);
  }
  const into = await tc.cacheDir(dir, release.tool, release.version, deps.arch);
  await deps.remove(dir);
  deps.info(`${release.tool} ${release.version} installed in the tool cache (${into}); archive sha256 ${got} is the published one`);
  return { path: join(into, release.tool), from: 'downloaded', url, sha256: got };
}
