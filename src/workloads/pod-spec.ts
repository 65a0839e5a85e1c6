import type { Node, YAMLMap } from 'yaml';
import {
  asMap,
  asSeq,
  child,
  keyNode,
  locate,
  scalarString,
  stringValue,
  writtenChild,
  type AstContext,
} from '../documents/ast.js';
import { parseImageReference } from '../images/reference.js';
import type {
  ContainerType,
  ContainerUse,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  Scheduling,
  Toleration,
} from './workload.js';

const CONTAINER_LISTS: readonly [string, ContainerType][] = [
  ['initContainers', 'init'],
  ['containers', 'container'],
  ['ephemeralContainers', 'ephemeral'],
];

/** Reads every container of a PodSpec map (containers, initContainers, ephemeralContainers). */
export function readContainers(ctx: AstContext, podSpec: YAMLMap): ContainerUse[] {
  const uses: ContainerUse[] = [];
  for (const [field, type] of CONTAINER_LISTS) {
    const list = asSeq(ctx, child(ctx, podSpec, field));
    if (!list) continue;
    list.items.forEach((item, index) => {
      const container = asMap(ctx, item);
      if (container) uses.push(readContainer(ctx, container, type, `${field}[${index}]`));
    });
  }
  return uses;
}

/** One container map -> ContainerUse; an absent or non-string image is kept, with a parse error saying so. */
export function readContainer(
  ctx: AstContext,
  container: YAMLMap,
  type: ContainerType,
  fallbackName: string,
): ContainerUse {
  const name = scalarString(ctx, child(ctx, container, 'name')) ?? fallbackName;
  // Kubernetes' image field is a string: `image: 1234` is rejected by the API server, so it is not an image.
  const imageNode = writtenChild(ctx, container, 'image');
  const image = stringValue(ctx, imageNode);
  const location = locate(ctx, imageNode ?? keyNode(ctx, container, 'name') ?? container);
  if (image === undefined) {
    const reason = imageNode ? 'image is not a string' : 'container has no image';
    return { name, type, image: '', location, parseError: { ok: false, kind: 'empty', reason } };
  }
  const parsed = parseImageReference(image);
  return parsed.ok
    ? { name, type, image, location, ref: parsed.ref }
    : { name, type, image, location, parseError: parsed };
}

/**
 * Reads nodeSelector, required node affinity and tolerations. Preferred affinity only weighs nodes, it never
 * excludes one, so it is not read. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/
 */
export function readScheduling(ctx: AstContext, podSpec: YAMLMap | undefined): Scheduling {
  const scheduling: Scheduling = { nodeSelector: [], tolerations: [] };
  if (!podSpec) return scheduling;

  const selectorNode = child(ctx, podSpec, 'nodeSelector');
  const selector = asMap(ctx, selectorNode);
  if (selector) {
    scheduling.nodeSelectorLocation = locate(ctx, keyNode(ctx, podSpec, 'nodeSelector'));
    for (const pair of selector.items) {
      const key = scalarString(ctx, pair.key);
      const value = scalarString(ctx, pair.value) ?? '';
      if (key !== undefined)
        scheduling.nodeSelector.push({ key, value, location: locate(ctx, pair.key as Node) });
    }
  }

  const nodeAffinity = asMap(ctx, child(ctx, asMap(ctx, child(ctx, podSpec, 'affinity')), 'nodeAffinity'));
  const requiredKey = 'requiredDuringSchedulingIgnoredDuringExecution';
  const required = asMap(ctx, child(ctx, nodeAffinity, requiredKey));
  if (required) {
    scheduling.requiredAffinityLocation = locate(ctx, keyNode(ctx, nodeAffinity, requiredKey));
    const terms = asSeq(ctx, child(ctx, required, 'nodeSelectorTerms'));
    scheduling.requiredTerms = (terms?.items ?? []).flatMap((item) => {
      const term = asMap(ctx, item);
      return term ? [readTerm(ctx, term)] : [];
    });
  }

  const tolerations = asSeq(ctx, child(ctx, podSpec, 'tolerations'));
  for (const item of tolerations?.items ?? []) {
    const t = asMap(ctx, item);
    if (!t) continue;
    const toleration: Toleration = { location: locate(ctx, t) };
    for (const field of ['key', 'operator', 'value', 'effect'] as const) {
      const v = scalarString(ctx, child(ctx, t, field));
      if (v !== undefined) toleration[field] = v;
    }
    scheduling.tolerations.push(toleration);
  }
  const runtimeClass = child(ctx, podSpec, 'runtimeClassName');
  const runtimeClassName = scalarString(ctx, runtimeClass);
  if (runtimeClassName)
    scheduling.runtimeClassName = { name: runtimeClassName, location: locate(ctx, runtimeClass) };
  return scheduling;
}

function readTerm(ctx: AstContext, term: YAMLMap): NodeSelectorTerm {
  const expressions = asSeq(ctx, child(ctx, term, 'matchExpressions'));
  const matchExpressions: NodeSelectorRequirement[] = [];
  for (const item of expressions?.items ?? []) {
    const e = asMap(ctx, item);
    if (!e) continue;
    const values = asSeq(ctx, child(ctx, e, 'values'));
    matchExpressions.push({
      key: scalarString(ctx, child(ctx, e, 'key')) ?? '',
      operator: scalarString(ctx, child(ctx, e, 'operator')) ?? '',
      values: (values?.items ?? []).flatMap((v) => {
        const s = scalarString(ctx, v);
        return s === undefined ? [] : [s];
      }),
      location: locate(ctx, e),
    });
  }
  const fields = asSeq(ctx, child(ctx, term, 'matchFields'));
  return { matchExpressions, hasMatchFields: (fields?.items.length ?? 0) > 0, location: locate(ctx, term) };
}
