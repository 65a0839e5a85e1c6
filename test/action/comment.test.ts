import { expect, test } from 'vitest';
import { commentMarker, upsertStickyComment } from '../../src/action/comment.js';
import { restrictToFiles } from '../../src/action/scope.js';
import { archMismatch, deprecatedLabel, mutableTag, reportOf } from '../reporters/reports.js';
import { FakeClient } from './support/fake-client.js';

const MARKER = commentMarker('check');

test.each([
  ['check', '<!-- archcheck:sticky-comment job=check -->'],
  [undefined, '<!-- archcheck:sticky-comment job=default -->'],
  ['a job --> <b>', '<!-- archcheck:sticky-comment job=a_job_--___b_ -->'],
])('commentMarker(%j)', (job, marker) => {
  expect(commentMarker(job)).toBe(marker);
});

test.each([
  ['findings, no comment yet: create', [], 'body', ['list-comments', 'create-comment'], 'created'],
  [
    'findings, ours exists: update it',
    [{ id: 5, body: `${MARKER}\nold` }],
    'body',
    ['list-comments', 'update-comment-5'],
    'updated',
  ],
  ['same text: no write', [{ id: 5, body: `${MARKER}\nbody` }], 'body', ['list-comments'], 'unchanged'],
  [
    'no findings, ours exists: all clear',
    [{ id: 5, body: `${MARKER}\nold` }],
    undefined,
    ['list-comments', 'update-comment-5'],
    'all-clear',
  ],
  ['no findings, none yet: nothing', [{ id: 6, body: 'hi' }], undefined, ['list-comments'], 'skipped'],
  [
    "another job's comment is not ours",
    [{ id: 6, body: `${commentMarker('other')}\nx` }],
    'body',
    ['list-comments', 'create-comment'],
    'created',
  ],
  [
    'duplicates: keep the first, delete the rest',
    [
      { id: 5, body: `${MARKER}\na` },
      { id: 6, body: `${MARKER}\nb` },
      { id: 7, body: `${MARKER}\nc` },
    ],
    'body',
    ['list-comments', 'delete-comment-6', 'delete-comment-7', 'update-comment-5'],
    'updated',
  ],
])('%s', async (_name, existing, body, calls, action) => {
  const client = new FakeClient();
  client.comments = existing.map((c) => ({ ...c }));
  const result = await upsertStickyComment(client, 2, MARKER, body, 'all clear');
  expect(result.action).toBe(action);
  expect(client.calls).toEqual(calls);
  expect(client.comments.filter((c) => c.body.includes(MARKER)).length).toBeLessThanOrEqual(1);
});

test('a read-only token: failed, with the status, nothing thrown', async () => {
  const client = new FakeClient((call) => (call === 'create-comment' ? 403 : undefined));
  expect(await upsertStickyComment(client, 2, MARKER, 'body', 'all clear')).toEqual({
    action: 'failed',
    detail: 'HTTP 403: Resource not accessible by integration',
  });
});

test('restrictToFiles keeps findings in the given files and recounts', () => {
  const report = reportOf([archMismatch, deprecatedLabel, mutableTag]);
  const scoped = restrictToFiles(report, ['deploy/migrate.yaml', 'README.md']);
  expect(scoped.findings).toEqual([deprecatedLabel, mutableTag]);
  expect(scoped.stats.findings).toEqual({ error: 0, warning: 1, notice: 1 });
  expect(scoped.matrix).toBe(report.matrix);
  expect(report.findings).toHaveLength(3);
});
