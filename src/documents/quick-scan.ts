import { trimSpaces } from './spaces.js';

/**
 * What a cheap line scan learned about one document that the `yaml` package would read without any problem.
 * `kind` and `apiVersion` are the top-level values when both are strings (the document is then a Kubernetes
 * object); `imageKey` is true when any mapping key contains `image` (any case).
 */
export interface QuickScan {
  kind?: string;
  apiVersion?: string;
  imageKey: boolean;
}

interface Frame {
  indent: number;
  seq: boolean;
  keys: Set<string>;
}

/** Characters the scan leaves to the parser: controls, byte order marks, YAML 1.1 line breaks, a lone CR. */
const UNUSUAL =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)/;
/** Plain scalars that the core schema reads as null, booleans or numbers (YAML 1.2.2 section 10.3.2). */
const NOT_A_STRING = /^(?:[-+.0-9~]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/;
const NULL_VALUE = /^(?:~|null|Null|NULL)?$/;
/** c-indicator characters (YAML 1.2.2 section 5.3): a plain scalar starting with one is left to the parser. */
const INDICATOR = new Set('-?:,[]{}#&*!|>\'"%@`');
const FLOW = new Set(',[]{}');
const HAS_FLOW = /[,[\]{}]/;
const IMAGE = /image/i;
const MAX_KEY = 1000;

/** Thrown inside the scan when the text leaves the subset it understands; never escapes `quickScan`. */
class Outside extends Error {}

const outside = (): never => {
  throw new Outside();
};

/**
 * Scans one document of block-style YAML in a strict subset the `yaml` package is known to read without error
 * (block mappings and sequences, one-line plain, quoted and flow scalars, literal and folded block scalars,
 * comments), checking duplicate keys on the way. Undefined when the text leaves that subset (anchors, aliases,
 * tags, escapes, multi-line scalars, tabs, several documents...): the caller must then parse it in full, which
 * reports any problem with its position. The scan never claims a document clean that the parser rejects.
 */
export function quickScan(text: string): QuickScan | undefined {
  if (UNUSUAL.test(text)) return undefined;
  try {
    return new Scanner().run(text);
  } catch (error) {
    if (error instanceof Outside) return undefined;
    throw error;
  }
}

class Scanner {
  readonly result: QuickScan = { imageKey: false };
  readonly stack: Frame[] = [];
  /** Key column of a key written without a value on its line: the next lines may hold its block value. */
  pending: number | undefined;
  /** Inside a block scalar: its parent's indentation, its content indentation once known, blank lines' widest. */
  block: { parent: number; content?: number; blank: number } | undefined;
  line = '';

  run(text: string): QuickScan {
    let first = true;
    for (let start = 0; start < text.length;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      this.line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
      start = end + 1;
      if (first && this.line.startsWith('---')) this.documentStart();
      else this.next();
      first = false;
    }
    if (this.stack.length === 0) outside();
    return this.result;
  }

  documentStart(): void {
    const rest = this.line.slice(3);
    if (rest !== '' && !/^ +(?:#.*)?$/.test(rest)) outside();
  }

  next(): void {
    const { line } = this;
    let sp = 0;
    while (line.charCodeAt(sp) === 32) sp++;
    if (this.block && this.inBlock(sp)) return;
    if (line.includes('\t')) outside();
    if (sp === line.length || line[sp] === '#') return;
    if (sp === 0 && (line.startsWith('---') || line.startsWith('...') || line[0] === '%')) outside();
    this.content(sp);
  }

  /** True when the line belongs to the block scalar; false when it ends it (the line is then read as usual). */
  inBlock(sp: number): boolean {
    const block = this.block as { parent: number; content?: number; blank: number };
    const { line } = this;
    if (sp === line.length) {
      if (block.content === undefined) block.blank = Math.max(block.blank, sp);
      return true;
    }
    if (block.content === undefined) {
      if (sp > block.parent && line[sp] !== '\t' && block.blank <= sp) {
        block.content = sp;
        return true;
      }
      // An empty block scalar after blank lines deeper than its parent: left to the parser.
      if (block.blank > block.parent) outside();
    } else if (sp >= block.content) return true;
    this.block = undefined;
    return false;
  }

  content(sp: number): void {
    const { stack } = this;
    const item = this.isItem(sp);
    if (this.pending !== undefined) {
      const key = this.pending;
      this.pending = undefined;
      if (sp > key || (sp === key && item)) {
        stack.push({ indent: sp, seq: item, keys: new Set() });
        return this.entry(sp);
      }
    }
    if (stack.length === 0) {
      if (sp !== 0 || item) outside();
      stack.push({ indent: 0, seq: false, keys: new Set() });
    }
    while ((stack.at(-1) as Frame).indent > sp) stack.pop();
    let top = stack.at(-1) as Frame;
    // A sequence written at its key's indentation ends where the next key of that map starts.
    if (top.seq && !item && top.indent === sp) {
      stack.pop();
      top = stack.at(-1) ?? outside();
    }
    if (top.indent !== sp || top.seq !== item) outside();
    this.entry(sp);
  }

  isItem(at: number): boolean {
    const c = this.line[at + 1];
    return this.line[at] === '-' && (c === undefined || c === ' ');
  }

  /** One entry of the frame on top: a sequence item at `at`, or a `key: value` of a mapping. */
  entry(at: number): void {
    const top = this.stack.at(-1) as Frame;
    if (!top.seq) return this.keyValue(at, top);
    let i = at + 1;
    while (this.line[i] === ' ') i++;
    if (i === this.line.length || this.line[i] === '#' || this.isItem(i)) outside();
    if (this.readKey(i, false) === undefined) {
      this.value(i, at);
      return;
    }
    // A compact mapping in the item (`- name: x`): its keys line up with the first.
    const map: Frame = { indent: i, seq: false, keys: new Set() };
    this.stack.push(map);
    this.keyValue(i, map);
  }

  keyValue(at: number, frame: Frame): void {
    const key = this.readKey(at, true) as { key: string; end: number };
    this.addKey(frame, key.key);
    let i = key.end;
    while (this.line[i] === ' ') i++;
    if (i === this.line.length || this.line[i] === '#') {
      this.pending = at;
      return;
    }
    const value = this.value(i, frame.indent);
    if (this.stack.length === 1 && (key.key === 'kind' || key.key === 'apiVersion')) {
      if (value === undefined) outside();
      else if (value !== '') this.result[key.key] = value;
    }
  }

  addKey(frame: Frame, key: string): void {
    // `<<` is a merge key, which may repeat and imports keys: left to the parser.
    if (frame.keys.has(key) || key.includes('<<')) outside();
    frame.keys.add(key);
    if (!this.result.imageKey && IMAGE.test(key)) this.result.imageKey = true;
  }

  /**
   * A key at `at` followed by `:` and a space or the end of the line; `required`: not being one is outside the
   * subset, else undefined. Plain keys that would not read as strings, or hold flow indicators, are left out.
   */
  readKey(at: number, required: boolean): { key: string; end: number } | undefined {
    const { line } = this;
    const c = line[at] as string;
    let key: string;
    let colon: number;
    if (!required && (c === '[' || c === '{')) return undefined;
    if (c === '"' || c === "'") {
      const quoted = this.quoted(at);
      key = quoted.value;
      colon = quoted.end;
      if (line[colon] !== ':') return required ? outside() : undefined;
    } else {
      colon = line.indexOf(': ', at);
      if (colon < 0 && line.endsWith(':')) colon = line.length - 1;
      if (colon < 0) return required ? outside() : undefined;
      key = trimSpaces(line.slice(at, colon));
      if (INDICATOR.has(c) || NOT_A_STRING.test(key) || key.includes(' #')) outside();
      if (HAS_FLOW.test(key)) outside();
    }
    if (key.length > MAX_KEY) outside();
    const after = line[colon + 1];
    if (after !== undefined && after !== ' ') outside();
    return { key, end: colon + 1 };
  }

  /** A quoted scalar on one line, escapes left to the parser; `end` is just past the closing quote. */
  quoted(at: number): { value: string; end: number } {
    const { line } = this;
    const q = line[at];
    if (q === '"') {
      const close = line.indexOf('"', at + 1);
      const escape = line.indexOf('\\', at + 1);
      if (close < 0 || (escape >= 0 && escape < close)) outside();
      return { value: line.slice(at + 1, close), end: close + 1 };
    }
    let value = '';
    for (let from = at + 1; ;) {
      const close = line.indexOf("'", from);
      if (close < 0) outside();
      value += line.slice(from, close);
      // `''` is a quote inside the scalar.
      if (line[close + 1] !== "'") return { value, end: close + 1 };
      value += "'";
      from = close + 2;
    }
  }

  /**
   * A value from `at` to the end of the line (a comment may follow); `parent`: the indentation a block scalar's
   * content must exceed. Returns the value when it is a string scalar, '' when null, undefined otherwise.
   */
  value(at: number, parent: number): string | undefined {
    const { line } = this;
    const c = line[at] as string;
    if (c === '|' || c === '>') {
      if (!/^[|>][-+]? *(?: #.*)?$/.test(line.slice(at))) outside();
      this.block = { parent, blank: 0 };
      return undefined;
    }
    if (c === '"' || c === "'") {
      const { value, end } = this.quoted(at);
      this.lineEnd(end);
      return value;
    }
    if (c === '[' || c === '{') {
      this.lineEnd(this.flow(at));
      return undefined;
    }
    // `-`, `?` and `:` may start a plain scalar when a non-space follows (`--flag`, `-1`).
    const next = line[at + 1];
    if (INDICATOR.has(c) && !('-?:'.includes(c) && next !== undefined && next !== ' ')) outside();
    const comment = line.indexOf(' #', at);
    const plain = trimSpaces(comment < 0 ? line.slice(at) : line.slice(at, comment));
    if (plain.includes(': ') || plain.endsWith(':')) outside();
    if (NULL_VALUE.test(plain)) return '';
    return NOT_A_STRING.test(plain) ? undefined : plain;
  }

  /** Only spaces and a comment after a value. */
  lineEnd(at: number): void {
    let i = at;
    while (this.line[i] === ' ') i++;
    if (i < this.line.length && (this.line[i] !== '#' || i === at)) outside();
  }

  /** A flow collection that closes on its line, of plain and quoted scalars; returns the index past it. */
  flow(at: number, depth = 0): number {
    const { line } = this;
    const map = line[at] === '{';
    const close = map ? '}' : ']';
    const frame: Frame = { indent: 0, seq: !map, keys: new Set() };
    if (depth > 16) outside();
    let i = at + 1;
    for (let expectItem = true; ;) {
      while (line[i] === ' ') i++;
      if (line[i] === close) return i + 1;
      if (!expectItem) outside();
      if (map) {
        const key = this.flowScalar(i, true);
        this.addKey(frame, key.value);
        i = key.end;
        if (line[i] !== ':') outside();
        i++;
        if (line[i] !== ' ' && !key.quoted) outside();
        while (line[i] === ' ') i++;
      }
      i = line[i] === '[' || line[i] === '{' ? this.flow(i, depth + 1) : this.flowScalar(i, false).end;
      while (line[i] === ' ') i++;
      expectItem = line[i] === ',';
      if (expectItem) i++;
      else if (line[i] !== close) outside();
    }
  }

  /** A scalar inside a flow collection; a plain key stops at `: `, a plain value at a flow indicator. */
  flowScalar(at: number, key: boolean): { value: string; end: number; quoted: boolean } {
    const { line } = this;
    const c = line[at];
    if (c === '"' || c === "'") return { ...this.quoted(at), quoted: true };
    if (c === undefined || INDICATOR.has(c)) outside();
    let i = at;
    for (; i < line.length; i++) {
      const ch = line[i] as string;
      if (FLOW.has(ch) || ch === '#') break;
      if (ch === ':') {
        const after = line[i + 1];
        if (key && after === ' ') break;
        if (key || after === undefined || after === ' ' || FLOW.has(after)) outside();
      }
    }
    const value = trimSpaces(line.slice(at, i));
    if (line[i] === '#' || (key && NOT_A_STRING.test(value))) outside();
    return { value, end: i, quoted: false };
  }
}
