import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { marked } from 'marked';
import { describe, expect, test } from 'vitest';
import { validateSarif } from '../reporters/sarif-schema.js';
import { findAll, parseXml } from '../reporters/xml-parser.js';
import { loopbackGitHubApi } from './support/github-api.js';
import { PR_HEAD_SHA, forkPullRequest, payload } from './support/payloads.js';
import { makeWorkspace, positionOf, runAction, type WorkflowCommand } from './support/run-action.js';

// The bundled action, run as the runner runs it, against a loopback GitHub API that checks every request
// against GitHub's OpenAPI description.

const serve = loopbackGitHubApi();

const TOKEN = 'ghs_test-token';

function where(a: WorkflowCommand) {
  return {
    severity: a.command,
    file: a.properties.file,
    line: Number(a.properties.line),
    column: Number(a.properties.col),
  };
}

async function fixtureText(ws: string, file: string): Promise<string> {
  return readFile(path.join(ws, file), 'utf8');
}

/** 20 amd64-only Deployments and 20 Jobs on the deprecated label with an unpinned image: 60 more findings. */
function manyFindings(): string {
  const docs: string[] = [];
  for (let i = 0; i < 20; i++) {
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: pay-${i}, namespace: shop}\nspec:\n  selector: {matchLabels: {app: pay-${i}}}\n  template:\n    metadata: {labels: {app: pay-${i}}}\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/payments-api:2.4.1\n`,
      `apiVersion: batch/v1\nkind: Job\nmetadata: {name: job-${i}, namespace: shop}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      nodeSelector: {beta.kubernetes.io/arch: amd64}\n      containers:\n        - name: run\n          image: alpine\n`,
    );
  }
  return docs.join('---\n');
}

describe('dist/index.js', () => {
  test('no findings: no annotations, zero outputs, a green summary, no API calls', async () => {
    const server = await serve({});
    const ws = await makeWorkspace('clean');
    const run = await runAction({
      workspace: ws,
      inputs: { 'github-token': TOKEN, 'json-file': 'out/report.json' },
      eventName: 'push',
      payload: payload('push'),
      apiUrl: server.url,
    });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toEqual([]);
    expect(run.commands.filter((c) => c.command === 'error')).toEqual([]);
    expect(run.outputs).toMatchObject({
      errors: '0',
      warnings: '0',
      notices: '0',
      workloads: '1',
      images: '1',
      'sarif-file': '',
      'junit-file': '',
    });
    // Every output action.yml declares is set.
    expect(Object.keys(run.outputs).sort()).toEqual([
      'errors',
      'images',
      'junit-file',
      'notices',
      'report',
      'sarif-file',
      'warnings',
      'workloads',
    ]);
    expect(run.outputs.report).toBe(path.join(ws, 'out/report.json'));
    expect(JSON.parse(await readFile(run.outputs.report!, 'utf8')).stats.workloads).toBe(1);
    expect(run.summary.split('\n')[0]).toBe('## ✅ archcheck: no problems found');
    expect(server.requests).toEqual([]);
    // One group per stage, as the runner folds them, each closed; reporting last.
    const groups = run.commands.filter((c) => c.command === 'group').map((c) => c.message);
    const stages = ['Discover manifests', 'Parse manifests', 'Resolve images', 'Check', 'Report'];
    expect(groups.filter((g) => stages.includes(g))).toEqual(stages);
    expect(groups.at(-1)).toBe('Report');
    expect(run.commands.filter((c) => c.command === 'endgroup')).toHaveLength(groups.length);
  });

  test('a few findings: one annotation each at the image or selector, outputs, SARIF, summary, failed step', async () => {
    const server = await serve({});
    const ws = await makeWorkspace('few-findings');
    const run = await runAction({
      workspace: ws,
      inputs: {
        'github-token': TOKEN,
        'sarif-file': 'results/archcheck.sarif',
        'junit-file': 'results/archcheck.xml',
        'fail-on': 'error',
      },
      eventName: 'pull_request',
      payload: payload('pull_request'),
      apiUrl: server.url,
    });
    const at = async (file: string, needle: string) => ({
      file,
      ...positionOf(await fixtureText(ws, file), needle),
    });
    expect(run.annotations.map(where)).toEqual([
      { severity: 'error', ...(await at('deploy/exporter.yaml', 'kubernetes.io/arch: arm')) },
      { severity: 'error', ...(await at('deploy/payments.yaml', 'ghcr.io/acme/payments-api:2.4.1')) },
      { severity: 'warning', ...(await at('deploy/migrate.yaml', 'beta.kubernetes.io/arch')) },
      { severity: 'notice', ...(await at('deploy/migrate.yaml', 'alpine')) },
    ]);
    const mismatch = run.annotations[1]!;
    expect(mismatch.properties.title).toBe('image-arch-mismatch (cluster prod)');
    expect(mismatch.message).toContain('exec format error');
    expect(mismatch.message).toContain('Fix:');
    expect(run.outputs).toMatchObject({
      errors: '2',
      warnings: '1',
      notices: '1',
      workloads: '4',
      images: '4',
    });
    expect(run.outputs['sarif-file']).toBe(path.join(ws, 'results/archcheck.sarif'));
    const sarif = JSON.parse(await readFile(run.outputs['sarif-file']!, 'utf8'));
    expect(validateSarif(sarif)).toBe(true);
    expect(sarif.runs[0].results).toHaveLength(4);
    // JUnit: one case per workload and container, the two errors failing theirs.
    expect(run.outputs['junit-file']).toBe(path.join(ws, 'results/archcheck.xml'));
    const junit = parseXml(await readFile(run.outputs['junit-file']!, 'utf8'));
    expect(findAll(junit, 'failure')).toHaveLength(2);
    // The step fails for the findings (fail-on error), with the last line saying why.
    expect(run.exitCode).toBe(1);
    expect(run.commands.at(-1)).toMatchObject({ command: 'error', properties: {} });
    expect(run.commands.at(-1)!.message).toBe(
      'archcheck: 2 errors, 1 warning, 1 notice; fail-on is error. See the annotations and the job summary.',
    );
    // Locations link to the PR head commit, not the merge commit.
    const html = marked.parse(run.summary, { async: false });
    const image = await at('deploy/payments.yaml', 'ghcr.io/acme/payments-api:2.4.1');
    expect(html).toContain(
      `href="https://github.com/Codertocat/Hello-World/blob/${PR_HEAD_SHA}/deploy/payments.yaml#L${image.line}"`,
    );
    expect(html).toContain('<th>Image</th>');
    expect(html).toMatch(
      /ghcr\.io\/acme\/payments-api:2\.4\.1<\/td>\s*<td>✅ runs<\/td>\s*<td>💥 exec format error<\/td>/,
    );
    expect(server.requests).toEqual([]);
  });

  test('more than the step limit, checks writable: one check run, annotations in batches of 50', async () => {
    const server = await serve({
      'POST /repos/{owner}/{repo}/check-runs': () => ({
        status: 201,
        body: { id: 4242, html_url: 'https://github.com/Codertocat/Hello-World/runs/4242' },
      }),
      'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': (req) => ({
        status: 200,
        body: { id: Number(req.params.check_run_id) },
      }),
    });
    const ws = await makeWorkspace('few-findings', { 'deploy/many.yaml': manyFindings() });
    const run = await runAction({
      workspace: ws,
      inputs: { 'github-token': TOKEN, 'json-file': 'report.json' },
      eventName: 'pull_request',
      payload: payload('pull_request'),
      apiUrl: server.url,
    });
    const report = JSON.parse(await readFile(path.join(ws, 'report.json'), 'utf8'));
    expect(report.findings).toHaveLength(64);
    expect(run.annotations).toEqual([]);
    const [create, ...updates] = server.requests;
    expect(create).toMatchObject({
      method: 'POST',
      params: { owner: 'Codertocat', repo: 'Hello-World' },
      authorization: `token ${TOKEN}`,
    });
    const body = create!.body as {
      head_sha: string;
      conclusion: string;
      output: { title: string; annotations: { annotation_level: string }[] };
    };
    expect(body).toMatchObject({ head_sha: PR_HEAD_SHA, conclusion: 'failure', status: 'completed' });
    expect(body.output.title).toBe('archcheck: 22 errors, 21 warnings, 21 notices');
    expect(updates.map((u) => [u.method, u.params.check_run_id])).toEqual([['PATCH', '4242']]);
    const sent = [create!, ...updates].flatMap((r) => (r.body as typeof body).output.annotations);
    expect([create!, ...updates].map((r) => (r.body as typeof body).output.annotations.length)).toEqual([
      50, 14,
    ]);
    const levels = sent.map((a) => a.annotation_level);
    expect(levels).toEqual([
      ...Array(22).fill('failure'),
      ...Array(21).fill('warning'),
      ...Array(21).fill('notice'),
    ]);
    const key = (a: { path: string; start_line: number; start_column?: number }) =>
      `${a.path}:${a.start_line}:${a.start_column}`;
    const expected = report.findings.map(
      (f: { file: string; line: number; column: number }) => `${f.file}:${f.line}:${f.column}`,
    );
    expect(sent.map((a) => key(a as never)).sort()).toEqual(expected.sort());
    expect(run.summary).toContain('[check run](https://github.com/Codertocat/Hello-World/runs/4242)');
    expect(run.exitCode).toBe(1);
  });

  test.each([
    ['never', 0, 10],
    // setFailed's own error annotation takes one of the ten.
    ['error', 1, 9],
  ])(
    'fork PR, read-only token, fail-on %s: most severe first, the rest counted, never failing for it',
    async (failOn, exitCode, errors) => {
      const server = await serve({
        'POST /repos/{owner}/{repo}/check-runs': () => ({
          status: 403,
          body: {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
          },
        }),
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': () => ({ status: 200, body: [] }),
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': () => ({
          status: 403,
          body: { message: 'Resource not accessible by integration' },
        }),
      });
      const ws = await makeWorkspace('few-findings', { 'deploy/many.yaml': manyFindings() });
      const run = await runAction({
        workspace: ws,
        inputs: { 'github-token': TOKEN, 'fail-on': failOn, comment: 'true' },
        eventName: 'pull_request',
        payload: forkPullRequest(),
        apiUrl: server.url,
      });
      expect(run.exitCode).toBe(exitCode);
      const severities = run.annotations.map((a) => a.command);
      expect(severities).toEqual([
        ...Array(errors).fill('error'),
        ...Array(10).fill('warning'),
        ...Array(10).fill('notice'),
      ]);
      const hidden = 64 - errors - 20;
      const note = `${hidden} of 64 findings were not annotated`;
      expect(run.stdout).toContain(note);
      expect(run.summary).toContain(note);
      expect(run.summary).toContain('HTTP 403: Resource not accessible by integration');
      expect(run.stdout).toContain('comment: not written (HTTP 403: Resource not accessible by integration)');
      expect(server.requests.map((r) => `${r.method} ${r.template}`)).toEqual([
        'POST /repos/{owner}/{repo}/check-runs',
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      ]);
      const failures = run.commands.filter((c) => c.command === 'error' && !c.properties.file);
      expect(failures.map((c) => c.message)).toEqual(
        exitCode
          ? [
              'archcheck: 22 errors, 21 warnings, 21 notices; fail-on is error. See the annotations and the job summary.',
            ]
          : [],
      );
    },
  );

  test.each([
    [
      'an unknown fail-on',
      { 'fail-on': 'sometimes' },
      'archcheck: input "fail-on" must be error, warning, notice or never, not "sometimes"',
    ],
    [
      'a bad boolean',
      { annotations: 'yes' },
      'archcheck: input "annotations" must be true or false, not "yes"',
    ],
    ['a missing config file', { config: 'nope.yaml' }, 'nope.yaml'],
  ])('%s fails the step with a message naming it', async (_name, inputs, message) => {
    const ws = await makeWorkspace('clean');
    const run = await runAction({ workspace: ws, inputs, eventName: 'push', payload: payload('push') });
    expect(run.exitCode).toBe(1);
    const last = run.commands.at(-1)!;
    expect(last.command).toBe('error');
    expect(last.message).toContain(message);
    expect(last.message).not.toContain('internal error');
  });
});
