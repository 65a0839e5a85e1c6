import { parseDigest } from '../digest.js';
import { type ResolutionFailure, isFailure } from '../source.js';
import type { Fetched } from './client.js';

/**
 * What a HEAD of a tag told us: the digest it points at; that the tag is to be read with GET (`headWorks`
 * false when the answer showed the origin does not do HEAD at all); or a failure a GET would meet too.
 */
export type HeadAnswer = { digest: string } | { get: true; headWorks: boolean } | ResolutionFailure;

/** Failures that say nothing about HEAD and that a GET would meet the same way: reported as they are. */
const FINAL = new Set<ResolutionFailure['cause']>(['timeout', 'rate-limited', 'refused', 'cancelled']);

/**
 * Reads a HEAD's answer. `Docker-Content-Digest` is what HEAD is for (distribution spec, "Checking if
 * content exists in the registry"); a 2xx without it, a 405/501 or a 5xx after retries, and a HEAD the
 * server or a proxy drops (no answer after retries) mean the origin does not answer HEAD usefully. Other
 * failures (a 404, a 401) are read again with GET, whose body carries the registry's error codes.
 */
export function readHead(got: Fetched | ResolutionFailure): HeadAnswer {
  if (!isFailure(got)) {
    const digest = got.response.headers['docker-content-digest']?.trim();
    return digest && parseDigest(digest) ? { digest } : { get: true, headWorks: false };
  }
  if (got.cause === 'registry-error' || (got.cause === 'unreachable' && !got.outage))
    return { get: true, headWorks: false };
  return FINAL.has(got.cause) ? got : { get: true, headWorks: true };
}

/**
 * Per origin, for the run: whether HEAD works. The first HEAD to an origin goes alone (a probe) and the
 * origin's other tags wait for its verdict, so a registry without HEAD costs one wasted request per run,
 * not one per image. Once an origin answered a HEAD in any meaningful way (a digest, a 404, a 401, a
 * timeout), its HEADs go out in parallel; once it refused one, its tags are read with GET directly.
 */
export class HeadSupport {
  readonly #origins = new Map<string, boolean | Promise<void>>();

  /** HEADs a tag with `send`, or answers `{get: true}` at once when `origin` is known not to do HEAD. */
  async announce(origin: string, send: () => Promise<Fetched | ResolutionFailure>): Promise<HeadAnswer> {
    for (;;) {
      const known = this.#origins.get(origin);
      if (known === false) return { get: true, headWorks: false };
      if (known instanceof Promise) {
        await known;
        continue;
      }
      const answer = send().then(readHead);
      const verdict = answer.then((a) => !('get' in a) || a.headWorks);
      if (known === undefined)
        this.#origins.set(
          origin,
          verdict.then((works) => this.#set(origin, works)),
        );
      else void verdict.then((works) => works || this.#set(origin, false));
      return answer;
    }
  }

  #set(origin: string, works: boolean): void {
    // A refusal seen by any request stands: one in flight when the probe succeeded may still meet one.
    if (this.#origins.get(origin) !== false) this.#origins.set(origin, works);
  }
}
