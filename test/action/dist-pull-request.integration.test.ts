import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loopbackGitHubApi, paginate, type GitHubApi, type Handlers } from './support/github-api.js';
import { PR_NUMBER, payload } from './support/payloads.js';
import { makeWorkspace, runAction } from './support/run-action.js';

// Pull-request features of the bundled action against the loopback GitHub API: `scope: changed` and the
// sticky comment. Every request is validated against GitHub's OpenAPI description.

const serve = loopbackGitHubApi();

const TOKEN = 'ghs_test-token';
const MARKER = '<!-- archcheck:sticky-comment job=archcheck -->';
const BOT = { login: 'github-actions[bot]' };

describe('scope: changed', () => {
  test('reports only findings in the files the pull request changes (paginated file list)', async () => {
    // 130 changed files, two pages of 100: one of them is the manifest with the arch mismatch.
    const files = Array.from({ length: 129 }, (_, i) => ({
      filename: `src/file-${i}.ts`,
      status: 'modified',
    }));
    files.splice(117, 0, { filename: 'deploy/payments.yaml', status: 'modified' });
    const server = await serve({
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': (req, a) =>
        paginate(req, a, files, `/repos/Codertocat/Hello-World/pulls/${PR_NUMBER}/files`),
    });
    const ws = await makeWorkspace('few-findings');
    const run = await runAction({
      workspace: ws,
      inputs: { 'github-token': TOKEN, scope: 'changed', 'sarif-file': 'archcheck.sarif' },
      eventName: 'pull_request',
      payload: payload('pull_request'),
      apiUrl: server.url,
    });
    expect(
      server.requests.map((r) => [r.template, r.params.pull_number, r.query.get('page') ?? '1']),
    ).toEqual([
      ['/repos/{owner}/{repo}/pulls/{pull_number}/files', String(PR_NUMBER), '1'],
      ['/repos/{owner}/{repo}/pulls/{pull_number}/files', String(PR_NUMBER), '2'],
    ]);
    expect(run.annotations.map((a) => [a.command, a.properties.file, a.properties.title])).toEqual([
      ['error', 'deploy/payments.yaml', 'image-arch-mismatch (cluster prod)'],
    ]);
    expect(run.outputs).toMatchObject({ errors: '1', warnings: '0', notices: '0' });
    expect(run.summary).toContain('## ❌ archcheck: 1 error (fails the step: fail-on is error)');
    expect(run.summary).toContain(
      'Scope `changed`: 3 findings in files this pull request does not change are not reported here',
    );
    // SARIF keeps every finding, so code scanning does not take the others for fixed.
    const sarif = JSON.parse(await readFile(path.join(ws, 'archcheck.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(4);
    expect(run.exitCode).toBe(1);
  });

  test.each([
    ['push', payload('push')],
    ['workflow_dispatch', payload('workflow_dispatch')],
    ['schedule', { schedule: '0 6 * * 1' }],
  ])('on %s every finding is reported (audit mode), without asking the API', async (eventName, event) => {
    const server = await serve({});
    const ws = await makeWorkspace('few-findings');
    const run = await runAction({
      workspace: ws,
      inputs: { 'github-token': TOKEN, scope: 'changed', 'fail-on': 'never' },
      eventName,
      payload: event,
      apiUrl: server.url,
    });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toHaveLength(4);
    expect(run.stdout).toContain(
      `scope: changed applies to pull requests; on a ${eventName} run every finding is reported.`,
    );
    expect(server.requests).toEqual([]);
  });
});

describe('comment: true', () => {
  interface Comment {
    id: number;
    body: string;
    user?: { login: string };
  }

  /**
   * A PR's comments kept in memory, served through the issues comments endpoints. The token is an installation
   * token: it posts as github-actions[bot], and GET /user answers 403 as GitHub does for one.
   */
  function commentsApi(comments: Comment[]): Handlers {
    let next = 1000;
    const find = (id: string) => comments.findIndex((c) => c.id === Number(id));
    return {
      'GET /user': () => ({
        status: 403,
        body: { message: 'Resource not accessible by integration' },
      }),
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': (req, a) =>
        paginate(req, a, comments, `/repos/Codertocat/Hello-World/issues/${PR_NUMBER}/comments`),
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': (req) => {
        const comment = {
          id: next++,
          body: (req.body as { body: string }).body,
          user: { login: 'github-actions[bot]' },
        };
        comments.push(comment);
        return { status: 201, body: comment };
      },
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': (req) => {
        const i = find(req.params.comment_id!);
        if (i < 0) return { status: 404, body: { message: 'Not Found' } };
        comments[i]!.body = (req.body as { body: string }).body;
        return { status: 200, body: comments[i] };
      },
      'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': (req) => {
        const i = find(req.params.comment_id!);
        if (i < 0) return { status: 404, body: { message: 'Not Found' } };
        comments.splice(i, 1);
        return { status: 204 };
      },
    };
  }

  const writes = (a: GitHubApi) =>
    a.requests
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.params.comment_id ?? r.params.issue_number}`);

  test('one sticky comment: created, left alone when unchanged, updated, then "all clear"', async () => {
    const comments: Comment[] = [{ id: 1, body: 'LGTM', user: { login: 'octocat' } }];
    const server = await serve(commentsApi(comments));
    const ws = await makeWorkspace('few-findings');
    const go = () =>
      runAction({
        workspace: ws,
        inputs: { 'github-token': TOKEN, comment: 'true', 'fail-on': 'never' },
        eventName: 'pull_request',
        payload: payload('pull_request'),
        apiUrl: server.url,
      });

    expect((await go()).stdout).toContain('comment: created');
    expect(writes(server)).toEqual([`POST ${PR_NUMBER}`]);
    expect(comments).toHaveLength(2);
    const ours = comments[1]!;
    expect(ours.body.startsWith(`${MARKER}\n### ⚠️ archcheck: 2 errors, 1 warning, 1 notice`)).toBe(true);
    expect(ours.body).toContain(
      '[Workflow run](https://github.com/Codertocat/Hello-World/actions/runs/1658821493)',
    );

    expect((await go()).stdout).toContain('comment: unchanged');
    expect(writes(server)).toEqual([`POST ${PR_NUMBER}`]);

    await rm(path.join(ws, 'deploy/exporter.yaml'));
    expect((await go()).stdout).toContain('comment: updated');
    expect(writes(server)).toEqual([`POST ${PR_NUMBER}`, `PATCH ${ours.id}`]);
    expect(ours.body).toContain('1 error, 1 warning, 1 notice');

    await rm(path.join(ws, 'deploy/payments.yaml'));
    await rm(path.join(ws, 'deploy/migrate.yaml'));
    expect((await go()).stdout).toContain('comment: all-clear');
    expect(comments.map((c) => c.id)).toEqual([1, ours.id]);
    expect(ours.body.startsWith(`${MARKER}\n### ✅ archcheck: all clear`)).toBe(true);
  });

  test('duplicates left by racing runs are deleted; no findings and no comment posts nothing', async () => {
    const comments: Comment[] = [
      { id: 7, body: `${MARKER}\nold`, user: BOT },
      { id: 8, body: 'unrelated', user: BOT },
      { id: 9, body: `${MARKER}\nolder duplicate`, user: BOT },
    ];
    const server = await serve(commentsApi(comments));
    const run = await runAction({
      workspace: await makeWorkspace('few-findings'),
      inputs: { 'github-token': TOKEN, comment: 'true', 'fail-on': 'never' },
      eventName: 'pull_request',
      payload: payload('pull_request'),
      apiUrl: server.url,
    });
    expect(run.stdout).toContain('comment: updated');
    expect(writes(server)).toEqual(['DELETE 9', 'PATCH 7']);
    expect(comments.map((c) => c.id)).toEqual([7, 8]);

    const quiet: Comment[] = [{ id: 8, body: 'unrelated', user: BOT }];
    expect([...server.violations, ...server.unhandled]).toEqual([]);
    await server.close();
    const clean = await serve(commentsApi(quiet));
    const none = await runAction({
      workspace: await makeWorkspace('clean'),
      inputs: { 'github-token': TOKEN, comment: 'true' },
      eventName: 'pull_request',
      payload: payload('pull_request'),
      apiUrl: clean.url,
    });
    expect(none.stdout).toContain('comment: skipped (no findings and no earlier comment)');
    expect(writes(clean)).toEqual([]);
    expect(quiet).toEqual([{ id: 8, body: 'unrelated', user: BOT }]);
  });
});
