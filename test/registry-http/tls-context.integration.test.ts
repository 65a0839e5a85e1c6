import tls from 'node:tls';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseAllowList } from '../../src/registry/http/allow-list.js';
import { createDispatcher } from '../../src/registry/http/dispatcher.js';
import { NetworkGuard } from '../../src/registry/http/guard.js';
import type { FaultProxy } from '../support/fault-proxy.js';
import type { ForwardProxy } from '../support/forward-proxy.js';
import { type TlsFront, startTlsFront } from '../support/tls-front.js';
import type { KeyPair } from '../support/tls.js';
import type { World } from '../support/world.js';

/**
 * Issue 14: one TLS secure context per run, whatever the CA settings. Given `ca`, Node would build one per
 * connection (75 ms of CPU each with the bundled roots); here every connection must share the first.
 */
let world: World;
let tlsFront: FaultProxy;
let cert: KeyPair;
let forward: ForwardProxy;
let front: TlsFront | undefined;

beforeAll(async () => {
  front = await startTlsFront('context-tls');
  ({ world, tlsFront, cert, forward } = front);
});
afterAll(() => front?.stop());

const CONNECTIONS = 4;

/** [scenario, env, status every request ends with (undefined: TLS fails)] */
const cases: [string, () => Record<string, string>, number | undefined][] = [
  ['the CA in NODE_EXTRA_CA_CERTS', () => ({ NODE_EXTRA_CA_CERTS: cert.certPath }), 200],
  ['no extra CA (the server is not trusted)', () => ({}), undefined],
  ['an unreadable NODE_EXTRA_CA_CERTS', () => ({ NODE_EXTRA_CA_CERTS: '/nonexistent/ca.pem' }), undefined],
  [
    'HTTPS_PROXY with the CA in NODE_EXTRA_CA_CERTS',
    () => ({ HTTPS_PROXY: forward.url, NODE_EXTRA_CA_CERTS: cert.certPath }),
    200,
  ],
];

test.each(cases)('one secure context for %s, however many connections', async (_name, env, status) => {
  const made: tls.SecureContext[] = [];
  const allow = parseAllowList(['127.0.0.0/8'], 'test');
  if ('error' in allow) throw new Error(allow.error);
  const { dispatcher } = createDispatcher({
    env: env(),
    connections: CONNECTIONS,
    guard: new NetworkGuard(allow),
    createSecureContext: (options) => {
      const context = tls.createSecureContext(options);
      made.push(context);
      return context;
    },
  });
  const before = tlsFront.connections();
  const answers = await Promise.all(
    Array.from({ length: CONNECTIONS * 2 }, () =>
      dispatcher
        // `reset` closes each connection after its answer: every request dials anew.
        .request({ origin: tlsFront.url, path: '/v2/', method: 'GET', reset: true })
        .then(
          async (res) => {
            await res.body.dump();
            return res.statusCode;
          },
          () => undefined,
        ),
    ),
  );
  await dispatcher.close();
  expect(answers).toEqual(Array.from({ length: CONNECTIONS * 2 }, () => status));
  expect(tlsFront.connections() - before).toBeGreaterThanOrEqual(CONNECTIONS * 2);
  expect(made).toHaveLength(1);
});

test('plain HTTP builds no secure context at all', async () => {
  let made = 0;
  const allow = parseAllowList(['127.0.0.0/8'], 'test');
  if ('error' in allow) throw new Error(allow.error);
  const { dispatcher } = createDispatcher({
    env: { NODE_EXTRA_CA_CERTS: cert.certPath },
    connections: 2,
    guard: new NetworkGuard(allow),
    createSecureContext: (options) => {
      made++;
      return tls.createSecureContext(options);
    },
  });
  const res = await dispatcher.request({ origin: world.open.url, path: '/v2/', method: 'GET' });
  await res.body.dump();
  await dispatcher.close();
  expect(res.statusCode).toBe(200);
  expect(made).toBe(0);
});
