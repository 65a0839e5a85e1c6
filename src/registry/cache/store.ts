import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDigest, verifyDigest } from '../digest.js';

/**
 * Content by digest, across runs. Whatever a reader gets back hashes to the digest it asked for: entries are
 * checked on every read, and one that does not match (truncated, corrupted, tampered with) is deleted and
 * reported as absent, so the caller fetches it again. Never throws: a cache that cannot be read or written
 * only costs requests.
 */
export interface ContentStore {
  get(digest: string): Promise<Uint8Array | undefined>;
  /** Keeps `bytes` when they hash to `digest`; anything else is ignored. */
  put(digest: string, bytes: Uint8Array): Promise<void>;
}

/**
 * What a tag pointed at when last read. A hint only: it decides whether a HEAD (cheap, no Docker Hub
 * pull) is worth sending before a GET, and is never taken as the answer itself, because tags move.
 */
export interface TagHints {
  hint(reference: string): Promise<string | undefined>;
  remember(reference: string, digest: string): Promise<void>;
  /** Drops what `reference` pointed at: the next `hint` says nothing. */
  forget(reference: string): Promise<void>;
}

export interface CacheCounters {
  hits: number;
  misses: number;
  /** Entries that failed verification and were deleted. */
  dropped: number;
  writes: number;
}

export interface RegistryCache extends ContentStore, TagHints {
  readonly dir: string;
  readonly counters: CacheCounters;
  /** Evicts least recently used entries until the cache fits `maxBytes`; returns what it removed. */
  prune(maxBytes: number): Promise<{ removed: number; bytes: number }>;
  /** `prune`, when this run wrote entries and no run pruned in the last hour: listing a big cache costs time. */
  maintain(maxBytes: number): Promise<void>;
}

/** Distribution caps manifests at 4 MiB; configs are smaller. A bigger file is not ours. */
const MAX_ENTRY_BYTES = 8 * 1024 * 1024;
/** Temporary files older than this belong to a run that died mid-write. */
const STALE_TMP_MS = 10 * 60 * 1000;
/** How often the whole cache is listed for eviction; between prunes it grows by at most an hour of runs. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** The registry cache's default bound: tens of thousands of manifests and configs. */
export const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The registry's cache under `<root>/registry/`: `blobs/<algorithm>/<hex>` (manifests and config blobs),
 * `tags/<sha256 of the reference>` (hints), `tmp/` (writes in progress). Writes go to a unique temporary
 * file renamed into place, so concurrent runs on one directory see whole entries or none; least recently
 * used means least recently read or written (the mtime, touched on every hit).
 */
export class DiskCache implements RegistryCache {
  readonly dir: string;
  readonly counters: CacheCounters = { hits: 0, misses: 0, dropped: 0, writes: 0 };
  #ready: Promise<boolean> | undefined;

  constructor(root: string) {
    this.dir = path.join(root, 'registry');
  }

  async get(digest: string): Promise<Uint8Array | undefined> {
    const file = this.#blobPath(digest);
    if (!file) return undefined;
    const bytes = await this.#read(file);
    if (bytes && verifyDigest(bytes, digest)) {
      this.counters.hits++;
      await this.#touch(file);
      return bytes;
    }
    if (bytes) await this.#drop(file);
    this.counters.misses++;
    return undefined;
  }

  async put(digest: string, bytes: Uint8Array): Promise<void> {
    const file = this.#blobPath(digest);
    if (!file || bytes.length > MAX_ENTRY_BYTES || !verifyDigest(bytes, digest)) return;
    if (await this.#write(file, bytes)) this.counters.writes++;
  }

  async hint(reference: string): Promise<string | undefined> {
    const file = this.#tagPath(reference);
    const bytes = await this.#read(file);
    if (!bytes) return undefined;
    const digest = Buffer.from(bytes).toString('utf8').trim();
    if (parseDigest(digest)) return digest;
    await this.#drop(file);
    return undefined;
  }

  async remember(reference: string, digest: string): Promise<void> {
    if (!parseDigest(digest)) return;
    await this.#write(this.#tagPath(reference), Buffer.from(`${digest}\n`));
  }

  async forget(reference: string): Promise<void> {
    await unlink(this.#tagPath(reference)).catch(() => undefined);
  }

  async maintain(maxBytes: number): Promise<void> {
    if (this.counters.writes === 0) return;
    const stamp = path.join(this.dir, 'pruned');
    const last = await stat(stamp).then(
      (s) => s.mtimeMs,
      () => 0,
    );
    if (Date.now() - last < PRUNE_EVERY_MS) return;
    await writeFile(stamp, '').catch(() => undefined);
    await this.prune(maxBytes);
  }

  async prune(maxBytes: number): Promise<{ removed: number; bytes: number }> {
    const entries: { file: string; size: number; mtime: number }[] = [];
    const now = Date.now();
    for (const sub of ['blobs/sha256', 'blobs/sha512', 'tags', 'tmp']) {
      const dir = path.join(this.dir, sub);
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        continue;
      }
      for (const name of names) {
        const file = path.join(dir, name);
        try {
          const s = await stat(file);
          if (!s.isFile()) continue;
          if (sub === 'tmp') {
            if (now - s.mtimeMs > STALE_TMP_MS) await unlink(file).catch(() => undefined);
            continue;
          }
          entries.push({ file, size: s.size, mtime: s.mtimeMs });
        } catch {
          // Removed by a concurrent run meanwhile.
        }
      }
    }
    let total = entries.reduce((n, e) => n + e.size, 0);
    let removed = 0;
    let bytes = 0;
    entries.sort((a, b) => a.mtime - b.mtime);
    for (const entry of entries) {
      if (total <= maxBytes) break;
      await unlink(entry.file).catch(() => undefined);
      total -= entry.size;
      bytes += entry.size;
      removed++;
    }
    return { removed, bytes };
  }

  /** Only digests of registered algorithms with well-formed hex name files: nothing else reaches a path. */
  #blobPath(digest: string): string | undefined {
    const parsed = parseDigest(digest);
    return parsed && path.join(this.dir, 'blobs', parsed.algorithm, parsed.encoded);
  }

  #tagPath(reference: string): string {
    return path.join(this.dir, 'tags', createHash('sha256').update(reference).digest('hex'));
  }

  async #read(file: string): Promise<Uint8Array | undefined> {
    try {
      const s = await stat(file);
      if (!s.isFile()) return undefined;
      if (s.size > MAX_ENTRY_BYTES) {
        await this.#drop(file);
        return undefined;
      }
      return await readFile(file);
    } catch {
      return undefined;
    }
  }

  async #drop(file: string): Promise<void> {
    this.counters.dropped++;
    await unlink(file).catch(() => undefined);
  }

  async #touch(file: string): Promise<void> {
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
  }

  #prepare(): Promise<boolean> {
    this.#ready ??= Promise.all(
      ['blobs/sha256', 'blobs/sha512', 'tags', 'tmp'].map((sub) =>
        mkdir(path.join(this.dir, sub), { recursive: true }),
      ),
    ).then(
      () => true,
      () => false,
    );
    return this.#ready;
  }

  /** Whole files only: a unique temporary name, then an atomic rename over whatever was there. */
  async #write(file: string, bytes: Uint8Array): Promise<boolean> {
    if (!(await this.#prepare())) return false;
    const tmp = path.join(this.dir, 'tmp', `${process.pid}-${randomBytes(6).toString('hex')}`);
    try {
      await writeFile(tmp, bytes, { flag: 'wx' });
      await rename(tmp, file);
      return true;
    } catch (error) {
      await unlink(tmp).catch(() => undefined);
      // A directory removed under us (a concurrent prune of the whole cache): try once more from scratch.
      if (isMissing(error)) this.#ready = undefined;
      return false;
    }
  }
}
