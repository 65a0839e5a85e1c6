import { describe, expect, test } from 'vitest';
import { capList, formatText } from '../../src/reporters/text.js';
import type { Finding } from '../../src/rules/finding.js';
import { archMismatch, mutableTag, parseError, reportOf } from './reports.js';

/** The same mismatch in `n` workloads of one file, one line apart. */
const inWorkloads = (n: number): Finding[] =>
  Array.from({ length: n }, (_, i) => ({
    ...archMismatch,
    workload: { kind: 'Deployment', name: `w${i}` },
    location: { ...archMismatch.location, line: 10 + i },
  }));

const text = (findings: Finding[], extra = {}) => formatText(reportOf(findings, extra), { color: false });

describe('formatText', () => {
  test.each<[string, string[], string]>([
    ['short lists are kept whole', ['a', 'b'], 'a, b'],
    ['long lists name three and count the rest', ['a', 'b', 'c', 'd', 'e'], 'a, b, c and 2 more'],
  ])('capList: %s', (_name, items, expected) => {
    expect(capList(items)).toBe(expected);
  });

  test('the same finding on the same image in 12 workloads is one line at its first position', () => {
    const lines = text(inWorkloads(12)).split('\n');
    const hits = lines.filter((l) => /^ {2}\d+:\d+ .*image-arch-mismatch$/.test(l));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toContain('(in 12 workloads: Deployment/w0, Deployment/w1, Deployment/w2 and 9 more)');
    expect(hits[0]).toMatch(/^ {2}10:18 /);
  });

  test('errors come before notices: the file with an error is listed first, and first in its file', () => {
    const at = (f: Finding, file: string, line: number, image?: string): Finding => ({
      ...f,
      ...(image ? { image } : {}),
      location: { ...f.location, file, line },
    });
    const out = text([
      at(mutableTag, 'a.yaml', 1, 'one'),
      at(mutableTag, 'b.yaml', 2, 'two'),
      at(parseError, 'b.yaml', 9),
    ]);
    const lines = out.split('\n');
    expect(lines.slice(0, 6).map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'b.yaml',
      '9:1 error',
      '2:18 notice',
      '',
      'a.yaml',
      '1:18 notice',
    ]);
  });

  test('long lists are capped with "and N more"', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      ...parseError,
      location: { ...parseError.location, file: 'big.yaml', line: i + 1 },
    }));
    const out = text(many);
    expect(out).toContain('  15:1 ');
    expect(out).not.toContain('  16:1 ');
    expect(out).toContain('  and 5 more (see --format json)\n');
  });
});
