/**
 * ECS resources for integration tests, made through the real `@aws-sdk/client-ecs` against
 * moto or the ECS layer: a cluster, a FARGATE task definition for a model server, and a
 * service of 2 tasks in moto's default VPC.
 */
import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  type DeploymentConfiguration,
  type LoadBalancer,
  type KeyValuePair,
} from '@aws-sdk/client-ecs';
import { awsClientConfig } from './aws-env';
import { httpCall } from './moto';

export interface EcsFixtureOptions {
  clusterName?: string;
  serviceName?: string;
  family?: string;
  image?: string;
  desiredCount?: number;
  environment?: Record<string, string>;
  /**
   * Sent with CreateService. moto 5.2 drops it at creation (it keeps it from UpdateService);
   * the ECS layer remembers it, so rollback tests must go through the layer.
   */
  deploymentConfiguration?: DeploymentConfiguration;
  /** Load balancers for the service (moto stores them as given; nothing checks the ARNs). */
  loadBalancers?: LoadBalancer[];
}

export interface EcsFixture {
  /** An ECS client on the same endpoint (close it with `client.destroy()` or leave it to GC). */
  client: ECSClient;
  clusterName: string;
  clusterArn: string;
  family: string;
  taskDefinitionArn: string;
  serviceName: string;
  serviceArn: string;
  subnetId: string;
  securityGroupId: string;
}

export const MODEL_CONTAINER = 'model-server';
export const MODEL_IMAGE = 'registry.example/model:1';

const DEFAULT_ENV: Record<string, string> = { MODEL_NAME: 'iris-classifier', MODEL_VERSION: '1', LOG_LEVEL: 'info' };

/**
 * Registers a revision of the model-server task definition: FARGATE, awsvpc, cpu 256,
 * memory 512, one essential container. The container repeats `memory` because moto's
 * run_task adds container memory and fails (500) when a container has none.
 */
export async function registerModelTaskDefinition(
  client: ECSClient,
  opts: { family: string; image?: string; environment?: Record<string, string> },
): Promise<string> {
  const environment: KeyValuePair[] = Object.entries(opts.environment ?? DEFAULT_ENV).map(([name, value]) => ({ name, value }));
  const out = await client.send(
    new RegisterTaskDefinitionCommand({
      family: opts.family,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [
        {
          name: MODEL_CONTAINER,
          image: opts.image ?? MODEL_IMAGE,
          essential: true,
          memory: 512,
          portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
          environment,
        },
      ],
    }),
  );
  const arn = out.taskDefinition?.taskDefinitionArn;
  if (arn === undefined) throw new Error('ecs-fixtures: RegisterTaskDefinition returned no ARN');
  return arn;
}

/**
 * A subnet and security group of moto's default VPC. Their IDs are random and change on every
 * moto reset, and moto's awsvpc validation needs both, so look them up after each reset.
 */
export async function defaultNetwork(endpoint: string): Promise<{ subnetId: string; securityGroupId: string }> {
  const ec2 = async (action: string, extra = ''): Promise<string> => {
    const res = await httpCall('POST', endpoint, `Action=${action}&Version=2016-11-15${extra}`, {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      authorization: 'AWS4-HMAC-SHA256 Credential=testing/20200101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0',
    });
    if (res.status !== 200) throw new Error(`ecs-fixtures: EC2 ${action} answered ${res.status}: ${res.body.slice(0, 300)}`);
    return res.body;
  };
  const subnets = await ec2('DescribeSubnets', '&Filter.1.Name=default-for-az&Filter.1.Value.1=true');
  const subnetId = /<subnetId>([^<]+)<\/subnetId>/.exec(subnets)?.[1];
  const groups = await ec2('DescribeSecurityGroups', '&Filter.1.Name=group-name&Filter.1.Value.1=default');
  const securityGroupId = /<groupId>([^<]+)<\/groupId>/.exec(groups)?.[1];
  if (subnetId === undefined || securityGroupId === undefined) {
    throw new Error(`ecs-fixtures: moto's default VPC has no default subnet or security group (subnet=${subnetId}, sg=${securityGroupId})`);
  }
  return { subnetId, securityGroupId };
}

/** Creates a cluster, the model-server task definition and a FARGATE service (desiredCount 2). */
export async function createEcsFixture(endpoint: string, opts: EcsFixtureOptions = {}): Promise<EcsFixture> {
  const client = new ECSClient(awsClientConfig(endpoint));
  const clusterName = opts.clusterName ?? 'ml-cluster';
  const serviceName = opts.serviceName ?? 'model-svc';
  const family = opts.family ?? 'model-server';
  const cluster = await client.send(new CreateClusterCommand({ clusterName }));
  const clusterArn = cluster.cluster?.clusterArn;
  if (clusterArn === undefined) throw new Error('ecs-fixtures: CreateCluster returned no ARN');
  const taskDefinitionArn = await registerModelTaskDefinition(client, {
    family,
    ...(opts.image !== undefined ? { image: opts.image } : {}),
    ...(opts.environment !== undefined ? { environment: opts.environment } : {}),
  });
  const { subnetId, securityGroupId } = await defaultNetwork(endpoint);
  const created = await client.send(
    new CreateServiceCommand({
      cluster: clusterName,
      serviceName,
      taskDefinition: taskDefinitionArn,
      desiredCount: opts.desiredCount ?? 2,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: [subnetId], securityGroups: [securityGroupId], assignPublicIp: 'DISABLED' } },
      ...(opts.deploymentConfiguration !== undefined ? { deploymentConfiguration: opts.deploymentConfiguration } : {}),
      ...(opts.loadBalancers !== undefined ? { loadBalancers: opts.loadBalancers } : {}),
    }),
  );
  const serviceArn = created.service?.serviceArn;
  if (serviceArn === undefined) throw new Error('ecs-fixtures: CreateService returned no ARN');
  return { client, clusterName, clusterArn, family, taskDefinitionArn, serviceName, serviceArn, subnetId, securityGroupId };
}
