/**
 * Drops trailing spaces only. YAML's white space is space and tab (YAML 1.2.2 section 5.5), not `trimEnd`'s
 * Unicode set: a plain scalar `x\u00a0` keeps its no-break space. The line readers leave tabs to the parser.
 */
export function trimSpaces(s: string): string {
  let end = s.length;
  while (s.charCodeAt(end - 1) === 32) end--;
  return end === s.length ? s : s.slice(0, end);
}
