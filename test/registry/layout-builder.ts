import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256Digest } from '../../src/registry/digest.js';
import { type Descriptor, MEDIA_TYPES, type RawPlatform } from '../../src/registry/manifest.js';

/** `linux/arm/v7` -> `{os, architecture, variant}`, as a descriptor would carry it. */
export function raw(spec: string): RawPlatform {
  const [os = '', architecture = '', variant] = spec.split('/');
  return variant ? { os, architecture, variant } : { os, architecture };
}

const REF_NAME = 'org.opencontainers.image.ref.name';
const enc = new TextEncoder();

/**
 * Writes small OCI image layouts (image-layout.md) for tests: blobs are stored under their sha256, so
 * every helper returns the descriptor a parent would reference.
 */
export class LayoutBuilder {
  readonly blobs = new Map<string, Uint8Array>();
  readonly entries: Descriptor[] = [];

  /** Store content (JSON-encoded unless already a string) as a blob. */
  blob(content: unknown, mediaType?: string): Descriptor {
    const bytes = enc.encode(typeof content === 'string' ? content : JSON.stringify(content));
    const digest = sha256Digest(bytes);
    this.blobs.set(digest, bytes);
    return mediaType ? { mediaType, digest, size: bytes.length } : { digest, size: bytes.length };
  }

  /** An image manifest with a real config naming the platform; the descriptor carries the platform too. */
  image(platform: string, style: 'oci' | 'docker' = 'oci', withPlatform = true): Descriptor {
    const docker = style === 'docker';
    const config = this.blob(
      { ...raw(platform), rootfs: { type: 'layers', diff_ids: [] }, config: {} },
      docker ? MEDIA_TYPES.dockerConfig : MEDIA_TYPES.ociConfig,
    );
    const layer = this.blob(
      `layer for ${platform}`,
      docker ? 'application/vnd.docker.image.rootfs.diff.tar' : 'application/vnd.oci.image.layer.v1.tar',
    );
    const mediaType = docker ? MEDIA_TYPES.dockerManifest : MEDIA_TYPES.ociManifest;
    const manifest = this.blob({ schemaVersion: 2, mediaType, config, layers: [layer] }, mediaType);
    return withPlatform ? { ...manifest, platform: raw(platform) } : manifest;
  }

  /** A buildkit attestation manifest for `subject`, described the way buildkit lists it in an index. */
  attestation(subject: Descriptor, marked: 'annotation' | 'platform' | 'both' = 'both'): Descriptor {
    const config = this.blob(
      { architecture: 'unknown', os: 'unknown', rootfs: { type: 'layers', diff_ids: [] } },
      MEDIA_TYPES.ociConfig,
    );
    const statement = this.blob(
      '{"_type":"https://in-toto.io/Statement/v0.1"}',
      'application/vnd.in-toto+json',
    );
    const manifest = this.blob(
      { schemaVersion: 2, mediaType: MEDIA_TYPES.ociManifest, config, layers: [statement] },
      MEDIA_TYPES.ociManifest,
    );
    const annotations = {
      'vnd.docker.reference.digest': subject.digest,
      'vnd.docker.reference.type': 'attestation-manifest',
    };
    if (marked === 'annotation') return { ...manifest, annotations };
    if (marked === 'platform') return { ...manifest, platform: raw('unknown/unknown') };
    return { ...manifest, annotations, platform: raw('unknown/unknown') };
  }

  /** An OCI artifact whose config is not an image config (a Helm chart here). */
  artifact(): Descriptor {
    const config = this.blob({ name: 'chart', version: '1.0.0' }, 'application/vnd.cncf.helm.config.v1+json');
    const layer = this.blob('chart tarball', 'application/vnd.cncf.helm.chart.content.v1.tar+gzip');
    return this.blob(
      { schemaVersion: 2, mediaType: MEDIA_TYPES.ociManifest, config, layers: [layer] },
      MEDIA_TYPES.ociManifest,
    );
  }

  /** A Docker schema1 manifest (manifest-v2-1.md): the architecture on top, the OS in the v1 history. */
  schema1(architecture: string, os: string): Descriptor {
    const v1 = JSON.stringify({ id: 'a'.repeat(64), os, architecture });
    const doc = {
      schemaVersion: 1,
      name: 'x',
      tag: 't',
      architecture,
      fsLayers: [{ blobSum: 'sha256:' + '0'.repeat(64) }],
      history: [{ v1Compatibility: v1 }],
    };
    return this.blob(doc, MEDIA_TYPES.dockerSchema1);
  }

  index(children: Descriptor[], style: 'oci' | 'docker' = 'oci'): Descriptor {
    const mediaType = style === 'docker' ? MEDIA_TYPES.dockerList : MEDIA_TYPES.ociIndex;
    return this.blob({ schemaVersion: 2, mediaType, manifests: children }, mediaType);
  }

  /** Add an index.json entry tagged `name`, as skopeo writes it (no platform on the entry). */
  tag(name: string, d: Descriptor): this {
    this.entries.push({
      mediaType: d.mediaType,
      digest: d.digest,
      size: d.size,
      annotations: { [REF_NAME]: name },
    });
    return this;
  }

  async write(dir: string): Promise<void> {
    await mkdir(path.join(dir, 'blobs', 'sha256'), { recursive: true });
    await writeFile(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    await writeFile(
      path.join(dir, 'index.json'),
      JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPES.ociIndex, manifests: this.entries }),
    );
    for (const [digest, bytes] of this.blobs) {
      await writeFile(path.join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), bytes);
    }
  }
}

/** Path of a blob in a layout written by LayoutBuilder. */
export function blobPath(dir: string, d: Descriptor): string {
  return path.join(dir, 'blobs', 'sha256', d.digest.slice('sha256:'.length));
}
