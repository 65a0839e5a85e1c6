import { canonicalImage } from '../../images/reference.js';
import type { ImageRef } from '../../images/reference.js';
import { verifyDigest } from '../digest.js';
import {
  MANIFEST_ACCEPT,
  emptyIndexReason,
  indexPlatforms,
  isImageConfigMediaType,
  parseManifest,
  platformFromConfig,
} from '../manifest.js';
import type { ImageSource, Resolution } from '../source.js';
import type { RegistryClient } from './client.js';
import { apiUrl, describeEndpoint } from './endpoint.js';
import { type Failure, type FetchContext, fail, isFailure } from './failures.js';
import { checkManifestDigest, manifestPayload } from './integrity.js';

const ACCEPT = MANIFEST_ACCEPT.join(', ');

/**
 * Config blobs by digest for the whole run, shared by every endpoint: content-addressed and verified
 * before they are kept, so two repositories (or two tags) with one config cost one GET. A failed fetch is
 * not kept, so another repository may still succeed.
 */
export class BlobCache {
  readonly #blobs = new Map<string, Promise<Uint8Array | Failure>>();

  get(digest: string, fetch: () => Promise<Uint8Array | Failure>): Promise<Uint8Array | Failure> {
    let blob = this.#blobs.get(digest);
    if (!blob) {
      blob = fetch().then((result) => {
        if (isFailure(result)) this.#blobs.delete(digest);
        return result;
      });
      this.#blobs.set(digest, blob);
    }
    return blob;
  }
}

/**
 * Resolves references on one HTTP endpoint: the manifest with every manifest kind in Accept, its digest
 * checked, then an index's child platforms (attestations skipped) or a single manifest's platform from its
 * config blob. The OCI distribution spec: https://github.com/opencontainers/distribution-spec/blob/v1.1.0/spec.md#pulling-manifests
 *
 * `signal` is the shared work's deadline; de-duplication and per-caller cancellation live in the router.
 */
export class HttpImageSource implements ImageSource {
  readonly #client: RegistryClient;
  readonly #blobs: BlobCache;

  constructor(client: RegistryClient, blobs: BlobCache) {
    this.#client = client;
    this.#blobs = blobs;
  }

  async resolve(ref: ImageRef, signal: AbortSignal = new AbortController().signal): Promise<Resolution> {
    const endpoint = this.#client.endpoint;
    const image = canonicalImage(ref);
    const ctx: FetchContext = { endpoint, image, what: 'manifest' };
    const reference = ref.digest ?? ref.tag ?? 'latest';
    const got = await this.#client.get(
      apiUrl(endpoint, ref.repository, 'manifests', reference),
      ACCEPT,
      ctx,
      ref.repository,
      signal,
    );
    if (isFailure(got)) return got;
    const { body, headers } = got.response;
    const parsed = parseManifest(body, headers['content-type']);
    const checked = checkManifestDigest(
      manifestPayload(body, parsed),
      ref.digest,
      headers['docker-content-digest'],
    );
    if ('mismatch' in checked) {
      const { expected, actual, claimedBy } = checked.mismatch;
      const claim =
        claimedBy === 'reference'
          ? 'the digest the reference pins'
          : 'the Docker-Content-Digest the registry announced';
      return fail(
        'digest-mismatch',
        `the manifest ${describeEndpoint(endpoint)} served for ${image} hashes to ${actual}, not ${expected} (${claim}); ` +
          'the registry, a mirror or a proxy altered it: do not deploy it until the source is trusted',
      );
    }
    const { digest } = checked;
    switch (parsed.kind) {
      case 'invalid':
        return fail(
          'image-unresolved',
          `the manifest of ${image} on ${describeEndpoint(endpoint)} cannot be read: ${parsed.reason}`,
        );
      case 'index': {
        const empty = emptyIndexReason(parsed.manifests);
        if (empty) return fail('image-unresolved', `${image} on ${describeEndpoint(endpoint)}: ${empty}`);
        return { kind: 'index', digest, platforms: indexPlatforms(parsed.manifests) };
      }
      case 'schema1':
        return { kind: 'single', digest, platform: parsed.platform };
      case 'manifest': {
        const { config } = parsed;
        if (!isImageConfigMediaType(config.mediaType) || parsed.artifactType !== undefined) {
          const type = parsed.artifactType ?? config.mediaType;
          return fail(
            'image-unresolved',
            `${image} is an OCI artifact (${type}), not a container image: no platform to check`,
          );
        }
        const blob = await this.#configBlob(ref, image, config.digest, signal);
        if (isFailure(blob)) return blob;
        const platform = platformFromConfig(blob, config.mediaType);
        if ('error' in platform) return fail('image-unresolved', `the config of ${image}: ${platform.error}`);
        return { kind: 'single', digest, platform };
      }
      default: {
        const unreachable: never = parsed;
        return fail('image-unresolved', `unhandled manifest ${JSON.stringify(unreachable)}`);
      }
    }
  }

  #configBlob(
    ref: ImageRef,
    image: string,
    digest: string,
    signal: AbortSignal,
  ): Promise<Uint8Array | Failure> {
    const endpoint = this.#client.endpoint;
    return this.#blobs.get(digest, async () => {
      const ctx: FetchContext = { endpoint, image, what: 'config blob' };
      const got = await this.#client.get(
        apiUrl(endpoint, ref.repository, 'blobs', digest),
        undefined,
        ctx,
        ref.repository,
        signal,
      );
      if (isFailure(got)) return got;
      if (!verifyDigest(got.response.body, digest)) {
        return fail(
          'digest-mismatch',
          `the config blob of ${image} served by ${describeEndpoint(endpoint)} does not hash to ${digest}`,
        );
      }
      return got.response.body;
    });
  }
}
