/**
 * The ECS calls the deploy logic makes, each wrapped so that an SDK error becomes one that says what to
 * do (missing permission, unknown cluster) with the call it came from.
 */
import {
  DeregisterTaskDefinitionCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  type ECSClient,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  type Service,
  type ServiceDeployment,
  type ServiceDeploymentBrief,
  type ServiceDeploymentStatus,
  StopServiceDeploymentCommand,
  type Task,
  type TaskDefinition,
  type Tag,
  UpdateServiceCommand,
  type UpdateServiceCommandInput,
} from '@aws-sdk/client-ecs';
import { ConfigurationError } from '@ml-deploy/action-kit';
import { awsErrorCode, explainAwsError } from '../errors';
import type { TaskDefinitionInput } from './render';

/** The part of the SDK client the deploy logic uses, so tests can hand in a client for any endpoint. */
export type EcsSender = Pick<ECSClient, 'send'>;

async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw explainAwsError(err, 'ecs', operation);
  }
}

export class EcsApi {
  constructor(private readonly ecs: EcsSender) {}

  /** The service, or a ConfigurationError naming what is missing (cluster, service, or both). */
  async describeService(cluster: string, service: string): Promise<Service> {
    let out;
    try {
      out = await this.ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
    } catch (err) {
      if (awsErrorCode(err) === 'ClusterNotFoundException') {
        throw new ConfigurationError(`cluster '${cluster}' was not found in this account and region (input 'cluster')`);
      }
      throw explainAwsError(err, 'ecs', 'DescribeServices');
    }
    const found = out.services?.find((s) => s.serviceName === service || s.serviceArn === service);
    if (!found) {
      const reason = out.failures?.[0]?.reason ?? 'MISSING';
      if (reason === 'MISSING' && /cluster/i.test(out.failures?.[0]?.detail ?? '')) {
        throw new ConfigurationError(`cluster '${cluster}' was not found (input 'cluster')`);
      }
      const names = await this.listServiceNames(cluster).catch(() => undefined);
      throw new ConfigurationError(
        `service '${service}' was not found in cluster '${cluster}' (${reason})${names ? `; services there: ${names.length ? names.map((n) => `'${n}'`).join(', ') : 'none'}` : ''} (input 'service')`,
      );
    }
    return found;
  }

  private async listServiceNames(cluster: string): Promise<string[]> {
    const out = await this.ecs.send(new ListServicesCommand({ cluster, maxResults: 20 }));
    return (out.serviceArns ?? []).map((a) => a.split('/').pop() ?? a);
  }

  async describeTaskDefinition(ref: string): Promise<{ taskDefinition: TaskDefinition; tags: Tag[] }> {
    const out = await call('DescribeTaskDefinition', () =>
      this.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref, include: ['TAGS'] })),
    );
    if (!out.taskDefinition) throw new Error(`ecs:DescribeTaskDefinition returned no task definition for ${ref}`);
    return { taskDefinition: out.taskDefinition, tags: out.tags ?? [] };
  }

  async registerTaskDefinition(td: TaskDefinitionInput): Promise<TaskDefinition> {
    const out = await call('RegisterTaskDefinition', () => this.ecs.send(new RegisterTaskDefinitionCommand(td)));
    if (!out.taskDefinition?.taskDefinitionArn) throw new Error('ecs:RegisterTaskDefinition returned no task definition ARN');
    return out.taskDefinition;
  }

  /** The newest revision number of `family` (ACTIVE or INACTIVE), or 0 when it has none. */
  async latestRevision(family: string): Promise<number> {
    let newest = 0;
    for (const status of ['ACTIVE', 'INACTIVE'] as const) {
      // sort DESC with one result on ECS; an emulator that ignores both still lists them all.
      const out = await call('ListTaskDefinitions', () =>
        this.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, status, sort: 'DESC', maxResults: 1 })),
      );
      for (const arn of out.taskDefinitionArns ?? []) newest = Math.max(newest, revisionOf(arn));
    }
    return newest;
  }

  /** ARNs of the ACTIVE revisions of `family` newer than `revision`, newest first. */
  async revisionsAfter(family: string, revision: number): Promise<string[]> {
    const found: string[] = [];
    let nextToken: string | undefined;
    do {
      const out = await call('ListTaskDefinitions', () =>
        this.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE', sort: 'DESC', maxResults: 100, nextToken })),
      );
      const arns = out.taskDefinitionArns ?? [];
      found.push(...arns.filter((a) => revisionOf(a) > revision));
      // Newest first: a page that reaches `revision` is the last one needed.
      nextToken = arns.some((a) => revisionOf(a) <= revision) ? undefined : out.nextToken;
    } while (nextToken);
    return found.sort((a, b) => revisionOf(b) - revisionOf(a));
  }

  async deregisterTaskDefinition(arn: string): Promise<void> {
    await call('DeregisterTaskDefinition', () => this.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn })));
  }

  async updateService(input: UpdateServiceCommandInput): Promise<Service> {
    const out = await call('UpdateService', () => this.ecs.send(new UpdateServiceCommand(input)));
    if (!out.service) throw new Error('ecs:UpdateService returned no service');
    return out.service;
  }

  /** Service deployments of a service (BLUE_GREEN/LINEAR/CANARY and newer), newest first. */
  async listServiceDeployments(cluster: string, service: string, status?: ServiceDeploymentStatus[]): Promise<ServiceDeploymentBrief[]> {
    const out = await call('ListServiceDeployments', () =>
      this.ecs.send(new ListServiceDeploymentsCommand({ cluster, service, ...(status ? { status } : {}), maxResults: 20 })),
    );
    return out.serviceDeployments ?? [];
  }

  /** One service deployment, or undefined when ECS reports it MISSING. */
  async describeServiceDeployment(arn: string): Promise<ServiceDeployment | undefined> {
    const out = await call('DescribeServiceDeployments', () => this.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] })));
    return out.serviceDeployments?.find((d) => d.serviceDeploymentArn === arn);
  }

  /** Asks ECS to stop a service deployment and roll it back (ECS shifts traffic back itself). */
  async stopServiceDeployment(arn: string, stopType: 'ROLLBACK' | 'ABORT' = 'ROLLBACK'): Promise<void> {
    await call('StopServiceDeployment', () => this.ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType })));
  }

  /** Stopped tasks a deployment started (newest first), with their reasons; at most `limit`. */
  async stoppedTasks(cluster: string, deploymentId: string, limit = 10): Promise<Task[]> {
    const list = await call('ListTasks', () =>
      this.ecs.send(new ListTasksCommand({ cluster, startedBy: deploymentId, desiredStatus: 'STOPPED', maxResults: 100 })),
    );
    const arns = (list.taskArns ?? []).slice(0, 100);
    if (!arns.length) return [];
    const out = await call('DescribeTasks', () => this.ecs.send(new DescribeTasksCommand({ cluster, tasks: arns })));
    return (out.tasks ?? [])
      .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
      .slice(0, limit);
  }
}

function revisionOf(arn: string): number {
  return Number(/:(\d+)$/.exec(arn)?.[1] ?? 0);
}
