import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { formatBytes, parseByteSize } from '../../src/byte-size.js';
import { ByteMeter } from '../../src/deep/budget.js';
import { FileDeepCache } from '../../src/deep/cache.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

test.each([
  ['1048576', 1048576],
  ['64MiB', 64 * 1024 * 1024],
  ['100MB', 100_000_000],
  ['1.5 GiB', 1.5 * 1024 ** 3],
  ['10kb', 10_000],
  ['0', 0],
  ['lots', undefined],
  ['-5MB', undefined],
  ['5 parsecs', undefined],
])('byte size %j', (text, bytes) => {
  expect(parseByteSize(text)).toBe(bytes);
});

test.each([
  [512, '512 B'],
  [1536, '1.5 KiB'],
  [64 * 1024 * 1024, '64.0 MiB'],
])('%i bytes print as %s', (bytes, text) => {
  expect(formatBytes(bytes)).toBe(text);
});

test('the meter gives each image the smaller of its and the run’s remaining budget', () => {
  const meter = new ByteMeter({ imageBytes: 100, runBytes: 150 });
  meter.spend('a', 80);
  expect([meter.allowance('a'), meter.allowance('b'), meter.exhausted('a')]).toEqual([20, 70, 'image']);
  meter.spend('b', 70);
  expect([meter.allowance('a'), meter.allowance('b'), meter.exhausted('b'), meter.total]).toEqual([
    0,
    0,
    'run',
    150,
  ]);
});

test('the file cache keeps entries under <dir>/deep and survives an unwritable directory', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-cache-'));
  dirs.push(dir);
  const cache = new FileDeepCache(dir);
  expect(await cache.get('blob sha256:x')).toBeUndefined();
  await cache.set('blob sha256:x', Buffer.from('hello'));
  expect(Buffer.from((await cache.get('blob sha256:x'))!).toString()).toBe('hello');
  expect(await readdir(path.join(dir, 'deep'))).toHaveLength(1);

  const blocked = path.join(dir, 'file');
  await writeFile(blocked, 'not a directory');
  const broken = new FileDeepCache(blocked);
  await expect(broken.set('k', Buffer.from('v'))).resolves.toBeUndefined();
  expect(await broken.get('k')).toBeUndefined();
});
