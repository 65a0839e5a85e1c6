import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Resolution } from '../../src/registry/source.js';
import { type Fault, type FaultProxy, type SeenRequest, startFaultProxy } from '../support/fault-proxy.js';
import { type World, startWorld } from '../support/world.js';
import { basicAuth, harness, isolatedEnv, ref, settings, writeDockerConfig } from './harness.js';

let world: World;
/** In front of the open registry: every fault test goes through it. */
let proxy: FaultProxy;
/** In front of the Basic-auth registry, and a second host blobs are redirected to. */
let basicProxy: FaultProxy;
let otherHost: FaultProxy;

beforeAll(async () => {
  world = await startWorld();
  proxy = await startFaultProxy({ upstream: world.open.url });
  basicProxy = await startFaultProxy({ upstream: world.basic.url });
  otherHost = await startFaultProxy({ upstream: world.open.url });
});
afterAll(async () => {
  await Promise.all([proxy?.stop(), basicProxy?.stop(), otherHost?.stop()]);
  await world?.stop();
});

const isManifest = (r: SeenRequest) => r.method === 'GET' && r.path.includes('/manifests/');
const isBlob = (r: SeenRequest) => r.method === 'GET' && r.path.includes('/blobs/');
const onManifest = (f: (n: number) => Fault | undefined) => (r: SeenRequest, n: number) =>
  isManifest(r) ? f(n) : undefined;
const status = (code: number, headers: Record<string, string> = {}, body = ''): Fault => ({
  kind: 'status',
  status: code,
  headers,
  body,
});
const HUB_LIMIT = {
  'retry-after': '3600',
  'ratelimit-limit': '100;w=21600',
  'ratelimit-remaining': '0;w=21600',
};

async function resolveThrough(image: string, overrides: Parameters<typeof settings>[0] = {}) {
  const before = proxy.requests.length;
  const { source } = harness({ env: await isolatedEnv(), settings: settings(overrides) });
  const started = Date.now();
  const got = await source.resolve(ref(`${proxy.host}/${image}`));
  const elapsed = Date.now() - started;
  await source.close();
  const seen = proxy.requests.slice(before);
  return { got, elapsed, manifests: seen.filter(isManifest).length, blobs: seen.filter(isBlob).length };
}

const single = (w: World): Resolution => ({
  kind: 'single',
  digest: w.scenarios.ociSingle.manifest.digest,
  platform: { os: 'linux', architecture: 'arm', variant: 'v7' },
});

/** [scenario, fault, manifest GETs made, shortest wall time in ms] */
const recovers: [string, (r: SeenRequest, n: number) => Fault | undefined, number, number][] = [
  ['503 then success', onManifest((n) => (n === 0 ? status(503) : undefined)), 2, 0],
  ['a reset connection then success', onManifest((n) => (n === 0 ? { kind: 'reset' } : undefined)), 2, 0],
  ['a truncated body then success', onManifest((n) => (n === 0 ? { kind: 'truncate' } : undefined)), 2, 0],
  [
    '429 with Retry-After: 1, then success',
    onManifest((n) => (n === 0 ? status(429, { 'retry-after': '1' }) : undefined)),
    2,
    1000,
  ],
  ['502 on the config blob, then success', (r, n) => (isBlob(r) && n === 0 ? status(502) : undefined), 1, 0],
];

test.each(recovers)('%s resolves', async (_name, fault, manifests, minElapsed) => {
  proxy.setFault(fault);
  const result = await resolveThrough('scenarios/oci-single:v1');
  expect(result.got).toEqual(single(world));
  expect(result.manifests).toBe(manifests);
  expect(result.elapsed).toBeGreaterThanOrEqual(minElapsed);
});

/** [scenario, image, fault, cause, reason, manifest GETs made] */
const fails: [string, string, (r: SeenRequest, n: number) => Fault | undefined, string, RegExp, number][] = [
  [
    '503 every time',
    'scenarios/oci-single:v1',
    onManifest(() => status(503)),
    'registry-error',
    /answered HTTP 503 for the manifest .* after 3 attempts/,
    3,
  ],
  [
    'a reset connection every time',
    'scenarios/oci-single:v1',
    onManifest(() => ({ kind: 'reset' })),
    'unreachable',
    /cannot reach the manifest .*\(3 attempts\)/,
    3,
  ],
  [
    'a truncated body every time',
    'scenarios/oci-single:v1',
    onManifest(() => ({ kind: 'truncate' })),
    'unreachable',
    /cannot reach the manifest/,
    3,
  ],
  [
    '429 with a Retry-After beyond the bound (Docker Hub headers)',
    'scenarios/oci-single:v1',
    onManifest(() => status(429, HUB_LIMIT, '{"errors":[{"code":"TOOMANYREQUESTS"}]}')),
    'rate-limited',
    /rate limit reached .*HTTP 429 TOOMANYREQUESTS, Retry-After 3600\) \(ratelimit-remaining: 0;w=21600, ratelimit-limit: 100;w=21600\)/,
    1,
  ],
  [
    '429 again after waiting',
    'scenarios/oci-single:v1',
    onManifest(() => status(429, { 'retry-after': '0' })),
    'rate-limited',
    /rate limit reached/,
    2,
  ],
  [
    'a manifest whose bytes do not match Docker-Content-Digest',
    'scenarios/oci-single:v1',
    onManifest(() => ({ kind: 'corrupt' })),
    'integrity',
    /not sha256:\w+ \(the Docker-Content-Digest the registry announced\)/,
    1,
  ],
  [
    'a 404 NAME_UNKNOWN',
    'scenarios/oci-single:v1',
    onManifest(() =>
      status(404, {}, '{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known"}]}'),
    ),
    'not-found',
    /HTTP 404 NAME_UNKNOWN/,
    1,
  ],
  [
    'a 403 DENIED',
    'scenarios/oci-single:v1',
    onManifest(() => status(403, {}, '{"errors":[{"code":"DENIED"}]}')),
    'unauthorized',
    /refused access .*HTTP 403 DENIED.*docker login/,
    1,
  ],
  [
    'a config blob whose bytes do not match its digest',
    'copies/oci-single:v1',
    (r) => (isBlob(r) ? { kind: 'corrupt' } : undefined),
    'integrity',
    /config blob .* does not hash to sha256:/,
    1,
  ],
];

test.each(fails)('%s ends as a finding', async (_name, image, fault, cause, reason, manifests) => {
  proxy.setFault(fault);
  const result = await resolveThrough(image);
  expect(result.got).toMatchObject({ kind: 'error', cause, reason: expect.stringMatching(reason) });
  expect(result.manifests).toBe(manifests);
});

test('a manifest that does not match the pinned digest is an integrity failure', async () => {
  const digest = world.scenarios.ociSingle.manifest.digest;
  // Strip Docker-Content-Digest so only the reference's digest can catch it.
  proxy.setFault(onManifest(() => ({ kind: 'corrupt' })));
  const result = await resolveThrough(`scenarios/oci-single@${digest}`);
  expect(result.got).toMatchObject({
    kind: 'error',
    cause: 'integrity',
    reason: expect.stringContaining(`not ${digest} (the digest the reference pins)`),
  });
});

test('a slow response past the timeout is a timeout, without a retry', async () => {
  proxy.setFault(onManifest(() => ({ kind: 'delay', ms: 3_000 })));
  const result = await resolveThrough('scenarios/oci-single:v1', { timeoutMs: 300 });
  expect(result.got).toMatchObject({
    kind: 'error',
    cause: 'timeout',
    reason: expect.stringMatching(/timed out .*within 300 ms/),
  });
  expect(result.manifests).toBe(1);
  expect(result.elapsed).toBeLessThan(1_500);
});

test('the overall deadline stops waiting', async () => {
  proxy.setFault(onManifest(() => ({ kind: 'delay', ms: 3_000 })));
  const result = await resolveThrough('scenarios/oci-single:v1', { deadlineMs: 400 });
  expect(result.got).toMatchObject({
    kind: 'error',
    cause: 'timeout',
    reason: expect.stringMatching(/deadline passed/),
  });
  expect(result.elapsed).toBeLessThan(1_500);
});

test('a blob redirect to another host follows without the Authorization header', async () => {
  const { user, password } = world.users.basic;
  basicProxy.setFault((r) =>
    isBlob(r) ? { kind: 'redirect', location: `${otherHost.url}${r.path}?X-Signature=presigned` } : undefined,
  );
  const env = await isolatedEnv();
  await writeDockerConfig(env, { auths: { [basicProxy.host]: { auth: basicAuth(user, password) } } });
  const { source, logger } = harness({ env });
  const got = await source.resolve(ref(`${basicProxy.host}/scenarios/docker-schema2:v1`));
  await source.close();
  expect(got).toEqual({
    kind: 'single',
    digest: world.scenarios.dockerSchema2.manifest.digest,
    platform: { os: 'linux', architecture: 'ppc64le' },
  });
  // The registry got credentials on every request; the other host saw the blob GET, bare.
  expect(
    basicProxy.requests.filter(isManifest).every((r) => r.headers.authorization?.startsWith('Basic ')),
  ).toBe(true);
  const redirected = otherHost.requests.filter(isBlob);
  expect(redirected).toHaveLength(1);
  expect(redirected[0]!.headers.authorization).toBeUndefined();
  // Logs name the redirect without its presigned query.
  expect(JSON.stringify(logger.lines)).not.toContain('X-Signature');
});

test('one bad registry does not stop the others', async () => {
  proxy.setFault(() => ({ kind: 'reset' }));
  const { source } = harness({ env: await isolatedEnv() });
  const [bad, good] = await Promise.all([
    source.resolve(ref(`${proxy.host}/scenarios/oci-index:v1`)),
    source.resolve(ref(`${world.open.host}/scenarios/oci-index:v1`)),
  ]);
  await source.close();
  expect(bad).toMatchObject({ kind: 'error', cause: 'unreachable' });
  expect(good).toMatchObject({ kind: 'index', digest: world.scenarios.ociIndex.manifest.digest });
});
