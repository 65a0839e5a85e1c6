import { comparePlatforms, samePlatform } from '../platforms/match.js';
import { isUnknownPlatform, normalizePlatform, type RawPlatform } from '../platforms/normalize.js';
import type { Platform } from '../platforms/platform.js';

export type { RawPlatform } from '../platforms/normalize.js';

/**
 * Media types of the manifest documents we read, from the OCI image spec
 * (https://github.com/opencontainers/image-spec/blob/v1.1.0/media-types.md) and Docker's distribution
 * specs (https://github.com/distribution/distribution/blob/main/docs/content/spec/manifest-v2-2.md and
 * manifest-v2-1.md for schema1).
 */
export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
  dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
} as const;

/**
 * Accept header values, most preferred first, for fetching any manifest kind. Indexes come first: we want
 * every platform of a tag, never the one a registry would pick for us.
 */
export const MANIFEST_ACCEPT: readonly string[] = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifest,
  MEDIA_TYPES.dockerSchema1Signed,
  MEDIA_TYPES.dockerSchema1,
];

/** https://github.com/opencontainers/image-spec/blob/v1.1.0/descriptor.md */
export interface Descriptor {
  mediaType?: string;
  digest: string;
  size: number;
  platform?: RawPlatform;
  annotations?: Record<string, string>;
  artifactType?: string;
}

export type ParsedManifest =
  | { kind: 'index'; mediaType: string; manifests: Descriptor[] }
  | { kind: 'manifest'; mediaType: string; config: Descriptor; artifactType?: string }
  | { kind: 'schema1'; mediaType: string; platform: Platform }
  | { kind: 'invalid'; reason: string };

type Kind = 'index' | 'manifest' | 'schema1';
type Json = Record<string, unknown>;

const KIND_OF: Readonly<Record<string, Kind>> = {
  [MEDIA_TYPES.ociIndex]: 'index',
  [MEDIA_TYPES.dockerList]: 'index',
  [MEDIA_TYPES.ociManifest]: 'manifest',
  [MEDIA_TYPES.dockerManifest]: 'manifest',
  [MEDIA_TYPES.dockerSchema1]: 'schema1',
  [MEDIA_TYPES.dockerSchema1Signed]: 'schema1',
};

/**
 * Config media types that may hold an image config. Besides the two specified ones, a missing type and
 * the generic ones are allowed because some tools wrote them (containers/image fixtures use
 * application/octet-stream); the content must then still name an os and architecture.
 */
const IMAGE_CONFIG_TYPES = new Set<string>([
  MEDIA_TYPES.ociConfig,
  MEDIA_TYPES.dockerConfig,
  '',
  'application/octet-stream',
  'application/json',
]);

/** buildkit's attestation descriptors: https://github.com/moby/buildkit/blob/master/docs/attestations/attestation-storage.md */
const REFERENCE_TYPE_ANNOTATION = 'vnd.docker.reference.type';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Media type without parameters, lowercased; generic transport types say nothing about the document. */
function essence(contentType: string | undefined): string {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type === 'application/octet-stream' || type === 'text/plain'
    ? ''
    : type;
}

function decodeJson(bytes: Uint8Array): Json | string {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return `not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  return isObject(value) ? value : 'not a JSON object';
}

function rawPlatform(v: unknown): RawPlatform | undefined {
  if (!isObject(v)) return undefined;
  const out: RawPlatform = {};
  for (const key of ['os', 'architecture', 'variant', 'os.version'] as const) {
    const value = str(v[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** A descriptor, or why it is not one. Fields we do not use are dropped; unknown fields are allowed by the spec. */
function parseDescriptor(v: unknown, where: string): Descriptor | string {
  if (!isObject(v)) return `${where} is not an object`;
  if (typeof v.digest !== 'string') return `${where}.digest is not a string`;
  if (typeof v.size !== 'number' || !Number.isSafeInteger(v.size) || v.size < 0) {
    return `${where}.size is not a non-negative integer`;
  }
  const d: Descriptor = { digest: v.digest, size: v.size };
  if (str(v.mediaType) !== undefined) d.mediaType = str(v.mediaType);
  if (str(v.artifactType) !== undefined) d.artifactType = str(v.artifactType);
  const platform = rawPlatform(v.platform);
  if (platform) d.platform = platform;
  if (isObject(v.annotations)) {
    const entries = Object.entries(v.annotations).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    );
    d.annotations = Object.fromEntries(entries);
  }
  return d;
}

/** The media type a document without a usable one declares by its shape. */
function sniff(doc: Json): string | { reason: string } {
  if (typeof doc.schemaVersion === 'number' && doc.schemaVersion !== 1 && doc.schemaVersion !== 2) {
    return { reason: `unsupported schemaVersion ${doc.schemaVersion}` };
  }
  if (Array.isArray(doc.manifests)) return MEDIA_TYPES.ociIndex;
  // An image config has a `config` object too (the runtime config), but no digest in it and no schemaVersion.
  if (isObject(doc.config) && ('digest' in doc.config || doc.schemaVersion === 2)) {
    return doc.config.mediaType === MEDIA_TYPES.dockerConfig
      ? MEDIA_TYPES.dockerManifest
      : MEDIA_TYPES.ociManifest;
  }
  if (Array.isArray(doc.fsLayers) || doc.schemaVersion === 1) {
    return 'signatures' in doc ? MEDIA_TYPES.dockerSchema1Signed : MEDIA_TYPES.dockerSchema1;
  }
  if (typeof doc.architecture === 'string' || isObject(doc.rootfs)) {
    return { reason: 'an image config, not a manifest' };
  }
  return { reason: 'not a manifest: no manifests, config or fsLayers' };
}

/** schema1 carries the architecture at the top and the OS in the newest history entry's v1 JSON. */
function schema1Platform(doc: Json): Platform | string {
  const architecture = str(doc.architecture);
  if (!architecture) return 'schema1 manifest has no architecture';
  let v1: RawPlatform = {};
  const history = doc.history;
  if (Array.isArray(history) && isObject(history[0]) && typeof history[0].v1Compatibility === 'string') {
    try {
      v1 = rawPlatform(JSON.parse(history[0].v1Compatibility)) ?? {};
    } catch {
      // A broken v1Compatibility string only loses the OS; docker defaulted schema1 images to linux.
    }
  }
  return normalizePlatform({ ...v1, os: v1.os || 'linux', architecture });
}

/**
 * Parse manifest bytes; the mediaType field wins, else the content type, else sniff (manifests vs config
 * vs fsLayers); schemaVersion other than 2 (or 1 for schema1) is invalid. Never throws.
 * Specs: image-index.md and manifest.md of the OCI image spec, Docker manifest-v2-2.md and manifest-v2-1.md.
 */
export function parseManifest(bytes: Uint8Array, contentType?: string): ParsedManifest {
  const doc = decodeJson(bytes);
  if (typeof doc === 'string') return { kind: 'invalid', reason: doc };
  if (doc.mediaType !== undefined && typeof doc.mediaType !== 'string') {
    return { kind: 'invalid', reason: 'mediaType is not a string' };
  }
  const declared = str(doc.mediaType) || essence(contentType);
  const mediaType = declared || sniff(doc);
  if (typeof mediaType !== 'string') return { kind: 'invalid', reason: mediaType.reason };
  const kind = KIND_OF[mediaType];
  if (!kind) return { kind: 'invalid', reason: `unsupported media type ${mediaType}` };

  const version = kind === 'schema1' ? 1 : 2;
  if (doc.schemaVersion !== version) {
    return {
      kind: 'invalid',
      reason: `schemaVersion ${JSON.stringify(doc.schemaVersion)} for ${mediaType}, expected ${version}`,
    };
  }
  switch (kind) {
    case 'index': {
      if (!Array.isArray(doc.manifests))
        return { kind: 'invalid', reason: `${mediaType} without a manifests array` };
      const manifests: Descriptor[] = [];
      for (const [i, entry] of doc.manifests.entries()) {
        const d = parseDescriptor(entry, `manifests[${i}]`);
        if (typeof d === 'string') return { kind: 'invalid', reason: d };
        manifests.push(d);
      }
      return { kind, mediaType, manifests };
    }
    case 'manifest': {
      const config = parseDescriptor(doc.config, 'config');
      if (typeof config === 'string') return { kind: 'invalid', reason: config };
      const artifactType = str(doc.artifactType);
      return artifactType === undefined
        ? { kind, mediaType, config }
        : { kind, mediaType, config, artifactType };
    }
    case 'schema1': {
      const platform = schema1Platform(doc);
      return typeof platform === 'string'
        ? { kind: 'invalid', reason: platform }
        : { kind, mediaType, platform };
    }
    default: {
      const unreachable: never = kind;
      return { kind: 'invalid', reason: `unhandled kind ${String(unreachable)}` };
    }
  }
}

/** True for buildkit attestation manifests: annotation vnd.docker.reference.type, or platform unknown/unknown. */
export function isAttestation(d: Descriptor): boolean {
  if (d.annotations?.[REFERENCE_TYPE_ANNOTATION] !== undefined) return true;
  return d.platform !== undefined && isUnknownPlatform(normalizePlatform(d.platform));
}

/** Normalized, de-duplicated, sorted platforms of an index's image children (attestations skipped; children without platform ignored). */
export function indexPlatforms(manifests: readonly Descriptor[]): Platform[] {
  const out: Platform[] = [];
  for (const d of manifests) {
    if (!d.platform || isAttestation(d)) continue;
    const p = normalizePlatform(d.platform);
    if (!out.some((q) => samePlatform(p, q))) out.push(p);
  }
  return out.sort(comparePlatforms);
}

/**
 * Why an index that names no image platform is not an image we can judge, or undefined when it names one. An
 * empty index, or one listing only other indexes (nested, which a runtime follows one level at most and we do
 * not read over HTTP), or only attestations, is unknown, not "an image for no platform": a mismatch finding
 * would blame the wrong thing.
 */
export function emptyIndexReason(manifests: readonly Descriptor[]): string | undefined {
  if (indexPlatforms(manifests).length > 0) return undefined;
  if (manifests.length === 0) return 'the image index is empty: it lists no manifests';
  const nested = manifests.filter((d) => d.mediaType !== undefined && KIND_OF[d.mediaType] === 'index');
  if (nested.length === manifests.length) {
    return `the image index lists only other indexes (${nested.length}), not images: nested indexes are not followed`;
  }
  return 'the image index lists no container image platform (only attestations or entries without a platform)';
}

/**
 * Whether a config of this media type can be an image config (so its blob is worth reading). Artifacts
 * (Helm charts, the OCI empty descriptor, signatures) declare their own config media type.
 */
export function isImageConfigMediaType(mediaType: string | undefined): boolean {
  return IMAGE_CONFIG_TYPES.has((mediaType ?? '').split(';')[0]!.trim().toLowerCase());
}

/**
 * Platform of an image config blob (OCI or Docker config: os, architecture, variant, os.version); an error
 * when it is not an image config (e.g. artifacts, Helm chart configs) or cannot be read.
 * https://github.com/opencontainers/image-spec/blob/v1.1.0/config.md#properties
 */
export function platformFromConfig(
  bytes: Uint8Array,
  configMediaType?: string,
): Platform | { error: string; cause: 'invalid' | 'not-an-image' } {
  const notAnImage = (error: string) => ({ error, cause: 'not-an-image' as const });
  if (!isImageConfigMediaType(configMediaType)) {
    return notAnImage(`config media type ${configMediaType}: not a container image`);
  }
  const doc = decodeJson(bytes);
  if (typeof doc === 'string') return { error: `config is ${doc}`, cause: 'invalid' };
  const raw = rawPlatform(doc) ?? {};
  if (!raw.os || !raw.architecture)
    return notAnImage('config names no os and architecture: not a container image');
  const platform = normalizePlatform(raw);
  if (isUnknownPlatform(platform))
    return notAnImage('config platform is unknown/unknown (an attestation, not an image)');
  return platform;
}
