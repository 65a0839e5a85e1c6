import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FaultProxy } from '../support/fault-proxy.js';
import type { ForwardProxy } from '../support/forward-proxy.js';
import { type TlsFront, startTlsFront } from '../support/tls-front.js';
import type { KeyPair } from '../support/tls.js';
import type { World } from '../support/world.js';
import { harness, isolatedEnv, ref, settings } from './harness.js';

let world: World;
/** The open registry behind HTTPS with a certificate no public CA signed. */
let tlsFront: FaultProxy;
let cert: KeyPair;
let forward: ForwardProxy;
let front: TlsFront | undefined;

beforeAll(async () => {
  front = await startTlsFront('registry-tls');
  ({ world, tlsFront, cert, forward } = front);
});
afterAll(() => front?.stop());

const expected = () => ({
  kind: 'index',
  digest: world.scenarios.dockerList.manifest.digest,
  platforms: [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 's390x' },
  ],
});

/** Resolve `scenarios/docker-list:v1` as docker.io/scenarios/docker-list through a mirror at `mirror`. */
async function resolveVia(mirror: string, env: Record<string, string | undefined>) {
  const { source, logger } = harness({
    env: await isolatedEnv(env),
    settings: settings({ mirrors: { 'docker.io': mirror } }),
  });
  const got = await source.resolve(ref('scenarios/docker-list:v1'));
  await source.close();
  return { got, logger };
}

test('an HTTPS mirror signed by the CA in NODE_EXTRA_CA_CERTS resolves', async () => {
  const { got } = await resolveVia(tlsFront.url, { NODE_EXTRA_CA_CERTS: cert.certPath });
  expect(got).toEqual(expected());
});

test('without NODE_EXTRA_CA_CERTS the same mirror fails TLS verification as unreachable', async () => {
  const { got } = await resolveVia(tlsFront.url, {});
  expect(got).toMatchObject({
    kind: 'error',
    cause: 'unreachable',
    reason: expect.stringMatching(/cannot reach .*SELF_SIGNED|cannot reach .*CERT/),
  });
});

test('an unreadable NODE_EXTRA_CA_CERTS is a warning naming the file', async () => {
  const { logger } = await resolveVia(tlsFront.url, { NODE_EXTRA_CA_CERTS: '/nonexistent/ca.pem' });
  expect(logger.lines).toContainEqual({
    level: 'warning',
    message: expect.stringContaining('NODE_EXTRA_CA_CERTS=/nonexistent/ca.pem cannot be read (ENOENT)'),
  });
});

/** [scenario, mirror, env, pattern every proxied request matches (none proxied when undefined), how many at least] */
const proxied: [string, () => string, () => Record<string, string>, RegExp | undefined, number][] = [
  [
    'HTTP_PROXY carries plain-HTTP requests in absolute form',
    () => `http://${world.open.host}`,
    () => ({ HTTP_PROXY: forward.url }),
    /^GET http:\/\/127\.0\.0\.1:\d+\/v2\/(scenarios\/docker-list\/manifests\/v1)?$/,
    2,
  ],
  [
    'HTTPS_PROXY tunnels HTTPS with CONNECT',
    () => tlsFront.url,
    () => ({ HTTPS_PROXY: forward.url, NODE_EXTRA_CA_CERTS: cert.certPath }),
    /^CONNECT 127\.0\.0\.1:\d+$/,
    1,
  ],
  [
    'NO_PROXY exempts the host',
    () => `http://${world.open.host}`,
    () => ({ HTTP_PROXY: forward.url, NO_PROXY: 'localhost,127.0.0.1' }),
    undefined,
    0,
  ],
  [
    'lowercase http_proxy is honoured too',
    () => `http://${world.open.host}`,
    () => ({ http_proxy: forward.url }),
    /^GET http:/,
    2,
  ],
];

test.each(proxied)('%s', async (_name, mirror, env, pattern, atLeast) => {
  const before = forward.seen.length;
  const { got } = await resolveVia(mirror(), env());
  expect(got).toEqual(expected());
  const seen = forward.seen.slice(before);
  if (!pattern) expect(seen).toEqual([]);
  else {
    expect(seen.length).toBeGreaterThanOrEqual(atLeast);
    for (const line of seen) expect(line).toMatch(pattern);
  }
});
