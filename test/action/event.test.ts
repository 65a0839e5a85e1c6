import { expect, test } from 'vitest';
import { blobUrl, eventContext } from '../../src/action/event.js';
import { PR_HEAD_SHA, forkPullRequest, payload } from './support/payloads.js';

const env = {
  GITHUB_REPOSITORY: 'Codertocat/Hello-World',
  GITHUB_SHA: '1111111111111111111111111111111111111111',
  GITHUB_SERVER_URL: 'https://github.example.com/',
  GITHUB_API_URL: 'https://github.example.com/api/v3',
  GITHUB_WORKSPACE: '/home/runner/work/hello',
  GITHUB_RUN_ID: '42',
  GITHUB_JOB: 'check',
};

test.each([
  [
    'pull_request',
    payload('pull_request'),
    { sha: PR_HEAD_SHA, pullRequest: { number: 2, headSha: PR_HEAD_SHA, fork: false } },
  ],
  [
    'pull_request_target',
    payload('pull_request', 22),
    { sha: PR_HEAD_SHA, pullRequest: { number: 2, fork: false } },
  ],
  ['pull_request', forkPullRequest(), { pullRequest: { number: 2, fork: true } }],
  ['push', payload('push'), { sha: env.GITHUB_SHA }],
  ['workflow_dispatch', payload('workflow_dispatch'), { sha: env.GITHUB_SHA }],
  ['schedule', { schedule: '0 6 * * 1' }, { sha: env.GITHUB_SHA }],
  [
    'merge_group',
    payload('merge_group'),
    { sha: (payload('merge_group').merge_group as { head_sha: string }).head_sha },
  ],
])('%s', (eventName, event, expected) => {
  const ctx = eventContext({ ...env, GITHUB_EVENT_NAME: eventName }, event, '/cwd');
  expect(ctx).toMatchObject({
    eventName,
    repo: { owner: 'Codertocat', repo: 'Hello-World' },
    serverUrl: 'https://github.example.com',
    apiUrl: 'https://github.example.com/api/v3',
    workspace: '/home/runner/work/hello',
    runUrl: 'https://github.example.com/Codertocat/Hello-World/actions/runs/42',
    job: 'check',
    ...expected,
  });
  expect('pullRequest' in ctx).toBe('pullRequest' in expected);
});

test('a PR whose fork was deleted (head.repo null) counts as a fork', () => {
  const event = payload('pull_request');
  (event.pull_request as { head: { repo: unknown } }).head.repo = null;
  expect(eventContext({ ...env, GITHUB_EVENT_NAME: 'pull_request' }, event, '/').pullRequest?.fork).toBe(
    true,
  );
});

test('outside a workflow: defaults, the cwd, no repository, no links', () => {
  const ctx = eventContext({}, {}, '/work/repo');
  expect(ctx).toEqual({
    eventName: '',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    workspace: '/work/repo',
  });
  expect(blobUrl(ctx)).toBeUndefined();
});

test('blob links point at the reported commit', () => {
  const ctx = eventContext({ ...env, GITHUB_EVENT_NAME: 'pull_request' }, payload('pull_request'), '/');
  expect(blobUrl(ctx)).toBe(`https://github.example.com/Codertocat/Hello-World/blob/${PR_HEAD_SHA}`);
});
