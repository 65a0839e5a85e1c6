import { readFile } from 'node:fs/promises';

export interface Repo {
  owner: string;
  repo: string;
}

export interface PullRequestInfo {
  number: number;
  headSha: string;
  /** The head branch lives in another repository: the workflow token is read-only there. */
  fork: boolean;
}

/** What the action needs to know about the run it is in, from the runner's environment and event payload. */
export interface EventContext {
  eventName: string;
  repo?: Repo;
  /** The commit findings are reported against: the PR head for pull requests, the merge group head, else GITHUB_SHA. */
  sha?: string;
  pullRequest?: PullRequestInfo;
  serverUrl: string;
  apiUrl: string;
  workspace: string;
  /** The workflow run's page, where the job summary is. */
  runUrl?: string;
  /** `GITHUB_JOB`: keeps sticky comments of two jobs apart. */
  job?: string;
}

/** Events whose payload carries the pull request (webhook event names, docs "Events that trigger workflows"). */
const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
]);

type Env = Record<string, string | undefined>;

/**
 * Reads the event context from the default environment variables of GitHub Actions (GITHUB_EVENT_NAME,
 * GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_SERVER_URL, GITHUB_API_URL, GITHUB_WORKSPACE, GITHUB_RUN_ID) and
 * the webhook payload (pull_request.number, .head.sha, .head.repo; merge_group.head_sha).
 */
export function eventContext(env: Env, payload: unknown, cwd: string): EventContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const repo = parseRepo(env.GITHUB_REPOSITORY) ?? repoFromPayload(payload);
  const pullRequest = PULL_REQUEST_EVENTS.has(eventName) ? pullRequestOf(payload) : undefined;
  const mergeGroupSha =
    eventName === 'merge_group' ? str(get(payload, 'merge_group', 'head_sha')) : undefined;
  const sha = pullRequest?.headSha ?? mergeGroupSha ?? (env.GITHUB_SHA || undefined);
  const runUrl =
    repo && env.GITHUB_RUN_ID
      ? `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  return {
    eventName,
    ...(repo ? { repo } : {}),
    ...(sha ? { sha } : {}),
    ...(pullRequest ? { pullRequest } : {}),
    serverUrl,
    apiUrl,
    workspace: env.GITHUB_WORKSPACE || cwd,
    ...(runUrl ? { runUrl } : {}),
    ...(env.GITHUB_JOB ? { job: env.GITHUB_JOB } : {}),
  };
}

/** Reads GITHUB_EVENT_PATH (absent when run outside a workflow: an empty payload). */
export async function loadEventContext(env: Env, cwd: string): Promise<EventContext> {
  let payload: unknown = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch (error) {
      throw new Error(`cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${String(error)}`);
    }
  }
  return eventContext(env, payload, cwd);
}

/** A link to a file at the reported commit, for the summary's locations. */
export function blobUrl(ctx: EventContext): string | undefined {
  return ctx.repo && ctx.sha
    ? `${ctx.serverUrl}/${ctx.repo.owner}/${ctx.repo.repo}/blob/${ctx.sha}`
    : undefined;
}

function pullRequestOf(payload: unknown): PullRequestInfo | undefined {
  const number = get(payload, 'pull_request', 'number');
  const headSha = str(get(payload, 'pull_request', 'head', 'sha'));
  if (typeof number !== 'number' || !headSha) return undefined;
  const head = str(get(payload, 'pull_request', 'head', 'repo', 'full_name'));
  const base = str(get(payload, 'pull_request', 'base', 'repo', 'full_name'));
  // A deleted fork leaves head.repo null: still not this repository.
  return { number, headSha, fork: head === undefined || head !== base };
}

function parseRepo(text: string | undefined): Repo | undefined {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(text ?? '');
  return match ? { owner: match[1]!, repo: match[2]! } : undefined;
}

function repoFromPayload(payload: unknown): Repo | undefined {
  return parseRepo(str(get(payload, 'repository', 'full_name')));
}

function get(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
