import path from 'node:path';

/**
 * Where the images of one registry host are read over HTTP: the origin spoken to and the path prefix a
 * pull-through cache puts before the upstream repository (Harbor proxy projects, Artifactory remotes).
 */
export interface Endpoint {
  /** The registry host as image references name it: `docker.io`, `ghcr.io`, `localhost:5000`. */
  registry: string;
  /** `scheme://host[:port]`, no trailing slash. */
  origin: string;
  /** Repository prefix without surrounding slashes, '' for none. */
  prefix: string;
  /** The host whose credentials are sent to this origin (docker config, registries.credentials). */
  credentialHost: string;
  /** True when this endpoint is a mirror the user configured rather than the registry itself. */
  mirror: boolean;
}

/** A registry host's mirror: an OCI layout directory or an HTTP endpoint. */
export type MirrorTarget = { kind: 'oci'; dir: string } | { kind: 'http'; endpoint: Endpoint };

/**
 * Docker Hub: references say `docker.io`, the API lives at `registry-1.docker.io` and docker's config
 * stores its credentials under the legacy index URL (docker/cli registry `IndexServer`).
 */
export const DOCKER_HUB = 'docker.io';
export const DOCKER_HUB_ORIGIN = 'https://registry-1.docker.io';
export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_ALIASES = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

/** Lowercase host, Docker Hub's aliases folded into `docker.io`. */
export function normalizeRegistryHost(host: string): string {
  const lower = host.trim().toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}

/**
 * Hosts spoken to over plain HTTP when no mirror says otherwise: loopback only, as go-containerregistry's
 * `name.Registry.Scheme` does for localhost and 127.0.0.1 (a kind or `docker run registry` setup).
 */
function isLoopback(host: string): boolean {
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** The registry's own endpoint: HTTPS (loopback: HTTP), Docker Hub at registry-1.docker.io. */
export function defaultEndpoint(registry: string): Endpoint {
  const host = normalizeRegistryHost(registry);
  if (host === DOCKER_HUB) {
    return {
      registry: host,
      origin: DOCKER_HUB_ORIGIN,
      prefix: '',
      credentialHost: DOCKER_HUB,
      mirror: false,
    };
  }
  const scheme = isLoopback(host) ? 'http' : 'https';
  return { registry: host, origin: `${scheme}://${host}`, prefix: '', credentialHost: host, mirror: false };
}

/**
 * Reads one `registries.mirrors` value: `oci:<dir>`, `https://host[:port][/prefix]` or
 * `http://host[:port][/prefix]`. A relative `oci:` directory is taken against `baseDir`.
 */
export function parseMirror(
  registry: string,
  spec: string,
  baseDir = process.cwd(),
): MirrorTarget | { error: string } {
  const host = normalizeRegistryHost(registry);
  const value = spec.trim();
  if (value.startsWith('oci:')) {
    const dir = value.slice('oci:'.length);
    if (!dir) return { error: `mirror for ${registry}: "oci:" needs a directory, e.g. oci:./mirror` };
    return { kind: 'oci', dir: path.resolve(baseDir, dir) };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {
      error: `mirror for ${registry}: ${JSON.stringify(spec)} is not oci:<dir>, https://host[/prefix] or http://host[/prefix]`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      error: `mirror for ${registry}: scheme ${url.protocol} is not supported; use https://, http:// or oci:`,
    };
  }
  if (url.username || url.password) {
    return {
      error: `mirror for ${registry}: do not put credentials in the mirror URL; use registries.credentials or docker login`,
    };
  }
  if (url.search || url.hash)
    return { error: `mirror for ${registry}: a mirror URL takes no query or fragment` };
  const prefix = url.pathname.replace(/^\/+|\/+$/g, '');
  return {
    kind: 'http',
    endpoint: { registry: host, origin: url.origin, prefix, credentialHost: url.host, mirror: true },
  };
}

/** The repository path on the endpoint: the mirror's prefix, then the upstream repository. */
export function repositoryPath(endpoint: Endpoint, repository: string): string {
  return endpoint.prefix ? `${endpoint.prefix}/${repository}` : repository;
}

/** `https://host/v2/<prefix>/<repo>/<kind>/<reference>` (distribution spec "Pulling manifests" / "Pulling blobs"). */
export function apiUrl(
  endpoint: Endpoint,
  repository: string,
  kind: 'manifests' | 'blobs',
  reference: string,
): string {
  return `${endpoint.origin}/v2/${repositoryPath(endpoint, repository)}/${kind}/${reference}`;
}

/** How the endpoint is named to people: the registry, and the mirror when one serves it. */
export function describeEndpoint(endpoint: Endpoint): string {
  if (!endpoint.mirror) return endpoint.registry;
  return `${endpoint.registry} (mirror ${endpoint.origin}${endpoint.prefix ? `/${endpoint.prefix}` : ''})`;
}
