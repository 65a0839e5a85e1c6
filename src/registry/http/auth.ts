import type { Logger } from '../../logger.js';
import type { RegistryOutage } from '../source.js';
import { parseChallenges, pickChallenge } from './challenge.js';
import type { Credential, CredentialStore } from './credentials.js';
import type { Secrets } from './secrets.js';
import { fetchToken } from './token.js';
import type { Transport } from './transport.js';
import type { UsageMeter } from './usage.js';

/** The Authorization header to send (none for an open registry), or why access cannot be had. */
export type AuthDecision = { ok: true; header?: string; credential?: Credential } | AuthRefusal;

/**
 * Why no header: credentials refused or missing, the token service unreachable, rate limited, or archcheck
 * declined to send (`guarded`: the network guard, or credentials over plain HTTP).
 */
export interface AuthRefusal {
  ok: false;
  cause: 'refused' | 'unavailable' | 'rate-limited' | 'guarded';
  reason: string;
  credential?: Credential;
  /** Set when the token service's host was cut off for the run. */
  outage?: RegistryOutage;
}

/** What an origin's `/v2/` answered: open, Basic, Bearer with its realm, or unknown (we learn on the first 401). */
type OriginScheme =
  | { kind: 'none' }
  | { kind: 'unknown' }
  | { kind: 'basic' }
  | { kind: 'bearer'; realm: string; service?: string };

interface CachedToken {
  token: string;
  expiresAt: number;
  fetchedAt: number;
}

/** Tokens this close to expiry are fetched again rather than risk a 401 mid-run. */
const EXPIRY_MARGIN_MS = 10_000;
/** A refused token younger than this is not fetched again: the token service would grant the same. */
const RECENT_MS = 30_000;
/**
 * Bytes of `scope=` parameters in one token request. Common HTTP servers refuse request lines past 8 KiB
 * (nginx's large_client_header_buffers, Go's 1 MiB header limit is looser): half that leaves room for the
 * realm, the service and proxies. Docker Hub scopes are ~40 bytes, so about a hundred repositories a token.
 */
export const MAX_SCOPE_BYTES = 4096;

/** Splits scopes into batches whose encoded `&scope=` parameters fit `maxBytes` each (a huge scope goes alone). */
export function batchScopes(scopes: readonly string[], maxBytes = MAX_SCOPE_BYTES): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const scope of [...new Set(scopes)].sort()) {
    const cost = '&scope='.length + encodeURIComponent(scope).length;
    if (current.length > 0 && size + cost > maxBytes) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(scope);
    size += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export interface AuthenticatorDeps {
  transport: Transport;
  credentials: CredentialStore;
  secrets: Secrets;
  logger: Logger;
  usage?: UsageMeter;
  /** Milliseconds since the epoch; tests move it to expire tokens. */
  now?: () => number;
}

/**
 * The auth layer: learns each origin's scheme once (`GET /v2/`, as the docker CLI pings), then sends
 * Basic credentials or a Bearer token per repository scope up front, so a warm run costs no 401 round
 * trips. Tokens are cached per origin, credential and scope set for the run, and fetched once when
 * several requests want the same one. Distribution spec: docs/spec/auth/token.md.
 *
 * Scopes planned ahead (`plan`) share tokens: one token request names every repository of the origin planned
 * so far (`scope` repeated), in batches that keep the request short, instead of one token per repository.
 */
export class Authenticator {
  readonly #deps: AuthenticatorDeps;
  readonly #schemes = new Map<string, Promise<OriginScheme>>();
  readonly #tokens = new Map<
    string,
    Promise<CachedToken | { failed: string; cause: AuthRefusal['cause']; outage?: RegistryOutage }>
  >();
  /** Planned scopes not in a batch yet, by origin. */
  readonly #planned = new Map<string, Set<string>>();
  readonly #batches = new Map<string, Map<string, string[]>>();
  /** The latest token request per origin, settled or not. */
  readonly #fetching = new Map<string, Promise<unknown>>();
  readonly #now: () => number;

  constructor(deps: AuthenticatorDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  /**
   * Scopes `origin` will be asked for this run; they are requested together once the first is needed. Plans may
   * arrive while the run goes on: scopes planned after a batch was formed go into the next one.
   */
  plan(origin: string, scopes: readonly string[]): void {
    const batched = this.#batches.get(origin);
    const planned = this.#planned.get(origin) ?? new Set<string>();
    for (const scope of scopes) if (!batched?.has(scope)) planned.add(scope);
    this.#planned.set(origin, planned);
  }

  /** The planned batch holding every one of `scopes`, or `scopes` itself. */
  async #batchOf(origin: string, scopes: string[]): Promise<string[]> {
    const first = scopes[0] ?? '';
    if (!this.#batches.get(origin)?.has(first) && this.#planned.get(origin)?.has(first)) {
      // Scopes planned while a token is on its way wait for it: all that arrive meanwhile then share the next
      // request, so tokens grow with how long the plan keeps arriving, not with the number of repositories.
      await this.#fetching.get(origin);
      this.#formBatches(origin);
    }
    const batch = this.#batches.get(origin)?.get(first);
    return batch && scopes.every((s) => batch.includes(s)) ? batch : scopes;
  }

  /** Every planned scope of `origin` not yet in a batch, batched now. */
  #formBatches(origin: string): void {
    const pending = this.#planned.get(origin);
    if (!pending || pending.size === 0) return;
    const batches = this.#batches.get(origin) ?? new Map<string, string[]>();
    for (const batch of batchScopes([...pending])) for (const scope of batch) batches.set(scope, batch);
    this.#batches.set(origin, batches);
    pending.clear();
  }

  /** The header to send first to `origin` for `scope` (e.g. `repository:library/nginx:pull`). */
  async authorize(
    origin: string,
    credentialHost: string,
    scope: string,
    signal: AbortSignal,
  ): Promise<AuthDecision> {
    const scheme = await this.#scheme(origin, signal);
    if (scheme.kind === 'none' || scheme.kind === 'unknown') return { ok: true };
    const credential = await this.#deps.credentials.get(credentialHost);
    if (scheme.kind === 'basic') return basic(credential);
    return this.#bearer(origin, scheme, credential, [scope], false, signal);
  }

  /**
   * Answers a 401: reads its challenge and returns the header to retry with. `sent` is the header the refused
   * request carried; a refused Basic credential is final, a refused token is fetched anew once.
   */
  async answer(
    origin: string,
    credentialHost: string,
    wwwAuthenticate: string | undefined,
    scope: string,
    sent: string | undefined,
    signal: AbortSignal,
  ): Promise<AuthDecision> {
    const challenge = pickChallenge(parseChallenges(wwwAuthenticate ?? ''));
    const credential = await this.#deps.credentials.get(credentialHost);
    if (!challenge) {
      return {
        ok: false,
        cause: 'refused',
        credential,
        reason: 'HTTP 401 without a Basic or Bearer challenge',
      };
    }
    if (challenge.scheme === 'basic') {
      this.#schemes.set(origin, Promise.resolve({ kind: 'basic' }));
      if (sent)
        return {
          ok: false,
          cause: 'refused',
          credential,
          reason: 'the registry refused the credentials (HTTP 401)',
        };
      return basic(credential);
    }
    const realm = challenge.params.realm;
    if (!realm)
      return { ok: false, cause: 'refused', credential, reason: 'a Bearer challenge without a realm' };
    const scheme: OriginScheme = { kind: 'bearer', realm, service: challenge.params.service };
    this.#schemes.set(origin, Promise.resolve(scheme));
    const scopes = new Set([scope, ...(challenge.params.scope ?? '').split(' ').filter(Boolean)]);
    return this.#bearer(origin, scheme, credential, [...scopes], sent !== undefined, signal);
  }

  #scheme(origin: string, signal: AbortSignal): Promise<OriginScheme> {
    let scheme = this.#schemes.get(origin);
    if (!scheme) {
      scheme = this.#ping(origin, signal);
      this.#schemes.set(origin, scheme);
    }
    return scheme;
  }

  async #ping(origin: string, signal: AbortSignal): Promise<OriginScheme> {
    const sent = await this.#deps.transport.sendWithRetry({ url: `${origin}/v2/` }, signal);
    if (!sent.ok) return { kind: 'unknown' };
    this.#deps.usage?.record('ping', origin);
    const { status, headers } = sent.response;
    if (status >= 200 && status < 300) return { kind: 'none' };
    if (status !== 401) return { kind: 'unknown' };
    const challenge = pickChallenge(parseChallenges(headers['www-authenticate'] ?? ''));
    if (challenge?.scheme === 'basic') return { kind: 'basic' };
    if (challenge?.scheme === 'bearer' && challenge.params.realm) {
      return { kind: 'bearer', realm: challenge.params.realm, service: challenge.params.service };
    }
    return { kind: 'unknown' };
  }

  async #bearer(
    origin: string,
    scheme: Extract<OriginScheme, { kind: 'bearer' }>,
    credential: Credential | undefined,
    wanted: string[],
    fresh: boolean,
    signal: AbortSignal,
  ): Promise<AuthDecision> {
    // docker's `registrytoken` is the Bearer token itself; no token service is asked.
    if (credential?.kind === 'registry')
      return { ok: true, header: `Bearer ${credential.token}`, credential };
    const scopes = await this.#batchOf(origin, wanted);
    const key = [
      origin,
      credential?.source ?? '',
      scheme.realm,
      scheme.service ?? '',
      [...scopes].sort().join(' '),
    ].join('|');
    let cached = this.#tokens.get(key);
    if (cached) {
      const known = await cached;
      const current = this.#tokens.get(key);
      // Someone replaced it while we waited: use theirs. A failure stands for the run. A token is fetched
      // again when it is about to expire, or when refused (`fresh`) unless it is brand new: a new token
      // for the same scope would be refused the same way.
      if (current !== cached) cached = current;
      else if (!('failed' in known)) {
        const now = this.#now();
        if (known.expiresAt - now < EXPIRY_MARGIN_MS || (fresh && now - known.fetchedAt > RECENT_MS))
          cached = undefined;
      }
    }
    if (!cached) {
      const request = { realm: scheme.realm, service: scheme.service, scopes };
      cached = fetchToken(this.#deps.transport, request, credential, signal).then((result) => {
        if (!result.ok) {
          const cause =
            result.status === 429 || result.outage?.kind === 'rate-limited'
              ? 'rate-limited'
              : result.refused
                ? 'refused'
                : result.guarded
                  ? 'guarded'
                  : 'unavailable';
          return { failed: result.reason, cause, ...(result.outage ? { outage: result.outage } : {}) };
        }
        this.#deps.usage?.record('token', origin);
        this.#deps.secrets.add(result.token);
        this.#deps.logger.debug(
          `registry token for ${origin} scope ${scopes.join(' ')} (${credential ? credential.source : 'anonymous'})`,
        );
        const now = this.#now();
        return { token: result.token, expiresAt: now + result.lifetimeMs, fetchedAt: now };
      });
      this.#tokens.set(key, cached);
      this.#fetching.set(
        origin,
        cached.catch(() => undefined),
      );
    }
    const token = await cached;
    if ('failed' in token) {
      const { cause, failed: reason, outage } = token;
      return { ok: false, cause, credential, reason, ...(outage ? { outage } : {}) };
    }
    return { ok: true, header: `Bearer ${token.token}`, credential };
  }
}

function basic(credential: Credential | undefined): AuthDecision {
  if (credential?.kind === 'basic') {
    const encoded = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
    return { ok: true, header: `Basic ${encoded}`, credential };
  }
  if (!credential)
    return { ok: false, cause: 'refused', reason: 'the registry asks for a username and password' };
  return {
    ok: false,
    cause: 'refused',
    credential,
    reason: `the registry asks for a username and password; ${credential.source} holds a token`,
  };
}
