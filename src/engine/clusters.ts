import picomatch from 'picomatch';
import { poolsFromArchitectures } from '../clusters/pools.js';
import type { ClusterConfig } from '../clusters/cluster.js';
import type { Config } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import type { Logger } from '../logger.js';
import { mergeFacts } from '../nodepools/collect.js';
import { deriveCluster } from '../nodepools/clusters.js';
import type { DeclaredFacts } from '../nodepools/declared-pool.js';
import { placeUnits } from '../nodepools/place-units.js';
import { ambiguousPlatformNote } from '../platforms/node.js';
import { posixRelative } from '../paths.js';
import type { WorkloadPlacement } from '../rules/rule.js';
import { type SourceUnit, unitFacts } from '../sources/unit.js';

export const DEFAULT_ARCHITECTURES = ['amd64', 'arm64'] as const;

export const ASSUMED_CLUSTER_NOTICE =
  'No clusters declared: assuming one cluster with linux/amd64 and linux/arm64 node pools. ' +
  'Declare yours in .archcheck.yaml or pass --arch amd64,arm64. For example, in .archcheck.yaml:\n' +
  '  clusters:\n' +
  '    - name: prod\n' +
  '      nodePools:\n' +
  '        - {name: general, arch: amd64}';

/** The no-clusters notice, naming the files whose node pools the user can turn into a declaration. */
export function assumedClusterNotice(nodeFiles: readonly string[]): string {
  if (nodeFiles.length === 0) return ASSUMED_CLUSTER_NOTICE;
  const shown = nodeFiles.slice(0, 3).join(', ');
  const more = nodeFiles.length > 3 ? ` and ${nodeFiles.length - 3} more` : '';
  return `${ASSUMED_CLUSTER_NOTICE}\nThis tree describes node pools (Karpenter NodePools/Provisioners, eksctl ClusterConfigs or node lists) in ${shown}${more}: declare those pools' architectures under \`clusters:\`.`;
}

/** The clusters to check against: `--arch` wins, then the config's, else the assumed default (with a notice). */
export function chooseClusters(
  config: Config,
  architectures: readonly string[] | undefined,
): {
  clusters: ClusterConfig[];
  notices: string[];
} {
  if (architectures && architectures.length > 0) {
    const notes = architectures.flatMap((a) => ambiguousPlatformNote(a, '--arch') ?? []);
    return { clusters: [archCluster('cluster', architectures, false)], notices: notes };
  }
  if (config.clusters.length > 0) return { clusters: config.clusters, notices: [...(config.notices ?? [])] };
  return {
    clusters: [archCluster('default', DEFAULT_ARCHITECTURES, true)],
    notices: [ASSUMED_CLUSTER_NOTICE],
  };
}

function archCluster(name: string, archs: readonly string[], assumed: boolean): ClusterConfig {
  const pools = poolsFromArchitectures(name, archs);
  if ('error' in pools) throw new ConfigurationError(pools.error);
  return { name, paths: [], nodePools: pools, assumed };
}

/** Which clusters a file deploys to, by each cluster's `paths` globs (relative to `globBase`). */
export function clusterMatcher(clusters: readonly ClusterConfig[], globBase: string) {
  const matchers = clusters.map((c) => ({
    cluster: c,
    matches: c.paths.length === 0 ? () => true : picomatch([...c.paths], { dot: true }),
  }));
  return (absoluteFile: string): ClusterConfig[] => {
    const rel = posixRelative(globBase, absoluteFile);
    return matchers.filter((m) => m.matches(rel)).map((m) => m.cluster);
  };
}

/**
 * The clusters to check against once the tree is read, and where each unit's workloads land. Pools the tree
 * declares replace the assumed amd64 + arm64 cluster (and its notice, in `notices`); RuntimeClasses from the
 * tree and `nodePools.from` serve `admission:`. Logs the run's notices and what could not be read of the pools.
 */
export function placeTree(
  units: readonly SourceUnit[],
  fromFiles: { clusters: ClusterConfig[]; facts: DeclaredFacts },
  notices: string[],
  globBase: string,
  logger: Logger,
): { clusters: ClusterConfig[]; placements: WorkloadPlacement[]; unmatchedFiles: string[] } {
  const treeFacts = mergeFacts(units.flatMap(unitFacts));
  let clusters = fromFiles.clusters;
  const derived = clusters.length === 1 && clusters[0]?.assumed ? deriveCluster(treeFacts) : undefined;
  if (derived) {
    clusters = [derived.cluster];
    notices.splice(notices.indexOf(ASSUMED_CLUSTER_NOTICE), 1, derived.notice);
  }
  for (const notice of notices) logger.info(notice);
  for (const p of [...treeFacts.problems, ...fromFiles.facts.problems])
    logger.warning(`${p.location.file}:${p.location.line}: ${p.message}`);
  const runtimeClasses = new Map(
    [...fromFiles.facts.runtimeClasses, ...treeFacts.runtimeClasses].map((rc) => [rc.name, rc]),
  );
  const placed = placeUnits(units, clusters, clusterMatcher(clusters, globBase), runtimeClasses);
  return { clusters, ...placed };
}
