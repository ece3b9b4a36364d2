/**
 * Several hundred inputs a hurried user or an attacker would write, each either accepted or refused
 * by parseInputs before any cloud call, naming the input at fault. Every refusal is also checked
 * for how it shows the value: one line, no raw control or invisible character, no workflow
 * command, cut to a readable length.
 */
import { describe, expect, it } from '@jest/globals';
import { InputError } from '@ml-deploy/action-kit';
import { inputReader } from '@ml-deploy/test/action-yml';
import { parseInputs } from '../src/inputs';

const read = (overrides: Record<string, string>) => inputReader('deploy-ecs', overrides);
const ACCT = '123456789012';
const D = 'c'.repeat(64);

type Case = [label: string, overrides: Record<string, string>, expected: 'ok' | { input: string; match?: RegExp }];
const cases: Case[] = [];
const ok = (label: string, o: Record<string, string>) => cases.push([label, { service: 'api', ...o }, 'ok']);
const bad = (label: string, o: Record<string, string>, input: string, match?: RegExp) =>
  cases.push([label, { service: 'api', ...o }, match ? { input, match } : { input }]);

// ---- cluster
for (const c of ['default', 'ml-prod', 'a_b-C9', 'x'.repeat(255), `arn:aws:ecs:us-east-1:${ACCT}:cluster/prod`, `arn:aws-cn:ecs:cn-north-1:${ACCT}:cluster/prod`, `arn:aws-eusc:ecs:eusc-de-east-1:${ACCT}:cluster/prod`]) {
  ok(`cluster ${c.slice(0, 40)}`, { cluster: c });
}
for (const c of ['prod cluster', 'prod/cluster', 'x'.repeat(256), 'prod;rm -rf /', 'prod\n::set-output name=x::y', `arn:aws:ecs:us-east-1:${ACCT}:service/prod`, `arn:aws:ecs:us-east-1:123:cluster/prod`, `arn:aws-cn:ecs:us-east-1:${ACCT}:cluster/prod`, `arn:aws:ecs:us-east-1:${ACCT}:cluster/a/b`, 'prod\u200b', 'pröd', '$(whoami)', '${{ secrets.X }}', 'prod.cluster', ':prod']) {
  bad(`cluster ${JSON.stringify(c).slice(0, 40)}`, { cluster: c }, 'cluster');
}

// ---- service
for (const s of ['api', 'model-server_2', 'x'.repeat(255), `arn:aws:ecs:us-east-1:${ACCT}:service/default/api`, `arn:aws:ecs:us-east-1:${ACCT}:service/api`, `arn:aws-us-gov:ecs:us-gov-west-1:${ACCT}:service/default/api`]) {
  ok(`service ${s.slice(0, 40)}`, { service: s });
}
for (const s of ['my api', 'api/v2', 'x'.repeat(256), `arn:aws:ecs:us-east-1:${ACCT}:service/other/api`, `arn:aws:ecs:us-east-1:${ACCT}:service/a/b/c`, `arn:aws:ecs:us-east-1:${ACCT}:task/default/abc`, 'api\rx', 'api\u202e', `arn:aws:ecs:nowhere:${ACCT}:service/api`, 'api:1', '../api']) {
  bad(`service ${JSON.stringify(s).slice(0, 40)}`, { service: s }, 'service');
}

// ---- region
for (const r of ['us-east-1', 'eu-west-3', 'ap-southeast-7', 'us-gov-west-1', 'cn-northwest-1', 'eusc-de-east-1', 'us-iso-east-1', 'us-isob-east-1', 'il-central-1', 'mx-central-1', 'ca-west-1']) {
  ok(`region ${r}`, { region: r });
}
for (const r of ['US-EAST-1', 'us-east', 'useast1', 'us_east_1', 'us-east-1a', 'us-east-1 ', ' ', 'us-east-1\n', 'eu-west-3; echo', 'global', 'us-east-100', 'us‐east‐1']) {
  if (r.trim() === '' || r === 'us-east-1 ' || r === 'us-east-1\n') continue; // trimmed or empty: the input is unset or valid
  bad(`region ${JSON.stringify(r)}`, { region: r }, 'region');
}

// ---- booleans (the toolkit's YAML 1.2 core schema words)
for (const name of ['force-new-deployment', 'wait-for-deployment', 'rollback-on-failure']) {
  for (const v of ['true', 'True', 'TRUE', 'false', 'False', 'FALSE', ' true ']) ok(`${name}=${v}`, { [name]: v });
  for (const v of ['yes', 'no', '1', '0', 'on', 'off', 'tRUE', 'ture', '', 'true\u200b', 'true,false']) {
    if (v === '') continue; // empty: the runner gives the default
    bad(`${name}=${JSON.stringify(v)}`, { [name]: v }, name);
  }
}

// ---- durations
for (const v of ['30m', '1h', '1h30m', '90s', '10s', '6h', '45m30s', '1h0m0s']) ok(`timeout ${v}`, { timeout: v });
for (const v of ['30', '30m30m', '30s1m', '1m1m1s', '5s', '7h', '-5m', '30 m', '30min', '1d', 'PT30M', 'm30', '1h 30m', '30m\n30m', '1e3s', '0.1s', 'Infinityh', '999999999999h']) {
  bad(`timeout ${JSON.stringify(v)}`, { timeout: v }, 'timeout');
}

// ---- integers
for (const v of ['0', '1', '4', '100']) ok(`desired-count ${v}`, { 'desired-count': v });
for (const v of ['-1', '1.5', '1e3', 'four', '0x10', '99999999999999999999', '٣']) bad(`desired-count ${v}`, { 'desired-count': v }, 'desired-count');
for (const v of ['0', '-1', '2.0', 'x']) bad(`max-failed-tasks ${v}`, { 'max-failed-tasks': v }, 'max-failed-tasks');
for (const v of ['0', '21', '3.5', 'many']) bad(`max-attempts ${v}`, { 'max-attempts': v }, 'max-attempts');
for (const v of ['1', '20', '5']) ok(`max-attempts ${v}`, { 'max-attempts': v });

// ---- images
for (const v of ['registry.example/model:1', `registry.example/model@sha256:${D}`, `${ACCT}.dkr.ecr.us-east-1.amazonaws.com/team/model:v1.2.3`, 'nginx', 'localhost:5000/m:latest', 'ghcr.io/org/model:sha-abc']) {
  ok(`image ${v.slice(0, 40)}`, { image: v });
}
for (const v of ['Registry.example/Model:1', 'model:tag:extra', 'model@sha256:abc', `model@sha256:${D.toUpperCase()}`, `model@sha256:${D}0`, 'model :1', 'model:', `r.example/${'a'.repeat(250)}:1`, `r.example/${D}`, D, 'model:1\n::error::x', 'model:ta g', 'model:-tag', '', 'r.example/model:1\u200b']) {
  if (v === '') continue;
  bad(`image ${JSON.stringify(v).slice(0, 40)}`, { image: v }, 'image');
}

// ---- environment variables
for (const v of ['A=1', 'A=1\nB=2', 'A=1,B=2', 'A="a,b"', 'A=', 'A=1\r\nB=2\r\n', '# c\nA=1', 'A=x=y', `A=${'v'.repeat(1000)}`]) ok(`env ${JSON.stringify(v).slice(0, 30)}`, { 'environment-variables': v });
for (const v of ['A', '=1', '1A=x', 'A B=1', 'A=1\nA=2', 'A=1\rB=2', 'A=a\rb', 'A="unclosed', 'A="x"y', `A=${'v'.repeat(70 * 1024)}`, 'A-\u2010B=1', 'A\u200b=1', '$(id)=1']) {
  bad(`env ${JSON.stringify(v).slice(0, 30)}`, { 'environment-variables': v }, 'environment-variables');
}

// ---- secrets: what can name a secret ECS reads, and what never can
const sm = (region: string, rest: string, partition = 'aws') => `arn:${partition}:secretsmanager:${region}:${ACCT}:secret:${rest}`;
const ssm = (region: string, rest: string, partition = 'aws') => `arn:${partition}:ssm:${region}:${ACCT}:parameter${rest}`;
const goodSecrets = [
  sm('us-east-1', 'api-key-AbCdEf'),
  sm('us-east-1', 'prod/api-key-AbCdEf'),
  sm('us-east-1', 'api-key-AbCdEf:password::'),
  sm('us-east-1', 'api-key-AbCdEf:password:AWSCURRENT:'),
  sm('us-east-1', 'api-key-AbCdEf::AWSPREVIOUS:'),
  sm('us-east-1', 'api-key-AbCdEf:::0e1c3c3e-8e8a-4a5c-9d1e-1f2a3b4c5d6e'),
  sm('cn-north-1', 'k', 'aws-cn'),
  sm('us-gov-west-1', 'k', 'aws-us-gov'),
  sm('eusc-de-east-1', 'k', 'aws-eusc'),
  sm('eu-west-1', 'k'),
  ssm('us-east-1', '/prod/db/password'),
  ssm('us-east-1', '/name'),
  ssm('us-east-1', '/name:3'),
  'api-key',
  '/prod/api/key',
  '/aws/reference/secretsmanager/api-key',
  `/${Array.from({ length: 15 }, (_, i) => `l${i}`).join('/')}`,
  `/${'p'.repeat(1010)}`,
];
goodSecrets.forEach((v, i) => ok(`secret ok ${i} ${v.slice(-30)}`, { secrets: `S=${v}`, region: v.startsWith('arn:') ? v.split(':')[3]! : 'us-east-1' }));
const badSecrets: Array<[string, RegExp]> = [
  [sm('us-east-1', ''), /name after 'secret:' is empty/],
  [sm('us-east-1', ':password::'), /empty/],
  [sm('us-east-1', 'k:a:b:c:d'), /5 fields/],
  [sm('us-east-1', 'k:a:b:c:d:e:f'), /7 fields/],
  [sm('us-east-1', 'k::AWSCURRENT:0e1c3c3e'), /not both/],
  [sm('us-east-1', 'k!'), /characters/],
  [`arn:aws:secretsmanager:us-east-1:${ACCT}:k`, /secret:<name>/],
  [ssm('us-east-1', ''), /parameter/],
  [ssm('us-east-1', '/'), /names no parameter/],
  [`arn:aws:ssm:us-east-1:${ACCT}:document/x`, /parameter\/<name>/],
  [ssm('us-east-1', `/${Array.from({ length: 16 }, (_, i) => `l${i}`).join('/')}`), /16 levels/],
  ['awsKey', /reserves/],
  ['AWS-key', /reserves/],
  ['ssm_param', /reserves/],
  ['SSMparam', /reserves/],
  [`/${Array.from({ length: 16 }, (_, i) => `l${i}`).join('/')}`, /16 levels/],
  [`/${'p'.repeat(1011)}`, /1012 characters/],
  ['p'.repeat(1012), /1012 characters/],
  ['prod/api/key', /starts with '\/'/],
  ['/prod//key', /empty level/],
  ['/prod/key/', /empty level/],
  ['a b', /only letters/],
  ['key$', /only letters/],
  [sm('us-east-1', 'k', 'aws-cn'), /partition 'aws-cn' does not hold region us-east-1/],
  [sm('cn-north-1', 'k'), /partition 'aws' does not hold region cn-north-1/],
  [sm('us-gov-east-1', 'k'), /aws-us-gov/],
  [sm('eusc-de-east-1', 'k'), /aws-eusc/],
  [sm('cn-north-1', 'k', 'aws-cn'), /cannot read across partitions/],
  [sm('us-east-1', 'api\u2010key'), /U\+2010, a look-alike of '-'/],
  [sm('us-east-1', 'api\u2011key'), /U\+2011/],
  [sm('us-east-1', 'api\u2013key'), /U\+2013/],
  [sm('us-east-1', 'api\u2212key'), /U\+2212/],
  [sm('us-east-1', 'api\uff0dkey'), /U\+FF0D/],
  [sm('us\u2010east-1', 'k'), /look-alike/],
  [sm('us-east-1', 'api\u200bkey'), /invisible character U\+200B/],
  [sm('us-east-1', 'api\u200dkey'), /U\+200D/],
  [sm('us-east-1', 'api\ufeffkey'), /U\+FEFF/],
  [sm('us-east-1', 'api\u2060key'), /U\+2060/],
  ['/prod/ké', /U\+00E9/],
  ['projects/my-proj/secrets/api-key/versions/latest', /Google Secret Manager/],
  ['projects/my-proj/secrets/api-key', /Google Secret Manager/],
  ['https://vault1.vault.azure.net/secrets/k', /Azure Key Vault/],
  [`arn:aws:kms:us-east-1:${ACCT}:key/abc`, /not of 'kms'/],
  [`arn:aws:secretsmanager:us-east-1:12345:secret:k`, /12-digit/],
  [`arn:aws:secretsmanager:useast1:${ACCT}:secret:k`, /region/],
  ['arn:aws:secretsmanager', /six colon-separated/],
  ['', /NAME=/],
];
badSecrets.forEach(([v, m], i) => bad(`secret bad ${i} ${JSON.stringify(v).slice(-30)}`, { secrets: `S=${v}`, region: 'us-east-1' }, 'secrets', m));
// secret references checked against the partition of the region the action reads from AWS_REGION too
bad('secret in another partition than the region', { secrets: `S=${sm('cn-north-1', 'k', 'aws-cn')}`, region: 'eu-west-1' }, 'secrets', /across partitions/);

// ---- required and combined
bad('neither service nor task definition', { service: '' }, 'task-definition');
bad('container-name alone', { 'container-name': 'app' }, 'container-name');
cases.push(['desired-count without service', { 'task-definition': 'td.json', 'desired-count': '2' }, { input: 'desired-count' }]);
cases.push(['force-new-deployment without service', { 'task-definition': 'td.json', 'force-new-deployment': 'true' }, { input: 'force-new-deployment' }]);
for (const v of ['256', '1024', '1 vCPU', '0.25 vCPU', '4 vcpu']) ok(`cpu ${v}`, { cpu: v });
for (const v of ['1 core', 'lots', '-256', '1,024']) bad(`cpu ${v}`, { cpu: v }, 'cpu');
for (const v of ['512', '2048', '2 GB', '0.5GB']) ok(`memory ${v}`, { memory: v });
for (const v of ['2 GiB', '2G', 'big', '-1']) bad(`memory ${v}`, { memory: v }, 'memory');

// ---- values far too long or full of invisible characters, anywhere
for (const name of ['cluster', 'service', 'image', 'region', 'timeout', 'desired-count']) {
  bad(`${name}: 5000 characters`, { [name]: 'x'.repeat(5000) }, name);
  bad(`${name}: control characters`, { [name]: 'a\u0000b\u001b[31mc\u0007' }, name);
  bad(`${name}: bidi override and zero-width`, { [name]: 'a\u202eb\u200bc' }, name);
}

/** How a refused value must look in the message: one line, visible, short. */
function expectSafeMessage(message: string): void {
  expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\ufeff]/u);
  expect(message).not.toMatch(/(^|\n)::/);
  expect(message.length).toBeLessThan(900);
}

describe('deploy-ecs inputs: a table of malformed and valid values', () => {
  it('has several hundred cases', () => {
    expect(cases.length).toBeGreaterThan(300);
  });

  it.each(cases)('%s', (_label, overrides, expected) => {
    if (expected === 'ok') {
      expect(() => parseInputs(read(overrides))).not.toThrow();
      return;
    }
    let thrown: unknown;
    try {
      parseInputs(read(overrides));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(InputError);
    const err = thrown as InputError;
    expect(err.input).toBe(expected.input);
    expect(err.message).toContain(`input '${expected.input}'`);
    if (expected.match) expect(err.message).toMatch(expected.match);
    expectSafeMessage(err.message);
  });
});
