import type { Report } from '../engine/report.js';
import { type SummaryOptions, formatSummary } from '../reporters/summary.js';
import type { GitHubClient } from './github.js';
import { describeFailure } from './github.js';

/** GitHub rejects an issue comment over 65536 characters; bytes >= characters, so a byte budget is safe. */
export const COMMENT_LIMIT_BYTES = 60_000;
/** Rows of each table open in the comment: a conversation is read between other comments, so it stays short. */
export const COMMENT_VISIBLE_ROWS = 8;

/**
 * The sticky comment's text: the job summary condensed (level-3 headings, fewer open rows, GitHub's comment
 * limit), with a link to the workflow run. Undefined when there is nothing to say: no finding, and nothing a
 * suppression silenced (suppressions come from the PR's own files: a PR that silences everything still shows
 * what it silenced).
 */
export function commentBody(report: Report, options: SummaryOptions, runUrl?: string): string | undefined {
  if (report.findings.length === 0 && (report.suppressed?.length ?? 0) === 0) return undefined;
  const run = runUrl ? `\n\n[Workflow run](${runUrl})` : '';
  const summary = formatSummary(report, {
    ...options,
    maxBytes: COMMENT_LIMIT_BYTES - Buffer.byteLength(run),
    headingLevel: 3,
    visibleRows: COMMENT_VISIBLE_ROWS,
  });
  return summary + run;
}

/** The hidden marker that finds our comment again (one per job, so two jobs do not overwrite each other). */
export function commentMarker(job: string | undefined): string {
  return `<!-- archcheck:sticky-comment job=${(job ?? 'default').replace(/[^\w.-]/g, '_')} -->`;
}

export type CommentAction = 'created' | 'updated' | 'all-clear' | 'unchanged' | 'skipped' | 'failed';

export interface CommentResult {
  action: CommentAction;
  /** Why it was skipped or failed, for the log. */
  detail?: string;
}

/** Who posts with the workflow's GITHUB_TOKEN (and the identity assumed when GET /user is refused). */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * Keeps one comment per job on the pull request, found by its marker and updated in place. With findings:
 * create or update it. Without: an existing comment becomes "all clear", and none is created. Extra marked
 * comments (left by two runs racing) are deleted, so there is never more than one.
 *
 * Only comments that start with the marker AND were written by the identity that posts them count: anyone
 * can paste the marker into a comment, and editing or deleting theirs would let them steer what we write
 * (or get our token to delete their evidence). The identity is the token's user (GET /user, for a personal
 * access token); an installation token (GITHUB_TOKEN) may not ask, and posts as `github-actions[bot]`.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  issueNumber: number,
  marker: string,
  body: string | undefined,
  allClearBody: string,
): Promise<CommentResult> {
  const listed = await client.issueComments(issueNumber);
  if (!listed.ok) return { action: 'failed', detail: `cannot list comments: ${describeFailure(listed)}` };
  const marked = listed.value.filter((c) => c.body.startsWith(marker));
  const poster = marked.length > 0 ? await identity(client) : ACTIONS_BOT;
  const [ours, ...duplicates] = marked.filter((c) => c.author === poster);
  const foreign = marked.length - (ours ? 1 + duplicates.length : 0);
  const ignored = foreign > 0 ? `; ignored ${foreign} marked comment(s) by other users` : '';
  for (const extra of duplicates) {
    const deleted = await client.deleteComment(extra.id);
    if (!deleted.ok)
      return {
        action: 'failed',
        detail: `cannot delete duplicate comment ${extra.id}: ${describeFailure(deleted)}`,
      };
  }
  const wanted = body === undefined ? (ours ? allClearBody : undefined) : body;
  if (wanted === undefined)
    return { action: 'skipped', detail: `no findings and no earlier comment${ignored}` };
  const text = `${marker}\n${wanted}`;
  if (ours?.body === text) return withDetail({ action: 'unchanged' }, ignored);
  const result = ours
    ? await client.updateComment(ours.id, text)
    : await client.createComment(issueNumber, text);
  if (!result.ok) return { action: 'failed', detail: describeFailure(result) };
  if (body === undefined) return withDetail({ action: 'all-clear' }, ignored);
  return withDetail({ action: ours ? 'updated' : 'created' }, ignored);
}

async function identity(client: GitHubClient): Promise<string> {
  const viewer = await client.viewer();
  return viewer.ok ? viewer.value : ACTIONS_BOT;
}

function withDetail(result: CommentResult, ignored: string): CommentResult {
  return ignored ? { ...result, detail: ignored.slice(2) } : result;
}
