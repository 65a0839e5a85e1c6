import { canonicalImage } from '../../images/reference.js';
import type { ImageRef } from '../../images/reference.js';
import type { RegistryCache } from '../cache/store.js';
import { parseDigest, verifyDigest } from '../digest.js';
import {
  MANIFEST_ACCEPT,
  type ParsedManifest,
  emptyIndexReason,
  indexPlatforms,
  isImageConfigMediaType,
  parseManifest,
  platformFromConfig,
} from '../manifest.js';
import {
  type ImageContent,
  type ImageSource,
  type Resolution,
  type ResolutionFailure,
  fail,
  isFailure,
} from '../source.js';
import type { RegistryClient } from './client.js';
import { httpContent } from './content.js';
import { apiUrl, describeEndpoint, repositoryPath } from './endpoint.js';
import type { FetchContext } from './failures.js';
import { checkManifestDigest, manifestPayload } from './integrity.js';
import type { UsageMeter } from './usage.js';

const ACCEPT = MANIFEST_ACCEPT.join(', ');

/**
 * Config blobs by digest for the whole run, shared by every endpoint: content-addressed and verified
 * before they are kept, so two repositories (or two tags) with one config cost one GET. A failed fetch is
 * not kept, so another repository may still succeed.
 */
export class BlobCache {
  readonly #blobs = new Map<string, Promise<Uint8Array | ResolutionFailure>>();

  get(
    digest: string,
    fetch: () => Promise<Uint8Array | ResolutionFailure>,
  ): Promise<Uint8Array | ResolutionFailure> {
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
 * With a cache, what is known by digest is not fetched again: a digest-pinned reference whose manifest
 * (and config) are cached costs no request at all; a tag read before is HEADed (Docker Hub does not count
 * HEADs as pulls) and GET only when its digest is new. A tag never read before is GET directly: a HEAD
 * could only tell us a digest we do not have. Registries whose HEAD fails or names no digest are read with GET.
 *
 * `signal` is the shared work's deadline; de-duplication and per-caller cancellation live in the router.
 */
export class HttpImageSource implements ImageSource {
  readonly #client: RegistryClient;
  readonly #blobs: BlobCache;
  readonly #cache: RegistryCache | undefined;
  readonly #usage: UsageMeter | undefined;

  get client(): RegistryClient {
    return this.#client;
  }

  constructor(client: RegistryClient, blobs: BlobCache, cache?: RegistryCache, usage?: UsageMeter) {
    this.#client = client;
    this.#blobs = blobs;
    this.#cache = cache;
    this.#usage = usage;
  }

  /** The manifest GETs `ref` may cost: none when pinned and cached, else one. */
  async expectedPulls(ref: ImageRef): Promise<number> {
    if (ref.digest) return (await this.#cache?.get(ref.digest)) ? 0 : 1;
    return this.#cache && (await this.#cache.hint(this.#tagKey(ref))) ? 0 : 1;
  }

  content(ref: ImageRef): ImageContent {
    return httpContent(this.#client, this.#blobs, ref);
  }

  async resolve(ref: ImageRef, signal: AbortSignal = new AbortController().signal): Promise<Resolution> {
    const image = canonicalImage(ref);
    if (ref.digest) {
      const cached = await this.#cached(ref.digest);
      if (cached) return this.#interpret(ref, image, cached, ref.digest, undefined, signal);
      return this.#fetch(ref, image, ref.digest, undefined, signal);
    }
    const tag = ref.tag ?? 'latest';
    if (this.#cache && (await this.#cache.hint(this.#tagKey(ref)))) {
      const announced = await this.#head(ref, image, tag, signal);
      if (announced) {
        const cached = await this.#cached(announced);
        if (cached) return this.#interpret(ref, image, cached, announced, undefined, signal);
        // The tag moved: read exactly what the HEAD named.
        return this.#fetch(ref, image, announced, announced, signal);
      }
    }
    return this.#fetch(ref, image, tag, undefined, signal);
  }

  /** Where a tag's hint is kept: per endpoint, since a mirror may lag behind the registry. */
  #tagKey(ref: ImageRef): string {
    const endpoint = this.#client.endpoint;
    return `${endpoint.origin}/${repositoryPath(endpoint, ref.repository)}:${ref.tag ?? 'latest'}`;
  }

  async #cached(digest: string): Promise<Uint8Array | undefined> {
    const bytes = await this.#cache?.get(digest);
    if (bytes) this.#usage?.cacheHit();
    return bytes;
  }

  /** The digest a HEAD of the tag announces, or undefined when the registry does not answer HEAD usefully. */
  async #head(ref: ImageRef, image: string, tag: string, signal: AbortSignal): Promise<string | undefined> {
    const endpoint = this.#client.endpoint;
    const ctx: FetchContext = { endpoint, image, what: 'manifest' };
    const url = apiUrl(endpoint, ref.repository, 'manifests', tag);
    const got = await this.#client.get(url, ACCEPT, ctx, ref.repository, signal, {}, 'HEAD');
    if (isFailure(got)) return undefined;
    const digest = got.response.headers['docker-content-digest']?.trim();
    return digest && parseDigest(digest) ? digest : undefined;
  }

  /** GETs the manifest by tag or digest; `announced` is the digest a HEAD named for it. */
  async #fetch(
    ref: ImageRef,
    image: string,
    reference: string,
    announced: string | undefined,
    signal: AbortSignal,
  ): Promise<Resolution> {
    const endpoint = this.#client.endpoint;
    const ctx: FetchContext = { endpoint, image, what: 'manifest' };
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
      announced ?? headers['docker-content-digest'],
    );
    if ('mismatch' in checked) {
      const { expected, actual, claimedBy } = checked.mismatch;
      const claim =
        claimedBy === 'reference'
          ? 'the digest the reference pins'
          : 'the Docker-Content-Digest the registry announced';
      return fail(
        'integrity',
        `the manifest ${describeEndpoint(endpoint)} served for ${image} hashes to ${actual}, not ${expected} (${claim}); ` +
          'the registry, a mirror or a proxy altered it: do not deploy it until the source is trusted',
      );
    }
    const { digest } = checked;
    // Signed schema1 is digested without its signatures, so its bytes never verify as an entry: it is not
    // kept, and no hint is left that would only add a HEAD before the same GET next time.
    if (this.#cache && parsed.kind !== 'invalid' && verifyDigest(body, digest)) {
      await this.#cache.put(digest, body);
      if (!ref.digest) await this.#cache.remember(this.#tagKey(ref), digest);
    }
    return this.#interpret(ref, image, body, digest, headers['content-type'], signal, parsed);
  }

  async #interpret(
    ref: ImageRef,
    image: string,
    body: Uint8Array,
    digest: string,
    contentType: string | undefined,
    signal: AbortSignal,
    parsed: ParsedManifest = parseManifest(body, contentType),
  ): Promise<Resolution> {
    const endpoint = this.#client.endpoint;
    switch (parsed.kind) {
      case 'invalid':
        return fail(
          'invalid',
          `the manifest of ${image} on ${describeEndpoint(endpoint)} cannot be read: ${parsed.reason}`,
        );
      case 'index': {
        const empty = emptyIndexReason(parsed.manifests);
        if (empty) return fail('not-an-image', `${image} on ${describeEndpoint(endpoint)}: ${empty}`);
        return { kind: 'index', digest, platforms: indexPlatforms(parsed.manifests) };
      }
      case 'schema1':
        return { kind: 'single', digest, platform: parsed.platform };
      case 'manifest': {
        const { config } = parsed;
        if (!isImageConfigMediaType(config.mediaType) || parsed.artifactType !== undefined) {
          const type = parsed.artifactType ?? config.mediaType;
          return fail(
            'not-an-image',
            `${image} is an OCI artifact (${type}), not a container image: no platform to check`,
          );
        }
        const blob = await this.#configBlob(ref, image, config.digest, signal);
        if (isFailure(blob)) return blob;
        const platform = platformFromConfig(blob, config.mediaType);
        if ('error' in platform) return fail(platform.cause, `the config of ${image}: ${platform.error}`);
        return { kind: 'single', digest, platform };
      }
      default: {
        const unreachable: never = parsed;
        return fail('internal', `unhandled manifest ${JSON.stringify(unreachable)}`);
      }
    }
  }

  #configBlob(
    ref: ImageRef,
    image: string,
    digest: string,
    signal: AbortSignal,
  ): Promise<Uint8Array | ResolutionFailure> {
    const endpoint = this.#client.endpoint;
    return this.#blobs.get(digest, async () => {
      const cached = await this.#cached(digest);
      if (cached) return cached;
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
          'integrity',
          `the config blob of ${image} served by ${describeEndpoint(endpoint)} does not hash to ${digest}`,
        );
      }
      await this.#cache?.put(digest, got.response.body);
      return got.response.body;
    });
  }
}
