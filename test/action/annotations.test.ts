import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import {
  CHECK_BATCH,
  batches,
  pickForStep,
  publishAnnotations,
  stepBudgets,
  toCheckAnnotation,
  type PublishOptions,
} from '../../src/action/annotations.js';
import type { Finding, Severity } from '../../src/rules/finding.js';
import { archMismatch, deprecatedLabel, mutableTag } from '../reporters/reports.js';
import { FakeClient } from './support/fake-client.js';

function findings(counts: Record<Severity, number>): Finding[] {
  // Interleaved, as the engine sorts by position: severity order must come from the planner.
  const all: Finding[] = [];
  const max = Math.max(counts.error, counts.warning, counts.notice);
  for (let i = 0; i < max; i++) {
    if (i < counts.notice) all.push({ ...mutableTag, location: { ...mutableTag.location, line: 3 * i + 1 } });
    if (i < counts.warning)
      all.push({ ...deprecatedLabel, location: { ...deprecatedLabel.location, line: 3 * i + 2 } });
    if (i < counts.error)
      all.push({ ...archMismatch, location: { ...archMismatch.location, line: 3 * i + 3 } });
  }
  return all;
}

const tally = (list: Finding[]) => ({
  error: list.filter((f) => f.severity === 'error').length,
  warning: list.filter((f) => f.severity === 'warning').length,
  notice: list.filter((f) => f.severity === 'notice').length,
});

test.each([
  [false, 0, { error: 10, warning: 10, notice: 10 }],
  [true, 0, { error: 9, warning: 10, notice: 10 }],
  [true, 3, { error: 9, warning: 7, notice: 10 }],
  [false, 12, { error: 10, warning: 0, notice: 10 }],
])('stepBudgets(willFail %s, %i warnings logged)', (willFail, warnings, budgets) => {
  expect(stepBudgets(willFail, warnings)).toEqual(budgets);
});

test.each([
  [{ error: 3, warning: 2, notice: 1 }, { error: 3, warning: 2, notice: 1 }, 0],
  [{ error: 25, warning: 4, notice: 0 }, { error: 9, warning: 4, notice: 0 }, 16],
  [{ error: 12, warning: 12, notice: 12 }, { error: 9, warning: 10, notice: 10 }, 7],
])('pickForStep %o: most severe first, within budgets', (counts, shown, hidden) => {
  const picked = pickForStep(findings(counts), stepBudgets(true, 0));
  expect(tally(picked.shown)).toEqual(shown);
  expect(picked.hidden).toHaveLength(hidden);
  const ranks = picked.shown.map((f) => ['notice', 'warning', 'error'].indexOf(f.severity));
  expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  // Within a severity, file order is kept.
  const errorLines = picked.shown.filter((f) => f.severity === 'error').map((f) => f.location.line);
  expect(errorLines).toEqual([...errorLines].sort((a, b) => a - b));
});

test.each([
  [
    'one-line range with columns',
    archMismatch,
    { start_line: 22, end_line: 22, start_column: 18, end_column: 50, annotation_level: 'failure' },
  ],
  [
    'no end: a point',
    mutableTag,
    { start_line: 20, end_line: 20, start_column: 18, end_column: 18, annotation_level: 'notice' },
  ],
  [
    'multi-line range: no columns (the API refuses them)',
    { ...deprecatedLabel, location: { file: 'a.yaml', line: 4, column: 3, endLine: 6, endColumn: 9 } },
    { start_line: 4, end_line: 6, annotation_level: 'warning' },
  ],
])('toCheckAnnotation: %s', (_name, finding, expected) => {
  const annotation = toCheckAnnotation(finding);
  expect(annotation).toMatchObject({ path: finding.location.file, message: finding.message, ...expected });
  expect('start_column' in annotation).toBe('start_column' in expected);
});

test('batches of 50', () => {
  expect(
    batches(
      Array.from({ length: 123 }, (_, i) => i),
      CHECK_BATCH,
    ).map((b) => b.length),
  ).toEqual([50, 50, 23]);
});

let stdout: string[];
beforeEach(() => {
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const options = (client?: FakeClient): PublishOptions => ({
  budgets: stepBudgets(false, 0),
  ...(client ? { client } : {}),
  sha: 'abc',
  checkName: 'archcheck',
  conclusion: 'failure',
  title: 'archcheck: 120 errors',
  summary: 'summary',
});

test('a batch the API refuses midway is counted, the rest of the run stays', async () => {
  const client = new FakeClient((call) => (call === 'update-check-2' ? 403 : undefined));
  const outcome = await publishAnnotations(findings({ error: 120, warning: 0, notice: 0 }), options(client));
  expect(client.calls).toEqual(['create-check', 'update-check-1', 'update-check-2']);
  expect(outcome).toMatchObject({
    via: 'check-run',
    shown: 100,
    hidden: 20,
    checkRunUrl: 'https://github.test/runs/1',
  });
  expect(outcome.notes[0]).toContain('20 of 120 annotations could not be added to the check run: HTTP 403');
});

test('without a client: workflow commands, most severe first, and a note', async () => {
  const outcome = await publishAnnotations(findings({ error: 2, warning: 11, notice: 0 }), options());
  expect(outcome).toMatchObject({ via: 'commands', shown: 12, hidden: 1 });
  const lines = stdout
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('::'));
  expect(lines.map((l) => l.slice(0, l.indexOf(' ')))).toEqual([
    '::error',
    '::error',
    ...Array(10).fill('::warning'),
  ]);
  expect(outcome.notes[0]).toContain('1 of 13 findings were not annotated');
  expect(outcome.notes[0]).toContain('no GitHub token');
});

test('all within the limits: commands only, no API call', async () => {
  const client = new FakeClient();
  const outcome = await publishAnnotations(findings({ error: 10, warning: 10, notice: 10 }), options(client));
  expect(outcome).toEqual({ via: 'commands', shown: 30, hidden: 0, notes: [] });
  expect(client.calls).toEqual([]);
});
