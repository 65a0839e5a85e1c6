import { LineCounter, parseAllDocuments, type YAMLMap } from 'yaml';
import { asMap, asSeq, child, locate, scalarString, type AstContext } from './ast.js';
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
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, strict: false });
  } catch (error) {
    // The parser reports errors per document; a throw here is a bug of the library on odd input.
    result.problems.push({ message: `cannot parse: ${String(error)}`, location: { file, line: 1, column: 1 } });
    return result;
  }
  if (!Array.isArray(docs)) docs = [docs]; // EmptyStream
  docs.forEach((doc, docIndex) => {
    const ctx: AstContext = { file, doc, lines };
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const pos = err.linePos?.[0] ?? lines.linePos(err.pos[0]);
        result.problems.push({
          message: err.message.split('\n')[0] ?? err.code,
          location: { file, line: pos.line, column: pos.col },
        });
      }
      result.documents++;
      return;
    }
    if (doc.contents === null || doc.contents === undefined) return; // empty document
    result.documents++;
    const map = asMap(ctx, doc.contents);
    const objects = map ? objectsOf(ctx, docIndex, map, doc.commentBefore ?? undefined) : [];
    if (objects.length === 0) result.skipped++;
    result.objects.push(...objects);
  });
  return result;
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
