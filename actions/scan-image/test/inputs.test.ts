import { expect, it } from '@jest/globals';
import { parseInputs } from '../src/inputs';

const parse = (o: Record<string, string | undefined>) => parseInputs((n) => ({ image: 'reg.example/m@sha256:' + 'a'.repeat(64), ...o })[n]);

it('defaults', () => {
  expect(parse({})).toMatchObject({ scanner: 'trivy', severity: 'HIGH', 'ignore-unfixed': false, 'report-only': false, 'sbom-format': 'cyclonedx' });
  expect(parse({ severity: 'critical' }).severity).toBe('CRITICAL');
});

it.each([
  [{ image: undefined }, "input 'image': got \"\", expected an image reference"],
  [{ image: 'Bad Ref' }, "input 'image': got \"Bad Ref\""],
  [{ scanner: 'clair' }, "input 'scanner': got \"clair\""],
  [{ severity: 'SEVERE' }, "input 'severity': got \"SEVERE\""],
  [{ 'ignore-unfixed': 'yes' }, "input 'ignore-unfixed': got \"yes\""],
  [{ 'report-only': '1' }, "input 'report-only': got \"1\""],
  [{ 'sbom-format': 'swid' }, "input 'sbom-format': got \"swid\""],
  [{ 'db-repository': 'ghcr.io/aquasecurity/trivy-db:2, Bad Repo' }, "input 'db-repository'"],
])('%j is refused with the input named', (o, message) => {
  expect(() => parse(o)).toThrow(message);
});

it.each([
  ['oci:/tmp/build/layout:v1', { kind: 'layout', dir: '/tmp/build/layout', tag: 'v1' }],
  ['oci:/tmp/build/layout', { kind: 'layout', dir: '/tmp/build/layout' }],
  ['oci:build/layout:model-7', { kind: 'layout', dir: 'build/layout', tag: 'model-7' }],
  ['./build/layout', { kind: 'layout', dir: './build/layout' }],
  ['../out/layout:build', { kind: 'layout', dir: '../out/layout', tag: 'build' }],
  ['/tmp/a:b/layout', { kind: 'layout', dir: '/tmp/a:b/layout' }],
  ['reg.example/m:v1', { kind: 'registry', ref: 'reg.example/m:v1' }],
])('image %s is %j', (image, target) => {
  expect(parse({ image }).target).toEqual(target);
});

it('oci: with no directory is refused, naming the input', () => {
  expect(() => parse({ image: 'oci:' })).toThrow("input 'image': got \"oci:\", expected an OCI layout directory after oci:");
});

it('grype: db-repository is the URL of a database listing; it writes no SPDX', () => {
  expect(parse({ scanner: 'grype', 'db-repository': 'https://mirror.example/grype/databases/v6/latest.json' })).toMatchObject({ scanner: 'grype', 'db-repository': 'https://mirror.example/grype/databases/v6/latest.json', 'sbom-format': 'cyclonedx' });
  expect(() => parse({ scanner: 'grype', 'db-repository': 'ghcr.io/aquasecurity/trivy-db:2' })).toThrow(
    "input 'db-repository': got \"ghcr.io/aquasecurity/trivy-db:2\", expected with scanner grype, the http(s) URL of a database listing",
  );
  expect(() => parse({ scanner: 'grype', 'sbom-format': 'spdx' })).toThrow("input 'sbom-format': got \"spdx\", expected cyclonedx with scanner grype (grype writes its SBOM as CycloneDX only)");
  // Trivy keeps taking OCI repositories, and SPDX.
  expect(() => parse({ 'db-repository': 'https://mirror.example/latest.json' })).toThrow("input 'db-repository'");
  expect(parse({ 'sbom-format': 'spdx' })['sbom-format']).toBe('spdx');
});
