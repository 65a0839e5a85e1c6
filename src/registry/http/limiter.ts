/**
 * A counting semaphore: at most `limit` holders at once, waiters served by priority (higher first), then
 * first come first served. The bounded-pool shape the style guide asks for instead of goroutine plumbing.
 */
export class Limiter {
  readonly #limit: number;
  #active = 0;
  readonly #waiting: { grant: () => void; priority: number }[] = [];

  constructor(limit: number) {
    this.#limit = Math.max(1, Math.floor(limit));
  }

  /** Runs `fn` once a slot is free; an aborted signal gives up the wait (rejecting with the signal's reason). */
  async run<T>(fn: () => Promise<T>, signal?: AbortSignal, priority = 0): Promise<T> {
    await this.#acquire(signal, priority);
    try {
      return await fn();
    } finally {
      this.#release();
    }
  }

  #acquire(signal: AbortSignal | undefined, priority: number): Promise<void> {
    signal?.throwIfAborted();
    if (this.#active < this.#limit) {
      this.#active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.#active++;
        resolve();
      };
      const waiter = { grant, priority };
      const onAbort = () => {
        const at = this.#waiting.indexOf(waiter);
        if (at >= 0) this.#waiting.splice(at, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const after = this.#waiting.findLastIndex((w) => w.priority >= priority);
      this.#waiting.splice(after + 1, 0, waiter);
    });
  }

  #release(): void {
    this.#active--;
    this.#waiting.shift()?.grant();
  }
}

/** One limiter per key (a registry origin), all with the same limit, made on first use. */
export class KeyedLimiter {
  readonly #limit: number;
  readonly #limiters = new Map<string, Limiter>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  for(key: string): Limiter {
    let limiter = this.#limiters.get(key);
    if (!limiter) {
      limiter = new Limiter(this.#limit);
      this.#limiters.set(key, limiter);
    }
    return limiter;
  }
}
