import type { Platform } from '../platforms/platform.js';

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
}

/** A group of identical nodes of one cluster. Labels include the implicit kubernetes.io/arch|os (and beta.) labels. */
export interface NodePool {
  cluster: string;
  name: string;
  platform: Platform;
  labels: Record<string, string>;
  taints: Taint[];
}
