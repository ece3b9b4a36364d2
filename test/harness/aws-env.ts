/**
 * Environment and client settings that point an AWS SDK (v3) client, or a process using one,
 * at a local endpoint (moto or the ECS layer) with fake credentials.
 */

export const TEST_REGION = 'us-east-1';
/** moto's default account: every ARN it makes carries it. */
export const TEST_ACCOUNT_ID = '123456789012';

export interface AwsEnv {
  AWS_ENDPOINT_URL: string;
  AWS_REGION: string;
  AWS_DEFAULT_REGION: string;
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  AWS_EC2_METADATA_DISABLED: string;
  [name: string]: string;
}

/**
 * The env for a process whose SDK clients should talk to `endpoint`. The SDKs read
 * AWS_ENDPOINT_URL themselves, so code under test needs no test-only options.
 * Session tokens and profiles from the developer's shell are cleared so they cannot leak in.
 */
export function awsEnv(endpoint: string, extra: Record<string, string> = {}): AwsEnv {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: TEST_REGION,
    AWS_DEFAULT_REGION: TEST_REGION,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_SESSION_TOKEN: '',
    AWS_PROFILE: '',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

/**
 * Set `awsEnv(endpoint)` on this process (for code that builds its clients from the
 * environment, e.g. an action's run()). Returns a function that restores the previous values.
 */
export function applyAwsEnv(endpoint: string, extra: Record<string, string> = {}): () => void {
  const next = awsEnv(endpoint, extra);
  const saved = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(next)) {
    saved.set(name, process.env[name]);
    if (value === '') delete process.env[name];
    else process.env[name] = value;
  }
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/** Constructor options for an SDK v3 client (`new ECSClient(awsClientConfig(url))`). */
export function awsClientConfig(endpoint: string): {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
} {
  return {
    endpoint,
    region: TEST_REGION,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
}
