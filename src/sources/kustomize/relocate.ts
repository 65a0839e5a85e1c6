import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { apiGroup } from '../../workloads/kinds.js';
import { asMap, child, deref, keyNode, locate, scalarString, type AstContext } from '../../documents/ast.js';
import type { SourceLocation } from '../../documents/location.js';
import type { KubeObject } from '../../documents/parse.js';
import { moveWorkload } from '../../workloads/move.js';
import type { Workload } from '../../workloads/workload.js';

/** A step from a node to one below it: a map key, or a list item (matched by its `name` first, as merge keys are). */
type Step = { key: string } | { index: number; name?: string };

interface Address {
  steps: Step[];
  /** The location was of the key (`nodeSelector:`), not of its value. */
  isKey: boolean;
}

/** Where a location of the rendered object is found in the source file: the node, and whether the whole path was. */
export interface Relocated {
  location: SourceLocation;
  node?: Node;
  exact: boolean;
}

const locationKey = (l: SourceLocation) => `${l.line}:${l.column}:${l.endLine ?? ''}:${l.endColumn ?? ''}`;

/**
 * Maps locations in a rendered object (kustomize output) onto the object it was made from: each rendered node
 * is addressed by its path of keys and list items, and the same path is followed in the source. A path that
 * a patch added stops at the deepest node the source has. Without a source object, everything goes to `fallback`.
 */
export function relocator(rendered: KubeObject, source: KubeObject | undefined, fallback: SourceLocation) {
  const addresses = new Map<string, Address>();
  const record = (ctx: AstContext, node: Node | undefined, address: Address) => {
    if (!node?.range) return;
    const key = locationKey(locate(ctx, node));
    if (!addresses.has(key)) addresses.set(key, address);
  };
  const visit = (node: unknown, steps: Step[], depth: number): void => {
    const n = deref(rendered.ctx, node);
    if (!n || depth > 64) return;
    record(rendered.ctx, n, { steps, isKey: false });
    if (isMap(n)) {
      for (const pair of n.items) {
        const key = scalarString(rendered.ctx, pair.key);
        if (key === undefined) continue;
        record(rendered.ctx, deref(rendered.ctx, pair.key), { steps: [...steps, { key }], isKey: true });
        visit(pair.value, [...steps, { key }], depth + 1);
      }
    } else if (isSeq(n)) {
      n.items.forEach((item, index) => {
        const name = scalarString(rendered.ctx, child(rendered.ctx, asMap(rendered.ctx, item), 'name'));
        visit(item, [...steps, name === undefined ? { index } : { index, name }], depth + 1);
      });
    }
  };
  visit(rendered.map, [], 0);

  return (location: SourceLocation): Relocated => {
    const address = addresses.get(locationKey(location));
    if (!source || !address) return { location: source?.location ?? fallback, exact: false };
    return follow(source, address);
  };
}

function follow(source: KubeObject, address: Address): Relocated {
  const { ctx } = source;
  let node: Node | undefined = source.map;
  let parent: Node | undefined;
  for (const [i, step] of address.steps.entries()) {
    const next = stepInto(ctx, node, step);
    if (!next) return { location: locate(ctx, node), node, exact: false };
    parent = node;
    node = next;
    if (address.isKey && i === address.steps.length - 1 && 'key' in step) {
      const k = keyNode(ctx, asMap(ctx, parent), step.key);
      return { location: locate(ctx, k ?? node), node, exact: true };
    }
  }
  return { location: locate(ctx, node), node, exact: true };
}

function stepInto(ctx: AstContext, node: Node | undefined, step: Step): Node | undefined {
  if ('key' in step) return child(ctx, asMap(ctx, node), step.key);
  const seq = deref(ctx, node);
  if (!isSeq(seq)) return undefined;
  if (step.name !== undefined) {
    const named = seq.items.find(
      (item) => scalarString(ctx, child(ctx, asMap(ctx, item), 'name')) === step.name,
    );
    return named ? deref(ctx, named) : undefined;
  }
  return deref(ctx, seq.items[step.index]);
}

/**
 * The object in the source file a rendered object came from: same kind and API group, and the longest source
 * name the rendered name contains (namePrefix/nameSuffix only add to it). One object of the kind is taken as is.
 */
export function findSourceObject(
  rendered: KubeObject,
  candidates: readonly KubeObject[],
): KubeObject | undefined {
  const group = apiGroup(rendered.apiVersion);
  const sameKind = candidates.filter((c) => c.kind === rendered.kind && apiGroup(c.apiVersion) === group);
  const named = sameKind
    .filter((c) => rendered.name.includes(c.name))
    .sort((a, b) => b.name.length - a.name.length || (a.name === rendered.name ? -1 : 1));
  return named[0] ?? (sameKind.length === 1 ? sameKind[0] : undefined);
}

/** A copy of a workload found in rendered output with every location at its source, and the image nodes it found. */
export function relocateWorkload(
  w: Workload,
  relocate: (l: SourceLocation) => Relocated,
): { workload: Workload; images: Map<number, Relocated> } {
  const at = (l: SourceLocation) => relocate(l).location;
  const images = new Map<number, Relocated>();
  // The pod spec AST is the rendered one; no check reads positions from it.
  const workload = moveWorkload(w, {
    workload: at,
    container: (c, i) => {
      const r = relocate(c.location);
      images.set(i, r);
      return r.location;
    },
    selector: (e) => at(e.location),
    nodeSelector: at,
    affinity: at,
    toleration: at,
  });
  return { workload, images };
}

/** The string value of a relocated node, when it is a scalar (the source's `image:` as written). */
export function scalarOf(r: Relocated): string | undefined {
  return r.exact && isScalar(r.node) && typeof r.node.value === 'string' ? r.node.value : undefined;
}
