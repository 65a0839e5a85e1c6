import type { Node, YAMLMap } from 'yaml';
import { asMap, asSeq, child, scalarString, type AstContext } from '../../documents/ast.js';
import type { KubeObject } from '../../documents/parse.js';
import { parseImageReference } from '../../images/reference.js';
import { readContainer } from '../pod-spec.js';
import type { ContainerType, ContainerUse, Scheduling, Workload } from '../workload.js';

/** A path into an object: keys, and `*` for "every item of this list" (each item names a part of the workload). */
export type CrdPath = readonly string[];

/** How a Tekton kind lays out its task specs and the params that fill their images (tekton.ts). */
export type TektonLayout = 'task' | 'taskRun' | 'pipeline' | 'pipelineRun' | 'stepAction';

/**
 * Where a custom resource keeps what it runs. `podSpec`: a core PodSpec. `argoTemplates`: Argo Workflows
 * templates (each a pod), with workflow-level scheduling at `workflow`. `tekton`: Tekton task specs (steps and
 * sidecars in one pod) with their params. `helmValues`: the `image` values of a Helm release.
 * `kustomizeImages`: Argo CD's `kustomize.images` overrides. `argoAnalysis`: an Argo Rollouts analysis's job pod
 * specs, whose `{{args.x}}` are filled from its `spec.args`.
 */
export type PodSource =
  | { from: 'podSpec'; path: CrdPath }
  | { from: 'argoTemplates'; templates: CrdPath; workflow: CrdPath }
  | { from: 'tekton'; layout: TektonLayout }
  | { from: 'helmValues'; path: CrdPath }
  | { from: 'kustomizeImages'; path: CrdPath }
  | { from: 'argoAnalysis'; path: CrdPath };

export interface Found {
  node: Node;
  /** The `*` steps taken, e.g. `templates[build]`. */
  part: string;
}

/** Every node at `path` under `root`, `*` taking each list item (labelled by its `name`, else its index). */
export function expandPath(ctx: AstContext, root: Node, path: CrdPath): Found[] {
  let current: Found[] = [{ node: root, part: '' }];
  path.forEach((step, i) => {
    const next: Found[] = [];
    for (const { node, part } of current) {
      if (step !== '*') {
        const value = child(ctx, asMap(ctx, node), step);
        if (value) next.push({ node: value, part });
        continue;
      }
      asSeq(ctx, node)?.items.forEach((item, index) => {
        const itemNode = asMap(ctx, item) ?? asSeq(ctx, item);
        if (!itemNode) return;
        const label = scalarString(ctx, child(ctx, asMap(ctx, itemNode), 'name')) ?? String(index);
        next.push({ node: itemNode, part: `${part ? `${part}.` : ''}${path[i - 1] ?? ''}[${label}]` });
      });
    }
    current = next;
  });
  return current;
}

/** The first map found at any of `paths` (the first that the object has). */
export function firstMap(ctx: AstContext, root: Node, paths: readonly CrdPath[]): YAMLMap | undefined {
  return paths
    .map((path) => asMap(ctx, expandPath(ctx, root, path)[0]?.node))
    .find((map) => map !== undefined);
}

export function workloadOf(
  obj: KubeObject,
  extra: { part?: string; inferred?: boolean },
  containers: ContainerUse[],
  scheduling: Scheduling,
): Workload {
  const workload: Workload = {
    kind: obj.kind,
    apiVersion: obj.apiVersion,
    name: obj.name,
    location: obj.location,
    containers,
    scheduling,
  };
  if (obj.namespace) workload.namespace = obj.namespace;
  if (extra.part) workload.part = extra.part;
  if (extra.inferred) workload.inferred = true;
  return workload;
}

/** Every map of the list at `field`, read as a container named by its `name` (else `field[index]`). */
export function listOf(ctx: AstContext, map: YAMLMap, field: string, type: ContainerType): ContainerUse[] {
  return (asSeq(ctx, child(ctx, map, field))?.items ?? []).flatMap((item, index) => {
    const container = asMap(ctx, item);
    return container ? [readContainer(ctx, container, type, `${field}[${index}]`)] : [];
  });
}

/** `use` running `image` instead: parsed again, so its reference or parse error is that image's. */
export function withImage(use: ContainerUse, image: string): ContainerUse {
  const { ref: _ref, parseError: _error, ...rest } = use;
  const parsed = parseImageReference(image);
  return parsed.ok ? { ...rest, image, ref: parsed.ref } : { ...rest, image, parseError: parsed };
}

/** A container for an image found outside a pod spec (values, overrides): parsed like any other. */
export function imageUse(name: string, image: string, location: ContainerUse['location']): ContainerUse {
  return withImage({ name, type: 'container', image, location }, image);
}
