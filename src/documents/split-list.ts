/**
 * Above this many characters, a block-style `List` is read item by item: a YAML AST costs ~100 times its text
 * (a 10 MB List took 1 GB, a 47 MB one exhausted the heap), while one item's AST is small and dropped once read.
 */
export const SPLIT_LIST_CHARS = 4 * 1024 * 1024;

/** One item of a split List: its text with the `-` blanked (columns unchanged) and its first line in the file. */
export interface ListItemText {
  text: string;
  line: number;
}

export interface SplitList {
  /** The document with `items:` emptied (`items: []`) and the item lines left blank, so lines stay true. */
  head: string;
  items: Iterable<ListItemText>;
}

/**
 * Splits a large one-document file whose top-level `items:` is a block sequence into its items, by lines;
 * undefined when the text is not shaped so (flow style, JSON, several documents): it is then parsed whole.
 * Each item is a YAML document of its own, so an alias in one item to an anchor outside it does not resolve.
 */
export function splitLargeList(text: string, minChars = SPLIT_LIST_CHARS): SplitList | undefined {
  if (text.length < minChars) return undefined;
  // Only one document: a separator (`---` or `...`) is allowed as the first line and nowhere else.
  for (const m of text.matchAll(/^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm)) if (m.index !== 0) return undefined;
  const itemsLine = /^items:[ \t]*(?:#[^\n]*)?\r?$/m.exec(text);
  if (!itemsLine) return undefined;
  const regionStart = itemsLine.index + itemsLine[0].length + 1;
  const first = /^( *)-(?=[ \r\n])/m.exec(text.slice(regionStart, regionStart + 4096));
  if (!first) return undefined;
  const indent = first[1]?.length ?? 0;
  const before = text.slice(regionStart, regionStart + first.index);
  if (before.split('\n').some((l) => l.trim() !== '' && !l.trim().startsWith('#'))) return undefined;

  const starts: { offset: number; line: number }[] = [];
  let line = text.slice(0, regionStart).split('\n').length;
  let offset = regionStart;
  let regionEnd = text.length;
  while (offset < text.length) {
    const next = text.indexOf('\n', offset);
    const end = next < 0 ? text.length : next + 1;
    const kind = lineKind(text, offset, end, indent);
    if (kind === 'item') starts.push({ offset, line });
    else if (kind === 'outside') {
      regionEnd = offset;
      break;
    }
    offset = end;
    line++;
  }
  if (starts.length === 0) return undefined;
  const removedLines = countNewlines(text, itemsLine.index, regionEnd);
  const head = `${text.slice(0, itemsLine.index)}items: []${'\n'.repeat(removedLines)}${text.slice(regionEnd)}`;
  return { head, items: itemTexts(text, starts, regionEnd, indent) };
}

function* itemTexts(
  text: string,
  starts: readonly { offset: number; line: number }[],
  regionEnd: number,
  indent: number,
): Generator<ListItemText> {
  for (let i = 0; i < starts.length; i++) {
    const { offset, line } = starts[i] as { offset: number; line: number };
    const end = starts[i + 1]?.offset ?? regionEnd;
    // `- ` becomes two spaces: the item is a block node indented like its content, columns unchanged.
    yield { text: `${text.slice(offset, offset + indent)} ${text.slice(offset + indent + 1, end)}`, line };
  }
}

/** `item`: a `-` at the items' indentation; `inside`: blank, comment or deeper; `outside`: the list ended. */
function lineKind(text: string, start: number, end: number, indent: number): 'item' | 'inside' | 'outside' {
  let i = start;
  while (i < end && text[i] === ' ') i++;
  const c = text[i];
  if (i === end || c === '\n' || c === '\r' || c === '#') return 'inside';
  if (i - start === indent && c === '-') {
    const after = text[i + 1];
    if (after === undefined || after === ' ' || after === '\n' || after === '\r') return 'item';
  }
  return i - start > indent ? 'inside' : 'outside';
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
