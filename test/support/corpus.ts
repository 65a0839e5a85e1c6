import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the shared real-world corpus is: the one place tests and benches learn it. It is read in place, never
 * copied into the repository, and it is not in a fresh clone, so tests that need it skip (see
 * ./describe-corpus.ts) rather than fail. `ARCHCHECK_CORPUS` overrides the default `../shared/corpus`
 * beside the repository; a relative value is taken from the repository root.
 *
 * No vitest import here: the benches read this file too.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const CORPUS = path.resolve(ROOT, process.env.ARCHCHECK_CORPUS || '../shared/corpus');

export const corpusFound = isDirectory(CORPUS);

/** Why corpus tests and benches did not run, for skip names and messages. */
export const CORPUS_MISSING = `shared corpus not found at ${CORPUS} (set ARCHCHECK_CORPUS)`;

/** An absolute path inside the corpus. */
export function corpusPath(...segments: string[]): string {
  return path.join(CORPUS, ...segments);
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
