import type { Dispatcher } from 'undici';
import type { Logger } from '../logger.js';
import type { AllowList } from './http/allow-list.js';
import { Authenticator } from './http/auth.js';
import { RegistryClient } from './http/client.js';
import { CredentialStore } from './http/credentials.js';
import { createDispatcher } from './http/dispatcher.js';
import type { Endpoint } from './http/endpoint.js';
import { NetworkGuard } from './http/guard.js';
import { HeadSupport } from './http/head.js';
import { FetchMemo } from './http/memo.js';
import { HttpImageSource } from './http/resolve.js';
import type { Secrets } from './http/secrets.js';
import { DEFAULT_RETRY } from './http/retry.js';
import { Transport } from './http/transport.js';
import { RunCache } from './cache/run-cache.js';
import type { UsageMeter } from './http/usage.js';
import type { ImageSourceOptions } from './router.js';

/**
 * What registries reached over HTTP(S) share in a run: one connection pool, one transport, one token cache, one
 * blob memo. The router imports this module on first use, so a run whose images all come from `oci:` mirrors
 * loads neither it nor undici (half the CLI bundle) nor Node's net/tls/http modules (issue 14).
 */
export interface HttpStack {
  dispatcher: Dispatcher;
  auth: Authenticator;
  /** The image source of one registry endpoint. */
  source(endpoint: Endpoint): HttpImageSource;
}

/** What the router made before the stack: the redacting logger and its secrets, the usage meter. */
export interface HttpShared {
  allow: AllowList;
  logger: Logger;
  secrets: Secrets;
  usage: UsageMeter;
}

export function buildHttpStack(opts: ImageSourceOptions, shared: HttpShared): HttpStack {
  const { logger, secrets, usage } = shared;
  const guard = new NetworkGuard(shared.allow, opts.resolver);
  const built = opts.dispatcher
    ? { dispatcher: opts.dispatcher, warnings: [] }
    : createDispatcher({ env: opts.env, connections: opts.settings.concurrency, guard });
  const { dispatcher, warnings } = built;
  for (const warning of warnings) logger.warning(warning);
  const transport = new Transport({
    guard,
    dispatcher,
    concurrency: opts.settings.concurrency,
    timeoutMs: opts.settings.timeoutMs,
    retry: { ...DEFAULT_RETRY, ...opts.retry },
    logger,
  });
  const credentials = new CredentialStore({
    env: opts.env,
    settings: opts.settings.credentials,
    githubToken: opts.githubToken,
    secrets,
    logger,
    timeoutMs: opts.settings.timeoutMs,
  });
  const auth = new Authenticator({
    transport,
    credentials,
    secrets,
    logger,
    usage,
    ...(opts.now ? { now: opts.now } : {}),
  });
  const blobs = new FetchMemo<Uint8Array>();
  const heads = new HeadSupport(opts.cache);
  const cache = opts.cache && new RunCache(opts.cache);
  return {
    dispatcher,
    auth,
    source: (endpoint) =>
      new HttpImageSource(new RegistryClient(endpoint, { transport, auth, logger, usage }), {
        blobs,
        heads,
        cache,
        usage,
      }),
  };
}
