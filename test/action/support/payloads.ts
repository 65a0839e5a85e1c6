import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Real webhook payloads from @octokit/webhooks-examples (GitHub's documented examples), by event and index. */
interface Examples {
  name: string;
  examples: Record<string, unknown>[];
}

const require = createRequire(import.meta.url);
const all = JSON.parse(
  readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'),
) as Examples[];

export function payload(event: string, index = 0): Record<string, unknown> {
  const found = all.find((e) => e.name === event)?.examples[index];
  if (!found) throw new Error(`no ${event} example #${index}`);
  return structuredClone(found);
}

/** Codertocat/Hello-World#2 "opened", head ec26c3e5...: the pull request every PR scenario uses. */
export const PR_NUMBER = 2;
export const PR_HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

/**
 * The same pull request opened from a fork. The examples have no fork PR, so the head repository is renamed
 * to another owner's copy, the one field the action reads to tell (head.repo.full_name != base's).
 */
export function forkPullRequest(): Record<string, unknown> {
  const event = payload('pull_request');
  const pr = event.pull_request as {
    head: { repo: { full_name: string; fork: boolean; owner: { login: string } } };
  };
  pr.head.repo.full_name = 'forker/Hello-World';
  pr.head.repo.fork = true;
  pr.head.repo.owner.login = 'forker';
  return event;
}
