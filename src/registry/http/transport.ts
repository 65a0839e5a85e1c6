import type { Dispatcher } from 'undici';
import type { Logger } from '../../logger.js';
import { Breakers, isUnreachableCode } from './breaker.js';
import { BLOCKED_CODE, type NetworkGuard } from './guard.js';
import { KeyedLimiter, Limiter } from './limiter.js';

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'HEAD' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  url: string;
  status: number;
  /** Lowercase names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * Why no response came: too slow, the connection failed, the run's deadline passed, the body was huge, the
 * address is not public (`blocked`), or the host was cut off for the run (`unreachable`, `rate-limited`:
 * circuit breakers, with the `host` they hold).
 */
export interface TransportError {
  kind: 'timeout' | 'network' | 'deadline' | 'too-large' | 'blocked' | 'unreachable' | 'rate-limited';
  message: string;
  host?: string;
  /** The system or undici error code of a `network` error (ECONNREFUSED, ENOTFOUND, ...). */
  code?: string;
}

export type SendResult =
  | { ok: true; response: HttpResponse; attempts: number }
  | { ok: false; error: TransportError; attempts: number };

/** How hard to try: bounded attempts with exponential backoff, and the longest Retry-After we honour. */
export interface RetryPolicy {
  /** Tries in all for a connection error or a 5xx. */
  attempts: number;
  /**
   * Tries in all when the host cannot be reached at all (DNS failure, refused, unreachable, TLS failure):
   * rarely transient, and the host is cut off for the run once they are spent.
   */
  connectAttempts: number;
  /**
   * Wait before trying an unreachable host again. Backoff protects a server under load; a host that was never
   * reached got no request, so one quick re-probe rides over a dropped packet or a resolver hiccup, and an
   * offline run is not held up (issue 15: offline within 1.5x of a run from a local mirror).
   */
  connectRetryDelayMs: number;
  /** HTTP 429 answers from one host after which no further request is sent to it this run. */
  rateLimitTrips: number;
  /** Tries in all for a 429. */
  rateLimitAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer Retry-After is not waited for: the image is reported unresolved at once. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  connectAttempts: 2,
  connectRetryDelayMs: 50,
  rateLimitTrips: 3,
  rateLimitAttempts: 2,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 30_000,
};

export interface TransportOptions {
  dispatcher: Dispatcher;
  /** Requests in flight, per run and per origin. */
  concurrency: number;
  timeoutMs: number;
  retry: RetryPolicy;
  logger: Logger;
  /** Refuses non-public hosts before a request is queued; the connector checks the dialled address again. */
  guard: NetworkGuard;
  /** Largest body read (manifests and configs are small; distribution caps manifests at 4 MiB). */
  maxBodyBytes?: number;
}

/** An URL fit for logs: origin and path, never the query (presigned blob URLs carry signatures there). */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** RFC 9110 section 10.2.3: delay-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const RETRYABLE_5XX = new Set([500, 502, 503, 504]);

function errorCode(error: unknown): string {
  const e = error as { code?: unknown; cause?: { code?: unknown }; message?: unknown } | undefined;
  const code = e?.code ?? e?.cause?.code;
  if (typeof code === 'string') return code;
  return typeof e?.message === 'string' ? e.message : 'connection failed';
}

/** The guard's refusal, wherever undici wrapped it. */
function blockedMessage(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined; e;) {
    if (e.code === BLOCKED_CODE && typeof e.message === 'string') return e.message;
    e = e.cause as typeof e;
  }
  return undefined;
}

/**
 * One HTTP exchange at a time, bounded per run and per origin, each with its own timeout and the run's
 * deadline. Redirects are not followed here: the caller decides which headers may travel to another host.
 */
export class Transport {
  readonly #opts: TransportOptions;
  readonly #all: Limiter;
  readonly #perOrigin: KeyedLimiter;
  readonly #breakers: Breakers;

  constructor(opts: TransportOptions) {
    this.#opts = opts;
    this.#all = new Limiter(opts.concurrency);
    this.#perOrigin = new KeyedLimiter(opts.concurrency);
    this.#breakers = new Breakers(opts.retry.rateLimitTrips);
  }

  /** Whether credentials may travel to `url`: HTTPS, or plain HTTP to a host the user allowed explicitly. */
  mayCarryCredentials(url: URL): boolean {
    return this.#opts.guard.mayCarryCredentials(url);
  }

  /** Sends once; `signal` is the run's deadline (or the shared work's), the timeout is added here. */
  async send(
    req: HttpRequest,
    signal: AbortSignal,
  ): Promise<{ ok: true; response: HttpResponse } | { ok: false; error: TransportError }> {
    const url = new URL(req.url);
    const where = describeUrl(req.url);
    if (signal.aborted)
      return { ok: false, error: { kind: 'deadline', message: `deadline passed before ${where}` } };
    const refused = this.#opts.guard.checkUrl(url);
    if (refused) return { ok: false, error: { kind: 'blocked', message: refused } };
    // The timeout starts once a slot is ours: waiting behind other requests is not the server being slow.
    let timeout: AbortSignal | undefined;
    try {
      return await this.#perOrigin.for(url.origin).run(
        () =>
          this.#all.run(async () => {
            // A breaker that tripped while this request waited for its slot holds it back too.
            const open = this.#breakers.open(url.host);
            if (open) return { ok: false as const, error: { ...open } };
            timeout = AbortSignal.timeout(this.#opts.timeoutMs);
            return this.#exchange(url, req, AbortSignal.any([signal, timeout]));
          }, signal),
        signal,
      );
    } catch (error) {
      if (signal.aborted)
        return { ok: false, error: { kind: 'deadline', message: `deadline passed during ${where}` } };
      const blocked = blockedMessage(error);
      if (blocked) return { ok: false, error: { kind: 'blocked', message: blocked } };
      if (timeout?.aborted) {
        return {
          ok: false,
          error: {
            kind: 'timeout',
            message: `no complete answer within ${this.#opts.timeoutMs} ms from ${where}`,
          },
        };
      }
      const code = errorCode(error);
      return { ok: false, error: { kind: 'network', code, message: `${code} from ${where}` } };
    }
  }

  async #exchange(
    url: URL,
    req: HttpRequest,
    signal: AbortSignal,
  ): Promise<{ ok: true; response: HttpResponse } | { ok: false; error: TransportError }> {
    const res = await this.#opts.dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: req.method ?? 'GET',
      headers: req.headers ?? {},
      body: req.body ?? null,
      // undici closes the connection after every HEAD unless told otherwise (a guard against servers that
      // send a body anyway); registries do not, and a warm run is mostly HEADs: a new TCP and TLS
      // handshake for each would cost more round trips than the HEADs themselves.
      ...(req.method === 'HEAD' ? { reset: false } : {}),
      signal,
    });
    const limit = this.#opts.maxBodyBytes ?? 16 * 1024 * 1024;
    const declared = Number(res.headers['content-length'] ?? 0);
    if (declared > limit) {
      res.body.destroy();
      return {
        ok: false,
        error: {
          kind: 'too-large',
          message: `${describeUrl(url.href)} answered ${declared} bytes, more than ${limit}`,
        },
      };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > limit) {
        res.body.destroy();
        return {
          ok: false,
          error: { kind: 'too-large', message: `${describeUrl(url.href)} sent more than ${limit} bytes` },
        };
      }
      chunks.push(chunk as Buffer);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return {
      ok: true,
      response: { url: url.href, status: res.statusCode, headers, body: Buffer.concat(chunks) },
    };
  }

  /**
   * Sends with bounded retries: connection errors (including truncated bodies) and 500/502/503/504 back off
   * exponentially (or as Retry-After says); a 429 waits as Retry-After says when that is within
   * `maxRetryAfterMs`. Timeouts are not retried: the user's timeout already bounds the wait. The last
   * answer is returned as is, so the caller can report the status it ended on.
   *
   * Circuit breakers, per host for the run: a host that cannot be reached once its `connectAttempts` are
   * spent, or that answered `rateLimitTrips` 429s, gets no further request; its later requests fail at once.
   */
  async sendWithRetry(req: HttpRequest, signal: AbortSignal): Promise<SendResult> {
    const policy = this.#opts.retry;
    const where = describeUrl(req.url);
    const host = new URL(req.url).host;
    for (let attempt = 1; ; attempt++) {
      const open = this.#breakers.open(host);
      if (open) return { ok: false, error: { ...open }, attempts: attempt - 1 };
      const result = await this.send(req, signal);
      let wait: number | undefined;
      if (!result.ok) {
        const { kind, code } = result.error;
        const unreachable = kind === 'network' && isUnreachableCode(code);
        const limit = unreachable ? policy.connectAttempts : policy.attempts;
        if (kind !== 'network' || attempt >= limit) {
          if (!unreachable) return { ...result, attempts: attempt };
          const tripped = this.#breakers.tripUnreachable(host, result.error.message);
          this.#opts.logger.debug(`${host} unreachable (${result.error.message}): not tried again this run`);
          return { ok: false, error: tripped, attempts: attempt };
        }
        wait = unreachable
          ? policy.connectRetryDelayMs
          : Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
        this.#opts.logger.debug(`${result.error.message}; retry ${attempt}/${limit - 1} in ${wait} ms`);
      } else {
        const { status, headers } = result.response;
        if (status === 429 && this.#breakers.rateLimited(host)) {
          this.#opts.logger.debug(`${host} rate-limited this run: no further requests are sent to it`);
          return { ok: false, error: { ...this.#breakers.open(host)! }, attempts: attempt };
        }
        const retryable =
          status === 429
            ? attempt < policy.rateLimitAttempts
            : RETRYABLE_5XX.has(status) && attempt < policy.attempts;
        if (!retryable) return { ...result, attempts: attempt };
        const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
        wait = parseRetryAfter(headers['retry-after']) ?? backoff;
        if (wait > policy.maxRetryAfterMs) return { ...result, attempts: attempt };
        this.#opts.logger.debug(`${req.method ?? 'GET'} ${where}: HTTP ${status}; retry in ${wait} ms`);
      }
      if (!(await sleep(wait, signal))) {
        return {
          ok: false,
          error: { kind: 'deadline', message: `deadline passed while waiting to retry ${where}` },
          attempts: attempt,
        };
      }
    }
  }
}
