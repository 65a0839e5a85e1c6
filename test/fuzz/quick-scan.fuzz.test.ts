import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LineCounter, isMap, isScalar, parseAllDocuments, visit } from 'yaml';
import { documentProblems, mayHaveAlias } from '../../src/documents/problems.js';
import { quickScan } from '../../src/documents/quick-scan.js';

/**
 * The scan's one promise: a document it reads is one the `yaml` package reads without any problem, with the same
 * top-level kind and apiVersion, and with no key naming `image` when it says so. Checked on block-style
 * documents written with the variants real manifests use, then bent at one spot (indentation, a character
 * inserted or dropped) so most land on the edge of the subset.
 */
const WORDS = [
  'a',
  'b',
  'image',
  'kind',
  'apiVersion',
  'v1',
  'x y',
  'Service',
  '1',
  '~',
  'null',
  'true',
  '-x',
  ':x',
  '?x',
  'a:b',
  'a#b',
  '<<',
  '*a',
  '&a',
  '!t',
  'a]',
  '--',
  'a,b',
  '"q"',
  "'it''s'",
  '"a: b"',
  "'x'",
  '""',
  '0x1F',
  'é',
  '"5 * * * *"',
  '0 3 * * *',
  '&x *a',
  '[*a]',
  '!t *a',
];
/** Keys mostly the scan reads, so most documents reach their bent spot. */
const KEYS = [
  'name',
  'image',
  'kind',
  'apiVersion',
  'data',
  'spec',
  'app.kubernetes.io/name',
  'x y',
  'imagePullPolicy',
  'port',
  'labels',
  'metadata',
  'items',
  'values',
  'a"b',
  'é',
];
const INSERTS = [
  ' ',
  '  ',
  ':',
  ': ',
  '-',
  '- ',
  '#',
  ' #',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '|',
  '>',
  '\t',
  '*',
  '&',
  '!',
  '\\',
  '\n',
  '\n  ',
  '---',
  '%',
  '@',
  '?',
  '\r',
];

type Rand = (n: number) => number;

function rand(seed: number): Rand {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const pick = <T>(r: Rand, list: readonly T[]): T => list[r(list.length)] as T;

function scalar(r: Rand): string {
  switch (r(8)) {
    case 0:
      return `[${pick(r, WORDS)}, ${pick(r, WORDS)}]`;
    case 1:
      return `{${pick(r, WORDS)}: ${pick(r, WORDS)}${r(2) ? `, ${pick(r, WORDS)}: ${pick(r, WORDS)}` : ''}}`;
    case 2:
      return `${pick(r, WORDS)} # ${pick(r, WORDS)}`;
    default:
      return pick(r, WORDS);
  }
}

/** A block mapping at `indent`, `depth` levels deep, as lines. */
function mapping(r: Rand, indent: number, depth: number, out: string[], first?: string): void {
  const pad = ' '.repeat(indent);
  const keys = 1 + r(4);
  for (let k = 0; k < keys; k++) {
    const lead = k === 0 && first !== undefined ? first : pad;
    const key = r(10) ? KEYS[(k * 5 + r(3)) % KEYS.length] : pick(r, WORDS);
    const choice = depth > 3 ? r(3) : r(7);
    if (choice < 3) out.push(`${lead}${key}: ${scalar(r)}`);
    else if (choice === 3) {
      out.push(`${lead}${key}: ${pick(r, ['|', '>-', '|+', '|-'])}`);
      const inner = indent + 1 + r(3);
      for (let l = r(3); l >= 0; l--) out.push(r(4) ? `${' '.repeat(inner + r(2))}${pick(r, WORDS)}` : '');
    } else if (choice === 4) {
      out.push(`${lead}${key}:`);
      mapping(r, indent + 1 + r(3), depth + 1, out);
    } else {
      out.push(`${lead}${key}:`);
      const seqIndent = indent + r(3);
      for (let i = r(3); i >= 0; i--) {
        const dash = `${' '.repeat(seqIndent)}-${' '.repeat(1 + r(2))}`;
        if (r(2)) out.push(`${dash}${scalar(r)}`);
        else mapping(r, dash.length, depth + 1, out, dash);
      }
    }
    if (r(8) === 0) out.push(`${' '.repeat(r(6))}# ${pick(r, WORDS)}`);
  }
}

function document(seed: number): string {
  const r = rand(seed);
  const out: string[] = [];
  if (r(3) === 0) out.push(pick(r, ['---', '--- # c', '--- x']));
  if (r(2)) out.push(`apiVersion: ${pick(r, WORDS)}`, `kind: ${pick(r, WORDS)}`);
  mapping(r, 0, 0, out);
  let text = out.join(r(6) ? '\n' : '\r\n');
  for (let bends = r(3); bends > 0; bends--) {
    const at = r(text.length + 1);
    text = r(3)
      ? `${text.slice(0, at)}${pick(r, INSERTS)}${text.slice(at)}`
      : `${text.slice(0, at)}${text.slice(at + 1)}`;
  }
  return r(2) ? `${text}\n` : text;
}

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
