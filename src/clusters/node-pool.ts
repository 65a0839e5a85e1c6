import type { NodePlatform } from '../platforms/platform.js';

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
}

/**
 * A group of identical nodes of one cluster. Labels include those the kubelet sets: kubernetes.io/arch|os (and
 * beta.), and node.kubernetes.io/windows-build on Windows pools with an osVersion.
 */
export interface NodePool {
  cluster: string;
  name: string;
  platform: NodePlatform;
  labels: Record<string, string>;
  taints: Taint[];
}
