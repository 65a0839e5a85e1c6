import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { Outside, Scalars, outside, quoted, type Built } from './fast-scalar.js';
import { trimSpaces } from './spaces.js';

/** The options every document is composed with, by the `yaml` package or by `fastCompose`. */
export const PARSE_OPTIONS = {
  prettyErrors: false,
  strict: false,
  // The library's duplicate check is quadratic (60,000 keys: 87 s); problems.ts does it linearly.
  uniqueKeys: false,
  // kubectl reads YAML 1.1 merge keys (`<<: *base`); the AST keeps them and ast.ts follows them.
  merge: true,
} as const;

/** A whole-line comment at the document's start that the builder keeps: `#`, then text ending in no space. */
const COMMENT_LINE = /^#.*\S$/;
/** Characters that end a plain scalar inside a flow collection. */
const FLOW_END = new Set(',[]{}');
/** c-indicators (YAML 1.2.2 section 5.3) that the builder leaves to the parser when they start a plain scalar. */
const INDICATOR = new Set('-?:,[]{}#&*!|>\'"%@`');

/**
 * Builds the document the `yaml` package would compose from `text`, with its own node classes, values
 * (resolved by the document's own schema tags), types and ranges, without its lexer, parser and composer
 * (on the bench's generated repository the engine's CPU went from 0.87 to 0.37 times the library's parse). Only for text that `quickScan` read cleanly, and only in a narrower subset:
 * block mappings and sequences and one-line flow collections of one-line plain and quoted scalars, with no
 * comment, blank line, block scalar or null value (those carry comments, `spaceBefore` flags and empty-node
 * positions the builder does not reproduce). Undefined outside that subset: the caller then composes in full.
 * The fuzz test compares every node with the library's for documents the scan claims clean.
 */
export function fastCompose(text: string): Document.Parsed | undefined {
  if (text.includes('\t') || text.includes('\r')) return undefined;
  try {
    return new Builder(text).document();
  } catch (error) {
    if (error instanceof Outside) return undefined;
    throw error;
  }
}

class Builder {
  readonly doc = new Document(undefined, PARSE_OPTIONS);
  readonly schema = this.doc.schema;
  readonly scalars = new Scalars(this.doc);
  readonly text: string;
  /** Each line's start offset and its text without the newline; the empty line after a final newline dropped. */
  readonly starts: number[] = [];
  readonly lines: string[] = [];
  li = 0;

  constructor(text: string) {
    this.text = text;
    for (let start = 0; start < text.length;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      this.starts.push(start);
      this.lines.push(text.slice(start, end));
      start = end + 1;
    }
  }

  document(): Document.Parsed {
    const { doc, lines } = this;
    const docStart = lines[0] === '---';
    if (docStart) {
      // Set for a document built with options, as this one is.
      (doc.directives as NonNullable<typeof doc.directives>).docStart = true;
      this.li = 1;
    }
    const comment = this.leadingComment();
    if (this.li >= lines.length || this.indent(this.li) !== 0 || this.isItem(this.li, 0)) outside();
    const contents = this.map(0);
    if (this.li !== lines.length) outside();
    doc.contents = contents;
    const end = contents.range[2];
    doc.range = [docStart || comment === undefined ? 0 : contents.range[0], end, end];
    // The library files the comment on the map after `---`, else on the first key, and starts the document
    // at its content when nothing precedes the comment.
    if (comment !== undefined) {
      const first = (contents as YAMLMap).items[0]?.key as Scalar;
      if (docStart) contents.commentBefore = comment;
      else first.commentBefore = comment;
    }
    return doc as Document.Parsed;
  }

  /**
   * The comment lines that start the document (Helm's `# Source: chart/templates/x.yaml`, a file's header), as
   * the library keeps them: each line's text after its `#`, joined. Only lines with no trailing space, and no
   * other `#` in the document: a comment anywhere else is the parser's to attach.
   */
  leadingComment(): string | undefined {
    const first = this.li;
    while (this.li < this.lines.length && COMMENT_LINE.test(this.lines[this.li] as string)) this.li++;
    const start = this.starts[this.li] ?? this.text.length;
    if (this.text.indexOf('#', start) !== -1) outside();
    if (this.li === first) return undefined;
    return this.lines
      .slice(first, this.li)
      .map((line) => line.slice(1))
      .join('\n');
  }

  /** Spaces before the line's content; a blank line is outside the subset. */
  indent(li: number): number {
    const line = this.lines[li] as string;
    let sp = 0;
    while (line.charCodeAt(sp) === 32) sp++;
    if (sp === line.length) outside();
    return sp;
  }

  isItem(li: number, at: number): boolean {
    const line = this.lines[li] as string;
    return line[at] === '-' && (at + 1 === line.length || line[at + 1] === ' ');
  }

  /** Offset just past the line's newline (or the text's end): where a value ending the line ends as a node. */
  lineEnd(li: number): number {
    return Math.min((this.starts[li] as number) + (this.lines[li] as string).length + 1, this.text.length);
  }

  /** A block mapping whose first key starts at column `col` of the current line. */
  map(col: number): Built {
    const map = new YAMLMap(this.schema) as YAMLMap & Built;
    const start = (this.starts[this.li] as number) + col;
    let end = start;
    for (;;) {
      const li = this.li;
      const key = this.key(li, col) ?? outside();
      const line = this.lines[li] as string;
      let i = key.end;
      while (line[i] === ' ') i++;
      let value: Built;
      if (i === line.length) {
        this.li++;
        if (this.li >= this.lines.length) outside();
        const sp = this.indent(this.li);
        const item = this.isItem(this.li, sp);
        if (sp < col || (sp === col && !item)) outside();
        value = item ? this.seq(sp) : this.map(sp);
      } else {
        value = this.inline(li, i);
        this.li++;
      }
      map.items.push(new Pair(key.node, value));
      end = value.range[2];
      if (this.li >= this.lines.length) break;
      const sp = this.indent(this.li);
      if (sp < col) break;
      if (sp > col || this.isItem(this.li, sp)) outside();
    }
    map.range = [start, end, end];
    return map;
  }

  /** A block sequence whose items start at column `col`; it ends at a line indented less or not an item. */
  seq(col: number): Built {
    const seq = new YAMLSeq(this.schema) as YAMLSeq & Built;
    const start = (this.starts[this.li] as number) + col;
    let end = start;
    for (;;) {
      const li = this.li;
      const line = this.lines[li] as string;
      let i = col + 1;
      while (line[i] === ' ') i++;
      if (i === line.length || this.isItem(li, i)) outside();
      let item: Built;
      if (this.key(li, i)) item = this.map(i);
      else {
        item = this.inline(li, i);
        this.li++;
      }
      seq.items.push(item);
      end = item.range[2];
      if (this.li >= this.lines.length) break;
      const sp = this.indent(this.li);
      if (sp < col || (sp === col && !this.isItem(this.li, sp))) break;
      if (sp > col) outside();
    }
    seq.range = [start, end, end];
    return seq;
  }

  /** A block mapping key at `at` followed by `:` and a space or the line's end; undefined when there is none. */
  key(li: number, at: number): { node: Built; end: number } | undefined {
    const line = this.lines[li] as string;
    const base = this.starts[li] as number;
    const c = line[at] as string;
    if (c === '[' || c === '{') return undefined;
    let node: Built;
    let colon: number;
    if (c === '"' || c === "'") {
      const q = quoted(line, at);
      colon = q.end;
      if (line[colon] !== ':') return undefined;
      node = this.scalars.make(q.value, q.type, [base + at, base + colon, base + colon], true);
    } else {
      colon = line.indexOf(': ', at);
      if (colon < 0 && line.endsWith(':')) colon = line.length - 1;
      if (colon < 0) return undefined;
      const source = line.slice(at, colon);
      if (INDICATOR.has(c) || source.endsWith(' ')) outside();
      node = this.scalars.make(source, Scalar.PLAIN, [base + at, base + colon, base + colon], true);
    }
    return { node, end: colon + 1 };
  }

  /** A value from `at` to the end of the line: a quoted or plain scalar or a flow collection. */
  inline(li: number, at: number): Built {
    const line = this.lines[li] as string;
    const base = this.starts[li] as number;
    const c = line[at] as string;
    let node: Built;
    let end: number;
    if (c === '[' || c === '{') {
      const flow = this.flow(line, base, at);
      node = flow.node;
      end = flow.end;
    } else if (c === '"' || c === "'") {
      const q = quoted(line, at);
      end = q.end;
      node = this.scalars.make(q.value, q.type, [base + at, base + end, 0], false);
    } else {
      if (INDICATOR.has(c) && !('-?:'.includes(c) && line[at + 1] !== undefined && line[at + 1] !== ' '))
        outside();
      const source = trimSpaces(line.slice(at));
      if (source.includes(': ') || source.endsWith(':')) outside();
      end = at + source.length;
      node = this.scalars.make(source, Scalar.PLAIN, [base + at, base + end, 0], false);
    }
    if (trimSpaces(line.slice(end)) !== '') outside();
    node.range[2] = this.lineEnd(li);
    return node;
  }

  /** A flow collection closed on its line; `end` is just past its closing bracket. */
  flow(line: string, base: number, at: number, depth = 0): { node: Built; end: number } {
    if (depth > 16) outside();
    const isMap = line[at] === '{';
    const close = isMap ? '}' : ']';
    const coll = (isMap ? new YAMLMap(this.schema) : new YAMLSeq(this.schema)) as (YAMLMap | YAMLSeq) & Built;
    coll.flow = true;
    let i = at + 1;
    while (line[i] === ' ') i++;
    while (line[i] !== close) {
      let key: Built | undefined;
      if (isMap) {
        const k = this.flowScalar(line, base, i, true);
        key = k.node;
        i = k.end;
        if (line[i] !== ':') outside();
        i++;
        // Only a quoted key may meet its value without a space (`{"a":b}`).
        if (line[i] !== ' ' && !k.quoted) outside();
        while (line[i] === ' ') i++;
      }
      const value =
        line[i] === '[' || line[i] === '{'
          ? this.flow(line, base, i, depth + 1)
          : this.flowScalar(line, base, i, false);
      i = value.end;
      while (line[i] === ' ') i++;
      value.node.range[2] = base + i;
      if (isMap) (coll as YAMLMap).items.push(new Pair(key, value.node));
      else (coll as YAMLSeq).items.push(value.node);
      if (line[i] === ',') {
        i++;
        while (line[i] === ' ') i++;
        if (line[i] === close) outside();
      } else if (line[i] !== close) outside();
    }
    coll.range = [base + at, base + i + 1, base + i + 1];
    return { node: coll, end: i + 1 };
  }

  /** A scalar in a flow collection: quoted, or plain up to a flow indicator (a key: up to its `:`). */
  flowScalar(
    line: string,
    base: number,
    at: number,
    key: boolean,
  ): { node: Built; end: number; quoted: boolean } {
    const c = line[at];
    if (c === '"' || c === "'") {
      const q = quoted(line, at);
      const node = this.scalars.make(q.value, q.type, [base + at, base + q.end, base + q.end], key);
      return { node, end: q.end, quoted: true };
    }
    if (c === undefined || INDICATOR.has(c)) outside();
    let i = at;
    while (i < line.length && !FLOW_END.has(line[i] as string) && line[i] !== ':') i++;
    const source = line.slice(at, i);
    const trimmed = trimSpaces(source);
    // A key must meet its colon; a value holds none (`a:b` in flow is left to the parser).
    if (key ? line[i] !== ':' || trimmed !== source : line[i] === ':') outside();
    const end = base + at + trimmed.length;
    const node = this.scalars.make(trimmed, Scalar.PLAIN, [base + at, end, end], key);
    return { node, end: at + trimmed.length, quoted: false };
  }
}
