import { LineCounter, isNode, isScalar, parseAllDocuments, visit, type Document, type YAMLMap } from 'yaml';
import { asMap, asSeq, child, locate, scalarString, type AstContext } from './ast.js';
import { findIgnoreComments, type IgnoreComment } from '../suppressions/comments.js';
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
}

/**
 * Parses a YAML or JSON file into Kubernetes objects. Multi-document streams, CRLF, comments, flow style and
 * anchors are the `yaml` package's (YAML 1.2, JSON is a subset); `kind: List` and `*List` kinds are flattened
 * (items without `kind` take it from the list kind, as `kubectl get -o json` writes them). A document with a
 * syntax error becomes a problem at the parser's position; the other documents are still read.
 */
export function parseManifestFile(file: string, text: string): ParsedFile {
  const lines = new LineCounter();
  const result: ParsedFile = { file, objects: [], documents: 0, skipped: 0, problems: [] };
  const ignoreComments = findIgnoreComments(text);
  if (ignoreComments.length > 0) result.ignoreComments = ignoreComments;
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, strict: false });
  } catch (error) {
    // The parser reports errors per document; a throw here is a bug of the library on odd input.
    result.problems.push({
      message: `cannot parse: ${String(error)}`,
      location: { file, line: 1, column: 1 },
    });
    return result;
  }
  if (!Array.isArray(docs)) docs = [docs]; // EmptyStream
  // Cheap guard: walking every document for aliases costs ~6% of parsing; most files have no `*name` at all.
  const mayHaveAliases = ALIAS_TOKEN.test(text);
  docs.forEach((doc, docIndex) => {
    const ctx: AstContext = { file, doc, lines };
    const errors = [
      ...doc.errors.map((err) => ({
        message: err.message.split('\n')[0] ?? err.code,
        pos: err.linePos?.[0] ?? lines.linePos(err.pos[0]),
      })),
      ...(mayHaveAliases && doc.errors.length === 0 ? danglingAliases(doc, lines) : []),
    ];
    if (errors.length > 0) {
      for (const { message, pos } of errors) {
        result.problems.push({ message, location: { file, line: pos.line, column: pos.col } });
      }
      result.documents++;
      return;
    }
    if (isEmptyDocument(doc.contents)) return;
    result.documents++;
    const map = asMap(ctx, doc.contents);
    const objects = map ? objectsOf(ctx, docIndex, map, leadingComment(doc, map)) : [];
    if (objects.length === 0) result.skipped++;
    result.objects.push(...objects);
  });
  return result;
}

/** An alias token (`*name` after a separator); false positives (`*.example.com` in a string) only cost a walk. */
const ALIAS_TOKEN = /(?:^|[\s[{,:-])\*[^\s[\]{},]/m;

/**
 * The library reports an alias to an anchor that does not exist (or comes later) only when converting to JS,
 * which extraction never does; kubectl rejects such a document, so it is a parse problem here too.
 */
function danglingAliases(
  doc: Document.Parsed,
  lines: LineCounter,
): { message: string; pos: { line: number; col: number } }[] {
  const found: { message: string; pos: { line: number; col: number } }[] = [];
  visit(doc, {
    Alias(_key, alias) {
      if (alias.resolve(doc) === undefined) {
        found.push({
          message: `Aliased anchor not found: ${alias.source}`,
          pos: lines.linePos(alias.range?.[0] ?? 0),
        });
      }
    },
  });
  return found;
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
