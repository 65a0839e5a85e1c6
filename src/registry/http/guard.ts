import { promises as dns } from 'node:dns';
import type { buildConnector } from 'undici';
import { type IpAddress, classifyAddress, formatIp, hostAddress, parseIp } from './address.js';
import { type AllowList, type Target, isAllowed, namesHost } from './allow-list.js';

/** Resolves a host name to every address it has (dns.lookup with `all: true`, as net.connect would). */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** The code on errors the guard raises, so the transport can tell a refusal from a network failure. */
export const BLOCKED_CODE = 'ERR_ARCHCHECK_NON_PUBLIC_ADDRESS';

export class BlockedAddressError extends Error {
  readonly code = BLOCKED_CODE;
}

/** How to widen the guard, named in every refusal. */
const HOW_TO_ALLOW =
  'archcheck only connects to public addresses unless told otherwise; if this registry is yours, allow it with ' +
  '--allow-private-registry, the action input allow-private-registries, or ARCHCHECK_ALLOW_PRIVATE_REGISTRIES';

const defaultPort = (protocol: string) => (protocol === 'http:' ? 80 : 443);

/** RFC 6761: `localhost` and names under it are loopback whatever DNS says. */
const isLocalhostName = (name: string) => /(^|\.)localhost\.?$/i.test(name);

/**
 * Refuses connections to non-public addresses unless the trusted side allowed them. Checked twice: on the
 * URL before a request is queued (literal addresses in any numeric form, `localhost`), and in the connector
 * on the address actually dialled after DNS, so a name that resolves (or rebinds) to a private address is
 * refused too. Requests through an HTTP proxy are resolved by the proxy: only the URL check applies there.
 */
export class NetworkGuard {
  readonly #allow: AllowList;
  readonly #resolve: Resolver;

  constructor(allow: AllowList, resolve: Resolver = systemResolver) {
    this.#allow = allow;
    this.#resolve = resolve;
  }

  /** Why `url` may not be requested, judged from the URL alone; undefined when only DNS can tell. */
  checkUrl(url: URL): string | undefined {
    const port = Number(url.port) || defaultPort(url.protocol);
    const address = hostAddress(url.hostname);
    if (address) return this.#check({ hostname: url.hostname, port, address }, url.host);
    if (isLocalhostName(url.hostname)) {
      // Judged as the address it names: a CIDR covering 127.0.0.1 allows it, as does the name itself.
      const address = parseIp('127.0.0.1')!;
      if (isAllowed(this.#allow, { hostname: url.hostname, port, address }, classifyAddress(address)))
        return undefined;
      return `${url.host} is a loopback name (RFC 6761); ${HOW_TO_ALLOW}`;
    }
    return undefined;
  }

  /** Whether credentials may go to `url` over plain HTTP: only to hosts the user allowed by name or address. */
  mayCarryCredentials(url: URL): boolean {
    if (url.protocol === 'https:') return true;
    const port = Number(url.port) || defaultPort(url.protocol);
    return namesHost(this.#allow, { hostname: url.hostname, port, address: hostAddress(url.hostname) });
  }

  #check(target: Target & { address: IpAddress }, shown: string, resolvedFrom?: string): string | undefined {
    const cls = classifyAddress(target.address);
    if (cls.class === 'public' || isAllowed(this.#allow, target, cls)) return undefined;
    const ip = formatIp(target.address);
    const what = resolvedFrom ? `${resolvedFrom} resolves to ${ip}, ` : `${shown} is `;
    const block = cls.block ? `, ${cls.block}` : '';
    const linkLocal =
      cls.class === 'link-local'
        ? ` (link-local addresses need an explicit CIDR such as ${ip}/${target.address.family === 4 ? 32 : 128}; host names and wildcards do not cover them)`
        : '';
    return `${what}a ${cls.class} address (${cls.name}${block}); ${HOW_TO_ALLOW}${linkLocal}`;
  }

  /**
   * The addresses to dial for `hostname:port`, in DNS order: a literal is checked as is, a name is resolved and
   * every address it has must pass (a name with one private address among public ones is refused).
   */
  async resolve(hostname: string, port: number): Promise<{ addresses: string[] } | { refused: string }> {
    const literal = parseIp(hostname);
    if (literal) {
      const refused = this.#check({ hostname, port, address: literal }, `${hostname}:${port}`);
      return refused ? { refused } : { addresses: [hostname] };
    }
    const found = await this.#resolve(hostname);
    for (const { address } of found) {
      const ip = parseIp(address);
      if (!ip) return { refused: `${hostname} resolved to ${address}, which is not an IP address` };
      const refused = this.#check({ hostname, port, address: ip }, hostname, hostname);
      if (refused) return { refused };
    }
    if (found.length === 0) return { refused: `${hostname} resolved to no address` };
    return { addresses: found.map((a) => a.address) };
  }
}

type Connector = buildConnector.connector;

/** Failures where the next address of the name may still answer (`localhost` as ::1, then 127.0.0.1). */
const NEXT_ADDRESS = new Set([
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Wraps undici's connector: the host is resolved and checked here, then the checked addresses themselves are
 * dialled in turn (with the original name kept for TLS SNI and certificate checks), so no second lookup can
 * answer differently (no time-of-check/time-of-use gap, no DNS rebinding).
 */
export function guardedConnector(guard: NetworkGuard, inner: Connector): Connector {
  return (opts, callback) => {
    const port = Number(opts.port) || defaultPort(opts.protocol);
    const servername = opts.servername ?? (parseIp(opts.hostname) ? undefined : opts.hostname);
    const dial = (addresses: string[], at: number) => {
      inner({ ...opts, hostname: addresses[at]!, ...(servername ? { servername } : {}) }, (error, socket) => {
        const code = (error as { code?: unknown } | null)?.code;
        if (error && at + 1 < addresses.length && typeof code === 'string' && NEXT_ADDRESS.has(code)) {
          dial(addresses, at + 1);
          return;
        }
        if (error) callback(error, null);
        else callback(null, socket!);
      });
    };
    guard.resolve(opts.hostname, port).then(
      (result) => {
        if ('refused' in result) callback(new BlockedAddressError(result.refused), null);
        else dial(result.addresses, 0);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  };
}
