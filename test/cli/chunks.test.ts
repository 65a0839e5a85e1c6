import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { chunkLoader } from '../../src/cli/chunks.js';

// The CLI bundle's chunk loader (src/cli/chunks.ts) with small chunks written here in the bundle's chunk format:
// a script evaluating to { id, ids, modules }. What a test observes is what a user would: the value the chunk
// gives, and the entries the compile cache holds after a run.

let tmp: string;
let bundle: string;
let cache: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'archcheck-chunks-'));
  bundle = path.join(tmp, 'bundle');
  cache = path.join(tmp, 'cache', 'compile');
  await mkdir(bundle);
});
afterEach(() => rm(tmp, { recursive: true, force: true }));

/** A chunk whose one module answers `answer`; the same length whatever the (one-letter) answer. */
const chunkText = (answer: string) =>
  `(function(){"use strict";const id=7;const ids=[7];const modules={1:(function(m){m.exports=${JSON.stringify(answer)}})};return{id,ids,modules}})();\n`;

async function writeChunk(answer: string): Promise<void> {
  await writeFile(path.join(bundle, '7.index.js'), chunkText(answer));
}

/**
 * Loads chunk 7 with a fresh loader, saves, and says what the module answered; null: no cache. Each run reads the
 * chunk from a directory of its own, as a new process would: V8 keeps the scripts a process compiled by source
 * and name, and would answer a second compile of the same file from memory, without reading the cache.
 */
let runs = 0;
async function run(cacheDir: string | null = cache): Promise<string> {
  const dir = path.join(tmp, `run-${++runs}`);
  await mkdir(dir);
  await copyFile(path.join(bundle, '7.index.js'), path.join(dir, '7.index.js'));
  const loader = chunkLoader(dir, cacheDir ?? undefined);
  const chunk = await loader.load('7.index.js');
  const module = { exports: undefined as unknown };
  (chunk.modules['1'] as (m: typeof module) => void)(module);
  await loader.save();
  return String(module.exports);
}

const entries = async () => (await readdir(cache).catch(() => [])).sort();
const onlyEntry = async () => {
  const found = await entries();
  expect(found).toHaveLength(1);
  return path.join(cache, found[0] as string);
};

test.each<[string, () => Promise<void>]>([
  [
    'a first run compiles the chunk and keeps its code; the next one reads it and writes nothing',
    async () => {
      expect(await run()).toBe('a');
      const entry = await onlyEntry();
      expect(path.basename(entry)).toMatch(/^7-[0-9a-f]{32}\.v8$/);
      const written = await stat(entry);
      expect(written.mode & 0o777).toBe(0o600);
      await utimes(entry, new Date(2020, 0, 1), new Date(2020, 0, 1));
      expect(await run()).toBe('a');
      expect((await stat(entry)).mtime.getFullYear()).toBe(2020);
    },
  ],
  [
    // V8 checks only the text's length: an entry of the old text must never run for a new one of the same length.
    'a chunk changed to a text of the same length gets an entry of its own',
    async () => {
      expect(await run()).toBe('a');
      await writeChunk('b');
      expect(await run()).toBe('b');
      expect(await entries()).toHaveLength(2);
    },
  ],
  [
    // Flipped bits past V8's header would stop the process in V8's deserializer: the digest must catch them.
    'an entry damaged on disk is compiled afresh and written again',
    async () => {
      await run();
      const entry = await onlyEntry();
      const damaged = await readFile(entry);
      for (let i = 100; i < damaged.length; i++) damaged[i] = (damaged[i] as number) ^ 0x55;
      await writeFile(entry, damaged, { mode: 0o600 });
      expect(await run()).toBe('a');
      expect((await readFile(entry)).equals(damaged)).toBe(false);
    },
  ],
  [
    'an entry whose digest holds but whose data V8 rejects is compiled afresh and written again',
    async () => {
      await run();
      const entry = await onlyEntry();
      const junk = Buffer.alloc(4096, 7);
      const forged = Buffer.concat([createHash('sha256').update(junk).digest(), junk]);
      await writeFile(entry, forged, { mode: 0o600 });
      expect(await run()).toBe('a');
      expect((await readFile(entry)).equals(forged)).toBe(false);
    },
  ],
  [
    'an entry others may write is not used, and is replaced by one only this user may write',
    async () => {
      await run();
      const entry = await onlyEntry();
      await chmod(entry, 0o666);
      expect(await run()).toBe('a');
      expect((await stat(entry)).mode & 0o777).toBe(0o600);
    },
  ],
  [
    "a FIFO in an entry's place does not hold the run, and is replaced by an entry",
    async () => {
      await run();
      const entry = await onlyEntry();
      await rm(entry);
      execFileSync('mkfifo', [entry]);
      expect(await run()).toBe('a');
      expect((await stat(entry)).isFile()).toBe(true);
    },
  ],
  [
    'without a cache directory (--no-cache) the chunk loads and nothing is written',
    async () => {
      expect(await run(null)).toBe('a');
      expect((await readdir(tmp)).filter((name) => !name.startsWith('run-'))).toEqual(['bundle']);
    },
  ],
  [
    'a cache directory that cannot be made costs only speed',
    async () => {
      await writeFile(path.join(tmp, 'cache'), 'a file where the directory should be');
      expect(await run()).toBe('a');
      expect(await run()).toBe('a');
    },
  ],
  [
    'writing an entry removes those not written for 30 days, and keeps the others',
    async () => {
      await mkdir(cache, { recursive: true });
      const old = path.join(cache, '7-0123456789abcdef0123456789abcdef.v8');
      const recent = path.join(cache, '8-0123456789abcdef0123456789abcdef.v8');
      await writeFile(old, 'old');
      await writeFile(recent, 'recent');
      const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
      await utimes(old, longAgo, longAgo);
      await run();
      const kept = await entries();
      expect(kept).not.toContain(path.basename(old));
      expect(kept).toContain(path.basename(recent));
      expect(kept).toHaveLength(2);
    },
  ],
])('%s', async (_name, scenario) => {
  await writeChunk('a');
  await scenario();
});

test.each(['../7.index.js', 'index.js', '7.index.js.map', '/etc/passwd'])(
  'only chunk names are loaded: %s is refused',
  async (name) => {
    await expect(chunkLoader(bundle, cache).load(name)).rejects.toThrow(/not a chunk of the bundle/);
  },
);
