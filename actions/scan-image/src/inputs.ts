/** scan-image inputs: the only place they are parsed; every check runs before the scanner does. */
import { InputError, type InputReader, parseBoolean, parseChoice } from '@ml-deploy/action-kit';
import { isImageReference, parseImageReference } from '@ml-deploy/oci';
import { SEVERITIES, type Severity } from '@ml-deploy/scan';

export interface Inputs {
  image: string;
  scanner: 'trivy';
  severity: Severity;
  'ignore-unfixed': boolean;
  'ignore-file': string | undefined;
  'report-only': boolean;
  'db-repository': string | undefined;
  'sbom-format': 'cyclonedx' | 'spdx';
  'output-dir': string | undefined;
}

export function parseInputs(read: InputReader): Inputs {
  const image = read('image')?.trim();
  if (image === undefined) throw new InputError('image', '', 'an image reference (this input is required)');
  const ref = parseImageReference(image);
  if (!isImageReference(ref)) throw new InputError('image', image, `an image reference such as registry/repo@sha256:<digest> (${ref.error})`);
  const scanner = parseChoice('scanner', read('scanner')?.trim() ?? 'trivy', ['trivy'] as const);
  const severity = parseChoice('severity', (read('severity')?.trim() ?? 'HIGH').toUpperCase(), SEVERITIES);
  const db = read('db-repository')?.trim();
  if (db !== undefined) {
    for (const r of db.split(',').map((x) => x.trim())) {
      const p = parseImageReference(r);
      if (!isImageReference(p)) throw new InputError('db-repository', db, `repository references such as ghcr.io/aquasecurity/trivy-db:2, comma-separated (${p.error})`);
    }
  }
  return {
    image,
    scanner,
    severity,
    'ignore-unfixed': parseBoolean('ignore-unfixed', read('ignore-unfixed') ?? 'false'),
    'ignore-file': read('ignore-file')?.trim(),
    'report-only': parseBoolean('report-only', read('report-only') ?? 'false'),
    'db-repository': db,
    'sbom-format': parseChoice('sbom-format', read('sbom-format')?.trim() ?? 'cyclonedx', ['cyclonedx', 'spdx'] as const),
    'output-dir': read('output-dir')?.trim(),
  };
}
