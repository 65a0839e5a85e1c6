import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { formatImageRef, isMutableTag, parseImageReference } from '../../src/images/reference.js';
import { corpusPath } from '../support/corpus.js';
import { describeCorpus } from '../support/describe-corpus.js';
import { random } from './random.js';

const KINDS = ['syntax', 'template', 'env', 'parameter', 'printf', 'pattern', 'ko', 'empty'];

/** IMAGES.txt: a `#` header line, then `count<TAB>image` per distinct `image:` value. */
function corpusImages(): string[] {
  return readFileSync(corpusPath('IMAGES.txt'), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [count, image, ...rest] = line.split('\t');
      expect(Number(count)).toBeGreaterThan(0);
      expect(rest).toEqual([]);
      return image ?? '';
    });
}

describeCorpus('corpus images (IMAGES.txt)', () => {
  const images = corpusImages();
  const results = images.map((image) => ({ image, result: parseImageReference(image) }));

  test('every line parses or fails with a reason', () => {
    expect(images).toHaveLength(159);
    for (const { result } of results) {
      if (result.ok) expect(result.ref.repository).not.toBe('');
      else expect(result.reason.length).toBeGreaterThan(10);
    }
  });

  test('the counts the corpus README states', () => {
    const byKind: Record<string, number> = {};
    for (const { result } of results) {
      const kind = result.ok ? 'ok' : result.kind;
      byKind[kind] = (byKind[kind] ?? 0) + 1;
    }
    // README: 6 `ko://` build-time refs and 3 printf placeholders; everything else is a real reference.
    expect(byKind).toEqual({ ok: 150, ko: 6, printf: 3 });
    const refs = results.flatMap(({ result }) => (result.ok ? [result.ref] : []));
    // README: 12 `:latest`, 4 pinned by digest, 24 bare library names, 16 with no tag (10 here + the 6 ko://).
    expect(refs.filter((r) => r.tag === 'latest')).toHaveLength(12);
    expect(refs.filter((r) => r.digest)).toHaveLength(4);
    expect(refs.filter((r) => r.tag === undefined && r.digest === undefined)).toHaveLength(10);
    expect(
      refs.filter((r) => r.registry === 'docker.io' && r.repository.startsWith('library/')),
    ).toHaveLength(24);
    expect(refs.filter(isMutableTag)).toHaveLength(22);
  });

  test('ECR China partition and printf ECR are told apart', () => {
    const china = results.find(({ image }) => image.includes('.amazonaws.com.cn/amazon-k8s-cni:'));
    expect(china?.result).toMatchObject({
      ok: true,
      ref: { registry: '961992271922.dkr.ecr.cn-northwest-1.amazonaws.com.cn' },
    });
    const printf = results.find(({ image }) => image.startsWith('%s.dkr.ecr.'));
    expect(printf?.result).toMatchObject({ ok: false, kind: 'printf' });
  });
});

describe('properties', () => {
  test('2,000 random strings never throw and always give a well-formed result', () => {
    const next = random(20261124);
    for (let i = 0; i < 2000; i++) {
      const length = Math.floor(next() * 300);
      let input = '';
      for (let j = 0; j < length; j++) {
        // Mostly printable ASCII, some of the whole UTF-16 range (lone surrogates included).
        input += String.fromCharCode(
          next() < 0.8 ? 32 + Math.floor(next() * 95) : Math.floor(next() * 0x10000),
        );
      }
      const result = parseImageReference(input);
      if (result.ok) expect(typeof result.ref.repository).toBe('string');
      else {
        expect(KINDS).toContain(result.kind);
        expect(result.reason).not.toBe('');
      }
    }
  });

  test('a very long input is answered quickly (no regex backtracking blow-up)', () => {
    const started = performance.now();
    for (const input of [
      'a-'.repeat(50_000) + '!',
      'a.'.repeat(50_000) + '-/x',
      `x:${'9'.repeat(100_000)}y`,
      // Placeholder openings that never close: each must not rescan the rest of the string.
      '$(params.x'.repeat(20_000),
      '$(context.'.repeat(20_000),
    ]) {
      expect(parseImageReference(input).ok).toBe(false);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });

  // Fragments biased toward the grammar, so that many random joins are valid references.
  const sha = `sha256:${createHash('sha256').update('x').digest('hex')}`;
  const fragments = [
    'a',
    'z9',
    '0',
    '.',
    '_',
    '__',
    '-',
    '--',
    '/',
    '/',
    ':',
    '@',
    sha,
    'A',
    'localhost',
    'docker.io',
    'index.docker.io',
    '[::1]',
    '5000',
    'latest',
    'v1.2',
    'ex.com',
    'sha256',
    'B.io',
    '___',
    '..',
    ' ',
  ];

  test('formatting a parsed reference and parsing it again gives the same reference', () => {
    const next = random(7);
    let parsed = 0;
    for (let i = 0; i < 5000; i++) {
      const count = 1 + Math.floor(next() * 7);
      let input = '';
      for (let j = 0; j < count; j++) input += fragments[Math.floor(next() * fragments.length)];
      const first = parseImageReference(input);
      if (!first.ok) continue;
      parsed++;
      expect(parseImageReference(formatImageRef(first.ref)), input).toEqual(first);
    }
    expect(parsed).toBeGreaterThan(500);
  });
});
