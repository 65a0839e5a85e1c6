import type { ImageRef } from '../images/reference.js';
import type { Platform } from '../platforms/platform.js';

/**
 * What a registry (or a local OCI layout) says about one image reference: every platform it publishes,
 * never one default platform. Expected failures are values, not exceptions.
 */
export type Resolution =
  | { kind: 'index'; digest: string; platforms: Platform[] }
  | { kind: 'single'; digest: string; platform: Platform }
  | { kind: 'error'; rule: ResolutionErrorRule; reason: string; outage?: RegistryOutage };

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

/** The rule a failed resolution is reported under. */
export type ResolutionErrorRule = 'image-not-found' | 'image-unresolved' | 'digest-mismatch';

/** The seam every image source implements: OCI layouts on disk, the Distribution API over HTTP. */
export interface ImageSource {
  resolve(ref: ImageRef, signal?: AbortSignal): Promise<Resolution>;
}
