import type { Dispatcher } from 'undici';
import type { Logger } from '../../logger.js';
import { Breakers, isUnreachableCode } from './breaker.js';
import { BLOCKED_CODE, type NetworkGuard } from './guard.js';
import {
  type HttpRequest,
  type HttpResponse,
  type TransportError,
  describeUrl,
  exchange,
} from './exchange.js';
import { KeyedLimiter, Limiter } from './limiter.js';
import { type RetryPolicy, parseRetryAfter, sleep } from './retry.js';

export type SendResult =
  | { ok: true; response: HttpResponse; attempts: number }
  | { ok: false; error: TransportError; attempts: number };

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
    // A HEAD starts an image's chain of requests while a GET continues one (the manifest a HEAD named, its
    // config blob), so GETs go first: images already begun finish before new ones start, and a run ends
    // without a tail of images still waiting for their last round trips.
    const priority = req.method === 'HEAD' ? 0 : 1;
    let timeout: AbortSignal | undefined;
    try {
      return await this.#perOrigin.for(url.origin).run(
        () =>
          this.#all.run(
            async () => {
              // A breaker that tripped while this request waited for its slot holds it back too.
              const open = this.#breakers.open(url.host);
              if (open) return { ok: false as const, error: { ...open } };
              timeout = AbortSignal.timeout(this.#opts.timeoutMs);
              return exchange(
                this.#opts.dispatcher,
                url,
                req,
                AbortSignal.any([signal, timeout]),
                this.#opts.maxBodyBytes ?? 16 * 1024 * 1024,
              );
            },
            signal,
            priority,
          ),
        signal,
        priority,
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
