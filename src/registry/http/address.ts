import { isIPv4, isIPv6 } from 'node:net';

/** What an address is for: only `public` is dialled without the user's say-so. */
export type AddressClass =
  'public' | 'loopback' | 'private' | 'link-local' | 'unspecified' | 'multicast' | 'reserved';

/** An IP address as bytes: 4 for IPv4, 16 for IPv6. */
export interface IpAddress {
  family: 4 | 6;
  bytes: Uint8Array;
}

export interface Cidr {
  network: IpAddress;
  prefix: number;
}

export interface Classified {
  class: AddressClass;
  /** The special-purpose block it falls in, e.g. `10.0.0.0/8`; absent for public addresses. */
  block?: string;
  /** What the block is, for messages: `private (RFC 1918)`. */
  name: string;
}

function parseV4(text: string): Uint8Array | undefined {
  if (!isIPv4(text)) return undefined;
  return Uint8Array.from(text.split('.').map(Number));
}

function parseV6(text: string): Uint8Array | undefined {
  // A zone (`fe80::1%eth0`) names an interface, not a different address.
  let s = text.replace(/%.*$/, '');
  if (!isIPv6(s)) return undefined;
  const lastColon = s.lastIndexOf(':');
  const dotted = s.slice(lastColon + 1);
  if (dotted.includes('.')) {
    const v4 = parseV4(dotted)!;
    const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
    s = `${s.slice(0, lastColon + 1)}${hex(v4[0]!, v4[1]!)}:${hex(v4[2]!, v4[3]!)}`;
  }
  const [head = '', tail] = s.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  const all = [...left, ...fill, ...right];
  const bytes = new Uint8Array(16);
  all.forEach((g, i) => {
    const n = Number.parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  });
  return bytes;
}

/** Parses a literal IPv4 (dotted quad) or IPv6 address, brackets and zone allowed; undefined for anything else. */
export function parseIp(text: string): IpAddress | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const v4 = parseV4(bare);
  if (v4) return { family: 4, bytes: v4 };
  const v6 = parseV6(bare);
  return v6 ? { family: 6, bytes: v6 } : undefined;
}

/**
 * The address a URL host denotes, after the WHATWG URL host parser (what undici dials): `2130706433`,
 * `0x7f.1`, `017700000001` and `127.1` are all 127.0.0.1 there. Undefined for a DNS name.
 */
export function hostAddress(host: string): IpAddress | undefined {
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  try {
    return parseIp(new URL(`http://${bracketed}/`).hostname);
  } catch {
    return undefined;
  }
}

export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return [...ip.bytes].join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip.bytes[i]! << 8) | ip.bytes[i + 1]!).toString(16));
  // Canonical text (RFC 5952) through the URL serializer, which compresses the longest zero run.
  return new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1);
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.lastIndexOf('/');
  const network = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (!network) return undefined;
  const max = network.family === 4 ? 32 : 128;
  if (slash < 0) return { network, prefix: max };
  const bits = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) return undefined;
  return { network, prefix: Number(bits) };
}

export function inCidr(ip: IpAddress, cidr: Cidr): boolean {
  if (ip.family !== cidr.network.family) return false;
  for (let bit = 0; bit < cidr.prefix; bit += 8) {
    const take = Math.min(8, cidr.prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((ip.bytes[bit / 8]! & mask) !== (cidr.network.bytes[bit / 8]! & mask)) return false;
  }
  return true;
}

/** The IPv4 address inside `::ffff:a.b.c.d` (RFC 4291 section 2.5.5.2), which the kernel dials as IPv4. */
export function unmapIpv4(ip: IpAddress): IpAddress {
  const mapped = ip.family === 6 && ip.bytes.subarray(0, 10).every((b) => b === 0);
  return mapped && ip.bytes[10] === 0xff && ip.bytes[11] === 0xff
    ? { family: 4, bytes: ip.bytes.slice(12) }
    : ip;
}

type Row = [block: string, cls: AddressClass, name: string];

/**
 * The special-purpose blocks (RFC 6890 and the IANA IPv4/IPv6 Special-Purpose Address Registries,
 * https://www.iana.org/assignments/iana-ipv4-special-registry and iana-ipv6-special-registry), plus
 * multicast (RFC 5771, RFC 4291) and IPv4's reserved 240/4. Most specific block wins.
 */
const V4: Row[] = [
  ['0.0.0.0/8', 'unspecified', '"this network" (RFC 791)'],
  ['10.0.0.0/8', 'private', 'private (RFC 1918)'],
  ['100.64.0.0/10', 'private', 'carrier-grade NAT shared (RFC 6598)'],
  ['127.0.0.0/8', 'loopback', 'loopback (RFC 1122)'],
  ['169.254.0.0/16', 'link-local', 'link-local, where cloud metadata services live (RFC 3927)'],
  ['172.16.0.0/12', 'private', 'private (RFC 1918)'],
  ['192.0.0.0/24', 'reserved', 'IETF protocol assignments (RFC 6890)'],
  ['192.0.2.0/24', 'reserved', 'documentation TEST-NET-1 (RFC 5737)'],
  ['192.88.99.0/24', 'reserved', '6to4 relay anycast (RFC 7526)'],
  ['192.168.0.0/16', 'private', 'private (RFC 1918)'],
  ['198.18.0.0/15', 'reserved', 'benchmarking (RFC 2544)'],
  ['198.51.100.0/24', 'reserved', 'documentation TEST-NET-2 (RFC 5737)'],
  ['203.0.113.0/24', 'reserved', 'documentation TEST-NET-3 (RFC 5737)'],
  ['224.0.0.0/4', 'multicast', 'multicast (RFC 5771)'],
  ['240.0.0.0/4', 'reserved', 'reserved and broadcast (RFC 1112, RFC 919)'],
];

const V6: Row[] = [
  ['::/128', 'unspecified', 'unspecified (RFC 4291)'],
  ['::1/128', 'loopback', 'loopback (RFC 4291)'],
  ['64:ff9b:1::/48', 'private', 'local-use NAT64 (RFC 8215)'],
  ['100::/64', 'reserved', 'discard-only (RFC 6666)'],
  ['2001::/23', 'reserved', 'IETF protocol assignments (RFC 2928)'],
  ['2001:db8::/32', 'reserved', 'documentation (RFC 3849)'],
  ['3fff::/20', 'reserved', 'documentation (RFC 9637)'],
  ['fc00::/7', 'private', 'unique local (RFC 4193)'],
  ['fe80::/10', 'link-local', 'link-local (RFC 4291)'],
  ['fec0::/10', 'private', 'deprecated site-local (RFC 3879)'],
  ['ff00::/8', 'multicast', 'multicast (RFC 4291)'],
];

const table = (rows: Row[]) =>
  rows
    .map(([block, cls, name]) => ({ block, cidr: parseCidr(block)!, cls, name }))
    .sort((a, b) => b.cidr.prefix - a.cidr.prefix);

/**
 * Parsed on first use, not at load: a run that reads only `oci:` mirrors never classifies an address, and
 * parsing the IPv6 blocks costs the CLI's start-up a few milliseconds.
 */
let blocks:
  | { v4: ReturnType<typeof table>; v6: ReturnType<typeof table>; nat64: Cidr; sixToFour: Cidr; global: Cidr }
  | undefined;
function specialBlocks(): NonNullable<typeof blocks> {
  blocks ??= {
    v4: table(V4),
    v6: table(V6),
    // Blocks that carry an IPv4 address the traffic ends up at: NAT64 (RFC 6052) and 6to4 (RFC 3056).
    nat64: parseCidr('64:ff9b::/96')!,
    sixToFour: parseCidr('2002::/16')!,
    global: parseCidr('2000::/3')!,
  };
  return blocks;
}

/** The class of an address; IPv4-mapped, NAT64 and 6to4 addresses are judged by the IPv4 address they carry. */
export function classifyAddress(address: IpAddress): Classified {
  const ip = unmapIpv4(address);
  const { v4, v6, nat64, sixToFour, global } = specialBlocks();
  if (ip !== address) return embedded(classifyAddress(ip), 'IPv4-mapped');
  if (ip.family === 6 && inCidr(ip, nat64))
    return embedded(classifyAddress({ family: 4, bytes: ip.bytes.slice(12) }), 'NAT64');
  if (ip.family === 6 && inCidr(ip, sixToFour))
    return embedded(classifyAddress({ family: 4, bytes: ip.bytes.slice(2, 6) }), '6to4');
  const row = (ip.family === 4 ? v4 : v6).find((r) => inCidr(ip, r.cidr));
  if (row) return { class: row.cls, block: row.block, name: row.name };
  if (ip.family === 6 && !inCidr(ip, global))
    return { class: 'reserved', block: '(outside 2000::/3)', name: 'not global unicast (RFC 4291)' };
  return { class: 'public', name: 'public' };
}

function embedded(inner: Classified, via: string): Classified {
  return inner.class === 'public' ? inner : { ...inner, name: `${via} ${inner.name}` };
}
