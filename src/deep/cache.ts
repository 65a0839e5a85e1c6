import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Deep mode's results across runs, by content address: what a manifest or config blob holds (by its digest)
 * and what a layer says about a path (by the layer's digest and the path). Content never changes under a
 * digest, so entries never expire. A cache that cannot be read or written costs downloads, never a result.
 */
export interface DeepCache {
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, value: Uint8Array): Promise<void>;
}

/** No cache (`--no-cache`, or no home to keep one in): every run reads what it needs again. */
export const NO_DEEP_CACHE: DeepCache = {
  get: () => Promise.resolve(undefined),
  set: () => Promise.resolve(),
};

/** One file per entry under `<cacheDir>/deep/`, named by the hash of its key; written atomically. */
export class FileDeepCache implements DeepCache {
  readonly #dir: string;

  constructor(cacheDir: string) {
    this.#dir = path.join(cacheDir, 'deep');
  }

  #file(key: string): string {
    const hash = createHash('sha256').update(key).digest('hex');
    return path.join(this.#dir, hash.slice(0, 2), hash.slice(2));
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return await readFile(this.#file(key));
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: Uint8Array): Promise<void> {
    const file = this.#file(key);
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temp, value);
      // A reader never sees half a file: rename replaces atomically on one file system.
      await rename(temp, file);
    } catch {
      // A read-only or full disk only means the next run downloads again.
    }
  }
}
