import { type RegistryOutage, type ResolutionFailure, fail } from '../source.js';
import type { AuthRefusal } from './auth.js';
import type { Credential } from './credentials.js';
import { DOCKER_HUB, type Endpoint, describeEndpoint } from './endpoint.js';
import type { HttpResponse, TransportError } from './exchange.js';

/** The outage a breaker-made transport error stands for. */
export function outageOf(error: TransportError): RegistryOutage | undefined {
  if ((error.kind !== 'unreachable' && error.kind !== 'rate-limited') || !error.host) return undefined;
  return { registry: error.host, kind: error.kind, reason: error.message };
}

/** What was being fetched, for messages: `docker.io/library/nginx:1.27`, "manifest" or "config blob". */
export interface FetchContext {
  endpoint: Endpoint;
  image: string;
  what: 'manifest' | 'config blob' | 'layer blob';
}

/** Error codes of the distribution spec's error body (`{"errors":[{"code":...}]}`), at most three. */
function registryCodes(body: Uint8Array): string[] {
  try {
    const doc = JSON.parse(Buffer.from(body).toString('utf8')) as { errors?: { code?: unknown }[] };
    if (!Array.isArray(doc.errors)) return [];
    return doc.errors
      .map((e) => e?.code)
      .filter((c): c is string => typeof c === 'string' && /^[A-Z_]{1,40}$/.test(c))
      .slice(0, 3);
  } catch {
    return [];
  }
}

const NOT_FOUND_CODES = new Set(['MANIFEST_UNKNOWN', 'NAME_UNKNOWN', 'TAG_INVALID']);

/** How to hand credentials to archcheck for this host, in the order they are looked up. */
export function credentialAdvice(endpoint: Endpoint, credential: Credential | undefined): string {
  const host = endpoint.credentialHost;
  if (credential) {
    return `the credentials from ${credential.source} were refused or lack pull access; check them with \`docker pull\``;
  }
  const ghcr = host === 'ghcr.io' ? ', or set GITHUB_TOKEN to a token with `packages: read`' : '';
  const login = host === DOCKER_HUB ? '`docker login`' : `\`docker login ${host}\``;
  return (
    `no credentials were found for ${host}: run ${login} (or configure a docker credential helper), or name ` +
    `environment variables under registries.credentials."${host}" in .archcheck.yaml${ghcr}`
  );
}

/** Docker Hub's rate limit headers (docs.docker.com/docker-hub/usage/pulls), when the registry sent them. */
function rateLimitDetail(headers: Record<string, string>): string {
  const parts = ['ratelimit-remaining', 'ratelimit-limit']
    .filter((h) => headers[h] !== undefined)
    .map((h) => `${h}: ${headers[h]!.slice(0, 40)}`);
  const source = headers['docker-ratelimit-source'];
  return parts.length > 0
    ? ` (${parts.join(', ')}${source ? `, counted for ${source.slice(0, 45)}` : ''})`
    : '';
}

/**
 * The Resolution for a final non-2xx answer: 404 and the spec's MANIFEST_UNKNOWN / NAME_UNKNOWN are
 * not-found; 401/403 say who refused and how to give credentials; 429 names the rate limit; anything
 * else (5xx after retries) is a registry error with the status.
 */
export function failureForStatus(
  ctx: FetchContext,
  response: HttpResponse,
  attempts: number,
  credential?: Credential,
): ResolutionFailure {
  const { status, headers, body } = response;
  const codes = registryCodes(body);
  const where = describeEndpoint(ctx.endpoint);
  const label = `HTTP ${status}${codes.length ? ` ${codes.join(', ')}` : ''}`;
  if (ctx.what === 'manifest' && (status === 404 || codes.some((c) => NOT_FOUND_CODES.has(c)))) {
    return fail('not-found', `${ctx.image} was not found on ${where} (${label})`);
  }
  if (status === 401 || status === 403) {
    const hub =
      ctx.endpoint.registry === DOCKER_HUB && !credential
        ? ' (Docker Hub also answers this for repositories that do not exist)'
        : '';
    return fail(
      'unauthorized',
      `${where} refused access to the ${ctx.what} of ${ctx.image} (${label})${hub}; ${credentialAdvice(ctx.endpoint, credential)}`,
    );
  }
  if (status === 429) {
    const wait = headers['retry-after'] ? `, Retry-After ${headers['retry-after'].slice(0, 40)}` : '';
    return fail(
      'rate-limited',
      `${where} rate limit reached while reading the ${ctx.what} of ${ctx.image} (${label}${wait})${rateLimitDetail(headers)}; ` +
        `retry later, log in to get a higher limit, or configure a mirror under registries.mirrors`,
    );
  }
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  return fail('registry-error', `${where} answered ${label} for the ${ctx.what} of ${ctx.image}${tries}`);
}

/** The Resolution for a request that got no answer. */
export function failureForTransport(
  ctx: FetchContext,
  error: TransportError,
  attempts: number,
): ResolutionFailure {
  const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
  const what = `the ${ctx.what} of ${ctx.image} from ${describeEndpoint(ctx.endpoint)}`;
  switch (error.kind) {
    case 'deadline':
      return fail(
        'timeout',
        `gave up on ${what}: the overall registry deadline passed; raise registries.deadlineSeconds if the registry is slow`,
      );
    case 'timeout':
      return fail(
        'timeout',
        `timed out reading ${what}: ${error.message}; raise registries.timeoutSeconds if the registry is slow`,
      );
    case 'too-large':
      return fail('refused', `refused ${what}: ${error.message}`);
    case 'network':
      return fail('unreachable', `cannot reach ${what}${tries}: ${error.message}`);
    case 'blocked':
      return fail('refused', `not connecting for ${what}: ${error.message}`);
    case 'unreachable':
      return fail(
        'unreachable',
        `cannot reach ${what}: ${error.host} is unreachable (${error.message}); it is not tried again this run`,
        outageOf(error),
      );
    case 'rate-limited':
      return fail(
        'rate-limited',
        `not reading ${what}: ${error.host} rate-limited this run (${error.message}), so no further requests are sent to it; ` +
          'retry later, log in to get a higher limit, or configure a mirror under registries.mirrors',
        outageOf(error),
      );
    default: {
      const unreachable: never = error.kind;
      return fail('internal', `cannot read ${what}: ${String(unreachable)}`);
    }
  }
}

/** The Resolution when no Authorization could be had: refused credentials say how to give others. */
export function failureForAuth(ctx: FetchContext, refusal: AuthRefusal): ResolutionFailure {
  const where = describeEndpoint(ctx.endpoint);
  const what = `the ${ctx.what} of ${ctx.image}`;
  switch (refusal.cause) {
    case 'refused':
      return fail(
        'unauthorized',
        `${where} refused access to ${what}: ${refusal.reason}; ${credentialAdvice(ctx.endpoint, refusal.credential)}`,
      );
    case 'rate-limited':
      return fail(
        'rate-limited',
        `${where} rate limit reached at its token service while reading ${what}: ${refusal.reason}; retry later or log in`,
        refusal.outage,
      );
    case 'unavailable':
    case 'guarded':
      return fail(
        refusal.cause === 'guarded' ? 'refused' : 'unreachable',
        `cannot authenticate to ${where} for ${what}: ${refusal.reason}`,
        refusal.outage,
      );
    default: {
      const unreachable: never = refusal.cause;
      return fail('internal', `cannot authenticate to ${where}: ${String(unreachable)}`);
    }
  }
}
