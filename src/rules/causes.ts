import type { ResolutionCause } from '../registry/source.js';
import type { RenderProblem } from '../workloads/workload.js';

/** The rules a failed resolution can be reported under. */
export type ResolutionRule = 'image-not-found' | 'image-unresolved' | 'digest-mismatch';

/**
 * What each resolution cause is reported as: a missing image is an error of its own, altered bytes are a
 * supply-chain alarm, and everything else only leaves the image's platforms unknown.
 */
const RESOLUTION_RULES: Readonly<Record<ResolutionCause, ResolutionRule>> = {
  'not-found': 'image-not-found',
  integrity: 'digest-mismatch',
  unauthorized: 'image-unresolved',
  'rate-limited': 'image-unresolved',
  unreachable: 'image-unresolved',
  timeout: 'image-unresolved',
  refused: 'image-unresolved',
  'registry-error': 'image-unresolved',
  'not-an-image': 'image-unresolved',
  invalid: 'image-unresolved',
  cancelled: 'image-unresolved',
  internal: 'image-unresolved',
};

/** The rules a render problem can be reported under. */
export type RenderRule = 'render-error' | 'kustomize-image-unused';

/** What each render problem cause is reported as: anything that left a source unchecked is a render error. */
const RENDER_RULES: Readonly<Record<RenderProblem['cause'], RenderRule>> = {
  invalid: 'render-error',
  'tool-missing': 'render-error',
  'build-failed': 'render-error',
  'image-entry-unused': 'kustomize-image-unused',
};

export const ruleForResolution = (cause: ResolutionCause): ResolutionRule => RESOLUTION_RULES[cause];
export const ruleForRenderProblem = (cause: RenderProblem['cause']): RenderRule => RENDER_RULES[cause];
