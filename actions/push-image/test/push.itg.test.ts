/**
 * push-image run() with its real credential sources:
 * - ECR: the AWS SDK asks moto (GetAuthorizationToken, DescribeRepositories, DescribeImages). moto's
 *   ECR accepts no layer pushes, so the pushes go to a local registry (Debian's docker-registry)
 *   whose htpasswd holds exactly the user and password moto's token decodes to; the test reads
 *   them from moto first. `target-auth: ecr` is set because the local host is not an ECR host.
 * - Artifact Registry: google-auth-library reads an `external_account` credentials file (the kind
 *   google-github-actions/auth writes for Workload Identity Federation) and exchanges the subject
 *   token at `token_url`, which is a local fake STS in this test; it checks the form fields
 *   google-auth-library's stscredentials sends. The access token is then the password of user
 *   `oauth2accesstoken` on a local registry, as Artifact Registry expects.
 * - GHCR: `github-token` as the password of GITHUB_ACTOR on a local Basic registry.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateRepositoryCommand, ECRClient, GetAuthorizationTokenCommand, PutImageCommand } from '@aws-sdk/client-ecr';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretRegistry, SummaryBuilder } from '@ml-deploy/action-kit';
import { awsClientConfig, awsEnv } from '@ml-deploy/test/harness/aws-env';
import { freePort, LOOPBACK } from '@ml-deploy/test/harness/free-port';
import { startMoto, type MotoServer } from '@ml-deploy/test/harness/moto';
import { type PushedImage, pushImage, type Registry, startRegistry } from '@ml-deploy/test/harness/registry';
import { startFaultProxy, type FaultProxy } from '@ml-deploy/test/harness/fault-proxy';
import { cloudDeps } from '../src/cloud';
import { parseInputs } from '../src/inputs';
import { type PushReport, run } from '../src/run';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';

const quiet = { info: () => {}, debug: () => {}, warning: () => {}, error: () => {}, group: <T>(_t: string, fn: () => Promise<T>) => fn() };

function harness(inputs: Record<string, string>, env: NodeJS.ProcessEnv) {
  const secrets = new SecretRegistry();
  const outputs: Record<string, string> = {};
  const summary = new SummaryBuilder();
  const reports: PushReport[] = [];
  const logs: string[] = [];
  const parsed = parseInputs((n) => (inputs[n]?.trim() ? inputs[n] : undefined), secrets);
  const go = () =>
    run(parsed, {
      ...cloudDeps(parsed.region),
      logger: { ...quiet, info: (m: string) => logs.push(m) },
      summary,
      secrets,
      setOutput: (k, v) => {
        if (v !== undefined) outputs[k] = String(v);
      },
      env,
      registry: { attempts: 2, baseDelayMs: 5 },
      writeReport: async (r) => {
        reports.push(r);
        return '/tmp/report.json';
      },
    });
  return { go, outputs, summary, reports, secrets, logs };
}

let source: Registry;
let image: PushedImage;
beforeAll(async () => {
  source = await startRegistry();
  image = await pushImage({ registry: source, repository: 'ci/model' }, { tag: 'build-9', layers: [gzipSync(randomBytes(40_000)), gzipSync(randomBytes(2_000))] });
});
afterAll(async () => {
  await source?.stop();
});

describe('ECR target: auth and lookups from moto, pushes to a local registry', () => {
  let moto: MotoServer;
  let ecrRegistry: Registry;
  let proxy: FaultProxy;
  let ecr: ECRClient;
  let ecrPassword: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    moto = await startMoto();
    Object.assign(process.env, awsEnv(moto.url));
    ecr = new ECRClient(awsClientConfig(moto.url));
    const token = await ecr.send(new GetAuthorizationTokenCommand({}));
    const [user, pass] = Buffer.from(token.authorizationData![0]!.authorizationToken!, 'base64').toString().split(':');
    expect(user).toBe('AWS');
    ecrPassword = pass!;
    ecrRegistry = await startRegistry({ basicAuth: { username: 'AWS', password: ecrPassword } });
    proxy = await startFaultProxy(ecrRegistry.url);
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'models/churn' }));
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'models/locked', imageTagMutability: 'IMMUTABLE' }));
    // An image already tagged v1 in the immutable repository (moto stores the manifest given).
    await ecr.send(new PutImageCommand({ repositoryName: 'models/locked', imageManifest: '{"schemaVersion":2}', imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json', imageTag: 'v1', imageDigest: `sha256:${'1'.repeat(64)}` }));
  });
  afterAll(async () => {
    process.env = saved;
    await proxy?.stop();
    await ecrRegistry?.stop();
    await moto?.stop();
  });

  it('pushes with the token GetAuthorizationToken gave, masks it, and the digest matches', async () => {
    const h = harness({ source: `${source.host}/ci/model@${image.digest}`, target: `${proxy.host}/models/churn`, tags: 'v1, stable', 'target-auth': 'ecr' }, process.env);
    const report = await h.go();
    expect(report.result).toBe('pushed');
    expect(h.outputs).toMatchObject({ image: `${proxy.host}/models/churn@${image.digest}`, digest: image.digest, 'image-digest': image.digest, tags: `${proxy.host}/models/churn:v1\n${proxy.host}/models/churn:stable` });
    expect(h.secrets.redact(`x ${ecrPassword} x`)).toBe('x *** x');
    expect(report.copy!.totals).toMatchObject({ copied: 3, mounted: 0, skipped: 0 });
    expect(h.logs.join('\n')).toContain('ECR repository models/churn: tags mutable');
    expect(h.summary.toString()).toContain('| copied (streamed registry to registry) | 3 |');
  });

  it('a repository that does not exist in ECR fails before any request to the registry', async () => {
    proxy.clear();
    const h = harness({ source: `${source.host}/ci/model@${image.digest}`, target: `${proxy.host}/models/nope:v1`, 'target-auth': 'ecr' }, process.env);
    await expect(h.go()).rejects.toThrow("the ECR repository 'models/nope' does not exist: create it (aws ecr create-repository --repository-name models/nope)");
    expect(proxy.requests).toEqual([]);
    expect(h.reports[0]!.result).toBe('failed');
  });

  it('an immutable tag that names another image fails before anything is written', async () => {
    proxy.clear();
    const h = harness({ source: `${source.host}/ci/model@${image.digest}`, target: `${proxy.host}/models/locked:v1`, 'target-auth': 'ecr' }, process.env);
    await expect(h.go()).rejects.toThrow(`has immutable tags, and 'v1' already names sha256:${'1'.repeat(64)}; the source is ${image.digest}`);
    expect(proxy.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([]);
  });
});

describe('Artifact Registry target: access token from Application Default Credentials', () => {
  let sts: Server;
  let stsUrl: string;
  let reg: Registry;
  const accessToken = 'ya29.fake-Access-Token-for-ml-deploy-tests';
  const stsRequests: Array<Record<string, string>> = [];
  let credsFile: string;
  beforeAll(async () => {
    sts = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        stsRequests.push({ path: req.url ?? '', ...Object.fromEntries(new URLSearchParams(body)) });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: accessToken, issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: 3600 }));
      });
    });
    const port = await freePort();
    await new Promise<void>((r) => sts.listen(port, LOOPBACK, () => r()));
    stsUrl = `http://${LOOPBACK}:${port}/v1/token`;
    reg = await startRegistry({ basicAuth: { username: 'oauth2accesstoken', password: accessToken } });
    const dir = mkdtempSync(join(tmpdir(), 'adc-'));
    writeFileSync(join(dir, 'oidc-token'), 'header.github-oidc-subject-token.signature');
    credsFile = join(dir, 'credentials.json');
    writeFileSync(
      credsFile,
      JSON.stringify({
        type: 'external_account',
        audience: '//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/github/providers/ml-deploy',
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: stsUrl,
        credential_source: { file: join(dir, 'oidc-token') },
      }),
    );
  });
  afterAll(async () => {
    await new Promise((r) => sts?.close(r));
    await reg?.stop();
  });

  it('exchanges the workload identity token at the STS and pushes as oauth2accesstoken', async () => {
    const h = harness({ source: `${source.host}/ci/model:build-9`, target: `${reg.host}/project/repo/model:v3`, 'target-auth': 'gcp' }, { HOME: '/nonexistent', GOOGLE_APPLICATION_CREDENTIALS: credsFile, PATH: process.env.PATH });
    const saved = process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.GOOGLE_APPLICATION_CREDENTIALS = credsFile;
    try {
      const report = await h.go();
      expect(report.result).toBe('pushed');
      expect(report.auth.target).toBe('gcp');
    } finally {
      if (saved === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
      else process.env.GOOGLE_APPLICATION_CREDENTIALS = saved;
    }
    expect(stsRequests[0]).toMatchObject({
      path: '/v1/token',
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      subject_token: 'header.github-oidc-subject-token.signature',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      scope: 'https://www.googleapis.com/auth/cloud-platform',
    });
    expect(h.secrets.redact(accessToken)).toBe('***');
  });
});

describe('GHCR target: github-token', () => {
  let reg: Registry;
  beforeAll(async () => {
    reg = await startRegistry({ basicAuth: { username: 'octo-bot', password: 'ghs_fakeGithubToken123' } });
  });
  afterAll(async () => {
    await reg?.stop();
  });

  it('pushes as GITHUB_ACTOR with the token, and a wrong token fails naming the input, not the token', async () => {
    const ok = harness({ source: `${source.host}/ci/model@${image.digest}`, target: `${reg.host}/org/model:v1`, 'target-auth': 'ghcr', 'github-token': 'ghs_fakeGithubToken123' }, { HOME: '/nonexistent', GITHUB_ACTOR: 'octo-bot' });
    expect((await ok.go()).result).toBe('pushed');
    const bad = harness({ source: `${source.host}/ci/model@${image.digest}`, target: `${reg.host}/org/model:v2`, 'target-auth': 'ghcr', 'github-token': 'ghs_wrongToken456' }, { HOME: '/nonexistent', GITHUB_ACTOR: 'octo-bot' });
    const err = (await bad.go().catch((e: unknown) => e)) as Error;
    expect(err.message).toContain("refused the credentials of user 'octo-bot' from input 'github-token'");
    expect(err.message).not.toContain('ghs_wrongToken456');
    const report = JSON.stringify(bad.reports[0]);
    expect(report).not.toContain('ghs_wrongToken456');
    expect(bad.summary.toString()).toContain('Check the credentials');
  });
});
