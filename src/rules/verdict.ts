import type { PoolPlacement } from '../clusters/scheduling.js';
import { nodeRunsAny } from '../platforms/match.js';
import type { Platform } from '../platforms/platform.js';

/** What happens to a container of one image on the nodes of one pool. */
export type CellVerdict = 'runs' | 'exec-format-error' | 'not-scheduled' | 'unknown';

/**
 * The one image x pool verdict, read by the `image-arch-mismatch` rule and the report's matrix alike:
 * a pod the pool does not admit never lands there; an image that could not be inspected (`platforms`
 * undefined) is unknown; otherwise it runs when the pool's platform runs one of the image's platforms
 * (`nodeRunsAny`, containerd's matching) and fails with "exec format error" when none.
 */
export function poolVerdict(
  placement: Pick<PoolPlacement, 'pool' | 'eligible'>,
  platforms: readonly Platform[] | undefined,
): CellVerdict {
  if (!placement.eligible) return 'not-scheduled';
  if (!platforms) return 'unknown';
  return nodeRunsAny(placement.pool.platform, platforms) ? 'runs' : 'exec-format-error';
}
