import { parseNodePlatform } from '../platforms/node.js';
import { formatPlatform } from '../platforms/normalize.js';
import type { NodePlatform } from '../platforms/platform.js';
import { windowsBuildLabel } from '../platforms/windows.js';
import type { NodePool, Taint } from './node-pool.js';

/** Labels the kubelet sets on every node; pools carry them without being told. */
export const ARCH_LABELS = ['kubernetes.io/arch', 'beta.kubernetes.io/arch'] as const;
export const OS_LABELS = ['kubernetes.io/os', 'beta.kubernetes.io/os'] as const;
/** Set by the kubelet on Windows nodes to the host's `major.minor.build` (k8s.io/api/core/v1 LabelWindowsBuild). */
export const WINDOWS_BUILD_LABEL = 'node.kubernetes.io/windows-build';

export function makePool(
  cluster: string,
  name: string,
  platform: NodePlatform,
  labels: Record<string, string> = {},
  taints: Taint[] = [],
): NodePool {
  const implicit: Record<string, string> = {};
  for (const key of ARCH_LABELS) implicit[key] = platform.architecture;
  for (const key of OS_LABELS) implicit[key] = platform.os;
  const build = platform.os === 'windows' ? windowsBuildLabel(platform.osVersion) : undefined;
  if (build !== undefined) implicit[WINDOWS_BUILD_LABEL] = build;
  return { cluster, name, platform, labels: { ...labels, ...implicit }, taints };
}

/**
 * `--arch amd64,arm64` (and the action's `architectures`): one cluster, one plain pool per platform, named after
 * it. Each entry is read like a config pool's `arch:` (`arm64/v8`, `linux/arm/v7`, `windows/amd64`).
 */
export function poolsFromArchitectures(
  cluster: string,
  archs: readonly string[],
): NodePool[] | { error: string } {
  const pools: NodePool[] = [];
  for (const arch of archs) {
    const platform = parseNodePlatform(arch);
    if ('error' in platform) return { error: `--arch ${arch}: ${platform.error}` };
    pools.push(makePool(cluster, formatPlatform(platform), platform));
  }
  return pools;
}

/** Label keys a cluster's pools declare: the only keys a selector can be checked against. */
export function knownLabelKeys(pools: readonly NodePool[]): Set<string> {
  return new Set(pools.flatMap((p) => Object.keys(p.labels)));
}
