/**
 * Registry resolution cost: N image references (as N manifests would hold them) over U unique images on a
 * loopback distribution registry with token auth, behind a proxy that adds a fixed latency to every request
 * and counts them (the token service sits behind the same latency). Reports requests per unique image and
 * wall time against the floor ceil(U / concurrency) x latency, side by side with `skopeo inspect --raw`
 * over the same images in the same run.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parseImageReference } from '../src/images/reference.js';
import { RecordingLogger } from '../src/logger.js';
import { createImageSource } from '../src/registry/router.js';
import { requireBinary } from '../test/support/binaries.js';
import { type FaultProxy, type SeenRequest, startFaultProxy } from '../test/support/fault-proxy.js';
import { type Image, type Index, attestation, image, index } from '../test/support/images.js';
import { pushDistribution } from '../test/support/push.js';
import { startRegistry } from '../test/support/registry.js';
import { startTokenServer } from '../test/support/token-server.js';

const run = promisify(execFile);

const LATENCY_MS = 50;
const CONCURRENCY = 8;
const UNIQUE = 40; // half multi-arch indexes, half single-arch images
const REFERENCES = 400;
const ROUNDS = 3;

interface Counts {
  ping: number;
  token: number;
  manifest: number;
  blob: number;
}

function count(registry: SeenRequest[], tokens: SeenRequest[]): Counts {
  const gets = registry.filter((r) => r.method === 'GET');
  return {
    ping: gets.filter((r) => r.path === '/v2/').length,
    token: tokens.length,
    manifest: gets.filter((r) => r.path.includes('/manifests/')).length,
    blob: gets.filter((r) => r.path.includes('/blobs/')).length,
  };
}

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

const line = (label: string, c: Counts, wall: number, floor: number, perImage: string) =>
  `${label.padEnd(22)} ${String(c.ping).padStart(4)} ${String(c.token).padStart(6)} ${String(c.manifest).padStart(9)} ` +
  `${String(c.blob).padStart(5)}  ${perImage.padEnd(26)} ${String(Math.round(wall)).padStart(7)} ms  ${(wall / floor).toFixed(2)}x`;

/** Runs the benchmark and returns its report (also printed when run as a script). */
export async function benchRegistry(): Promise<string> {
  requireBinary('skopeo');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-bench-registry-'));
  const root = path.join(dir, 'storage');
  const stops: (() => Promise<void>)[] = [];
  try {
    const open = await startRegistry({ root, dir });
    stops.push(open.stop);
    const all = images();
    await pool(all, 8, (i) => pushDistribution(open.host, i.repo, 'v1', i.top));

    const tokens = await startTokenServer({
      dir,
      issuer: 'bench',
      service: 'bench-registry',
      users: {},
      anonymousPull: true,
    });
    stops.push(tokens.stop);
    const tokenProxy: FaultProxy = await startFaultProxy({
      upstream: new URL(tokens.realm).origin,
      latencyMs: LATENCY_MS,
    });
    stops.push(tokenProxy.stop);
    const realm = `${tokenProxy.url}/token`;
    const authed = await startRegistry({
      root,
      dir,
      auth: {
        kind: 'token',
        realm,
        service: 'bench-registry',
        issuer: 'bench',
        rootCertBundle: tokens.certPath,
      },
    });
    stops.push(authed.stop);
    const proxy = await startFaultProxy({ upstream: authed.url, latencyMs: LATENCY_MS });
    stops.push(proxy.stop);

    const refs = Array.from(
      { length: REFERENCES },
      (_, i) => `${proxy.host}/${all[(i * 7) % UNIQUE]!.repo}:v1`,
    );
    const floor = Math.ceil(UNIQUE / CONCURRENCY) * LATENCY_MS;

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    let ours: Counts | undefined;
    let skopeo: Counts | undefined;
    const ourWalls: number[] = [];
    const skopeoWalls: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // archcheck: one source per run, every reference handed in at once as the engine does.
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
      });
      let start = performance.now();
      const results = await Promise.all(
        refs.map((r) => source.resolve((parseImageReference(r) as { ok: true; ref: never }).ref)),
      );
      ourWalls.push(performance.now() - start);
      await source.close();
      const errors = results.filter((r) => r.kind === 'error');
      if (errors.length > 0) throw new Error(`bench resolution failed: ${JSON.stringify(errors[0])}`);
      ours = count(proxy.requests.splice(0), tokenProxy.requests.splice(0));

      // skopeo inspect --raw over the same unique images, `CONCURRENCY` processes at a time.
      start = performance.now();
      await pool(all, CONCURRENCY, async (i) => {
        await run(
          'skopeo',
          ['inspect', '--raw', '--tls-verify=false', `docker://${proxy.host}/${i.repo}:v1`],
          { env: { ...process.env, HOME: dir } },
        );
      });
      skopeoWalls.push(performance.now() - start);
      skopeo = count(proxy.requests.splice(0), tokenProxy.requests.splice(0));
    }
    const ourWall = median(ourWalls);
    const skopeoWall = median(skopeoWalls);
    if (!ours || !skopeo) throw new Error('no rounds ran');
    const sent = ours.ping + ours.token + ours.manifest + ours.blob;
    // Requests cannot beat the concurrency bound: the ping, then every other request in slots of CONCURRENCY.
    const requestFloor = (1 + Math.ceil((sent - ours.ping) / CONCURRENCY)) * LATENCY_MS;

    const multi = all.filter((i) => i.multi).length;
    const singles = UNIQUE - multi;
    const perImage = (c: Counts) =>
      `${(c.manifest / UNIQUE).toFixed(2)} manifest + ${(c.blob / singles).toFixed(2)} blob/single`;
    const report = [
      `registry bench: ${REFERENCES} references, ${UNIQUE} unique images (${multi} multi-arch, ${singles} single-arch), ` +
        `${LATENCY_MS} ms latency per request (registry and token service), concurrency ${CONCURRENCY}`,
      `floor ceil(U / concurrency) x latency = ${floor} ms; with archcheck's ${sent} requests the concurrency bound alone ` +
        `allows no less than ${requestFloor} ms (archcheck ${(ourWall / requestFloor).toFixed(2)}x that); wall times are medians of ${ROUNDS} rounds`,
      `${'tool'.padEnd(22)} ${'ping'.padStart(4)} ${'tokens'.padStart(6)} ${'manifests'.padStart(9)} ${'blobs'.padStart(5)}  ${'per unique image'.padEnd(26)} ${'wall'.padStart(10)}  vs floor`,
      line('archcheck', ours, ourWall, floor, perImage(ours)),
      line('skopeo inspect --raw', skopeo, skopeoWall, floor, perImage(skopeo)),
      `goal: 1 manifest GET per multi-arch image, 2 GETs (manifest + config) per single-arch image, one token per registry and scope: ` +
        `archcheck made ${ours.manifest} manifest GETs for ${UNIQUE} images, ${ours.blob} blob GETs for ${singles} single-arch images, ` +
        `${ours.token} token requests for ${UNIQUE} repositories, ${ours.ping} ping`,
      "skopeo inspect --raw reads no config blob, so it never learns a single-arch image's platform.",
    ].join('\n');
    return report;
  } finally {
    for (const stop of stops.reverse()) await stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchRegistry());
}
