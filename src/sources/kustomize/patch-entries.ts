import path from 'node:path';
import { isScalar, Scalar, type YAMLMap } from 'yaml';
import { asMap, asSeq, child, deref, scalarString, type AstContext } from '../../documents/ast.js';
import type { SourceLocation } from '../../documents/location.js';

/** Which objects a patch applies to, as its `target:` (or a strategic-merge patch's own kind and name) says. */
export interface PatchTarget {
  kind?: string;
  name?: string;
}

/**
 * A patch written inline in a kustomization: its text, and where that text's first character is in the
 * kustomization. `exact`: every line and column of the text maps to the file by offset (a literal block, or a
 * one-line scalar without escapes); otherwise positions inside it fall back to `start`.
 */
export interface InlinePatch {
  text: string;
  start: SourceLocation;
  exact: boolean;
}

/** One entry of `patches`, `patchesJson6902` or `patchesStrategicMerge`, in the order kustomize applies them. */
export interface PatchEntry {
  /** Absolute path of a patch file. */
  file?: string;
  /** The patch file's text: absent when it could not be read or is over the size cap. */
  text?: string;
  inline?: InlinePatch;
  target?: PatchTarget;
}

/**
 * The patches a kustomization applies (kustomize v5 api/types/kustomization.go: `patches` and the legacy
 * `patchesJson6902` take `path` or `patch` with a `target`; `patchesStrategicMerge` takes paths or inline
 * patches), in the order its builtin transformers run: strategic merge, then `patches`, then JSON6902 (checked
 * with kubectl 1.32: when all three set one image, `patchesJson6902` wins).
 */
export function readPatchEntries(
  ctx: AstContext,
  root: YAMLMap | undefined,
  dir: string,
  text: string,
): PatchEntry[] {
  const entries: PatchEntry[] = [];
  for (const key of ['patchesStrategicMerge', 'patches', 'patchesJson6902']) {
    for (const item of asSeq(ctx, child(ctx, root, key))?.items ?? []) {
      const node = deref(ctx, item);
      if (isScalar(node) && key === 'patchesStrategicMerge') {
        // patchesStrategicMerge: a one-line string is a path, anything longer an inline patch.
        const value = scalarString(ctx, node) ?? '';
        if (!value.includes('\n')) entries.push({ file: path.resolve(dir, value) });
        else entries.push({ inline: inlinePatch(ctx, node, text) });
        continue;
      }
      const map = asMap(ctx, node);
      if (!map) continue;
      const target = readTarget(ctx, asMap(ctx, child(ctx, map, 'target')));
      const file = scalarString(ctx, child(ctx, map, 'path'));
      const patch = deref(ctx, child(ctx, map, 'patch'));
      if (file) entries.push({ file: path.resolve(dir, file), ...(target ? { target } : {}) });
      else if (isScalar(patch))
        entries.push({ inline: inlinePatch(ctx, patch, text), ...(target ? { target } : {}) });
    }
  }
  return entries;
}

function readTarget(ctx: AstContext, map: YAMLMap | undefined): PatchTarget | undefined {
  if (!map) return undefined;
  const kind = scalarString(ctx, child(ctx, map, 'kind'));
  const name = scalarString(ctx, child(ctx, map, 'name'));
  return { ...(kind ? { kind } : {}), ...(name ? { name } : {}) };
}

/**
 * Where an inline patch's text sits in the kustomization. A literal block (`|`, `|-`) keeps every line with its
 * indentation removed, so line n of the text is line n after the header, shifted by the indentation; this is
 * checked line by line against the file rather than assumed (an indentation indicator, tabs, CRLF). A one-line
 * plain or quoted scalar maps by offset when its source is the value itself. Folded and escaped text does not.
 */
function inlinePatch(ctx: AstContext, node: Scalar, text: string): InlinePatch {
  const value = typeof node.value === 'string' ? node.value : String(node.value);
  const range = node.range ?? [0, 0, 0];
  const start = ctx.lines.linePos(range[0]);
  const at = { file: ctx.file, line: start.line, column: start.col };
  const inexact: InlinePatch = { text: value, start: at, exact: false };
  if (node.type === Scalar.BLOCK_LITERAL) {
    const source = text.split('\n');
    const lines = value.replace(/\n+$/, '').split('\n');
    // 0-based index of the first content line: the line after the header.
    const first = start.line;
    const sample = lines.findIndex((l) => l.trim() !== '');
    const sampleSource = source[first + sample] ?? '';
    const indent = sampleSource.length - (lines[sample] ?? '').length;
    if (sample < 0 || indent < 0 || sampleSource.slice(0, indent).trim() !== '') return inexact;
    const fits = lines.every((l, i) => {
      const src = source[first + i] ?? '';
      return l === '' ? src.trim() === '' : src.slice(0, indent).trim() === '' && src.slice(indent) === l;
    });
    return fits
      ? { text: value, start: { ...at, line: start.line + 1, column: indent + 1 }, exact: true }
      : inexact;
  }
  if (value.includes('\n')) return inexact;
  const raw = text.slice(range[0], range[1]);
  if (node.type === Scalar.PLAIN && raw === value) return { text: value, start: at, exact: true };
  const quoted = node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE;
  if (quoted && raw.slice(1, -1) === value) {
    return { text: value, start: { ...at, column: at.column + 1 }, exact: true };
  }
  return inexact;
}

/** A position inside an inline patch's text (1-based) as a position in its kustomization. */
export function inlinePosition(patch: InlinePatch, inner: { line: number; column: number }): SourceLocation {
  if (!patch.exact) return patch.start;
  return {
    file: patch.start.file,
    line: patch.start.line + inner.line - 1,
    // A block's lines all start at its indentation; a one-line scalar has only line 1.
    column: patch.start.column + inner.column - 1,
  };
}
