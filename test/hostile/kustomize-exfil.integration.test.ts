import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
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
  leaks,
  runCli,
  type StoredComment,
} from './support.js';

// The attack of issue 8: a kustomization reads the runner's environment and /etc/passwd into a ConfigMap and
// copies it into an image name with `replacements`, so every report would print it. The pull request also
// turns kustomize's load restrictor off in its own .archcheck.yaml.

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: loot
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

/** `files:` entries the generator reads; the replacement copies the first into the image. */
const kustomization = (files: string[]) => `resources: [deployment.yaml]
configMapGenerator:
  - name: loot
    files: [${files.map((f) => JSON.stringify(f)).join(', ')}]
replacements:
  - source: {kind: ConfigMap, name: loot, fieldPath: data.env}
    targets:
      - select: {kind: Deployment, name: loot}
        fieldPaths: [spec.template.spec.containers.0.image]
`;

const RELAXED_CONFIG = `
kustomize:
  loadRestrictor: none
`;

async function hostileWorkspace(files: string[], links: Record<string, string> = {}, config = '') {
  const ws = await makeWorkspace('few-findings');
  await mkdir(path.join(ws, 'exfil'));
  await writeFile(path.join(ws, 'exfil/deployment.yaml'), DEPLOYMENT);
  await writeFile(path.join(ws, 'exfil/kustomization.yaml'), kustomization(files));
  for (const [name, target] of Object.entries(links)) await symlink(target, path.join(ws, 'exfil', name));
  if (config) {
    const file = path.join(ws, '.archcheck.yaml');
    await writeFile(file, (await readFile(file, 'utf8')) + config);
  }
  return ws;
}

const serve = loopbackGitHubApi();

async function runHostile(workspace: string, inputs: Record<string, string> = {}) {
  const comments: StoredComment[] = [];
  const server = await serve({
    ...commentsApi(comments, PR_NUMBER),
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
      ...inputs,
    },
    eventName: 'pull_request',
    payload: payload('pull_request'),
    apiUrl: server.url,
    env: SECRET_ENV,
  });
  const outputs = await actionOutputs(run, workspace, server.requests);
  const cli = await runCli(['--fail-on', 'never', '--format', 'json'], workspace);
  outputs['cli stdout'] = cli.stdout;
  outputs['cli stderr'] = cli.stderr;
  return { run, outputs };
}

function expectNoLeak(outputs: Record<string, string>): void {
  for (const [where, text] of Object.entries(outputs))
    expect({ where, leaks: leaks(text) }).toEqual({ where, leaks: [] });
}

describe('a kustomization that reads the runner into an image name', () => {
  let absolute: string;
  beforeAll(async () => {
    absolute = await hostileWorkspace(['env=/proc/self/environ', 'passwd=/etc/passwd']);
  }, 60_000);

  test('loadRestrictor: none in the PR config is refused, naming the switch the workflow owns', async () => {
    const ws = await hostileWorkspace(['env=/proc/self/environ', 'passwd=/etc/passwd'], {}, RELAXED_CONFIG);
    const { run, outputs } = await runHostile(ws);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error::archcheck: .*kustomize\.loadRestrictor: none is not accepted from the config file.*kustomize-load-restrictor/,
    );
    expectNoLeak(outputs);
  });

  test('with the default (rootOnly) kustomize refuses files outside the root: a render-error, no leak', async () => {
    const { run, outputs } = await runHostile(absolute);
    expect(run.summary).toMatch(/render-error.*exfil\/kustomization\.yaml/);
    // The summary's cell keeps both ends of a long message; the annotation on the line has all of it.
    const [annotation] = run.annotations.filter((a) => a.properties.file === 'exfil/kustomization.yaml');
    expect(annotation?.message).toMatch(/is not in or below/);
    expectNoLeak(outputs);
  });

  test('symlinks inside the root that point out of it are refused the same way', async () => {
    const ws = await hostileWorkspace(['env=env.txt', 'passwd=etc/passwd'], {
      'env.txt': '/proc/self/environ',
      etc: '/etc',
    });
    const { run, outputs } = await runHostile(ws);
    expect(run.summary).toMatch(/render-error.*exfil\/kustomization\.yaml/);
    expectNoLeak(outputs);
  });

  test('even when the workflow turns the restrictor off, kubectl sees no secret to read', async () => {
    const ws = await hostileWorkspace(['env=/proc/self/environ']);
    const { run, outputs } = await runHostile(ws, { 'kustomize-load-restrictor': 'none' });
    expect(run.exitCode).toBe(0);
    // The build read the file (the workflow allowed it) but its environment held none of the job's secrets.
    expect(run.summary).toMatch(/PATH=/);
    expectNoLeak(outputs);
    // The CLI flag does the same.
    const cli = await runCli(['--fail-on', 'never', '--kustomize-load-restrictor', 'none'], ws);
    expect(cli.stdout).toMatch(/PATH=/);
    expect(leaks(`${cli.stdout}${cli.stderr}`)).toEqual([]);
  });
});
