import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentialsFromDockerConfig, dockerConfigPath, readDockerConfig } from '@ml-deploy/oci';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('credentialsFromDockerConfig', () => {
  it.each([
    ['docker/login-action: auth by host', { auths: { 'ghcr.io': { auth: b64('bot:ghp_token') } } }, 'ghcr.io', { credentials: { username: 'bot', password: 'ghp_token' } }],
    ['key with scheme and path', { auths: { 'https://reg.example:5000/v2/': { auth: b64('u:p') } } }, 'reg.example:5000', { credentials: { username: 'u', password: 'p' } }],
    ['password holding colons', { auths: { 'reg.example': { auth: b64('u:a:b:c') } } }, 'reg.example', { credentials: { username: 'u', password: 'a:b:c' } }],
    ['Docker Hub under its legacy key', { auths: { 'https://index.docker.io/v1/': { auth: b64('hub:pw') } } }, 'registry-1.docker.io', { credentials: { username: 'hub', password: 'pw' } }],
    ['username and password fields', { auths: { 'reg.example': { username: 'u', password: 'p' } } }, 'reg.example', { credentials: { username: 'u', password: 'p' } }],
    ['host case does not matter', { auths: { 'REG.example': { auth: b64('u:p') } } }, 'reg.example', { credentials: { username: 'u', password: 'p' } }],
    ['another port is another registry', { auths: { 'reg.example:5000': { auth: b64('u:p') } } }, 'reg.example', {}],
    ['other hosts only', { auths: { 'ghcr.io': { auth: b64('u:p') } } }, 'reg.example', {}],
    ['credential helper for the host', { credHelpers: { 'reg.example': 'ecr-login' } }, 'reg.example', { helper: 'ecr-login' }],
    ['credsStore for all hosts', { auths: { 'reg.example': {} }, credsStore: 'desktop' }, 'reg.example', { helper: 'desktop' }],
    ['empty file', {}, 'reg.example', {}],
    ['not an object', 'text', 'reg.example', {}],
  ])('%s', (_name, doc, host, want) => {
    expect(credentialsFromDockerConfig(doc, host)).toEqual(want);
  });

  it('refuses an auth entry that is not base64 of user:password, without echoing it', () => {
    const doc = { auths: { 'reg.example': { auth: b64('no-colon-secret') } } };
    expect(() => credentialsFromDockerConfig(doc, 'reg.example')).toThrow("the 'auth' entry for reg.example is not base64 of 'username:password'");
  });
});

describe('readDockerConfig', () => {
  it('reads $DOCKER_CONFIG/config.json, else ~/.docker/config.json; a missing file is no credentials', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docker-config-'));
    expect(dockerConfigPath({ DOCKER_CONFIG: dir })).toBe(join(dir, 'config.json'));
    expect(dockerConfigPath({ HOME: '/home/runner' })).toBe('/home/runner/.docker/config.json');
    expect(await readDockerConfig({ DOCKER_CONFIG: dir }, 'reg.example')).toEqual({ path: join(dir, 'config.json') });
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { 'reg.example': { auth: b64('u:p') } } }));
    expect(await readDockerConfig({ DOCKER_CONFIG: dir }, 'reg.example')).toEqual({ path: join(dir, 'config.json'), credentials: { username: 'u', password: 'p' } });
    writeFileSync(join(dir, 'config.json'), '{not json');
    await expect(readDockerConfig({ DOCKER_CONFIG: dir }, 'reg.example')).rejects.toThrow(`${join(dir, 'config.json')} is not valid JSON`);
  });
});
