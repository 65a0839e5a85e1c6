/**
 * Registry resolution cost: N image references (as N manifests would hold them) over U unique images on a
 * loopback distribution registry with token auth, behind a proxy that adds a fixed latency to every request
 * and counts them (the token service sits behind the same latency). Three runs share one cache directory,
 * each a fresh process's worth of state: cold (empty cache), warm (nothing changed) and after one tag
 * moved. Reports requests by kind, wall time against the floor ceil(requests / concurrency) x latency, and
 * `skopeo inspect --raw` over the same images in the same run.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type ImageRef, parseImageReference } from '../src/images/reference.js';
import { RecordingLogger } from '../src/logger.js';
import { DiskCache } from '../src/registry/cache/store.js';
import { createImageSource } from '../src/registry/router.js';
import { requireBinary } from '../test/support/binaries.js';
import { type SeenRequest, startFaultProxy } from '../test/support/fault-proxy.js';
import { type Image, type Index, attestation, image, index } from '../test/support/images.js';
import { pushDistribution } from '../test/support/push.js';
import { startLatencyRegistry, startTokenRegistry } from './latency-registry.js';

const run = promisify(execFile);

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const CONCURRENCY = 8;
const UNIQUE = 40; // half multi-arch indexes, half single-arch images, each referenced by tag
const PINNED = 10; // of those, also referenced by digest
const REFERENCES = 400;
const ROUNDS = 3;

interface Counts {
  ping: number;
  token: number;
  head: number;
  manifest: number;
  blob: number;
}

function count(registry: SeenRequest[], tokens: SeenRequest[]): Counts {
  const gets = registry.filter((r) => r.method === 'GET');
  return {
    ping: gets.filter((r) => r.path === '/v2/').length,
    token: tokens.length,
    head: registry.filter((r) => r.method === 'HEAD').length,
    manifest: gets.filter((r) => r.path.includes('/manifests/')).length,
    blob: gets.filter((r) => r.path.includes('/blobs/')).length,
  };
}
const total = (c: Counts) => c.ping + c.token + c.head + c.manifest + c.blob;

async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

function images(): { repo: string; top: Image | Index; multi: boolean }[] {
  return Array.from({ length: UNIQUE }, (_, i) => {
    const multi = i % 2 === 0;
    const salt = `bench-${i}`;
    if (!multi)
      return {
        repo: `bench/single-${i}`,
        top: image({ os: 'linux', architecture: 'amd64' }, { salt, docker: i % 4 === 1 }),
        multi,
      };
    const a = image({ os: 'linux', architecture: 'amd64' }, { salt: `${salt}-a` });
    const b = image({ os: 'linux', architecture: 'arm64' }, { salt: `${salt}-b` });
    return {
      repo: `bench/multi-${i}`,
      top: index([a, b], { attestations: [attestation(a), attestation(b)] }),
      multi,
    };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const floorOf = (requests: number) => Math.ceil(requests / CONCURRENCY) * LATENCY_MS;

/** Runs the benchmark and returns its report (also printed when run as a script). */
export async function benchRegistry(): Promise<string> {
  requireBinary('skopeo');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-bench-registry-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    const { root, open, tokens, tokenProxy, proxy } = await startLatencyRegistry(dir, LATENCY_MS, stops);
    const all = images();
    await pool(all, 8, (i) => pushDistribution(open.host, i.repo, 'v1', i.top));
    // The same registry and token service without added latency: what the loopback servers themselves cost.
    const bareTokens = await startFaultProxy({ upstream: new URL(tokens.realm).origin });
    stops.push(bareTokens.stop);

    const unique = [
      ...all.map((i) => `${proxy.host}/${i.repo}:v1`),
      ...all.slice(0, PINNED).map((i) => `${proxy.host}/${i.repo}@${i.top.manifest.digest}`),
    ];
    const refs = Array.from({ length: REFERENCES }, (_, i) => unique[(i * 7) % unique.length]!);
    const parsed: ImageRef[] = refs.map((r) => (parseImageReference(r) as { ok: true; ref: ImageRef }).ref);

    /** One archcheck run: a fresh image source (as a new process has) over `cacheDir`, all refs at once. */
    async function archcheck(
      cacheDir: string | undefined,
      refsToRun: ImageRef[] = parsed,
    ): Promise<{ counts: Counts; wall: number }> {
      const source = createImageSource({
        settings: {
          mirrors: {},
          credentials: {},
          concurrency: CONCURRENCY,
          timeoutMs: 30_000,
          deadlineMs: 300_000,
        },
        env: {
          HOME: dir,
          DOCKER_CONFIG: path.join(dir, 'no-docker-config'),
          PATH: process.env.PATH,
          // The bench registries listen on loopback, which the network guard refuses unless allowed.
          ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: '127.0.0.1',
        },
        logger: new RecordingLogger(),
        ...(cacheDir ? { cache: new DiskCache(cacheDir) } : {}),
      });
      const connected = proxy.connections();
      const start = performance.now();
      await source.plan(refsToRun);
      const results = await Promise.all(refsToRun.map((r) => source.resolve(r)));
      const wall = performance.now() - start;
      await source.close();
      const errors = results.filter((r) => r.kind === 'error');
      if (errors.length > 0) throw new Error(`bench resolution failed: ${JSON.stringify(errors[0])}`);
      // BENCH_DEBUG=1 prints when each request reached the proxy and was answered: where the time goes.
      if (process.env.BENCH_DEBUG) {
        console.error(`${proxy.connections() - connected} connections to the registry`);
        const seen = [...proxy.requests, ...tokenProxy.requests].sort((a, b) => a.at! - b.at!);
        console.error(
          seen
            .map(
              (r) =>
                `${Math.round(r.at! - start)}-${Math.round(r.done! - start)} ${r.method} ${r.path.slice(0, 40)}`,
            )
            .join('\n'),
        );
      }
      return { counts: count(proxy.requests.splice(0), tokenProxy.requests.splice(0)), wall };
    }

    const cold: { counts: Counts; wall: number }[] = [];
    const warm: { counts: Counts; wall: number }[] = [];
    const skopeoWalls: number[] = [];
    let skopeo: Counts | undefined;
    let lastCache = '';
    for (let round = 0; round < ROUNDS; round++) {
      lastCache = await mkdtemp(path.join(dir, 'cache-'));
      cold.push(await archcheck(lastCache));
      warm.push(await archcheck(lastCache));
      // skopeo inspect --raw over the same unique references, `CONCURRENCY` processes at a time.
      const start = performance.now();
      await pool(unique, CONCURRENCY, async (ref) => {
        await run('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${ref}`], {
          env: { ...process.env, HOME: dir },
        });
      });
      skopeoWalls.push(performance.now() - start);
      skopeo = count(proxy.requests.splice(0), tokenProxy.requests.splice(0));
    }
    const noCache = await archcheck(undefined);
    const serialStart = performance.now();
    await pool(unique, 1, async (ref) => {
      await run('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${ref}`], {
        env: { ...process.env, HOME: dir },
      });
    });
    const skopeoSerial = {
      wall: performance.now() - serialStart,
      counts: count(proxy.requests.splice(0), tokenProxy.requests.splice(0)),
    };
    // Baseline: the warm run again, straight to the loopback registry (its own token realm has no latency).
    const bareRegistry = await startTokenRegistry(root, dir, `${bareTokens.url}/token`, tokens);
    stops.push(bareRegistry.stop);
    const bareRefs = parsed.map((r) => ({ ...r, registry: bareRegistry.host }));
    const bareCache = await mkdtemp(path.join(dir, 'cache-'));
    await archcheck(bareCache, bareRefs);
    const bareWalls: number[] = [];
    for (let round = 0; round < ROUNDS; round++) bareWalls.push((await archcheck(bareCache, bareRefs)).wall);
    const bare = median(bareWalls);
    bareTokens.requests.splice(0);
    // One tag moves: only that image may be read again.
    const moving = all[1]!;
    await pushDistribution(
      open.host,
      moving.repo,
      'v1',
      image({ os: 'linux', architecture: 'arm64' }, { salt: 'bench-moved' }),
    );
    const moved = await archcheck(lastCache);

    const coldC = cold[0]!.counts;
    const warmC = warm[0]!.counts;
    const coldWall = median(cold.map((r) => r.wall));
    const warmWall = median(warm.map((r) => r.wall));
    const skopeoWall = median(skopeoWalls);
    const multi = all.filter((i) => i.multi).length;
    // Ping, then token, then the rest: no client can start a manifest request before it has a token.
    const chainFloor = (c: Counts) =>
      (c.ping + (c.token > 0 ? 1 : 0) + Math.ceil((total(c) - c.ping - c.token) / CONCURRENCY)) * LATENCY_MS;
    const row = (label: string, c: Counts, wall: number, chained = true) =>
      `${label.padEnd(22)} ${[c.ping, c.token, c.head, c.manifest, c.blob, total(c)].map((n) => String(n).padStart(6)).join('')} ` +
      `${String(Math.round(wall)).padStart(7)} ms ${String(floorOf(total(c))).padStart(6)} ms ${(wall / floorOf(total(c))).toFixed(2).padStart(5)}x` +
      (chained
        ? ` ${String(chainFloor(c)).padStart(6)} ms ${(wall / chainFloor(c)).toFixed(2).padStart(5)}x`
        : '');
    return [
      `registry bench: ${REFERENCES} references to ${unique.length} unique references (${UNIQUE} tags: ${multi} multi-arch, ` +
        `${UNIQUE - multi} single-arch; ${PINNED} by digest), ${LATENCY_MS} ms latency per request (registry and ` +
        `token service), concurrency ${CONCURRENCY}; wall times are medians of ${ROUNDS} rounds, floor = ceil(requests / ${CONCURRENCY}) x ${LATENCY_MS} ms`,
      `${'run'.padEnd(22)} ${['ping', 'token', 'HEAD', 'GET-m', 'GET-b', 'total'].map((h) => h.padStart(6)).join('')} ${'wall'.padStart(10)} ${'floor'.padStart(9)} ${'ratio'.padStart(6)} ${'chain'.padStart(9)} ${'ratio'.padStart(6)}`,
      row('archcheck cold', coldC, coldWall),
      row('archcheck warm', warmC, warmWall),
      row('archcheck tag moved', moved.counts, moved.wall),
      row('archcheck --no-cache', noCache.counts, noCache.wall),
      row(`skopeo x${CONCURRENCY} processes`, skopeo!, skopeoWall, false),
      row('skopeo one at a time', skopeoSerial.counts, skopeoSerial.wall, false),
      `warm goal: 0 manifest GETs (${warmC.manifest}), 0 blob GETs (${warmC.blob}), 1 HEAD per tag reference ` +
        `(${warmC.head} for ${UNIQUE}), 0 requests for the ${PINNED} digest-pinned references (${warmC.head === UNIQUE ? 0 : 'some'})`,
      `tag moved goal: exactly that image re-read (${moved.counts.manifest} manifest GET, ${moved.counts.blob} blob GET)`,
      `"chain" is the floor with the ping and the token in front of everything else, as they must be; the loopback ` +
        `registry, token service and proxy alone take ${Math.round(bare)} ms for the warm run without added latency ` +
        `(${(bare / 7).toFixed(0)} ms per round trip of the chain), so warm minus that is ${(Math.max(0, warmWall - bare) / chainFloor(warmC)).toFixed(2)}x its chain floor`,
      `tokens: ${coldC.token} per run for ${UNIQUE} repositories on 1 registry (skopeo: ${skopeo!.token})`,
      `archcheck cold is ${(skopeoWall / coldWall).toFixed(1)}x faster than ${CONCURRENCY} skopeo inspect --raw at a time, warm ` +
        `${(skopeoWall / warmWall).toFixed(1)}x; ${(skopeoSerial.wall / coldWall).toFixed(1)}x and ${(skopeoSerial.wall / warmWall).toFixed(1)}x faster than one at a time, as a shell loop runs it ` +
        "(skopeo reads no config blob, so it never learns a single-arch image's platform)",
    ].join('\n');
  } finally {
    for (const stop of stops.reverse()) await stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchRegistry());
}
