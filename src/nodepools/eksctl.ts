import type { SourceLocation } from '../documents/location.js';
import type { Platform } from '../platforms/platform.js';
import type { Taint } from '../clusters/node-pool.js';
import {
  declaredPool,
  isRecord,
  readLabels,
  readTaints,
  strings,
  type DeclaredPool,
} from './declared-pool.js';
import { archOfInstanceType } from './instance-types.js';

/** eksctl's default when a node group names no instance type. https://eksctl.io/usage/schema/ */
const DEFAULT_INSTANCE_TYPE = 'm5.large';

/** Windows AMI families and the build they run (ltsc2019, ltsc2022). https://eksctl.io/usage/windows-worker-nodes/ */
const WINDOWS_BUILDS: Record<string, string> = { '2019': '10.0.17763', '2022': '10.0.20348' };

/**
 * Pools of an eksctl `ClusterConfig` (eksctl.io/v1alpha5): one per node group in `managedNodeGroups` and
 * `nodeGroups`, with its labels and taints and the labels EKS/eksctl put on its nodes. The architecture comes
 * from the instance types (Graviton families are arm64; `instanceSelector.cpuArchitecture` too); a group whose
 * types mix architectures is one pool per architecture. `WindowsServer*` AMI families are Windows nodes.
 */
export function eksctlPools(object: Record<string, unknown>, source: SourceLocation): DeclaredPool[] {
  const pools: DeclaredPool[] = [];
  for (const [field, managed] of [
    ['managedNodeGroups', true],
    ['nodeGroups', false],
  ] as const) {
    const groups = object[field];
    if (!Array.isArray(groups)) continue;
    for (const group of groups) {
      if (isRecord(group) && typeof group.name === 'string')
        pools.push(...groupPools(group, managed, source));
    }
  }
  return pools;
}

function groupPools(
  group: Record<string, unknown>,
  managed: boolean,
  source: SourceLocation,
): DeclaredPool[] {
  const name = group.name as string;
  const labels = readLabels(group.labels);
  labels[managed ? 'eks.amazonaws.com/nodegroup' : 'alpha.eksctl.io/nodegroup-name'] = name;
  const taints = eksctlTaints(group.taints);
  const family = typeof group.amiFamily === 'string' ? group.amiFamily : '';
  const windows = /^WindowsServer(\d{4})/.exec(family);
  const archs = architectures(group);
  return archs.map((architecture) => {
    const platform: Platform = { os: windows ? 'windows' : 'linux', architecture };
    const build = windows?.[1] ? WINDOWS_BUILDS[windows[1]] : undefined;
    if (build) platform.osVersion = build;
    return declaredPool(
      archs.length > 1 ? `${name}/${architecture}` : name,
      platform,
      source,
      labels,
      taints,
    );
  });
}

function architectures(group: Record<string, unknown>): string[] {
  const selector = isRecord(group.instanceSelector) ? group.instanceSelector : {};
  if (typeof selector.cpuArchitecture === 'string') {
    return [/arm64|aarch64/i.test(selector.cpuArchitecture) ? 'arm64' : 'amd64'];
  }
  const distribution = isRecord(group.instancesDistribution) ? group.instancesDistribution : {};
  const types = [
    ...(typeof group.instanceType === 'string' && group.instanceType !== 'mixed' ? [group.instanceType] : []),
    ...strings(group.instanceTypes),
    ...strings(distribution.instanceTypes),
  ];
  const archs = new Set((types.length > 0 ? types : [DEFAULT_INSTANCE_TYPE]).map(archOfInstanceType));
  return [...archs].sort();
}

/** eksctl takes taints as a list of `{key, value, effect}` or, in older files, a map `key: value:effect`. */
function eksctlTaints(value: unknown): Taint[] {
  if (!isRecord(value)) return readTaints(value);
  return readTaints(
    Object.entries(value).map(([key, spec]) => {
      const [v, effect] = String(spec).split(':');
      return { key, value: v, effect };
    }),
  );
}
