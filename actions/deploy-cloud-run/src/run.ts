/**
 * deploy-cloud-run: maps the inputs onto the shared Cloud Run deploy (packages/gcp: render, create
 * or update, wait for Ready, move traffic, put it back on failure), then sets `result`, writes the
 * report and the job summary. Everything it needs comes in as arguments.
 */
import { type ActionContext, type Clock, formatDuration, systemClock, toError } from '@ml-deploy/action-kit';
import {
  type CloudRunApi,
  type CloudRunDeployOptions,
  type DeployReport,
  deployCloudRunService,
  newDeployReport,
  resultOutput,
  settleFailedReport,
  writeSummary,
} from '@ml-deploy/gcp';
import type { Inputs } from './inputs';

export { DeploymentFailedError } from '@ml-deploy/gcp';

export interface Deps extends Pick<ActionContext, 'logger' | 'summary' | 'setOutput'> {
  api: CloudRunApi;
  project: string;
  signal?: AbortSignal | undefined;
  clock?: Clock;
  /** Reads and parses the service definition file (JSON or YAML). */
  readServiceDefinition: (path: string) => Promise<unknown>;
  /** Writes the JSON report and returns its path. */
  writeReport: (report: DeployReport) => Promise<string>;
  /** First interval between operation polls. */
  pollIntervalMs?: number;
  /** How long a cancelled deploy waits for traffic to be put back before reading it back. */
  cancelPutBackWaitMs?: number;
}

/** The shared deploy's options, from deploy-cloud-run's inputs. */
export function deployOptions(inputs: Inputs, project: string): CloudRunDeployOptions {
  return {
    project,
    region: inputs.region,
    service: inputs.service,
    serviceDefinitionFile: inputs['service-definition'],
    revision: inputs.revision,
    render: {
      image: inputs.image,
      envVars: inputs['env-vars'],
      secrets: inputs.secrets,
      cpu: inputs.cpu?.text,
      memory: inputs.memory?.text,
      gpu: inputs.gpu,
      gpuType: inputs['gpu-type'],
      concurrency: inputs.concurrency,
      minInstances: inputs['min-instances'],
      maxInstances: inputs['max-instances'],
      requestTimeoutSeconds: inputs['request-timeout'],
      executionEnvironment: inputs['execution-environment'],
      startupProbePath: inputs['startup-probe-path'],
      livenessProbePath: inputs['liveness-probe-path'],
      serviceAccount: inputs['service-account'],
      labels: inputs.labels,
      cpuAlwaysAllocated: inputs['cpu-always-allocated'],
    },
    revisionSuffix: inputs['revision-suffix'],
    noTraffic: inputs['no-traffic'],
    tag: inputs.tag,
    traffic: inputs.traffic,
    timeoutMs: inputs.timeout,
  };
}

export async function run(inputs: Inputs, deps: Deps): Promise<DeployReport> {
  const clock = deps.clock ?? systemClock;
  const started = clock.now();
  const opts = deployOptions(inputs, deps.project);
  const report = newDeployReport(opts, started);
  const finish = async () => {
    report.durationMs = clock.now() - started;
    deps.setOutput('result', resultOutput(report));
    const path = await deps.writeReport(report);
    deps.setOutput('report', path);
    writeSummary(deps.summary, report);
  };
  try {
    await deployCloudRunService(
      opts,
      {
        api: deps.api,
        logger: deps.logger,
        setOutput: deps.setOutput,
        signal: deps.signal,
        clock,
        readServiceDefinition: deps.readServiceDefinition,
        pollIntervalMs: deps.pollIntervalMs,
        cancelPutBackWaitMs: deps.cancelPutBackWaitMs,
      },
      report,
    );
  } catch (err) {
    const e = toError(err);
    settleFailedReport(report, e);
    await finish();
    throw e;
  }
  await finish();
  deps.logger.info(`deploy-cloud-run: ${report.result} in ${formatDuration(report.durationMs ?? 0)}`);
  return report;
}
