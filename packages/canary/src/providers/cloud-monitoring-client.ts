/**
 * The ListTimeSeries call of the official `@google-cloud/monitoring` client, built as
 * packages/gcp builds the Cloud Run clients: REST (`fallback: true`, gax's fallback module only),
 * Application Default Credentials (read-only monitoring scope), and an endpoint that can point at a
 * private endpoint or, over plain http to loopback with no credentials, a local fake.
 */
import { MetricServiceClient } from '@google-cloud/monitoring/build/src/v3/metric_service_client.js';
import * as gaxFallback from 'google-gax/fallback';
import { type AuthClient, GoogleAuth, PassThroughClient } from 'google-auth-library';
import { type Endpoint, explainGcpError } from '@ml-deploy/gcp';
import type { ListTimeSeries, TimeSeriesLike } from './cloud-monitoring';

export const MONITORING_SCOPES = ['https://www.googleapis.com/auth/monitoring.read'];
export const DEFAULT_MONITORING_ENDPOINT = 'https://monitoring.googleapis.com';

export interface MonitoringClient {
  listTimeSeries: ListTimeSeries;
  /** The project ADC names (GOOGLE_CLOUD_PROJECT, the credentials' project), if any. */
  detectProject(): Promise<string | undefined>;
  close(): Promise<void>;
}

export async function createMonitoringClient(endpoint: Endpoint): Promise<MonitoringClient> {
  const auth = endpoint.anonymous ? undefined : new GoogleAuth({ scopes: MONITORING_SCOPES });
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
  const opts = { fallback: true, apiEndpoint: endpoint.host, port: endpoint.port, protocol: endpoint.protocol, authClient };
  const gax = gaxFallback as unknown as ConstructorParameters<typeof MetricServiceClient>[1];
  const client = new MetricServiceClient(opts as ConstructorParameters<typeof MetricServiceClient>[0], gax);
  return {
    async listTimeSeries(request, signal) {
      signal?.throwIfAborted();
      try {
        const [series] = await client.listTimeSeries(request, { autoPaginate: true });
        return series as TimeSeriesLike[];
      } catch (err) {
        throw explainGcpError(err, `ListTimeSeries (${request.filter.slice(0, 100)})`);
      }
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
    close: () => client.close(),
  };
}
