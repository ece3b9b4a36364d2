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
    // Cloud Run's own limits, each refusal naming the input, the value and what is expected.
    ['concurrency 0', { concurrency: '0' }, `input 'concurrency': got "0", expected a whole number from 1 to 1000`],
    ['concurrency 1001', { concurrency: '1001' }, `input 'concurrency': got "1001", expected a whole number from 1 to 1000`],
    ['max instances 0', { 'max-instances': '0' }, `input 'max-instances': got "0", expected a whole number from 1 to 1000`],
    ['min above max', { 'min-instances': '5', 'max-instances': '2' }, `input 'min-instances': got "5", expected at most max-instances (2)`],
    ['request timeout over an hour', { 'request-timeout': '61m' }, `input 'request-timeout': got "61m", expected a duration of at most 1h`],
    ['request timeout without unit', { 'request-timeout': '3600' }, `input 'request-timeout': got "3600", expected a duration with units`],
    ['memory in MB', { memory: '512MB' }, `input 'memory': got "512MB", expected memory from 128Mi to 32Gi, such as '512Mi' or '4Gi' ('MB' is not a unit Cloud Run takes: use Mi or Gi)`],
    ['memory without unit', { memory: '512' }, `(a unit is needed: Mi or Gi)`],
    ['memory over 32Gi', { memory: '64Gi' }, `input 'memory': got "64Gi", expected memory from 128Mi to 32Gi`],
    ['cpu 16', { cpu: '16' }, `input 'cpu': got "16", expected a CPU limit Cloud Run takes: '1', '2', '4', '6', '8', or a fraction up to 1`],
    ['below 1 CPU with concurrency', { cpu: '500m', concurrency: '80' }, `input 'concurrency': got "80", expected 1 with cpu '500m' (less than 1 CPU)`],
    ['below 1 CPU always allocated', { cpu: '0.5', 'cpu-always-allocated': 'true' }, `input 'cpu-always-allocated': got "true", expected 'false' with cpu '0.5'`],
    ['below 1 CPU on gen2', { cpu: '0.5', 'execution-environment': 'gen2' }, `input 'execution-environment': got "gen2", expected 'gen1' with cpu '0.5'`],
    ['label key with capitals', { labels: 'Model=iris' }, `input 'labels': got "Model=iris", expected labels as Google Cloud takes them: a key starting with a lowercase letter`],
    ['label value too long', { labels: `model=${'v'.repeat(64)}` }, `expected labels as Google Cloud takes them: a value of at most 63 characters (this one has 64)`],
    ['label key reserved', { labels: 'goog-x=1' }, "a label key not reserved by Google"],
    ['too many labels', { labels: Array.from({ length: 65 }, (_, i) => `k${i}=v`).join(',') }, 'at most 64 labels'],
    ['revision suffix starting with a hyphen', { 'revision-suffix': '-abc' }, `input 'revision-suffix': got "-abc", expected lowercase letters, digits and hyphens`],
    ['revision suffix with capitals', { 'revision-suffix': 'ABC' }, `input 'revision-suffix': got "ABC"`],
    ['env var name starting with a digit', { 'env-vars': '1X=1' }, `input 'env-vars': got "1X=1"`],
    ['env var name with an escape, shown escaped', { 'env-vars': 'X\u001b[31m=1' }, `input 'env-vars': got "X\\u001b[31m=1"`],
    ['env var value over 32 KiB, shown cut', { 'env-vars': `BIG=${'x'.repeat(40_000)}` }, `a value of at most 32 KiB for BIG (Cloud Run's limit; this one has 40000 characters)`],
    ['two GPUs', { gpu: '2' }, `input 'gpu': got "2", expected '0' or '1' (Cloud Run attaches at most one GPU per instance`],
    ['unknown GPU type', { gpu: '1', 'gpu-type': 'nvidia-tesla-t4' }, `input 'gpu-type': got "nvidia-tesla-t4", expected a GPU type Cloud Run offers: nvidia-l4 or nvidia-rtx-pro-6000`],
    ['GPU with too little memory', { gpu: '1', cpu: '4', memory: '8Gi' }, `input 'memory': got "8Gi", expected at least 16Gi of memory with a GPU of type nvidia-l4`],
    ['RTX PRO 6000 with 8 CPU', { gpu: '1', 'gpu-type': 'nvidia-rtx-pro-6000', cpu: '8' }, 'at least 20 CPU with a GPU of type nvidia-rtx-pro-6000'],
    ['GPU with CPU only during requests', { gpu: '1', 'cpu-always-allocated': 'false' }, `input 'cpu-always-allocated': got "false", expected 'true' with a GPU`],
    ['GPU on gen1', { gpu: '1', 'execution-environment': 'gen1' }, `input 'execution-environment': got "gen1", expected 'gen2' or unset with a GPU`],
    ['split percent over 100', { traffic: 'LATEST=150' }, `input 'traffic': got "LATEST=150", expected TARGET=PERCENT with a whole percentage from 0 to 100`],
    ['split target not a name', { traffic: 'LATEST=50,BAD_TARGET=50' }, `input 'traffic': got "BAD_TARGET=50", expected targets that are 'LATEST', a revision name or a tag`],
    ['probe path without slash', { 'startup-probe-path': 'healthz' }, `input 'startup-probe-path': got "healthz", expected an HTTP path starting with '/'`],
  ])('%s', (_name, over, message) => {
    expect(() => parse(over)).toThrow(message);
  });

  it('a long bad value is shown cut, not whole', () => {
    let message = '';
    try {
      parse({ 'env-vars': `BIG=${'x'.repeat(40_000)}` });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^input 'env-vars': got "BIG=x+…? ?\(?/);
    expect(message).not.toContain('x'.repeat(200));
    expect(message.length).toBeLessThan(600);
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
