import { open } from 'node:fs/promises';
import { decodeManifest } from './decode.js';
import type { ParseProblem } from './parse.js';

/** Default per-file cap: far above any real manifest (the largest CRD bundles are a few MiB). */
export const DEFAULT_MAX_FILE_SIZE = 16 * 1024 * 1024;

export type ReadOutcome = { ok: true; text: string } | { ok: false; problem: ParseProblem };

/**
 * Reads and decodes one manifest file. A file over `maxBytes` is not read at all (the size is checked on the
 * open handle, so a file that grows in between is still cut off): parsing it would cost memory the run may not
 * have. A read error (permission denied, a directory, a vanished file) is a problem, never a throw.
 */
export async function readManifest(path: string, file: string, maxBytes: number): Promise<ReadOutcome> {
  const at = { file, line: 1, column: 1 };
  let handle;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) {
      const message = `file is ${size} bytes, over the ${maxBytes}-byte limit: not parsed (raise it with --max-file-size or the max-file-size input)`;
      return { ok: false, problem: { message, location: at } };
    }
    const bytes = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { ok: true, text: decodeManifest(bytes.subarray(0, filled)) };
  } catch (error) {
    const message = `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    return { ok: false, problem: { message, location: at } };
  } finally {
    await handle?.close();
  }
}
