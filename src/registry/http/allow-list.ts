import {
  type Cidr,
  type Classified,
  type IpAddress,
  inCidr,
  parseCidr,
  parseIp,
  unmapIpv4,
} from './address.js';

/**
 * One `--allow-private-registry` value: a CIDR (`10.0.0.0/8`, a bare address is a /32 or /128), or a host
 * name with an optional port (`registry.corp`, `localhost:5000`), matched against the host a URL names.
 */
export type AllowEntry =
  { kind: 'cidr'; text: string; cidr: Cidr } | { kind: 'host'; text: string; host: string; port?: number };

export type AllowList = readonly AllowEntry[];

/**
 * The blocks link-local addresses (cloud metadata: 169.254.169.254, fd00:ec2::254 aside) live in; parsed on
 * first use, as the first IPv6 parse costs start-up a few milliseconds that `oci:`-only runs never need.
 */
let linkLocalBlocks: Cidr[] | undefined;
const linkLocalBlockList = (): Cidr[] =>
  (linkLocalBlocks ??= [parseCidr('169.254.0.0/16')!, parseCidr('fe80::/10')!]);

const HOST = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

/** Splits the comma/newline separated text of the action input or the environment variable. */
export function splitAllowText(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseEntry(value: string): AllowEntry | { error: string } {
  const text = value.trim();
  if (text.includes('*')) {
    return {
      error: `"${text}": wildcards are not accepted; name the host, or a CIDR such as 10.0.0.0/8 (link-local addresses such as 169.254.169.254 need a CIDR inside 169.254.0.0/16)`,
    };
  }
  if (text.includes('/')) {
    const cidr = parseCidr(text);
    return cidr
      ? { kind: 'cidr', text, cidr }
      : { error: `"${text}" is not a CIDR such as 10.0.0.0/8 or fd00::/8` };
  }
  const literal = parseIp(text);
  if (literal) return { kind: 'cidr', text, cidr: parseCidr(text.replace(/^\[|\]$/g, ''))! };
  const port = /^(.*):(\d{1,5})$/.exec(text);
  const name = (port ? port[1]! : text).toLowerCase().replace(/\.$/, '');
  const portNumber = port ? Number(port[2]) : undefined;
  if (portNumber !== undefined && (portNumber < 1 || portNumber > 65535))
    return { error: `"${text}": port ${port![2]} is out of range` };
  const bare = name.replace(/^\[|\]$/g, '');
  if (!HOST.test(name) && !parseIp(bare)) {
    return { error: `"${text}" is not a host name, HOST:PORT, an IP address or a CIDR` };
  }
  return portNumber === undefined
    ? { kind: 'host', text, host: bare }
    : { kind: 'host', text, host: bare, port: portNumber };
}

/**
 * Parses allow-list values (trusted side only: CLI flags, action inputs, environment). `where` names the
 * flag or variable for the error message.
 */
export function parseAllowList(values: readonly string[], where: string): AllowList | { error: string } {
  const entries: AllowEntry[] = [];
  for (const value of values) {
    if (!value.trim()) continue;
    const entry = parseEntry(value);
    if ('error' in entry) return { error: `${where}: ${entry.error}` };
    entries.push(entry);
  }
  return entries;
}

/** The host and port a request goes to, and the address it would connect to when known. */
export interface Target {
  hostname: string;
  port: number;
  address?: IpAddress;
}

function hostMatches(entry: Extract<AllowEntry, { kind: 'host' }>, target: Target): boolean {
  const name = target.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  const literal = parseIp(name);
  const same = literal
    ? parseIp(entry.host) !== undefined && inCidr(literal, parseCidr(entry.host)!)
    : entry.host === name;
  return same && (entry.port === undefined || entry.port === target.port);
}

function cidrMatches(cidr: Cidr, address: IpAddress): boolean {
  return inCidr(unmapIpv4(address), cidr) || inCidr(address, cidr);
}

/**
 * Whether the allow list lets a request reach `target` whose address is of class `cls`. Link-local
 * addresses (cloud metadata) pass only a CIDR lying wholly inside a link-local block, never a host name or
 * a wide range such as 0.0.0.0/0.
 */
export function isAllowed(list: AllowList, target: Target, cls: Classified): boolean {
  const linkLocal = cls.class === 'link-local';
  return list.some((entry) => {
    if (entry.kind === 'host') return !linkLocal && hostMatches(entry, target);
    if (!target.address || !cidrMatches(entry.cidr, target.address)) return false;
    return !linkLocal || linkLocalBlockList().some((block) => withinBlock(entry.cidr, block));
  });
}

function withinBlock(inner: Cidr, outer: Cidr): boolean {
  const network = unmapIpv4(inner.network);
  const prefix = network === inner.network ? inner.prefix : inner.prefix - 96;
  return prefix >= outer.prefix && inCidr(network, outer);
}

/** Whether the user named this host (or its literal address) explicitly: what lets credentials go over plain HTTP. */
export function namesHost(list: AllowList, target: Target): boolean {
  return list.some((entry) =>
    entry.kind === 'host'
      ? hostMatches(entry, target)
      : target.address !== undefined && cidrMatches(entry.cidr, target.address),
  );
}
