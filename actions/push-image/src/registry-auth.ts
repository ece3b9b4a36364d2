/**
 * Which credentials each side of a copy uses. `auto` goes by the registry host: ECR hosts get a
 * token from GetAuthorizationToken, Artifact Registry and gcr.io an access token from Application
 * Default Credentials (user `oauth2accesstoken`), ghcr.io the workflow's GITHUB_TOKEN; any other
 * host uses the username/password inputs when given, else ML_DEPLOY_REGISTRY_USERNAME/PASSWORD or
 * the Docker config a login action wrote. Everything stays in memory: no auth file is written.
 */
import { parseEcrHost } from '@ml-deploy/aws';
import type { CredentialSource } from '@ml-deploy/oci';
import type { AuthMode, SideInputs } from './inputs';

export type ResolvedAuth = Exclude<AuthMode, 'auto'>;

export interface CloudCredentials {
  /** ECR's Basic credentials for a registry (account) in a region. */
  ecr(region: string | undefined, registryId: string | undefined): Promise<{ username: string; password: string }>;
  /** An OAuth access token from Application Default Credentials (`projectId`: from the image path). */
  gcpAccessToken(projectId: string | undefined): Promise<string>;
}

export function resolveAuth(s: SideInputs): ResolvedAuth {
  if (s.auth !== 'auto') return s.auth;
  const host = (s.ref.registry ?? 'docker.io').toLowerCase();
  if (parseEcrHost(host)) return 'ecr';
  if (/(^|\.)gcr\.io$/.test(host) || /-docker\.pkg\.dev$/.test(host)) return 'gcp';
  if (host === 'ghcr.io') return 'ghcr';
  return s.username !== undefined ? 'basic' : 'docker-config';
}

export interface ProviderContext {
  cloud: CloudCredentials;
  githubToken: string | undefined;
  githubActor: string | undefined;
  region: string | undefined;
  onSecret(value: string): void;
}

/**
 * The credential provider for one side, or undefined for the client's default chain (env
 * variables, then the Docker config). `names` says which inputs to blame in messages.
 */
export function credentialProvider(s: SideInputs, auth: ResolvedAuth, ctx: ProviderContext, names: { user: string; password: string }): (() => Promise<CredentialSource>) | undefined {
  switch (auth) {
    case 'anonymous':
      return async () => ({ from: 'no credentials (anonymous)' });
    case 'basic':
      return async () => ({ credentials: { username: s.username!, password: s.password! }, from: `inputs '${names.user}'/'${names.password}'` });
    case 'docker-config':
      if (s.username !== undefined) return async () => ({ credentials: { username: s.username!, password: s.password! }, from: `inputs '${names.user}'/'${names.password}'` });
      return undefined;
    case 'ecr':
      return async () => {
        const host = parseEcrHost(s.ref.registry ?? '');
        const creds = await ctx.cloud.ecr(host?.region ?? ctx.region, host?.registryId);
        ctx.onSecret(creds.password);
        return { credentials: creds, from: 'ecr:GetAuthorizationToken' };
      };
    case 'gcp':
      return async () => {
        // Artifact Registry and gcr.io paths start with the project: HOST/PROJECT/repo/image.
        const token = await ctx.cloud.gcpAccessToken(s.ref.repository.split('/')[0]);
        ctx.onSecret(token);
        return { credentials: { username: 'oauth2accesstoken', password: token }, from: 'Application Default Credentials (google-auth-library)' };
      };
    case 'ghcr': {
      return async () => {
        if (s.password !== undefined) return { credentials: { username: s.username!, password: s.password }, from: `inputs '${names.user}'/'${names.password}'` };
        return { credentials: { username: ctx.githubActor || 'x-access-token', password: ctx.githubToken ?? '' }, from: "input 'github-token'" };
      };
    }
  }
}
