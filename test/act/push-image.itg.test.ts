/**
 * The starter pipeline workflows/push-image.yml under act in host mode: the AWS SDK gets the ECR
 * token from moto (GetAuthorizationToken, DescribeRepositories, DescribeImages); moto's ECR accepts
 * no pushes, so the target is a local registry that accepts exactly moto's token as Basic
 * credentials, and `TARGET_AUTH: ecr` says to use ECR auth for that non-ECR host.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { CreateRepositoryCommand, ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { awsClientConfig, awsEnv } from '../harness/aws-env';
import { type MotoServer, startMoto } from '../harness/moto';
import { type PushedImage, pushImage, type Registry, startRegistry } from '../harness/registry';
import { localWorkflow, runAct } from './act';

let moto: MotoServer;
let source: Registry;
let target: Registry;
let image: PushedImage;
let password: string;

beforeAll(async () => {
  moto = await startMoto();
  const ecr = new ECRClient(awsClientConfig(moto.url));
  const token = await ecr.send(new GetAuthorizationTokenCommand({}));
  password = Buffer.from(token.authorizationData![0]!.authorizationToken!, 'base64').toString().split(':')[1]!;
  await ecr.send(new CreateRepositoryCommand({ repositoryName: 'models/churn' }));
  [source, target] = await Promise.all([startRegistry(), startRegistry({ basicAuth: { username: 'AWS', password } })]);
  image = await pushImage({ registry: source, repository: 'ci/churn' }, { tag: 'b5', layers: [gzipSync(randomBytes(20_000))] });
});
afterAll(async () => {
  await Promise.all([source?.stop(), target?.stop(), moto?.stop()]);
});

it('workflows/push-image.yml promotes the image by digest through ./push-image under act', async () => {
  const run = await runAct({
    workflow: await localWorkflow('push-image.yml'),
    inputs: { image: `${source.host}/ci/churn@${image.digest}`, tags: 'v5,prod' },
    vars: { ECR_REPOSITORY: `${target.host}/models/churn`, AWS_REGION: 'us-east-1', AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/github-promote-model', TARGET_AUTH: 'ecr' },
    env: { ...awsEnv(moto.url), HOME: '/nonexistent' },
  });
  if (run.code !== 0) console.log(run.output);
  expect(run.code).toBe(0);
  expect(run.output).toContain(`promoted as ${target.host}/models/churn@${image.digest}`);
  // the OIDC step is not skipped under act: its stand-in ran
  expect(run.output).toContain('configure-aws-credentials stand-in: arn:aws:iam::123456789012:role/github-promote-model in us-east-1');
  expect(run.output).not.toContain(password);
  const res = await fetch(`${target.url}/v2/models/churn/manifests/prod`, {
    method: 'HEAD',
    headers: { accept: 'application/vnd.oci.image.manifest.v1+json', authorization: `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}` },
  });
  expect(res.headers.get('docker-content-digest')).toBe(image.digest);
});
