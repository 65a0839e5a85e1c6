import type { Logger } from '../../logger.js';
import type { Authenticator } from './auth.js';
import type { Credential } from './credentials.js';
import { type Endpoint, repositoryPath } from './endpoint.js';
import { type FetchContext, failureForAuth, failureForStatus, failureForTransport } from './failures.js';
import type { ResolutionFailure } from '../source.js';
import { type HttpResponse, describeUrl } from './exchange.js';
import type { Transport } from './transport.js';
import type { RequestKind, UsageMeter } from './usage.js';

/** Redirects followed per request: registries redirect blobs to storage once, registry.k8s.io to a backend once. */
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface Fetched {
  response: HttpResponse;
}

/**
 * The Distribution API for one endpoint: authorized GETs that follow redirects. The Authorization header
 * goes only to the origin that asked for it: after a redirect to another origin (blob storage, a CDN, or the
 * same host over plain HTTP) the request goes bare, and only a 401 challenge from that origin earns it a
 * credential of its own, the one stored under its host. Headers made from credentials never go over plain
 * HTTP unless the user allowed that host (NetworkGuard.mayCarryCredentials).
 */
export class RegistryClient {
  readonly endpoint: Endpoint;
  readonly #transport: Transport;
  readonly #auth: Authenticator;
  readonly #logger: Logger;
  readonly #usage: UsageMeter | undefined;

  constructor(
    endpoint: Endpoint,
    deps: { transport: Transport; auth: Authenticator; logger: Logger; usage?: UsageMeter },
  ) {
    this.endpoint = endpoint;
    this.#transport = deps.transport;
    this.#auth = deps.auth;
    this.#logger = deps.logger;
    this.#usage = deps.usage;
  }

  /** `repository:<prefix/repo>:pull`, the scope distribution's token spec defines for reading. */
  scope(repository: string): string {
    return `repository:${repositoryPath(this.endpoint, repository)}:pull`;
  }

  #credentialHost(origin: string): string {
    return origin === this.endpoint.origin ? this.endpoint.credentialHost : new URL(origin).host;
  }

  /**
   * GETs (or HEADs) `url` on this endpoint with the scope's credentials; a non-2xx final answer becomes the
   * ResolutionFailure the caller's context describes. `extra` headers (deep mode's `Range`) go with every hop.
   */
  async get(
    url: string,
    accept: string | undefined,
    ctx: FetchContext,
    repository: string,
    signal: AbortSignal,
    extra: Record<string, string> = {},
    method: 'GET' | 'HEAD' = 'GET',
  ): Promise<Fetched | ResolutionFailure> {
    const kind: RequestKind =
      ctx.what === 'config blob' || ctx.what === 'layer blob'
        ? 'blob-get'
        : method === 'HEAD'
          ? 'manifest-head'
          : 'manifest-get';
    const scope = this.scope(repository);
    const first = await this.#auth.authorize(
      this.endpoint.origin,
      this.endpoint.credentialHost,
      scope,
      signal,
    );
    if (!first.ok) return failureForAuth(ctx, first);
    let header = first.header;
    let credential: Credential | undefined = first.credential;
    let authOrigin = this.endpoint.origin;
    let current = url;
    let answered = false;
    for (let redirects = 0; ;) {
      const origin = new URL(current).origin;
      const headers: Record<string, string> = accept ? { ...extra, accept } : { ...extra };
      const sending = header !== undefined && origin === authOrigin ? header : undefined;
      // A header made from credentials (Basic, or a token they bought) never crosses plain HTTP uninvited.
      if (sending && credential && !this.#transport.mayCarryCredentials(new URL(current))) {
        return failureForAuth(ctx, {
          ok: false,
          cause: 'guarded',
          credential,
          reason:
            `the credentials from ${credential.source} are not sent over plain HTTP to ${origin}; ` +
            `if that network is trusted, allow the host with --allow-private-registry ${new URL(origin).host}`,
        });
      }
      if (sending) headers.authorization = sending;
      const sent = await this.#transport.sendWithRetry({ url: current, method, headers }, signal);
      if (!sent.ok) return failureForTransport(ctx, sent.error, sent.attempts);
      const { response } = sent;
      if (REDIRECTS.has(response.status) && response.headers.location) {
        if (++redirects > MAX_REDIRECTS) return failureForStatus(ctx, response, sent.attempts, credential);
        current = new URL(response.headers.location, current).href;
        this.#logger.debug(`${describeUrl(url)} redirected to ${describeUrl(current)}`);
        continue;
      }
      if (response.status === 401 && !answered) {
        // One answer per request: a second 401 means the credential really is refused.
        answered = true;
        const decision = await this.#auth.answer(
          origin,
          this.#credentialHost(origin),
          response.headers['www-authenticate'],
          scope,
          sending,
          signal,
        );
        if (!decision.ok) return failureForAuth(ctx, decision);
        // The same header again would be refused again: report the registry's own answer.
        if (sending !== undefined && decision.header === sending) {
          return failureForStatus(ctx, response, sent.attempts, decision.credential);
        }
        header = decision.header;
        credential = decision.credential;
        authOrigin = origin;
        continue;
      }
      this.#usage?.record(kind, origin, response.headers);
      if (response.status < 200 || response.status > 299)
        return failureForStatus(ctx, response, sent.attempts, credential);
      return { response };
    }
  }
}
