import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { generateRepo } from '../../bench/generate-repo.js';
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

  // The bench's documents are the ones fastCompose builds: workloads with flow maps, quoted and numeric scalars.
  test('a generated repository', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archcheck-golden-'));
    try {
      generateRepo(dir, 300);
      const { full, fast, syntaxOnly } = await composedBothWays(dir);
      expect(fast).toEqual(full);
      expect(typeof full === 'string' ? 0 : full.stats.workloads).toBeGreaterThan(100);
      expect(syntaxOnly).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
