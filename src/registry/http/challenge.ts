/** One challenge of a `WWW-Authenticate` header; the scheme is lowercased, parameter names too. */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

const TOKEN = /[A-Za-z0-9!#$%&'*+.^_`|~-]+/y;

/**
 * Parses a `WWW-Authenticate` header into its challenges (RFC 7235 section 4.1: `challenge = auth-scheme
 * [ 1*SP #auth-param ]`, params `token = ( token / quoted-string )`, challenges separated by commas), e.g.
 * `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"`.
 * Never throws; garbage yields fewer challenges.
 */
export function parseChallenges(header: string): Challenge[] {
  const out: Challenge[] = [];
  let pos = 0;
  const skip = (chars: RegExp) => {
    while (pos < header.length && chars.test(header[pos]!)) pos++;
  };
  const token = (): string | undefined => {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(header);
    if (!m) return undefined;
    pos = TOKEN.lastIndex;
    return m[0];
  };
  const quoted = (): string => {
    pos++; // opening quote
    let value = '';
    while (pos < header.length && header[pos] !== '"') {
      if (header[pos] === '\\' && pos + 1 < header.length) pos++;
      value += header[pos];
      pos++;
    }
    pos++; // closing quote
    return value;
  };

  while (pos < header.length) {
    skip(/[\s,]/);
    const scheme = token();
    if (!scheme) break;
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    out.push(challenge);
    for (;;) {
      skip(/[\s,]/);
      const start = pos;
      const name = token();
      if (!name) break;
      skip(/\s/);
      if (header[pos] !== '=') {
        pos = start; // a token not followed by "=" starts the next challenge
        break;
      }
      pos++;
      skip(/\s/);
      const value = header[pos] === '"' ? quoted() : (token() ?? '');
      challenge.params[name.toLowerCase()] = value;
    }
  }
  return out;
}

/** The challenge we answer: Bearer over Basic (docker CLI's preference), anything else unsupported. */
export function pickChallenge(challenges: readonly Challenge[]): Challenge | undefined {
  return challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
}
