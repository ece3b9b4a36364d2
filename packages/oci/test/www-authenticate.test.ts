import { describe, expect, it } from '@jest/globals';
import { parseWwwAuthenticate } from '@ml-deploy/oci';

describe('parseWwwAuthenticate', () => {
  it.each([
    ['Docker Hub bearer', 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"', [{ scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/nginx:pull' } }]],
    ['scope with a comma inside quotes', 'Bearer realm="https://ghcr.io/token",scope="repository:o/m:pull,push"', [{ scheme: 'bearer', params: { realm: 'https://ghcr.io/token', scope: 'repository:o/m:pull,push' } }]],
    ['basic, distribution htpasswd', 'Basic realm="basic-realm"', [{ scheme: 'basic', params: { realm: 'basic-realm' } }]],
    ['scheme case and spaces after commas', 'bEaReR  Realm="https://a/t" , Service="s"', [{ scheme: 'bearer', params: { realm: 'https://a/t', service: 's' } }]],
    ['unquoted values', 'Bearer realm=https://a/t,service=s', [{ scheme: 'bearer', params: { realm: 'https://a/t', service: 's' } }]],
    ['escaped quote in a value', 'Basic realm="say \\"hi\\""', [{ scheme: 'basic', params: { realm: 'say "hi"' } }]],
    ['two challenges in one header', 'Basic realm="r", Bearer realm="https://a/t",service="s"', [{ scheme: 'basic', params: { realm: 'r' } }, { scheme: 'bearer', params: { realm: 'https://a/t', service: 's' } }]],
    ['bare scheme', 'Basic', [{ scheme: 'basic', params: {} }]],
    ['empty header', '', []],
    ['garbage', '=== "x"', []],
  ])('%s', (_name, header, want) => {
    expect(parseWwwAuthenticate(header)).toEqual(want);
  });
});
