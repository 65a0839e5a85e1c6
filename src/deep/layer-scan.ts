import { createGunzip } from 'node:zlib';
import { Decompress } from 'fzstd';
import { errorMessage } from '../errors.js';
import { type LayerFacts, collectFacts } from './overlay.js';
import { TarReader } from './tar.js';

/** A streamed blob: bytes, then possibly one failure (the ImageContent.openBlob contract). */
export type BlobChunks = AsyncIterable<Uint8Array | { kind: 'error'; reason: string }>;

export type ScanResult =
  | { kind: 'facts'; facts: LayerFacts }
  /** The blob ended (or was cut at the byte allowance) before the tar stream did. */
  | { kind: 'incomplete'; bytes: number }
  | { kind: 'error'; reason: string };

/**
 * Streams one layer blob through its decompressor and the tar reader, collecting what it says about
 * `target`, and stops reading (so no further range is requested) once the facts are settled. The format
 * is told by magic bytes, not the media type (registries and tools mislabel it): gzip (RFC 1952, 1f 8b),
 * zstd (RFC 8878, 28 b5 2f fd), else an uncompressed tar. Nothing is written to disk.
 */
export async function scanLayer(
  chunks: BlobChunks,
  target: string,
  maxExpandedBytes: number,
): Promise<ScanResult> {
  const source = new Counted(chunks);
  const collector = collectFacts(target);
  const reader = new TarReader(collector.visit, collector.onHead);
  let expanded = 0;
  try {
    const first = await source.peek();
    for await (const chunk of decompress(first, source.rest())) {
      // The byte budget counts compressed bytes; this bounds the work a decompression bomb can cause.
      expanded += chunk.length;
      if (expanded > maxExpandedBytes) {
        return {
          kind: 'error',
          reason: `it expands to more than ${maxExpandedBytes} bytes before the file is found`,
        };
      }
      const result = reader.push(chunk);
      if (result === 'more') continue;
      if (typeof result === 'object') return { kind: 'error', reason: result.error };
      return { kind: 'facts', facts: collector.facts };
    }
  } catch (error) {
    if (source.failure) return { kind: 'error', reason: source.failure };
    // A stream cut short (the byte allowance, a short blob) is incomplete; anything else is corrupt.
    if (!source.done || !truncated(error)) {
      return { kind: 'error', reason: `the layer cannot be decompressed: ${errorMessage(error)}` };
    }
  } finally {
    await source.close();
  }
  if (source.failure) return { kind: 'error', reason: source.failure };
  return { kind: 'incomplete', bytes: source.bytes };
}

/** zlib's Z_BUF_ERROR ("unexpected end of file") and fzstd's end-of-input error mean the input stopped early. */
function truncated(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === 'Z_BUF_ERROR' || (typeof message === 'string' && /unexpected EOF|end of file/i.test(message))
  );
}

function decompress(
  first: Uint8Array | undefined,
  rest: AsyncIterable<Uint8Array>,
): AsyncIterable<Uint8Array> {
  const all = prepend(first, rest);
  if (first && first[0] === 0x1f && first[1] === 0x8b) return gunzip(all);
  if (first && first[0] === 0x28 && first[1] === 0xb5 && first[2] === 0x2f && first[3] === 0xfd) {
    return unzstd(all);
  }
  return all;
}

async function* prepend(
  first: Uint8Array | undefined,
  rest: AsyncIterable<Uint8Array>,
): AsyncIterable<Uint8Array> {
  if (first) yield first;
  yield* rest;
}

/**
 * gzip through zlib, fed one compressed chunk at a time: the next chunk is pulled from the source (a ranged
 * request) only once zlib has taken the previous one and its output has been read, so nothing is fetched
 * ahead of what the tar reader consumes. zlib itself holds back when its output is not read.
 */
async function* gunzip(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const inflate = createGunzip();
  let failure: Error | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  inflate.on('error', (error) => {
    failure = error;
    signal();
  });
  inflate.on('readable', signal);
  inflate.on('end', () => {
    ended = true;
    signal();
  });
  async function* drain(done: () => boolean): AsyncIterable<Uint8Array> {
    for (;;) {
      if (failure) throw failure;
      for (let out = inflate.read() as Buffer | null; out !== null; out = inflate.read() as Buffer | null) {
        yield out;
      }
      if (done()) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  try {
    for await (const chunk of source) {
      let taken = false;
      inflate.write(chunk, () => {
        taken = true;
        signal();
      });
      yield* drain(() => taken);
    }
    inflate.end();
    yield* drain(() => ended);
  } finally {
    inflate.destroy();
  }
}

async function* unzstd(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const out: Uint8Array[] = [];
  // fzstd may hand out views of its window, which later input overwrites: keep copies.
  const stream = new Decompress((data) => out.push(data.slice()));
  for await (const chunk of source) {
    stream.push(chunk);
    while (out.length > 0) yield out.shift()!;
  }
  stream.push(new Uint8Array(0), true);
  while (out.length > 0) yield out.shift()!;
}

/** The blob's bytes with a count, its failure kept aside, and the first chunk available to sniff. */
class Counted {
  bytes = 0;
  done = false;
  failure: string | undefined;
  readonly #iterator: AsyncIterator<Uint8Array | { kind: 'error'; reason: string }>;

  constructor(chunks: BlobChunks) {
    this.#iterator = chunks[Symbol.asyncIterator]();
  }

  async peek(): Promise<Uint8Array | undefined> {
    return this.#next();
  }

  async *rest(): AsyncIterable<Uint8Array> {
    for (let chunk = await this.#next(); chunk; chunk = await this.#next()) yield chunk;
  }

  /** Ends the blob reader early: no further range is requested, an open file is closed. */
  async close(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.#iterator.return?.();
  }

  async #next(): Promise<Uint8Array | undefined> {
    if (this.done) return undefined;
    const { value, done } = await this.#iterator.next();
    if (done || !(value instanceof Uint8Array)) {
      this.done = true;
      if (value && !(value instanceof Uint8Array)) this.failure = value.reason;
      return undefined;
    }
    this.bytes += value.length;
    return value;
  }
}
