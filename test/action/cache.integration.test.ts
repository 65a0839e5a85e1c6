import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { fingerprint, restoreRunCache, saveRunCache } from '../../src/action/cache.js';
import { type CacheServiceStandIn, startCacheService } from './support/cache-service.js';

/**
 * The action's cache between workflow runs, through the real `@actions/cache` talking to a loopback
 * stand-in of the cache service v2. `@actions/cache` reads its settings from process.env, so each test
 * sets them there and puts them back.
 */
let service: CacheServiceStandIn;
let temp: string;
const saved = { ...process.env };

beforeAll(async () => {
  service = await startCacheService();
});
afterAll(async () => service?.stop());
beforeEach(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'archcheck-action-cache-'));
  service.entries.clear();
  service.calls.splice(0);
  service.problems.splice(0);
});
afterEach(async () => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
  await rm(temp, { recursive: true, force: true });
});

function runnerEnv() {
  const env = {
    ACTIONS_CACHE_SERVICE_V2: 'true',
    ACTIONS_RESULTS_URL: service.url,
    ACTIONS_RUNTIME_TOKEN: service.token,
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: path.join(temp, 'runner-temp'),
  };
  delete process.env.ACTIONS_CACHE_URL;
  Object.assign(process.env, env);
  return env;
}

async function fill(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
}

describe('through the cache service', () => {
  test('a run saves, the next restores it, an unchanged cache is not uploaded again, a grown one is', async () => {
    const env = runnerEnv();
    await mkdir(env.RUNNER_TEMP, { recursive: true });
    const first = path.join(temp, 'first', 'archcheck');
    const nothing = await restoreRunCache(first, env);
    expect(nothing).toEqual({ note: expect.stringMatching(/No registry cache .* yet/) });
    await fill(first, { 'registry/blobs/sha256/aa': 'manifest', 'registry/tags/bb': 'sha256:aa\n' });
    const note = await saveRunCache(first, nothing.key, env);
    expect(note).toMatch(
      /^Registry cache saved to the Actions cache \(archcheck-cache-v1-Linux-[0-9a-f]{16}\)/,
    );
    expect(service.problems).toEqual([]);
    expect([...service.entries.keys()]).toEqual([`archcheck-cache-v1-Linux-${await fingerprint(first)}`]);

    // The next workflow run: a fresh runner restores into the same path.
    await rm(first, { recursive: true });
    const restored = await restoreRunCache(first, env);
    expect(restored.key).toBe([...service.entries.keys()][0]);
    expect(await readFile(path.join(first, 'registry/tags/bb'), 'utf8')).toBe('sha256:aa\n');
    expect(await saveRunCache(first, restored.key, env)).toMatch(/did not change/);
    expect(service.entries.size).toBe(1);

    await fill(first, { 'registry/blobs/sha256/cc': 'config' });
    expect(await saveRunCache(first, restored.key, env)).toMatch(/saved to the Actions cache/);
    expect(service.entries.size).toBe(2);
    // The newest entry is the one restored next time.
    await rm(first, { recursive: true });
    const newest = await restoreRunCache(first, env);
    expect(newest.key).toBe([...service.entries.keys()][1]);
    expect((await readdir(path.join(first, 'registry/blobs/sha256'))).sort()).toEqual(['aa', 'cc']);
    expect(service.problems).toEqual([]);
    expect(service.calls).toContain('PUT blob');
    expect(service.calls).toContain('FinalizeCacheEntryUpload');
  });

  test('a refused token is a note, not a failure', async () => {
    const env = runnerEnv();
    process.env.ACTIONS_RUNTIME_TOKEN = 'wrong';
    const dir = path.join(temp, 'archcheck');
    await fill(dir, { 'registry/blobs/sha256/aa': 'manifest' });
    const restored = await restoreRunCache(dir, env);
    expect(restored.key).toBeUndefined();
    expect(await saveRunCache(dir, undefined, env)).toMatch(/^The registry cache was not saved/);
    expect(service.entries.size).toBe(0);
    expect(service.problems).toEqual([
      'GetCacheEntryDownloadURL: authorization Bearer wrong',
      'CreateCacheEntry: authorization Bearer wrong',
    ]);
  });
});

describe('without a cache service', () => {
  test.each([
    ['act or a local run', {}],
    [
      'GitHub Enterprise Server without the cache',
      { GITHUB_SERVER_URL: 'https://ghes.corp', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' },
    ],
  ])('%s: restore and save are no-ops with a note', async (_name, extra) => {
    delete process.env.ACTIONS_CACHE_URL;
    delete process.env.ACTIONS_RESULTS_URL;
    Object.assign(process.env, extra);
    const dir = path.join(temp, 'archcheck');
    await fill(dir, { 'registry/blobs/sha256/aa': 'manifest' });
    expect((await restoreRunCache(dir, process.env)).note).toMatch(/not available here .*stays in/);
    expect(await saveRunCache(dir, undefined, process.env)).toMatch(/no Actions cache service/);
    expect(service.calls).toEqual([]);
  });
});

test('the fingerprint changes when an entry is added, not when nothing is', async () => {
  const dir = path.join(temp, 'fp');
  expect(await fingerprint(dir)).toBeUndefined();
  await fill(dir, { 'registry/blobs/sha256/aa': 'x', 'registry/tmp/123-abc': 'half' });
  const one = await fingerprint(dir);
  expect(await fingerprint(dir)).toBe(one);
  await fill(dir, { 'deep/results/dd': 'y' });
  expect(await fingerprint(dir)).not.toBe(one);
});
