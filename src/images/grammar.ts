/**
 * The pieces of the image reference grammar, each checked on its own so a failure can name the part that
 * is wrong. The patterns are those of distribution/reference regexp.go (v0.6):
 * https://github.com/distribution/reference/blob/v0.6.0/regexp.go
 * Every check returns `undefined` when the part is valid, else a reason for a person.
 *
 * Why piecewise rather than one anchored `ReferenceRegexp`: Go's RE2 is linear on any input, a JavaScript
 * backtracking engine is not, and one big pattern can only say "invalid reference format".
 */

/** `RepositoryNameTotalLengthMax`: since distribution/reference#9 it bounds the path only, not the domain. */
export const REPOSITORY_NAME_MAX = 255;

/** `tag = [\w][\w.-]{0,127}` (from docker/docker graph/tags.go): 128 characters at most. */
const TAG = /^[\w][\w.-]{0,127}$/;
const TAG_MAX = 128;

/**
 * `pathComponent = alphanumeric (separator alphanumeric)*` with `alphanumeric = [a-z0-9]+` and
 * `separator = [._]|__|[-]+` (one period, one or two underscores, any number of dashes).
 */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** `domainNameComponent = [a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]`: a DNS label, case kept. */
const DOMAIN_LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;

/** `ipv6address = \[(?:[a-fA-F0-9:]+)\]`: no zone identifiers, no IPv4-mapped forms. */
const IPV6 = /^\[[a-fA-F0-9:]+\]$/;

/** `optionalPort = (?::[0-9]+)?`: digits only; the grammar sets no range. */
const PORT = /^[0-9]+$/;

/**
 * `digestPat = [A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}`, split at the
 * first `:` into its algorithm and its hex.
 */
const DIGEST_ALGORITHM = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*$/;
const XDIGITS = /^[0-9a-fA-F]+$/;
const DIGEST_HEX_MIN = 32;

/**
 * The algorithms `digest.Parse` accepts in Docker (opencontainers/go-digest algorithm.go: sha256, sha384,
 * sha512, lowercase hex only), with the hex length each needs.
 * https://github.com/opencontainers/go-digest/blob/v1.0.0/algorithm.go
 */
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/** `identifier = [a-f0-9]{64}`: ParseNormalizedNamed refuses it, as it is an image ID, not a name. */
export const IDENTIFIER = /^[a-f0-9]{64}$/;

/**
 * Quotes a value for a message, JSON-style, so spaces, tabs and empty strings stay visible; a value past
 * 200 characters is cut so one absurd manifest value cannot flood a report.
 */
export const q = (value: string): string =>
  JSON.stringify(value.length > 200 ? `${value.slice(0, 197)}...` : value);

/** The first character that no production of the part allows, for a message that points at it. */
function firstBadChar(value: string, allowed: RegExp): string | undefined {
  for (const ch of value) if (!allowed.test(ch)) return ch;
  return undefined;
}

/** Checks `host[:port]` as `domainAndPort` defines it (`host = domainName | ipv6address`). */
export function checkDomain(domain: string): string | undefined {
  let host = domain;
  let port: string | undefined;
  if (domain.startsWith('[')) {
    const close = domain.indexOf(']');
    if (close < 0) return `invalid registry host ${q(domain)}: IPv6 address has no closing "]"`;
    host = domain.slice(0, close + 1);
    const rest = domain.slice(close + 1);
    if (rest !== '') {
      if (!rest.startsWith(':')) return `invalid registry host ${q(domain)}: unexpected ${q(rest)} after "]"`;
      port = rest.slice(1);
    }
    if (!IPV6.test(host))
      return `invalid registry host ${q(domain)}: IPv6 address may hold only hex digits and ":"`;
  } else {
    const colon = domain.indexOf(':');
    if (colon >= 0) {
      host = domain.slice(0, colon);
      port = domain.slice(colon + 1);
    }
    for (const label of host.split('.')) {
      if (label === '') return `invalid registry host ${q(domain)}: empty label in ${q(host)}`;
      if (DOMAIN_LABEL.test(label)) continue;
      const bad = firstBadChar(label, /[a-zA-Z0-9-]/);
      return bad === undefined
        ? `invalid registry host ${q(domain)}: label ${q(label)} must not start or end with "-"`
        : `invalid registry host ${q(domain)}: character ${q(bad)} is not allowed in a host name`;
    }
  }
  if (port !== undefined && !PORT.test(port)) {
    return `invalid registry host ${q(domain)}: port ${q(port)} must be digits`;
  }
  return undefined;
}

/** Checks one `/`-separated component of the repository path (lowercase already checked). */
export function checkPathComponent(component: string, path: string): string | undefined {
  if (PATH_COMPONENT.test(component)) return undefined;
  const where = `invalid repository name ${q(path)}`;
  if (component === '') return `${where}: empty path component (a leading, trailing or doubled "/")`;
  const bad = firstBadChar(component, /[a-z0-9._-]/);
  if (bad !== undefined) return `${where}: character ${q(bad)} is not allowed in ${q(component)}`;
  if (!/^[a-z0-9]/.test(component) || !/[a-z0-9]$/.test(component)) {
    return `${where}: component ${q(component)} must start and end with a lowercase letter or digit`;
  }
  return (
    `${where}: component ${q(component)} has an invalid separator ` +
    `(allowed between letters and digits: one ".", one or two "_", or any number of "-")`
  );
}

/** Checks a tag: `[\w][\w.-]{0,127}`. */
export function checkTag(tag: string): string | undefined {
  if (TAG.test(tag)) return undefined;
  const where = `invalid tag ${q(tag)}`;
  if (tag === '') return `${where}: nothing after ":"`;
  const bad = firstBadChar(tag, /[\w.-]/);
  if (bad !== undefined) return `${where}: character ${q(bad)} is not allowed in a tag`;
  if (!/^\w/.test(tag)) return `${where}: a tag must start with a letter, digit or "_"`;
  return `${where}: tag is ${tag.length} characters, at most ${TAG_MAX} are allowed`;
}

/** Checks a digest against the reference grammar, then as go-digest's `Digest.Validate` does. */
export function checkDigest(digest: string): string | undefined {
  const where = `invalid digest ${q(digest)}`;
  const colon = digest.indexOf(':');
  if (colon < 0) return `${where}: expected algorithm:hex, such as sha256:<64 hex digits>`;
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  if (!DIGEST_ALGORITHM.test(algorithm)) return `${where}: invalid algorithm ${q(algorithm)}`;
  if (!XDIGITS.test(hex)) {
    const bad = firstBadChar(hex, /[0-9a-fA-F]/);
    return bad === undefined ? `${where}: no hex after ":"` : `${where}: ${q(bad)} is not a hex digit`;
  }
  const needed = DIGEST_HEX_LENGTH[algorithm];
  if (needed === undefined) {
    if (hex.length < DIGEST_HEX_MIN) return `${where}: at least ${DIGEST_HEX_MIN} hex digits are required`;
    return `${where}: unsupported digest algorithm ${q(algorithm)} (supported: sha256, sha384, sha512)`;
  }
  if (hex.length !== needed) {
    return `${where}: digest has ${hex.length} hex digits, ${algorithm} needs ${needed}`;
  }
  if (hex !== hex.toLowerCase()) return `${where}: ${algorithm} hex must be lowercase`;
  return undefined;
}
