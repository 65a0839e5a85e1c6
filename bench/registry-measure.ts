/**
 * What the registry bench counts and how it judges it: requests by kind, the run's leading serial chain,
 * and the floors a run is compared with.
 */
import type { SeenRequest } from '../test/support/fault-proxy.js';

export interface Counts {
  ping: number;
  token: number;
  head: number;
  manifest: number;
  blob: number;
}

/** One measured run: requests by kind, wall time, and how many requests at its start went alone. */
export interface Measured {
  counts: Counts;
  wall: number;
  serial: number;
}

export function count(registry: SeenRequest[], tokens: SeenRequest[]): Counts {
  const gets = registry.filter((r) => r.method === 'GET');
  return {
    ping: gets.filter((r) => r.path === '/v2/').length,
    token: tokens.length,
    head: registry.filter((r) => r.method === 'HEAD').length,
    manifest: gets.filter((r) => r.path.includes('/manifests/')).length,
    blob: gets.filter((r) => r.path.includes('/blobs/')).length,
  };
}

export const total = (c: Counts) => c.ping + c.token + c.head + c.manifest + c.blob;

/**
 * The requests at the start of a run that had the wire to themselves, each waiting for the one before: the
 * ping, the token (it needs the ping's challenge), and a HEAD probe when the run had to find out whether the
 * registry answers HEAD. Nothing else can go before them, so each costs a full round trip.
 */
export function serialPrefix(seen: SeenRequest[]): number {
  const sorted = [...seen].sort((a, b) => a.at! - b.at!);
  let n = 0;
  while (n < sorted.length && (n + 1 === sorted.length || sorted[n + 1]!.at! >= sorted[n]!.done!)) n++;
  return n;
}

/** Runs `fn` over `items`, at most `limit` at a time. */
export async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface Floors {
  /** ceil(requests / concurrency) x latency: every request in a full batch, none waiting for another. */
  strict: number;
  /** The serial prefix one round trip each, then the rest in full batches. */
  chain: number;
}

export function floors(m: Measured, concurrency: number, latencyMs: number): Floors {
  const requests = total(m.counts);
  return {
    strict: Math.ceil(requests / concurrency) * latencyMs,
    chain: (m.serial + Math.ceil((requests - m.serial) / concurrency)) * latencyMs,
  };
}
