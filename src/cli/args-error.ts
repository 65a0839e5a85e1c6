/**
 * Turns a `node:util` parseArgs error into one line a person acts on: the option that was not understood and,
 * when one is close, the option they probably meant (`--archs` -> `--arch`).
 */
export function describeArgsError(error: unknown, optionNames: readonly string[]): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = /Unknown option '([^']*)'/.exec(message)?.[1] ?? '';
    const guess = closest(given.replace(/^-+/, '').split('=')[0] ?? '', optionNames);
    return `unknown option ${given}${guess ? ` (did you mean --${guess}?)` : ''}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const missing = /Option '(-[^ ']*) <value>' argument missing/.exec(message);
    if (missing) return `option ${missing[1]} needs a value`;
    const flag = /Option '(-[^']*)' does not take an argument/.exec(message);
    if (flag) return `option ${flag[1]} takes no value`;
  }
  return message.split('. To specify')[0] ?? message;
}

/** The option nearest to `given` by edit distance, when it is near enough to be a typo (or a prefix of it). */
function closest(given: string, names: readonly string[]): string | undefined {
  if (!given) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = name.startsWith(given) ? 0 : editDistance(given, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(given.length / 3)) ? best.name : undefined;
}

/** Levenshtein distance (insert, delete, substitute), two rows at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
