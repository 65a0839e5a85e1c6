import path from 'node:path';
import { decodeManifest } from '../documents/decode.js';
import type { ReadOutcome } from '../documents/read.js';
import type { SourceFile } from './discover.js';

/** How reports name manifests read from standard input (`archcheck -`), as kubectl and linters do. */
export const STDIN_NAME = '<stdin>';

/** The path argument that stands for standard input. */
export const STDIN_ARG = '-';

/**
 * Standard input as a loose file: named `<stdin>` in reports, and placed in the working directory for clusters'
 * `paths` (so `paths: ['**']` matches it and `deploy/**` does not).
 */
export function stdinSource(cwd: string): SourceFile {
  return { path: path.join(cwd, STDIN_NAME), file: STDIN_NAME, stdin: true };
}

/**
 * Reads standard input whole, at most `maxBytes` of it: past the cap the read stops (nothing more is buffered)
 * and the input is a problem, like a file over the limit. Without a stream (the action has no standard input
 * to give) `-` is a problem too, never a hang.
 */
export async function readStdin(
  stream: AsyncIterable<Uint8Array> | undefined,
  maxBytes: number,
): Promise<ReadOutcome> {
  const at = { file: STDIN_NAME, line: 1, column: 1 };
  if (!stream) {
    const message =
      'standard input is not available here: "-" reads manifests from it only on the command line';
    return { ok: false, problem: { message, location: at } };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        const message = `standard input is over the ${maxBytes}-byte limit: not parsed (raise it with --max-file-size)`;
        return { ok: false, problem: { message, location: at } };
      }
      chunks.push(chunk);
    }
  } catch (error) {
    const message = `cannot read standard input: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    return { ok: false, problem: { message, location: at } };
  }
  return { ok: true, text: decodeManifest(Buffer.concat(chunks)) };
}
