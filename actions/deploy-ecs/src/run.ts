/**
 * deploy-ecs: maps the inputs onto the shared ECS deploy (packages/aws: render, register, update,
 * watch, diagnose, roll back), then writes the report and the job summary. Everything it needs
 * comes in as arguments.
 */
import {
  type ActionContext,
  type Clock,
  formatDuration,
  systemClock,
  toError,
} from '@ml-deploy/action-kit';
import {
  applyChanges,
  assertTaskDefinition,
  type DeployReport,
  deployEcsService,
  type EcsApi,
  type EcsDeployOptions,
  deployEcsServices,
  type MultiDeployReport,
  newDeployReport,
  normaliseTaskDefinition,
  resultOutput,
  parseTaskDefinitionRef,
  serviceOutputs,
  writeMultiSummary,
  settleFailedReport,
  writeSummary,
} from '@ml-deploy/aws';
import type { Inputs } from './inputs';

export { DeploymentFailedError } from '@ml-deploy/aws';

export interface Deps extends Pick<ActionContext, 'logger' | 'summary' | 'setOutput'> {
  api: EcsApi;
  signal?: AbortSignal | undefined;
  clock?: Clock;
  /** Reads and parses the task-definition file (JSON or YAML). */
  readTaskDefinitionFile: (path: string) => Promise<unknown>;
  /** Writes the JSON report and returns its path. */
  writeReport: (report: DeployReport | MultiDeployReport) => Promise<string>;
  /** First interval between DescribeServices calls while waiting. */
  pollIntervalMs?: number;
  region?: string | undefined;
  /** Console links in annotations and the summary; default: unless AWS_ENDPOINT_URL is set. */
  consoleLinks?: boolean | undefined;
}

/** The shared deploy's options, from deploy-ecs's inputs. */
export function deployOptions(inputs: Inputs): EcsDeployOptions {
  return {
    cluster: inputs.cluster,
    service: inputs.service,
    taskDefinitionFile: inputs['task-definition'],
    taskDefinitionRef: inputs['task-definition-ref'],
    render: {
      containerName: inputs['container-name'],
      image: inputs.image,
      environment: inputs['environment-variables'],
      secrets: inputs.secrets,
      cpu: inputs.cpu,
      memory: inputs.memory,
      environmentStrategy: inputs['environment-variables-update-strategy'],
      secretsStrategy: inputs['secrets-update-strategy'],
      command: inputs.command,
      entryPoint: inputs['entry-point'],
      dockerLabels: inputs['docker-labels'],
      logConfiguration: inputs['log-configuration'],
      environmentFiles: inputs['environment-files'],
      taskRoleArn: inputs['task-role-arn'],
      executionRoleArn: inputs['execution-role-arn'],
      ephemeralStorageGiB: inputs['ephemeral-storage'],
      tags: inputs.tags,
    },
    desiredCount: inputs['desired-count'],
    forceNewDeployment: inputs['force-new-deployment'],
    circuitBreaker: inputs['circuit-breaker'],
    strategy: inputs.strategy,
    serviceTagging: inputs['service-tagging'],
    waitForDeployment: inputs['wait-for-deployment'],
    timeoutMs: inputs.timeout,
    rollbackOnFailure: inputs['rollback-on-failure'],
    maxFailedTasks: inputs['max-failed-tasks'],
  };
}

export async function run(inputs: Inputs, deps: Deps): Promise<DeployReport> {
  if (inputs.services.length > 1) return (await runMany(inputs, deps)).services[0]!;
  const clock = deps.clock ?? systemClock;
  const started = clock.now();
  const opts = deployOptions(inputs);
  const report = newDeployReport(opts, started);
  const finish = async () => {
    report.durationMs = clock.now() - started;
    const path = await deps.writeReport(report);
    deps.setOutput('report', path);
    deps.setOutput('result', resultOutput(report));
    deps.setOutput('serving-task-definition-arn', report.servingNow?.taskDefinitionArn);
    writeSummary(deps.summary, report, deps.region);
  };

  try {
    // Every check that needs no cloud call comes before the first call: the file is read, rendered
    // with the inputs and checked here; the deploy then uses the same parsed document.
    let readTaskDefinitionFile = deps.readTaskDefinitionFile;
    if (opts.taskDefinitionFile) {
      const file = opts.taskDefinitionFile;
      const raw = await deps.readTaskDefinitionFile(file);
      const source = { input: 'task-definition', label: file };
      const base = normaliseTaskDefinition(raw, source);
      assertTaskDefinition(base, source, { stage: 'file', region: deps.region });
      assertTaskDefinition(applyChanges(base, opts.render).taskDefinition, source, { stage: 'rendered', region: deps.region });
      readTaskDefinitionFile = async (path) => (path === file ? raw : deps.readTaskDefinitionFile(path));
    }
    await deployEcsService(opts, {
      api: deps.api,
      logger: deps.logger,
      setOutput: deps.setOutput,
      signal: deps.signal,
      clock,
      readTaskDefinitionFile,
      pollIntervalMs: deps.pollIntervalMs,
      region: deps.region,
      consoleLinks: deps.consoleLinks,
    }, report);
  } catch (err) {
    const e = toError(err);
    settleFailedReport(report, e);
    await finish();
    throw e;
  }
  await finish();
  deps.logger.info(`deploy-ecs: ${report.result} in ${formatDuration(report.durationMs ?? 0)}`);
  return report;
}

/**
 * Several services: checked first, then deployed in parallel with one registration when a file is
 * given. Step outputs: `services` (JSON, per service), and the shared `task-definition-arn` /
 * `revision` when one revision was registered for all.
 */
export async function runMany(inputs: Inputs, deps: Deps): Promise<MultiDeployReport> {
  const clock = deps.clock ?? systemClock;
  const started = clock.now();
  const opts = deployOptions(inputs);
  const report: MultiDeployReport = { cluster: inputs.cluster, result: 'failed', startedAt: new Date(started).toISOString(), rollbackScope: inputs['rollback-scope'], services: [] };
  const finish = async () => {
    report.durationMs = clock.now() - started;
    for (const r of report.services) r.durationMs ??= report.durationMs;
    const path = await deps.writeReport(report);
    deps.setOutput('report', path);
    if (report.services.length) {
      deps.setOutput('services', JSON.stringify(Object.fromEntries(report.services.map((r) => [r.service, serviceOutputs(r)]))));
    }
    deps.setOutput('result', resultOutput({ result: report.result, previousTaskDefinitionArn: undefined }));
    if (report.taskDefinitionArn) {
      // One revision for every service: named as deployed only when every service deployed it.
      const revision = parseTaskDefinitionRef(report.taskDefinitionArn).revision;
      deps.setOutput('attempted-task-definition-arn', report.taskDefinitionArn);
      deps.setOutput('attempted-revision', revision);
      if (report.result === 'deployed') {
        deps.setOutput('task-definition-arn', report.taskDefinitionArn);
        deps.setOutput('revision', revision);
      }
    }
    writeMultiSummary(deps.summary, report, deps.region);
  };
  try {
    let readTaskDefinitionFile = deps.readTaskDefinitionFile;
    if (opts.taskDefinitionFile) {
      const file = opts.taskDefinitionFile;
      const raw = await deps.readTaskDefinitionFile(file);
      const source = { input: 'task-definition', label: file };
      const base = normaliseTaskDefinition(raw, source);
      assertTaskDefinition(base, source, { stage: 'file', region: deps.region });
      assertTaskDefinition(applyChanges(base, opts.render).taskDefinition, source, { stage: 'rendered', region: deps.region });
      readTaskDefinitionFile = async (path) => (path === file ? raw : deps.readTaskDefinitionFile(path));
    }
    await deployEcsServices(opts, inputs.services, inputs['rollback-scope'], {
      api: deps.api,
      logger: deps.logger,
      setOutput: deps.setOutput,
      signal: deps.signal,
      clock,
      readTaskDefinitionFile,
      pollIntervalMs: deps.pollIntervalMs,
      region: deps.region,
      consoleLinks: deps.consoleLinks,
    }, report);
  } catch (err) {
    const e = toError(err);
    // Stopped before any service rolled out (a check, a registration): say why on top.
    if (!report.services.some((r) => r.deploymentId)) report.error = e.message;
    await finish();
    throw e;
  }
  await finish();
  deps.logger.info(`deploy-ecs: ${report.services.length} services ${report.result} in ${formatDuration(report.durationMs ?? 0)}`);
  return report;
}
