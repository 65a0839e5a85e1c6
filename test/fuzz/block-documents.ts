/**
 * Block-style documents for the quick-scan and fast-compose fuzz tests: written with the variants real manifests
 * use, then bent at one spot (indentation, a character inserted or dropped) so most land on the edge of the subset.
 */
const WORDS = [
  'a',
  'b',
  'image',
  'kind',
  'apiVersion',
  'v1',
  'x y',
  'Service',
  '1',
  '~',
  'null',
  'true',
  '-x',
  ':x',
  '?x',
  'a:b',
  'a#b',
  '<<',
  '*a',
  '&a',
  '!t',
  'a]',
  '--',
  'a,b',
  '"q"',
  "'it''s'",
  '"a: b"',
  "'x'",
  '""',
  '0x1F',
  'é',
  'x\u00a0',
  '"5 * * * *"',
  '0 3 * * *',
  '&x *a',
  '[*a]',
  '!t *a',
];
/** Keys mostly the scan reads, so most documents reach their bent spot. */
const KEYS = [
  'name',
  'image',
  'kind',
  'apiVersion',
  'data',
  'spec',
  'app.kubernetes.io/name',
  'x y',
  'imagePullPolicy',
  'port',
  'labels',
  'metadata',
  'items',
  'values',
  'a"b',
  'é',
];
const INSERTS = [
  ' ',
  '  ',
  ':',
  ': ',
  '-',
  '- ',
  '#',
  ' #',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '|',
  '>',
  '\t',
  '*',
  '&',
  '!',
  '\\',
  '\n',
  '\n  ',
  '---',
  '%',
  '@',
  '?',
  '\r',
];

type Rand = (n: number) => number;

function rand(seed: number): Rand {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const pick = <T>(r: Rand, list: readonly T[]): T => list[r(list.length)] as T;

function scalar(r: Rand, bare: boolean): string {
  const shape = r(8);
  switch (bare && shape === 2 ? 3 : shape) {
    case 0:
      return `[${pick(r, WORDS)}, ${pick(r, WORDS)}]`;
    case 1:
      return `{${pick(r, WORDS)}: ${pick(r, WORDS)}${r(2) ? `, ${pick(r, WORDS)}: ${pick(r, WORDS)}` : ''}}`;
    case 2:
      return `${pick(r, WORDS)} # ${pick(r, WORDS)}`;
    default:
      return pick(r, WORDS);
  }
}

/** A block mapping at `indent`, `depth` levels deep, as lines. */
function mapping(r: Rand, bare: boolean, indent: number, depth: number, out: string[], first?: string): void {
  const pad = ' '.repeat(indent);
  const keys = 1 + r(4);
  for (let k = 0; k < keys; k++) {
    const lead = k === 0 && first !== undefined ? first : pad;
    const key = r(10) ? KEYS[(k * 5 + r(3)) % KEYS.length] : pick(r, WORDS);
    const choice = depth > 3 ? r(3) : r(7);
    if (choice < 3 || (bare && choice === 3)) out.push(`${lead}${key}: ${scalar(r, bare)}`);
    else if (choice === 3) {
      out.push(`${lead}${key}: ${pick(r, ['|', '>-', '|+', '|-'])}`);
      const inner = indent + 1 + r(3);
      for (let l = r(3); l >= 0; l--) out.push(r(4) ? `${' '.repeat(inner + r(2))}${pick(r, WORDS)}` : '');
    } else if (choice === 4) {
      out.push(`${lead}${key}:`);
      mapping(r, bare, indent + 1 + r(3), depth + 1, out);
    } else {
      out.push(`${lead}${key}:`);
      const seqIndent = indent + r(3);
      for (let i = r(3); i >= 0; i--) {
        const dash = `${' '.repeat(seqIndent)}-${' '.repeat(1 + r(2))}`;
        if (r(2)) out.push(`${dash}${scalar(r, bare)}`);
        else mapping(r, bare, dash.length, depth + 1, out, dash);
      }
    }
    if (r(8) === 0 && !bare) out.push(`${' '.repeat(r(6))}# ${pick(r, WORDS)}`);
  }
}

/**
 * One document from `seed`, bent at up to two spots. `bare`: without comments (but comment lines at the start)
 * and block scalars, and bent less often, so most documents stay in the fast-compose subset (a `#` or `|`
 * anywhere else already leaves it).
 */
export function document(seed: number, bare = false): string {
  const r = rand(seed);
  const out: string[] = [];
  if (r(3) === 0) out.push(pick(r, ['---', '--- # c', '--- x']));
  // Comment lines before the content, as Helm's `# Source:` and file headers write them.
  for (let comments = r(6) === 0 ? 1 + r(3) : 0; comments > 0; comments--)
    out.push(
      pick(r, ['# Source: chart/templates/app.yaml', '#x', '#  indented', '# trailing ', '#', '# a # b']),
    );
  if (r(2)) out.push(`apiVersion: ${pick(r, WORDS)}`, `kind: ${pick(r, WORDS)}`);
  mapping(r, bare, 0, 0, out);
  let text = out.join(r(6) ? '\n' : '\r\n');
  for (let bends = bare ? r(6) - 3 : r(3); bends > 0; bends--) {
    const at = r(text.length + 1);
    text = r(3)
      ? `${text.slice(0, at)}${pick(r, INSERTS)}${text.slice(at)}`
      : `${text.slice(0, at)}${text.slice(at + 1)}`;
  }
  return r(2) ? `${text}\n` : text;
}
