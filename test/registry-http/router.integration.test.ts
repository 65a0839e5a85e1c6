import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ConfigurationError } from '../../src/errors.js';
import { createImageSource } from '../../src/registry/router.js';
import { RecordingLogger } from '../../src/logger.js';
import { type FaultProxy, type SeenRequest, startFaultProxy } from '../support/fault-proxy.js';
import { image, writeOciLayout } from '../support/images.js';
import { type World, startWorld } from '../support/world.js';
import { harness, isolatedEnv, ref, settings } from './harness.js';

let world: World;
let proxy: FaultProxy;

beforeAll(async () => {
  world = await startWorld();
  proxy = await startFaultProxy({ upstream: world.open.url, latencyMs: 30 });
});
afterAll(async () => {
  await proxy?.stop();
  await world?.stop();
});

const gets = (since: number, where: (r: SeenRequest) => boolean) =>
  proxy.requests.slice(since).filter((r) => r.method === 'GET' && where(r));

test('a mirror with a path prefix serves docker.io (GET /v2/<prefix>/library/nginx/manifests/1.27)', async () => {
  const before = proxy.requests.length;
  const { source } = harness({
    env: await isolatedEnv(),
    settings: settings({ mirrors: { 'docker.io': `${proxy.url}/hub-proxy` } }),
  });
  const got = await source.resolve(ref('nginx:1.27'));
  await source.close();
  expect(got).toEqual({
    kind: 'single',
    digest: world.scenarios.dockerSchema2.manifest.digest,
    platform: { os: 'linux', architecture: 'ppc64le' },
  });
  expect(gets(before, () => true).map((r) => r.path)).toEqual([
    '/v2/',
    '/v2/hub-proxy/library/nginx/manifests/1.27',
    `/v2/hub-proxy/library/nginx/blobs/${world.scenarios.dockerSchema2.config.digest}`,
  ]);
});

test('an oci: mirror is read from the layout directory, no HTTP', async () => {
  const dir = path.join(world.dir, 'oci-mirror');
  const img = image({ os: 'linux', architecture: 'riscv64' });
  await writeOciLayout(path.join(dir, 'org', 'app'), { v1: img });
  const before = proxy.requests.length;
  const { source } = harness({
    env: await isolatedEnv(),
    settings: settings({ mirrors: { 'quay.io': `oci:${dir}` } }),
  });
  const got = await source.resolve(ref('quay.io/org/app:v1'));
  await source.close();
  expect(got).toEqual({
    kind: 'single',
    digest: img.manifest.digest,
    platform: { os: 'linux', architecture: 'riscv64' },
  });
  expect(proxy.requests.length).toBe(before);
});

test('each unique reference is resolved once and each config blob fetched once per run', async () => {
  const before = proxy.requests.length;
  const { source } = harness({ env: await isolatedEnv() });
  const h = proxy.host;
  // 12 references, 4 unique canonical images; oci-single and copies/oci-single share one config blob.
  const refs = [
    `${h}/scenarios/oci-index:v1`,
    `${h}/scenarios/oci-index:v1`,
    `${h}/scenarios/oci-single:v1`,
    `${h}/scenarios/oci-single:v1`,
    `${h}/copies/oci-single:v1`,
    `${h}/copies/oci-single:v1`,
    `${h}/scenarios/docker-list:v1`,
    `${h}/scenarios/docker-list:v1`,
  ];
  const results = await Promise.all([...refs, ...refs.slice(0, 4)].map((r) => source.resolve(ref(r))));
  await source.close();
  expect(results.every((r) => r.kind !== 'error')).toBe(true);
  const manifests = gets(before, (r) => r.path.includes('/manifests/'))
    .map((r) => r.path)
    .sort();
  expect(manifests).toEqual([
    '/v2/copies/oci-single/manifests/v1',
    '/v2/scenarios/docker-list/manifests/v1',
    '/v2/scenarios/oci-index/manifests/v1',
    '/v2/scenarios/oci-single/manifests/v1',
  ]);
  expect(gets(before, (r) => r.path.includes('/blobs/'))).toHaveLength(1);
  expect(gets(before, (r) => r.path === '/v2/')).toHaveLength(1);
});

test.each([1, 3])('no more than concurrency=%i requests are in flight', async (concurrency) => {
  const bounded = await startFaultProxy({ upstream: world.open.url, latencyMs: 40 });
  const { source } = harness({ env: await isolatedEnv(), settings: settings({ concurrency }) });
  const repos = [
    'scenarios/oci-index',
    'scenarios/oci-single',
    'scenarios/docker-list',
    'scenarios/docker-schema2',
    'copies/oci-single',
  ];
  const results = await Promise.all(repos.map((r) => source.resolve(ref(`${bounded.host}/${r}:v1`))));
  await source.close();
  await bounded.stop();
  expect(results.every((r) => r.kind !== 'error')).toBe(true);
  expect(bounded.maxInFlight()).toBe(concurrency);
});

test('a caller that gives up is cancelled; the shared resolve still answers others', async () => {
  const { source } = harness({ env: await isolatedEnv() });
  const controller = new AbortController();
  const image = ref(`${proxy.host}/scenarios/docker-schema2:v1`);
  const first = source.resolve(image, controller.signal);
  const second = source.resolve(image);
  controller.abort();
  expect(await first).toMatchObject({
    kind: 'error',
    cause: 'cancelled',
    reason: expect.stringContaining('cancelled'),
  });
  expect(await second).toMatchObject({ kind: 'single' });
  await source.close();
});

test.each([
  ['ftp://mirror.example', /scheme ftp: is not supported/],
  ['https://user:pw@mirror.example', /do not put credentials in the mirror URL/],
  ['not a url', /is not oci:<dir>, https:\/\/host\[\/prefix\] or http:\/\/host\[\/prefix\]/],
  ['oci:', /"oci:" needs a directory/],
])('mirror %j is a configuration error', (spec, message) => {
  const make = () =>
    createImageSource({
      settings: settings({ mirrors: { 'docker.io': spec } }),
      env: {},
      logger: new RecordingLogger(),
    });
  expect(make).toThrow(ConfigurationError);
  expect(make).toThrow(message);
});
