import type { ClusterConfig } from '../clusters/cluster.js';
import type { WorkloadPlacement } from '../rules/rule.js';
import type { SourceUnit } from '../sources/unit.js';
import type { RuntimeClassFacts } from './declared-pool.js';
import { placeInCluster, poolLabelKeys } from './place.js';

/**
 * Every unit's workloads on the pools of each cluster they deploy to; `unmatchedFiles`: units with workloads
 * that no cluster's `paths` (nor a Helm `cluster:`) takes.
 */
export function placeUnits(
  units: readonly SourceUnit[],
  clusters: readonly ClusterConfig[],
  clustersOf: (path: string) => ClusterConfig[],
  runtimeClasses: ReadonlyMap<string, RuntimeClassFacts>,
): { placements: WorkloadPlacement[]; unmatchedFiles: string[] } {
  const placements: WorkloadPlacement[] = [];
  const unmatchedFiles: string[] = [];
  for (const { source, workloads, clusters: named } of units) {
    if (workloads.length === 0) continue;
    // A Helm entry's `cluster:` names its cluster; --arch replaces the config's clusters, so fall back to paths.
    const byName = named ? clusters.filter((c) => named.includes(c.name)) : [];
    const targets = byName.length > 0 ? byName : clustersOf(source.path);
    if (targets.length === 0) unmatchedFiles.push(source.file);
    for (const cluster of targets) {
      const keys = poolLabelKeys(cluster.nodePools);
      for (const workload of workloads) {
        placements.push({
          workload,
          cluster,
          pools: placeInCluster(workload.scheduling, cluster, keys, runtimeClasses),
        });
      }
    }
  }
  return { placements, unmatchedFiles };
}
