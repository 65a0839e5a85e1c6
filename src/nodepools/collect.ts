import type { SourceLocation } from '../documents/location.js';
import type { KubeObject } from '../documents/parse.js';
import {
  emptyFacts,
  isRecord,
  readLabels,
  type DeclaredFacts,
  type RuntimeClassFacts,
} from './declared-pool.js';
import { eksctlPools } from './eksctl.js';
import { karpenterPools } from './karpenter.js';
import { nodePools, type NodeObject } from './nodes.js';

/** True for the kinds this folder reads: a cheap test before any conversion. */
export function isClusterFact(obj: Pick<KubeObject, 'apiVersion' | 'kind'>): boolean {
  const group = obj.apiVersion.split('/')[0] ?? '';
  switch (obj.kind) {
    case 'NodePool':
      return group === 'karpenter.sh';
    case 'Provisioner':
      return group === 'karpenter.sh';
    case 'ClusterConfig':
      return group === 'eksctl.io';
    case 'Node':
      return obj.apiVersion === 'v1';
    case 'RuntimeClass':
      return group === 'node.k8s.io';
    default:
      return false;
  }
}

/**
 * Objects that describe the nodes of a cluster: Karpenter NodePools and Provisioners, eksctl ClusterConfigs,
 * node lists (`kubectl get nodes -o yaml`). Their presence is worth a hint when no cluster is declared.
 */
export function describesNodes(obj: Pick<KubeObject, 'apiVersion' | 'kind'>): boolean {
  if (obj.kind === 'NodeList') return obj.apiVersion === 'v1';
  return obj.kind !== 'RuntimeClass' && isClusterFact(obj);
}

/**
 * What a file's objects say about clusters: node pools (Karpenter, eksctl, live nodes) and RuntimeClasses.
 * `at` replaces every position, for objects of a rendered stream (a kustomization's or chart's output), whose
 * lines are in no file a person edits.
 */
export function collectFacts(objects: readonly KubeObject[], at?: SourceLocation): DeclaredFacts {
  const facts = emptyFacts();
  const nodes: NodeObject[] = [];
  for (const found of objects) {
    if (!isClusterFact(found)) continue;
    const obj = at ? { ...found, location: at } : found;
    const value = plain(obj);
    if (!value) {
      facts.problems.push({ message: `${obj.kind} ${obj.name}: cannot be read`, location: obj.location });
      continue;
    }
    switch (obj.kind) {
      case 'NodePool':
      case 'Provisioner':
        facts.karpenter.push(...karpenterPools(obj.kind, obj.name, value, obj.location));
        break;
      case 'ClusterConfig':
        facts.other.push(...eksctlPools(value, obj.location));
        break;
      case 'Node':
        nodes.push({ name: obj.name, object: value, location: obj.location });
        break;
      default:
        facts.runtimeClasses.push(runtimeClass(obj, value));
    }
  }
  if (nodes.length > 0) {
    const found = nodePools(nodes);
    facts.other.push(...found.pools);
    facts.problems.push(...found.problems);
  }
  return facts;
}

/** Merges facts of several files (in file order). */
export function mergeFacts(all: readonly DeclaredFacts[]): DeclaredFacts {
  return {
    karpenter: all.flatMap((f) => f.karpenter),
    other: all.flatMap((f) => f.other),
    runtimeClasses: all.flatMap((f) => f.runtimeClasses),
    problems: all.flatMap((f) => f.problems),
  };
}

/** node.k8s.io/v1 RuntimeClass: `scheduling.nodeSelector` and `scheduling.tolerations`. */
function runtimeClass(obj: KubeObject, value: Record<string, unknown>): RuntimeClassFacts {
  const scheduling = isRecord(value.scheduling) ? value.scheduling : {};
  const tolerations = Array.isArray(scheduling.tolerations) ? scheduling.tolerations.filter(isRecord) : [];
  return {
    name: obj.name,
    nodeSelector: readLabels(scheduling.nodeSelector),
    tolerations: tolerations.map((t) => {
      const out: RuntimeClassFacts['tolerations'][number] = {};
      for (const field of ['key', 'operator', 'value', 'effect'] as const) {
        if (typeof t[field] === 'string') out[field] = t[field];
      }
      return out;
    }),
    location: obj.location,
  };
}

/** The object as plain values; alias bombs and other conversion failures are `undefined`. */
function plain(obj: KubeObject): Record<string, unknown> | undefined {
  try {
    const value: unknown = obj.map.toJS(obj.ctx.doc, { maxAliasCount: 100 });
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
