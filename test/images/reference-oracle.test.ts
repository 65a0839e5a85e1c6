import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { parseImageReference } from '../../src/images/reference.js';
import { random } from './random.js';

/**
 * A line-by-line port of distribution/reference v0.6.0 `ParseNormalizedNamed` + `Parse`, built from the
 * regexp.go productions as one anchored `ReferenceRegexp`, the way Go builds it. The parser under test
 * checks the parts one by one; this oracle checks that both accept the same strings and split them the same.
 * https://github.com/distribution/reference/blob/v0.6.0/regexp.go
 */
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tag = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const domainAndPort = `(?:${domainName}|${ipv6address})${optionalPort}`;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;
const referenceRegexp = new RegExp(`^(${namePat})(?::(${tag}))?(?:@(${digestPat}))?$`);
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const anchoredIdentifierRegexp = /^[a-f0-9]{64}$/;
/** go-digest algorithm.go: the algorithms Docker links in, each with its lowercase hex length. */
const goDigest: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

type Oracle = { ok: false } | { ok: true; domain: string; path: string; tag?: string; digest?: string };

function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf('/');
  if (i < 0) return ['docker.io', 'library/' + name];
  const [maybeDomain, maybeRemote] = [name.slice(0, i), name.slice(i + 1)];
  let domain: string;
  let remote: string;
  if (maybeDomain === 'localhost') [domain, remote] = [maybeDomain, maybeRemote];
  else if (maybeDomain === 'index.docker.io') [domain, remote] = ['docker.io', maybeRemote];
  else if (/[.:]/.test(maybeDomain)) [domain, remote] = [maybeDomain, maybeRemote];
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remote] = [maybeDomain, maybeRemote];
  else [domain, remote] = ['docker.io', name];
  if (domain === 'docker.io' && !remote.includes('/')) remote = 'library/' + remote;
  return [domain, remote];
}

function parseNormalizedNamed(s: string): Oracle {
  if (anchoredIdentifierRegexp.test(s)) return { ok: false };
  const [domain, remainder] = splitDockerDomain(s);
  const tagSep = remainder.indexOf(':');
  const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remote.toLowerCase() !== remote) return { ok: false };
  const matches = referenceRegexp.exec(`${domain}/${remainder}`);
  if (!matches) return { ok: false };
  const nameMatch = anchoredNameRegexp.exec(matches[1] ?? '');
  const repo = nameMatch
    ? { domain: nameMatch[1] ?? '', path: nameMatch[2] ?? '' }
    : { domain: '', path: matches[1] ?? '' };
  if (repo.path.length > 255) return { ok: false };
  const digest = matches[3];
  if (digest) {
    const [algorithm = '', hex = ''] = digest.split(':');
    if (goDigest[algorithm] !== hex.length || !/^[a-f0-9]+$/.test(hex)) return { ok: false };
  }
  return { ok: true, ...repo, ...(matches[2] ? { tag: matches[2] } : {}), ...(digest ? { digest } : {}) };
}

describe('agrees with the distribution/reference grammar', () => {
  const hex = createHash('sha256').update('oracle').digest('hex');
  const fragments = [
    'a',
    'b7',
    '0',
    '.',
    '_',
    '__',
    '-',
    '---',
    '/',
    '/',
    '/',
    ':',
    ':',
    '@',
    `sha256:${hex}`,
    `sha256:${hex.toUpperCase()}`,
    `sha512:${hex}`,
    `md5:${hex}`,
    'A',
    'Q.',
    'localhost',
    'docker.io',
    'index.docker.io',
    '[::1]',
    '[fe80::1]',
    '8080',
    'latest',
    'v1.2-rc_3',
    'ex.com',
    'sha256',
    '..',
    '.-',
    'x'.repeat(120),
  ];

  test('20,000 grammar-shaped strings: same verdict, same split', () => {
    const next = random(1337);
    const tally = { accepted: 0, rejected: 0, accidental: 0 };
    for (let i = 0; i < 20_000; i++) {
      const count = 1 + Math.floor(next() * 8);
      let input = '';
      for (let j = 0; j < count; j++) input += fragments[Math.floor(next() * fragments.length)];
      const expected = parseNormalizedNamed(input);
      const actual = parseImageReference(input);
      if (expected.ok && expected.domain === '') {
        // Go re-reads an invalid host such as "a_b.c" as a path with no domain, which cannot be pulled.
        tally.accidental++;
        expect(actual.ok, input).toBe(false);
      } else if (expected.ok) {
        tally.accepted++;
        const { ok: _ok, domain: registry, path: repository, ...rest } = expected;
        expect(actual, input).toEqual({ ok: true, ref: { registry, repository, ...rest } });
      } else {
        tally.rejected++;
        expect(actual.ok, input).toBe(false);
      }
    }
    // The generator must exercise both sides, or the agreement means nothing.
    expect(tally.accepted).toBeGreaterThan(2000);
    expect(tally.rejected).toBeGreaterThan(2000);
  });
});
