import { describe, expect, it } from '@jest/globals';
import { inputReader } from '@ml-deploy/test/action-yml';
import { parseInputs } from '../src/inputs';

const parse = (over: Record<string, string>) => parseInputs(inputReader('deploy-cloud-run', { service: 'model-api', ...over }));

describe('deploy-cloud-run inputs', () => {
  it.each([
    ['service name with capitals', { service: 'Model' }, `input 'service': got "Model", expected a Cloud Run service name`],
    ['region', { region: 'us central' }, `input 'region': got "us central", expected a Cloud Run region`],
    ['tag too long with the service name', { tag: 'a'.repeat(40) }, `input 'tag': got "${'a'.repeat(40)}", expected at most 37 characters for service 'model-api'`],
    ['revision suffix too long', { 'revision-suffix': 'x'.repeat(60) }, `expected at most 53 characters for service 'model-api'`],
    ['reserved env name', { 'env-vars': 'PORT=9000' }, `input 'env-vars': got "PORT=9000", expected a name Cloud Run does not set itself`],
    ['secret syntax', { secrets: 'API_KEY=my-secret' }, `input 'secrets': got "API_KEY=my-secret", expected NAME=secret:version`],
    ['cpu/memory Cloud Run refuses', { cpu: '1', memory: '8Gi' }, 'more than 4Gi of memory needs at least 2 CPU'],
    ['8 CPU with too little memory', { cpu: '8', memory: '2Gi' }, '8 CPU need at least 4Gi of memory'],
    ['cpu value', { cpu: '3' }, `input 'cpu': got "3"`],
    ['gpu with small cpu', { gpu: '1', cpu: '2' }, 'at least 4 CPU with a GPU'],
    ['split not 100', { traffic: 'LATEST=10,model-api-00001-abc=80' }, 'percentages that add up to 100 (these add up to 90)'],
    ['no-traffic with traffic', { 'no-traffic': 'true', traffic: 'LATEST=100' }, "to be left out with 'no-traffic: true'"],
    ['revision with image', { revision: 'model-api-00003-xyz', image: 'x/y:1' }, "input 'image': got \"x/y:1\", expected to be left out with 'revision'"],
    ['revision of another service', { revision: 'other-00003-xyz' }, "a revision name of service 'model-api'"],
    ['plain http off loopback', { endpoint: 'http://run.example.com' }, 'plain http is only allowed to 127.0.0.1'],
    ['label value with dots', { labels: 'model-version=1.2.0' }, 'write a version 1.2.0 as 1-2-0'],
    ['boolean typo', { 'no-traffic': 'yes' }, `input 'no-traffic': got "yes"`],
  ])('%s', (_name, over, message) => {
    expect(() => parse(over)).toThrow(message);
  });

  it('reads a full set of inputs', () => {
    const i = parse({
      image: 'us-docker.pkg.dev/p/r/i@sha256:' + 'a'.repeat(64),
      'env-vars': 'A=1,B="x,y"',
      secrets: 'KEY=api-key:latest,OTHER=projects/p/secrets/s/versions/3',
      cpu: '4',
      memory: '16Gi',
      gpu: '1',
      'request-timeout': '15m',
      traffic: 'LATEST=10,candidate=90',
      endpoint: 'http://127.0.0.1:8089',
    });
    expect(i.secrets).toEqual([
      ['KEY', { secret: 'api-key', version: 'latest' }],
      ['OTHER', { secret: 'projects/p/secrets/s', version: '3' }],
    ]);
    expect(i['env-vars']).toEqual([['A', '1'], ['B', 'x,y']]);
    expect(i['request-timeout']).toBe(900);
    expect(i.endpoint).toEqual({ protocol: 'http', host: '127.0.0.1', port: 8089, anonymous: true });
    expect(i.traffic).toEqual([{ target: 'LATEST', percent: 10 }, { target: 'candidate', percent: 90 }]);
  });
});
