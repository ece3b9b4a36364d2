import { describe, expect, it } from '@jest/globals';
import { parseInputs } from '../src/inputs';

const reader = (values: Record<string, string>) => (name: string) => (values[name] === '' ? undefined : values[name]);
const LISTENER = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/model/50dc6c495c0c9188/f2f7dc8efc522ab2';
const TG1 = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/73e2d6bc24d8a067';
const TG2 = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/83e2d6bc24d8a067';
const ALB = { traffic: 'alb', 'listener-arn': LISTENER, 'baseline-target-group-arn': TG1, 'canary-target-group-arn': TG2 };
const PROM = {
  metrics: 'prometheus',
  'prometheus-url': 'http://prometheus:9090',
  'requests-query': 'model_requests_total{revision="$ARM"}',
  'errors-query': 'model_requests_total{code=~"5..",revision="$ARM"}',
  'latency-query': 'model_request_duration_seconds_bucket{revision="$ARM"}',
  'baseline-label': 'v1',
  'canary-label': 'v2',
};

const CW = {
  metrics: 'cloudwatch',
  'cloudwatch-namespace': 'AWS/ApplicationELB',
  'requests-query': 'RequestCount{TargetGroup=$ARM,LoadBalancer=app/model/50dc6c495c0c9188}',
  'errors-query': 'HTTPCode_Target_5XX_Count{TargetGroup=$ARM,LoadBalancer=app/model/50dc6c495c0c9188}',
  'baseline-label': 'targetgroup/blue/73e2d6bc24d8a067',
  'canary-label': 'targetgroup/green/83e2d6bc24d8a067',
  analyses: 'error-rate',
};

describe('parseInputs', () => {
  it('builds the default policy for mode: analyze', () => {
    const i = parseInputs(reader({ mode: 'analyze', observations: 'x.jsonl' }));
    expect(i.policy.steps).toEqual([5, 25, 50]);
    expect(i.policy.intervalsPerStep).toBe(5);
    expect(i.policy.maxIntervals).toBe(30);
    expect(i.policy.maxErrorRate).toBe(0.05);
    expect(i.policy.noData).toBe('hold');
    expect(i.policy.latency).toBe(true);
    expect(i.policy.predictionDrift).toBe(false);
    expect(i['fail-on-rollback']).toBe(true);
  });

  it('reads percentages and fractions alike', () => {
    const i = parseInputs(reader({ mode: 'analyze', observations: 'x', alpha: '2%', 'max-error-rate': '0.1', steps: '10%, 50%', analyses: 'error-rate,prediction-drift' }));
    expect(i.policy.alpha).toBeCloseTo(0.02);
    expect(i.policy.maxErrorRate).toBeCloseTo(0.1);
    expect(i.policy.steps).toEqual([10, 50]);
    expect(i.policy.latency).toBe(false);
    expect(i.policy.predictionDrift).toBe(true);
  });

  it('reads the traffic and metrics inputs of mode: run', () => {
    const i = parseInputs(reader({ mode: 'run', ...ALB, ...PROM, interval: '5m' }));
    expect(i.interval).toBe(300_000);
    expect(i.traffic).toEqual({ kind: 'alb', listenerOrRuleArn: LISTENER, baselineTargetGroupArn: TG1, canaryTargetGroupArn: TG2 });
    expect(i.metrics).toMatchObject({ kind: 'prometheus', arms: { baseline: 'v1', canary: 'v2' }, predictions: undefined });
    expect(parseInputs(reader({ mode: 'rollback', ...ALB })).metrics).toBeUndefined();
  });

  it('reads CloudWatch metrics: namespace, period and MetricName{Dim=value} queries', () => {
    const i = parseInputs(reader({ mode: 'run', ...ALB, ...CW, 'latency-query': 'LatencyBucket{Revision=$ARM, Zone="a,b"}', analyses: 'error-rate,latency' }));
    expect(i.metrics).toEqual({
      kind: 'cloudwatch',
      namespace: 'AWS/ApplicationELB',
      period: 60,
      requests: { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions: { TargetGroup: '$ARM', LoadBalancer: 'app/model/50dc6c495c0c9188' } },
      errors: { namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_Target_5XX_Count', dimensions: { TargetGroup: '$ARM', LoadBalancer: 'app/model/50dc6c495c0c9188' } },
      latency: { namespace: 'AWS/ApplicationELB', metricName: 'LatencyBucket', dimensions: { Revision: '$ARM', Zone: 'a,b' } },
      predictions: undefined,
      arms: { baseline: 'targetgroup/blue/73e2d6bc24d8a067', canary: 'targetgroup/green/83e2d6bc24d8a067' },
    });
    expect((parseInputs(reader({ mode: 'run', ...ALB, ...CW, 'cloudwatch-period': '10', interval: '10s' })).metrics as { period: number }).period).toBe(10);
  });

  it('reads a Cloud Run traffic target; region is then the service\'s, not an AWS one', () => {
    const i = parseInputs(reader({ mode: 'rollback', traffic: 'cloud-run', service: 'model-api', region: 'europe-west4', 'baseline-revision': 'model-api-00001-abc', 'canary-revision': 'model-api-00002-xyz', endpoint: 'http://127.0.0.1:8089' }));
    expect(i.traffic).toEqual({
      kind: 'cloud-run',
      service: 'model-api',
      region: 'europe-west4',
      project: undefined,
      baselineRevision: 'model-api-00001-abc',
      canaryRevision: 'model-api-00002-xyz',
      endpoint: { protocol: 'http', host: '127.0.0.1', port: 8089, anonymous: true },
      shiftTimeout: 300_000,
    });
    expect(i.region).toBeUndefined();
  });

  it.each([
    [{ traffic: 'cloud-run', service: 'Model_API' }, /input 'service': got "Model_API", expected a Cloud Run service name/],
    [{ traffic: 'cloud-run', service: 'm', region: 'eu' }, /input 'region': got "eu", expected the Cloud Run service's region/],
    [{ traffic: 'cloud-run', service: 'm', region: 'us-central1', 'project-id': 'X' }, /input 'project-id': got "X"/],
    [{ traffic: 'cloud-run', service: 'm', region: 'us-central1', 'baseline-revision': 'r1' }, /input 'canary-revision': got "", expected a revision's short name/],
    [{ traffic: 'cloud-run', service: 'm', region: 'us-central1', 'baseline-revision': 'r1', 'canary-revision': 'r1' }, /input 'canary-revision': got "r1", expected a revision other than baseline-revision/],
    [{ traffic: 'cloud-run', service: 'm', region: 'us-central1', 'baseline-revision': 'r1', 'canary-revision': 'r2', endpoint: 'http://run.example.com' }, /input 'endpoint'.*plain http is only allowed/],
  ])('refuses bad Cloud Run traffic input %#', (values, message) => {
    expect(() => parseInputs(reader({ mode: 'rollback', ...(values as Record<string, string>) }))).toThrow(message);
  });

  it('reads an ECS traffic target (a service deployment run by ECS\'s own strategy)', () => {
    const sd = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/ml-cluster/model-svc/r8JZyDsXyuUdAF5p';
    const i = parseInputs(reader({ mode: 'rollback', traffic: 'ecs', cluster: 'ml-cluster', service: 'model-svc', 'service-deployment-arn': sd, 'shift-timeout': '40m', region: 'eu-west-1' }));
    expect(i.traffic).toEqual({ kind: 'ecs', cluster: 'ml-cluster', service: 'model-svc', serviceDeploymentArn: sd, shiftTimeout: 2_400_000 });
    expect(i.region).toBe('eu-west-1');
    expect((parseInputs(reader({ mode: 'rollback', traffic: 'ecs', cluster: 'c', service: 's' })).traffic as { serviceDeploymentArn?: string }).serviceDeploymentArn).toBeUndefined();
  });

  it.each([
    [{ traffic: 'ecs', service: 's' }, /input 'cluster': got "", expected the ECS cluster name or ARN/],
    [{ traffic: 'ecs', cluster: 'c', service: 'model svc' }, /input 'service': got "model svc", expected the ECS service name or ARN/],
    [{ traffic: 'ecs', cluster: 'c', service: 's', 'service-deployment-arn': 'arn:aws:ecs:us-east-1:123456789012:service/c/s' }, /input 'service-deployment-arn': got "arn:aws:ecs:us-east-1:123456789012:service\/c\/s", expected a service deployment ARN/],
  ])('refuses bad ECS traffic input %#', (values, message) => {
    expect(() => parseInputs(reader({ mode: 'rollback', ...(values as Record<string, string>) }))).toThrow(message);
  });

  it('reads Cloud Monitoring metrics; with traffic cloud-run the arms default to its revisions and the project to its project', () => {
    const CR = { traffic: 'cloud-run', service: 'model-api', region: 'europe-west4', 'project-id': 'demo-project', 'baseline-revision': 'model-api-00001-abc', 'canary-revision': 'model-api-00002-xyz' };
    const requests = 'metric.type="run.googleapis.com/request_count" AND resource.labels.revision_name="$ARM"';
    const i = parseInputs(reader({ mode: 'run', ...CR, metrics: 'cloud-monitoring', 'requests-query': requests, 'errors-query': `${requests} AND metric.labels.response_code_class="5xx"`, analyses: 'error-rate', 'monitoring-delay': '2m', 'monitoring-endpoint': 'http://127.0.0.1:9090' }));
    expect(i.metrics).toEqual({
      kind: 'cloud-monitoring',
      project: 'demo-project',
      endpoint: { protocol: 'http', host: '127.0.0.1', port: 9090, anonymous: true },
      delaySeconds: 120,
      requests,
      errors: `${requests} AND metric.labels.response_code_class="5xx"`,
      latency: undefined,
      predictions: undefined,
      arms: { baseline: 'model-api-00001-abc', canary: 'model-api-00002-xyz' },
    });
    expect(() => parseInputs(reader({ mode: 'run', ...CR, metrics: 'cloud-monitoring', 'requests-query': 'run.googleapis.com/request_count', 'errors-query': requests }))).toThrow(
      /input 'requests-query': got "run.googleapis.com\/request_count", expected a Cloud Monitoring filter with \$ARM/,
    );
    expect(() => parseInputs(reader({ mode: 'run', ...CR, metrics: 'cloud-monitoring', 'requests-query': requests, 'errors-query': requests }))).toThrow(/input 'latency-query'.*a filter selecting a DISTRIBUTION metric/);
    expect(() => parseInputs(reader({ mode: 'run', ...ALB, metrics: 'cloud-monitoring', 'requests-query': requests, 'errors-query': requests, analyses: 'error-rate' }))).toThrow(/input 'baseline-label': got ""/);
    expect(() => parseInputs(reader({ mode: 'run', ...CR, metrics: 'cloud-monitoring', 'requests-query': requests, 'errors-query': requests, analyses: 'error-rate', 'monitoring-endpoint': 'http://monitoring.example.com' }))).toThrow(/input 'monitoring-endpoint'.*plain http is only allowed/);
  });

  it.each([
    [{ mode: 'run', ...ALB, ...CW, 'cloudwatch-namespace': '' }, /input 'cloudwatch-namespace': got "", expected the metrics' CloudWatch namespace/],
    [{ mode: 'run', ...ALB, ...CW, 'cloudwatch-period': '45' }, /input 'cloudwatch-period': got "45", expected seconds per CloudWatch period: 1, 5, 10, 30/],
    [{ mode: 'run', ...ALB, ...CW, 'cloudwatch-period': '120' }, /input 'interval': got "1m", expected at least one CloudWatch period \(cloudwatch-period 120 s\)/],
    [{ mode: 'run', ...ALB, ...CW, 'requests-query': 'RequestCount{TargetGroup=blue}' }, /input 'requests-query': got "RequestCount\{TargetGroup=blue\}", expected a CloudWatch metric with \$ARM/],
    [{ mode: 'run', ...ALB, ...CW, 'errors-query': 'Errors{TargetGroup=$ARM,Zone}' }, /input 'errors-query'.*\(dimensions as Name=value pairs/],
    [{ mode: 'run', ...ALB, ...CW, analyses: 'error-rate,latency' }, /input 'latency-query'.*a per-bucket latency counter \(dimension le\) while 'analyses' includes latency/],
  ])('refuses bad CloudWatch input %#', (values, message) => {
    expect(() => parseInputs(reader(values as Record<string, string>))).toThrow(message);
  });

  it.each([
    [{ mode: 'analyse' }, /input 'mode': got "analyse", expected one of 'analyze', 'run', 'rollback'/],
    [{ mode: 'analyze' }, /input 'observations'.*expected a path to recorded observations/],
    [{ mode: 'run' }, /input 'traffic': got "", expected one of 'alb', 'cloud-run', 'ecs'/],
    [{ mode: 'run', ...ALB, metrics: 'datadog' }, /input 'metrics': got "datadog", expected one of 'prometheus', 'cloudwatch', 'cloud-monitoring'/],
    [{ mode: 'run', traffic: 'alb', 'listener-arn': 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/1' }, /input 'listener-arn': got "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\/x\/1", expected the ARN of the ALB listener/],
    [{ mode: 'rollback', traffic: 'alb', 'listener-arn': LISTENER, 'baseline-target-group-arn': TG1, 'canary-target-group-arn': TG1 }, /input 'canary-target-group-arn'.*expected a target group other than baseline-target-group-arn/],
    [{ mode: 'run', ...ALB, metrics: 'prometheus', 'prometheus-url': 'prometheus:9090' }, /input 'prometheus-url': got "prometheus:9090"/],
    [{ mode: 'run', ...ALB, ...PROM, 'requests-query': 'sum(rate(model_requests_total[1m]))' }, /input 'requests-query'.*expected a series selector \(no functions\) with \$ARM/],
    [{ mode: 'run', ...ALB, ...PROM, 'latency-query': '' }, /input 'latency-query'.*while 'analyses' includes latency/],
    [{ mode: 'run', ...ALB, ...PROM, interval: '30' }, /input 'interval': got "30", expected a duration with units/],
    [{ mode: 'analyze', observations: 'x', steps: '50,25' }, /input 'steps': got "50,25", expected canary weights in percent, increasing/],
    [{ mode: 'analyze', observations: 'x', steps: '5,100' }, /input 'steps'/],
    [{ mode: 'analyze', observations: 'x', alpha: '0.5' }, /input 'alpha': got "0.5"/],
    [{ mode: 'analyze', observations: 'x', 'max-error-rate': '150%' }, /input 'max-error-rate': got "150%"/],
    [{ mode: 'analyze', observations: 'x', 'no-data': 'skip' }, /input 'no-data': got "skip", expected one of 'hold', 'fail', 'pass'/],
    [{ mode: 'analyze', observations: 'x', 'max-intervals': '10' }, /input 'max-intervals': got "10", expected a whole number of at least 15/],
    [{ mode: 'analyze', observations: 'x', analyses: 'latency' }, /input 'analyses'.*includes error-rate/],
    [{ mode: 'analyze', observations: 'x', analyses: 'error-rate,cpu' }, /input 'analyses': got "error-rate,cpu"/],
    [{ mode: 'analyze', observations: 'x', 'fail-on-rollback': 'yes' }, /input 'fail-on-rollback'/],
  ])('rejects %j', (values, message) => {
    expect(() => parseInputs(reader(values as Record<string, string>))).toThrow(message);
  });
});
