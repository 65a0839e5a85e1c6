import type { SourceLocation } from '../documents/location.js';
import type {
  NodeSelectorRequirement,
  NodeSelectorTerm,
  Scheduling,
  Toleration,
} from '../workloads/workload.js';
import { isValidRequirement, parseInt64 } from './label-syntax.js';
import type { NodePool, Taint } from './node-pool.js';

/** Whether a pod may land on one pool, and if not, which constraint keeps it off and where that is written. */
export interface PoolPlacement {
  pool: NodePool;
  eligible: boolean;
  reasons: ExclusionReason[];
}

/** One constraint that keeps a pod off a pool: `constraint` is the same text for every pool it excludes. */
export interface ExclusionReason {
  constraint: string;
  /** What the pool has instead, e.g. `kubernetes.io/arch=amd64`. */
  detail: string;
  location?: SourceLocation;
}

/**
 * Decides, pool by pool, where a pod can be scheduled, following the scheduler's NodeAffinity and
 * TaintToleration filters: nodeSelector labels must all match; required node affinity terms are ORed and their
 * expressions ANDed (an empty term list, or a term with no expressions, matches nothing); taints with effect
 * NoSchedule or NoExecute must be tolerated. matchFields cannot be evaluated without node names, so a term
 * using them never narrows pools.
 * https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/
 * https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
 *
 * `knownKeys` are the label keys the cluster's pools declare (plus the implicit arch/os labels). Keys no
 * pool declares say nothing we can check (zones, hostnames, instance types), so they never exclude a pool.
 */
export function placePod(
  scheduling: Scheduling,
  pools: readonly NodePool[],
  knownKeys: ReadonlySet<string>,
): PoolPlacement[] {
  return pools.map((pool) => {
    const reasons: PoolPlacement['reasons'] = [];
    for (const { key, value, location } of scheduling.nodeSelector) {
      if (!knownKeys.has(key) || isPlaceholder(value)) continue;
      const actual = pool.labels[key];
      if (actual !== value) {
        const detail = actual === undefined ? `no label ${key}` : `${key}=${actual}`;
        reasons.push({ constraint: `nodeSelector ${key}=${value}`, detail, location });
      }
    }
    if (scheduling.requiredTerms && !scheduling.requiredTerms.some((t) => termMatches(t, pool, knownKeys))) {
      reasons.push({
        constraint: 'required node affinity',
        detail: describeLabels(pool, scheduling.requiredTerms),
        location: scheduling.requiredAffinityLocation,
      });
    }
    for (const taint of pool.taints) {
      if (taint.effect === 'PreferNoSchedule') continue;
      if (!scheduling.tolerations.some((t) => tolerates(t, taint))) {
        reasons.push({ constraint: `no toleration for taint ${formatTaint(taint)}`, detail: 'tainted' });
      }
    }
    return { pool, eligible: reasons.length === 0, reasons };
  });
}

function termMatches(term: NodeSelectorTerm, pool: NodePool, knownKeys: ReadonlySet<string>): boolean {
  if (term.matchExpressions.length === 0) return term.hasMatchFields;
  return term.matchExpressions.every((r) => {
    // A value filled in at deploy time is unknown: it can neither be validated nor compared.
    if (r.values.some(isPlaceholder)) return true;
    // An invalid requirement fails its term on every node, whether or not a pool declares the key.
    if (!isValidRequirement(r)) return false;
    return !knownKeys.has(r.key) || requirementMatches(r, pool.labels);
  });
}

/**
 * A value filled in later (`{{inputs.parameters.arch}}` in Argo Workflows, `${ARCH}` for envsubst) is not known
 * before deploy, so it never excludes a pool.
 */
function isPlaceholder(value: string): boolean {
  return value.includes('{{') || value.includes('${');
}

/**
 * One NodeSelectorRequirement against a label set, as k8s.io/apimachinery labels `Requirement.Matches`. A
 * requirement `isValidRequirement` rejects matches nothing (the scheduler turns it into a term that fails).
 */
export function requirementMatches(
  r: NodeSelectorRequirement,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (!isValidRequirement(r)) return false;
  const value = labels[r.key];
  switch (r.operator) {
    case 'In':
      return value !== undefined && r.values.includes(value);
    case 'NotIn':
      return value === undefined || !r.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      // Both sides are strconv.ParseInt(s, 10, 64): a label that is not an int64 fails the requirement.
      const bound = parseInt64(r.values[0]);
      const actual = parseInt64(value);
      if (bound === undefined || actual === undefined) return false;
      return r.operator === 'Gt' ? actual > bound : actual < bound;
    }
    default:
      return false;
  }
}

/**
 * k8s.io/api/core/v1 `Toleration.ToleratesTaint`: the effect (when set) and the key must equal the taint's;
 * "empty operator means Equal" (values compared), Exists tolerates any value. Gt and Lt tolerate nothing:
 * they need the alpha feature gate TaintTolerationComparisonOperators, off by default, without which the
 * scheduler (FindMatchingUntoleratedTaint) does not compare.
 */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  // The API server accepts an empty key only with Exists (core validation ValidateTolerations): any other
  // empty-key toleration belongs to a pod that is never created, so it tolerates nothing.
  if (!t.key) return t.operator === 'Exists';
  if (t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function formatTaint(taint: Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}

function describeLabels(pool: NodePool, terms: readonly NodeSelectorTerm[]): string {
  const invalid = terms
    .flatMap((t) => t.matchExpressions)
    .find((r) => !r.values.some(isPlaceholder) && !isValidRequirement(r));
  // Kubernetes rejects the term on every node: say so rather than list labels that are not the reason.
  if (invalid) return `invalid requirement ${invalid.key} ${invalid.operator} [${invalid.values.join(', ')}]`;
  const keys = new Set(terms.flatMap((t) => t.matchExpressions.map((e) => e.key)));
  const shown = [...keys].map((k) => (pool.labels[k] === undefined ? `no ${k}` : `${k}=${pool.labels[k]}`));
  return shown.length > 0 ? shown.join(', ') : 'no term has expressions';
}
