import { describe, expect, test } from 'vitest';
import {
  formatPlatform,
  isUnknownPlatform,
  normalizePlatform,
  type RawPlatform,
} from '../../src/platforms/normalize.js';
import type { Platform } from '../../src/platforms/platform.js';

const linux = (architecture: string, variant?: string): Platform =>
  variant === undefined ? { os: 'linux', architecture } : { os: 'linux', architecture, variant };

// [raw platform, normalized platform]; sources: containerd/platforms database.go normalizeArch/normalizeOS.
const rows: [RawPlatform, Platform][] = [
  // amd64 aliases; v1 is amd64's default variant
  [{ os: 'linux', architecture: 'amd64' }, linux('amd64')],
  [{ os: 'linux', architecture: 'x86_64' }, linux('amd64')],
  [{ os: 'linux', architecture: 'x86-64' }, linux('amd64')],
  [{ os: 'linux', architecture: 'X86_64' }, linux('amd64')],
  [{ os: 'linux', architecture: 'amd64', variant: 'v1' }, linux('amd64')],
  [{ os: 'linux', architecture: 'amd64', variant: '1' }, linux('amd64')],
  [{ os: 'linux', architecture: 'amd64', variant: 'v2' }, linux('amd64', 'v2')],
  [{ os: 'linux', architecture: 'x86_64', variant: 'V3' }, linux('amd64', 'v3')],
  [{ os: 'linux', architecture: 'amd64', variant: '4' }, linux('amd64', 'v4')],
  // 32-bit x86
  [{ os: 'linux', architecture: '386' }, linux('386')],
  [{ os: 'linux', architecture: 'i386' }, linux('386')],
  [{ os: 'linux', architecture: 'i486' }, linux('386')],
  [{ os: 'linux', architecture: 'i586' }, linux('386')],
  [{ os: 'linux', architecture: 'i686' }, linux('386')],
  [{ os: 'linux', architecture: 'x86' }, linux('386')],
  [{ os: 'linux', architecture: 'i386', variant: 'sse2' }, linux('386')],
  // arm64: v8 is the default, other variants become vX.Y
  [{ os: 'linux', architecture: 'arm64' }, linux('arm64')],
  [{ os: 'linux', architecture: 'aarch64' }, linux('arm64')],
  [{ os: 'linux', architecture: 'AArch64' }, linux('arm64')],
  [{ os: 'linux', architecture: 'arm64', variant: 'v8' }, linux('arm64')],
  [{ os: 'linux', architecture: 'arm64', variant: '8' }, linux('arm64')],
  [{ os: 'linux', architecture: 'arm64', variant: 'v8.0' }, linux('arm64')],
  [{ os: 'linux', architecture: 'arm64', variant: '' }, linux('arm64')],
  [{ os: 'linux', architecture: 'arm64', variant: 'armv8' }, linux('arm64')],
  [{ os: 'linux', architecture: 'arm64', variant: 'v8.2' }, linux('arm64', 'v8.2')],
  [{ os: 'linux', architecture: 'aarch64', variant: '8.1' }, linux('arm64', 'v8.1')],
  [{ os: 'linux', architecture: 'arm64', variant: 'v9.0' }, linux('arm64', 'v9')],
  [{ os: 'linux', architecture: 'arm64', variant: '9' }, linux('arm64', 'v9')],
  // 32-bit arm: v7 is the default and stays explicit
  [{ os: 'linux', architecture: 'arm' }, linux('arm', 'v7')],
  [{ os: 'linux', architecture: 'arm', variant: '' }, linux('arm', 'v7')],
  [{ os: 'linux', architecture: 'arm', variant: '7' }, linux('arm', 'v7')],
  [{ os: 'linux', architecture: 'arm', variant: 'v7' }, linux('arm', 'v7')],
  [{ os: 'linux', architecture: 'arm', variant: '5' }, linux('arm', 'v5')],
  [{ os: 'linux', architecture: 'arm', variant: '6' }, linux('arm', 'v6')],
  [{ os: 'linux', architecture: 'arm', variant: '8' }, linux('arm', 'v8')],
  [{ os: 'linux', architecture: 'arm', variant: 'armv7' }, linux('arm', 'v7')],
  [{ os: 'linux', architecture: 'arm', variant: 'V6' }, linux('arm', 'v6')],
  [{ os: 'linux', architecture: 'armhf' }, linux('arm', 'v7')],
  [{ os: 'linux', architecture: 'armel' }, linux('arm', 'v6')],
  [{ os: 'linux', architecture: 'armhf', variant: 'v6' }, linux('arm', 'v7')],
  [{ os: 'linux', architecture: 'armv7' }, linux('arm', 'v7')],
  [{ os: 'linux', architecture: 'armv7l' }, linux('arm', 'v7')],
  [{ os: 'linux', architecture: 'armv6l' }, linux('arm', 'v6')],
  [{ os: 'linux', architecture: 'armv5tel' }, linux('arm', 'v5')],
  [{ os: 'linux', architecture: 'armv8l' }, linux('arm', 'v8')],
  // unknown variants pass through lowercased (containers/image *-variants.json)
  [
    { os: 'linux', architecture: 'arm', variant: 'unrecognized-present' },
    linux('arm', 'unrecognized-present'),
  ],
  // other architectures pass through lowercased
  [{ os: 'linux', architecture: 'ppc64le' }, linux('ppc64le')],
  [{ os: 'linux', architecture: 'S390X' }, linux('s390x')],
  [{ os: 'linux', architecture: 'riscv64' }, linux('riscv64')],
  [{ os: 'linux', architecture: 'mips64le' }, linux('mips64le')],
  [{ os: 'linux', architecture: 'loong64' }, linux('loong64')],
  // operating systems
  [{ os: 'Linux', architecture: 'amd64' }, linux('amd64')],
  [
    { os: 'macos', architecture: 'arm64' },
    { os: 'darwin', architecture: 'arm64' },
  ],
  [
    { os: 'MacOS', architecture: 'x86_64' },
    { os: 'darwin', architecture: 'amd64' },
  ],
  [
    { os: 'WINDOWS', architecture: 'AMD64' },
    { os: 'windows', architecture: 'amd64' },
  ],
  [
    { os: 'windows', architecture: 'amd64', 'os.version': '10.0.17763.7136' },
    { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.7136' },
  ],
  [
    { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.2322' },
    { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.2322' },
  ],
  [{ os: ' linux ', architecture: ' arm64 ' }, linux('arm64')],
  // an absent OS is not guessed (containerd would take the host's)
  [{ architecture: 'amd64' }, { os: '', architecture: 'amd64' }],
  [{}, { os: '', architecture: '' }],
  // buildkit attestation manifests
  [
    { os: 'unknown', architecture: 'unknown' },
    { os: 'unknown', architecture: 'unknown' },
  ],
];

describe('normalizePlatform', () => {
  test.each(rows)('%o', (raw, expected) => {
    expect(normalizePlatform(raw)).toStrictEqual(expected);
  });

  test('is idempotent on every row', () => {
    for (const [raw] of rows) {
      const once = normalizePlatform(raw);
      expect(normalizePlatform(once)).toStrictEqual(once);
    }
  });

  test.each([
    ['non-string architecture', { os: 'linux', architecture: 64 }],
    ['null fields', { os: null, architecture: null, variant: null, 'os.version': null }],
    ['object variant', { os: 'linux', architecture: 'arm', variant: { v: 7 } }],
  ])('treats %s as absent instead of throwing', (_name, raw) => {
    expect(() => normalizePlatform(raw as unknown as RawPlatform)).not.toThrow();
  });
});

describe('formatPlatform', () => {
  test.each<[Platform, string]>([
    [{ os: 'linux', architecture: 'arm64', variant: 'v8' }, 'linux/arm64'],
    [{ os: 'linux', architecture: 'arm' }, 'linux/arm/v7'],
    [{ os: 'linux', architecture: 'x86_64' }, 'linux/amd64'],
    [{ os: 'linux', architecture: 'amd64', variant: 'v3' }, 'linux/amd64/v3'],
    [{ os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.1' }, 'windows/amd64'],
    [{ os: 'unknown', architecture: 'unknown' }, 'unknown/unknown'],
    [{ os: '', architecture: 'amd64' }, 'unknown/amd64'],
    [{ os: '', architecture: '' }, 'unknown/unknown'],
  ])('%o prints %s', (p, expected) => {
    expect(formatPlatform(p)).toBe(expected);
  });
});

describe('isUnknownPlatform', () => {
  test.each<[Platform, boolean]>([
    [{ os: 'unknown', architecture: 'unknown' }, true],
    [{ os: 'Unknown', architecture: 'UNKNOWN' }, true],
    [{ os: '', architecture: '' }, true],
    [{ os: 'linux', architecture: 'unknown' }, false],
    [{ os: 'unknown', architecture: 'amd64' }, false],
    [{ os: 'linux', architecture: 'amd64' }, false],
  ])('%o -> %s', (p, expected) => {
    expect(isUnknownPlatform(p)).toBe(expected);
  });
});
