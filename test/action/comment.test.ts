import { expect, test } from 'vitest';
import { commentMarker, upsertStickyComment } from '../../src/action/comment.js';
import { restrictToFiles } from '../../src/action/scope.js';
import type { WorkloadEntry } from '../../src/engine/report.js';
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

const BOT = 'github-actions[bot]';
const mine = (id: number, body: string) => ({ id, body, author: BOT });

test.each([
  ['findings, no comment yet: create', [], 'body', ['list-comments', 'create-comment'], 'created'],
  [
    'findings, ours exists: update it',
    [mine(5, `${MARKER}\nold`)],
    'body',
    ['list-comments', 'viewer', 'update-comment-5'],
    'updated',
  ],
  ['same text: no write', [mine(5, `${MARKER}\nbody`)], 'body', ['list-comments', 'viewer'], 'unchanged'],
  [
    'no findings, ours exists: all clear',
    [mine(5, `${MARKER}\nold`)],
    undefined,
    ['list-comments', 'viewer', 'update-comment-5'],
    'all-clear',
  ],
  ['no findings, none yet: nothing', [mine(6, 'hi')], undefined, ['list-comments'], 'skipped'],
  [
    "another job's comment is not ours",
    [mine(6, `${commentMarker('other')}\nx`)],
    'body',
    ['list-comments', 'create-comment'],
    'created',
  ],
  [
    'duplicates: keep the first, delete the rest',
    [mine(5, `${MARKER}\na`), mine(6, `${MARKER}\nb`), mine(7, `${MARKER}\nc`)],
    'body',
    ['list-comments', 'viewer', 'delete-comment-6', 'delete-comment-7', 'update-comment-5'],
    'updated',
  ],
  [
    "a user's comment carrying our marker is neither edited nor deleted",
    [{ id: 5, body: `${MARKER}\nforged`, author: 'mallory' }, mine(6, `${MARKER}\nours`)],
    'body',
    ['list-comments', 'viewer', 'update-comment-6'],
    'updated',
  ],
  [
    "a user's marked comment alone: ours is created beside it",
    [{ id: 5, body: `${MARKER}\nforged`, author: 'mallory' }],
    'body',
    ['list-comments', 'viewer', 'create-comment'],
    'created',
  ],
  [
    "no findings and only a user's marked comment: nothing written",
    [{ id: 5, body: `${MARKER}\nforged`, author: 'mallory' }],
    undefined,
    ['list-comments', 'viewer'],
    'skipped',
  ],
  [
    'the marker quoted inside a comment of ours does not make it the sticky one',
    [mine(5, `see ${MARKER}`)],
    'body',
    ['list-comments', 'create-comment'],
    'created',
  ],
])('%s', async (_name, existing, body, calls, action) => {
  const client = new FakeClient();
  client.comments = existing.map((c) => ({ ...c }));
  const result = await upsertStickyComment(client, 2, MARKER, body, 'all clear');
  expect(result.action).toBe(action);
  expect(client.calls).toEqual(calls);
  for (const c of existing.filter((e) => e.author !== BOT)) expect(client.comments).toContainEqual(c);
  expect(
    client.comments.filter((c) => c.author === BOT && c.body.startsWith(MARKER)).length,
  ).toBeLessThanOrEqual(1);
});

test.each([
  ['a personal access token posts as its user: GET /user names it', 'octocat', 'update-comment-6'],
  ['an installation token may not ask: github-actions[bot]', undefined, 'update-comment-5'],
])('%s', async (_name, login, update) => {
  const client = new FakeClient();
  client.login = login;
  client.comments = [mine(5, `${MARKER}\nbot`), { id: 6, body: `${MARKER}\npat`, author: 'octocat' }];
  const result = await upsertStickyComment(client, 2, MARKER, 'body', 'all clear');
  expect(result).toEqual({ action: 'updated', detail: 'ignored 1 marked comment(s) by other users' });
  expect(client.calls).toEqual(['list-comments', 'viewer', update]);
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
  expect(report.findings).toHaveLength(3);
});

const exporter: WorkloadEntry = {
  kind: 'Deployment',
  name: 'legacy-exporter',
  file: 'deploy/exporter.yaml',
  line: 1,
  containers: [
    { name: 'exporter', type: 'container', image: 'ghcr.io/acme/legacy-exporter:0.3', line: 9, column: 18 },
  ],
};

test.each([
  ['a finding on its image', ['deploy/payments.yaml'], ['ghcr.io/acme/payments-api:2.4.1']],
  [
    'a workload declared there, without finding',
    ['deploy/exporter.yaml'],
    ['ghcr.io/acme/legacy-exporter:0.3'],
  ],
  ['nothing of the matrix', ['README.md'], []],
])('restrictToFiles: the matrix keeps the images of the changed files: %s', (_name, files, images) => {
  const report = reportOf([archMismatch], { workloads: [exporter] });
  const scoped = restrictToFiles(report, files);
  expect([...new Set(scoped.matrix.map((c) => c.image))]).toEqual(images);
});
