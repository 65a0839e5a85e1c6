import type { NodePool } from '../clusters/node-pool.js';
import { knownLabelKeys } from '../clusters/pools.js';
import { placePod, type PoolPlacement } from '../clusters/scheduling.js';
import type { ClusterConfig } from '../clusters/cluster.js';
import type { Scheduling, Toleration } from '../workloads/workload.js';
import type { DeclaredPool, LabelChoice, RuntimeClassFacts } from './declared-pool.js';

const ARCH = 'kubernetes.io/arch';

/** Label keys a selector can be checked against: the pools' labels and the keys their requirements leave open. */
export function poolLabelKeys(pools: readonly NodePool[]): Set<string> {
  const keys = knownLabelKeys(pools);
  for (const pool of pools) for (const key of Object.keys(choicesOf(pool))) keys.add(key);
  return keys;
}

/**
 * Where a pod can land in a cluster: its scheduling as the cluster admits it (opt-in `admission:` facts), on
 * pools whose open label choices take the values the pod asks for, as Karpenter picks them at launch.
 */
export function placeInCluster(
  scheduling: Scheduling,
  cluster: ClusterConfig,
  keys: ReadonlySet<string>,
  runtimeClasses: ReadonlyMap<string, RuntimeClassFacts>,
): PoolPlacement[] {
  const admitted = admit(scheduling, cluster, runtimeClasses);
  return placePod(admitted, specialize(cluster.nodePools, admitted), keys);
}

/**
 * Admission-time changes the manifests cannot show. GKE: "GKE automatically adds the toleration to Pods that
 * select arm64" (https://cloud.google.com/kubernetes-engine/docs/how-to/prepare-arm-workloads-for-deployment).
 * RuntimeClass: its `scheduling.nodeSelector` is merged into the pod's and its tolerations added
 * (https://kubernetes.io/docs/concepts/containers/runtime-class/#scheduling).
 */
export function admit(
  scheduling: Scheduling,
  cluster: ClusterConfig,
  runtimeClasses: ReadonlyMap<string, RuntimeClassFacts>,
): Scheduling {
  let result = scheduling;
  const rcName = scheduling.runtimeClassName;
  const rc = cluster.admission?.runtimeClasses && rcName ? runtimeClasses.get(rcName.name) : undefined;
  if (rc && rcName) {
    const location = rcName.location;
    const written = new Set(result.nodeSelector.map((s) => s.key));
    result = {
      ...result,
      nodeSelector: [
        ...result.nodeSelector,
        ...Object.entries(rc.nodeSelector)
          .filter(([key]) => !written.has(key))
          .map(([key, value]) => ({ key, value, location })),
      ],
      tolerations: [...result.tolerations, ...rc.tolerations.map((t): Toleration => ({ ...t, location }))],
    };
  }
  const selected = scheduling.nodeSelectorLocation ?? scheduling.requiredAffinityLocation;
  if (cluster.admission?.gkeArm64Toleration && selected && selectsArm64(result)) {
    const toleration: Toleration = {
      key: ARCH,
      operator: 'Equal',
      value: 'arm64',
      effect: 'NoSchedule',
      location: selected,
    };
    result = { ...result, tolerations: [...result.tolerations, toleration] };
  }
  return result;
}

function selectsArm64(s: Scheduling): boolean {
  if (s.nodeSelector.some((n) => n.key === ARCH && n.value === 'arm64')) return true;
  return (s.requiredTerms ?? []).some((t) =>
    t.matchExpressions.some((e) => e.key === ARCH && e.operator === 'In' && e.values.includes('arm64')),
  );
}

/** Pools with each open label fixed to the value this pod asks for, when the pool allows it. */
export function specialize(pools: readonly NodePool[], scheduling: Scheduling): NodePool[] {
  return pools.map((pool) => {
    const choices = choicesOf(pool);
    const keys = Object.keys(choices);
    if (keys.length === 0) return pool;
    const labels = { ...pool.labels };
    for (const key of keys) {
      const value = chooseValue(choices[key] ?? {}, key, scheduling);
      if (value !== undefined) labels[key] = value;
    }
    return { ...pool, labels };
  });
}

function chooseValue(choice: LabelChoice, key: string, s: Scheduling): string | undefined {
  const expressions = (s.requiredTerms ?? []).flatMap((t) => t.matchExpressions.filter((e) => e.key === key));
  const wanted = [
    ...s.nodeSelector.filter((n) => n.key === key).map((n) => n.value),
    ...expressions.filter((e) => e.operator === 'In').flatMap((e) => e.values),
  ];
  const refused = expressions.filter((e) => e.operator === 'NotIn').flatMap((e) => e.values);
  const fits = (v: string) =>
    (choice.in === undefined || choice.in.includes(v)) && !choice.notIn?.includes(v) && !refused.includes(v);
  return [...wanted, ...(choice.in ?? [])].find(fits) ?? choice.in?.[0];
}

function choicesOf(pool: NodePool): Record<string, LabelChoice> {
  return (pool as Partial<DeclaredPool>).choices ?? {};
}
