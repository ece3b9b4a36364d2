/**
 * Manifests as the OCI image spec and Docker's schema 2 define them: which media types are an
 * index (several platforms) or one image, and which image of an index we read.
 */
export const MediaType = {
  OciIndex: 'application/vnd.oci.image.index.v1+json',
  OciManifest: 'application/vnd.oci.image.manifest.v1+json',
  OciConfig: 'application/vnd.oci.image.config.v1+json',
  DockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  DockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  DockerConfig: 'application/vnd.docker.container.image.v1+json',
} as const;

/** What we ask a registry for, most specific first. */
export const MANIFEST_ACCEPT = [MediaType.OciIndex, MediaType.OciManifest, MediaType.DockerManifestList, MediaType.DockerManifest].join(', ');

const INDEX_TYPES = new Set<string>([MediaType.OciIndex, MediaType.DockerManifestList]);
const IMAGE_TYPES = new Set<string>([MediaType.OciManifest, MediaType.DockerManifest]);

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

export type ParsedManifest =
  | { kind: 'index'; mediaType: string; manifests: Descriptor[] }
  | { kind: 'image'; mediaType: string; config: Descriptor };

/**
 * Classifies manifest bytes. The body's own `mediaType` wins over the Content-Type header when
 * both are set (some registries answer text/plain); neither known means not an image.
 * Throws a lowercase message naming what came back.
 */
export function parseManifest(bytes: Uint8Array, contentType: string | undefined): ParsedManifest {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new Error(`the manifest is not JSON (Content-Type ${contentType || 'none'})`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('the manifest is not a JSON object');
  const m = doc as { mediaType?: unknown; schemaVersion?: unknown; manifests?: unknown; config?: unknown };
  const header = contentType?.split(';')[0]!.trim().toLowerCase();
  const mediaType = typeof m.mediaType === 'string' && m.mediaType !== '' ? m.mediaType : (header ?? '');
  // An OCI manifest may omit mediaType; its shape still says what it is.
  const kind = INDEX_TYPES.has(mediaType) ? 'index' : IMAGE_TYPES.has(mediaType) ? 'image' : Array.isArray(m.manifests) ? 'index' : m.config !== undefined && m.schemaVersion === 2 ? 'image' : undefined;
  if (kind === undefined) {
    const schema1 = m.schemaVersion === 1 ? ' (Docker schema 1, which has no config blob; push the image again with a current client)' : '';
    throw new Error(`it is not an image: the registry returned media type '${mediaType || 'none'}'${schema1}; expected an OCI image manifest or index, or a Docker v2 manifest or manifest list`);
  }
  if (kind === 'index') {
    if (!Array.isArray(m.manifests)) throw new Error(`the ${mediaType} has no 'manifests' list`);
    return { kind, mediaType, manifests: m.manifests.filter(isDescriptor) };
  }
  if (!isDescriptor(m.config)) throw new Error(`the ${mediaType || 'manifest'} has no valid 'config' descriptor`);
  return { kind, mediaType, config: m.config };
}

function isDescriptor(d: unknown): d is Descriptor {
  if (typeof d !== 'object' || d === null) return false;
  const x = d as Record<string, unknown>;
  return typeof x.digest === 'string' && typeof x.size === 'number' && (x.mediaType === undefined || typeof x.mediaType === 'string');
}

export interface PlatformChoice {
  descriptor: Descriptor;
  /** How it was chosen, for the log. */
  why: string;
}

/**
 * The image of an index we read labels from: linux/amd64 (the platform model servers run on
 * most), else the only image, else the first image. Attestation manifests (`unknown/unknown`,
 * or annotated as attestations by BuildKit) are never chosen.
 */
export function chooseImageManifest(manifests: readonly Descriptor[]): PlatformChoice | undefined {
  const images = manifests.filter(
    (d) =>
      (d.mediaType === undefined || IMAGE_TYPES.has(d.mediaType)) &&
      !(d.platform?.os === 'unknown' && d.platform.architecture === 'unknown') &&
      d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest',
  );
  const amd64 = images.find((d) => d.platform?.os === 'linux' && d.platform.architecture === 'amd64');
  if (amd64) return { descriptor: amd64, why: 'linux/amd64' };
  const first = images[0];
  if (!first) return undefined;
  const p = first.platform ? `${first.platform.os ?? '?'}/${first.platform.architecture ?? '?'}${first.platform.variant ? `/${first.platform.variant}` : ''}` : 'no platform';
  return { descriptor: first, why: images.length === 1 ? `the only image (${p})` : `the first image (${p}); no linux/amd64 in the index` };
}
