import type { TagHints } from '../cache/store.js';
import { parseDigest } from '../digest.js';
import { errorMessage } from '../../errors.js';
import { type ResolutionFailure, fail, isFailure } from '../source.js';
import type { Fetched } from './client.js';

/**
 * What a HEAD of a tag told us: the digest it points at; that the tag is to be read with GET (`headWorks`
 * false when the answer showed the origin does not do HEAD at all); or a failure a GET would meet too.
 */
export type HeadAnswer = { digest: string } | { get: true; headWorks: boolean } | ResolutionFailure;

/** Failures that say nothing about HEAD and that a GET would meet the same way: reported as they are. */
const FINAL = new Set<ResolutionFailure['cause']>([
  'timeout',
  'rate-limited',
  'refused',
  'cancelled',
  'internal',
]);

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

/** Known to work (this run or an earlier one), known not to, not known yet, or being found out. */
type State = 'works' | 'refused' | 'unknown' | Promise<void>;

/** Where an origin's HEAD support is remembered across runs, beside the tag hints. */
const memoryKey = (origin: string) => `HEAD ${origin}`;

/**
 * Per origin: whether HEAD works. The first HEAD to an origin not known yet goes alone (a probe) and the
 * origin's other tags wait for its verdict, so a registry without HEAD costs one wasted request per run,
 * not one per image. Once an origin answered a HEAD in any meaningful way (a digest, a 404, a 401, a
 * timeout), its HEADs go out in parallel; once it refused one, its tags are read with GET directly.
 *
 * With `memory` (the cache's tag hints), an origin whose HEAD answered with a digest in an earlier run is
 * not probed again: a warm run's HEADs all start at once. Should it stop answering HEAD, the HEADs already
 * in flight (at most the per-origin concurrency) fall back to GET and the memory is dropped.
 */
export class HeadSupport {
  readonly #origins = new Map<string, State>();
  readonly #memory: TagHints | undefined;

  constructor(memory?: TagHints) {
    this.#memory = memory;
  }

  /** HEADs a tag with `send`, or answers `{get: true}` at once when `origin` is known not to do HEAD. */
  async announce(origin: string, send: () => Promise<Fetched | ResolutionFailure>): Promise<HeadAnswer> {
    for (;;) {
      const state = this.#origins.get(origin) ?? this.#recall(origin);
      if (state === 'refused') return { get: true, headWorks: false };
      if (state instanceof Promise) {
        await state;
        continue;
      }
      // A bug below must not leave every later tag of the origin waiting on a rejected verdict.
      const answer = send().then(readHead, (error: unknown) =>
        fail('internal', `HEAD to ${origin} failed unexpectedly: ${errorMessage(error)}`),
      );
      if (state === 'unknown') {
        this.#origins.set(
          origin,
          answer.then((a) => {
            const works = !('get' in a) || a.headWorks;
            this.#set(origin, works ? 'works' : 'refused');
            // Off the waiters' path: they go as soon as the verdict is known.
            if ('digest' in a) void this.#memory?.remember(memoryKey(origin), a.digest);
          }),
        );
      } else {
        void answer.then(async (a) => {
          if (!('get' in a) || a.headWorks || this.#origins.get(origin) === 'refused') return;
          this.#set(origin, 'refused');
          await this.#memory?.forget(memoryKey(origin));
        });
      }
      return answer;
    }
  }

  /** Looks the origin up in the memory once; every caller waits for the answer. */
  #recall(origin: string): State {
    if (!this.#memory) return 'unknown';
    const memory = this.#memory;
    const recalled = memory.hint(memoryKey(origin)).then((digest) => {
      if (!(this.#origins.get(origin) instanceof Promise)) return;
      this.#origins.set(origin, digest ? 'works' : 'unknown');
    });
    this.#origins.set(origin, recalled);
    return recalled;
  }

  #set(origin: string, state: 'works' | 'refused'): void {
    // A refusal seen by any request stands: one in flight when the probe succeeded may still meet one.
    if (this.#origins.get(origin) !== 'refused') this.#origins.set(origin, state);
  }
}
