import { LineCounter, isMap, isScalar, parseDocument, visit, type Document } from 'yaml';
import { isMergeKey, resolvedAliases } from './ast.js';

/** Why a document is not read, at its first problem; `location` lacks the file, which the caller knows. */
export interface DocumentProblem {
  message: string;
  location: { line: number; column: number };
}

interface Found {
  message: string;
  offset: number;
}

/**
 * The first problem of a document, or undefined when it reads cleanly. kubectl rejects the whole document at
 * its first error, so one problem is reported, with how many more follow: a Go template or a binary file gives
 * hundreds of errors, one per token, that only bury the findings (issue 15).
 *
 * Besides the parser's own errors, two checks the library leaves to JS conversion (which extraction never does)
 * run here in one pass over the AST: duplicate keys (kubectl's YAML reader rejects them; the library's own check
 * compares each key to every earlier one, quadratic, so it is turned off) and aliases to an anchor that does not
 * exist or comes later.
 */
export function documentProblems(doc: Document.Parsed, lines: LineCounter): DocumentProblem | undefined {
  const found: Found[] = doc.errors.map((err) => ({
    message: err.message.split('\n')[0] ?? err.code,
    offset: err.pos[0],
  }));
  if (found.length === 0) found.push(...astProblems(doc));
  if (found.length === 0) return undefined;
  // The parser reports in document order except for a few late checks: the first problem is the lowest offset.
  const first = found.reduce((a, b) => (b.offset < a.offset ? b : a));
  const more = found.length - 1;
  const suffix = more === 0 ? '' : ` (and ${more} more problem${more === 1 ? '' : 's'} in this document)`;
  const pos = lines.linePos(first.offset);
  return { message: `${first.message}${suffix}`, location: { line: pos.line, column: pos.col } };
}

/**
 * One YAML document (a config file, a kustomization, a values file) read in time linear in its size: the
 * library's quadratic duplicate-key check is off (a 60,000-key map took 87 s) and documentProblems does it
 * instead. `problem` is the first problem, as for manifests; the document is not to be read when it is set.
 */
export function parseYamlDocument(text: string): {
  doc: Document.Parsed;
  lines: LineCounter;
  problem?: DocumentProblem;
} {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: false,
    merge: true,
  });
  const problem = documentProblems(doc, lines);
  return problem ? { doc, lines, problem } : { doc, lines };
}

function astProblems(doc: Document.Parsed): Found[] {
  const found: Found[] = [];
  const aliases = resolvedAliases(doc);
  for (const [alias, target] of aliases) {
    if (target === undefined) {
      found.push({ message: `Aliased anchor not found: ${alias.source}`, offset: alias.range?.[0] ?? 0 });
    }
  }
  // `visit` walks the tree as written: an alias is one node, never the subtree it names.
  visit(doc, {
    Map(_key, map) {
      if (!isMap(map)) return;
      const keys = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        // The library's rule (util-map-includes): scalars are equal when their values are; merge keys may repeat.
        if (!isScalar(key) || isMergeKey(key)) continue;
        const id = key.value === null ? null : `${typeof key.value}:${String(key.value)}`;
        if (keys.has(id)) found.push({ message: 'Map keys must be unique', offset: key.range?.[0] ?? 0 });
        else keys.add(id);
      }
    },
  });
  return found;
}
