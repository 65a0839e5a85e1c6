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

/** RFC 9110 section 10.2.3: delay-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits `ms`; false when `signal` aborted first. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
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
