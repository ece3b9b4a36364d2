/**
 * Registry credentials from a Docker config file (`$DOCKER_CONFIG/config.json`, else
 * `~/.docker/config.json`), as `docker login` and docker/login-action write it:
 * `{"auths": {"registry.example": {"auth": base64("user:password")}}}`. Credential helpers
 * (`credsStore`, `credHelpers`) run programs we do not run; they are reported, not used.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DOCKER_HUB_AUTH_KEY, DOCKER_HUB_HOST } from './registry-url';

export interface BasicCredentials {
  username: string;
  password: string;
}

export interface DockerConfigLookup {
  credentials?: BasicCredentials;
  /** Set when the file names a credential helper for this host (or for all hosts) instead. */
  helper?: string;
}

/** The config file the Docker CLI reads for this environment. */
export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.DOCKER_CONFIG;
  return dir ? join(dir, 'config.json') : join(env.HOME || homedir(), '.docker', 'config.json');
}

/** `https://reg.example/v1/` and `reg.example` name the same registry; Docker Hub has aliases. */
export function normaliseAuthKey(key: string): string {
  const host = key.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
  if (host === 'index.docker.io' || host === 'docker.io' || host === DOCKER_HUB_HOST) return DOCKER_HUB_HOST;
  return host;
}

/**
 * Finds the credentials for `host` in a config document. Throws a lowercase message when the
 * entry exists but cannot be decoded, so a broken login does not silently become anonymous.
 */
export function credentialsFromDockerConfig(doc: unknown, host: string): DockerConfigLookup {
  if (typeof doc !== 'object' || doc === null) return {};
  const config = doc as { auths?: unknown; credHelpers?: unknown; credsStore?: unknown };
  const want = normaliseAuthKey(host);
  const auths = typeof config.auths === 'object' && config.auths !== null ? (config.auths as Record<string, unknown>) : {};
  for (const [key, entry] of Object.entries(auths)) {
    if (normaliseAuthKey(key) !== want || typeof entry !== 'object' || entry === null) continue;
    const e = entry as { auth?: unknown; username?: unknown; password?: unknown };
    if (typeof e.auth === 'string' && e.auth !== '') {
      const decoded = Buffer.from(e.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon <= 0) throw new Error(`the 'auth' entry for ${key} is not base64 of 'username:password'`);
      return { credentials: { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) } };
    }
    if (typeof e.username === 'string' && typeof e.password === 'string' && e.username !== '') {
      return { credentials: { username: e.username, password: e.password } };
    }
  }
  const helpers = typeof config.credHelpers === 'object' && config.credHelpers !== null ? (config.credHelpers as Record<string, unknown>) : {};
  for (const [key, helper] of Object.entries(helpers)) {
    if (normaliseAuthKey(key) === want && typeof helper === 'string') return { helper };
  }
  if (typeof config.credsStore === 'string' && config.credsStore !== '') return { helper: config.credsStore };
  return {};
}

/** Reads the config file; a missing file means no credentials. `path` is in error messages. */
export async function readDockerConfig(env: NodeJS.ProcessEnv, host: string): Promise<DockerConfigLookup & { path: string }> {
  const path = dockerConfigPath(env);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { path };
    throw new Error(`reading ${path}: ${(err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not valid JSON`);
  }
  try {
    return { ...credentialsFromDockerConfig(doc, host), path };
  } catch (err) {
    throw new Error(`${path}: ${(err as Error).message}`);
  }
}
