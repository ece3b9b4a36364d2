import { describe, expect, it } from '@jest/globals';
import { checkProtoJson, fromProtoJson } from '../src/proto-json';

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
