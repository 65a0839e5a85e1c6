import type { ClusterConfig } from '../clusters/cluster.js';
import type { PoolPlacement } from '../clusters/scheduling.js';
import type { DeepFacts } from '../deep/facts.js';
import type { ParseProblem } from '../documents/parse.js';
import type { Resolution } from '../registry/source.js';
import type { RenderProblem, Workload } from '../workloads/workload.js';
import type { Finding, RuleMeta, Severity } from './finding.js';

/** Where one workload can land in one cluster. */
export interface WorkloadPlacement {
  workload: Workload;
  cluster: ClusterConfig;
  pools: PoolPlacement[];
}

/** Everything the checks read: values from the earlier stages, no I/O. */
export interface CheckContext {
  parseProblems: readonly ParseProblem[];
  workloads: readonly Workload[];
  placements: readonly WorkloadPlacement[];
  /** By `canonicalImage(ref)`. */
  resolutions: ReadonlyMap<string, Resolution>;
  /** What rendering Helm charts and building kustomizations reported (failures, unused `images:` entries). */
  renderProblems?: readonly RenderProblem[];
  /** What deep verification read inside the images; absent unless deep mode ran. */
  deep?: DeepFacts;
}

/**
 * A finding before the configured severity is applied. `defaultSeverity` sets this one finding's severity when
 * the user has not configured the rule (e.g. `ko://` images are notices of a warning rule).
 */
export type Draft = Omit<Finding, 'rule' | 'severity'> & { defaultSeverity?: Severity };

/** A check is metadata plus a pure function (ESLint's rule shape). */
export interface Rule {
  meta: RuleMeta;
  check(ctx: CheckContext): Draft[];
}
