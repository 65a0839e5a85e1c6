import { getOctokit } from '@actions/github';
import { errorMessage } from '../errors.js';
import type { Repo } from './event.js';

/** A call that GitHub refused or that failed: reporting degrades on it, the run goes on. */
export interface ApiFailure {
  ok: false;
  /** HTTP status when GitHub answered (403 for a read-only token on a fork PR). */
  status?: number;
  message: string;
}
export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

export type AnnotationLevel = 'notice' | 'warning' | 'failure';

/** One annotation of the Checks API ("Create a check run", output.annotations[]). */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: AnnotationLevel;
  message: string;
  title?: string;
}

export interface CheckOutput {
  title: string;
  summary: string;
  annotations?: CheckAnnotation[];
}

export interface CheckRunCreate {
  name: string;
  head_sha: string;
  status: 'completed';
  conclusion: 'success' | 'neutral' | 'failure';
  details_url?: string;
  output: CheckOutput;
}

export interface IssueComment {
  id: number;
  body: string;
  /** Login of the comment's author (`github-actions[bot]` for the workflow's GITHUB_TOKEN). */
  author: string;
}

/** The few REST calls the action makes, each answering a value rather than throwing. */
export interface GitHubClient {
  pullRequestFiles(pullNumber: number): Promise<ApiResult<string[]>>;
  createCheckRun(body: CheckRunCreate): Promise<ApiResult<{ id: number; url?: string }>>;
  updateCheckRun(id: number, output: CheckOutput): Promise<ApiResult<void>>;
  /** Login of the token's user ("Get the authenticated user"); an installation token gets 403. */
  viewer(): Promise<ApiResult<string>>;
  issueComments(issueNumber: number): Promise<ApiResult<IssueComment[]>>;
  createComment(issueNumber: number, body: string): Promise<ApiResult<{ id: number }>>;
  updateComment(id: number, body: string): Promise<ApiResult<void>>;
  deleteComment(id: number): Promise<ApiResult<void>>;
}

const TIMEOUT_MS = 30_000;

/**
 * A client over @actions/github's Octokit at `apiUrl` (GITHUB_API_URL: github.com, GHES or a test server).
 * Endpoints: docs.github.com/rest (pulls "List pull requests files", checks "Create/Update a check run",
 * issues "List/Create/Update/Delete an issue comment", users "Get the authenticated user").
 */
export function createGitHubClient(token: string, apiUrl: string, repo: Repo): GitHubClient {
  const octokit = getOctokit(token, { baseUrl: apiUrl });
  // Octokit has no default timeout; a hung API must not hold the job until its own timeout.
  octokit.hook.before('request', (options) => {
    options.request = {
      ...options.request,
      signal: options.request?.signal ?? AbortSignal.timeout(TIMEOUT_MS),
    };
  });
  const { owner, repo: name } = repo;
  return {
    pullRequestFiles: (pull_number) =>
      attempt(async () => {
        const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
          owner,
          repo: name,
          pull_number,
          per_page: 100,
        });
        return files.map((f) => f.filename);
      }),
    createCheckRun: (body) =>
      attempt(async () => {
        const { data } = await octokit.rest.checks.create({ owner, repo: name, ...body });
        return { id: data.id, ...(data.html_url ? { url: data.html_url } : {}) };
      }),
    updateCheckRun: (check_run_id, output) =>
      attempt(async () => {
        await octokit.rest.checks.update({ owner, repo: name, check_run_id, output });
      }),
    issueComments: (issue_number) =>
      attempt(async () => {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
          owner,
          repo: name,
          issue_number,
          per_page: 100,
        });
        return comments.map((c) => ({ id: c.id, body: c.body ?? '', author: c.user?.login ?? '' }));
      }),
    viewer: () =>
      attempt(async () => {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
      }),
    createComment: (issue_number, body) =>
      attempt(async () => {
        const { data } = await octokit.rest.issues.createComment({ owner, repo: name, issue_number, body });
        return { id: data.id };
      }),
    updateComment: (comment_id, body) =>
      attempt(async () => {
        await octokit.rest.issues.updateComment({ owner, repo: name, comment_id, body });
      }),
    deleteComment: (comment_id) =>
      attempt(async () => {
        await octokit.rest.issues.deleteComment({ owner, repo: name, comment_id });
      }),
  };
}

async function attempt<T>(call: () => Promise<T>): Promise<ApiResult<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    return { ok: false, ...(typeof status === 'number' ? { status } : {}), message: errorMessage(error) };
  }
}

/** "HTTP 403: Resource not accessible by integration" for logs. */
export function describeFailure(failure: ApiFailure): string {
  return failure.status ? `HTTP ${failure.status}: ${failure.message}` : failure.message;
}
