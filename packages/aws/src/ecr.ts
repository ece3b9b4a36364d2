/**
 * Amazon ECR as a registry target: the Basic credentials docker login would use (from
 * GetAuthorizationToken, so the same code runs against AWS and moto), and the repository lookups
 * that let a push fail before it writes anything (no such repository, an immutable tag that already
 * names another image).
 */
import { DescribeImagesCommand, DescribeRepositoriesCommand, ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import { ConfigurationError } from '@ml-deploy/action-kit';
import { explainAwsError } from './errors';

/** `<account>.dkr.ecr.<region>.amazonaws.com[.cn]` (and the FIPS and dual-stack forms). */
const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.(?:on\.aws|amazonaws\.com(?:\.cn)?)$/;

export interface EcrHost {
  registryId: string;
  region: string;
}

/** The account and region an ECR registry host names, or undefined for any other host. */
export function parseEcrHost(host: string): EcrHost | undefined {
  const m = ECR_HOST.exec(host.toLowerCase().replace(/:443$/, ''));
  return m ? { registryId: m[1]!, region: m[2]! } : undefined;
}

export function createEcrClient(opts: { region?: string | undefined; maxAttempts: number }): ECRClient {
  return new ECRClient({ ...(opts.region ? { region: opts.region } : {}), maxAttempts: opts.maxAttempts, retryMode: 'standard', customUserAgent: 'ml-deploy' });
}

export interface EcrCredentials {
  username: string;
  password: string;
  /** The registry endpoint ECR says the token is for. */
  proxyEndpoint: string | undefined;
  expiresAt: Date | undefined;
}

/** The Basic credentials for an ECR registry (user `AWS`, a 12-hour token as password). */
export async function ecrCredentials(client: ECRClient, registryId: string | undefined): Promise<EcrCredentials> {
  let out;
  try {
    out = await client.send(new GetAuthorizationTokenCommand(registryId ? { registryIds: [registryId] } : {}));
  } catch (err) {
    throw explainAwsError(err, 'ecr', 'GetAuthorizationToken');
  }
  const data = out.authorizationData?.[0];
  if (!data?.authorizationToken) throw new Error('ecr:GetAuthorizationToken answered without an authorization token');
  const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw new Error('ecr:GetAuthorizationToken answered with a token that is not base64 of user:password');
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), proxyEndpoint: data.proxyEndpoint, expiresAt: data.expiresAt };
}

export interface EcrRepositoryCheck {
  repositoryUri: string | undefined;
  immutableTags: boolean;
  /** Tags that exist already, with the digest each names. */
  existingTags: Record<string, string>;
}

/**
 * Checks that the repository exists and, for repositories with immutable tags, which of `tags`
 * exist already. Throws a ConfigurationError naming the repository when it does not exist.
 */
export async function checkEcrRepository(client: ECRClient, repository: string, registryId: string | undefined, tags: string[]): Promise<EcrRepositoryCheck> {
  let repo;
  try {
    const out = await client.send(new DescribeRepositoriesCommand({ repositoryNames: [repository], ...(registryId ? { registryId } : {}) }));
    repo = out.repositories?.[0];
  } catch (err) {
    if ((err as { name?: string }).name === 'RepositoryNotFoundException') {
      throw new ConfigurationError(
        `the ECR repository '${repository}' does not exist${registryId ? ` in registry ${registryId}` : ''}: create it (aws ecr create-repository --repository-name ${repository}) or check the target`,
      );
    }
    throw explainAwsError(err, 'ecr', 'DescribeRepositories');
  }
  const immutableTags = repo?.imageTagMutability === 'IMMUTABLE' || repo?.imageTagMutability === 'IMMUTABLE_WITH_EXCLUSION';
  const existingTags: Record<string, string> = {};
  if (tags.length > 0) {
    try {
      const out = await client.send(
        new DescribeImagesCommand({ repositoryName: repository, ...(registryId ? { registryId } : {}), imageIds: tags.map((imageTag) => ({ imageTag })) }),
      );
      for (const d of out.imageDetails ?? []) for (const t of d.imageTags ?? []) if (tags.includes(t) && d.imageDigest) existingTags[t] = d.imageDigest;
    } catch (err) {
      // A tag that does not exist yet is reported per tag in failures, or as ImageNotFoundException.
      if ((err as { name?: string }).name !== 'ImageNotFoundException') throw explainAwsError(err, 'ecr', 'DescribeImages');
    }
  }
  return { repositoryUri: repo?.repositoryUri, immutableTags, existingTags };
}
