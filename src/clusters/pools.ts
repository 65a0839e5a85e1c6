import { formatPlatform, parsePlatform } from '../platforms/normalize.js';
import type { Platform } from '../platforms/platform.js';
import type { NodePool, Taint } from './node-pool.js';

/** Labels the kubelet sets on every node; pools carry them without being told. */
export const ARCH_LABELS = ['kubernetes.io/arch', 'beta.kubernetes.io/arch'] as const;
export const OS_LABELS = ['kubernetes.io/os', 'beta.kubernetes.io/os'] as const;

export function makePool(
  cluster: string,
  name: string,
  platform: Platform,
  labels: Record<string, string> = {},
  taints: Taint[] = [],
): NodePool {
  const implicit: Record<string, string> = {};
  for (const key of ARCH_LABELS) implicit[key] = platform.architecture;
  for (const key of OS_LABELS) implicit[key] = platform.os;
  return { cluster, name, platform, labels: { ...labels, ...implicit }, taints };
}

/** `--arch amd64,arm64`: one cluster, one plain pool per architecture, named after it. */
export function poolsFromArchitectures(
  cluster: string,
  archs: readonly string[],
): NodePool[] | { error: string } {
  const pools: NodePool[] = [];
  for (const arch of archs) {
    const platform = parsePlatform(arch);
    if ('error' in platform) return { error: `--arch ${arch}: ${platform.error}` };
    pools.push(makePool(cluster, formatPlatform(platform), platform));
  }
  return pools;
}

/** Label keys a cluster's pools declare: the only keys a selector can be checked against. */
export function knownLabelKeys(pools: readonly NodePool[]): Set<string> {
  return new Set(pools.flatMap((p) => Object.keys(p.labels)));
}
