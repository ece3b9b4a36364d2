/**
 * The real cloud credential sources push-image uses: ECR through the AWS SDK (endpoint, region and
 * credentials from the SDK's own configuration, so moto serves it in tests), Google access tokens
 * from Application Default Credentials through google-auth-library (GOOGLE_APPLICATION_CREDENTIALS,
 * as google-github-actions/auth sets it).
 */
import { checkEcrRepository, createEcrClient, ecrCredentials } from '@ml-deploy/aws';
import { GoogleAuth } from 'google-auth-library';
import type { Deps } from './run';

export function cloudDeps(defaultRegion: string | undefined): Pick<Deps, 'cloud' | 'checkEcrRepository'> {
  const ecr = (region: string | undefined) => createEcrClient({ region: region ?? defaultRegion, maxAttempts: 4 });
  return {
    cloud: {
      ecr: (region, registryId) => ecrCredentials(ecr(region), registryId),
      gcpAccessToken: async (projectId) => {
        // The project named in the image path spares google-auth-library a Resource Manager lookup.
        const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'], ...(projectId ? { projectId } : {}) });
        let token: string | null | undefined;
        try {
          token = await auth.getAccessToken();
        } catch (err) {
          throw new Error(`no Google access token from Application Default Credentials: ${(err as Error).message}; add google-github-actions/auth before this step`);
        }
        if (!token) throw new Error('Application Default Credentials gave an empty access token');
        return token;
      },
    },
    checkEcrRepository: (region, repository, registryId, tags) => checkEcrRepository(ecr(region), repository, registryId, tags),
  };
}
