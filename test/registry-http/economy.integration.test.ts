import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { parseImageReference } from '../../src/images/reference.js';
import { DiskCache } from '../../src/registry/cache/store.js';
import type { Resolution } from '../../src/registry/source.js';
import { type FaultProxy, type SeenRequest, startFaultProxy } from '../support/fault-proxy.js';
import { type Image, type Index, image, index } from '../support/images.js';
import { pushDistribution } from '../support/push.js';
import { type RunningRegistry, startRegistry } from '../support/registry.js';
import { type TokenServer, startTokenServer } from '../support/token-server.js';
import { harness, isolatedEnv, settings } from './harness.js';

/**
 * Registry economy on a real distribution registry with token auth behind a counting proxy: what a cold
 * run, a warm run, a moved tag, a registry without HEAD and an expiring token cost.
 */
let dir: string;
let open: RunningRegistry;
let authed: RunningRegistry;
let tokens: TokenServer;
let proxy: FaultProxy;
const stops: (() => Promise<void>)[] = [];

const single = (salt: string) => image({ os: 'linux', architecture: 'amd64' }, { salt });
const multi = (salt: string) =>
  index([
    image({ os: 'linux', architecture: 'amd64' }, { salt: `${salt}-a` }),
    image({ os: 'linux', architecture: 'arm64' }, { salt: `${salt}-b` }),
  ]);
const pushed: Record<string, Image | Index> = {
  'eco/single-a': single('a'),
  'eco/single-b': single('b'),
  'eco/multi-c': multi('c'),
  'eco/multi-d': multi('d'),
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-economy-'));
  const root = path.join(dir, 'storage');
  open = await startRegistry({ root, dir });
  stops.push(open.stop);
  for (const [repo, top] of Object.entries(pushed)) await pushDistribution(open.host, repo, 'v1', top);
  tokens = await startTokenServer({ dir, issuer: 'eco', service: 'eco', users: {}, anonymousPull: true });
  stops.push(tokens.stop);
  authed = await startRegistry({
    root,
    dir,
    auth: {
      kind: 'token',
      realm: tokens.realm,
      service: 'eco',
      issuer: 'eco',
      rootCertBundle: tokens.certPath,
    },
  });
  stops.push(authed.stop);
  proxy = await startFaultProxy({ upstream: authed.url });
  stops.push(proxy.stop);
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  proxy.setFault(undefined);
  proxy.requests.splice(0);
  tokens.requests.splice(0);
});

const refOf = (text: string) => {
  const parsed = parseImageReference(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.ref;
};
const tagged = () => Object.keys(pushed).map((repo) => `${proxy.host}/${repo}:v1`);
const pinned = (repo: string) => `${proxy.host}/${repo}@${pushed[repo]!.manifest.digest}`;

interface Counts {
  head: number;
  manifest: number;
  blob: number;
  token: number;
}
function counts(seen: SeenRequest[]): Counts {
  return {
    head: seen.filter((r) => r.method === 'HEAD').length,
    manifest: seen.filter((r) => r.method === 'GET' && r.path.includes('/manifests/')).length,
    blob: seen.filter((r) => r.method === 'GET' && r.path.includes('/blobs/')).length,
    token: tokens.requests.length,
  };
}

/** One run of archcheck's resolver: a fresh source (as a new process has), the cache directory shared. */
async function runOnce(cacheRoot: string | undefined, refs: string[], now?: () => number) {
  const env = await isolatedEnv();
  const { source, logger } = harness({
    env,
    ...(cacheRoot ? { cache: new DiskCache(cacheRoot) } : {}),
    ...(now ? { now } : {}),
  });
  const parsed = refs.map(refOf);
  await source.plan(parsed);
  const results: Resolution[] = await Promise.all(parsed.map((r) => source.resolve(r)));
  await source.close();
  const seen = proxy.requests.splice(0);
  const c = counts(seen);
  tokens.requests.splice(0);
  return { results, counts: c, seen, usage: source.usage(), logger };
}

const expectResolved = (results: Resolution[]) =>
  expect(results.filter((r) => r.kind === 'error')).toEqual([]);

describe('cold, warm, moved', () => {
  test('a warm run sends one HEAD per tag and nothing for digest-pinned references', async () => {
    const cache = await mkdtemp(path.join(dir, 'cache-'));
    const refs = [...tagged(), pinned('eco/single-a'), pinned('eco/multi-c')];
    const cold = await runOnce(cache, refs);
    expectResolved(cold.results);
    // Every tag is HEADed first; a pinned reference and the tag naming the same manifest share one GET;
    // one token covers all four repositories.
    expect(cold.counts).toEqual({ head: 4, manifest: 4, blob: 2, token: 1 });

    const warm = await runOnce(cache, refs);
    expect(warm.results).toEqual(cold.results);
    expect(warm.counts).toEqual({ head: 4, manifest: 0, blob: 0, token: 1 });
    expect(warm.usage.cacheHits).toBe(4 + 2 + 2);

    const pinnedOnly = await runOnce(cache, [pinned('eco/single-a'), pinned('eco/multi-c')]);
    expect(pinnedOnly.seen).toEqual([]);
    expect(pinnedOnly.counts.token).toBe(0);
    expect(pinnedOnly.results).toEqual([cold.results[4], cold.results[5]]);
  });

  test('a moved tag re-reads exactly that image', async () => {
    const cache = await mkdtemp(path.join(dir, 'cache-'));
    await pushDistribution(open.host, 'eco/moving', 'v1', single('before'));
    const refs = [...tagged(), `${proxy.host}/eco/moving:v1`];
    await runOnce(cache, refs);
    const moved = single('after');
    await pushDistribution(open.host, 'eco/moving', 'v1', moved);
    const after = await runOnce(cache, refs);
    expectResolved(after.results);
    expect(after.counts).toEqual({ head: 5, manifest: 1, blob: 1, token: 1 });
    const gets = after.seen.filter((r) => r.method === 'GET' && !r.path.endsWith('/v2/'));
    expect(gets.map((r) => r.path)).toEqual([
      `/v2/eco/moving/manifests/${moved.manifest.digest}`,
      `/v2/eco/moving/blobs/${moved.config.digest}`,
    ]);
    expect(after.results[4]).toMatchObject({ kind: 'single', digest: moved.manifest.digest });
  });

  test('--no-cache reads everything again', async () => {
    const first = await runOnce(undefined, tagged());
    const second = await runOnce(undefined, tagged());
    expect(second.counts).toEqual(first.counts);
    expect(second.counts).toMatchObject({ head: 0, manifest: 4, blob: 2 });
  });
});

test('HEADs reuse connections (undici closes them after a HEAD unless told not to)', async () => {
  const cache = await mkdtemp(path.join(dir, 'cache-'));
  await runOnce(cache, tagged());
  const before = proxy.connections();
  const env = await isolatedEnv();
  const { source } = harness({ env, cache: new DiskCache(cache), settings: settings({ concurrency: 2 }) });
  const refs = tagged().map(refOf);
  await source.plan(refs);
  await Promise.all(refs.map((r) => source.resolve(r)));
  await source.close();
  expect(counts(proxy.requests.splice(0)).head).toBe(4);
  // The ping and four HEADs over at most two connections.
  expect(proxy.connections() - before).toBeLessThanOrEqual(2);
});

describe('registries that do not answer HEAD', () => {
  test.each([
    ['405 Method Not Allowed', { kind: 'status', status: 405 } as const, 1],
    ['501 Not Implemented', { kind: 'status', status: 501 } as const, 1],
    ['200 without Docker-Content-Digest', { kind: 'status', status: 200 } as const, 1],
    // The transport tries a dropped connection again (FAST_RETRY: 3 attempts) before giving up on HEAD.
    ['a connection reset', { kind: 'reset' } as const, 3],
  ])('HEAD answered with %s falls back to GET, after one HEAD per run', async (_name, fault, heads) => {
    const cache = await mkdtemp(path.join(dir, 'cache-'));
    const cold = await runOnce(undefined, tagged());
    proxy.setFault((req) => (req.method === 'HEAD' ? fault : undefined));
    const first = await runOnce(cache, tagged());
    expect(first.results).toEqual(cold.results);
    expect(first.counts).toMatchObject({ head: heads, manifest: 4, blob: 2 });
    // Every HEAD sent is the one probe's: the other tags waited for its verdict.
    expect(new Set(first.seen.filter((r) => r.method === 'HEAD').map((r) => r.path)).size).toBe(1);
    const warm = await runOnce(cache, tagged());
    expect(warm.results).toEqual(cold.results);
    expect(warm.counts).toMatchObject({ head: heads, manifest: 4 });
    // The configs are still known by digest: no blob is read again.
    expect(warm.counts.blob).toBe(0);
  });

  test('a tag that is not there is read with GET, whose answer names the error, and HEAD stays in use', async () => {
    const cache = await mkdtemp(path.join(dir, 'cache-'));
    const refs = [`${proxy.host}/eco/single-a:missing`, ...tagged()];
    const run = await runOnce(cache, refs);
    expect(run.results[0]).toMatchObject({ kind: 'error', cause: 'not-found' });
    expect((run.results[0] as { reason: string }).reason).toMatch(/MANIFEST_UNKNOWN/);
    expectResolved(run.results.slice(1));
    expect(run.counts).toMatchObject({ head: 5, manifest: 5 });
  });
});

describe('HEAD support remembered across runs', () => {
  const heads = (seen: SeenRequest[]) => seen.filter((r) => r.method === 'HEAD');
  /** Whether every HEAD reached the registry before the first one was answered: no probe went alone. */
  const allAtOnce = (seen: SeenRequest[]) => {
    const h = heads(seen);
    const firstDone = Math.min(...h.map((r) => r.done!));
    return h.every((r) => r.at! < firstDone);
  };

  test('the first run probes with one HEAD; a warm run sends all its HEADs at once', async () => {
    const cache = await mkdtemp(path.join(dir, 'cache-'));
    proxy.setFault((req) => (req.method === 'HEAD' ? { kind: 'delay', ms: 40 } : undefined));
    const first = await runOnce(cache, tagged());
    expect(heads(first.seen)).toHaveLength(4);
    expect(allAtOnce(first.seen)).toBe(false);
    const warm = await runOnce(cache, tagged());
    expect(heads(warm.seen)).toHaveLength(4);
    expect(allAtOnce(warm.seen)).toBe(true);
  });

  test('an origin that stops answering HEAD is read with GET, and probed again next run', async () => {
    const cache = await mkdtemp(path.join(dir, 'cache-'));
    const cold = await runOnce(cache, tagged());
    proxy.setFault((req) => (req.method === 'HEAD' ? { kind: 'status', status: 405 } : undefined));
    const stopped = await runOnce(cache, tagged());
    expect(stopped.results).toEqual(cold.results);
    expect(stopped.counts).toMatchObject({ manifest: 4, blob: 0 });
    expect(stopped.counts.head).toBeGreaterThanOrEqual(1);
    const next = await runOnce(cache, tagged());
    expect(next.results).toEqual(cold.results);
    expect(next.counts).toMatchObject({ head: 1, manifest: 4, blob: 0 });
  });
});

describe('digests known from elsewhere', () => {
  test('a tag never read before costs a HEAD and no GET when another tag named its digest', async () => {
    const cache = await mkdtemp(path.join(dir, 'cache-'));
    await pushDistribution(open.host, 'eco/single-a', 'v1-alias', pushed['eco/single-a']!);
    await runOnce(cache, [`${proxy.host}/eco/single-a:v1`]);
    const alias = await runOnce(cache, [`${proxy.host}/eco/single-a:v1-alias`]);
    expect(alias.results).toEqual([
      { kind: 'single', digest: pushed['eco/single-a']!.manifest.digest, platform: expect.anything() },
    ]);
    expect(alias.counts).toEqual({ head: 1, manifest: 0, blob: 0, token: 1 });
  });

  test('a tag whose digest a pinned reference of the same run reads costs no GET of its own', async () => {
    const cache = await mkdtemp(path.join(dir, 'cache-'));
    const run = await runOnce(cache, [`${proxy.host}/eco/multi-d:v1`, pinned('eco/multi-d')]);
    expectResolved(run.results);
    expect(run.counts).toMatchObject({ head: 1, manifest: 1 });
  });
});

describe('a corrupt cache', () => {
  test.each([
    ['truncated', (bytes: string) => bytes.slice(0, bytes.length / 2)],
    ['rewritten to another valid manifest', () => JSON.stringify({ schemaVersion: 2, manifests: [] })],
    ['empty', () => ''],
  ])('a %s entry is dropped and fetched again, never believed', async (_name, damage) => {
    const cache = await mkdtemp(path.join(dir, 'cache-'));
    const ref = pinned('eco/multi-c');
    const cold = await runOnce(cache, [ref]);
    const digest = pushed['eco/multi-c']!.manifest.digest;
    const file = path.join(cache, 'registry', 'blobs', 'sha256', digest.slice('sha256:'.length));
    const original = pushed['eco/multi-c']!.manifest.bytes.toString('utf8');
    await writeFile(file, damage(original));
    const again = await runOnce(cache, [ref]);
    expect(again.results).toEqual(cold.results);
    expect(again.counts.manifest).toBe(1);
    const third = await runOnce(cache, [ref]);
    expect(third.seen).toEqual([]);
  });

  test('garbage in the tag hints costs nothing: the HEAD decides', async () => {
    const cache = await mkdtemp(path.join(dir, 'cache-'));
    const cold = await runOnce(cache, tagged());
    const hints = path.join(cache, 'registry', 'tags');
    for (const name of await readdir(hints)) await writeFile(path.join(hints, name), '../../etc/passwd');
    const again = await runOnce(cache, tagged());
    expect(again.results).toEqual(cold.results);
    expect(again.counts).toMatchObject({ head: 4, manifest: 0, blob: 0 });
  });
});

describe('concurrent runs on one cache directory', () => {
  test('four runs at once all resolve, and a fifth finds everything cached', async () => {
    const cache = await mkdtemp(path.join(dir, 'cache-'));
    const refs = [...tagged(), pinned('eco/single-b')];
    const runs = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const env = await isolatedEnv();
        const { source } = harness({ env, cache: new DiskCache(cache) });
        const parsed = refs.map(refOf);
        await source.plan(parsed);
        const results = await Promise.all(parsed.map((r) => source.resolve(r)));
        await source.close();
        return results;
      }),
    );
    for (const results of runs) expect(results).toEqual(runs[0]);
    expectResolved(runs[0]!);
    proxy.requests.splice(0);
    const fifth = await runOnce(cache, refs);
    expect(fifth.results).toEqual(runs[0]);
    expect(fifth.counts).toMatchObject({ manifest: 0, blob: 0, head: 4 });
    expect(await readdir(path.join(cache, 'registry', 'tmp'))).toEqual([]);
  });
});

describe('tokens', () => {
  test('one token for every repository of the registry, reused for the whole run', async () => {
    const run = await runOnce(undefined, tagged());
    expect(run.counts.token).toBe(1);
    expect(run.usage.tokens).toBe(1);
  });

  test('a token past its lifetime is fetched again mid-run, for the whole batch', async () => {
    let clock = Date.now();
    const env = await isolatedEnv();
    const { source } = harness({ env, now: () => clock });
    const refs = tagged().map(refOf);
    await source.plan(refs);
    await source.resolve(refs[0]!);
    expect(tokens.requests).toHaveLength(1);
    expect(tokens.requests[0]!.scopes).toHaveLength(4);
    clock += 301_000; // the token server grants 300 s
    await source.resolve(refs[1]!);
    await source.resolve(refs[2]!);
    await source.close();
    expect(tokens.requests).toHaveLength(2);
    expect(tokens.requests[1]!.scopes).toHaveLength(4);
  });

  test('references planned while the first is being authorized share its token', async () => {
    const { source } = harness({ env: await isolatedEnv() });
    const [a, b] = tagged().map(refOf);
    await source.plan([a!]);
    const first = source.resolve(a!);
    // Planned during the first request's ping: the first batch is formed only when a token is needed.
    await source.plan([b!]);
    expectResolved([await first, await source.resolve(b!)]);
    await source.close();
    expect(tokens.requests.map((r) => r.scopes.length)).toEqual([2]);
  });

  test('references planned after a batch was formed go into one new batch, a repeated plan into none', async () => {
    const { source } = harness({ env: await isolatedEnv() });
    const [a, b, c] = tagged().map(refOf);
    await source.plan([a!]);
    expectResolved([await source.resolve(a!)]);
    await source.plan([a!, b!, c!]);
    expectResolved(await Promise.all([a!, b!, c!].map((r) => source.resolve(r))));
    await source.close();
    expect(tokens.requests.map((r) => [...r.scopes].sort())).toEqual([
      ['repository:eco/single-a:pull'],
      ['repository:eco/multi-c:pull', 'repository:eco/single-b:pull'],
    ]);
  });

  test('a 401 with a new challenge mid-run re-authenticates', async () => {
    let clock = Date.now();
    const env = await isolatedEnv();
    const { source } = harness({ env, now: () => clock });
    const refs = tagged().map(refOf);
    await source.plan(refs);
    expect((await source.resolve(refs[0]!)).kind).not.toBe('error');
    // The registry revokes the token early (rotated keys): it refuses it once with a fresh challenge.
    clock += 60_000;
    proxy.setFault((req, n) =>
      req.path.includes('/manifests/') && n === 0
        ? {
            kind: 'status',
            status: 401,
            headers: {
              'www-authenticate': `Bearer realm="${tokens.realm}",service="eco",scope="repository:eco/single-b:pull"`,
            },
          }
        : undefined,
    );
    const result = await source.resolve(refs[1]!);
    await source.close();
    expect(result).toMatchObject({ kind: 'single', digest: pushed['eco/single-b']!.manifest.digest });
    expect(tokens.requests).toHaveLength(2);
  });
});

describe('pull quotas', () => {
  test('warns once, up front, when the run needs more pulls than remain, and counts pulls spent', async () => {
    proxy.setFault((req) =>
      req.path.includes('/manifests/')
        ? {
            kind: 'headers',
            headers: { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '2;w=21600' },
          }
        : undefined,
    );
    const run = await runOnce(undefined, tagged());
    expectResolved(run.results);
    const warnings = run.logger.lines.filter((l) => l.level === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/allows 2 more pull\(s\) and this run may need up to [34].*Log in/);
    expect(run.usage.quotas).toEqual([{ origin: proxy.url, pulls: 4, remaining: 2 }]);
  });

  test('says nothing when the quota is enough', async () => {
    proxy.setFault(() => ({ kind: 'headers', headers: { 'ratelimit-remaining': '90;w=21600' } }));
    const run = await runOnce(undefined, tagged());
    expect(run.logger.lines.filter((l) => l.level === 'warning')).toEqual([]);
  });
});
