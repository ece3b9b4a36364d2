/** Entry of the canary-gate action: the only file that touches the runner (@actions/core). */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { UserError, parseDuration, runAction, runnerIO, systemClock } from '@ml-deploy/action-kit';
import { createEcsClient, EcsApi } from '@ml-deploy/aws';
import { AlbWeightedShifter, CloudMonitoringProvider, CloudRunRevisionShifter, createMonitoringClient, EcsNativeShifter, CloudWatchProvider, type MetricProvider, PrometheusProvider, type TrafficShifter } from '@ml-deploy/canary';
import { CloudRunApi, createCloudRunClients, missingProjectError, serviceResourceName } from '@ml-deploy/gcp';
import { type Inputs, parseInputs } from './inputs';
import { parseObservations } from './observations';
import { openRecording } from './recording';
import { run } from './run';

await runAction<Inputs>(
  {
    name: 'canary-gate',
    parseInputs: (read) => parseInputs(read),
    async run(inputs, ctx) {
      const t = inputs.traffic;
      const m = inputs.metrics;
      let closeClients: (() => Promise<void>) | undefined;
      let shifter: TrafficShifter | undefined;
      if (t?.kind === 'alb') {
        // Endpoint and credentials from the SDK's own configuration (AWS_ENDPOINT_URL, AWS_REGION, the chain).
        const elb = new ElasticLoadBalancingV2Client({ ...(inputs.region ? { region: inputs.region } : {}), maxAttempts: 5, retryMode: 'standard', customUserAgent: 'ml-deploy' });
        shifter = new AlbWeightedShifter(elb, { listenerOrRuleArn: t.listenerOrRuleArn, baselineTargetGroupArn: t.baselineTargetGroupArn, canaryTargetGroupArn: t.canaryTargetGroupArn });
      } else if (t?.kind === 'ecs') {
        // Endpoint and credentials from the SDK's own configuration, as deploy-ecs.
        const ecs = createEcsClient({ region: inputs.region, maxAttempts: 5, logger: ctx.logger });
        shifter = new EcsNativeShifter(new EcsApi(ecs), {
          cluster: t.cluster,
          service: t.service,
          serviceDeploymentArn: t.serviceDeploymentArn,
          timeoutMs: t.shiftTimeout,
          ...(pollInterval() !== undefined ? { pollIntervalMs: pollInterval()! } : {}),
          logger: ctx.logger,
        });
      } else if (t?.kind === 'cloud-run') {
        const clients = await createCloudRunClients(t.endpoint);
        closeClients = () => clients.close();
        const project = t.project ?? (await clients.detectProject());
        if (!project) {
          await clients.close();
          throw missingProjectError();
        }
        shifter = new CloudRunRevisionShifter(new CloudRunApi(clients, { maxAttempts: 5, logger: ctx.logger, signal: ctx.signal }), {
          service: serviceResourceName(project, t.region, t.service),
          baselineRevision: t.baselineRevision,
          canaryRevision: t.canaryRevision,
          timeoutMs: t.shiftTimeout,
          ...(pollInterval() !== undefined ? { pollIntervalMs: pollInterval()! } : {}),
          logger: ctx.logger,
        });
      }
      let provider: MetricProvider | undefined;
      if (m?.kind === 'cloud-monitoring') {
        const monitoring = await createMonitoringClient(m.endpoint);
        const closeRun = closeClients;
        closeClients = async () => {
          await monitoring.close();
          await closeRun?.();
        };
        const project = m.project ?? (await monitoring.detectProject());
        if (!project) {
          await closeClients();
          throw new UserError("metrics cloud-monitoring: no project: set 'project-id', or GOOGLE_CLOUD_PROJECT (google-github-actions/auth sets it)");
        }
        provider = new CloudMonitoringProvider(monitoring.listTimeSeries, {
          project,
          requests: m.requests,
          errors: m.errors,
          ...(m.latency ? { latency: m.latency } : {}),
          ...(m.predictions ? { predictions: m.predictions } : {}),
          arms: m.arms,
          delaySeconds: m.delaySeconds,
        });
      } else if (m) provider = metricProvider(inputs);
      let out: Awaited<ReturnType<typeof run>>;
      try {
        out = await run(inputs, {
          ...ctx,
          clock: systemClock,
          ...(shifter ? { shifter } : {}),
          ...(provider ? { provider } : {}),
          async readObservations(path) {
            const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
              throw new UserError(`input 'observations': cannot read ${path} (${err.code ?? err.message}); expected a JSON-lines file of recorded intervals`);
            });
            return parseObservations(path, text);
          },
          openRecording: () => openRecording(inputs['record-path'] ?? join(process.env.RUNNER_TEMP ?? tmpdir(), 'ml-deploy', `canary-gate-${Date.now()}.jsonl`)),
          async writeReport(report) {
            const path = inputs['report-path'] ?? join(process.env.RUNNER_TEMP ?? tmpdir(), 'ml-deploy', `canary-gate-${Date.now()}.json`);
            await mkdir(dirname(path), { recursive: true });
            await writeFile(path, `${JSON.stringify(report, (_k, v: unknown) => (v === Infinity ? '+Inf' : v), 2)}\n`);
            return path;
          },
        });
      } finally {
        await closeClients?.();
      }
      // mode rollback succeeds when the baseline serves again; the other modes fail on anything but a promotion.
      if (inputs.mode !== 'rollback' && out.verdict !== 'promoted' && out.verdict !== 'paused' && inputs['fail-on-rollback']) {
        throw new UserError(`verdict ${out.verdict}: see the job summary and ${out.report}`);
      }
    },
  },
  runnerIO(core),
);

function metricProvider(inputs: Inputs): MetricProvider {
  const m = inputs.metrics!;
  if (m.kind === 'cloud-monitoring') throw new Error('cloud-monitoring is built in run()');
  if (m.kind === 'cloudwatch') {
    const cw = new CloudWatchClient({ ...(inputs.region ? { region: inputs.region } : {}), maxAttempts: 5, retryMode: 'standard', customUserAgent: 'ml-deploy' });
    return new CloudWatchProvider(cw, {
      requests: m.requests,
      errors: m.errors,
      ...(m.latency ? { latency: m.latency } : {}),
      ...(m.predictions ? { predictions: m.predictions } : {}),
      arms: m.arms,
      period: m.period,
    });
  }
  return new PrometheusProvider({ url: m.url, requests: m.requests, errors: m.errors, ...(m.latency ? { latency: m.latency } : {}), ...(m.predictions ? { predictions: m.predictions } : {}), arms: m.arms });
}

/** ML_DEPLOY_POLL_INTERVAL: first wait between Cloud Run operation polls (default 2s), e.g. for a local fake. */
function pollInterval(): number | undefined {
  const raw = process.env.ML_DEPLOY_POLL_INTERVAL;
  return raw ? parseDuration('ML_DEPLOY_POLL_INTERVAL', raw, { min: 10, max: 60_000 }) : undefined;
}
