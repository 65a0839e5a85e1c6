import type { RegistryOutage } from '../source.js';
import type { Credential } from './credentials.js';
import { outageOf } from './failures.js';
import type { HttpRequest } from './exchange.js';
import type { Transport } from './transport.js';

/** What a Bearer challenge asks for: where to get a token, for which service and scopes. */
export interface TokenRequest {
  realm: string;
  service?: string;
  scopes: string[];
}

export type TokenResult =
  | { ok: true; token: string; lifetimeMs: number }
  | {
      ok: false;
      reason: string;
      refused: boolean;
      /** archcheck declined to send the request (the network guard, or credentials over plain HTTP). */
      guarded?: true;
      status?: number;
      outage?: RegistryOutage;
    };

/** OAuth2 `client_id` docker sends; token servers log it (distribution docs/spec/auth/oauth.md). */
const CLIENT_ID = 'archcheck';
/** The token spec's default lifetime when the server names none (token.md, `expires_in`). */
const DEFAULT_LIFETIME_S = 60;

/**
 * Gets a registry token (distribution docs/spec/auth/token.md and oauth.md): a refresh token (docker's
 * `identitytoken`) is exchanged with `POST grant_type=refresh_token`; a username and password go as Basic
 * on `GET realm?service=&scope=`; no credential asks anonymously. Credentials are never sent to a
 * plain-HTTP realm unless the registry itself is plain HTTP or the realm is on loopback.
 */
export async function fetchToken(
  transport: Transport,
  req: TokenRequest,
  credential: Credential | undefined,
  signal: AbortSignal,
): Promise<TokenResult> {
  let realm: URL;
  try {
    realm = new URL(req.realm);
  } catch {
    return { ok: false, refused: false, reason: `the registry named an invalid token realm` };
  }
  if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
    return {
      ok: false,
      refused: false,
      reason: `the registry named a token realm with scheme ${realm.protocol}`,
    };
  }
  if (credential && !transport.mayCarryCredentials(realm)) {
    return {
      ok: false,
      refused: false,
      guarded: true,
      reason:
        `the token realm ${realm.origin} is plain HTTP; credentials are not sent over plain HTTP unless ` +
        `the host is allowed with --allow-private-registry ${realm.host}`,
    };
  }
  let request: HttpRequest;
  if (credential?.kind === 'identity') {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: credential.token,
      client_id: CLIENT_ID,
    });
    if (req.service) form.set('service', req.service);
    if (req.scopes.length > 0) form.set('scope', req.scopes.join(' '));
    request = {
      url: realm.href,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    };
  } else {
    if (req.service) realm.searchParams.set('service', req.service);
    for (const scope of req.scopes) realm.searchParams.append('scope', scope);
    const headers: Record<string, string> = {};
    if (credential?.kind === 'basic') {
      headers.authorization = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
    }
    request = { url: realm.href, headers };
  }

  const sent = await transport.sendWithRetry(request, signal);
  if (!sent.ok) {
    const outage = outageOf(sent.error);
    const reason = `token request failed: ${outage ? `${sent.error.host} ${outage.kind} (${sent.error.message})` : sent.error.message}`;
    const guarded = sent.error.kind === 'blocked' ? { guarded: true as const } : {};
    return { ok: false, refused: false, reason, ...guarded, ...(outage ? { outage } : {}) };
  }
  const { status, body } = sent.response;
  if (status === 401 || status === 403) {
    return {
      ok: false,
      refused: true,
      status,
      reason: `the token service ${realm.origin} refused the credentials (HTTP ${status})`,
    };
  }
  if (status !== 200) {
    return {
      ok: false,
      refused: false,
      status,
      reason: `the token service ${realm.origin} answered HTTP ${status}`,
    };
  }
  let doc: { token?: unknown; access_token?: unknown; expires_in?: unknown };
  try {
    doc = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    return {
      ok: false,
      refused: false,
      reason: `the token service ${realm.origin} answered something that is not JSON`,
    };
  }
  const token = typeof doc.token === 'string' && doc.token ? doc.token : doc.access_token;
  if (typeof token !== 'string' || !token) {
    return { ok: false, refused: false, reason: `the token service ${realm.origin} answered no token` };
  }
  const lifetime =
    typeof doc.expires_in === 'number' && doc.expires_in > 0 ? doc.expires_in : DEFAULT_LIFETIME_S;
  return { ok: true, token, lifetimeMs: lifetime * 1000 };
}
