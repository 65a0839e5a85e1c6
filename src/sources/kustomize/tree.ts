import type { SourceLocation } from '../../documents/location.js';
import { DEFAULT_MAX_FILE_SIZE } from '../../documents/read.js';
import { readKustomization, type Kustomization } from './kustomization.js';
import { kustomizationFile, lookupKustomizations, type KustomizationLookups } from './lookup.js';

/** Every kustomization reachable from the ones found, and which of them to build. */
export interface KustomizeTree {
  /** By directory. */
  nodes: Map<string, Kustomization>;
  /** Directories to build: the ones asked for, or those found that no other kustomization includes. */
  roots: string[];
  /** Every file a kustomization reads (and the kustomization files): not to be read again as loose manifests. */
  claimed: Set<string>;
  /** Kustomization files that cannot be read or parsed. */
  errors: { message: string; location: SourceLocation }[];
}

/**
 * Reads the kustomizations in `dirs` and, transitively, every local one they include (resources, bases,
 * components, generator and transformer directories). Roots are `explicitRoots` when given, else the found
 * directories of kind Kustomization that nothing includes (Components cannot be built alone).
 */
export async function loadKustomizeTree(
  dirs: readonly string[],
  explicitRoots: readonly string[] | undefined,
  reportName: (absolute: string) => string,
  maxBytes = DEFAULT_MAX_FILE_SIZE,
  lookups: KustomizationLookups = lookupKustomizations([...dirs, ...(explicitRoots ?? [])]),
): Promise<KustomizeTree> {
  const tree: KustomizeTree = { nodes: new Map(), roots: [], claimed: new Set(), errors: [] };
  const visited = new Set<string>();
  const queue = [...new Set([...dirs, ...(explicitRoots ?? [])])];
  const included = new Set<string>();
  while (queue.length > 0) {
    const dir = queue.shift() as string;
    if (visited.has(dir)) continue;
    visited.add(dir);
    const file = await (lookups.get(dir) ?? kustomizationFile(dir));
    if (!file) continue;
    tree.claimed.add(file);
    const read = await readKustomization(file, reportName(file), maxBytes);
    if (!read.ok) {
      tree.errors.push({ message: read.message, location: read.location });
      continue;
    }
    const k = read.value;
    tree.nodes.set(dir, k);
    for (const f of [...k.resourceFiles, ...k.otherFiles]) tree.claimed.add(f);
    for (const d of [...k.children, ...k.components]) included.add(d);
    queue.push(...k.children, ...k.components, ...k.otherFiles);
  }
  tree.roots = explicitRoots
    ? [...explicitRoots]
    : dirs.filter((d) => !included.has(d) && tree.nodes.get(d)?.kind === 'Kustomization');
  tree.roots.sort();
  return tree;
}

/**
 * The kustomizations an object read from `file` passes through on its way to `root`, innermost first, each with
 * the `images:` entries that apply at that level in kustomize's order: a level's components (their own
 * resources already went through them), then its own transformers (api/internal/target/kusttarget.go
 * `AccumulateTarget`). Undefined when `file` is not a resource of any kustomization under `root`.
 */
export function imageChain(tree: KustomizeTree, root: string, file: string): ChainLevel[] | undefined {
  const visit = (dir: string, seen: Set<string>): ChainLevel[] | undefined => {
    const k = tree.nodes.get(dir);
    if (!k || seen.has(dir)) return undefined;
    const inner = new Set(seen).add(dir);
    if (k.resourceFiles.includes(file)) return [{ kustomization: k, entries: entriesAfter(tree, k, -1) }];
    for (const child of k.children) {
      const below = visit(child, inner);
      if (below) return [...below, { kustomization: k, entries: entriesAfter(tree, k, -1) }];
    }
    for (const [i, component] of k.components.entries()) {
      const below = visit(component, inner);
      if (below) return [...below, { kustomization: k, entries: entriesAfter(tree, k, i) }];
    }
    return undefined;
  };
  return visit(root, new Set());
}

export interface ChainLevel {
  kustomization: Kustomization;
  entries: { entry: Kustomization['images'][number]; kustomization: Kustomization }[];
}

/** Entries of `k`'s components after index `from`, then `k`'s own. */
function entriesAfter(tree: KustomizeTree, k: Kustomization, from: number): ChainLevel['entries'] {
  const fromComponents = k.components.slice(from + 1).flatMap((dir) => {
    const c = tree.nodes.get(dir);
    return c ? c.images.map((entry) => ({ entry, kustomization: c })) : [];
  });
  return [...fromComponents, ...k.images.map((entry) => ({ entry, kustomization: k }))];
}
