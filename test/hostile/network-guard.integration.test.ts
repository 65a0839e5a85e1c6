import { afterAll, beforeAll, expect, test } from 'vitest';
import { RecordingLogger } from '../../src/logger.js';
import { createImageSource } from '../../src/registry/router.js';
import type { Resolver } from '../../src/registry/http/guard.js';
import type { Resolution } from '../../src/registry/source.js';
import { type World, startWorld } from '../support/world.js';
import { FAST_RETRY, isolatedEnv, ref, settings } from '../registry-http/harness.js';
import { countingListener, loopbackOnlyDispatcher, stubServer } from './network-servers.js';

let world: World;
let listener: Awaited<ReturnType<typeof countingListener>>;
beforeAll(async () => {
  world = await startWorld();
  listener = await countingListener();
});
afterAll(async () => {
  await listener?.stop();
  await world?.stop();
});

/** The environment of a run where nobody allowed anything: the guard's defaults. */
const guarded = () => isolatedEnv({ ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: undefined });

/** DNS for names the tests make up; anything else does not exist (never the system resolver). */
function fakeDns(names: Record<string, string[]>): { resolver: Resolver; asked: string[] } {
  const asked: string[] = [];
  const resolver: Resolver = (hostname) => {
    asked.push(hostname);
    const addresses = names[hostname];
    if (!addresses)
      return Promise.reject(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
      );
    return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };
  return { resolver, asked };
}

async function resolveOne(
  image: string,
  opts: Partial<Parameters<typeof createImageSource>[0]> = {},
): Promise<Resolution> {
  const source = createImageSource({
    settings: settings(),
    env: await guarded(),
    logger: new RecordingLogger(),
    retry: FAST_RETRY,
    ...opts,
  });
  try {
    return await source.resolve(ref(image));
  } finally {
    await source.close();
  }
}

const ALLOW_HINT =
  /--allow-private-registry, the action input allow-private-registries, or ARCHCHECK_ALLOW_PRIVATE_REGISTRIES/;

// Hosts a hostile manifest names. A dispatcher that only ever dials loopback stands behind the guard, so even a
// broken guard could not send traffic off the machine; `dialled` shows whether it tried.
test.each([
  ['localhost:22/x:1', /localhost:22 is a loopback name/],
  [
    '127.0.0.1:6379/x:1',
    /127\.0\.0\.1:6379 is a loopback address \(loopback \(RFC 1122\), 127\.0\.0\.0\/8\)/,
  ],
  ['[fd00::1]:5000/x:1', /\[fd00::1\]:5000 is a private address \(unique local \(RFC 4193\), fc00::\/7\)/],
  [
    '169.254.169.254/x:1',
    /169\.254\.169\.254 is a link-local address .*need an explicit CIDR such as 169\.254\.169\.254\/32/,
  ],
  ['10.0.0.1:5000/x:1', /10\.0\.0\.1:5000 is a private address \(private \(RFC 1918\), 10\.0\.0\.0\/8\)/],
  ['192.168.1.1/x:1', /192\.168\.1\.1 is a private address/],
  ['100.64.0.1/x:1', /100\.64\.0\.1 is a private address \(carrier-grade NAT/],
  ['2130706433:5000/x:1', /127\.0\.0\.1:5000 is a loopback address/],
  ['0x7f.1:5000/x:1', /127\.0\.0\.1:5000 is a loopback address/],
  ['017700000001:5000/x:1', /127\.0\.0\.1:5000 is a loopback address/],
  ['[::ffff:7f00:1]:5000/x:1', /is a loopback address \(IPv4-mapped loopback/],
  ['0.0.0.0:5000/x:1', /0\.0\.0\.0:5000 is a unspecified address/],
  ['224.0.0.1/x:1', /224\.0\.0\.1 is a multicast address/],
  ['192.0.2.10/x:1', /is a reserved address \(documentation TEST-NET-1/],
])('%s is refused before any connection', async (image, reason) => {
  const { dispatcher, dialled } = loopbackOnlyDispatcher();
  const got = await resolveOne(image, { dispatcher });
  expect(got).toEqual({ kind: 'error', cause: 'refused', reason: expect.stringMatching(reason) });
  expect((got as { reason: string }).reason).toMatch(ALLOW_HINT);
  expect(dialled).toEqual([]);
});

test('a loopback registry is not connected to unless allowed, and is once allowed', async () => {
  const image = `127.0.0.1:${listener.port}/x:1`;
  const refused = await resolveOne(image);
  expect(refused).toMatchObject({
    cause: 'refused',
    reason: expect.stringMatching(/loopback address/),
  });
  expect(listener.accepted()).toBe(0);

  const allowed = await resolveOne(image, {
    env: await isolatedEnv({ ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: `127.0.0.1:${listener.port}` }),
  });
  // The listener hangs up at once: reached, then a network failure, not a refusal.
  expect(allowed).toMatchObject({ reason: expect.not.stringMatching(/loopback address/) });
  expect(listener.accepted()).toBeGreaterThan(0);
});

test('a mirror from the repository config on a private address is refused like any registry', async () => {
  const before = listener.accepted();
  const got = await resolveOne('docker.io/library/nginx:1.27', {
    settings: settings({ mirrors: { 'docker.io': `http://127.0.0.1:${listener.port}` } }),
  });
  expect(got).toMatchObject({ reason: expect.stringMatching(/is a loopback address/) });
  expect(listener.accepted()).toBe(before);
});

// [scenario, fake DNS, allow list, reason]: a broken guard would dial the first address, always loopback here.
test.each([
  [
    'a name that resolves to loopback',
    ['127.0.0.1'],
    undefined,
    /rebind\.test resolves to 127\.0\.0\.1, a loopback address/,
  ],
  [
    'a name with one refused address among allowed ones',
    ['127.0.0.1', '10.0.0.1'],
    '127.0.0.0/8',
    /resolves to 10\.0\.0\.1, a private address/,
  ],
  [
    'a name that resolves to metadata',
    ['169.254.169.254'],
    '0.0.0.0/0',
    /resolves to 169\.254\.169\.254, a link-local address/,
  ],
])('%s is refused after DNS, on the address that would be dialled', async (_, addresses, allow, reason) => {
  const before = listener.accepted();
  const dns = fakeDns({ 'rebind.test': addresses });
  const got = await resolveOne(`rebind.test:${listener.port}/x:1`, {
    resolver: dns.resolver,
    env: await isolatedEnv({ ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: allow }),
    settings: settings({ mirrors: { 'rebind.test': `http://rebind.test:${listener.port}` } }),
  });
  expect(got).toMatchObject({ cause: 'refused', reason: expect.stringMatching(reason) });
  expect(dns.asked).toContain('rebind.test');
  expect(listener.accepted()).toBe(before);
});

test('a name allowed by the trusted side is dialled at the address the guard checked', async () => {
  const dns = fakeDns({ 'registry.corp.test': ['127.0.0.1'] });
  const got = await resolveOne(
    `registry.corp.test:${world.open.host.split(':')[1]}/scenarios/oci-single:v1`,
    {
      resolver: dns.resolver,
      env: await isolatedEnv({ ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: 'registry.corp.test' }),
      settings: settings({
        mirrors: {
          [`registry.corp.test:${world.open.host.split(':')[1]}`]: `http://registry.corp.test:${world.open.host.split(':')[1]}`,
        },
      }),
    },
  );
  expect(got).toMatchObject({ kind: 'single', digest: world.scenarios.ociSingle.manifest.digest });
});

test('a redirect to another private address is refused, even from an allowed registry', async () => {
  const stub = await stubServer((req, res) => {
    const to = req.url?.includes('metadata')
      ? 'http://169.254.169.254/latest/meta-data/'
      : `http://127.0.0.1:${listener.port}/v2/x/manifests/1`;
    res.writeHead(307, { location: to }).end();
  });
  try {
    const before = listener.accepted();
    const env = await isolatedEnv({ ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: stub.host });
    const cases: [string, RegExp][] = [
      ['x:1', new RegExp(`127\\.0\\.0\\.1:${listener.port} is a loopback address`)],
      ['metadata:1', /169\.254\.169\.254 is a link-local address/],
    ];
    for (const [image, reason] of cases) {
      const { dispatcher, dialled } = loopbackOnlyDispatcher();
      const got = await resolveOne(`${stub.host}/${image}`, { env, dispatcher });
      expect(got).toMatchObject({ cause: 'refused', reason: expect.stringMatching(reason) });
      expect(dialled).toEqual([]);
    }
    expect(listener.accepted()).toBe(before);
    expect(stub.requests.filter((r) => r.path.includes('/manifests/'))).toHaveLength(2);
  } finally {
    await stub.stop();
  }
});

test('a token realm on a private address is refused', async () => {
  const stub = await stubServer((_req, res) => {
    res.writeHead(401, { 'www-authenticate': 'Bearer realm="http://10.0.0.1/token",service="x"' }).end();
  });
  try {
    const { dispatcher, dialled } = loopbackOnlyDispatcher();
    const got = await resolveOne(`${stub.host}/x:1`, {
      env: await isolatedEnv({ ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: stub.host }),
      dispatcher,
    });
    expect(got).toMatchObject({
      cause: 'refused',
      reason: expect.stringMatching(/token request failed: 10\.0\.0\.1 is a private address/),
    });
    expect(dialled).toEqual([]);
  } finally {
    await stub.stop();
  }
});

test.each([
  ['*', /wildcards are not accepted/],
  ['10.0.0.0/99', /is not a CIDR/],
])('ARCHCHECK_ALLOW_PRIVATE_REGISTRIES=%s is a configuration error', async (value, message) => {
  const env = await isolatedEnv({ ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: value });
  expect(() => createImageSource({ settings: settings(), env, logger: new RecordingLogger() })).toThrow(
    message,
  );
});
