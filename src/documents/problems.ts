import {
  LineCounter,
  isMap,
  isScalar,
  parseDocument,
  visit,
  type Alias,
  type Document,
  type Node,
} from 'yaml';
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
export function documentProblems(
  doc: Document.Parsed,
  lines: LineCounter,
  source?: string,
): DocumentProblem | undefined {
  const found: Found[] = doc.errors.map((err) => ({
    message: err.message.split('\n')[0] ?? err.code,
    offset: err.pos[0],
  }));
  if (found.length === 0) found.push(...astProblems(doc, source === undefined || mayHaveAlias(source)));
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
  const problem = documentProblems(doc, lines, text);
  return problem ? { doc, lines, problem } : { doc, lines };
}

/** Where a node may start, before a `*`: its line's start, an indicator, an opening or a separator. */
const NODE_START = new Set(['\n', '\r', '\ufeff', '-', '?', ':', '[', '{', ',']);

/**
 * Whether `text` may hold an alias (YAML 1.2.2 section 7.1): a `*` where a node can start, at its line's start
 * or after `- `, `? `, `: `, `[`, `{`, `,` or an anchor or tag. A `*` inside a scalar, as in the cron schedules
 * `"5 * * * *"` and `schedule: 0 3 * * *`, starts no node: the alias pass over the AST is then not needed.
 * Never false for a text that holds one; true for some that do not (a `*` in a quoted `"a, *b"`).
 */
export function mayHaveAlias(text: string): boolean {
  for (let i = text.indexOf('*'); i !== -1; i = text.indexOf('*', i + 1)) {
    let j = i - 1;
    while (text[j] === ' ' || text[j] === '\t') j--;
    if (j < 0 || NODE_START.has(text[j] as string)) return true;
    if (j === i - 1) continue;
    // After a space: the word before may end in a node property (`&anchor *alias`, `[!tag *alias]`).
    for (let w = j; w >= 0 && !' \t\n\r'.includes(text[w] as string); w--) {
      if (text[w] === '&' || text[w] === '!') return true;
    }
  }
  return false;
}

function astProblems(doc: Document.Parsed, aliasPass: boolean): Found[] {
  const found: Found[] = [];
  const aliases = aliasPass ? resolvedAliases(doc) : new Map<Alias, Node | undefined>();
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
