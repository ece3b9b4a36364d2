import { describe, expect, it } from '@jest/globals';
import { checkProtoJson, fromProtoJson, writableCopy } from '../src/proto-json';

describe('checkProtoJson against @google-cloud/run protos', () => {
  it.each([
    ['a valid service', { template: { containers: [{ image: 'x/y:1', resources: { limits: { cpu: '1' } } }], timeout: '300s' }, traffic: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }] }, []],
    ['a misspelled field', { template: { containers: [{ image: 'x', resorces: {} }] } }, ["Service.template.containers[0]: unknown field 'resorces' (message google.cloud.run.v2.Container has no such field)"]],
    ['snake_case names are accepted', { template: { max_instance_request_concurrency: 80 } }, []],
    ['a wrong enum name', { traffic: [{ type: 'LATEST' }] }, [expect.stringContaining("Service.traffic[0].type: 'LATEST' is not a value of enum")]],
    ['a duration without unit', { template: { timeout: 300 } }, ["Service.template.timeout: expected a duration string such as '300s', got number 300"]],
    ['a string where a list goes', { template: { containers: 'x' } }, ['Service.template.containers: expected a list, got string "x"']],
    ['an int32 as text', { template: { maxInstanceRequestConcurrency: 'many' } }, [expect.stringContaining('expected a whole number')]],
  ])('%s', (_name, value, problems) => {
    expect(checkProtoJson('google.cloud.run.v2.Service', value)).toEqual(problems);
  });

  it('checks an operation whose metadata is an Any holding a Service, and catches a bad field inside', () => {
    const op = { name: 'projects/p/locations/r/operations/1', done: false, metadata: { '@type': 'type.googleapis.com/google.cloud.run.v2.Service', uri: 'https://x', latestReadyRevison: 'x' } };
    expect(checkProtoJson('google.longrunning.Operation', op)).toEqual(["Operation.metadata: unknown field 'latestReadyRevison' (message google.cloud.run.v2.Service has no such field)"]);
  });

  it('reads proto3 JSON into the SDK object form and drops OUTPUT_ONLY fields', () => {
    const svc = fromProtoJson<Record<string, unknown>>('google.cloud.run.v2.Service', { uri: 'https://x', template: { timeout: '300s', containers: [{ image: 'i' }] } });
    expect(svc).toEqual({ template: { timeout: { seconds: '300' }, containers: [{ image: 'i' }] } });
  });
});

describe('writableCopy of a service as the REST client decodes it', () => {
  it('drops the proto3 defaults the client filled in, and keeps oneof members, optional fields and empty messages', () => {
    // The shape @google-cloud/run's REST fallback returns: every scalar at its default, oneof markers.
    const decoded = {
      name: 'projects/p/locations/r/services/api',
      generation: '3',
      template: {
        revision: 'api-abc1234',
        serviceAccount: '',
        executionEnvironment: 'EXECUTION_ENVIRONMENT_UNSPECIFIED',
        maxInstanceRequestConcurrency: 0,
        gpuZonalRedundancyDisabled: false,
        timeout: { seconds: '300', nanos: 0 },
        containers: [
          {
            name: '',
            image: 'i',
            command: [],
            env: [{ name: 'EMPTY', value: '', values: 'value' }],
            ports: [{ name: '', containerPort: 8080 }],
            resources: { limits: { cpu: '1' }, cpuIdle: false, startupCpuBoost: false },
            livenessProbe: { initialDelaySeconds: 0, timeoutSeconds: 0, periodSeconds: 15, failureThreshold: 0, httpGet: { path: '/live', port: 0, httpHeaders: [] }, probeType: 'httpGet' },
            startupProbe: { tcpSocket: { port: 0 }, probeType: 'tcpSocket' },
          },
        ],
      },
    };
    expect(writableCopy('google.cloud.run.v2.Service', decoded)).toEqual({
      name: 'projects/p/locations/r/services/api',
      template: {
        revision: 'api-abc1234',
        gpuZonalRedundancyDisabled: false,
        timeout: { seconds: '300', nanos: 0 },
        containers: [
          {
            image: 'i',
            env: [{ name: 'EMPTY', value: '' }],
            ports: [{ containerPort: 8080 }],
            resources: { limits: { cpu: '1' } },
            livenessProbe: { periodSeconds: 15, httpGet: { path: '/live' } },
            startupProbe: { tcpSocket: {} },
          },
        ],
      },
    });
  });
});
