import type { Socket } from 'node:net';
import type { buildConnector } from 'undici';
import { expect, test } from 'vitest';
import { parseAllowList } from '../../src/registry/http/allow-list.js';
import {
  BLOCKED_CODE,
  NetworkGuard,
  type Resolver,
  guardedConnector,
} from '../../src/registry/http/guard.js';

/** DNS answering from a table, never the system resolver. */
const table =
  (names: Record<string, string[]>): Resolver =>
  (hostname) => {
    const addresses = names[hostname];
    if (!addresses) return Promise.reject(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }));
    return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };

function guardOf(allow: string[], names: Record<string, string[]>): NetworkGuard {
  const list = parseAllowList(allow, 'test');
  if ('error' in list) throw new Error(list.error);
  return new NetworkGuard(list, table(names));
}

/**
 * An inner connector that dials nothing: it records what it was asked to dial and fails addresses listed in
 * `refuse` with ECONNREFUSED, the rest with a fake socket.
 */
function recordingInner(refuse: string[] = []) {
  const dialled: buildConnector.Options[] = [];
  const inner: buildConnector.connector = (opts, callback) => {
    dialled.push(opts);
    if (refuse.includes(opts.hostname))
      callback(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), null);
    else callback(null, {} as Socket);
  };
  return { inner, dialled };
}

function connect(connector: buildConnector.connector, hostname: string, protocol = 'https:', port = '') {
  return new Promise<{ error: (Error & { code?: string }) | null }>((resolve) =>
    connector({ hostname, host: port ? `${hostname}:${port}` : hostname, protocol, port }, (...args) =>
      resolve({ error: args[0] }),
    ),
  );
}

// [scenario, allow list, DNS, host, port, addresses dialled (undefined: refused before dialling)]
test.each([
  ['a public name', [], { 'registry.test': ['8.8.8.8'] }, 'registry.test', '', ['8.8.8.8']],
  [
    'a name resolving to a private address',
    [],
    { 'registry.test': ['10.0.0.1'] },
    'registry.test',
    '',
    undefined,
  ],
  ['a private literal', [], {}, '192.168.1.1', '', undefined],
  [
    'an allowed private name',
    ['registry.test'],
    { 'registry.test': ['10.0.0.1'] },
    'registry.test',
    '',
    ['10.0.0.1'],
  ],
  [
    'an allowed name on another port',
    ['registry.test:5000'],
    { 'registry.test': ['10.0.0.1'] },
    'registry.test',
    '6379',
    undefined,
  ],
  [
    'an allowed name that rebinds to metadata',
    ['registry.test'],
    { 'registry.test': ['169.254.169.254'] },
    'registry.test',
    '',
    undefined,
  ],
  [
    'localhost answering on its second address',
    ['localhost'],
    { localhost: ['::1', '127.0.0.1'] },
    'localhost',
    '5000',
    ['::1', '127.0.0.1'],
  ],
])('%s', async (_, allow, names, hostname, port, dialled) => {
  const { inner, dialled: seen } = recordingInner(['::1']);
  const { error } = await connect(guardedConnector(guardOf(allow, names), inner), hostname, 'https:', port);
  if (dialled === undefined) {
    expect(error?.code).toBe(BLOCKED_CODE);
    expect(seen).toEqual([]);
  } else {
    expect(error).toBeNull();
    expect(seen.map((o) => o.hostname)).toEqual(dialled);
  }
});

test('the checked address is dialled with the name kept for TLS (SNI and certificate check)', async () => {
  const { inner, dialled } = recordingInner();
  await connect(guardedConnector(guardOf([], { 'registry.test': ['8.8.4.4'] }), inner), 'registry.test');
  expect(dialled).toEqual([expect.objectContaining({ hostname: '8.8.4.4', servername: 'registry.test' })]);
});

test('a DNS failure passes through with its code, for the unreachable-host breaker', async () => {
  const { inner, dialled } = recordingInner();
  const { error } = await connect(guardedConnector(guardOf([], {}), inner), 'nowhere.test');
  expect(error?.code).toBe('ENOTFOUND');
  expect(dialled).toEqual([]);
});
