import type { RegistryCache } from './store.js';

/**
 * The registry cache as one run sees it: each entry and tag hint is read from disk at most once per run.
 * The router's `plan` reads every tag's hint and every pinned manifest before the first request; the
 * resolutions that follow use those reads instead of queueing the same file reads again in libuv's small
 * thread pool, where they would delay the reads on the critical path (the docker config before the token
 * request, a manifest before its config blob). A miss is not kept: the entry may be written meanwhile.
 */
export class RunCache {
  readonly #cache: RegistryCache;
  readonly #entries = new Map<string, Promise<Uint8Array | undefined>>();
  readonly #hints = new Map<string, Promise<string | undefined>>();

  constructor(cache: RegistryCache) {
    this.#cache = cache;
  }

  get(digest: string): Promise<Uint8Array | undefined> {
    let read = this.#entries.get(digest);
    if (!read) {
      read = this.#cache.get(digest).then((bytes) => {
        if (!bytes) this.#entries.delete(digest);
        return bytes;
      });
      this.#entries.set(digest, read);
    }
    return read;
  }

  put(digest: string, bytes: Uint8Array): Promise<void> {
    return this.#cache.put(digest, bytes);
  }

  hint(reference: string): Promise<string | undefined> {
    let hint = this.#hints.get(reference);
    if (!hint) {
      hint = this.#cache.hint(reference);
      this.#hints.set(reference, hint);
    }
    return hint;
  }

  /** Remembers what `reference` points at now, writing only when that changed. */
  async remember(reference: string, digest: string): Promise<void> {
    if ((await this.hint(reference)) === digest) return;
    this.#hints.set(reference, Promise.resolve(digest));
    await this.#cache.remember(reference, digest);
  }
}
