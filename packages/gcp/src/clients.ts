/**
 * Cloud Run Admin API v2 clients built the ml-deploy way: the official `@google-cloud/run`
 * clients in REST mode (`fallback: true`), loaded with gax's fallback module only, so no gRPC
 * transport is ever started; credentials from Application Default Credentials (Workload Identity
 * Federation through google-github-actions/auth works with no key file); and an endpoint that can
 * point at a private endpoint or a local fake.
 */
import { ServicesClient } from '@google-cloud/run/build/src/v2/services_client.js';
import { RevisionsClient } from '@google-cloud/run/build/src/v2/revisions_client.js';
import * as gaxFallback from 'google-gax/fallback';
import { type AuthClient, GoogleAuth, PassThroughClient } from 'google-auth-library';
import { UserError } from '@ml-deploy/action-kit';
import { explainGcpError } from './errors';

export const CLOUD_RUN_SCOPES = ['https://www.googleapis.com/auth/cloud-platform'];
export const DEFAULT_CLOUD_RUN_ENDPOINT = 'https://run.googleapis.com';

export interface Endpoint {
  protocol: 'http' | 'https';
  host: string;
  port: number;
  /** Plain HTTP is allowed to loopback only, and then no credentials are sent. */
  anonymous: boolean;
}

/**
 * Reads an endpoint URL (`https://run.googleapis.com`, `https://us-central1-run.googleapis.com`,
 * `http://127.0.0.1:8089`). Plain `http://` is accepted for loopback addresses only, where no
 * credentials are sent: a token must never cross a network in clear text.
 */
export function parseEndpoint(raw: string): Endpoint | { error: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { error: 'not a URL' };
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    return { error: 'give scheme, host and port only (no path, query or credentials)' };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  if (url.protocol === 'http:') {
    if (!loopback) return { error: 'plain http is only allowed to 127.0.0.1, ::1 or localhost (a local fake); use https' };
    return { protocol: 'http', host, port: Number(url.port || 80), anonymous: true };
  }
  if (url.protocol !== 'https:') return { error: `scheme ${url.protocol} is not http or https` };
  return { protocol: 'https', host, port: Number(url.port || 443), anonymous: false };
}

export interface CloudRunClients {
  services: ServicesClient;
  revisions: RevisionsClient;
  /** The project ADC names (GOOGLE_CLOUD_PROJECT, the credentials' project), if any. */
  detectProject(): Promise<string | undefined>;
  close(): Promise<void>;
}

/**
 * Builds the clients. Credentials are resolved here, before any client exists: the clients would
 * otherwise look them up in the background and a missing or unreadable ADC file would surface as
 * an unhandled rejection instead of an error that says which step to add.
 */
export async function createCloudRunClients(endpoint: Endpoint): Promise<CloudRunClients> {
  const auth = endpoint.anonymous ? undefined : new GoogleAuth({ scopes: CLOUD_RUN_SCOPES });
  let authClient: AuthClient;
  if (auth) {
    try {
      authClient = await auth.getClient();
    } catch (err) {
      throw explainGcpError(err, 'loading Application Default Credentials');
    }
  } else {
    authClient = new PassThroughClient();
  }
  const opts = {
    fallback: true,
    apiEndpoint: endpoint.host,
    port: endpoint.port,
    protocol: endpoint.protocol,
    authClient,
  };
  // gax's fallback module alone: the clients would otherwise load google-gax's gRPC entry.
  const gax = gaxFallback as unknown as ConstructorParameters<typeof ServicesClient>[1];
  const services = new ServicesClient(opts as ConstructorParameters<typeof ServicesClient>[0], gax);
  // Built on first use: constructing a client costs ~0.2 s (its protos and descriptors), and the
  // first call of a deploy (GetService) should not wait for one it does not need yet.
  let revisions: RevisionsClient | undefined;
  return {
    services,
    get revisions() {
      revisions ??= new RevisionsClient(opts as ConstructorParameters<typeof RevisionsClient>[0], gax);
      return revisions;
    },
    async detectProject() {
      const fromEnv = process.env.GOOGLE_CLOUD_PROJECT ?? process.env.CLOUDSDK_CORE_PROJECT ?? process.env.GCLOUD_PROJECT ?? process.env.GCP_PROJECT;
      if (fromEnv) return fromEnv;
      if (!auth) return undefined;
      try {
        return (await auth.getProjectId()) ?? undefined;
      } catch {
        return undefined;
      }
    },
    async close() {
      await Promise.allSettled([services.close(), revisions?.close()]);
    },
  };
}

/** Thrown when no project can be found: says where one comes from. */
export function missingProjectError(): UserError {
  return new UserError(
    "no Google Cloud project is set: give the 'project-id' input, or authenticate with google-github-actions/auth before this step (it sets GOOGLE_CLOUD_PROJECT)",
  );
}
