import type { Logger } from '../../logger.js';
import { DOCKER_HUB_ORIGIN } from './endpoint.js';

/** What one run spent on registries, for the summary and the benchmark. */
export interface RegistryUsage {
  /** `GET /v2/` to learn how an origin authenticates. */
  pings: number;
  tokens: number;
  manifestHeads: number;
  manifestGets: number;
  blobGets: number;
  /** Manifests and config blobs read from the cache instead of the network. */
  cacheHits: number;
  /** Per origin that announces a pull quota (Docker Hub's `ratelimit-remaining`): pulls spent and left. */
  quotas: QuotaUsage[];
}

export interface QuotaUsage {
  origin: string;
  /** Manifest GETs, which Docker Hub counts as pulls (HEADs and blob GETs are not counted). */
  pulls: number;
  /** The last `ratelimit-remaining` the origin announced. */
  remaining: number;
}

export type RequestKind = 'ping' | 'token' | 'manifest-head' | 'manifest-get' | 'blob-get';

const FIELD: Record<RequestKind, keyof Omit<RegistryUsage, 'quotas' | 'cacheHits'>> = {
  ping: 'pings',
  token: 'tokens',
  'manifest-head': 'manifestHeads',
  'manifest-get': 'manifestGets',
  'blob-get': 'blobGets',
};

/** `ratelimit-remaining: 76;w=21600` (docs.docker.com/docker-hub/usage/pulls): the count before `;`. */
export function parseRemaining(value: string | undefined): number | undefined {
  const match = /^\s*(\d{1,9})\s*(?:;|$)/.exec(value ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * Counts requests by kind and watches pull quotas. `expect` says how many manifest GETs each origin may
 * cost this run (known once the references are planned); the first time an origin announces fewer pulls
 * left than that, the user is told once, with the fix, before the quota runs out mid-run.
 */
export class UsageMeter {
  readonly #usage: Omit<RegistryUsage, 'quotas'> = {
    pings: 0,
    tokens: 0,
    manifestHeads: 0,
    manifestGets: 0,
    blobGets: 0,
    cacheHits: 0,
  };
  readonly #quotas = new Map<string, QuotaUsage>();
  readonly #pulls = new Map<string, number>();
  readonly #expected = new Map<string, number>();
  readonly #warned = new Set<string>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** At most `pulls` manifest GETs are expected from `origin` this run. */
  expect(origin: string, pulls: number): void {
    this.#expected.set(origin, (this.#expected.get(origin) ?? 0) + pulls);
  }

  cacheHit(): void {
    this.#usage.cacheHits++;
  }

  /** One request of `kind` answered by `origin` with `headers`. */
  record(kind: RequestKind, origin: string, headers: Record<string, string> = {}): void {
    this.#usage[FIELD[kind]]++;
    if (kind === 'manifest-get') this.#pulls.set(origin, (this.#pulls.get(origin) ?? 0) + 1);
    const remaining = parseRemaining(headers['ratelimit-remaining']);
    if (remaining === undefined) return;
    const pulls = this.#pulls.get(origin) ?? 0;
    this.#quotas.set(origin, { origin, pulls, remaining });
    const needed = (this.#expected.get(origin) ?? 0) - pulls;
    if (needed > remaining && !this.#warned.has(origin)) {
      this.#warned.add(origin);
      const hub = origin === DOCKER_HUB_ORIGIN;
      this.#logger.warning(
        `${hub ? 'Docker Hub' : origin} allows ${remaining} more pull(s) ${hub ? 'from this IP or account ' : ''}` +
          `and this run may need up to ${needed}: images past the quota will be reported unresolved. ` +
          (hub
            ? 'Log in to raise the limit (`docker login`, or docker/login-action before this step in a workflow), ' +
              'keep the archcheck cache between runs, or configure a mirror under registries.mirrors.'
            : 'Log in to the registry, keep the archcheck cache between runs, or configure a mirror under registries.mirrors.'),
      );
    }
  }

  snapshot(): RegistryUsage {
    const quotas = [...this.#quotas.values()].map((q) => ({ ...q, pulls: this.#pulls.get(q.origin) ?? 0 }));
    return { ...this.#usage, quotas };
  }
}
