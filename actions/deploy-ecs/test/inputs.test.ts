import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { InputError } from '@ml-deploy/action-kit';
import { inputReader, loadActionYml, repoRoot } from '@ml-deploy/test/action-yml';
import { parseInputs } from '../src/inputs';

const read = (overrides: Record<string, string>) => inputReader('deploy-ecs', overrides);
const D = 'b'.repeat(64);

describe('deploy-ecs inputs', () => {
  it('enable-ecs-managed-tags and propagate-tags: unset keeps, any case of the SDK enum, refused without a service', () => {
    expect(parseInputs(read({ service: 'api' }))['service-tagging']).toEqual({ enableEcsManagedTags: undefined, propagateTags: undefined });
    expect(parseInputs(read({ service: 'api', 'enable-ecs-managed-tags': 'FALSE', 'propagate-tags': 'task-definition' }))['service-tagging']).toEqual({
      enableEcsManagedTags: false,
      propagateTags: 'TASK_DEFINITION',
    });
    expect(() => parseInputs(read({ service: 'api', 'propagate-tags': 'DAEMON' }))).toThrow(`input 'propagate-tags': got "DAEMON", expected one of 'NONE', 'SERVICE', 'TASK_DEFINITION'`);
    expect(() => parseInputs(read({ 'task-definition': 'td.json', 'propagate-tags': 'SERVICE' }))).toThrow(/input 'propagate-tags'.*a 'service' to set it on/);
    expect(() => parseInputs(read({ 'task-definition': 'td.json', 'enable-ecs-managed-tags': 'true' }))).toThrow(/input 'enable-ecs-managed-tags'.*a 'service' to set it on/);
  });

  it('takes the defaults from action.yml', () => {
    const inputs = parseInputs(read({ service: 'api' }));
    expect(inputs).toMatchObject({
      cluster: 'default',
      service: 'api',
      'force-new-deployment': false,
      'circuit-breaker': 'keep',
      strategy: { strategy: undefined },
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

  it('circuit-breaker: keep, on, off, and true/false (any case) as on/off', () => {
    for (const [raw, mode] of [['keep', 'keep'], ['on', 'on'], ['off', 'off'], ['true', 'on'], ['TRUE', 'on'], ['False', 'off']] as const) {
      expect(parseInputs(read({ service: 'api', 'circuit-breaker': raw }))['circuit-breaker']).toBe(mode);
    }
  });

  it('deployment strategy settings, hooks and the load balancer advanced configuration', () => {
    const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:smoke';
    const inputs = parseInputs(
      read({
        service: 'api',
        'deployment-strategy': 'CANARY',
        'bake-time': '1h',
        'canary-percent': '2.5',
        'canary-bake-time': '0',
        'lifecycle-hooks': `# smoke test before traffic\nPOST_SCALE_UP+POST_TEST_TRAFFIC_SHIFT=${lambda}\n`,
        'lifecycle-hook-role-arn': 'arn:aws:iam::123456789012:role/hooks',
        'alternate-target-group-arn': 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/abc',
      }),
    );
    expect(inputs.strategy).toEqual({
      strategy: 'CANARY',
      bakeTimeInMinutes: 60,
      linearStepPercent: undefined,
      linearStepBakeTimeInMinutes: undefined,
      canaryPercent: 2.5,
      canaryBakeTimeInMinutes: 0,
      lifecycleHooks: [{ hookTargetArn: lambda, roleArn: 'arn:aws:iam::123456789012:role/hooks', lifecycleStages: ['POST_SCALE_UP', 'POST_TEST_TRAFFIC_SHIFT'] }],
      advancedConfiguration: { alternateTargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/abc' },
    });
    expect(parseInputs(read({ service: 'api', 'deployment-strategy': 'blue_green' })).strategy.strategy).toBe('BLUE_GREEN');
  });

  it('render fields: words, lists, roles, storage, tags and update strategies', () => {
    const inputs = parseInputs(
      read({
        service: 'api',
        command: 'python -m serve --threads "2 4"',
        'entry-point': '["/bin/sh", "-c"]',
        'docker-labels': 'com.example.team=ml\ncom.example.tier=api',
        'log-configuration-log-driver': 'awslogs',
        'log-configuration-options': 'awslogs-group=/ecs/model\nawslogs-region=us-east-1\nawslogs-stream-prefix=ecs',
        'environment-files': 'arn:aws:s3:::cfg-bucket/a.env\n# second\narn:aws:s3:::cfg-bucket/b.env',
        'task-role-arn': 'arn:aws:iam::123456789012:role/model-task',
        'execution-role-arn': 'arn:aws:iam::123456789012:role/service-role/exec',
        'ephemeral-storage': '50 GiB',
        tags: 'app:component=model server\nteam=ml',
        'environment-variables-update-strategy': 'overwrite',
      }),
    );
    expect(inputs).toMatchObject({
      command: ['python', '-m', 'serve', '--threads', '2 4'],
      'entry-point': ['/bin/sh', '-c'],
      'docker-labels': [['com.example.team', 'ml'], ['com.example.tier', 'api']],
      'log-configuration': { logDriver: 'awslogs', options: [['awslogs-group', '/ecs/model'], ['awslogs-region', 'us-east-1'], ['awslogs-stream-prefix', 'ecs']] },
      'environment-files': ['arn:aws:s3:::cfg-bucket/a.env', 'arn:aws:s3:::cfg-bucket/b.env'],
      'task-role-arn': 'arn:aws:iam::123456789012:role/model-task',
      'execution-role-arn': 'arn:aws:iam::123456789012:role/service-role/exec',
      'ephemeral-storage': 50,
      tags: [['app:component', 'model server'], ['team', 'ml']],
      'environment-variables-update-strategy': 'overwrite',
      'secrets-update-strategy': 'merge',
    });
    expect(parseInputs(read({ service: 'api', tags: 'a=1, b=2' })).tags).toEqual([['a', '1'], ['b', '2']]);
  });

  it('service: one or several, each with its container, one per line or comma-separated', () => {
    expect(parseInputs(read({ service: 'api' }))).toMatchObject({ service: 'api', services: [{ service: 'api', containerName: undefined }], 'rollback-scope': 'all' });
    const many = parseInputs(read({ service: 'api=model-server\n# features\nfeatures=features\n', image: 'r/m:1', 'rollback-scope': 'failed' }));
    expect(many.services).toEqual([{ service: 'api', containerName: 'model-server' }, { service: 'features', containerName: 'features' }]);
    expect(many['rollback-scope']).toBe('failed');
    expect(parseInputs(read({ service: 'a, b,c' })).services.map((t) => t.service)).toEqual(['a', 'b', 'c']);
    // a single SERVICE=CONTAINER is the same as container-name
    expect(parseInputs(read({ service: 'api=web', image: 'r/m:1' }))['container-name']).toBe('web');
  });

  it('task-definition: a file, or a registered task definition to promote', () => {
    const arn = 'arn:aws:ecs:us-east-1:123456789012:task-definition/model-server:7';
    for (const [value, ref] of [
      [arn, arn],
      ['model-server', 'model-server'],
      ['model-server:7', 'model-server:7'],
      ['./taskdef', undefined],
      ['ecs/task-definition.json', undefined],
      ['taskdef.yaml', undefined],
    ] as const) {
      const inputs = parseInputs(read({ service: 'api', 'task-definition': value }));
      expect([inputs['task-definition-ref'], inputs['task-definition']]).toEqual(ref ? [ref, undefined] : [undefined, value]);
    }
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['neither service nor file', {}, /input 'task-definition'.*or a 'service'/],
    ['bad image', { service: 's', image: 'Registry/Model:1:2' }, /input 'image': got "Registry\/Model:1:2", expected an image reference/],
    ['short digest', { service: 's', image: 'r/m@sha256:abc' }, /input 'image'/],
    ['bad boolean', { service: 's', 'wait-for-deployment': 'yes' }, /input 'wait-for-deployment': got "yes", expected 'true' or 'false'/],
    ['mixed-case boolean', { service: 's', 'wait-for-deployment': 'tRUE' }, /input 'wait-for-deployment': got "tRUE", expected 'true' or 'false'/],
    ['bare number timeout', { service: 's', timeout: '30' }, /input 'timeout'.*duration with units/],
    ['tiny timeout', { service: 's', timeout: '1s' }, /input 'timeout'.*at least 10s/],
    ['negative count', { service: 's', 'desired-count': '-1' }, /input 'desired-count'/],
    ['malformed env list', { service: 's', 'environment-variables': 'A=1\nB' }, /input 'environment-variables': got "B"/],
    ['repeated env', { service: 's', 'environment-variables': 'A=1,A=2' }, /given twice/],
    ['secret not an arn', { service: 's', secrets: 'K=not a secret' }, /input 'secrets'.*ARN/],
    ['cpu words', { service: 's', cpu: 'lots' }, /input 'cpu'/],
    ['memory unit', { service: 's', memory: '2 TB' }, /input 'memory'/],
    ['region', { service: 's', region: 'mars' }, /input 'region'/],
    ['container without change', { service: 's', 'container-name': 'app' }, /input 'container-name'.*together with an input that changes a container \('image'/],
    ['task role not an ARN', { service: 's', 'task-role-arn': 'ecsTaskRole' }, /input 'task-role-arn': got "ecsTaskRole", expected an IAM role ARN/],
    ['execution role of a user', { service: 's', 'execution-role-arn': 'arn:aws:iam::123456789012:user/ci' }, /input 'execution-role-arn'.*IAM role ARN/],
    ['ephemeral storage below Fargate\'s', { service: 's', 'ephemeral-storage': '20' }, /input 'ephemeral-storage': got "20", expected whole GiB from 21 to 200/],
    ['ephemeral storage above', { service: 's', 'ephemeral-storage': '201 GiB' }, /input 'ephemeral-storage'.*21 to 200/],
    ['ephemeral storage fraction', { service: 's', 'ephemeral-storage': '30.5' }, /input 'ephemeral-storage'/],
    ['log driver unknown', { service: 's', 'log-configuration-log-driver': 'cloudwatch' }, /input 'log-configuration-log-driver': got "cloudwatch", expected one of the log drivers ECS supports: .*'awslogs'/],
    ['awslogs without group', { service: 's', 'log-configuration-log-driver': 'awslogs', 'log-configuration-options': 'awslogs-region=us-east-1' }, /input 'log-configuration-options'.*'awslogs-group'/],
    ['log options without driver', { service: 's', 'log-configuration-options': 'max-size=10m' }, /input 'log-configuration-options'.*with 'log-configuration-log-driver'/],
    ['environment file as s3 URL', { service: 's', 'environment-files': 's3://b/app.env' }, /input 'environment-files': got "s3:\/\/b\/app.env", expected an S3 object ARN/],
    ['environment file not .env', { service: 's', 'environment-files': 'arn:aws:s3:::bucket/app.json' }, /input 'environment-files'.*\.env/],
    ['eleven environment files', { service: 's', 'environment-files': Array.from({ length: 11 }, (_, i) => `arn:aws:s3:::bucket/${i}.env`).join('\n') }, /input 'environment-files'.*at most 10/],
    ['tag aws: prefix', { service: 's', tags: 'aws:owner=me' }, /input 'tags': got "aws:owner=me", expected a tag key not starting with 'aws:'/],
    ['tag key too long', { service: 's', tags: `${'k'.repeat(129)}=v` }, /input 'tags'.*at most 128/],
    ['tag value too long', { service: 's', tags: `k=${'v'.repeat(257)}` }, /input 'tags'.*at most 256/],
    ['51 tags', { service: 's', tags: Array.from({ length: 51 }, (_, i) => `t${i}=v`).join('\n') }, /input 'tags'.*at most 50 tags/],
    ['tag without value sign', { service: 's', tags: 'team' }, /input 'tags': got "team", expected key=value/],
    ['tag twice', { service: 's', tags: 'a=1\na=2' }, /input 'tags'.*'a' is given twice/],
    ['command quote open', { service: 's', command: 'sh -c "serve' }, /input 'command'.*double quote is not closed/],
    ['entry point numbers', { service: 's', 'entry-point': '[1]' }, /input 'entry-point'.*JSON array of strings/],
    ['update strategy word', { service: 's', 'environment-variables-update-strategy': 'replace' }, /input 'environment-variables-update-strategy': got "replace", expected one of 'merge', 'overwrite'/],
    ['service listed twice', { service: 'a\nb\na' }, /input 'service': got "a", expected each service once; 'a' is given twice/],
    ['service line with a bad container', { service: 'a=model server\nb' }, /input 'service': got "a=model server", expected SERVICE=CONTAINER/],
    ['eleven services', { service: Array.from({ length: 11 }, (_, i) => `s${i}`).join('\n') }, /input 'service'.*at most 10 services/],
    ['per-service container and container-name', { service: 'a=web\nb=web', 'container-name': 'web', image: 'r/m:1' }, /input 'container-name'.*SERVICE=CONTAINER/],
    ['per-service container with a file', { service: 'a=web\nb', 'task-definition': 'td.json' }, /input 'service': got "a=web", expected service names without '=CONTAINER'/],
    ['service of another cluster in a list', { service: 'a\narn:aws:ecs:us-east-1:123456789012:service/other/b' }, /input 'service'.*names cluster 'other'/],
    ['rollback scope word', { service: 'a\nb', 'rollback-scope': 'some' }, /input 'rollback-scope': got "some", expected one of 'all', 'failed'/],
    ['render field with a registered task definition', { service: 's', 'task-definition': 'model-server:3', tags: 'a=b' }, /input 'tags'.*no value when 'task-definition' names a registered task definition/],
    ['desired count without service', { 'task-definition': 'td.json', 'desired-count': '2' }, /input 'desired-count'.*'service'/],
    ['attempts zero', { service: 's', 'max-attempts': '0' }, /input 'max-attempts'.*from 1 to 20/],
    ['circuit breaker word', { service: 's', 'circuit-breaker': 'maybe' }, /input 'circuit-breaker': got "maybe", expected one of 'true', 'false', 'keep', 'on', 'off'/],
    ['unknown strategy', { service: 's', 'deployment-strategy': 'red-black' }, /input 'deployment-strategy'.*'blue-green', 'linear', 'canary'/],
    ['bake time in seconds', { service: 's', 'deployment-strategy': 'blue-green', 'bake-time': '90s' }, /input 'bake-time'.*whole minutes/],
    ['bake time over a day', { service: 's', 'bake-time': '25h' }, /input 'bake-time'/],
    ['linear step too small', { service: 's', 'deployment-strategy': 'linear', 'linear-step-percent': '2' }, /input 'linear-step-percent'.*from 3 to 100/],
    ['canary setting with linear', { service: 's', 'deployment-strategy': 'linear', 'canary-percent': '5' }, /input 'canary-percent'.*deployment-strategy 'canary'/],
    ['hook stage unknown', { service: 's', 'lifecycle-hooks': 'PRE_DEPLOY=arn:aws:lambda:us-east-1:123456789012:function:f', 'lifecycle-hook-role-arn': 'arn:aws:iam::123456789012:role/r' }, /input 'lifecycle-hooks'.*'PRE_DEPLOY' is not one/],
    ['hook not a lambda', { service: 's', 'lifecycle-hooks': 'POST_SCALE_UP=https://example.com/hook', 'lifecycle-hook-role-arn': 'arn:aws:iam::123456789012:role/r' }, /input 'lifecycle-hooks'/],
    ['hooks without role', { service: 's', 'lifecycle-hooks': 'POST_SCALE_UP=arn:aws:lambda:us-east-1:123456789012:function:f' }, /input 'lifecycle-hook-role-arn'.*required with 'lifecycle-hooks'/],
    ['target group not an arn', { service: 's', 'alternate-target-group-arn': 'green' }, /input 'alternate-target-group-arn'/],
    ['image with a promoted task definition', { service: 's', 'task-definition': 'model-server:3', image: 'r/m:2' }, /input 'image'.*no value when 'task-definition' names a registered task definition/],
    ['promotion without service', { 'task-definition': 'model-server' }, /input 'service'.*registered task definition 'model-server'/],
    ['strategy without service', { 'task-definition': 'td.json', 'deployment-strategy': 'canary' }, /input 'deployment-strategy'.*'service'/],
  ])('rejects %s, naming the input', (_name, overrides, message) => {
    expect(() => parseInputs(read(overrides))).toThrow(InputError);
    expect(() => parseInputs(read(overrides))).toThrow(message);
  });

  it('reads exactly the inputs action.yml declares', () => {
    const declared = Object.keys(loadActionYml('deploy-ecs').inputs).sort();
    const source = readFileSync(join(repoRoot, 'actions/deploy-ecs/src/inputs.ts'), 'utf8');
    const read = [...source.matchAll(/(?:required|optional|read|parseKeyValues|parseBoolean|parseInteger|parseDuration|minutes|percent|arn|role|words)\('([a-z-]+)'/g)].map((m) => m[1]);
    expect([...new Set(read)].sort()).toEqual(declared);
  });
});
