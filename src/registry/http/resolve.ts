import { canonicalImage } from '../../images/reference.js';
import type { ImageRef } from '../../images/reference.js';
import type { RunCache } from '../cache/run-cache.js';
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
import type { HeadAnswer, HeadSupport } from './head.js';
import { type BlobCache, FetchMemo } from './memo.js';

const ACCEPT = MANIFEST_ACCEPT.join(', ');

/** A manifest as read and checked: its bytes, their digest and what they parse to. */
interface CheckedManifest {
  body: Uint8Array;
  digest: string;
  contentType: string | undefined;
  parsed: ParsedManifest;
}

export interface HttpSourceDeps {
  /** Config blobs by digest, shared by every endpoint of the run. */
  blobs: BlobCache;
  /** Which origins answer HEAD, shared by every endpoint of the run. */
  heads: HeadSupport;
  cache?: RunCache;
  usage?: UsageMeter;
}

/**
 * Resolves references on one HTTP endpoint: the manifest with every manifest kind in Accept, its digest
 * checked, then an index's child platforms (attestations skipped) or a single manifest's platform from its
 * config blob. The OCI distribution spec: https://github.com/opencontainers/distribution-spec/blob/v1.1.0/spec.md#pulling-manifests
 *
 * With a cache, what is known by digest is not fetched again: a digest-pinned reference whose manifest
 * (and config) are cached costs no request at all. A tag is HEADed first (Docker Hub does not count HEADs
 * as pulls) and its manifest read with GET only when the digest the HEAD names is not known, from this
 * tag, another tag or a pinned reference, in this run or an earlier one. Registries whose HEAD fails or
 * names no digest are read with GET (HeadSupport: one wasted HEAD per origin). Without a cache
 * (`--no-cache`) tags are read with GET directly: no digest could be known.
 *
 * `signal` is the shared work's deadline; de-duplication and per-caller cancellation live in the router.
 */
export class HttpImageSource implements ImageSource {
  readonly #client: RegistryClient;
  readonly #deps: HttpSourceDeps;
  readonly #cache: RunCache | undefined;
  /** Manifests by repository and digest: a tag and a pinned reference to one image cost one GET. */
  readonly #manifests = new FetchMemo<CheckedManifest>();

  get client(): RegistryClient {
    return this.#client;
  }

  constructor(client: RegistryClient, deps: HttpSourceDeps) {
    this.#client = client;
    this.#deps = deps;
    this.#cache = deps.cache;
  }

  /** The manifest GETs `ref` may cost: none when pinned and cached or a tag read before, else one. */
  async expectedPulls(ref: ImageRef): Promise<number> {
    if (ref.digest) return (await this.#cache?.get(ref.digest)) ? 0 : 1;
    return this.#cache && (await this.#cache.hint(this.#tagKey(ref))) ? 0 : 1;
  }

  content(ref: ImageRef): ImageContent {
    return httpContent(this.#client, this.#deps.blobs, ref);
  }

  async resolve(ref: ImageRef, signal: AbortSignal = new AbortController().signal): Promise<Resolution> {
    const image = canonicalImage(ref);
    if (ref.digest) return this.#byDigest(ref, image, ref.digest, signal);
    const tag = ref.tag ?? 'latest';
    if (!this.#cache) return this.#resolved(ref, image, await this.#get(ref, image, tag, signal), signal);
    const cache = this.#cache;
    const answer = await this.#head(ref, image, tag, signal);
    if (isFailure(answer)) return answer;
    const resolution =
      'digest' in answer
        ? await this.#byDigest(ref, image, answer.digest, signal)
        : await this.#resolved(ref, image, await this.#get(ref, image, tag, signal), signal);
    // The hint only estimates pulls up front (expectedPulls): rewritten when the tag moved.
    if (!isFailure(resolution)) await cache.remember(this.#tagKey(ref), resolution.digest);
    return resolution;
  }

  /** Where a tag's hint is kept: per endpoint, since a mirror may lag behind the registry. */
  #tagKey(ref: ImageRef): string {
    const endpoint = this.#client.endpoint;
    return `${endpoint.origin}/${repositoryPath(endpoint, ref.repository)}:${ref.tag ?? 'latest'}`;
  }

  async #cached(digest: string): Promise<Uint8Array | undefined> {
    const bytes = await this.#cache?.get(digest);
    if (bytes) this.#deps.usage?.cacheHit();
    return bytes;
  }

  /** HEADs the tag, unless its origin is known not to answer HEAD this run. */
  #head(ref: ImageRef, image: string, tag: string, signal: AbortSignal): Promise<HeadAnswer> {
    const endpoint = this.#client.endpoint;
    const ctx: FetchContext = { endpoint, image, what: 'manifest' };
    const url = apiUrl(endpoint, ref.repository, 'manifests', tag);
    return this.#deps.heads.announce(endpoint.origin, () =>
      this.#client.get(url, ACCEPT, ctx, ref.repository, signal, {}, 'HEAD'),
    );
  }

  /** A manifest by digest: from the cache, from a GET already made this run, or read now. */
  async #byDigest(ref: ImageRef, image: string, digest: string, signal: AbortSignal): Promise<Resolution> {
    const cached = await this.#cached(digest);
    if (cached) return this.#interpret(ref, image, cached, digest, undefined, signal);
    const key = `${repositoryPath(this.#client.endpoint, ref.repository)}@${digest}`;
    const got = await this.#manifests.get(key, () => this.#get(ref, image, digest, signal));
    return this.#resolved(ref, image, got, signal);
  }

  async #resolved(
    ref: ImageRef,
    image: string,
    got: CheckedManifest | ResolutionFailure,
    signal: AbortSignal,
  ): Promise<Resolution> {
    if (isFailure(got)) return got;
    return this.#interpret(ref, image, got.body, got.digest, got.contentType, signal, got.parsed);
  }

  /**
   * GETs the manifest by tag or digest and checks it against the digest asked for and the one the registry
   * announces; a checked manifest is kept in the cache.
   */
  async #get(
    ref: ImageRef,
    image: string,
    reference: string,
    signal: AbortSignal,
  ): Promise<CheckedManifest | ResolutionFailure> {
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
    const asked = parseDigest(reference) ? reference : undefined;
    const checked = checkManifestDigest(
      manifestPayload(body, parsed),
      asked,
      headers['docker-content-digest'],
    );
    if ('mismatch' in checked) {
      const { expected, actual, claimedBy } = checked.mismatch;
      const claim =
        claimedBy === 'Docker-Content-Digest'
          ? 'the Docker-Content-Digest the registry announced'
          : ref.digest
            ? 'the digest the reference pins'
            : 'the digest the registry announced for the tag';
      return fail(
        'integrity',
        `the manifest ${describeEndpoint(endpoint)} served for ${image} hashes to ${actual}, not ${expected} (${claim}); ` +
          'the registry, a mirror or a proxy altered it: do not deploy it until the source is trusted',
      );
    }
    const { digest } = checked;
    // Signed schema1 is digested without its signatures, so its bytes never verify as an entry: not kept.
    if (this.#cache && parsed.kind !== 'invalid' && verifyDigest(body, digest))
      await this.#cache.put(digest, body);
    return { body, digest, contentType: headers['content-type'], parsed };
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
    return this.#deps.blobs.get(digest, async () => {
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
