import {
  isAlias,
  visit,
  type Alias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { SourceLocation } from './location.js';

/**
 * Read-only helpers over the `yaml` AST. Extraction walks the AST instead of converting whole documents to JS:
 * positions come for free and the giant CRD schemas we skip are never converted.
 */
export interface AstContext {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

/** Each document's aliases resolved in one pass: `Alias.resolve` walks the whole document per call (quadratic). */
const aliasTargets = new WeakMap<Document.Parsed, Map<Alias, Node | undefined>>();

/**
 * Every alias of a document mapped to the node it names: the last node with that anchor before it, as
 * `Alias.resolve` defines it (YAML 1.2 section 3.2.2.2), found in one visit in document order. An alias whose
 * anchor does not exist yet maps to `undefined`.
 */
export function resolvedAliases(doc: Document.Parsed): Map<Alias, Node | undefined> {
  let targets = aliasTargets.get(doc);
  if (targets) return targets;
  const found = new Map<Alias, Node | undefined>();
  const anchors = new Map<string, Node>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) found.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  targets = found;
  aliasTargets.set(doc, targets);
  return targets;
}

/** Follows aliases (`*anchor`) to the node they name; `undefined` for dangling aliases. */
export function deref(ctx: AstContext, node: unknown): Node | undefined {
  if (!isAlias(node)) return (node as Node | null | undefined) ?? undefined;
  // An alias never names another alias (an anchor sits on a node, not on an alias), so one step suffices.
  const target = resolvedAliases(ctx.doc).get(node);
  return isAlias(target) ? undefined : target;
}

export function asMap(ctx: AstContext, node: unknown): YAMLMap | undefined {
  const n = deref(ctx, node);
  return isMap(n) ? n : undefined;
}

export function asSeq(ctx: AstContext, node: unknown): YAMLSeq | undefined {
  const n = deref(ctx, node);
  return isSeq(n) ? n : undefined;
}

/** The value node under `key` in a map (a plain-scalar key compare, as Kubernetes keys are). */
export function child(ctx: AstContext, map: YAMLMap | undefined, key: string): Node | undefined {
  return deref(ctx, findPair(ctx, map, key)?.value);
}

/** The value node under `key` as written: an alias stays an alias, so its position is where it is used. */
export function writtenChild(ctx: AstContext, map: YAMLMap | undefined, key: string): Node | undefined {
  return (findPair(ctx, map, key)?.value as Node | null | undefined) ?? undefined;
}

/** A YAML 1.1 merge key (`<<`), as the `yaml` package composes it with `merge: true`: a symbol-valued scalar. */
export function isMergeKey(node: unknown): boolean {
  return isScalar(node) && typeof node.value === 'symbol' && node.value.description === '<<';
}

/**
 * Each large map's own keys, indexed once: lookups stay linear however many times readers ask. Small maps (most
 * of Kubernetes) are scanned instead: a WeakMap entry keeps its key's whole subtree alive through every young
 * generation GC (V8 treats ephemeron values strongly there), so indexing every map promoted every document's
 * AST to the old generation: 1.8 times the peak memory and 1.5 times the CPU at 100,000 documents.
 */
const ownKeys = new WeakMap<YAMLMap, Map<string, Pair>>();
const INDEX_FROM = 32;
/** Lookups through merge keys, memoized per map and key; `null` while in progress (a cycle) or not found. */
const mergedKeys = new WeakMap<YAMLMap, Map<string, Pair | null>>();

/** The first pair of the map whose key is `key`, as ownIndex would find it. */
function ownPair(ctx: AstContext, map: YAMLMap, key: string): Pair | undefined {
  for (const pair of map.items) {
    const k = deref(ctx, pair.key);
    if (isScalar(k) && !isMergeKey(k) && String(k.value) === key) return pair as Pair;
  }
  return undefined;
}

function ownIndex(ctx: AstContext, map: YAMLMap): Map<string, Pair> {
  let index = ownKeys.get(map);
  if (index) return index;
  index = new Map();
  for (const pair of map.items) {
    const k = deref(ctx, pair.key);
    if (!isScalar(k) || isMergeKey(k)) continue;
    const name = String(k.value);
    if (!index.has(name)) index.set(name, pair as Pair);
  }
  ownKeys.set(map, index);
  return index;
}

/**
 * The pair holding `key`, as kubectl's YAML 1.1 reader sees it (https://yaml.org/type/merge.html): a key
 * written in the map wins; else the first merge source (`<<: *a` or `<<: [*a, *b]`) that has it. The pair
 * returned is the one where the value is written, so positions point there. Memoized, so an alias bomb of
 * merge keys costs one lookup per map and key, never an expansion.
 */
function findPair(ctx: AstContext, map: YAMLMap | undefined, key: string): Pair | undefined {
  if (!map) return undefined;
  const own = map.items.length < INDEX_FROM ? ownPair(ctx, map, key) : ownIndex(ctx, map).get(key);
  if (own) return own;
  if (!map.items.some((pair) => isMergeKey(deref(ctx, pair.key)))) return undefined;
  let memo = mergedKeys.get(map);
  if (!memo) mergedKeys.set(map, (memo = new Map()));
  if (memo.has(key)) return memo.get(key) ?? undefined;
  memo.set(key, null);
  let found: Pair | undefined;
  for (const pair of map.items) {
    if (!isMergeKey(deref(ctx, pair.key))) continue;
    const value = deref(ctx, pair.value);
    const sources = isSeq(value) ? value.items.map((item) => deref(ctx, item)) : [value];
    for (const source of sources) {
      found = isMap(source) ? findPair(ctx, source, key) : undefined;
      if (found) break;
    }
    if (found) break;
  }
  memo.set(key, found ?? null);
  return found;
}

/** A scalar whose value is a string (not a number or boolean Kubernetes would reject), else undefined. */
export function stringValue(ctx: AstContext, node: unknown): string | undefined {
  const n = deref(ctx, node);
  return isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
}

/** The key node of `key` in a map, for positions of keys (e.g. a `nodeSelector:` line). */
export function keyNode(ctx: AstContext, map: YAMLMap | undefined, key: string): Node | undefined {
  const k = findPair(ctx, map, key)?.key;
  return isNode(k) ? (deref(ctx, k) ?? k) : undefined;
}

/** Follows a path of keys (strings) and indexes (numbers). */
export function pathGet(
  ctx: AstContext,
  node: unknown,
  path: readonly (string | number)[],
): Node | undefined {
  let current = deref(ctx, node);
  for (const step of path) {
    if (current === undefined) return undefined;
    if (typeof step === 'number') current = deref(ctx, asSeq(ctx, current)?.items[step]);
    else current = child(ctx, asMap(ctx, current), step);
  }
  return current;
}

/** A scalar's value as a string (numbers and booleans stringified as Kubernetes would read them), else undefined. */
export function scalarString(ctx: AstContext, node: unknown): string | undefined {
  const n = deref(ctx, node);
  if (!isScalar(n) || n.value === null || n.value === undefined) return undefined;
  return typeof n.value === 'string' ? n.value : String(n.value);
}

/** Position of a node: its range is [start, valueEnd, nodeEnd] offsets into the file. */
export function locate(ctx: AstContext, node: Node | undefined, fallback?: Node): SourceLocation {
  const range = node?.range ?? fallback?.range;
  if (!range) return { file: ctx.file, line: 1, column: 1 };
  const start = ctx.lines.linePos(range[0]);
  const end = ctx.lines.linePos(range[1]);
  return { file: ctx.file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}
