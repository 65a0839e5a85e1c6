import type { Document, LineCounter } from 'yaml';
import type { ConfigPosition } from './types.js';

/** Positions in the config file, so every message names the file, line and column of the key it is about. */
export interface ConfigLocator {
  readonly file: string;
  readonly doc: Document.Parsed;
  /** `file:line:col` of a character offset (the top of the file when unknown). */
  where(offset: number | undefined): string;
  /** `file:line:col` of the node at a key path. */
  whereIn(keys: readonly (string | number)[]): string;
  /** Line and column of the node at a key path. */
  position(keys: readonly (string | number)[]): ConfigPosition;
}

/** The start offset of a YAML node, when it has one. */
export function nodeOffset(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | undefined)?.range?.[0];
}

export function configLocator(doc: Document.Parsed, lines: LineCounter, file: string): ConfigLocator {
  const position = (offset: number | undefined): ConfigPosition => {
    const pos = lines.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const where = (offset: number | undefined) => {
    const pos = position(offset);
    return `${file}:${pos.line}:${pos.column}`;
  };
  return {
    file,
    doc,
    where,
    whereIn: (keys) => where(nodeOffset(doc.getIn(keys, true))),
    position: (keys) => position(nodeOffset(doc.getIn(keys, true))),
  };
}
