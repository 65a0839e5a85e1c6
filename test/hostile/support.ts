import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { paginate, type ApiRequest, type Handlers } from '../action/support/github-api.js';
import { parseCommand, type ActionRun } from '../action/support/run-action.js';

// What the hostile suites share: secrets planted where a job keeps them, and the searches that must come back
// empty in every output.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = path.join(ROOT, 'dist/cli/index.js');

/** The token input: the runner puts it in the environment as INPUT_GITHUB-TOKEN. */
export const TOKEN = 'ghs_PlantedInputToken7c1d0e9a4b2f8a6e3d5c';

/** Planted in the job's environment, as a workflow's secrets and the runner's own tokens would be. */
export const SECRET_ENV: Record<string, string> = {
  GITHUB_TOKEN: 'ghs_PlantedGithubToken0b7e4a1c9d3f5e2a8b6c',
  ACTIONS_RUNTIME_TOKEN: 'PlantedRuntimeToken-5d1e9c3a7b2f',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'PlantedOidcRequestToken-8a4c2e6b',
  MY_SECRET: 'PlantedWorkflowSecret-3f9b1d7e5a',
};

/** Text that must never reach an output: each secret, and /etc/passwd's first line. */
export const FORBIDDEN = [TOKEN, ...Object.values(SECRET_ENV), 'root:x:0:0'];

export function leaks(text: string): string[] {
  return FORBIDDEN.filter((secret) => text.includes(secret));
}

/**
 * Lines the runner would act on that archcheck did not mean to write: any `##[` command, and any `::` command
 * other than the annotations, groups and debug lines the action emits, or an annotation on a file the scan never
 * saw (the forged ones point at README.md).
 */
export function forgedCommands(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => {
    const trimmed = line.trimStart();
    if (trimmed.startsWith('##[')) return true;
    if (!trimmed.startsWith('::')) return false;
    const command = parseCommand(trimmed);
    if (!command) return true;
    if (['group', 'endgroup', 'debug'].includes(command.command)) return false;
    if (!['error', 'warning', 'notice'].includes(command.command)) return true;
    return command.properties.file === 'README.md' || command.message.startsWith('FORGED');
  });
}

/** Every text the action produced: logs, summary, outputs, report files, and each GitHub API request body. */
export async function actionOutputs(
  run: ActionRun,
  workspace: string,
  requests: readonly ApiRequest[],
): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of ['archcheck.sarif', 'archcheck.json']) {
    const file = path.join(workspace, name);
    if (existsSync(file)) files[name] = await readFile(file, 'utf8');
  }
  return {
    stdout: run.stdout,
    stderr: run.stderr,
    summary: run.summary,
    outputs: JSON.stringify(run.outputs),
    ...files,
    ...Object.fromEntries(
      requests.map((r, i) => [`api ${i} ${r.method} ${r.template}`, JSON.stringify(r.body ?? null)]),
    ),
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The bundled CLI (dist/cli), as `npx archcheck` runs in a `run:` step, with the planted secrets around it. */
export function runCli(args: string[], cwd: string): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run bundle" first`);
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: cwd,
          GITHUB_ACTIONS: 'true',
          'INPUT_GITHUB-TOKEN': TOKEN,
          ...SECRET_ENV,
        },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string };
}

/**
 * A pull request's comments on the loopback GitHub API. The token is an installation token: it posts as
 * github-actions[bot], and GET /user answers 403, as GitHub does for one.
 */
export function commentsApi(comments: StoredComment[], pr: number): Handlers {
  let next = 5000;
  const find = (id: string | undefined) => comments.findIndex((c) => c.id === Number(id));
  return {
    'GET /user': () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }),
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': (req, a) =>
      paginate(req, a, comments, `/repos/Codertocat/Hello-World/issues/${pr}/comments`),
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': (req) => {
      const body = (req.body as { body: string }).body;
      const comment = { id: next++, body, user: { login: 'github-actions[bot]' } };
      comments.push(comment);
      return { status: 201, body: comment };
    },
    'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': (req) => {
      const i = find(req.params.comment_id);
      if (i < 0) return { status: 404, body: { message: 'Not Found' } };
      comments[i]!.body = (req.body as { body: string }).body;
      return { status: 200, body: comments[i] };
    },
    'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': (req) => {
      const i = find(req.params.comment_id);
      if (i < 0) return { status: 404, body: { message: 'Not Found' } };
      comments.splice(i, 1);
      return { status: 204 };
    },
  };
}
