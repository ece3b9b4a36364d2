/**
 * The ECS layer in front of a real moto server. Each test says which behaviour is moto's (the
 * emulator, passed through) and which is the layer's (rollouts, faults, call log).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListClustersCommand,
  ListTasksCommand,
  RunTaskCommand,
  UpdateServiceCommand,
  type Service,
} from '@aws-sdk/client-ecs';
import { awsClientConfig } from '@ml-deploy/test/harness/aws-env';
import { ecsLayerControl, startEcsLayer, type EcsLayer } from '@ml-deploy/test/harness/ecs-layer';
import { createEcsFixture, registerModelTaskDefinition, type EcsFixture } from '@ml-deploy/test/harness/ecs-fixtures';
import { httpCall, startMoto, type MotoServer } from '@ml-deploy/test/harness/moto';

let moto: MotoServer;
let layer: EcsLayer;
let fx: EcsFixture;
let td2: string;

const AUTH_ECS = 'AWS4-HMAC-SHA256 Credential=testing/20200101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=0';

beforeAll(async () => {
  moto = await startMoto();
  layer = await startEcsLayer({ upstream: moto.url });
});

afterAll(async () => {
  await layer?.stop();
  await moto?.stop();
});

beforeEach(async () => {
  await layer.reset();
  fx = await createEcsFixture(layer.url);
  td2 = await registerModelTaskDefinition(fx.client, { family: fx.family, image: 'registry.example/model:2' });
  layer.resetCalls();
});

async function describeService(client: ECSClient = fx.client): Promise<Service> {
  const out = await client.send(new DescribeServicesCommand({ cluster: fx.clusterName, services: [fx.serviceName] }));
  const svc = out.services?.[0];
  if (svc === undefined) throw new Error(`service missing: ${JSON.stringify(out.failures)}`);
  return svc;
}

/** The service as moto alone stores it (straight to moto, bypassing the layer). */
async function describeInMoto(): Promise<Service> {
  return describeService(new ECSClient(awsClientConfig(moto.url)));
}

function rawEcs(url: string, operation: string, input: unknown): ReturnType<typeof httpCall> {
  return httpCall('POST', url, JSON.stringify(input), {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': `AmazonEC2ContainerServiceV20141113.${operation}`,
    authorization: AUTH_ECS,
  });
}

const update = (taskDefinition: string) =>
  fx.client.send(new UpdateServiceCommand({ cluster: fx.clusterName, service: fx.serviceName, taskDefinition }));

describe('rollouts', () => {
  it('completes a deployment in the default 2 steps and retires the old one', async () => {
    // moto: stores the new task definition; never adds a deployment (checked straight on moto).
    // layer: the new PRIMARY, its progress per DescribeServices, tasks and events.
    const updated = (await update(td2)).service!;
    expect(updated.taskDefinition).toBe(td2);
    expect(updated.deployments).toHaveLength(2);
    const [primary, old] = updated.deployments!;
    expect(primary).toMatchObject({ status: 'PRIMARY', taskDefinition: td2, desiredCount: 2, runningCount: 0, pendingCount: 0, rolloutState: 'IN_PROGRESS' });
    expect(primary!.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(primary!.rolloutStateReason).toBe(`ECS deployment ${primary!.id} in progress.`);
    expect(primary!.createdAt).toBeInstanceOf(Date);
    expect(old).toMatchObject({ status: 'ACTIVE', taskDefinition: fx.taskDefinitionArn, runningCount: 2, rolloutState: 'COMPLETED' });

    const inMoto = await describeInMoto();
    expect(inMoto.taskDefinition).toBe(td2);
    expect(inMoto.deployments).toHaveLength(1);
    expect(inMoto.deployments![0]!.taskDefinition).toBe(fx.taskDefinitionArn);

    const step1 = await describeService();
    expect(step1.deployments![0]).toMatchObject({ id: primary!.id, pendingCount: 2, runningCount: 0, rolloutState: 'IN_PROGRESS' });
    expect(step1.runningCount).toBe(2); // the old deployment still serves
    expect(step1.pendingCount).toBe(2);
    expect(step1.events![0]!.message).toMatch(/^\(service model-svc\) has started 2 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/);

    const step2 = await describeService();
    expect(step2.deployments).toHaveLength(1);
    expect(step2.deployments![0]).toMatchObject({ id: primary!.id, status: 'PRIMARY', runningCount: 2, pendingCount: 0, rolloutState: 'COMPLETED', rolloutStateReason: `ECS deployment ${primary!.id} completed.` });
    expect(step2.runningCount).toBe(2);
    expect(step2.events![0]!.message).toBe('(service model-svc) has reached a steady state.');

    const running = await fx.client.send(new ListTasksCommand({ cluster: fx.clusterName, serviceName: fx.serviceName, startedBy: primary!.id }));
    expect(running.taskArns).toHaveLength(2);
    const tasks = await fx.client.send(new DescribeTasksCommand({ cluster: fx.clusterName, tasks: running.taskArns }));
    expect(tasks.tasks!.map((t) => t.lastStatus)).toEqual(['RUNNING', 'RUNNING']);

    // Steady: more calls change nothing.
    expect((await describeService()).deployments![0]!.rolloutState).toBe('COMPLETED');
  });

  it('leaves a failed deployment PRIMARY and FAILED when rollback is off, with stopped tasks to explain it', async () => {
    // moto: keeps the new task definition stored. layer: the failure, its stopped tasks, events.
    layer.planDeployments({ cluster: fx.clusterName, service: fx.serviceName }, { outcome: 'fail', steps: 2, failedTasks: 2, stoppedReason: 'Essential container in task exited', exitCode: 137, containerReason: 'OutOfMemoryError: Container killed due to memory usage' });
    const deploymentId = (await update(td2)).service!.deployments![0]!.id!;

    const step1 = await describeService();
    expect(step1.deployments![0]).toMatchObject({ id: deploymentId, rolloutState: 'IN_PROGRESS', failedTasks: 2, runningCount: 0 });
    const step2 = await describeService();
    expect(step2.deployments).toHaveLength(2);
    expect(step2.deployments![0]).toMatchObject({ id: deploymentId, status: 'PRIMARY', rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.', failedTasks: 2 });
    expect(step2.deployments![1]).toMatchObject({ status: 'ACTIVE', taskDefinition: fx.taskDefinitionArn, runningCount: 2 });
    expect(step2.taskDefinition).toBe(td2);
    expect((await describeInMoto()).taskDefinition).toBe(td2);

    const stopped = await fx.client.send(new ListTasksCommand({ cluster: fx.clusterName, startedBy: deploymentId, desiredStatus: 'STOPPED' }));
    expect(stopped.taskArns).toHaveLength(2);
    for (const arn of stopped.taskArns!) expect(arn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task\/ml-cluster\/[0-9a-f]{32}$/);
    // The default desiredStatus is RUNNING: none of the failed tasks is listed.
    expect((await fx.client.send(new ListTasksCommand({ cluster: fx.clusterName, serviceName: fx.serviceName }))).taskArns).toEqual([]);

    const described = await fx.client.send(new DescribeTasksCommand({ cluster: fx.clusterName, tasks: stopped.taskArns }));
    expect(described.failures).toEqual([]);
    for (const task of described.tasks!) {
      expect(task).toMatchObject({ lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stoppedReason: 'Essential container in task exited', stopCode: 'EssentialContainerExited', startedBy: deploymentId, taskDefinitionArn: td2, group: 'service:model-svc' });
      expect(task.containers).toEqual([expect.objectContaining({ name: 'model-server', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage', lastStatus: 'STOPPED' })]);
      expect(task.stoppedAt).toBeInstanceOf(Date);
    }
    // Further calls leave the failed deployment as it is: no rollback without the circuit breaker's rollback.
    expect((await describeService()).deployments!.map((d) => d.rolloutState)).toEqual(['FAILED', 'COMPLETED']);
  });

  it.each([
    ['CreateService (moto drops it, the layer remembers it)', 'create'],
    ['UpdateService (moto stores it)', 'update'],
  ])('rolls back on failure when the circuit breaker has rollback on, set through %s', async (_label, where) => {
    // moto: stores the task definitions; the layer's UpdateService brings its stored one back.
    // layer: FAILED deployment, ECS's own rollback deployment and its completion.
    const breaker = { deploymentCircuitBreaker: { enable: true, rollback: true } };
    if (where === 'create') {
      await layer.reset();
      fx = await createEcsFixture(layer.url, { deploymentConfiguration: breaker });
      td2 = await registerModelTaskDefinition(fx.client, { family: fx.family, image: 'registry.example/model:2' });
    }
    layer.planDeployments({ cluster: fx.clusterName, service: fx.serviceName }, { outcome: 'fail', steps: 1 });
    const updated = await fx.client.send(
      new UpdateServiceCommand({ cluster: fx.clusterName, service: fx.serviceName, taskDefinition: td2, ...(where === 'update' ? { deploymentConfiguration: breaker } : {}) }),
    );
    expect(updated.service!.deploymentConfiguration?.deploymentCircuitBreaker).toEqual({ enable: true, rollback: true });
    const failedId = updated.service!.deployments![0]!.id!;

    const afterFailure = await describeService();
    const [rollback, failed, original] = afterFailure.deployments!;
    expect(rollback).toMatchObject({ status: 'PRIMARY', taskDefinition: fx.taskDefinitionArn, rolloutState: 'IN_PROGRESS' });
    expect(failed).toMatchObject({ id: failedId, status: 'ACTIVE', rolloutState: 'FAILED', failedTasks: 3, taskDefinition: td2 });
    expect(original).toMatchObject({ status: 'ACTIVE', rolloutState: 'COMPLETED', taskDefinition: fx.taskDefinitionArn });
    expect(afterFailure.taskDefinition).toBe(fx.taskDefinitionArn);
    expect((await describeInMoto()).taskDefinition).toBe(fx.taskDefinitionArn);
    expect(afterFailure.events!.map((e) => e.message).slice(0, 2)).toEqual([
      `(service model-svc) rolling back to deployment ${original!.id}.`,
      `(service model-svc) (deployment ${failedId}) deployment failed: tasks failed to start.`,
    ]);

    await describeService();
    const done = await describeService();
    expect(done.deployments).toEqual([expect.objectContaining({ id: rollback!.id, status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 2, taskDefinition: fx.taskDefinitionArn })]);
    expect(done.events![0]!.message).toBe('(service model-svc) has reached a steady state.');
  });

  it('keeps a stuck deployment IN_PROGRESS, however many times it is described', async () => {
    // layer only: moto has no notion of a rollout that never finishes. Counted in steps (one per
    // DescribeServices call), not in time: a complete plan would have finished after 2.
    layer.planDeployments({ cluster: fx.clusterName, service: fx.serviceName }, { outcome: 'stuck' });
    const id = (await update(td2)).service!.deployments![0]!.id!;
    for (let step = 0; step < 10; step++) {
      const d = (await describeService()).deployments!.find((x) => x.id === id)!;
      expect(d).toMatchObject({ rolloutState: 'IN_PROGRESS', pendingCount: 2, runningCount: 0 });
    }
    expect(layer.countCalls('DescribeServices')).toBe(10);
  });

  it('refuses, loudly, a request that does not match the ECS service model (a misspelled member)', async () => {
    // layer: every ECS request and response is checked against botocore's ECS model.
    const res = await rawEcs(layer.url, 'UpdateService', { cluster: fx.clusterName, service: fx.serviceName, taskDefinitoin: td2 });
    expect(res.status).toBe(599);
    expect(res.body).toMatch(/EcsLayerModelMismatch.*request\.taskDefinitoin: not a member of UpdateServiceRequest/);
    expect(layer.calls.at(-1)).toMatchObject({ operation: 'UpdateService', status: 599, answeredByLayer: true });
    // nothing reached moto
    expect((await describeInMoto()).taskDefinition).toBe(fx.taskDefinitionArn);
  });

  it('applies queued plans to successive deployments, and forceNewDeployment starts one too', async () => {
    // layer: plan queue; moto: the same task definition stays stored on a forced deployment.
    layer.planDeployments({ cluster: fx.clusterName, service: fx.serviceName }, { outcome: 'fail', steps: 1, failedTasks: 1 }, { outcome: 'complete', steps: 1 });
    await update(td2);
    expect((await describeService()).deployments![0]!.rolloutState).toBe('FAILED');
    const forced = await fx.client.send(new UpdateServiceCommand({ cluster: fx.clusterName, service: fx.serviceName, forceNewDeployment: true }));
    expect(forced.service!.deployments![0]).toMatchObject({ rolloutState: 'IN_PROGRESS', taskDefinition: td2 });
    const done = await describeService();
    expect(done.deployments).toEqual([expect.objectContaining({ rolloutState: 'COMPLETED', taskDefinition: td2 })]);
    // No plan left: an UpdateService without changes starts nothing.
    const same = await update(td2);
    expect(same.service!.deployments).toHaveLength(1);
    expect(layer.state().queuedPlans).toEqual({ 'ml-cluster/model-svc': 0 });
  });
});

describe('faults', () => {
  it('throttles the next requests: a raw request sees the error, the SDK retries through 2', async () => {
    // layer only: moto never throttles.
    layer.injectFault({ operation: 'DescribeServices', kind: 'throttle', count: 1 });
    const raw = await rawEcs(layer.url, 'DescribeServices', { cluster: fx.clusterName, services: [fx.serviceName] });
    expect(raw.status).toBe(400);
    expect(raw.headers['x-amzn-errortype']).toBe('ThrottlingException');
    expect(JSON.parse(raw.body)).toEqual({ __type: 'ThrottlingException', message: 'Rate exceeded' });
    // Other operations are not affected, and the fault was used up.
    expect((await rawEcs(layer.url, 'ListClusters', {})).status).toBe(200);

    layer.injectFault({ operation: 'DescribeServices', kind: 'throttle', count: 2 });
    const out = await fx.client.send(new DescribeServicesCommand({ cluster: fx.clusterName, services: [fx.serviceName] }));
    expect(out.$metadata.attempts).toBe(3);
    expect(out.services?.[0]?.serviceName).toBe(fx.serviceName);
    expect(layer.calls.filter((c) => c.operation === 'DescribeServices').map((c) => [c.status, c.fault ?? null])).toEqual([
      [400, 'throttle'],
      [400, 'throttle'],
      [400, 'throttle'],
      [200, null],
    ]);
  });

  it('answers 5xx with a JSON ServerException, which the SDK retries or reports', async () => {
    // layer only.
    layer.injectFault({ kind: 'server-error', status: 503, count: 1 });
    const raw = await rawEcs(layer.url, 'DescribeServices', { cluster: fx.clusterName, services: [fx.serviceName] });
    expect(raw.status).toBe(503);
    expect(JSON.parse(raw.body)).toMatchObject({ __type: 'ServerException' });

    layer.injectFault({ operation: 'DescribeServices', kind: 'server-error', count: 1 });
    const noRetry = new ECSClient({ ...awsClientConfig(layer.url), maxAttempts: 1 });
    await expect(noRetry.send(new DescribeServicesCommand({ cluster: fx.clusterName, services: [fx.serviceName] }))).rejects.toMatchObject({
      name: 'ServerException',
      $metadata: expect.objectContaining({ httpStatusCode: 500 }),
    });
    layer.injectFault({ operation: 'DescribeServices', kind: 'server-error', count: 1 });
    expect((await describeService()).serviceName).toBe(fx.serviceName);
  });

  it('delays requests with a latency fault', async () => {
    layer.injectFault({ operation: 'ListClusters', kind: 'latency', delayMs: 400, count: 1 });
    const t0 = Date.now();
    await fx.client.send(new ListClustersCommand({}));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(380);
    expect(layer.calls.at(-1)).toMatchObject({ operation: 'ListClusters', status: 200, fault: 'latency', answeredByLayer: false });
  });

  it('denies an operation with AccessDeniedException and leaves moto untouched', async () => {
    // layer: the denial; moto: still stores the old task definition.
    layer.denyOperation('UpdateService');
    await expect(update(td2)).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: `User: arn:aws:sts::123456789012:assumed-role/ci/x is not authorized to perform: ecs:UpdateService on resource: arn:aws:ecs:us-east-1:123456789012:service/ml-cluster/model-svc because no identity-based policy allows the ecs:UpdateService action`,
    });
    expect((await describeInMoto()).taskDefinition).toBe(fx.taskDefinitionArn);
    layer.allowOperation('UpdateService');
    expect((await update(td2)).service!.taskDefinition).toBe(td2);
  });
});

describe('pass-through and bookkeeping', () => {
  it('logs every call with its operation, status and who answered', async () => {
    await describeService();
    await fx.client.send(new ListTasksCommand({ cluster: fx.clusterName }));
    const sts = await httpCall('POST', layer.url, 'Action=GetCallerIdentity&Version=2011-06-15', {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      authorization: 'AWS4-HMAC-SHA256 Credential=testing/20200101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0',
    });
    expect(sts.status).toBe(200);
    expect(sts.body).toContain('<Account>123456789012</Account>'); // moto's STS
    expect(layer.calls.map((c) => [c.operation, c.service, c.status, c.answeredByLayer])).toEqual([
      ['DescribeServices', 'ecs', 200, true],
      ['ListTasks', 'ecs', 200, false],
      ['GetCallerIdentity', 'sts', 200, false],
    ]);
    expect(layer.countCalls('DescribeServices')).toBe(1);
    expect(layer.countCalls()).toBe(3);
    const overHttp = await httpCall('GET', `${layer.url}/_layer/calls`);
    expect(JSON.parse(overHttp.body)).toHaveLength(3);
    layer.resetCalls();
    expect(layer.calls).toEqual([]);
  });

  it('passes non-rewritten ECS responses through byte for byte', async () => {
    // moto: the whole answer.
    const direct = await rawEcs(moto.url, 'DescribeClusters', { clusters: [fx.clusterName, 'nope'] });
    const proxied = await rawEcs(layer.url, 'DescribeClusters', { clusters: [fx.clusterName, 'nope'] });
    expect(proxied.status).toBe(direct.status);
    expect(proxied.body).toBe(direct.body);
    expect(proxied.headers['content-type']).toBe('application/x-amz-json-1.1');
  });

  it("leaves moto's run_task and describe_tasks alone, and keeps moto's failures for unknown services", async () => {
    // moto: RunTask on FARGATE, task state advancing on each DescribeTasks, MISSING services.
    // layer: mixes its own tasks into a DescribeTasks that also names moto's task.
    const run = await fx.client.send(
      new RunTaskCommand({
        cluster: fx.clusterName,
        taskDefinition: fx.taskDefinitionArn,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: [fx.subnetId], securityGroups: [fx.securityGroupId] } },
      }),
    );
    const motoTask = run.tasks![0]!.taskArn!;
    const first = await fx.client.send(new DescribeTasksCommand({ cluster: fx.clusterName, tasks: [motoTask] }));
    expect(first.tasks![0]!.taskArn).toBe(motoTask);
    expect(layer.calls.at(-1)).toMatchObject({ operation: 'DescribeTasks', answeredByLayer: false });
    const listed = await fx.client.send(new ListTasksCommand({ cluster: fx.clusterName }));
    expect(listed.taskArns).toContain(motoTask);

    layer.planDeployments({ cluster: fx.clusterName, service: fx.serviceName }, { outcome: 'fail', steps: 1, failedTasks: 1 });
    const id = (await update(td2)).service!.deployments![0]!.id!;
    await describeService();
    const [layerTask] = (await fx.client.send(new ListTasksCommand({ cluster: fx.clusterName, startedBy: id, desiredStatus: 'STOPPED' }))).taskArns!;
    const mixed = await fx.client.send(new DescribeTasksCommand({ cluster: fx.clusterName, tasks: [layerTask!, motoTask, 'arn:aws:ecs:us-east-1:123456789012:task/ml-cluster/0123456789abcdef0123456789abcdef'] }));
    expect(mixed.tasks!.map((t) => t.taskArn)).toEqual([layerTask, motoTask]);
    // moto 5.2 leaves unknown tasks out without a MISSING failure (real ECS reports one); the
    // layer does not paper over that.
    expect(mixed.failures).toEqual([]);

    const missing = await fx.client.send(new DescribeServicesCommand({ cluster: fx.clusterName, services: [fx.serviceName, 'nope'] }));
    expect(missing.services).toHaveLength(1);
    expect(missing.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/nope', reason: 'MISSING' }]);
  });

  it('passes other services through whatever their protocol: ECR and CloudWatch JSON, ELBv2 Query, S3 REST', async () => {
    // moto: every answer here.
    const sign = (service: string) => `AWS4-HMAC-SHA256 Credential=testing/20200101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;
    const ecr = await httpCall('POST', layer.url, JSON.stringify({ repositoryName: 'models/iris' }), {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AmazonEC2ContainerRegistry_V20150921.CreateRepository',
      authorization: sign('ecr'),
    });
    expect(JSON.parse(ecr.body).repository.repositoryUri).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com/models/iris');
    const cw = await httpCall('POST', layer.url, '{}', {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'GraniteServiceVersion20100801.ListMetrics',
      authorization: sign('monitoring'),
    });
    expect(JSON.parse(cw.body)).toEqual({ Metrics: [] });
    const elb = await httpCall('POST', layer.url, 'Action=DescribeLoadBalancers&Version=2015-12-01', {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      authorization: sign('elasticloadbalancing'),
    });
    expect(elb.body).toContain('<DescribeLoadBalancersResponse');
    const s3 = await httpCall('PUT', `${layer.url}/model-artifacts`, '', { authorization: sign('s3') });
    expect(s3.status).toBe(200);
    expect(layer.calls.map((c) => [c.service, c.operation, c.status, c.answeredByLayer])).toEqual([
      ['ecr', 'CreateRepository', 200, false],
      ['monitoring', 'ListMetrics', 200, false],
      ['elasticloadbalancing', 'DescribeLoadBalancers', 200, false],
      ['s3', 'PUT /model-artifacts', 200, false],
    ]);
    // A fault for '*' hits other services too, in their own protocol's error form.
    layer.injectFault({ kind: 'throttle', count: 1 });
    const throttled = await httpCall('POST', layer.url, 'Action=DescribeLoadBalancers&Version=2015-12-01', {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      authorization: sign('elasticloadbalancing'),
    });
    expect(throttled.status).toBe(400);
    expect(throttled.body).toContain('<Code>Throttling</Code>');
  });

  it('marks calls moto cannot handle as emulator gaps', async () => {
    // moto 5.2.5: DescribeServiceRevisions (ECS, 2024) is not implemented and answers an HTML 500.
    const res = await rawEcs(layer.url, 'DescribeServiceRevisions', { serviceRevisionArns: [`${fx.serviceArn.replace(':service/', ':service-revision/')}/1`] });
    expect(res.status).toBe(500);
    expect(layer.calls.at(-1)).toMatchObject({ operation: 'DescribeServiceRevisions', status: 500, answeredByLayer: false, emulatorGap: true });
    await describeService();
    expect(layer.calls.at(-1)!.emulatorGap).toBeUndefined();
  });

  it('caps ListTasks at maxResults with the layer tasks first', async () => {
    // layer: its stopped tasks; moto: an empty list for the deployment id.
    layer.planDeployments({ cluster: fx.clusterName, service: fx.serviceName }, { outcome: 'fail', steps: 1, failedTasks: 4 });
    const id = (await update(td2)).service!.deployments![0]!.id!;
    await describeService();
    const page = await fx.client.send(new ListTasksCommand({ cluster: fx.clusterName, startedBy: id, desiredStatus: 'STOPPED', maxResults: 3 }));
    expect(page.taskArns).toHaveLength(3);
    const other = await fx.client.send(new ListTasksCommand({ cluster: fx.clusterName, startedBy: 'ecs-svc/0000000000000000000', desiredStatus: 'STOPPED' }));
    expect(other.taskArns).toEqual([]);
  });

  it('can be driven over HTTP from another process', async () => {
    // layer only: the /_layer control API and its typed client.
    const control = ecsLayerControl(layer.url);
    await control.planDeployments({ cluster: fx.clusterName, service: fx.serviceName }, { outcome: 'fail', steps: 1, failedTasks: 1 });
    await control.injectFault({ operation: 'DescribeServices', kind: 'throttle', count: 1 });
    await update(td2);
    const svc = await describeService(); // one throttle, then the SDK retries
    expect(svc.deployments![0]!.rolloutState).toBe('FAILED');
    expect((await control.calls()).map((c) => c.operation)).toEqual(['UpdateService', 'DescribeServices', 'DescribeServices']);
    expect((await control.state()).tasks).toHaveLength(1);
    await control.denyOperation('ListClusters');
    expect((await rawEcs(layer.url, 'ListClusters', {})).status).toBe(400);
    await control.allowOperation();
    expect((await rawEcs(layer.url, 'ListClusters', {})).status).toBe(200);
    await expect(control.planDeployments({ cluster: 'c', service: 's' }, { outcome: 'sometimes' } as never)).rejects.toThrow(/answered 400: .*unknown plan outcome "sometimes"/);
    await control.resetCalls();
    expect(await control.calls()).toEqual([]);
  });

  it('reset clears the layer and moto', async () => {
    layer.planDeployments({ cluster: fx.clusterName, service: fx.serviceName }, { outcome: 'stuck' }, { outcome: 'stuck' });
    await update(td2);
    await describeService();
    layer.denyOperation('ListClusters');
    layer.injectFault({ kind: 'throttle', count: 5 });
    expect(layer.state().services).toHaveLength(1);

    await layer.reset();
    expect(layer.state()).toEqual({ services: [], tasks: [], queuedPlans: {} });
    expect(layer.calls).toEqual([]);
    const clusters = await fx.client.send(new ListClustersCommand({}));
    expect(clusters.clusterArns).toEqual([]);
    expect(layer.calls).toEqual([expect.objectContaining({ operation: 'ListClusters', status: 200, answeredByLayer: false })]);
  });
});
