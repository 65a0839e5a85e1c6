import type { NodePool, Taint, TaintEffect } from '../clusters/node-pool.js';
import { makePool } from '../clusters/pools.js';
import type { SourceLocation } from '../documents/location.js';
import type { Platform } from '../platforms/platform.js';

/**
 * Label values a pool can take but has not fixed (a Karpenter requirement `In [spot, on-demand]`, `Exists`,
 * `NotIn`): the node launched for a pod gets the value the pod asks for when the list allows it.
 */
export interface LabelChoice {
  /** Allowed values; undefined means any value not in `notIn`. */
  in?: string[];
  notIn?: string[];
}

/** A node pool read from a file of the repository, with where it is declared. */
export interface DeclaredPool extends NodePool {
  source: SourceLocation;
  choices?: Record<string, LabelChoice>;
}

/** What one file declares about clusters: node pools (by source kind) and RuntimeClasses. */
export interface DeclaredFacts {
  /** Karpenter NodePools and Provisioners: enough to derive a cluster when none is declared. */
  karpenter: DeclaredPool[];
  /** eksctl node groups and live nodes: used through `nodePools.from` only. */
  other: DeclaredPool[];
  runtimeClasses: RuntimeClassFacts[];
  /** Objects that looked like node sources but could not be read, with why. */
  problems: { message: string; location: SourceLocation }[];
}

export interface RuntimeClassFacts {
  name: string;
  nodeSelector: Record<string, string>;
  tolerations: { key?: string; operator?: string; value?: string; effect?: string }[];
  location: SourceLocation;
}

export function emptyFacts(): DeclaredFacts {
  return { karpenter: [], other: [], runtimeClasses: [], problems: [] };
}

export function declaredPool(
  name: string,
  platform: Platform,
  source: SourceLocation,
  labels: Record<string, string>,
  taints: Taint[],
  choices?: Record<string, LabelChoice>,
): DeclaredPool {
  // The cluster is named when the pool joins one; '' until then.
  const pool: DeclaredPool = { ...makePool('', name, platform, labels, taints), source };
  if (choices && Object.keys(choices).length > 0) pool.choices = choices;
  return pool;
}

const EFFECTS: readonly string[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Taints as Kubernetes writes them (`{key, value?, effect}`); entries without a known effect are dropped. */
export function readTaints(value: unknown): Taint[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((t): Taint[] => {
    if (!isRecord(t) || typeof t.key !== 'string' || !EFFECTS.includes(String(t.effect))) return [];
    const taint: Taint = { key: t.key, effect: t.effect as TaintEffect };
    if (t.value !== undefined && t.value !== null && t.value !== '') taint.value = String(t.value);
    return [taint];
  });
}

/** String-valued entries of a label map; other values are not labels. */
export function readLabels(value: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  if (!isRecord(value)) return labels;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') labels[k] = String(v);
  }
  return labels;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v) => typeof v === 'string' || typeof v === 'number').map(String)
    : [];
}
