import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LineCounter, isMap, isScalar, parseAllDocuments, visit } from 'yaml';
import { documentProblems, mayHaveAlias } from '../../src/documents/problems.js';
import { quickScan } from '../../src/documents/quick-scan.js';
import { document } from './block-documents.js';

/**
 * The scan's one promise: a document it reads is one the `yaml` package reads without any problem, with the same
 * top-level kind and apiVersion, and with no key naming `image` when it says so (documents: block-documents.ts).
 */
function truth(text: string) {
  const docs = parseAllDocuments(text, {
    prettyErrors: false,
    strict: false,
    uniqueKeys: false,
    merge: true,
  });
  const list = Array.isArray(docs) ? docs : [];
  const doc = list[0];
  if (list.length !== 1 || !doc || documentProblems(doc, new LineCounter()) || !isMap(doc.contents)) {
    return { clean: false };
  }
  const map = doc.contents;
  const top = (key: string) => {
    const node = map.get(key, true);
    return isScalar(node) && node.value !== null && String(node.value) !== ''
      ? String(node.value)
      : undefined;
  };
  let imageKey = false;
  visit(doc, {
    Pair(_k, pair) {
      if (isScalar(pair.key) && String(pair.key.value).toLowerCase().includes('image')) imageKey = true;
    },
  });
  return { clean: true, kind: top('kind'), apiVersion: top('apiVersion'), imageKey };
}

describe('quickScan never claims more than the parser reads', () => {
  test('bent block-style documents', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const text = document(seed);
        const scan = quickScan(text);
        if (!scan) return;
        read++;
        const { kind, apiVersion, imageKey } = scan;
        expect({ text, ...truth(text) }).toEqual({ text, clean: true, kind, apiVersion, imageKey });
      }),
      { numRuns: 10_000, seed: 14 },
    );
    // Most bent documents fall outside the subset; enough must stay inside for the check to mean something.
    expect(read).toBeGreaterThan(500);
  });

  // The alias pass runs only on documents the parser read without error, so only those must hold no alias.
  test('a text mayHaveAlias clears composes no alias where it has no error', () => {
    let cleared = 0;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const text = document(seed);
        if (mayHaveAlias(text)) return;
        cleared++;
        const docs = parseAllDocuments(text, { uniqueKeys: false, merge: true });
        let aliases = 0;
        for (const doc of Array.isArray(docs) ? docs : [])
          if (doc.errors.length === 0)
            visit(doc, {
              Alias() {
                aliases++;
              },
            });
        expect({ text, aliases }).toEqual({ text, aliases: 0 });
      }),
      { numRuns: 10_000, seed: 16 },
    );
    expect(cleared).toBeGreaterThan(500);
  });
});
