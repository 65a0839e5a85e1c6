import { describe, expect, test } from 'vitest';
import {
  type AddressClass,
  classifyAddress,
  formatIp,
  hostAddress,
  parseCidr,
  parseIp,
} from '../../src/registry/http/address.js';
import { isAllowed, namesHost, parseAllowList, splitAllowText } from '../../src/registry/http/allow-list.js';

describe('classifyAddress', () => {
  // [host as a URL or reference would name it, class, block]: RFC 6890 and the IANA special-purpose registries.
  const rows: [string, AddressClass, string | undefined][] = [
    ['127.0.0.1', 'loopback', '127.0.0.0/8'],
    ['127.255.255.254', 'loopback', '127.0.0.0/8'],
    ['2130706433', 'loopback', '127.0.0.0/8'],
    ['0x7f.1', 'loopback', '127.0.0.0/8'],
    ['017700000001', 'loopback', '127.0.0.0/8'],
    ['127.1', 'loopback', '127.0.0.0/8'],
    ['::1', 'loopback', '::1/128'],
    ['[::1]', 'loopback', '::1/128'],
    ['::ffff:127.0.0.1', 'loopback', '127.0.0.0/8'],
    ['[::ffff:7f00:1]', 'loopback', '127.0.0.0/8'],
    ['64:ff9b::7f00:1', 'loopback', '127.0.0.0/8'],
    ['2002:7f00:1::1', 'loopback', '127.0.0.0/8'],
    ['10.0.0.1', 'private', '10.0.0.0/8'],
    ['172.16.0.1', 'private', '172.16.0.0/12'],
    ['172.31.255.255', 'private', '172.16.0.0/12'],
    ['192.168.1.1', 'private', '192.168.0.0/16'],
    ['100.64.0.1', 'private', '100.64.0.0/10'],
    ['100.127.255.255', 'private', '100.64.0.0/10'],
    ['fd00::1', 'private', 'fc00::/7'],
    ['fc00::1', 'private', 'fc00::/7'],
    ['fec0::1', 'private', 'fec0::/10'],
    ['64:ff9b:1::1', 'private', '64:ff9b:1::/48'],
    ['169.254.169.254', 'link-local', '169.254.0.0/16'],
    ['::ffff:169.254.169.254', 'link-local', '169.254.0.0/16'],
    ['fe80::1', 'link-local', 'fe80::/10'],
    ['0.0.0.0', 'unspecified', '0.0.0.0/8'],
    ['0', 'unspecified', '0.0.0.0/8'],
    ['::', 'unspecified', '::/128'],
    ['224.0.0.1', 'multicast', '224.0.0.0/4'],
    ['239.255.255.250', 'multicast', '224.0.0.0/4'],
    ['ff02::1', 'multicast', 'ff00::/8'],
    ['255.255.255.255', 'reserved', '240.0.0.0/4'],
    ['240.0.0.1', 'reserved', '240.0.0.0/4'],
    ['192.0.2.1', 'reserved', '192.0.2.0/24'],
    ['198.51.100.7', 'reserved', '198.51.100.0/24'],
    ['203.0.113.9', 'reserved', '203.0.113.0/24'],
    ['198.18.0.1', 'reserved', '198.18.0.0/15'],
    ['192.0.0.8', 'reserved', '192.0.0.0/24'],
    ['2001:db8::1', 'reserved', '2001:db8::/32'],
    ['3fff::1', 'reserved', '3fff::/20'],
    ['100::1', 'reserved', '100::/64'],
    ['::7f00:1', 'reserved', '(outside 2000::/3)'],
    ['8.8.8.8', 'public', undefined],
    ['100.128.0.1', 'public', undefined],
    ['172.32.0.1', 'public', undefined],
    ['169.255.0.1', 'public', undefined],
    ['2606:4700::1111', 'public', undefined],
    ['::ffff:8.8.8.8', 'public', undefined],
    ['2002:808:808::1', 'public', undefined],
  ];
  test.each(rows)('%s is %s (%s)', (host, cls, block) => {
    const address = hostAddress(host);
    expect(address, host).toBeDefined();
    const got = classifyAddress(address!);
    expect(got.class).toBe(cls);
    expect(got.block).toBe(block);
  });

  test.each(['registry.example.com', 'localhost', 'docker.io', '127.0.0.1.nip.io'])(
    '%s is a name, not an address',
    (host) => expect(hostAddress(host)).toBeUndefined(),
  );
});

describe('parseIp, formatIp and parseCidr', () => {
  test.each([
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '::1'],
    ['::ffff:127.0.0.1', '::ffff:7f00:1'],
    ['fd00:0:0:0:0:0:0:1', 'fd00::1'],
    ['fe80::1%eth0', 'fe80::1'],
  ])('%s reads back as %s', (text, canonical) => expect(formatIp(parseIp(text)!)).toBe(canonical));

  test.each(['127.1', '2130706433', '1.2.3.4.5', 'localhost', '::g', ''])('%j is not a literal', (text) =>
    expect(parseIp(text)).toBeUndefined(),
  );

  test.each([
    ['10.0.0.0/8', 8],
    ['fd00::/8', 8],
    ['127.0.0.1', 32],
    ['::1', 128],
  ])('%s has prefix %i', (text, prefix) => expect(parseCidr(text)?.prefix).toBe(prefix));

  test.each(['10.0.0.0/33', '::/129', '10.0.0.0/x', '10.0.0.0/', 'host/8'])('%s is not a CIDR', (text) =>
    expect(parseCidr(text)).toBeUndefined(),
  );
});

describe('allow list', () => {
  test('splits comma and newline separated text', () => {
    expect(splitAllowText(' localhost:5000,\n10.0.0.0/8 \n\n')).toEqual(['localhost:5000', '10.0.0.0/8']);
    expect(splitAllowText(undefined)).toEqual([]);
  });

  test.each([
    ['*', /wildcards are not accepted/],
    ['*.corp', /wildcards are not accepted/],
    ['10.0.0.0/40', /is not a CIDR/],
    ['reg istry', /is not a host name/],
    ['localhost:99999', /port 99999 is out of range/],
  ])('%j is refused with a message naming the fix', (value, message) => {
    const got = parseAllowList([value], '--allow-private-registry');
    expect(got).toEqual({ error: expect.stringMatching(message) });
    expect((got as { error: string }).error).toMatch(/^--allow-private-registry: /);
  });

  // [allow entries, host, port, address (for hosts given by name: what it resolved to), allowed]
  const rows: [string[], string, number, string | undefined, boolean][] = [
    [[], '127.0.0.1', 5000, '127.0.0.1', false],
    [['127.0.0.0/8'], '127.0.0.1', 5000, '127.0.0.1', true],
    [['127.0.0.1'], '127.0.0.2', 5000, '127.0.0.2', false],
    [['localhost:5000'], 'localhost', 5000, '127.0.0.1', true],
    [['localhost:5000'], 'localhost', 6379, '127.0.0.1', false],
    [['localhost'], 'localhost', 22, '::1', true],
    [['127.0.0.1:5000'], '127.0.0.1', 5000, '127.0.0.1', true],
    [['127.0.0.1:5000'], '127.0.0.1', 5001, '127.0.0.1', false],
    [['[::1]:5000'], '[::1]', 5000, '::1', true],
    [['registry.corp'], 'registry.corp', 443, '10.1.2.3', true],
    [['registry.corp'], 'REGISTRY.corp.', 443, '10.1.2.3', true],
    [['registry.corp'], 'other.corp', 443, '10.1.2.3', false],
    [['10.0.0.0/8'], 'registry.corp', 443, '10.1.2.3', true],
    [['10.0.0.0/8'], '[::ffff:10.1.2.3]', 443, '::ffff:10.1.2.3', true],
    [['fd00::/8'], '[fd00::1]', 5000, 'fd00::1', true],
    [['0.0.0.0/0'], '192.168.1.1', 80, '192.168.1.1', true],
    // Link-local (metadata) needs a CIDR inside its block: no name, no wide range.
    [['0.0.0.0/0'], '169.254.169.254', 80, '169.254.169.254', false],
    [['169.254.0.0/15'], '169.254.169.254', 80, '169.254.169.254', false],
    [['metadata.internal'], 'metadata.internal', 80, '169.254.169.254', false],
    [['169.254.169.254:80'], '169.254.169.254', 80, '169.254.169.254', false],
    [['169.254.169.254/32'], '169.254.169.254', 80, '169.254.169.254', true],
    [['169.254.169.254'], '169.254.169.254', 80, '169.254.169.254', true],
    [['169.254.0.0/16'], '[::ffff:169.254.169.254]', 80, '::ffff:169.254.169.254', true],
    [['::/0'], '[fe80::1]', 80, 'fe80::1', false],
    [['fe80::/10'], '[fe80::1]', 80, 'fe80::1', true],
  ];
  test.each(rows)('%j lets %s:%i (%s) through: %s', (entries, hostname, port, address, allowed) => {
    const list = parseAllowList(entries, 'test');
    if ('error' in list) throw new Error(list.error);
    const ip = address === undefined ? undefined : parseIp(address);
    expect(isAllowed(list, { hostname, port, address: ip }, classifyAddress(ip!))).toBe(allowed);
  });

  // Plain-HTTP credentials: only to a host named outright, or a literal address in an allowed CIDR.
  test.each([
    [['127.0.0.0/8'], '127.0.0.1', true],
    [['127.0.0.0/8'], 'localhost', false],
    [['localhost'], 'localhost', true],
    [['registry.corp'], 'registry.corp', true],
    [['10.0.0.0/8'], 'registry.corp', false],
  ])('%j names %s for plain-HTTP credentials: %s', (entries, hostname, named) => {
    const list = parseAllowList(entries, 'test');
    if ('error' in list) throw new Error(list.error);
    expect(namesHost(list, { hostname, port: 80, address: hostAddress(hostname) })).toBe(named);
  });
});
