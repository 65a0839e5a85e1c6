import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Node,
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

/** Follows aliases (`*anchor`) to the node they name; `undefined` for dangling aliases. */
export function deref(ctx: AstContext, node: unknown): Node | undefined {
  let current: unknown = node;
  // A chain of aliases is short in practice; bound it anyway so a cycle cannot spin.
  for (let i = 0; i < 16 && isAlias(current); i++) current = current.resolve(ctx.doc);
  return isAlias(current) ? undefined : ((current as Node | undefined) ?? undefined);
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
  if (!map) return undefined;
  for (const pair of map.items) {
    const k = deref(ctx, pair.key);
    if (isScalar(k) && String(k.value) === key) return deref(ctx, pair.value);
  }
  return undefined;
}

/** The value node under `key` as written: an alias stays an alias, so its position is where it is used. */
export function writtenChild(ctx: AstContext, map: YAMLMap | undefined, key: string): Node | undefined {
  if (!map) return undefined;
  for (const pair of map.items) {
    const k = deref(ctx, pair.key);
    if (isScalar(k) && String(k.value) === key) return (pair.value as Node | null) ?? undefined;
  }
  return undefined;
}

/** A scalar whose value is a string (not a number or boolean Kubernetes would reject), else undefined. */
export function stringValue(ctx: AstContext, node: unknown): string | undefined {
  const n = deref(ctx, node);
  return isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
}

/** The key node of `key` in a map, for positions of keys (e.g. a `nodeSelector:` line). */
export function keyNode(ctx: AstContext, map: YAMLMap | undefined, key: string): Node | undefined {
  if (!map) return undefined;
  for (const pair of map.items) {
    const k = deref(ctx, pair.key);
    if (isScalar(k) && String(k.value) === key) return k;
  }
  return undefined;
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
