import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loopbackGitHubApi } from '../action/support/github-api.js';
import { PR_NUMBER, payload } from '../action/support/payloads.js';
import { makeWorkspace, runAction } from '../action/support/run-action.js';
import {
  SECRET_ENV,
  TOKEN,
  actionOutputs,
  commentsApi,
  forgedCommands,
  leaks,
  runCli,
  type StoredComment,
} from './support.js';

// A pull request whose names, images and file names try to forge workflow commands, Markdown, mentions and the
// sticky-comment marker. Through the real CLI and the bundled action, every output must come out inert.

const MARKER = '<!-- archcheck:sticky-comment job=archcheck -->';

/** Each hostile string becomes a Deployment name, a container name and part of an (invalid) image. */
const HOSTILE = [
  'web\n::error file=README.md,line=1::FORGED',
  'cr\r::error file=README.md,line=1::FORGED',
  'crlf\r\n::warning file=README.md,line=1::FORGED',
  '%0A::error file=README.md,line=1::FORGED',
  'out\n::set-output name=errors::0',
  'mask\n::add-mask::FORGED',
  'v1\n##[error]FORGED',
  'ansi\u001b]0;FORGED-title\u0007\u001b[2J\u001b[31mred',
  'md\n\n# FORGED heading\n<img src=x onerror=alert(1)> @acme/security-team fixes #1 and acme/infra#2',
  `marker ${MARKER} | cell | break`,
  'long-'.repeat(400),
];

const manifest = (name: string, i: number) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${JSON.stringify(name)}`,
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    `        - name: ${JSON.stringify(`c${i}-${name}`)}`,
    `          image: ${JSON.stringify(`nginx:${name}`)}`,
  ].join('\n');

const HOSTILE_FILE = 'x\n::error file=README.md,line=1::FORGED @acme #3 <b>.yaml';

/** A Tekton Task whose step images come from param defaults: the filled image and the param's story reach messages. */
const tektonTask = [
  'apiVersion: tekton.dev/v1',
  'kind: Task',
  'metadata: {name: hostile-params}',
  'spec:',
  '  params:',
  ...HOSTILE.flatMap((h, i) => [`    - name: p${i}`, `      default: ${JSON.stringify(`nginx:${h}`)}`]),
  '  steps:',
  ...HOSTILE.flatMap((_, i) => [`    - name: s${i}`, `      image: $(params.p${i})`]),
  // Steps that pass hostile images to a StepAction of the tree: its image is filled with them, in this task.
  ...HOSTILE.flatMap((h, i) => [
    `    - name: a${i}`,
    '      ref: {name: hostile-action}',
    `      params: [{name: image, value: ${JSON.stringify(`nginx:${h}`)}}]`,
  ]),
].join('\n');

/** The StepAction those steps run, in a file of its own: findings on its image name the task's file for values. */
const stepAction = [
  'apiVersion: tekton.dev/v1beta1',
  'kind: StepAction',
  'metadata: {name: hostile-action}',
  'spec:',
  '  params: [{name: image}]',
  '  image: $(params.image)',
].join('\n');

/**
 * An Argo WorkflowTemplate whose steps pass hostile images to one template (each a workload named by its step),
 * and whose other template names hostile Argo variables: the filled images and the variables reach messages.
 */
const argoWorkflow = [
  'apiVersion: argoproj.io/v1alpha1',
  'kind: WorkflowTemplate',
  'metadata: {name: hostile-arguments}',
  'spec:',
  '  templates:',
  '    - name: main',
  '      steps:',
  ...HOSTILE.flatMap((h, i) => [
    `        - - name: ${JSON.stringify(`s${i}-${h}`)}`,
    '            template: build',
    `            arguments: {parameters: [{name: image, value: ${JSON.stringify(`nginx:${h}`)}}]}`,
  ]),
  '    - name: build',
  '      inputs: {parameters: [{name: image}]}',
  '      container: {image: "{{inputs.parameters.image}}"}',
  '    - name: variables',
  '      containerSet:',
  '        containers:',
  ...HOSTILE.map((h, i) => `          - {name: v${i}, image: ${JSON.stringify(`nginx:{{${h}}}`)}}`),
].join('\n');

let workspace: string;
beforeAll(async () => {
  workspace = await makeWorkspace('few-findings');
  await writeFile(path.join(workspace, 'deploy/hostile.yaml'), HOSTILE.map(manifest).join('\n---\n'));
  await writeFile(path.join(workspace, 'deploy', HOSTILE_FILE), manifest('from a hostile file name', 99));
  await writeFile(path.join(workspace, 'deploy/tekton.yaml'), tektonTask);
  await writeFile(path.join(workspace, 'deploy/step-action.yaml'), stepAction);
  await writeFile(path.join(workspace, 'deploy/argo.yaml'), argoWorkflow);
}, 60_000);

describe('the CLI in a run: step', () => {
  test.each([['text'], ['json']])('--format %s: no forged command, no secret', async (format) => {
    const run = await runCli(['--fail-on', 'never', '--format', format], workspace);
    expect(run.code).toBe(0);
    const all = `${run.stdout}\n${run.stderr}`;
    expect(forgedCommands(all)).toEqual([]);
    expect(leaks(all)).toEqual([]);
    // Nothing reached the terminal that a terminal acts on: no escape sequence, no carriage return.
    for (const c of ['\u001b', '\r', '\u0007']) expect(all).not.toContain(c);
    // The findings are still there, one per hostile Deployment.
    // The Tekton images were filled from their params' defaults and reported as such (the text output groups
    // them with the Deployments' findings on the same images).
    if (format === 'json') expect(all).toContain('the default of param');
    if (format === 'json') expect(all).toContain('of param \\"image\\" at deploy/tekton.yaml:');
    // So were the Argo images, from the values its steps pass, and its other variables are notices.
    if (format === 'json') expect(all).toContain('{{inputs.parameters.image}}: the value of param');
    if (format === 'json') expect(all).toContain('"part": "templates[build] via templates[main].steps[s0-');
    if (format === 'json') expect(all).toContain('uses the Argo variable');
    if (format === 'text') expect(run.stdout).toContain('FORGED');
    else
      expect(
        (JSON.parse(run.stdout) as { findings: { message: string }[] }).findings.filter((f) =>
          f.message.includes('FORGED'),
        ).length,
      ).toBeGreaterThanOrEqual(HOSTILE.length - 3);
  });

  test('--output FILE in text gets the same filter', async () => {
    await runCli(['--fail-on', 'never', '--output', 'report.txt'], workspace);
    const text = await readFile(path.join(workspace, 'report.txt'), 'utf8');
    expect(forgedCommands(text)).toEqual([]);
    for (const c of ['\u001b', '\r']) expect(text).not.toContain(c);
  });
});

describe('the action', () => {
  const serve = loopbackGitHubApi();

  test('annotations, summary, comment, SARIF and JSON stay inert and hold no secret', async () => {
    const comments: StoredComment[] = [];
    const server = await serve({
      ...commentsApi(comments, PR_NUMBER),
      // A fork's read-only token: annotations fall back to workflow commands.
      'POST /repos/{owner}/{repo}/check-runs': () => ({
        status: 403,
        body: { message: 'Resource not accessible by integration' },
      }),
    });
    const run = await runAction({
      workspace,
      inputs: {
        'github-token': TOKEN,
        comment: 'true',
        'fail-on': 'never',
        'sarif-file': 'archcheck.sarif',
        'json-file': 'archcheck.json',
      },
      eventName: 'pull_request',
      payload: payload('pull_request'),
      apiUrl: server.url,
      env: SECRET_ENV,
    });
    expect(run.exitCode).toBe(0);
    const outputs = await actionOutputs(run, workspace, server.requests);
    for (const [where, text] of Object.entries(outputs)) {
      expect({ where, leaks: leaks(text) }).toEqual({ where, leaks: [] });
    }
    expect(forgedCommands(run.stdout)).toEqual([]);
    expect(run.outputs.errors).not.toBe('0');

    const [comment] = comments;
    expect(comments).toHaveLength(1);
    for (const markdown of [run.summary, comment!.body]) {
      expectInertMarkdown(markdown);
    }
    // One marker, ours, on the first line.
    expect(comment!.body.split(MARKER)).toHaveLength(2);
    expect(comment!.body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(run.summary).not.toContain(MARKER);
  });
});

function expectInertMarkdown(markdown: string): void {
  const lines = markdown.split('\n');
  // Headings are ours only.
  expect(lines.filter((l) => /^#{1,6} /.test(l) && /FORGED/.test(l))).toEqual([]);
  // No raw HTML from the pull request, no live mention or reference.
  expect(markdown).not.toMatch(/(?<!\\)<(img|b>)/);
  expect(markdown).not.toMatch(/@acme(?!&#8203;)|@(?!&#8203;)[a-z]/);
  // (`&#8203;` is the zero-width space that breaks them: its own `#8` is not a reference.)
  expect(markdown).not.toMatch(/(?<!&)#\d/);
  // Every row of the findings tables (the open rows and the collapsed rest) has as many cells as its header:
  // no `|` or line break escaped from a cell.
  const start = lines.findIndex((l) => /^#+ Findings$/.test(l));
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l));
  const blocks: string[][] = [];
  for (const line of lines.slice(start, end)) {
    if (!line.startsWith('|')) blocks.push([]);
    else blocks.at(-1)?.push(line);
  }
  const tables = blocks.filter((b) => b.length > 0);
  const cellsOf = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1);
  for (const [header, ...rows] of tables)
    for (const row of rows) expect(cellsOf(row).length, row).toBe(cellsOf(header!).length);
  expect(tables.reduce((n, t) => n + t.length - 2, 0)).toBeGreaterThan(HOSTILE.length);
  // Capped cells: the 2000-character name shows at most 256 characters of itself as a name, and a message
  // quoting it twice at most 280 before escaping.
  const table = tables.find((t) => t.some((r) => r.includes('long-long-')))!;
  const column = (name: string) =>
    cellsOf(table[0]!)
      .map((c) => c.trim())
      .indexOf(name);
  const cells = cellsOf(table.find((r) => r.includes('long-long-'))!);
  expect(cells[column('Workload')]!.trim()).toMatch(/^Deployment (long-)+l?o?n?g?…$/);
  expect(Array.from(cells[column('Workload')]!.trim()).length).toBe(256);
  expect(Array.from(cells[column('Message')]!.trim()).length).toBeLessThanOrEqual(400);
}
