import { type ResolutionFailure, isFailure } from '../source.js';

/**
 * Fetches shared by key for the whole run: the first caller fetches, later and concurrent callers get its
 * answer. Only content checked against its digest is worth sharing this way; a failure is not kept, so
 * another caller (another repository, with other credentials) may still succeed.
 */
export class FetchMemo<T> {
  readonly #entries = new Map<string, Promise<T | ResolutionFailure>>();

  get(key: string, fetch: () => Promise<T | ResolutionFailure>): Promise<T | ResolutionFailure> {
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = fetch().then((result) => {
        if (isFailure(result)) this.#entries.delete(key);
        return result;
      });
      this.#entries.set(key, entry);
    }
    return entry;
  }
}

/**
 * Config blobs by digest, shared by every endpoint: two repositories (or two tags) with one config cost
 * one GET.
 */
export type BlobCache = FetchMemo<Uint8Array>;
