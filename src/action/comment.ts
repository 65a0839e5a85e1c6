import type { GitHubClient } from './github.js';
import { describeFailure } from './github.js';

/** GitHub rejects an issue comment over 65536 characters; bytes >= characters, so a byte budget is safe. */
export const COMMENT_LIMIT_BYTES = 60_000;

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

/**
 * Keeps one comment per job on the pull request, found by its marker and updated in place. With findings:
 * create or update it. Without: an existing comment becomes "all clear", and none is created. Extra marked
 * comments (left by two runs racing) are deleted, so there is never more than one.
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
  const [ours, ...duplicates] = listed.value.filter((c) => c.body.includes(marker));
  for (const extra of duplicates) {
    const deleted = await client.deleteComment(extra.id);
    if (!deleted.ok)
      return {
        action: 'failed',
        detail: `cannot delete duplicate comment ${extra.id}: ${describeFailure(deleted)}`,
      };
  }
  const wanted = body === undefined ? (ours ? allClearBody : undefined) : body;
  if (wanted === undefined) return { action: 'skipped', detail: 'no findings and no earlier comment' };
  const text = `${marker}\n${wanted}`;
  if (ours?.body === text) return { action: 'unchanged' };
  const result = ours
    ? await client.updateComment(ours.id, text)
    : await client.createComment(issueNumber, text);
  if (!result.ok) return { action: 'failed', detail: describeFailure(result) };
  if (body === undefined) return { action: 'all-clear' };
  return { action: ours ? 'updated' : 'created' };
}
