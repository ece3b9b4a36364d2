import { describe, expect, it } from '@jest/globals';
import { hostWithoutPort, isImageReference, parseImageReference, registryLocation } from '@ml-deploy/oci';

const D = `sha256:${'b'.repeat(64)}`;

describe('registryLocation', () => {
  it.each([
    ['HTTPS by default', 'registry.example/team/model:1', {}, { host: 'registry.example', repository: 'team/model', baseUrl: 'https://registry.example', insecure: false }],
    ['port kept', 'registry.example:8443/m', {}, { host: 'registry.example:8443', repository: 'm', baseUrl: 'https://registry.example:8443', insecure: false }],
    ['Docker Hub shorthand', 'nginx', {}, { host: 'registry-1.docker.io', repository: 'library/nginx', baseUrl: 'https://registry-1.docker.io', insecure: false }],
    ['Docker Hub user repository', 'team/model', {}, { host: 'registry-1.docker.io', repository: 'team/model', baseUrl: 'https://registry-1.docker.io', insecure: false }],
    ['docker.io spelled out', 'docker.io/library/nginx:1', {}, { host: 'registry-1.docker.io', repository: 'library/nginx', baseUrl: 'https://registry-1.docker.io', insecure: false }],
    ['localhost is plain HTTP', 'localhost:5000/m', {}, { host: 'localhost:5000', repository: 'm', baseUrl: 'http://localhost:5000', insecure: true }],
    ['127.0.0.1 is plain HTTP', `127.0.0.1:41000/m@${D}`, {}, { host: '127.0.0.1:41000', repository: 'm', baseUrl: 'http://127.0.0.1:41000', insecure: true }],
    ['[::1] is plain HTTP', '[::1]:5000/m', {}, { host: '[::1]:5000', repository: 'm', baseUrl: 'http://[::1]:5000', insecure: true }],
    ['listed host:port', 'reg.lan:5000/m', { ML_DEPLOY_INSECURE_REGISTRIES: 'other.lan, reg.lan:5000' }, { host: 'reg.lan:5000', repository: 'm', baseUrl: 'http://reg.lan:5000', insecure: true }],
    ['listed host covers its ports', 'reg.lan:5000/m', { ML_DEPLOY_INSECURE_REGISTRIES: 'reg.lan' }, { host: 'reg.lan:5000', repository: 'm', baseUrl: 'http://reg.lan:5000', insecure: true }],
    ['listed with a scheme, case-insensitive', 'Reg.Lan/m', { ML_DEPLOY_INSECURE_REGISTRIES: 'http://REG.lan/' }, { host: 'reg.lan', repository: 'm', baseUrl: 'http://reg.lan', insecure: true }],
    ['another port of a listed host:port stays HTTPS', 'reg.lan:6000/m', { ML_DEPLOY_INSECURE_REGISTRIES: 'reg.lan:5000' }, { host: 'reg.lan:6000', repository: 'm', baseUrl: 'https://reg.lan:6000', insecure: false }],
    ['a name that only starts with localhost stays HTTPS', 'localhost.evil.example/m', {}, { host: 'localhost.evil.example', repository: 'm', baseUrl: 'https://localhost.evil.example', insecure: false }],
  ])('%s', (_name, text, env, want) => {
    const ref = parseImageReference(text);
    if (!isImageReference(ref)) throw new Error(ref.error);
    expect(registryLocation(ref, env)).toEqual(want);
  });
});

describe('hostWithoutPort', () => {
  it.each([
    ['reg.example:443', 'reg.example'],
    ['reg.example', 'reg.example'],
    ['[::1]:5000', '[::1]'],
    ['[::1]', '[::1]'],
  ])('%s', (host, want) => {
    expect(hostWithoutPort(host)).toBe(want);
  });
});
