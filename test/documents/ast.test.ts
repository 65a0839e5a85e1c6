import { describe, expect, test } from 'vitest';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { asMap, child, keyNode, scalarString, type AstContext } from '../../src/documents/ast.js';

function context(text: string): AstContext {
  const doc = parseDocument(text, { uniqueKeys: false, merge: true }) as Document.Parsed;
  return { file: 'f.yaml', doc, lines: new LineCounter() };
}

/** `n` filler keys, so the map is scanned (small) or indexed (large). */
const filler = (n: number) => Array.from({ length: n }, (_, i) => `  k${i}: ${i}\n`).join('');

describe('key lookups in small (scanned) and large (indexed) maps', () => {
  test.each([
    ['small', 3],
    ['large', 40],
  ])('%s map: the first written key wins, merge sources come after own keys', (_name, n) => {
    const text = `base: &b {name: merged, only: fromBase}\nm:\n  <<: *b\n${filler(n)}  name: first\n  name: second\n  3: three\n`;
    const ctx = context(text);
    const m = asMap(ctx, child(ctx, asMap(ctx, ctx.doc.contents), 'm'));
    expect(scalarString(ctx, child(ctx, m, 'name'))).toBe('first');
    expect(scalarString(ctx, child(ctx, m, 'only'))).toBe('fromBase');
    expect(scalarString(ctx, child(ctx, m, '3'))).toBe('three');
    expect(scalarString(ctx, child(ctx, m, '<<'))).toBeUndefined();
    expect(keyNode(ctx, m, 'name')?.range?.[0]).toBe(text.indexOf('name: first'));
  });
});
