import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { RuleLevel } from '../../src/rules/finding.js';
import { RULES, RULE_METAS, runChecks } from '../../src/rules/index.js';
import { contextOf, pod } from '../support/rule-tester.js';

/** Every rule on one manifest, at the given levels: what the runner adds over the rules themselves. */
function check(manifest: string, levels: Record<string, RuleLevel> = {}) {
  return runChecks(contextOf({ name: 'runner', manifest }).ctx, levels);
}

describe('rule metadata', () => {
  test('ids are unique, stable kebab-case, and every rule explains itself', () => {
    const ids = RULE_METAS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const meta of RULE_METAS) {
      expect(meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect([meta.description, meta.impact, meta.remediation].every((s) => s.length > 20)).toBe(true);
    }
    expect(RULES.map((r) => r.meta)).toEqual(RULE_METAS);
  });
});

describe('every rule has its own docs page and test file, and every page a rule', () => {
  const root = new URL('../../', import.meta.url);
  const ids = RULE_METAS.map((r) => r.id).sort();

  test('docs/rules/<id>.md, one per rule, each with the four sections', () => {
    const pages = readdirSync(new URL('docs/rules/', root)).sort();
    expect(pages).toEqual(ids.map((id) => `${id}.md`));
    for (const id of ids) {
      const page = readFileSync(new URL(`docs/rules/${id}.md`, root), 'utf8');
      expect(page.startsWith(`# \`${id}\`\n`), id).toBe(true);
      for (const section of [
        'What it means at runtime',
        'Why archcheck reports it',
        'How to fix',
        'How to silence it',
      ]) {
        expect(page, `${id}: ${section}`).toContain(`\n## ${section}\n`);
      }
      expect(page, id).toContain(`rules:\n  ${id}: `);
    }
  });

  test.each(ids)('test/rules/%s.test.ts', (id) => {
    expect(existsSync(new URL(`test/rules/${id}.test.ts`, root))).toBe(true);
  });
});

describe('levels', () => {
  const yaml = `${pod('nginx')}---\nkind: [broken\n`;

  test('defaults, findings sorted by position', () => {
    expect(check(yaml).map((f) => [f.rule, f.severity, f.location.line, f.location.column])).toEqual([
      ['mutable-image-tag', 'notice', 7, 14],
      ['yaml-parse-error', 'error', 10, 1],
    ]);
  });

  test.each<[Record<string, RuleLevel>, string[][]]>([
    [{ 'mutable-image-tag': 'off' }, [['yaml-parse-error', 'error']]],
    [
      { 'mutable-image-tag': 'error', 'yaml-parse-error': 'warning' },
      [
        ['mutable-image-tag', 'error'],
        ['yaml-parse-error', 'warning'],
      ],
    ],
    [{ 'yaml-parse-error': 'off', 'mutable-image-tag': 'off' }, []],
  ])('%j', (levels, expected) => {
    expect(check(yaml, levels).map((f) => [f.rule, f.severity])).toEqual(expected);
  });
});

test('at one position, the more severe finding comes first', () => {
  const ctx = contextOf({
    name: 'same position',
    manifest: pod('amd'),
    images: { amd: ['linux/amd64'] },
  }).ctx;
  expect(runChecks(ctx, {}).map((f) => [f.rule, f.severity, f.location.line, f.location.column])).toEqual([
    ['image-arch-mismatch', 'error', 7, 14],
    ['mutable-image-tag', 'notice', 7, 14],
  ]);
});
