import type { SourceLocation } from '../documents/location.js';
import { normalizePlatform } from '../platforms/normalize.js';
import { declaredPool, isRecord, readLabels, readTaints, type DeclaredPool } from './declared-pool.js';

/** Labels unique to one node: left out so identical nodes collapse into one pool. */
const PER_NODE_LABELS = ['kubernetes.io/hostname'];

/** Labels naming the group a node belongs to, by provider: the pool is named after it. */
const GROUP_LABELS = [
  'karpenter.sh/nodepool',
  'eks.amazonaws.com/nodegroup',
  'alpha.eksctl.io/nodegroup-name',
  'cloud.google.com/gke-nodepool',
  'kubernetes.azure.com/agentpool',
  'agentpool',
];

export interface NodeObject {
  name: string;
  object: Record<string, unknown>;
  location: SourceLocation;
}

/**
 * Pools of live nodes (`kubectl get nodes -o json`): each node's labels and taints, its platform from
 * `status.nodeInfo` (the kubelet's `architecture`/`operatingSystem`, else the `kubernetes.io/arch|os` labels)
 * and, on Windows, its build from `node.kubernetes.io/windows-build` or `nodeInfo.kernelVersion`. Nodes with
 * the same platform, labels (hostname aside) and taints are one pool. A node whose architecture is nowhere
 * is a problem, not a pool.
 */
export function nodePools(nodes: readonly NodeObject[]): {
  pools: DeclaredPool[];
  problems: { message: string; location: SourceLocation }[];
} {
  const groups = new Map<string, { pool: DeclaredPool; count: number }>();
  const problems: { message: string; location: SourceLocation }[] = [];
  for (const node of nodes) {
    const metadata = isRecord(node.object.metadata) ? node.object.metadata : {};
    const spec = isRecord(node.object.spec) ? node.object.spec : {};
    const status = isRecord(node.object.status) ? node.object.status : {};
    const info = isRecord(status.nodeInfo) ? status.nodeInfo : {};
    const labels = readLabels(metadata.labels);
    const arch = text(info.architecture) ?? labels['kubernetes.io/arch'] ?? labels['beta.kubernetes.io/arch'];
    if (!arch) {
      problems.push({
        message: `node ${node.name}: no architecture (status.nodeInfo.architecture or kubernetes.io/arch label); not used as a node pool`,
        location: node.location,
      });
      continue;
    }
    const os = text(info.operatingSystem) ?? labels['kubernetes.io/os'] ?? 'linux';
    const build =
      os === 'windows' ? (labels['node.kubernetes.io/windows-build'] ?? text(info.kernelVersion)) : undefined;
    const platform = normalizePlatform({ os, architecture: arch, ...(build ? { osVersion: build } : {}) });
    for (const key of PER_NODE_LABELS) delete labels[key];
    const taints = readTaints(spec.taints);
    const key = JSON.stringify([platform, Object.entries(labels).sort(), taints]);
    const group = groups.get(key);
    if (group) group.count++;
    else {
      const name = GROUP_LABELS.map((l) => labels[l]).find(Boolean) ?? node.name;
      groups.set(key, { pool: declaredPool(name, platform, node.location, labels, taints), count: 1 });
    }
  }
  return { pools: uniqueNames([...groups.values()].map((g) => g.pool)), problems };
}

/** Pools that share a group label but differ (zones, taints) get a numbered suffix. */
function uniqueNames(pools: DeclaredPool[]): DeclaredPool[] {
  const seen = new Map<string, number>();
  return pools.map((pool) => {
    const n = (seen.get(pool.name) ?? 0) + 1;
    seen.set(pool.name, n);
    return n === 1 ? pool : { ...pool, name: `${pool.name}-${n}` };
  });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
