import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { composedBothWays } from './compose-both.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the same report with and without composing every document', () => {
  test.each([
    // tree, whether some of its documents hold no container
    ['examples', false],
    ['test/fixtures/documents', true],
    ['test/fixtures/workloads', true],
    ['test/fixtures/crds', true],
    ['test/fixtures/cli', true],
    ['test/fixtures/engine', true],
    ['test/fixtures/action', true],
  ])('%s', async (tree, skips) => {
    const { full, fast, syntaxOnly } = await composedBothWays(path.join(ROOT, tree));
    expect(fast).toEqual(full);
    expect(syntaxOnly > 0).toBe(skips);
  });
});
