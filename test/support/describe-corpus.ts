import { describe, test } from 'vitest';
import { CORPUS_MISSING, corpusFound } from './corpus.js';

/**
 * `describe` for tests that read the shared corpus. Without the corpus the body is never run (so it may read
 * corpus files while collecting tests, e.g. for `test.each` rows), and one skipped test carries the reason,
 * which the reporters list.
 */
export function describeCorpus(name: string, body: () => void): void {
  if (corpusFound) describe(name, body);
  else describe(name, () => test.skip(CORPUS_MISSING, () => {}));
}
