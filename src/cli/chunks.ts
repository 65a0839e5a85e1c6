import path from 'node:path';
import type { Script } from 'node:vm';

// How the CLI bundle (dist/cli) loads its chunks: the engine, `yaml`, the reporters. Compiling them was most of
// what a run spent before reading a file (issue 14), so each is compiled with V8's code cache, kept in the
// cache directory (compile/) like registry answers. scripts/bundle.mjs writes the chunks as scripts and points
// the bundle's chunk loading at LOAD_CHUNK; from the sources (tests, tsx) nothing calls it.

/** What a chunk evaluates to: webpack's chunk format (ids and the module factories it adds). */
export interface Chunk {
  id: number;
  ids: number[];
  modules: Record<string, unknown>;
}

/** The global the bundle's runtime calls with a chunk's file name (scripts/bundle.mjs names the same symbol). */
export const LOAD_CHUNK = Symbol.for('archcheck.loadChunk');

/** ncc's chunk file names: nothing else is ever loaded from the bundle's directory. */
const CHUNK_NAME = /^\d+\.index\.js$/;
/** Entries not written for this long are removed when a new one is written (other versions, other Nodes). */
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export interface ChunkLoader {
  load(name: string): Promise<Chunk>;
  /** Writes the code cache of the chunks that were compiled without one. Never throws: the cache is only speed. */
  save(): Promise<void>;
}

/**
 * Loads chunks from `dir`, with their code cache from `cacheDir` (none: compiled every time, nothing written).
 * A cache entry is named by a hash of the chunk's text, the Node version and the CPU: V8 itself checks only its
 * own version, its flags and the text's length. The cache holds code, so an entry is used only when this user
 * owns it and nobody else may write it (SECURITY.md); anything else, or an entry V8 rejects, is compiled afresh
 * and written again after the run, with the functions the run compiled.
 */
export function chunkLoader(dir: string, cacheDir: string | undefined): ChunkLoader {
  const pending: { script: Script; file: string }[] = [];
  return {
    async load(name) {
      if (!CHUNK_NAME.test(name)) throw new Error(`not a chunk of the bundle: ${name}`);
      const [{ readFile }, { Script }] = await Promise.all([import('node:fs/promises'), import('node:vm')]);
      const filename = path.join(dir, name);
      const source = await readFile(filename, 'utf8');
      const file = cacheDir && path.join(cacheDir, await entryName(name, source));
      const cachedData = file ? await readEntry(file) : undefined;
      const script = new Script(source, { filename, ...(cachedData ? { cachedData } : {}) });
      if (file && (!cachedData || script.cachedDataRejected)) pending.push({ script, file });
      return script.runInThisContext() as Chunk;
    },
    async save() {
      const written = pending.splice(0);
      if (!cacheDir || written.length === 0) return;
      const fs = await import('node:fs/promises');
      try {
        await fs.mkdir(cacheDir, { recursive: true, mode: 0o700 });
        await prune(cacheDir);
      } catch {
        return;
      }
      for (const { script, file } of written) {
        const temp = `${file}.${process.pid}.tmp`;
        // Written aside, then renamed: a run reading at the same time sees the old entry or the new one, whole.
        const data = script.createCachedData();
        await fs
          .writeFile(temp, Buffer.concat([await sha256(data), data]), { mode: 0o600 })
          .then(() => fs.rename(temp, file))
          .catch(() => fs.rm(temp, { force: true }).catch(() => undefined));
      }
    },
  };
}

async function entryName(chunk: string, source: string): Promise<string> {
  const hash = await sha256(`${process.version}\0${process.arch}\0${source}`);
  return `${chunk.replace(/\.index\.js$/, '')}-${hash.toString('hex').slice(0, 32)}.v8`;
}

async function sha256(data: string | Uint8Array): Promise<Buffer> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(data).digest();
}

/**
 * An entry is the SHA-256 of V8's data, then the data. V8 checks the data's header but not its body: a body
 * damaged on disk stops the process in V8's deserializer (a fatal error, not an exception), so the digest is
 * checked first. Undefined when the digest does not match, or unless this user owns the file and neither group
 * nor others may write it.
 */
async function readEntry(file: string): Promise<Buffer | undefined> {
  const bytes = await readOwnFile(file);
  if (!bytes || bytes.length <= 32) return undefined;
  const data = bytes.subarray(32);
  return (await sha256(data)).equals(bytes.subarray(0, 32)) ? data : undefined;
}

async function readOwnFile(file: string): Promise<Buffer | undefined> {
  const [{ open }, { constants }] = await Promise.all([import('node:fs/promises'), import('node:fs')]);
  // Non-blocking: a FIFO in the entry's place would otherwise hold the run until something writes to it.
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch(() => undefined);
  if (!handle) return undefined;
  try {
    const stat = await handle.stat();
    const uid = process.getuid?.();
    if (!stat.isFile() || (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)))
      return undefined;
    return await handle.readFile();
  } catch {
    return undefined;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function prune(cacheDir: string): Promise<void> {
  const { readdir, rm, stat } = await import('node:fs/promises');
  const cutoff = Date.now() - MAX_AGE_MS;
  for (const name of await readdir(cacheDir)) {
    const file = path.join(cacheDir, name);
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile() && info.mtimeMs < cutoff) await rm(file, { force: true }).catch(() => undefined);
  }
}
