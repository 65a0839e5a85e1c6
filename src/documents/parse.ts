import { LineCounter, isNode, isScalar, parseAllDocuments, type Document, type YAMLMap } from 'yaml';
import { asMap, asSeq, child, locate, scalarString, type AstContext } from './ast.js';
import { findIgnoreComments, type IgnoreComment } from '../suppressions/comments.js';
import { documentProblems } from './problems.js';
import { PARSE_OPTIONS, fastCompose } from './fast-compose.js';
import { quickScan, type QuickScan } from './quick-scan.js';
import { SPLIT_LIST_CHARS, splitLargeList, type SplitList } from './split-list.js';
import type { SourceLocation } from './location.js';

/** One Kubernetes object found in a file, with its AST so later stages read positions, not guesses. */
export interface KubeObject {
  ctx: AstContext;
  /** 0-based index of the YAML document in the file. */
  docIndex: number;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  map: YAMLMap;
  location: SourceLocation;
  /** The comment above the document (Helm writes `# Source: chart/templates/x.yaml` there). */
  comment?: string;
}

export interface ParseProblem {
  message: string;
  location: SourceLocation;
}

export interface ParsedFile {
  file: string;
  objects: KubeObject[];
  /** Non-empty documents in the file (a List counts once). */
  documents: number;
  /** Documents that are not Kubernetes objects (no string `kind` and `apiVersion`): skipped. */
  skipped: number;
  problems: ParseProblem[];
  /** `# archcheck:ignore` comments, when the text has any. */
  ignoreComments?: IgnoreComment[];
  /**
   * Documents that can hold no container, so were only syntax-checked, never composed (see `compose`); they
   * are counted in `documents` and `skipped` as composed ones would be.
   */
  syntaxOnly?: number;
}

export interface ParseOptions {
  /** See SPLIT_LIST_CHARS; tests lower it. */
  splitListChars?: number;
  /**
   * Set by callers that read objects only for their workloads and facts: a Kubernetes object the quick scan
   * reads cleanly is then composed only when this says it may yield one, from its kind and whether any key names
   * `image`. Documents that are no object (they yield nothing) are never composed, Lists (items of any kind)
   * always. The others are counted in `syntaxOnly` and never reach the sink. Unset: every document is composed.
   */
  compose?: (apiVersion: string, kind: string, imageKey: boolean) => boolean;
  /**
   * Compose every document with the `yaml` package, never with fastCompose: the reference the golden test and the
   * bench compare the fast ways with.
   */
  reference?: boolean;
}

/**
 * Parses a YAML or JSON file into Kubernetes objects. Multi-document streams, CRLF, comments, flow style and
 * anchors are the `yaml` package's (YAML 1.2, JSON is a subset, plus YAML 1.1 merge keys as kubectl reads them); `kind: List` and `*List` kinds are flattened
 * (items without `kind` take it from the list kind, as `kubectl get -o json` writes them). A document with a
 * syntax error becomes one problem at its first error's position; the other documents are still read.
 * `sink` receives each document's objects as it is read (default: collect them in `objects`); a caller that
 * extracts there lets each document's AST go before the next is parsed, so memory follows the largest document.
 */
export function parseManifestFile(
  file: string,
  text: string,
  sink?: (objects: KubeObject[]) => void,
  options: ParseOptions = {},
): ParsedFile {
  const lines = lineStarts(text);
  const result: ParsedFile = { file, objects: [], documents: 0, skipped: 0, problems: [] };
  const ignoreComments = findIgnoreComments(text);
  if (ignoreComments.length > 0) result.ignoreComments = ignoreComments;
  // A loop, not push(...objects): a List of 200,000 items would overflow the argument stack.
  const collect = sink ?? ((objects: KubeObject[]) => objects.forEach((o) => result.objects.push(o)));
  const split = splitLargeList(text, options.splitListChars ?? SPLIT_LIST_CHARS);
  if (split && readSplitList(file, split, result, collect)) return result;
  let docIndex = 0;
  for (const start of kubectlDocuments(text)) {
    const chunk = text.slice(start.offset, start.next ?? text.length);
    // A chunk the scan reads is one YAML document without any problem: no AST checks to run on it.
    const scan = quickScan(chunk);
    if (scan && options.compose && !mustCompose(scan, options.compose)) {
      result.documents++;
      if (!scan.kind || !scan.apiVersion) result.skipped++;
      result.syntaxOnly = (result.syntaxOnly ?? 0) + 1;
      docIndex++;
      continue;
    }
    // Offsets in this chunk's AST are relative to its start; its line counter adds that back.
    const chunkLines = shifted(lines, start.offset);
    // A clean chunk in the builder's narrower subset gets the library's tree without the library's parser.
    const fast = scan && !options.reference && fastCompose(chunk);
    for (const doc of fast ? [fast] : parseChunk(chunk, file, result)) {
      const ctx = { file, doc, lines: chunkLines };
      readDocument(ctx, scan ? undefined : chunk, docIndex++, result, collect);
    }
  }
  return result;
}

/** Whether composing a cleanly scanned document could find a container or a fact. */
function mustCompose(scan: QuickScan, compose: NonNullable<ParseOptions['compose']>): boolean {
  const { kind, apiVersion, imageKey } = scan;
  if (!kind || !apiVersion) return false;
  return kind.endsWith('List') || compose(apiVersion, kind, imageKey);
}

/**
 * Where kubectl's YAML reader (k8s.io/apimachinery/pkg/util/yaml, YAMLReader) splits a stream: at every line
 * that starts with `---` followed by nothing but spaces or a comment. Splitting first, as it does, keeps an
 * unclosed quote or bracket in one document from swallowing the documents after it. Each chunk keeps its `---`.
 */
function kubectlDocuments(text: string): { offset: number; next?: number }[] {
  const starts = [0];
  for (let i = 0; i !== -1 && i < text.length;) {
    if (text.startsWith('---', i)) {
      const eol = text.indexOf('\n', i);
      const rest = text.slice(i + 3, eol === -1 ? text.length : eol).trim();
      if ((rest === '' || rest.startsWith('#')) && i > 0) starts.push(i);
    }
    const eol = text.indexOf('\n', i);
    i = eol === -1 ? -1 : eol + 1;
  }
  return starts.map((offset, k) => ({ offset, next: starts[k + 1] }));
}

function shifted(lines: LineCounter, by: number): LineCounter {
  const chunk = new LineCounter();
  chunk.linePos = (offset: number) => lines.linePos(offset + by);
  return chunk;
}

function parseChunk(text: string, file: string, result: ParsedFile): Document.Parsed[] {
  try {
    const docs = parseAllDocuments(text, PARSE_OPTIONS);
    return Array.isArray(docs) ? docs : []; // EmptyStream
  } catch (error) {
    // The parser reports errors per document; a throw here is a bug of the library on odd input.
    result.problems.push({
      message: `cannot parse: ${String(error)}`,
      location: { file, line: 1, column: 1 },
    });
    return [];
  }
}

/**
 * A large List split by lines (splitLargeList): the head (kind, apiVersion) is parsed alone, then each item as a
 * document of its own, handed to the sink and forgotten, so memory follows one item, not the whole List (an AST
 * costs ~100 times its text). A broken item does not hide the others; the List still gives one problem.
 * False when the head is not a List: the text is then parsed whole.
 */
function readSplitList(
  file: string,
  split: SplitList,
  result: ParsedFile,
  sink: (objects: KubeObject[]) => void,
): boolean {
  const [head] = parseChunk(split.head, file, result);
  if (!head) return false;
  const headCtx: AstContext = { file, doc: head, lines: lineStarts(split.head) };
  if (documentProblems(head, headCtx.lines)) return false;
  const map = asMap(headCtx, head.contents);
  const kind = scalarString(headCtx, child(headCtx, map, 'kind'));
  const apiVersion = scalarString(headCtx, child(headCtx, map, 'apiVersion'));
  if (!map || !kind || !apiVersion || !kind.endsWith('List')) return false;
  const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
  const comment = leadingComment(head, map);
  let problem: ParseProblem | undefined;
  let found = 0;
  for (const item of split.items) {
    const [doc] = parseChunk(item.text, file, result);
    if (!doc) continue;
    const itemLines = lineStarts(item.text);
    const lines = new LineCounter();
    lines.linePos = (offset: number) => {
      const pos = itemLines.linePos(offset);
      return { line: pos.line + item.line - 1, col: pos.col };
    };
    const ctx: AstContext = { file, doc, lines };
    const bad = documentProblems(doc, lines, item.text);
    if (bad) {
      problem ??= { ...bad, location: { file, ...bad.location } };
      continue;
    }
    const itemMap = asMap(ctx, doc.contents);
    const obj = itemMap && objectOf(ctx, 0, itemMap, itemKind, apiVersion, comment);
    if (obj) {
      found++;
      sink([obj]);
    }
  }
  result.documents++;
  if (problem) result.problems.push(problem);
  else if (found === 0) result.skipped++;
  return true;
}

/** `source`: the document's text, to check; undefined when the quick scan read it cleanly. */
function readDocument(
  ctx: AstContext,
  source: string | undefined,
  docIndex: number,
  result: ParsedFile,
  sink: (objects: KubeObject[]) => void,
): void {
  const { file, doc } = ctx;
  const problem =
    source !== undefined || doc.errors.length > 0 ? documentProblems(doc, ctx.lines, source) : undefined;
  if (problem) {
    result.problems.push({ ...problem, location: { file, ...problem.location } });
    result.documents++;
    return;
  }
  if (isEmptyDocument(doc.contents)) return;
  result.documents++;
  const map = asMap(ctx, doc.contents);
  const objects = map ? objectsOf(ctx, docIndex, map, leadingComment(doc, map)) : [];
  if (objects.length === 0) result.skipped++;
  sink(objects);
}

/**
 * Line starts counted from the text itself. The parser's own counting skips a newline when it recovers from
 * some errors in flow collections (`{{ ... }}\n]` in a Go template), which shifts every later document's
 * positions by a line; the fuzz test found it.
 */
function lineStarts(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/**
 * `---` followed by nothing (or only comments) parses as a null scalar with no source text, not as null
 * contents; such a document is empty, neither counted nor skipped. An explicit `null` or `~` is not empty.
 */
function isEmptyDocument(contents: unknown): boolean {
  return (
    contents === null ||
    contents === undefined ||
    (isScalar(contents) && contents.value === null && !contents.source)
  );
}

/**
 * The comment above a document's first key. The library files it in one of three places: on the document
 * (after `---` or a blank line), on the map (after `---`), or on the first key (at the start of the file).
 */
function leadingComment(doc: Document.Parsed, map: YAMLMap): string | undefined {
  const first = map.items[0]?.key;
  return (
    doc.commentBefore ?? map.commentBefore ?? (isNode(first) ? first.commentBefore : undefined) ?? undefined
  );
}

function objectsOf(ctx: AstContext, docIndex: number, map: YAMLMap, comment?: string): KubeObject[] {
  const kind = scalarString(ctx, child(ctx, map, 'kind'));
  const apiVersion = scalarString(ctx, child(ctx, map, 'apiVersion'));
  if (!kind || !apiVersion) return [];
  const items = asSeq(ctx, child(ctx, map, 'items'));
  if (items && (kind === 'List' || kind.endsWith('List'))) {
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    const found: KubeObject[] = [];
    for (const item of items.items) {
      const itemMap = asMap(ctx, item);
      if (!itemMap) continue;
      const obj = objectOf(ctx, docIndex, itemMap, itemKind, apiVersion, comment);
      if (obj) found.push(obj);
    }
    return found;
  }
  const obj = objectOf(ctx, docIndex, map, undefined, undefined, comment);
  return obj ? [obj] : [];
}

function objectOf(
  ctx: AstContext,
  docIndex: number,
  map: YAMLMap,
  defaultKind: string | undefined,
  defaultApiVersion: string | undefined,
  comment: string | undefined,
): KubeObject | undefined {
  const kind = scalarString(ctx, child(ctx, map, 'kind')) ?? defaultKind;
  const apiVersion = scalarString(ctx, child(ctx, map, 'apiVersion')) ?? defaultApiVersion;
  if (!kind || !apiVersion) return undefined;
  const metadata = asMap(ctx, child(ctx, map, 'metadata'));
  const name =
    scalarString(ctx, child(ctx, metadata, 'name')) ??
    scalarString(ctx, child(ctx, metadata, 'generateName')) ??
    '(unnamed)';
  const namespace = scalarString(ctx, child(ctx, metadata, 'namespace'));
  const obj: KubeObject = { ctx, docIndex, apiVersion, kind, name, map, location: locate(ctx, map) };
  if (namespace) obj.namespace = namespace;
  if (comment) obj.comment = comment;
  return obj;
}
