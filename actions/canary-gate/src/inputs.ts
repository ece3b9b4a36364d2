/**
 * canary-gate inputs: the only place they are parsed. Keys as in canary-gate/action.yml (defaults
 * live there). Every check that needs no cloud call runs here, before any traffic moves.
 */
import { InputError, type InputReader, UserError, parseBoolean, parseChoice, parseDuration, parseInteger, parseList } from '@ml-deploy/action-kit';
import { type Endpoint, parseEndpoint, PROJECT_ID, REGION, SERVICE_NAME } from '@ml-deploy/gcp';
import { type CanaryPolicy, type CloudWatchMetric, DEFAULT_POLICY, type NoDataPolicy, parseCloudWatchMetric, validatePolicy } from '@ml-deploy/canary';

export type Mode = 'analyze' | 'run' | 'rollback';
export const MODES: readonly Mode[] = ['analyze', 'run', 'rollback'];
export const ANALYSES = ['error-rate', 'latency', 'prediction-drift'] as const;

export interface AlbTraffic {
  kind: 'alb';
  listenerOrRuleArn: string;
  baselineTargetGroupArn: string;
  canaryTargetGroupArn: string;
}

export interface CloudRunTraffic {
  kind: 'cloud-run';
  service: string;
  /** The Cloud Run region (the `region` input). */
  region: string;
  project: string | undefined;
  baselineRevision: string;
  canaryRevision: string;
  endpoint: Endpoint;
  /** How long one traffic change may take to route, ms. */
  shiftTimeout: number;
}

export interface EcsTraffic {
  kind: 'ecs';
  cluster: string;
  service: string;
  /** The service deployment to follow; unset: the service's current one. */
  serviceDeploymentArn: string | undefined;
  /** How long ECS may take to reach a step, finish or roll back, ms. */
  shiftTimeout: number;
}

export interface PrometheusMetrics {
  kind: 'prometheus';
  url: string;
  requests: string;
  errors: string;
  latency: string | undefined;
  predictions: string | undefined;
  arms: { baseline: string; canary: string };
}

export interface CloudWatchMetrics {
  kind: 'cloudwatch';
  namespace: string;
  /** Seconds per CloudWatch period. */
  period: number;
  requests: CloudWatchMetric;
  errors: CloudWatchMetric;
  latency: CloudWatchMetric | undefined;
  predictions: CloudWatchMetric | undefined;
  arms: { baseline: string; canary: string };
}

export interface CloudMonitoringMetrics {
  kind: 'cloud-monitoring';
  /** The metrics' project; unset: traffic cloud-run's, else the credentials'. */
  project: string | undefined;
  endpoint: Endpoint;
  /** Read each window this many seconds late (ingestion delay). */
  delaySeconds: number;
  requests: string;
  errors: string;
  latency: string | undefined;
  predictions: string | undefined;
  arms: { baseline: string; canary: string };
}

export interface Inputs {
  mode: Mode;
  observations: string | undefined;
  /** Length of one analysed interval (mode run), ms. */
  interval: number;
  traffic: AlbTraffic | CloudRunTraffic | EcsTraffic | undefined;
  metrics: PrometheusMetrics | CloudWatchMetrics | CloudMonitoringMetrics | undefined;
  region: string | undefined;
  policy: CanaryPolicy;
  'fail-on-rollback': boolean;
  'report-path': string | undefined;
  'record-path': string | undefined;
  /** mode run: step weights after which the gate stops for approval (verdict paused). */
  approvalAfter: number[];
}

export function parseInputs(read: InputReader): Inputs {
  const mode = parseChoice('mode', read('mode') ?? 'run', MODES);
  const observations = read('observations')?.trim();
  if (mode === 'analyze' && !observations) {
    throw new InputError('observations', '', 'a path to recorded observations (JSON lines) for mode: analyze');
  }
  const traffic = mode === 'analyze' ? undefined : parseTraffic(read);
  const metrics = mode === 'run' ? parseMetrics(read, traffic) : undefined;
  const interval = parseDuration('interval', read('interval') ?? '1m', { min: 1000, max: 24 * 3_600_000 });

  const stepsRaw = read('steps') ?? DEFAULT_POLICY.steps.join(',');
  const steps = parseList(stepsRaw).map((s) => {
    const v = s.replace(/%$/, '').trim();
    if (!/^\d+(\.\d+)?$/.test(v)) throw new InputError('steps', stepsRaw, 'canary weights in percent, increasing, each below 100, e.g. 5,25,50');
    return Number(v);
  });
  const intervalsPerStep = parseInteger('intervals-per-step', read('intervals-per-step') ?? String(DEFAULT_POLICY.intervalsPerStep), { min: 1, max: 1000 });
  const alpha = parseFraction('alpha', read('alpha') ?? String(DEFAULT_POLICY.alpha), 'a probability such as 0.01 (or 1%), above 0 and below 0.5', 0.5);
  const maxErrorRate = parseFraction('max-error-rate', read('max-error-rate') ?? '5%', 'an error rate such as 5% or 0.05, above 0 and at most 100%', 1, true);
  const minRequests = parseInteger('min-requests', read('min-requests') ?? String(DEFAULT_POLICY.minCanaryRequests), { min: 0 });
  const noData = parseChoice<NoDataPolicy>('no-data', read('no-data') ?? 'hold', ['hold', 'fail', 'pass']);
  const planned = steps.length * intervalsPerStep;
  const maxIntervalsRaw = read('max-intervals');
  const maxIntervals = maxIntervalsRaw === undefined ? 2 * planned : parseInteger('max-intervals', maxIntervalsRaw, { min: planned });
  const analysesRaw = read('analyses') ?? 'error-rate,latency';
  const analyses = parseList(analysesRaw);
  for (const a of analyses) {
    if (!(ANALYSES as readonly string[]).includes(a)) throw new InputError('analyses', analysesRaw, `a list of ${ANALYSES.join(', ')}`);
  }
  if (!analyses.includes('error-rate')) throw new InputError('analyses', analysesRaw, 'a list that includes error-rate (always analysed)');

  const approvalRaw = read('approval-after')?.trim() ?? '';
  const approvalAfter = approvalRaw
    ? parseList(approvalRaw).map((x) => {
        const v = Number(x.replace(/%$/, '').trim());
        if (!steps.includes(v)) throw new InputError('approval-after', approvalRaw, `step weights from 'steps' (${steps.join(',')}) after which the gate waits for approval, e.g. ${steps[0]}`);
        return v;
      })
    : [];

  const policy: CanaryPolicy = {
    ...DEFAULT_POLICY,
    steps,
    intervalsPerStep,
    alpha,
    maxErrorRate,
    minCanaryRequests: minRequests,
    noData,
    maxIntervals,
    latency: analyses.includes('latency'),
    predictionDrift: analyses.includes('prediction-drift'),
  };
  const problems = validatePolicy(policy);
  if (problems.some((p) => p.startsWith('steps'))) {
    throw new InputError('steps', stepsRaw, 'canary weights in percent, increasing, each above 0 and below 100, e.g. 5,25,50');
  }
  if (problems.length) throw new UserError(`canary policy from the inputs: ${problems.join('; ')}`);

  if (metrics?.kind === 'cloudwatch' && interval < metrics.period * 1000) {
    throw new InputError('interval', read('interval') ?? '1m', `at least one CloudWatch period (cloudwatch-period ${metrics.period} s): the gate reads whole periods`);
  }
  if (metrics && !metrics.latency && policy.latency) {
    const what = metrics.kind === 'prometheus' ? 'a histogram _bucket selector' : metrics.kind === 'cloudwatch' ? 'a per-bucket latency counter (dimension le)' : 'a filter selecting a DISTRIBUTION metric (e.g. run.googleapis.com/request_latencies)';
    throw new InputError('latency-query', '', `${what} while 'analyses' includes latency (or drop latency from 'analyses')`);
  }
  if (metrics && !metrics.predictions && policy.predictionDrift) {
    const what = metrics.kind === 'prometheus' ? 'a histogram _bucket selector' : metrics.kind === 'cloudwatch' ? 'a per-bucket prediction counter (dimension le)' : 'a filter selecting a DISTRIBUTION metric of the predictions';
    throw new InputError('predictions-query', '', `${what} while 'analyses' includes prediction-drift`);
  }

  return {
    mode,
    observations,
    interval,
    traffic,
    metrics,
    // With traffic cloud-run, `region` is the service's; AWS clients then take AWS_REGION.
    region: traffic?.kind === 'cloud-run' ? undefined : read('region')?.trim(),
    policy,
    'fail-on-rollback': parseBoolean('fail-on-rollback', read('fail-on-rollback') ?? 'true'),
    'report-path': read('report-path')?.trim(),
    'record-path': read('record-path')?.trim() || undefined,
    approvalAfter,
  };
}

/** A probability written as 0.01 or 1%. */
function parseFraction(input: string, raw: string, expected: string, maxExclusive: number, inclusive = false): number {
  const v = raw.trim();
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(v);
  if (!m) throw new InputError(input, raw, expected);
  const x = Number(m[1]) / (m[2] ? 100 : 1);
  if (!(x > 0) || (inclusive ? x > maxExclusive : x >= maxExclusive)) throw new InputError(input, raw, expected);
  return x;
}

function parseTraffic(read: InputReader): AlbTraffic | CloudRunTraffic | EcsTraffic {
  const target = parseChoice('traffic', read('traffic') ?? '', ['alb', 'cloud-run', 'ecs'] as const);
  if (target === 'cloud-run') return parseCloudRun(read);
  if (target === 'ecs') return parseEcs(read);
  const arn = (name: string, pattern: RegExp, what: string): string => {
    const v = read(name)?.trim();
    if (!v || !pattern.test(v)) throw new InputError(name, v ?? '', what);
    return v;
  };
  const elb = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:/;
  const listener = arn('listener-arn', /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:(listener|listener-rule)\/app\//, 'the ARN of the ALB listener (or listener rule) whose forward action splits the traffic');
  const tg = (name: string): string => arn(name, new RegExp(`${elb.source}targetgroup/`), 'a target group ARN');
  const baseline = tg('baseline-target-group-arn');
  const canary = tg('canary-target-group-arn');
  if (baseline === canary) throw new InputError('canary-target-group-arn', canary, 'a target group other than baseline-target-group-arn');
  return { kind: target, listenerOrRuleArn: listener, baselineTargetGroupArn: baseline, canaryTargetGroupArn: canary };
}

function parseMetrics(read: InputReader, traffic: Inputs['traffic']): PrometheusMetrics | CloudWatchMetrics | CloudMonitoringMetrics {
  const kind = parseChoice('metrics', read('metrics') ?? '', ['prometheus', 'cloudwatch', 'cloud-monitoring'] as const);
  if (kind === 'cloudwatch') return parseCloudWatch(read);
  if (kind === 'cloud-monitoring') return parseCloudMonitoring(read, traffic);
  const url = read('prometheus-url')?.trim() ?? '';
  if (!/^https?:\/\/[^\s]+$/.test(url)) throw new InputError('prometheus-url', url, 'the base URL of the Prometheus server, e.g. http://prometheus:9090');
  const selector = (name: string, required: boolean): string | undefined => {
    const v = read(name)?.trim();
    if (!v) {
      if (required) throw new InputError(name, '', 'a Prometheus series selector with $ARM where the arm label value goes, e.g. model_requests_total{revision="$ARM"}');
      return undefined;
    }
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})?$/s.test(v) || !v.includes('$ARM')) {
      throw new InputError(name, v, 'a series selector (no functions) with $ARM where the arm label value goes, e.g. model_requests_total{revision="$ARM"}');
    }
    return v;
  };
  const label = (name: string): string => {
    const v = read(name)?.trim();
    if (!v) throw new InputError(name, '', 'the label value that selects this arm (what $ARM becomes)');
    return v;
  };
  return {
    kind,
    url,
    requests: selector('requests-query', true)!,
    errors: selector('errors-query', true)!,
    latency: selector('latency-query', false),
    predictions: selector('predictions-query', false),
    arms: { baseline: label('baseline-label'), canary: label('canary-label') },
  };
}

function parseCloudWatch(read: InputReader): CloudWatchMetrics {
  const namespace = read('cloudwatch-namespace')?.trim() ?? '';
  if (!namespace || namespace.length > 255 || namespace.startsWith(':')) throw new InputError('cloudwatch-namespace', namespace, "the metrics' CloudWatch namespace, 1-255 characters not starting with ':', e.g. AWS/ApplicationELB");
  const periodRaw = read('cloudwatch-period') ?? '60';
  const period = parseInteger('cloudwatch-period', periodRaw, { min: 1 });
  if (![1, 5, 10, 30].includes(period) && period % 60 !== 0) throw new InputError('cloudwatch-period', periodRaw, 'seconds per CloudWatch period: 1, 5, 10, 30 (high-resolution metrics) or a multiple of 60');
  const metric = (name: string, required: boolean): CloudWatchMetric | undefined => {
    const v = read(name)?.trim();
    const expected = 'a CloudWatch metric with $ARM where the arm goes, e.g. RequestCount{TargetGroup=$ARM,LoadBalancer=app/my-alb/50dc6c495c0c9188}';
    if (!v) {
      if (required) throw new InputError(name, '', expected);
      return undefined;
    }
    if (!v.includes('$ARM')) throw new InputError(name, v, expected);
    try {
      return parseCloudWatchMetric(v, namespace);
    } catch (err) {
      throw new InputError(name, v, `${expected} (${(err as Error).message})`);
    }
  };
  const label = (name: string): string => {
    const v = read(name)?.trim();
    if (!v) throw new InputError(name, '', 'the dimension value that selects this arm (what $ARM becomes), e.g. a target group such as targetgroup/blue/73e2d6bc24d8a067');
    return v;
  };
  return {
    kind: 'cloudwatch',
    namespace,
    period,
    requests: metric('requests-query', true)!,
    errors: metric('errors-query', true)!,
    latency: metric('latency-query', false),
    predictions: metric('predictions-query', false),
    arms: { baseline: label('baseline-label'), canary: label('canary-label') },
  };
}

/** Cloud Run revision names: lowercase letters, digits and hyphens, a letter first, at most 63. */
const REVISION_NAME = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

function parseCloudRun(read: InputReader): CloudRunTraffic {
  const get = (name: string): string | undefined => read(name)?.trim() || undefined;
  const service = get('service') ?? '';
  if (!SERVICE_NAME.test(service)) throw new InputError('service', service, 'a Cloud Run service name: lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen, at most 49 characters');
  const region = get('region') ?? '';
  if (!REGION.test(region)) throw new InputError('region', region, "the Cloud Run service's region, such as 'us-central1' or 'europe-west4'");
  const project = get('project-id');
  if (project !== undefined && !PROJECT_ID.test(project)) throw new InputError('project-id', project, "a Google Cloud project ID such as 'my-project-123' (6 to 30 lowercase letters, digits and hyphens)");
  const revision = (name: string): string => {
    const v = get(name) ?? '';
    if (!REVISION_NAME.test(v)) throw new InputError(name, v, "a revision's short name such as model-api-00002-xyz (deploy-cloud-run's revision and previous-revision outputs)");
    return v;
  };
  const baselineRevision = revision('baseline-revision');
  const canaryRevision = revision('canary-revision');
  if (baselineRevision === canaryRevision) throw new InputError('canary-revision', canaryRevision, 'a revision other than baseline-revision');
  const endpointRaw = get('endpoint') ?? 'https://run.googleapis.com';
  const endpoint = parseEndpoint(endpointRaw);
  if ('error' in endpoint) throw new InputError('endpoint', endpointRaw, `an https URL such as https://run.googleapis.com (${endpoint.error})`);
  const shiftTimeout = parseDuration('shift-timeout', read('shift-timeout') ?? '5m', { min: 1000, max: 3_600_000 });
  return { kind: 'cloud-run', service, region, project, baselineRevision, canaryRevision, endpoint, shiftTimeout };
}

/** ECS cluster and service names (or ARNs): letters, digits, hyphens and underscores, at most 255. */
const ECS_NAME = /^(?:[A-Za-z0-9_-]{1,255}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:(?:cluster|service)\/[A-Za-z0-9_/-]{1,512})$/;
const SERVICE_DEPLOYMENT_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:service-deployment\/[A-Za-z0-9_/-]{1,1024}$/;

function parseEcs(read: InputReader): EcsTraffic {
  const get = (name: string): string | undefined => read(name)?.trim() || undefined;
  const cluster = get('cluster') ?? '';
  if (!ECS_NAME.test(cluster)) throw new InputError('cluster', cluster, 'the ECS cluster name or ARN (letters, digits, hyphens and underscores)');
  const service = get('service') ?? '';
  if (!ECS_NAME.test(service)) throw new InputError('service', service, 'the ECS service name or ARN (letters, digits, hyphens and underscores)');
  const arn = get('service-deployment-arn');
  if (arn !== undefined && !SERVICE_DEPLOYMENT_ARN.test(arn)) {
    throw new InputError('service-deployment-arn', arn, 'a service deployment ARN, arn:aws:ecs:REGION:ACCOUNT:service-deployment/CLUSTER/SERVICE/ID (or leave it unset for the service\'s current deployment)');
  }
  const shiftTimeout = parseDuration('shift-timeout', read('shift-timeout') ?? '5m', { min: 1000, max: 24 * 3_600_000 });
  return { kind: 'ecs', cluster, service, serviceDeploymentArn: arn, shiftTimeout };
}

function parseCloudMonitoring(read: InputReader, traffic: Inputs['traffic']): CloudMonitoringMetrics {
  const filter = (name: string, required: boolean): string | undefined => {
    const v = read(name)?.trim();
    const expected = 'a Cloud Monitoring filter with $ARM where the arm\'s label value goes, e.g. metric.type="run.googleapis.com/request_count" AND resource.labels.revision_name="$ARM"';
    if (!v) {
      if (required) throw new InputError(name, '', expected);
      return undefined;
    }
    if (!v.includes('$ARM') || !/\bmetric\.type\s*=/.test(v)) throw new InputError(name, v, expected);
    return v;
  };
  const cloudRun = traffic?.kind === 'cloud-run' ? traffic : undefined;
  const label = (name: string, fallback: string | undefined): string => {
    const v = read(name)?.trim() || fallback;
    if (!v) throw new InputError(name, '', 'the label value that selects this arm (what $ARM becomes), e.g. the revision name');
    return v;
  };
  const project = read('project-id')?.trim() || cloudRun?.project;
  if (project !== undefined && !PROJECT_ID.test(project)) throw new InputError('project-id', project, "a Google Cloud project ID such as 'my-project-123' (6 to 30 lowercase letters, digits and hyphens)");
  const endpointRaw = read('monitoring-endpoint')?.trim() || 'https://monitoring.googleapis.com';
  const endpoint = parseEndpoint(endpointRaw);
  if ('error' in endpoint) throw new InputError('monitoring-endpoint', endpointRaw, `an https URL such as https://monitoring.googleapis.com (${endpoint.error})`);
  const delay = parseDuration('monitoring-delay', read('monitoring-delay') ?? '3m', { min: 0, max: 3_600_000 });
  return {
    kind: 'cloud-monitoring',
    project,
    endpoint,
    delaySeconds: Math.round(delay / 1000),
    requests: filter('requests-query', true)!,
    errors: filter('errors-query', true)!,
    latency: filter('latency-query', false),
    predictions: filter('predictions-query', false),
    // With traffic cloud-run, the arms are its revisions unless said otherwise.
    arms: { baseline: label('baseline-label', cloudRun?.baselineRevision), canary: label('canary-label', cloudRun?.canaryRevision) },
  };
}
