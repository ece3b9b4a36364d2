import { describe, expect, it } from '@jest/globals';
import { chooseImageManifest, type Descriptor, MediaType, parseManifest } from '@ml-deploy/oci';

const d = (n: number, platform?: Descriptor['platform'], extra: Partial<Descriptor> = {}): Descriptor => ({
  mediaType: MediaType.OciManifest,
  digest: `sha256:${String(n).repeat(64).slice(0, 64)}`,
  size: 100 + n,
  ...(platform ? { platform } : {}),
  ...extra,
});
const arm64 = d(1, { os: 'linux', architecture: 'arm64' });
const amd64 = d(2, { os: 'linux', architecture: 'amd64' });
const armv7 = d(3, { os: 'linux', architecture: 'arm', variant: 'v7' });
const attestation = d(4, { os: 'unknown', architecture: 'unknown' }, { annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } });
const windows = d(5, { os: 'windows', architecture: 'amd64' });
const nested = d(6, undefined, { mediaType: MediaType.OciIndex });

describe('chooseImageManifest', () => {
  it.each([
    ['linux/amd64 wherever it is', [arm64, attestation, amd64], amd64, 'linux/amd64'],
    ['Docker manifest list entries', [{ ...amd64, mediaType: MediaType.DockerManifest }], { ...amd64, mediaType: MediaType.DockerManifest }, 'linux/amd64'],
    ['the only image, attestations aside', [attestation, arm64], arm64, 'the only image (linux/arm64)'],
    ['the first image when no amd64', [armv7, arm64], armv7, 'the first image (linux/arm/v7); no linux/amd64 in the index'],
    ['windows/amd64 is not linux/amd64', [windows, arm64], windows, 'the first image (windows/amd64); no linux/amd64 in the index'],
    ['an entry without platform', [d(7)], d(7), 'the only image (no platform)'],
    ['nested indexes are skipped', [nested, arm64], arm64, 'the only image (linux/arm64)'],
  ])('%s', (_name, entries, want, why) => {
    expect(chooseImageManifest(entries)).toEqual({ descriptor: want, why });
  });

  it.each([
    ['empty index', []],
    ['attestations only', [attestation]],
    ['nested indexes only', [nested]],
  ])('none: %s', (_name, entries) => {
    expect(chooseImageManifest(entries)).toBeUndefined();
  });
});

describe('parseManifest', () => {
  const config = { mediaType: MediaType.OciConfig, digest: `sha256:${'c'.repeat(64)}`, size: 10 };
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o));
  it.each([
    ['OCI manifest', enc({ schemaVersion: 2, mediaType: MediaType.OciManifest, config, layers: [] }), MediaType.OciManifest, 'image'],
    ['OCI manifest without mediaType, by header', enc({ schemaVersion: 2, config, layers: [] }), `${MediaType.OciManifest}; charset=utf-8`, 'image'],
    ['OCI manifest without mediaType or header', enc({ schemaVersion: 2, config, layers: [] }), undefined, 'image'],
    ['Docker manifest list', enc({ schemaVersion: 2, mediaType: MediaType.DockerManifestList, manifests: [amd64] }), 'text/plain', 'index'],
    ['OCI index by shape', enc({ schemaVersion: 2, manifests: [amd64] }), undefined, 'index'],
  ])('%s', (_name, bytes, contentType, kind) => {
    expect(parseManifest(bytes, contentType).kind).toBe(kind);
  });

  it.each([
    ['not JSON', Buffer.from('<html>'), 'text/html', /not JSON \(Content-Type text\/html\)/],
    ['an artifact media type', enc({ schemaVersion: 2, mediaType: 'application/vnd.cncf.helm.chart.v1+json', layers: [] }), undefined, /it is not an image: the registry returned media type 'application\/vnd.cncf.helm.chart.v1\+json'/],
    ['Docker schema 1', enc({ schemaVersion: 1, name: 'm', fsLayers: [] }), 'application/vnd.docker.distribution.manifest.v1+prettyjws', /schema 1, which has no config blob/],
    ['an image without config', enc({ schemaVersion: 2, mediaType: MediaType.OciManifest, layers: [] }), undefined, /no valid 'config' descriptor/],
    ['an array', enc([1]), undefined, /not a JSON object/],
  ])('rejects %s', (_name, bytes, contentType, why) => {
    expect(() => parseManifest(bytes, contentType)).toThrow(why);
  });
});
