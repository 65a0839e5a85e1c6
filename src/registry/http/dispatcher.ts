import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { Agent, type Dispatcher, EnvHttpProxyAgent, buildConnector } from 'undici';
import { type NetworkGuard, guardedConnector } from './guard.js';

export interface DispatcherOptions {
  env: Record<string, string | undefined>;
  /** Connections per origin; matches the per-registry request bound. */
  connections: number;
  /** Checks every address dialled directly (not the proxy's: it resolves proxied hosts itself). */
  guard: NetworkGuard;
}

/** A dispatcher plus what the user should know about how it was built (a CA file that could not be read). */
export interface BuiltDispatcher {
  dispatcher: Dispatcher;
  warnings: string[];
}

const first = (env: Record<string, string | undefined>, ...names: string[]) => {
  for (const name of names) if (env[name] !== undefined) return env[name];
  return undefined;
};

/**
 * The undici dispatcher every registry request goes through. Proxies come from the run's environment
 * (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`, lowercase too, as curl and undici's EnvHttpProxyAgent read them);
 * plain-HTTP registries go through an HTTP proxy in absolute form, not a CONNECT tunnel, as curl does.
 * `NODE_EXTRA_CA_CERTS` is added to Node's bundled roots explicitly, so it applies even when the variable
 * reached us through the environment object rather than at process start.
 */
export function createDispatcher(opts: DispatcherOptions): BuiltDispatcher {
  const warnings: string[] = [];
  let ca: string[] | undefined;
  const extra = opts.env.NODE_EXTRA_CA_CERTS;
  if (extra) {
    try {
      ca = [...tls.rootCertificates, readFileSync(extra, 'utf8')];
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      warnings.push(
        `NODE_EXTRA_CA_CERTS=${extra} cannot be read (${code}); registries signed by that CA will fail TLS`,
      );
    }
  }
  const tlsOptions = ca ? { ca } : {};
  const connect = guardedConnector(opts.guard, buildConnector(tlsOptions));
  const common = { connections: opts.connections, connect };
  const httpProxy = first(opts.env, 'http_proxy', 'HTTP_PROXY');
  const httpsProxy = first(opts.env, 'https_proxy', 'HTTPS_PROXY');
  if (!httpProxy && !httpsProxy) return { dispatcher: new Agent(common), warnings };
  const dispatcher = new EnvHttpProxyAgent({
    ...common,
    // Empty strings, not undefined: undefined would make undici fall back to process.env.
    httpProxy: httpProxy ?? '',
    httpsProxy: httpsProxy ?? '',
    noProxy: first(opts.env, 'no_proxy', 'NO_PROXY') ?? '',
    proxyTunnel: false,
    requestTls: tlsOptions,
    proxyTls: tlsOptions,
  });
  return { dispatcher, warnings };
}
