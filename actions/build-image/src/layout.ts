/**
 * Reads an OCI image layout (what `buildah push ... oci:<dir>` or `docker buildx --output type=oci`
 * writes): the manifest (or index), each image's config and layers. The layout holds the blobs as
 * they are pushed (compressed), so its digests are the registry's.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface LayerInfo {
  digest: string;
  size: number;
}

export interface ImageInfo {
  platform: string;
  manifestDigest: string;
  configDigest: string;
  layers: LayerInfo[];
  labels: Record<string, string>;
}

export interface LayoutInfo {
  /** The digest a registry serves for the pushed reference (index digest for several platforms). */
  digest: string;
  mediaType: string;
  images: ImageInfo[];
}

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os: string; architecture: string; variant?: string };
}

async function blob(dir: string, digest: string): Promise<Buffer> {
  const [alg, hex] = digest.split(':');
  const bytes = await readFile(join(dir, 'blobs', alg!, hex!));
  const actual = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  if (actual !== digest) throw new Error(`OCI layout ${dir}: blob ${digest} has digest ${actual}`);
  return bytes;
}

async function image(dir: string, desc: Descriptor): Promise<ImageInfo> {
  const manifest = JSON.parse((await blob(dir, desc.digest)).toString('utf8')) as { config: Descriptor; layers: Descriptor[] };
  const config = JSON.parse((await blob(dir, manifest.config.digest)).toString('utf8')) as {
    os?: string;
    architecture?: string;
    variant?: string;
    config?: { Labels?: Record<string, string> };
  };
  return {
    platform: [config.os, config.architecture, config.variant].filter(Boolean).join('/'),
    manifestDigest: desc.digest,
    configDigest: manifest.config.digest,
    layers: manifest.layers.map((l) => ({ digest: l.digest, size: l.size })),
    labels: config.config?.Labels ?? {},
  };
}

export async function readLayout(dir: string): Promise<LayoutInfo> {
  const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { manifests: Descriptor[] };
  const top = index.manifests[0];
  if (!top) throw new Error(`OCI layout ${dir} has no image`);
  if (top.mediaType.includes('index') || top.mediaType.includes('manifest.list')) {
    const inner = JSON.parse((await blob(dir, top.digest)).toString('utf8')) as { manifests: Descriptor[] };
    return { digest: top.digest, mediaType: top.mediaType, images: await Promise.all(inner.manifests.map((d) => image(dir, d))) };
  }
  return { digest: top.digest, mediaType: top.mediaType, images: [await image(dir, top)] };
}
