import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { InputError } from '@ml-deploy/action-kit';
import { inputReader, loadActionYml, repoRoot } from '@ml-deploy/test/action-yml';
import { parseInputs } from '../src/inputs';

const read = (overrides: Record<string, string>) => inputReader('deploy-ecs', overrides);
const D = 'b'.repeat(64);

describe('deploy-ecs inputs', () => {
  it('takes the defaults from action.yml', () => {
    const inputs = parseInputs(read({ service: 'api' }));
    expect(inputs).toMatchObject({
      cluster: 'default',
      service: 'api',
      'force-new-deployment': false,
      'circuit-breaker': true,
      'wait-for-deployment': true,
      timeout: 30 * 60_000,
      'rollback-on-failure': true,
      'max-attempts': 5,
      'max-failed-tasks': undefined,
      'desired-count': undefined,
    });
  });

  it('parses lists, image and counts', () => {
    const inputs = parseInputs(
      read({
        service: 'api',
        image: `registry.example/model@sha256:${D}`,
        'environment-variables': 'MODEL_VERSION=3\nTHREADS=2',
        secrets: 'API_KEY=arn:aws:secretsmanager:us-east-1:123456789012:secret:api-key-AbCdEf',
        'desired-count': '4',
        timeout: '90s',
        'max-failed-tasks': '2',
      }),
    );
    expect(inputs['environment-variables']).toEqual([['MODEL_VERSION', '3'], ['THREADS', '2']]);
    expect(inputs.secrets[0]![0]).toBe('API_KEY');
    expect(inputs['desired-count']).toBe(4);
    expect(inputs.timeout).toBe(90_000);
    expect(inputs['max-failed-tasks']).toBe(2);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['neither service nor file', {}, /input 'task-definition'.*or a 'service'/],
    ['bad image', { service: 's', image: 'Registry/Model:1:2' }, /input 'image': got "Registry\/Model:1:2", expected an image reference/],
    ['short digest', { service: 's', image: 'r/m@sha256:abc' }, /input 'image'/],
    ['bad boolean', { service: 's', 'wait-for-deployment': 'yes' }, /input 'wait-for-deployment': got "yes", expected 'true' or 'false'/],
    ['mixed-case boolean', { service: 's', 'circuit-breaker': 'tRUE' }, /input 'circuit-breaker': got "tRUE", expected 'true' or 'false'/],
    ['bare number timeout', { service: 's', timeout: '30' }, /input 'timeout'.*duration with units/],
    ['tiny timeout', { service: 's', timeout: '1s' }, /input 'timeout'.*at least 10s/],
    ['negative count', { service: 's', 'desired-count': '-1' }, /input 'desired-count'/],
    ['malformed env list', { service: 's', 'environment-variables': 'A=1\nB' }, /input 'environment-variables': got "B"/],
    ['repeated env', { service: 's', 'environment-variables': 'A=1,A=2' }, /given twice/],
    ['secret not an arn', { service: 's', secrets: 'K=not a secret' }, /input 'secrets'.*ARN/],
    ['cpu words', { service: 's', cpu: 'lots' }, /input 'cpu'/],
    ['memory unit', { service: 's', memory: '2 TB' }, /input 'memory'/],
    ['region', { service: 's', region: 'mars' }, /input 'region'/],
    ['container without change', { service: 's', 'container-name': 'app' }, /input 'container-name'.*together with 'image'/],
    ['desired count without service', { 'task-definition': 'td.json', 'desired-count': '2' }, /input 'desired-count'.*'service'/],
    ['attempts zero', { service: 's', 'max-attempts': '0' }, /input 'max-attempts'.*from 1 to 20/],
  ])('rejects %s, naming the input', (_name, overrides, message) => {
    expect(() => parseInputs(read(overrides))).toThrow(InputError);
    expect(() => parseInputs(read(overrides))).toThrow(message);
  });

  it('reads exactly the inputs action.yml declares', () => {
    const declared = Object.keys(loadActionYml('deploy-ecs').inputs).sort();
    const source = readFileSync(join(repoRoot, 'actions/deploy-ecs/src/inputs.ts'), 'utf8');
    const read = [...source.matchAll(/(?:required|optional|read|parseKeyValues|parseBoolean|parseInteger|parseDuration)\('([a-z-]+)'/g)].map((m) => m[1]);
    expect([...new Set(read)].sort()).toEqual(declared);
  });
});
