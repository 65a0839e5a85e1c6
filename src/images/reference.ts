import {
  IDENTIFIER,
  REPOSITORY_NAME_MAX,
  checkDigest,
  checkDomain,
  checkPathComponent,
  checkTag,
  q,
} from './grammar.js';
import { detectPlaceholder, type PlaceholderKind } from './placeholders.js';

/** A parsed, Docker-normalized image reference. */
export interface ImageRef {
  /** Registry host, normalized: `docker.io` for Docker Hub (never `index.docker.io`), may carry `:port`. */
  registry: string;
  /** Repository path, e.g. `library/nginx`. */
  repository: string;
  tag?: string;
  /** `algorithm:hex`. When present the tag is informational only: the digest is what is pulled. */
  digest?: string;
}

/** Why a string is not an image reference: a placeholder kind, an empty value, or a grammar error. */
export type ImageParseFailure = {
  ok: false;
  reason: string;
  kind: 'syntax' | PlaceholderKind | 'empty';
};
export type ImageParseResult = { ok: true; ref: ImageRef } | ImageParseFailure;

/** distribution/reference normalize.go `defaultDomain`, `legacyDefaultDomain`, `officialRepoPrefix`, `defaultTag`. */
const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const DEFAULT_TAG = 'latest';
const LOCALHOST = 'localhost';

const syntax = (reason: string): ImageParseFailure => ({ ok: false, kind: 'syntax', reason });

/**
 * distribution/reference normalize.go `splitDockerDomain`: the part before the first `/` is a registry
 * when it is `localhost`, contains `.` or `:` (a host name, IPv4, `host:port`, `[IPv6]:port`), or has an
 * uppercase letter (namespaces are lowercase, so it can only be a host); else the name is on Docker Hub.
 * Docker Hub names of one component live under `library/`; `index.docker.io` is Docker Hub's legacy name.
 * https://github.com/distribution/reference/blob/v0.6.0/normalize.go
 */
function splitDockerDomain(name: string): { domain: string; path: string; explicitDomain: boolean } {
  const slash = name.indexOf('/');
  if (slash < 0) return { domain: DEFAULT_DOMAIN, path: OFFICIAL_REPO_PREFIX + name, explicitDomain: false };
  const first = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain: string;
  let path: string;
  let explicitDomain = true;
  if (first === LOCALHOST) [domain, path] = [first, rest];
  else if (first === LEGACY_DEFAULT_DOMAIN) [domain, path] = [DEFAULT_DOMAIN, rest];
  else if (/[.:]/.test(first) || first.toLowerCase() !== first) [domain, path] = [first, rest];
  else [domain, path, explicitDomain] = [DEFAULT_DOMAIN, name, false];
  if (domain === DEFAULT_DOMAIN && !path.includes('/')) path = OFFICIAL_REPO_PREFIX + path;
  return { domain, path, explicitDomain };
}

/**
 * Parses an image reference the way Docker and Kubernetes runtimes do: distribution/reference's grammar
 * (`reference := name [":" tag] ["@" digest]`, reference.go) with `ParseNormalizedNamed`'s normalization
 * (implicit `docker.io` and `library/`, `index.docker.io`, lowercase repository check), and go-digest's
 * digest validation. Placeholders that some tool fills in later (templates, env vars, printf, `ko://`) get
 * their own failure kind. Never throws.
 * https://github.com/distribution/reference/blob/v0.6.0/reference.go
 *
 * Deliberate differences from Docker, all about inputs Docker accepts only by accident: surrounding
 * whitespace is reported rather than silently failing; a first component taken as a registry must be a
 * valid host (Docker would re-read `foo_bar.com/x` as a registry-less path and then fail to pull it).
 */
export function parseImageReference(input: string): ImageParseResult {
  if (typeof input !== 'string') return syntax(`image must be a string, got ${typeof input}`);
  if (input.trim() === '') {
    return { ok: false, kind: 'empty', reason: input === '' ? 'image is empty' : 'image is only whitespace' };
  }
  const placeholder = detectPlaceholder(input);
  if (placeholder) return { ok: false, kind: placeholder.kind, reason: placeholder.reason };
  if (input !== input.trim()) {
    return syntax(`invalid reference format: leading or trailing whitespace in ${q(input)}; remove it`);
  }
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.exec(input);
  if (scheme) {
    return syntax(`invalid reference format: a URL scheme ${q(scheme[0])} is not part of an image reference`);
  }
  if (IDENTIFIER.test(input)) {
    return syntax(
      `invalid repository name (${input}), cannot specify 64-byte hexadecimal strings: this is an image ID; ` +
        'write repository@sha256:<id> to pin an image by digest',
    );
  }
  return parseReference(input);
}

/** The grammar proper, on a string already known to be no placeholder and free of outer whitespace. */
function parseReference(input: string): ImageParseResult {
  // Neither a name nor a tag may hold "@" or a digest "/", so the split points are unambiguous.
  const at = input.indexOf('@');
  if (at >= 0 && input.indexOf('@', at + 1) >= 0) {
    return syntax(`invalid reference format: more than one "@" in ${q(input)}`);
  }
  const nameAndTag = at >= 0 ? input.slice(0, at) : input;
  const digest = at >= 0 ? input.slice(at + 1) : undefined;
  // A tag follows the last ":" only when no "/" comes after it; an earlier ":" belongs to a registry port.
  const colon = nameAndTag.lastIndexOf(':');
  const hasTag = colon > nameAndTag.lastIndexOf('/');
  const name = hasTag ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = hasTag ? nameAndTag.slice(colon + 1) : undefined;
  if (name === '') return syntax(`invalid reference format: no repository name in ${q(input)}`);

  const { domain, path, explicitDomain } = splitDockerDomain(name);
  const writtenPath = explicitDomain ? name.slice(name.indexOf('/') + 1) : name;
  // ParseNormalizedNamed checks case before the grammar, so this is the message Docker users know.
  if (path.toLowerCase() !== path) {
    return syntax(`invalid reference format: repository name must be lowercase (${q(writtenPath)})`);
  }
  if (explicitDomain) {
    const bad = checkDomain(domain);
    if (bad) return syntax(bad);
  }
  for (const component of path.split('/')) {
    const bad = checkPathComponent(component, writtenPath);
    if (bad) return syntax(bad);
  }
  if (tag !== undefined) {
    const bad = checkTag(tag);
    if (bad) return syntax(bad);
  }
  // Since distribution/reference#9 only the path counts toward the limit, not the registry host.
  if (path.length > REPOSITORY_NAME_MAX) {
    return syntax(
      `invalid reference format: repository name must not be more than ${REPOSITORY_NAME_MAX} characters ` +
        `(${q(path)} has ${path.length})`,
    );
  }
  if (digest !== undefined) {
    const bad = checkDigest(digest);
    if (bad) return syntax(bad);
  }
  const ref: ImageRef = { registry: domain, repository: path };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return { ok: true, ref };
}

/**
 * The key one image is resolved by: `registry/repository@digest` when pinned (the tag is then ignored, as
 * `ParseDockerRef` does), else `registry/repository:tag`, with `TagNameOnly`'s default tag `latest`.
 * https://github.com/distribution/reference/blob/v0.6.0/normalize.go
 */
export function canonicalImage(ref: ImageRef): string {
  const name = `${ref.registry}/${ref.repository}`;
  if (ref.digest) return `${name}@${ref.digest}`;
  return `${name}:${ref.tag ?? DEFAULT_TAG}`;
}

/** `registry/repository[:tag][@digest]`, as written after normalization (reference.go `reference.String`). */
export function formatImageRef(ref: ImageRef): string {
  let text = `${ref.registry}/${ref.repository}`;
  if (ref.tag !== undefined) text += `:${ref.tag}`;
  if (ref.digest !== undefined) text += `@${ref.digest}`;
  return text;
}

/**
 * True when what the reference names can change under you: no digest, and no tag or the tag `latest`
 * (the tag Docker and the kubelet pull when none is written). Other tags can be moved too, but moving
 * them is a publisher's choice; `latest` is moved by design.
 */
export function isMutableTag(ref: ImageRef): boolean {
  return !ref.digest && (ref.tag === undefined || ref.tag === DEFAULT_TAG);
}
