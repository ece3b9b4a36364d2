/** scan-image inputs: the only place they are parsed; every check runs before the scanner does. */
import { InputError, type InputReader, parseBoolean, parseChoice } from '@ml-deploy/action-kit';
import { isImageReference, parseImageReference } from '@ml-deploy/oci';
import { SEVERITIES, type Severity } from '@ml-deploy/scan';

/** What to scan: an image in a registry, or an OCI image layout directory on disk. */
export type Target = { kind: 'registry'; ref: string } | { kind: 'layout'; dir: string; tag?: string };

export interface Inputs {
  image: string;
  target: Target;
  scanner: 'trivy' | 'grype';
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
  const target = parseTarget(image);
  const scanner = parseChoice('scanner', read('scanner')?.trim() ?? 'trivy', ['trivy', 'grype'] as const);
  const severity = parseChoice('severity', (read('severity')?.trim() ?? 'HIGH').toUpperCase(), SEVERITIES);
  const db = read('db-repository')?.trim();
  if (db !== undefined && scanner === 'grype') {
    // Grype downloads a listing (latest.json) that names the archive beside it.
    let url: URL | undefined;
    try {
      url = new URL(db);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol)) throw new InputError('db-repository', db, 'with scanner grype, the http(s) URL of a database listing, e.g. https://mirror.example/grype/databases/v6/latest.json');
  } else if (db !== undefined) {
    for (const r of db.split(',').map((x) => x.trim())) {
      const p = parseImageReference(r);
      if (!isImageReference(p)) throw new InputError('db-repository', db, `repository references such as ghcr.io/aquasecurity/trivy-db:2, comma-separated (${p.error})`);
    }
  }
  return {
    image,
    target,
    scanner,
    severity,
    'ignore-unfixed': parseBoolean('ignore-unfixed', read('ignore-unfixed') ?? 'false'),
    'ignore-file': read('ignore-file')?.trim(),
    'report-only': parseBoolean('report-only', read('report-only') ?? 'false'),
    'db-repository': db,
    'sbom-format': parseSbomFormat(read('sbom-format')?.trim() ?? 'cyclonedx', scanner),
    'output-dir': read('output-dir')?.trim(),
  };
}

/**
 * `oci:<dir>[:<tag>]` (as buildah/skopeo/podman name a layout), or a path starting with `/`, `./` or
 * `../` (a layout directory, tag optional after `:`): a layout on disk. Anything else: an image
 * reference. Whether the layout really is one is checked in run(), before the scan.
 */
export function parseTarget(image: string): Target {
  const path = image.startsWith('oci:') ? image.slice(4) : /^(\/|\.\.?\/)/.test(image) ? image : undefined;
  if (path === undefined) {
    const ref = parseImageReference(image);
    if (!isImageReference(ref)) {
      throw new InputError('image', image, `an image reference such as registry/repo@sha256:<digest>, or an OCI layout as oci:<dir>[:<tag>] or ./<dir> (${ref.error})`);
    }
    return { kind: 'registry', ref: image };
  }
  // A tag is what follows a ':' after the last '/' (the ref names buildah and skopeo write).
  const m = /^(.*[^/]):([A-Za-z0-9._-]+)$/.exec(path);
  const dir = m ? m[1]! : path;
  const tag = m ? m[2] : undefined;
  if (dir === '') throw new InputError('image', image, 'an OCI layout directory after oci:, e.g. oci:./build/layout:v1');
  return tag ? { kind: 'layout', dir, tag } : { kind: 'layout', dir };
}

function parseSbomFormat(value: string, scanner: Inputs['scanner']): Inputs['sbom-format'] {
  const f = parseChoice('sbom-format', value, ['cyclonedx', 'spdx'] as const);
  if (f === 'spdx' && scanner === 'grype') throw new InputError('sbom-format', value, 'cyclonedx with scanner grype (grype writes its SBOM as CycloneDX only)');
  return f;
}
