import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { parseYamlDocument } from '../../documents/problems.js';
import { deref, locate, scalarString, type AstContext } from '../../documents/ast.js';
import type { SourceLocation } from '../../documents/location.js';
import { splitImage } from '../kustomize/images.js';

export type ValuesPath = readonly (string | number)[];

/** One scalar of the merged values and where the winning definition is written. */
export interface ValueLeaf {
  path: ValuesPath;
  value: string;
  location: SourceLocation;
}

/** The values a release renders with, as helm merges them: the chart's defaults, then `-f` files in order, then `--set`. */
export class MergedValues {
  readonly #leaves = new Map<string, ValueLeaf>();

  /** Adds a values file's text (later calls win). `prefix` places a subchart's defaults under its name. */
  addFile(file: string, text: string, prefix: ValuesPath = []): string | undefined {
    const { doc, lines, problem } = parseYamlDocument(text);
    if (problem) return problem.message;
    const ctx: AstContext = { file, doc, lines };
    this.#walk(ctx, doc.contents, [...prefix], 0);
    return undefined;
  }

  /** Adds one `--set` value, written at `location` (the config file). */
  addSet(key: string, value: string, location: SourceLocation): void {
    const path = parseSetKey(key);
    this.#clear(path);
    this.#leaves.set(JSON.stringify(path), { path, value, location });
  }

  get(path: ValuesPath): ValueLeaf | undefined {
    return this.#leaves.get(JSON.stringify(path));
  }

  leaves(): IterableIterator<ValueLeaf> {
    return this.#leaves.values();
  }

  #walk(ctx: AstContext, node: unknown, path: (string | number)[], depth: number): void {
    const n: Node | undefined = deref(ctx, node);
    if (!n || depth > 32) return;
    if (isMap(n)) {
      for (const pair of n.items) {
        const key = scalarString(ctx, pair.key);
        if (key !== undefined) this.#walk(ctx, pair.value, [...path, key], depth + 1);
      }
    } else if (isSeq(n)) {
      this.#clear(path);
      n.items.forEach((item, i) => this.#walk(ctx, item, [...path, i], depth + 1));
    } else if (isScalar(n) && n.value !== null && n.value !== undefined) {
      // A scalar replaces whatever a lower-precedence file had below this key (helm's coalescing).
      this.#clear(path);
      const value = typeof n.source === 'string' ? n.source : String(n.value);
      this.#leaves.set(JSON.stringify(path), { path, value, location: locate(ctx, n) });
    }
  }

  #clear(path: ValuesPath): void {
    const prefix = JSON.stringify(path).slice(0, -1);
    for (const key of [...this.#leaves.keys()])
      if (key === `${prefix}]` || key.startsWith(`${prefix},`)) this.#leaves.delete(key);
  }
}

/** `a.b[0].c` -> ['a', 'b', 0, 'c']; `\.` keeps a dot in a key, as helm's strvals parser does. */
export function parseSetKey(key: string): (string | number)[] {
  const path: (string | number)[] = [];
  let current = '';
  for (let i = 0; i < key.length; i++) {
    const ch = key[i];
    if (ch === '\\' && i + 1 < key.length) current += key[++i];
    else if (ch === '.') {
      if (current) path.push(current);
      current = '';
    } else if (ch === '[') {
      if (current) path.push(current);
      current = '';
      const end = key.indexOf(']', i);
      path.push(Number(key.slice(i + 1, end < 0 ? undefined : end)));
      i = end < 0 ? key.length : end;
    } else current += ch;
  }
  if (current) path.push(current);
  return path;
}

/**
 * The values line that decides a rendered image, so the annotation lands where a person bumps it: a value that
 * is the whole image string; else an image object (`{registry, repository, tag, digest}`, or `name` in place of
 * `repository` under an image key) whose repository the image ends with, at its digest, else its tag, else its
 * repository line. An object's registry must agree with the image, unless `global.imageRegistry` does (the
 * Bitnami convention overrides per-image registries). Undefined when no value explains the image.
 */
export function imageValueLocation(image: string, values: MergedValues): SourceLocation | undefined {
  const exact = [...values.leaves()].filter((l) => l.value === image);
  if (exact.length > 0) return exact[exact.length - 1]?.location;

  const { name, tag, digest } = splitImage(image);
  const globalRegistry = values.get(['global', 'imageRegistry'])?.value;
  let best: { score: number; location: SourceLocation } | undefined;
  for (const leaf of values.leaves()) {
    const last = leaf.path[leaf.path.length - 1];
    const parent = leaf.path.slice(0, -1);
    const underImageKey = /image/i.test(String(parent[parent.length - 1] ?? ''));
    if (!(last === 'repository' || (last === 'name' && underImageKey))) continue;
    const repo = leaf.value;
    if (!repo || !(name === repo || name.endsWith(`/${repo}`))) continue;
    const host = name.slice(0, name.length - repo.length).replace(/\/$/, '');
    const registry = values.get([...parent, 'registry'])?.value;
    if (registry && host && registry !== host && globalRegistry !== host) continue;
    const tagLeaf = values.get([...parent, 'tag']);
    const digestLeaf = values.get([...parent, 'digest']);
    const found =
      digestLeaf && digest && digestLeaf.value === digest
        ? { score: 3, location: digestLeaf.location }
        : tagLeaf && tag && tagLeaf.value === tag
          ? { score: 2, location: tagLeaf.location }
          : { score: 1, location: leaf.location };
    if (!best || found.score > best.score) best = found;
  }
  return best?.location;
}

/** The values line of a nodeSelector entry rendered from values (`nodeSelector: {key: value}` anywhere). */
export function selectorValueLocation(
  key: string,
  value: string,
  values: MergedValues,
): SourceLocation | undefined {
  const leaves = [...values.leaves()].filter(
    (l) => l.path[l.path.length - 1] === key && l.value === value && l.path.includes('nodeSelector'),
  );
  return leaves[leaves.length - 1]?.location;
}
