import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import { image } from '../support/images.js';
import { pushDistribution } from '../support/push.js';
import { type RunningRegistry, startRegistry } from '../support/registry.js';
import { type CacheServiceStandIn, startCacheService } from './support/cache-service.js';
import { runAction } from './support/run-action.js';

/**
 * The bundled action on two fresh runners in a row (each with an empty HOME): the first saves the registry
 * cache through the loopback cache service, the second restores it and sends one HEAD for the tag and
 * nothing for the digest-pinned image.
 */
let dir: string;
let registry: RunningRegistry;
let proxy: FaultProxy;
let service: CacheServiceStandIn;
const app = image({ os: 'linux', architecture: 'amd64' }, { salt: 'dist-cache' });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-dist-cache-'));
  registry = await startRegistry({ root: path.join(dir, 'storage'), dir });
  await pushDistribution(registry.host, 'team/app', 'v1', app);
  proxy = await startFaultProxy({ upstream: registry.url });
  service = await startCacheService();
  await writeFile(
    path.join(dir, 'pod.yaml'),
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: app}',
      'spec:',
      '  containers:',
      `    - {name: tagged, image: "${proxy.host}/team/app:v1"}`,
      `    - {name: pinned, image: "${proxy.host}/team/app@${app.manifest.digest}"}`,
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await service?.stop();
  await proxy?.stop();
  await registry?.stop();
  await rm(dir, { recursive: true, force: true });
});

/**
 * The cache key's version covers the cached path, which is the same on every hosted runner
 * (/home/runner/.cache/archcheck); here each run gets a fresh HOME, so the path is fixed with `cache-dir`
 * and emptied before each run instead.
 */
const run = async () => {
  const cacheDir = path.join(dir, 'runner-cache');
  await rm(cacheDir, { recursive: true, force: true });
  return runAction({
    workspace: dir,
    inputs: {
      paths: 'pod.yaml',
      architectures: 'amd64',
      'allow-private-registries': '127.0.0.1',
      annotations: 'false',
      'cache-dir': cacheDir,
    },
    eventName: 'push',
    payload: {},
    env: {
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: service.url,
      ACTIONS_RUNTIME_TOKEN: service.token,
      RUNNER_OS: 'Linux',
    },
  });
};

test('a second runner restores the cache and reads almost nothing from the registry', async () => {
  const first = await run();
  expect(first.exitCode).toBe(0);
  expect(first.stdout).toContain('No registry cache in the Actions cache yet');
  expect(first.stdout).toMatch(
    /Registry cache saved to the Actions cache \(archcheck-cache-v1-Linux-[0-9a-f]{16}\)/,
  );
  const cold = proxy.requests.splice(0).map((r) => `${r.method} ${r.path}`);
  // The tag is HEADed first; it names the pinned manifest, read once for both, then the config blob.
  expect(cold.filter((r) => r.startsWith('HEAD /v2/team'))).toHaveLength(1);
  expect(cold.filter((r) => r.startsWith('GET /v2/team'))).toHaveLength(2);

  const second = await run();
  expect(second.exitCode).toBe(0);
  expect(second.stdout).toMatch(/Registry cache restored from the Actions cache \(archcheck-cache-v1-Linux-/);
  expect(second.stdout).toMatch(/did not change/);
  expect(proxy.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
    'GET /v2/',
    'HEAD /v2/team/app/manifests/v1',
  ]);
  expect(second.summary).toContain('Registry requests: 1 ping, 1 manifest HEAD; 3 read from the cache.');
  expect(service.problems).toEqual([]);
  expect(service.entries.size).toBe(1);
});

test('cache: false neither restores nor saves', async () => {
  const calls = service.calls.length;
  const off = await runAction({
    workspace: dir,
    inputs: {
      paths: 'pod.yaml',
      architectures: 'amd64',
      'allow-private-registries': '127.0.0.1',
      cache: 'false',
    },
    eventName: 'push',
    payload: {},
    env: {
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: service.url,
      ACTIONS_RUNTIME_TOKEN: service.token,
    },
  });
  expect(off.exitCode).toBe(0);
  expect(service.calls.length).toBe(calls);
  expect(off.stdout).not.toMatch(/registry cache/i);
});
