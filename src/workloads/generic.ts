import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import { asMap, asSeq, child, deref, scalarString, type AstContext } from '../documents/ast.js';
import { readContainer } from './pod-spec.js';
import type { ContainerType, ContainerUse } from './workload.js';

/** A pod spec found in an object of a kind we do not know, with where it was found (`spec.template.spec`). */
export interface FoundPodSpec {
  map: YAMLMap;
  part: string;
  containers: ContainerUse[];
}

const CONTAINER_LISTS: readonly [string, ContainerType][] = [
  ['initContainers', 'init'],
  ['containers', 'container'],
  ['ephemeralContainers', 'ephemeral'],
];

/** Fields that never hold what the object runs: identity and what the controller reports back. */
const SKIPPED_KEYS = new Set(['metadata', 'status']);

/** Deep enough for any real pod template (CronJob-like nesting is 5), shallow enough to stop odd input. */
const MAX_DEPTH = 24;

/**
 * The generic pass for unknown kinds (kube-linter's "find the pod spec in any object", without a kind table):
 * every map whose `containers` is a list holding at least one map with an `image` key is a pod spec. Its
 * containers without `image` are left out: in operator CRs (Prometheus, ThanosRuler) those are strategic-merge
 * patches over containers the operator supplies, not containers of their own. A pod spec is not searched for
 * further pod specs inside it. `seen` collects every node walked (tests count it to prove the walk is linear).
 */
export function findPodSpecs(ctx: AstContext, root: YAMLMap, seen = new Set<Node>()): FoundPodSpec[] {
  const found: FoundPodSpec[] = [];
  const visit = (node: unknown, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const n = deref(ctx, node);
    // Aliases are never expanded: a node reached twice (a 690-byte alias bomb names 9^9 paths) is walked once.
    if (!n || seen.has(n)) return;
    seen.add(n);
    if (isSeq(n)) {
      n.items.forEach((item, index) => visit(item, `${path}[${index}]`, depth + 1));
      return;
    }
    if (!isMap(n)) return;
    const containers = imageContainers(ctx, n);
    if (containers.length > 0) {
      found.push({ map: n, part: path, containers });
      return;
    }
    for (const pair of n.items) {
      const key = scalarString(ctx, pair.key);
      if (key === undefined || (depth === 0 && SKIPPED_KEYS.has(key))) continue;
      visit(pair.value, path ? `${path}.${key}` : key, depth + 1);
    }
  };
  visit(root, '', 0);
  return found;
}

function imageContainers(ctx: AstContext, map: YAMLMap): ContainerUse[] {
  const list = asSeq(ctx, child(ctx, map, 'containers'));
  if (!list || !list.items.some((item) => child(ctx, asMap(ctx, item), 'image') !== undefined)) return [];
  return CONTAINER_LISTS.flatMap(([field, type]) =>
    (asSeq(ctx, child(ctx, map, field))?.items ?? []).flatMap((item, index) => {
      const container = asMap(ctx, item);
      if (!container || child(ctx, container, 'image') === undefined) return [];
      return [readContainer(ctx, container, type, `${field}[${index}]`)];
    }),
  );
}
