import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Test images built from bytes: blobs, configs, manifests and indexes in the OCI image spec's and Docker's
 * formats (https://github.com/opencontainers/image-spec/blob/v1.1.0/manifest.md, image-index.md,
 * Docker manifest-v2-2.md). Every value carries its exact bytes, so digests are what a registry computes.
 */
export interface Blob {
  mediaType: string;
  bytes: Buffer;
  digest: string;
  size: number;
}

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
export const DOCKER_LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

export function blob(mediaType: string, content: string | Buffer): Blob {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    mediaType,
    bytes,
    digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    size: bytes.length,
  };
}

const descriptor = (b: Blob) => ({ mediaType: b.mediaType, digest: b.digest, size: b.size });

/** A gzip of an empty tar (two zero blocks), distinct per `salt` so images do not share layers by accident. */
function layer(mediaType: string, salt: string): Blob {
  const tar = Buffer.alloc(1024 + 512 * (salt.length % 3));
  return blob(mediaType, gzipSync(Buffer.concat([tar, Buffer.from(salt)])));
}

export interface PlatformSpec {
  os: string;
  architecture: string;
  variant?: string;
}

/** One image: its manifest, config and layer. `docker` selects Docker schema2 media types. */
export interface Image {
  manifest: Blob;
  config: Blob;
  layers: Blob[];
  platform: PlatformSpec;
}

export function image(platform: PlatformSpec, opts: { docker?: boolean; salt?: string } = {}): Image {
  const docker = opts.docker ?? false;
  const salt = opts.salt ?? `${platform.os}/${platform.architecture}/${platform.variant ?? ''}`;
  const l = layer(docker ? DOCKER_LAYER : OCI_LAYER, salt);
  const config = blob(
    docker ? DOCKER_CONFIG : OCI_CONFIG,
    JSON.stringify({
      ...platform,
      created: '2026-01-01T00:00:00Z',
      config: { Labels: { salt } },
      rootfs: { type: 'layers', diff_ids: [`sha256:${'0'.repeat(64)}`] },
    }),
  );
  const manifest = blob(
    docker ? DOCKER_MANIFEST : OCI_MANIFEST,
    JSON.stringify({
      schemaVersion: 2,
      mediaType: docker ? DOCKER_MANIFEST : OCI_MANIFEST,
      config: descriptor(config),
      layers: [descriptor(l)],
    }),
  );
  return { manifest, config, layers: [l], platform };
}

/** A buildkit attestation manifest for `subject`: in-toto layer, unknown/unknown platform in the index. */
export function attestation(subject: Image): Image {
  const statement = blob(
    'application/vnd.in-toto+json',
    JSON.stringify({ _type: 'https://in-toto.io/Statement/v0.1', subject: subject.manifest.digest }),
  );
  const config = blob(
    OCI_CONFIG,
    JSON.stringify({
      architecture: 'unknown',
      os: 'unknown',
      config: {},
      rootfs: { type: 'layers', diff_ids: [statement.digest] },
    }),
  );
  const manifest = blob(
    OCI_MANIFEST,
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: descriptor(config),
      layers: [
        {
          ...descriptor(statement),
          annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' },
        },
      ],
    }),
  );
  return { manifest, config, layers: [statement], platform: { os: 'unknown', architecture: 'unknown' } };
}

/** An index over images; attestation children carry buildkit's annotations (attestation-storage.md). */
export interface Index {
  manifest: Blob;
  children: Image[];
}

export function index(children: Image[], opts: { docker?: boolean; attestations?: Image[] } = {}): Index {
  const mediaType = opts.docker ? DOCKER_LIST : OCI_INDEX;
  const entries: object[] = children.map((c) => ({ ...descriptor(c.manifest), platform: c.platform }));
  for (const a of opts.attestations ?? []) {
    const subject = JSON.parse(a.layers[0]!.bytes.toString()).subject as string;
    entries.push({
      ...descriptor(a.manifest),
      platform: a.platform,
      annotations: {
        'vnd.docker.reference.digest': subject,
        'vnd.docker.reference.type': 'attestation-manifest',
      },
    });
  }
  const manifest = blob(mediaType, JSON.stringify({ schemaVersion: 2, mediaType, manifests: entries }));
  return { manifest, children: [...children, ...(opts.attestations ?? [])] };
}

/** Everything a registry must hold for `top`, children before parents (Distribution's push order). */
export function contents(top: Image | Index): { blobs: Blob[]; manifests: Blob[] } {
  const images = 'children' in top ? top.children : [top];
  const blobs = images.flatMap((i) => [i.config, ...i.layers]);
  const manifests = images.map((i) => i.manifest);
  if ('children' in top) manifests.push(top.manifest);
  return { blobs, manifests };
}

/**
 * Writes an OCI image layout (image-layout.md) holding `images` under their tags, as skopeo's `oci:` reads it
 * (index.json entries annotated with org.opencontainers.image.ref.name).
 */
export async function writeOciLayout(dir: string, images: Record<string, Image | Index>): Promise<void> {
  await mkdir(path.join(dir, 'blobs', 'sha256'), { recursive: true });
  await writeFile(path.join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const entries: object[] = [];
  for (const [tag, top] of Object.entries(images)) {
    const { blobs, manifests } = contents(top);
    for (const b of [...blobs, ...manifests]) {
      await writeFile(path.join(dir, 'blobs', 'sha256', b.digest.slice('sha256:'.length)), b.bytes);
    }
    entries.push({ ...descriptor(top.manifest), annotations: { 'org.opencontainers.image.ref.name': tag } });
  }
  await writeFile(
    path.join(dir, 'index.json'),
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: entries }),
  );
}
