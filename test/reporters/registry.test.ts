import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FORMAT_IDS, REPORTERS, type Reporter } from '../../src/reporters/index.js';
import { RULE_METAS } from '../../src/rules/index.js';
import { archMismatch, deprecatedLabel, mutableTag, parseError, pending, reportOf } from './reports.js';
import { hostile, scanOf } from './workloads.js';
import { parseXml } from './xml-parser.js';

const ctx = { color: false, rules: RULE_METAS, toolVersion: '1.2.3' };
const reports = [
  ['empty', reportOf([])],
  ['every severity', scanOf([archMismatch, pending, deprecatedLabel, mutableTag, parseError])],
  ['hostile strings', scanOf([hostile])],
] as const;

/** How each extension's consumers read the file back. */
const READERS: Record<string, (text: string) => unknown> = {
  '.json': (text) => JSON.parse(text),
  '.sarif': (text) => JSON.parse(text),
  '.xml': (text) => parseXml(text),
  '.txt': (text) => text,
};

describe.each(FORMAT_IDS.map((id) => [id, REPORTERS[id] as Reporter] as const))('%s', (_id, reporter) => {
  test.each(reports)('%s: pure, deterministic, readable, newline-terminated', (_name, report) => {
    const before = structuredClone(report);
    const text = reporter.render(report, ctx);
    expect(reporter.render(report, ctx)).toBe(text);
    expect(report).toEqual(before);
    expect(text.endsWith('\n')).toBe(true);
    expect(READERS[reporter.extension], reporter.extension).toBeDefined();
    expect(() => READERS[reporter.extension]!(text)).not.toThrow();
  });

  test('colour only ever reaches text', () => {
    const report = reports[1][1];
    const coloured = reporter.render(report, { ...ctx, color: true });
    expect(coloured.includes('\u001b[')).toBe(_id === 'text');
  });
});

test("the README's output formats table lists every format, in order", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split('\n## Output formats\n')[1]?.split('\n## ')[0] ?? '';
  const ids = [...section.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((m) => m[1]);
  expect(ids).toEqual(FORMAT_IDS);
});
