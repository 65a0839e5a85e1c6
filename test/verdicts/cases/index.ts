import { normalizePlatform, parsePlatform } from '../../../src/platforms/normalize.js';
import { poolPlatform } from '../../../src/platforms/node.js';
import type { NodePlatform, Platform } from '../../../src/platforms/platform.js';
import { distributionReference } from './distribution.js';
import { containerdOnly, containerdParse, containerdParseMatches, containerdWindows } from './containerd.js';
import { kubernetesAffinity, kubernetesTerms } from './kubernetes-affinity.js';
import { kubernetesTaints } from './kubernetes-taints.js';
import { ownPlacement } from './rules.js';
import type { ParseCase, PlacementCase, PlatformCase, ReferenceCase, Upstream } from './types.js';

export { expected } from './types.js';
export type { ParseCase, PlacementCase, PlatformCase, ReferenceCase, Upstream } from './types.js';

/** Every platform case: containerd's tables. */
export const PLATFORM_CASES: readonly PlatformCase[] = [
  ...containerdOnly,
  ...containerdWindows,
  ...containerdParseMatches,
];

/** How node platforms are written: containerd's parser table. */
export const PARSE_CASES: readonly ParseCase[] = containerdParse;

/** Every placement case: Kubernetes' tables, then ours. */
export const PLACEMENT_CASES: readonly PlacementCase[] = [
  ...kubernetesAffinity,
  ...kubernetesTerms,
  ...kubernetesTaints,
  ...ownPlacement,
];

/** Every image reference case: distribution/reference's tables. */
export const REFERENCE_CASES: readonly ReferenceCase[] = distributionReference;

/** `source: name`, the test title. */
export function title(c: Upstream | ParseCase): string {
  const differs = c.archcheck !== undefined && c.archcheck !== c.upstream;
  const ours = typeof c.archcheck === 'object' ? `error ${c.archcheck.error}` : String(c.archcheck);
  return `${c.source}: ${c.name}${differs ? ` [archcheck ${ours}: ${c.reason ?? ''}]` : ''}`;
}

/** The node platform of a case, read the way a config pool is. */
export function nodeOf(c: PlatformCase): NodePlatform {
  const parsed = poolPlatform({ arch: c.node, ...(c.aarch32 ? { aarch32: true } : {}) });
  if ('error' in parsed) throw new Error(`case ${c.name}: ${parsed.error}`);
  return parsed;
}

/** The image platform of a case: a containerd specifier, or a raw descriptor platform. */
export function imageOf(c: PlatformCase): Platform {
  if (typeof c.image !== 'string') return normalizePlatform(c.image);
  const parsed = parsePlatform(c.image);
  if ('error' in parsed) throw new Error(`case ${c.name}: ${parsed.error}`);
  return parsed;
}
