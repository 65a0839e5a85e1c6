import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { RunCache } from '../../src/registry/cache/run-cache.js';
import { DiskCache } from '../../src/registry/cache/store.js';
import { sha256Digest } from '../../src/registry/digest.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'archcheck-run-cache-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const manifest = (n: number) => Buffer.from(JSON.stringify({ schemaVersion: 2, n }));

test('an entry is read from disk once per run, however often it is asked for', async () => {
  const disk = new DiskCache(root);
  const bytes = manifest(1);
  await disk.put(sha256Digest(bytes), bytes);
  const run = new RunCache(disk);
  const reads = await Promise.all([1, 2, 3].map(() => run.get(sha256Digest(bytes))));
  expect(reads.map((r) => Buffer.from(r!))).toEqual([bytes, bytes, bytes]);
  expect(disk.counters.hits).toBe(1);
});

test('a miss is not kept: an entry written later in the run is found', async () => {
  const disk = new DiskCache(root);
  const run = new RunCache(disk);
  const bytes = manifest(2);
  expect(await run.get(sha256Digest(bytes))).toBeUndefined();
  await run.put(sha256Digest(bytes), bytes);
  expect(Buffer.from((await run.get(sha256Digest(bytes)))!)).toEqual(bytes);
  expect(disk.counters).toMatchObject({ hits: 1, misses: 1 });
});

test.each([
  ['the same digest again', [manifest(3), manifest(3)], 1],
  ['a moved tag', [manifest(3), manifest(4)], 2],
])('remembering %s writes the hint only when it changed', async (_name, digests, writes) => {
  const disk = new DiskCache(root);
  const run = new RunCache(disk);
  const before = new Set<string>();
  let written = 0;
  for (const bytes of digests) {
    await run.remember('registry.test/app:v1', sha256Digest(bytes));
    // Every write is a fresh file renamed into place: a new inode each time.
    const [name] = await readdir(path.join(root, 'registry', 'tags'));
    const { ino } = await stat(path.join(root, 'registry', 'tags', name!));
    if (!before.has(String(ino))) written++;
    before.add(String(ino));
  }
  expect(written).toBe(writes);
  expect(await new RunCache(disk).hint('registry.test/app:v1')).toBe(sha256Digest(digests.at(-1)!));
});
