import type { ImageRef } from '../images/reference.js';
import type { Platform } from '../platforms/platform.js';

/**
 * What a registry (or a local OCI layout) says about one image reference: every platform it publishes,
 * never one default platform. Expected failures are values, not exceptions.
 */
export type Resolution =
  | { kind: 'index'; digest: string; platforms: Platform[] }
  | { kind: 'single'; digest: string; platform: Platform }
  | { kind: 'error'; cause: ResolutionCause; reason: string; outage?: RegistryOutage };

/**
 * Why an image was not checked when its registry host was cut off for the run by a circuit breaker: it
 * could not be reached, or it rate-limited the run. Reporters list such images once per host.
 */
export interface RegistryOutage {
  /** The host that was cut off (`registry-1.docker.io`, `auth.docker.io`, a mirror's host). */
  registry: string;
  kind: 'unreachable' | 'rate-limited';
  /** The first failure, e.g. `ECONNREFUSED from http://127.0.0.1:5000/v2/`. */
  reason: string;
}

/**
 * Why an image could not be resolved, as a fact about the registry or layout; the rules decide what each
 * cause is reported as (src/rules/causes.ts).
 */
export type ResolutionCause =
  /** The registry or layout has no such repository, tag, digest or blob. */
  | 'not-found'
  /** 401/403, or the token service refused the credentials. */
  | 'unauthorized'
  /** 429, at the registry or its token service, or the host was cut off for the run after one. */
  | 'rate-limited'
  /** No answer: connection refused, DNS, TLS, or a host cut off after repeated failures. */
  | 'unreachable'
  /** A request, or the run's registry deadline, timed out. */
  | 'timeout'
  /** archcheck declined to send or read: the network guard, or an answer over the size limit. */
  | 'refused'
  /** The registry answered a status that is none of the above (5xx after retries). */
  | 'registry-error'
  /** Bytes that do not hash to the digest that names them. */
  | 'integrity'
  /** An OCI artifact (a Helm chart, a signature) or an index without a container image platform. */
  | 'not-an-image'
  /** A manifest, config, index or digest that cannot be read as one. */
  | 'invalid'
  /** The caller stopped waiting. */
  | 'cancelled'
  /** A bug: an unexpected exception or an unhandled case. */
  | 'internal';

/** A failed resolution, also what deep-mode reads of manifests and blobs fail with. */
export type ResolutionFailure = Extract<Resolution, { kind: 'error' }>;

export const fail = (cause: ResolutionCause, reason: string, outage?: RegistryOutage): ResolutionFailure =>
  outage ? { kind: 'error', cause, reason, outage } : { kind: 'error', cause, reason };

export const isFailure = (v: unknown): v is ResolutionFailure =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'error';

/** The seam every image source implements: OCI layouts on disk, the Distribution API over HTTP. */
export interface ImageSource {
  resolve(ref: ImageRef, signal?: AbortSignal): Promise<Resolution>;
  /** What the image holds, for deep verification (src/deep/); absent on sources that cannot read blobs. */
  content?(ref: ImageRef): ImageContent;
}

/**
 * Read access to one repository's manifests and blobs, used only in deep mode. Manifests and whole blobs are
 * verified against their digests; a streamed blob cannot be (it is read only in part), so its bytes are
 * only as trustworthy as the registry that also serves them to the nodes.
 */
export interface ImageContent {
  /** The manifest with this digest, verified. */
  manifest(digest: string, signal: AbortSignal): Promise<Uint8Array | ResolutionFailure>;
  /** A small blob (an image config) read whole and verified. */
  blob(digest: string, signal: AbortSignal): Promise<Uint8Array | ResolutionFailure>;
  /**
   * The blob's bytes from its start, in chunks, never more than `maxBytes` in all: the consumer stops
   * iterating as soon as it has what it needs, and no further byte is requested. A failure is the last item.
   */
  openBlob(
    digest: string,
    maxBytes: number,
    signal: AbortSignal,
  ): AsyncIterable<Uint8Array | ResolutionFailure>;
}
