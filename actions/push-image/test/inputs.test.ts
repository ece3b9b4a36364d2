import { describe, expect, it } from '@jest/globals';
import { SecretRegistry } from '@ml-deploy/action-kit';
import { parseInputs, parseSize } from '../src/inputs';
import { resolveAuth } from '../src/registry-auth';

const digest = `sha256:${'a'.repeat(64)}`;
const base = { source: `ci.example/model@${digest}`, target: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/model' };
const parse = (over: Record<string, string | undefined>, secrets = new SecretRegistry()) => {
  const all: Record<string, string | undefined> = { ...base, ...over };
  return parseInputs((n) => (all[n]?.trim() ? all[n] : undefined), secrets);
};

describe('push-image inputs', () => {
  it('defaults', () => {
    const i = parse({});
    expect(i).toMatchObject({ tags: [], mount: true, 'chunk-size': 16 * 1024 * 1024 });
    expect(i.source.ref.digest).toBe(digest);
    expect(i.target.auth).toBe('auto');
  });

  it.each([
    [{ source: undefined }, "input 'source': got \"\", expected an image reference (this input is required)"],
    [{ source: 'Bad/Ref' }, "input 'source': got \"Bad/Ref\", expected an image reference"],
    [{ source: 'ci.example/model' }, "input 'source': got \"ci.example/model\", expected an image reference with a tag or, better, a digest"],
    [{ target: 'x y' }, "input 'target': got \"x y\""],
    [{ tags: 'v1, -bad' }, "input 'tags': got \"-bad\", expected tags of letters"],
    [{ 'target-auth': 'oidc' }, "input 'target-auth': got \"oidc\""],
    [{ username: 'u' }, "input 'password': got \"\", expected a value: 'username' and 'password' go together"],
    [{ 'source-password': 'p' }, "input 'source-username'"],
    [{ 'target-auth': 'basic' }, "input 'username': got \"\", expected a user name ('target-auth: basic' needs 'username' and 'password')"],
    [{ 'chunk-size': '1KiB' }, "input 'chunk-size': got \"1KiB\", expected a size from 64KiB to 1GiB"],
    [{ 'chunk-size': '16MB' }, "input 'chunk-size': got \"16MB\""],
    [{ mount: 'yes' }, "input 'mount': got \"yes\""],
    [{ region: 'Frankfurt' }, "input 'region': got \"Frankfurt\", expected an AWS region"],
    [{ 'target-auth': 'ghcr', 'github-token': undefined }, "input 'github-token': got \"\", expected a token for ghcr.io"],
  ])('%j is refused with the input named', (over, message) => {
    expect(() => parse(over)).toThrow(message);
  });

  it('registers passwords and the token as secrets before any check can fail', () => {
    const secrets = new SecretRegistry();
    expect(() => parse({ username: 'u', password: 'hunter2-target', 'source-username': 'u', 'source-password': 'hunter2-source', 'github-token': 'ghs_abc', mount: 'nope' }, secrets)).toThrow("input 'mount'");
    expect(secrets.redact('hunter2-target hunter2-source ghs_abc')).toBe('*** *** ***');
  });

  it('sizes', () => {
    expect(parseSize('chunk-size', '64KiB')).toBe(65536);
    expect(parseSize('chunk-size', '5 MiB')).toBe(5 * 1024 * 1024);
    expect(parseSize('chunk-size', '1GiB')).toBe(1024 ** 3);
  });
});

describe('auto auth by registry host', () => {
  it.each([
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/m', undefined, 'ecr'],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/m', undefined, 'ecr'],
    ['europe-west4-docker.pkg.dev/p/r/m', undefined, 'gcp'],
    ['gcr.io/p/m', undefined, 'gcp'],
    ['eu.gcr.io/p/m', undefined, 'gcp'],
    ['ghcr.io/org/m', undefined, 'ghcr'],
    ['acme.azurecr.io/m', 'sp-id', 'basic'],
    ['acme.azurecr.io/m', undefined, 'docker-config'],
    ['nginx', undefined, 'docker-config'],
  ])('%s (user %s) → %s', (target, username, want) => {
    const i = parse({ target, ...(username ? { username, password: 'p4ss' } : {}), 'github-token': 't0ken' });
    expect(resolveAuth(i.target)).toBe(want);
  });
});
