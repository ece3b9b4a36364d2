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
