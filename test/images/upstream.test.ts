import { describe, expect, test } from 'vitest';
import { canonicalImage, parseImageReference } from '../../src/images/reference.js';
import { REFERENCE_CASES, expected, title } from '../verdicts/cases/index.js';

/** distribution/reference's own tables, case by case (transcribed in test/verdicts/cases/distribution.ts). */
describe('distribution/reference verdicts', () => {
  test.each(REFERENCE_CASES.map((c) => [title(c), c] as const))('%s', (_title, c) => {
    const parsed = parseImageReference(c.input);
    expect(parsed.ok).toBe(expected(c));
    if (parsed.ok) expect(canonicalImage(parsed.ref)).toBe(c.canonical);
  });
});
