/**
 * Where a reference's registry answers: Docker Hub shorthand maps to registry-1.docker.io, and
 * plain HTTP is used only for loopback hosts and those the user lists in
 * ML_DEPLOY_INSECURE_REGISTRIES, never silently as a fallback after HTTPS fails.
 */
import { RegistryEnv } from './environment';
import type { ImageReference } from './reference';

export const DOCKER_HUB_HOST = 'registry-1.docker.io';
/** The key docker login writes into config.json for Docker Hub. */
export const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/';

export interface RegistryLocation {
  /** Host as written in the reference (with port), `registry-1.docker.io` for Docker Hub. */
  host: string;
  /** Repository path as the API wants it (`library/nginx` for Docker Hub's `nginx`). */
  repository: string;
  /** `https://host` or `http://host`, without a trailing slash. */
  baseUrl: string;
  insecure: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Host without its port: `[::1]:5000` → `[::1]`, `reg.example:443` → `reg.example`. */
export function hostWithoutPort(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

/** Hosts from ML_DEPLOY_INSECURE_REGISTRIES (comma or white-space separated, lower-cased). */
export function insecureRegistries(env: NodeJS.ProcessEnv): string[] {
  return (env[RegistryEnv.InsecureRegistries] ?? '')
    .split(/[\s,]+/)
    .map((h) => h.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, ''))
    .filter((h) => h !== '');
}

export function registryLocation(ref: ImageReference, env: NodeJS.ProcessEnv = process.env): RegistryLocation {
  if (ref.registry === undefined || ref.registry === 'docker.io' || ref.registry === 'index.docker.io') {
    const repository = ref.repository.includes('/') ? ref.repository : `library/${ref.repository}`;
    return { host: DOCKER_HUB_HOST, repository, baseUrl: `https://${DOCKER_HUB_HOST}`, insecure: false };
  }
  const host = ref.registry.toLowerCase();
  const bare = hostWithoutPort(host);
  const listed = insecureRegistries(env);
  const insecure = LOOPBACK_HOSTS.has(bare) || listed.includes(host) || listed.includes(bare);
  return { host, repository: ref.repository, baseUrl: `${insecure ? 'http' : 'https'}://${host}`, insecure };
}
