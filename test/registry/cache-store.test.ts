import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cacheRoot } from '../../src/cache-root.js';
import { DiskCache } from '../../src/registry/cache/store.js';
import { sha256Digest } from '../../src/registry/digest.js';

const run = promisify(execFile);
let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'archcheck-cache-store-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const manifest = (n: number) => Buffer.from(JSON.stringify({ schemaVersion: 2, n, pad: 'p'.repeat(100) }));
const fileOf = (digest: string) => path.join(root, 'registry', 'blobs', 'sha256', digest.slice(7));

describe('entries', () => {
  test('what is put is got back, and counted', async () => {
    const cache = new DiskCache(root);
    const bytes = manifest(1);
    await cache.put(sha256Digest(bytes), bytes);
    expect(Buffer.from((await cache.get(sha256Digest(bytes)))!)).toEqual(bytes);
    expect(cache.counters).toEqual({ hits: 1, misses: 0, dropped: 0, writes: 1 });
  });

  test.each([
    ['bytes that do not hash to the digest', sha256Digest(Buffer.from('other'))],
    ['a digest of an unknown algorithm', `md5:${'a'.repeat(32)}`],
    ['a digest that climbs out of the directory', 'sha256:../../../etc/passwd'],
    ['uppercase hex', `sha256:${'A'.repeat(64)}`],
  ])('put ignores %s', async (_name, digest) => {
    const cache = new DiskCache(root);
    await cache.put(digest, manifest(2));
    expect(await cache.get(digest)).toBeUndefined();
    expect(cache.counters.writes).toBe(0);
  });

  test.each([
    ['truncated', (b: Buffer) => b.subarray(0, 10)],
    ['one byte flipped', (b: Buffer) => Buffer.concat([b.subarray(0, 5), Buffer.from('X'), b.subarray(6)])],
    ['emptied', () => Buffer.alloc(0)],
  ])('a %s entry is dropped, not returned', async (_name, damage) => {
    const cache = new DiskCache(root);
    const bytes = manifest(3);
    const digest = sha256Digest(bytes);
    await cache.put(digest, bytes);
    await writeFile(fileOf(digest), damage(bytes));
    expect(await cache.get(digest)).toBeUndefined();
    expect(cache.counters.dropped).toBe(1);
    await expect(stat(fileOf(digest))).rejects.toThrow(/ENOENT/);
    await cache.put(digest, bytes);
    expect(await cache.get(digest)).toBeDefined();
  });

  test('a tag hint that is not a digest is dropped', async () => {
    const cache = new DiskCache(root);
    await cache.remember('registry.test/app:v1', sha256Digest(manifest(4)));
    expect(await cache.hint('registry.test/app:v1')).toBe(sha256Digest(manifest(4)));
    const [name] = await readdir(path.join(root, 'registry', 'tags'));
    await writeFile(path.join(root, 'registry', 'tags', name!), 'sha256:nope');
    expect(await cache.hint('registry.test/app:v1')).toBeUndefined();
    await cache.remember('registry.test/app:v1', 'not a digest');
    expect(await cache.hint('registry.test/app:v1')).toBeUndefined();
  });

  test('a forgotten hint is gone, and forgetting one never kept is harmless', async () => {
    const cache = new DiskCache(root);
    await cache.remember('registry.test/app:v2', sha256Digest(manifest(5)));
    await cache.forget('registry.test/app:v2');
    expect(await cache.hint('registry.test/app:v2')).toBeUndefined();
    await expect(cache.forget('registry.test/never:v1')).resolves.toBeUndefined();
  });
});

describe('eviction', () => {
  test('least recently used entries go first, until the cache fits', async () => {
    const cache = new DiskCache(root);
    const all = [1, 2, 3, 4].map(manifest);
    for (const [i, bytes] of all.entries()) {
      await cache.put(sha256Digest(bytes), bytes);
      const at = new Date(Date.now() - (10 - i) * 60_000);
      await utimes(fileOf(sha256Digest(bytes)), at, at);
    }
    // Reading the oldest makes it the most recently used.
    await cache.get(sha256Digest(all[0]!));
    const size = all[0]!.length;
    const pruned = await cache.prune(size * 2);
    expect(pruned.removed).toBe(2);
    const kept = await Promise.all(all.map(async (b) => (await cache.get(sha256Digest(b))) !== undefined));
    expect(kept).toEqual([true, false, false, true]);
  });

  test('maintain prunes only after writes, and at most once an hour', async () => {
    const full = (n: number) => Array.from({ length: n }, (_, i) => manifest(100 + i));
    const reader = new DiskCache(root);
    await reader.maintain(1);
    expect(await readdir(root)).toEqual([]);
    const writer = new DiskCache(root);
    for (const bytes of full(3)) await writer.put(sha256Digest(bytes), bytes);
    await writer.maintain(manifest(100).length);
    expect(await readdir(path.join(root, 'registry', 'blobs', 'sha256'))).toHaveLength(1);
    const second = new DiskCache(root);
    for (const bytes of full(3)) await second.put(sha256Digest(bytes), bytes);
    await second.maintain(manifest(100).length);
    // Pruned a moment ago: left for the next hour's run.
    expect(await readdir(path.join(root, 'registry', 'blobs', 'sha256'))).toHaveLength(3);
    const hourAgo = new Date(Date.now() - 3_601_000);
    await utimes(path.join(root, 'registry', 'pruned'), hourAgo, hourAgo);
    await second.maintain(manifest(100).length);
    expect(await readdir(path.join(root, 'registry', 'blobs', 'sha256'))).toHaveLength(1);
  });

  test('temporary files of a run that died are removed, fresh ones are left alone', async () => {
    const cache = new DiskCache(root);
    await cache.put(sha256Digest(manifest(5)), manifest(5));
    const tmp = path.join(root, 'registry', 'tmp');
    await writeFile(path.join(tmp, 'dead'), 'half');
    await writeFile(path.join(tmp, 'live'), 'half');
    const old = new Date(Date.now() - 3_600_000);
    await utimes(path.join(tmp, 'dead'), old, old);
    await cache.prune(1024 * 1024);
    expect(await readdir(tmp)).toEqual(['live']);
  });
});

test('four processes writing, reading and pruning one directory never read a wrong entry', async () => {
  const script = path.join(import.meta.dirname, 'cache-writer.ts');
  const outputs = await Promise.all(
    [1, 2, 3, 4].map(() => run(process.execPath, ['--import', 'tsx', script, root, '40'])),
  );
  for (const { stdout } of outputs) expect(JSON.parse(stdout)).toMatchObject({ wrong: 0 });
}, 60_000);

describe('where the cache lives', () => {
  test.each([
    [
      'the flag first',
      { ARCHCHECK_CACHE_DIR: '/env', XDG_CACHE_HOME: '/xdg', HOME: '/home/u' },
      '/flag',
      '/flag',
    ],
    ['then ARCHCHECK_CACHE_DIR', { ARCHCHECK_CACHE_DIR: '/env', XDG_CACHE_HOME: '/xdg' }, undefined, '/env'],
    ['then XDG_CACHE_HOME', { XDG_CACHE_HOME: '/xdg', HOME: '/home/u' }, undefined, '/xdg/archcheck'],
    [
      'a relative XDG_CACHE_HOME is ignored',
      { XDG_CACHE_HOME: 'rel', HOME: '/home/u' },
      undefined,
      '/home/u/.cache/archcheck',
    ],
    ['then ~/.cache', { HOME: '/home/u' }, undefined, '/home/u/.cache/archcheck'],
    ['nowhere without a home', {}, undefined, undefined],
  ])('%s', (_name, env, flag, expected) => {
    expect(cacheRoot(env, flag)).toBe(expected);
  });
});
