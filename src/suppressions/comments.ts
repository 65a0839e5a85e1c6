/** The marker every inline suppression starts with; files without it are not scanned line by line. */
export const IGNORE_MARKER = 'archcheck:ignore';

/** `# archcheck:ignore rule-a,rule-b -- reason`, on its own line (for the next line) or after a value. */
export interface IgnoreComment {
  /** 1-based line of the comment. */
  line: number;
  column: number;
  /** The line it applies to: its own when it trails a value, the next one when it stands alone. */
  appliesTo: number;
  rules: string[];
  reason?: string;
}

// `#` starts a YAML comment at the line start or after whitespace (YAML 1.2 §6.6); the marker must follow it.
const COMMENT = /(^|\s)#\s*archcheck:ignore(?=\s|$)(.*)$/;

/**
 * The inline suppressions of a file's text, by a cheap scan that only runs when the marker occurs at all.
 * A `#` inside a quoted scalar followed by the marker would be read as a comment too; that text is no image.
 */
export function findIgnoreComments(text: string): IgnoreComment[] {
  if (!text.includes(IGNORE_MARKER)) return [];
  const found: IgnoreComment[] = [];
  text.split(/\r\n|\r|\n/).forEach((content, index) => {
    const match = COMMENT.exec(content);
    if (!match) return;
    const hash = (match.index ?? 0) + (match[1]?.length ?? 0);
    const rest = match[2] ?? '';
    const separator = rest.indexOf(' -- ');
    const rulesText = separator >= 0 ? rest.slice(0, separator) : rest.replace(/\s--\s*$/, '');
    const reason = separator >= 0 ? rest.slice(separator + 4).trim() : '';
    const line = index + 1;
    const comment: IgnoreComment = {
      line,
      column: hash + 1,
      appliesTo: content.slice(0, hash).trim() === '' ? line + 1 : line,
      rules: rulesText.split(/[\s,]+/).filter(Boolean),
    };
    if (reason) comment.reason = reason;
    found.push(comment);
  });
  return found;
}
