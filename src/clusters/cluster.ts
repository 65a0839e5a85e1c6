import type { NodePool } from './node-pool.js';

/** A cluster to check against: declared in `.archcheck.yaml`, given with `--arch`, or assumed. */
export interface ClusterConfig {
  name: string;
  /** Globs selecting the manifests deployed to this cluster; empty = every file. Relative to the config directory. */
  paths: string[];
  nodePools: NodePool[];
  /** True when archcheck assumed this cluster (nothing declared). */
  assumed: boolean;
  /** `nodePools.from`: globs (relative to the config directory) of Karpenter, eksctl or node-list files. */
  nodePoolsFrom?: string[];
  /** Opt-in facts the cluster adds at admission (`admission:`). */
  admission?: AdmissionSettings;
}

export interface AdmissionSettings {
  /** GKE tolerates its `kubernetes.io/arch=arm64:NoSchedule` taint for pods that select arm64. */
  gkeArm64Toleration?: boolean;
  /** A pod's `runtimeClassName` adds its RuntimeClass's `scheduling` (RuntimeClasses read from the tree). */
  runtimeClasses?: boolean;
}
