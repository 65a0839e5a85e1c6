import type { TransportError } from './exchange.js';

/**
 * Error codes that mean the host cannot be reached at all, as opposed to a connection that broke midway:
 * DNS (getaddrinfo), the TCP connect, and the TLS handshake (OpenSSL verify codes, Node's ERR_TLS_* and
 * ERR_SSL_*, EPROTO for TLS spoken to a plain-HTTP port).
 */
const UNREACHABLE = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NODATA',
  'EAI_NONAME',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

export function isUnreachableCode(code: string | undefined): boolean {
  return code !== undefined && (UNREACHABLE.has(code) || /^ERR_(TLS|SSL)_/.test(code));
}

type Open = TransportError & { kind: 'unreachable' | 'rate-limited'; host: string };

/** Hosts cut off for the rest of the run, and the 429s each host answered so far. */
export class Breakers {
  readonly #open = new Map<string, Open>();
  readonly #rateLimited = new Map<string, number>();
  readonly #trips: number;

  constructor(rateLimitTrips: number) {
    this.#trips = Math.max(1, rateLimitTrips);
  }

  open(host: string): Open | undefined {
    return this.#open.get(host);
  }

  /** Cuts `host` off; the first reason stands, so every image of the host reports the same one. */
  tripUnreachable(host: string, reason: string): Open {
    let open = this.#open.get(host);
    if (!open) {
      open = { kind: 'unreachable', host, message: reason };
      this.#open.set(host, open);
    }
    return open;
  }

  /** Counts one 429 from `host`; true once it has answered enough of them to be left alone. */
  rateLimited(host: string): boolean {
    const count = (this.#rateLimited.get(host) ?? 0) + 1;
    this.#rateLimited.set(host, count);
    if (count >= this.#trips && !this.#open.has(host)) {
      this.#open.set(host, {
        kind: 'rate-limited',
        host,
        message: `${count} HTTP 429 answers`,
      });
    }
    return count >= this.#trips;
  }
}
