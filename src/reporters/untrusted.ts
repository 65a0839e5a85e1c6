// Strings that come from the scanned tree (names, images, file names, notes, messages quoting them) are written
// by whoever opened the pull request. Each sink has ONE function here that makes them inert for it; see
// SECURITY.md ("Sinks") for the list.

/** Longest run of characters from scanned content shown in a table cell or a message field. */
export const FIELD_LIMIT = 256;
/** Longest finding message shown in Markdown and annotations: our own words plus a few capped fields. */
export const MESSAGE_LIMIT = 1024;

/** Cuts `text` to at most `max` code points, ending with an ellipsis when cut (never splits a surrogate pair). */
export function cap(text: string, max = FIELD_LIMIT): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

/**
 * Cuts `text` to at most `max` code points by dropping its middle: wrapped errors (`kubectl kustomize failed
 * for x: accumulating resources: ...: security; file '...' is not in or below 'x'`) say what failed first and
 * why last, so both ends are kept.
 */
export function capMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  if (points.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  return `${points.slice(0, head).join('')}…${points.slice(points.length - (max - 1 - head)).join('')}`;
}

// ECMA-48 sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and two-byte ESC sequences;
// the 8-bit CSI/OSC introducers too. Terminals act on all of them (colors, titles, cursor moves, hyperlinks).
// Matching control characters is the point of these patterns.
/* eslint-disable no-control-regex */
const ANSI =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007]*\u0007?/g;
const SGR = /^\u001b\[[0-9;]*m$/;
// C0 and C1 controls except tab and line feed, and DEL.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/* eslint-enable no-control-regex */

function visible(c: string): string {
  if (c === '\r') return '\\r';
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/**
 * The final filter at the CLI's write boundary (stdout report, stderr progress): whatever a reporter printed,
 * no line may start (after whitespace) with `::` or `##[`, which the Actions runner reads as a workflow command
 * (docs.github.com "Workflow commands for GitHub Actions"; the runner also ends a line at a lone `\r`, so those
 * become visible `\r`). Escape sequences other than colors (SGR, kept only when `keepColors`) and control
 * characters other than tab and line feed are removed or made visible.
 */
export function safeTerminalText(text: string, keepColors: boolean): string {
  return text
    .replace(ANSI, (seq) => (keepColors && SGR.test(seq) ? seq : ''))
    .replace(/\r\n/g, '\n')
    .replace(CONTROL, (c) => (c === '\u001b' ? '\u001b' : visible(c)))
    .split('\n')
    .map(neutralizeCommandLine)
    .join('\n');
}

// A zero-width space after the first character: the line reads the same, but no longer starts with the token.
function neutralizeCommandLine(line: string): string {
  return line.replace(/^(\s*)(:(?=:)|#(?=#\[))/u, '$1$2\u200b');
}

/**
 * Markdown for one table cell or inline phrase: capped; characters Markdown or HTML act on backslash-escaped
 * (`<img onerror>`, links, emphasis, `|` that would end the cell, `&` entities, a forged `<!-- -->` marker);
 * line breaks shown as `<br>` so nothing leaves the cell; `@mention`, `#123`, `org/repo#123`, `GH-123` and bare
 * URLs (`https://...`, `www.`) broken with a zero-width space so posting the text pings or links no one (GitHub
 * autolinked references, GFM extended autolinks).
 */
export function markdownText(text: string, max = FIELD_LIMIT): string {
  return neutralizeReferences(
    cap(text, max)
      .replace(ANSI, '')
      .replace(/[\\`*_[\]<>|~&#!]/g, '\\$&')
      .replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>')
      .replace(CONTROL, ''),
  );
}

function neutralizeReferences(text: string): string {
  return text
    .replace(/:\/\//g, ':&#8203;//')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#8203;.`)
    .replace(/@(?=[\w-])/g, '@&#8203;')
    .replace(/(\\#)(?=\d)/g, '$1&#8203;')
    .replace(/\b(GH)-(?=\d)/gi, '$1&#8203;-');
}

/**
 * An inline code span holding untrusted text: a backtick fence longer than any run inside (CommonMark "Code
 * spans"), line breaks and controls replaced by spaces, capped. Mentions and references are not linked inside
 * code spans. Not for table cells (GFM splits cells on `|` even inside code): use {@link markdownText} there.
 */
export function markdownCode(text: string, max = FIELD_LIMIT): string {
  const flat = cap(text, max)
    .replace(ANSI, '')
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ')
    .replace(CONTROL, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A span that starts or ends with a backtick needs a space inside the fence; one space each side is stripped.
  const pad = /^`|`$/.test(flat) || /^ .* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
