import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { runArchcheck } from '../../src/engine/run.js';
import { RecordingLogger } from '../../src/logger.js';
import { RULE_METAS } from '../../src/rules/index.js';
import { formatSummary } from '../../src/reporters/summary.js';
import { formatText } from '../../src/reporters/text.js';
import type { Resolver } from '../../src/registry/http/guard.js';
import { createImageSource } from '../../src/registry/router.js';
import { freePort } from '../support/registry.js';
import { FAST_RETRY, isolatedEnv, ref, settings } from '../registry-http/harness.js';
import { stubServer } from './network-servers.js';

const IMAGES = 40;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-breakers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A repository with one Deployment per image, `host/app-N:1`. */
async function repoFor(host: string): Promise<string> {
  const repo = await mkdtemp(path.join(dir, 'repo-'));
  const docs = Array.from(
    { length: IMAGES },
    (_, i) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-${i}}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${host}/app-${i}:1\n`,
  );
  await writeFile(path.join(repo, 'apps.yaml'), docs.join('---\n'));
  return repo;
}

/** The engine as the CLI runs it (default retry policy), loopback allowed from the environment. */
async function runOn(host: string): Promise<{ report: Report; ms: number }> {
  const cwd = await repoFor(host);
  const env = await isolatedEnv({ ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: '127.0.0.1' });
  const started = performance.now();
  const report = await runArchcheck(
    { cwd, paths: ['.'], architectures: ['amd64'] },
    { logger: new RecordingLogger(), env },
  );
  return { report, ms: performance.now() - started };
}

function expectOneLinePerRegistry(report: Report, registry: string, what: RegExp): void {
  const text = formatText(report, { color: false });
  const lines = text.split('\n').filter((l) => l.includes(registry));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(what);
  expect(lines[0]).toMatch(/: 40 images not checked: 127\.0\.0\.1:\d+\/app-0:1, .* and 37 more$/);
  expect(text).not.toMatch(/image-unresolved/);
  const summary = formatSummary(report, { rules: RULE_METAS });
  expect(summary.split('\n').filter((l) => l.startsWith('- ⚠️') && l.includes(registry))).toHaveLength(1);
}

test('a registry answering 429 to everything gets a handful of requests, and every image says why', async () => {
  const stub = await stubServer((_req, res) => {
    res.writeHead(429, { 'content-type': 'application/json' }).end('{"errors":[{"code":"TOOMANYREQUESTS"}]}');
  });
  try {
    const { report } = await runOn(stub.host);
    // The ping and its retry, then the first wave of manifests (concurrency 8) until the third 429: 10 here.
    expect(stub.requests.length).toBeLessThanOrEqual(12);
    const unresolved = report.findings.filter((f) => f.rule === 'image-unresolved');
    expect(unresolved).toHaveLength(IMAGES);
    for (const f of unresolved) expect(f.message).toMatch(/rate-limited this run \(\d+ HTTP 429 answers\)/);
    expect(report.unreachableRegistries).toEqual([
      {
        registry: stub.host,
        kind: 'rate-limited',
        reason: expect.stringMatching(/^\d+ HTTP 429 answers$/),
        images: expect.arrayContaining([`${stub.host}/app-0:1`, `${stub.host}/app-39:1`]),
      },
    ]);
    expect(report.unreachableRegistries[0]!.images).toHaveLength(IMAGES);
    expectOneLinePerRegistry(report, stub.host, /rate-limited the run/);
  } finally {
    await stub.stop();
  }
});

test('a registry that refuses connections is given up after the first image, and listed once', async () => {
  const host = `127.0.0.1:${await freePort()}`;
  const { report, ms } = await runOn(host);
  const unresolved = report.findings.filter((f) => f.rule === 'image-unresolved');
  expect(unresolved).toHaveLength(IMAGES);
  for (const f of unresolved)
    expect(f.message).toMatch(/is unreachable \(ECONNREFUSED from http:\/\/127\.0\.0\.1:\d+\/v2\/\)/);
  expect(report.unreachableRegistries).toHaveLength(1);
  expect(report.unreachableRegistries[0]).toMatchObject({ registry: host, kind: 'unreachable' });
  expect(report.unreachableRegistries[0]!.images).toHaveLength(IMAGES);
  // One retry after 250 ms for the first image; before the breaker, each image retried 4 times with backoff.
  expect(ms).toBeLessThan(3_000);
  expectOneLinePerRegistry(report, host, /unreachable \(ECONNREFUSED/);
});

/** DNS that maps test names to loopback and counts every lookup (each one a connection attempt). */
function countingDns(names: Record<string, string>): { resolver: Resolver; lookups: () => number } {
  let lookups = 0;
  const resolver: Resolver = (hostname) => {
    lookups++;
    const address = names[hostname];
    if (!address)
      return Promise.reject(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
      );
    return Promise.resolve([{ address, family: 4 }]);
  };
  return { resolver, lookups: () => lookups };
}

test.each([
  ['connection refused', 'down.test', /ECONNREFUSED/],
  ['a DNS failure', 'nowhere.test', /ENOTFOUND/],
])('%s: connection attempts stay bounded by the first wave', async (_, name, code) => {
  const port = await freePort();
  const dns = countingDns({ 'down.test': '127.0.0.1' });
  const source = createImageSource({
    settings: settings({ mirrors: { [`${name}:${port}`]: `http://${name}:${port}` } }),
    env: await isolatedEnv({ ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: name }),
    logger: new RecordingLogger(),
    retry: FAST_RETRY,
    resolver: dns.resolver,
  });
  try {
    const got = await Promise.all(
      Array.from({ length: IMAGES }, (_, i) => source.resolve(ref(`${name}:${port}/app-${i}:1`))),
    );
    for (const r of got) {
      expect(r).toMatchObject({
        kind: 'error',
        outage: { registry: `${name}:${port}`, kind: 'unreachable', reason: expect.stringMatching(code) },
      });
    }
    // Every image waits for the registry's ping: it tries `connectAttempts` (2) times, then the host is cut off.
    expect(dns.lookups()).toBe(FAST_RETRY.connectAttempts);
  } finally {
    await source.close();
  }
});

test('an unreachable token service cuts its own host off, named in the outage', async () => {
  const realm = `127.0.0.1:${await freePort()}`;
  const stub = await stubServer((_req, res) => {
    res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${realm}/token",service="x"` }).end();
  });
  try {
    const { report } = await runOn(stub.host);
    expect(report.unreachableRegistries).toEqual([
      expect.objectContaining({ registry: realm, kind: 'unreachable' }),
    ]);
    expect(report.unreachableRegistries[0]!.images).toHaveLength(IMAGES);
  } finally {
    await stub.stop();
  }
});
