import { describe, expect, test } from 'vitest';
import { nodeRuns } from '../../src/platforms/match.js';
import { parseNodePlatform } from '../../src/platforms/node.js';
import { formatPlatform } from '../../src/platforms/normalize.js';
import { PARSE_CASES, PLATFORM_CASES, expected, imageOf, nodeOf, title } from '../verdicts/cases/index.js';

/** containerd/platforms' own tables, case by case (transcribed in test/verdicts/cases/containerd.ts). */
describe('containerd verdicts', () => {
  test.each(PLATFORM_CASES.map((c) => [title(c), c] as const))('%s', (_title, c) => {
    expect(nodeRuns(nodeOf(c), imageOf(c))).toBe(expected(c));
  });

  test('every deliberate difference says why', () => {
    const differ = PLATFORM_CASES.filter((c) => c.archcheck !== undefined && c.archcheck !== c.upstream);
    expect(differ.length).toBeGreaterThan(0);
    expect(differ.every((c) => c.reason)).toBe(true);
  });
});

/** containerd's parser table, read as a node platform (`--arch`, `architectures`, `arch:`). */
describe('containerd platform specifiers', () => {
  test.each(PARSE_CASES.map((c) => [title(c), c] as const))('%s', (_title, c) => {
    const parsed = parseNodePlatform(c.name);
    const want = c.archcheck ?? c.upstream;
    if (typeof want === 'object')
      expect(parsed).toEqual({ error: expect.stringContaining(want.error) as unknown });
    else expect('error' in parsed ? parsed.error : formatPlatform(parsed)).toBe(want);
  });
});
