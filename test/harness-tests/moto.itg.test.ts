/**
 * The moto launcher. Everything asserted about ECS here is moto's own behaviour (no layer).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { DescribeServicesCommand, ListClustersCommand } from '@aws-sdk/client-ecs';
import { createEcsFixture } from '@ml-deploy/test/harness/ecs-fixtures';
import { LOOPBACK, freePort } from '@ml-deploy/test/harness/free-port';
import { httpCall, motoServerBinary, startMoto, type MotoServer } from '@ml-deploy/test/harness/moto';

describe('startMoto', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto({ env: { MOTO_ECS_SERVICE_RUNNING: '2' } });
  });
  afterAll(async () => {
    await moto?.stop();
  });

  it('serves on 127.0.0.1 with the env it was given, and logs requests', async () => {
    expect(moto.url).toBe(`http://127.0.0.1:${moto.port}`);
    // moto: with MOTO_ECS_SERVICE_RUNNING >= desiredCount the creation-time deployment is COMPLETED.
    const fx = await createEcsFixture(moto.url);
    const out = await fx.client.send(new DescribeServicesCommand({ cluster: fx.clusterName, services: [fx.serviceName] }));
    expect(out.services![0]!.deployments).toEqual([expect.objectContaining({ status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 2, pendingCount: 0 })]);
    expect(moto.logTail(20)).toMatch(/"POST \/ HTTP\/1\.1" 200/);
  });

  it('reset() removes every resource', async () => {
    const fx = await createEcsFixture(moto.url, { clusterName: 'to-reset' });
    expect((await fx.client.send(new ListClustersCommand({}))).clusterArns).toContain(fx.clusterArn);
    await moto.reset();
    expect((await fx.client.send(new ListClustersCommand({}))).clusterArns).toEqual([]);
  });
});

describe('start-up failures and stop', () => {
  const saved = process.env.ML_DEPLOY_MOTO_SERVER;
  afterEach(() => {
    if (saved === undefined) delete process.env.ML_DEPLOY_MOTO_SERVER;
    else process.env.ML_DEPLOY_MOTO_SERVER = saved;
  });

  it('takes the binary from ML_DEPLOY_MOTO_SERVER and says what to do when it is missing', async () => {
    process.env.ML_DEPLOY_MOTO_SERVER = '/nonexistent/moto_server';
    expect(motoServerBinary()).toBe('/nonexistent/moto_server');
    await expect(startMoto()).rejects.toThrow(/could not run \/nonexistent\/moto_server: .*ENOENT.*set ML_DEPLOY_MOTO_SERVER/s);
  });

  it('reports a server that exits during start-up, with its log', async () => {
    process.env.ML_DEPLOY_MOTO_SERVER = 'false';
    await expect(startMoto()).rejects.toThrow(/false exited during start-up\n--- .*moto_server\.log ---/);
  });

  it('stop() ends the process and frees the port', async () => {
    const moto = await startMoto();
    expect((await httpCall('GET', `${moto.url}/moto-api/`)).status).toBe(200);
    await moto.stop();
    await moto.stop(); // twice is fine
    await expect(httpCall('GET', `${moto.url}/moto-api/`)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('freePort', () => {
  it('returns a port that can be bound on 127.0.0.1', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, LOOPBACK, resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });
});
