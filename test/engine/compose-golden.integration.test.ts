import { expect, test } from 'vitest';
import { corpusPath } from '../support/corpus.js';
import { describeCorpus } from '../support/describe-corpus.js';
import { composedBothWays } from './compose-both.js';

/** The corpus half of compose-golden.test.ts: whole real repositories, a few seconds each. */
describeCorpus('the same report on the shared corpus, with and without composing every document', () => {
  test.each(['manifests', 'nodes', 'helm-rendered'])('%s', async (tree) => {
    const { full, fast, syntaxOnly } = await composedBothWays(corpusPath(tree));
    expect(fast).toEqual(full);
    expect(typeof full === 'string' ? full : full.stats.documents).toBeGreaterThan(0);
    expect(syntaxOnly).toBeGreaterThan(0);
  });
});
