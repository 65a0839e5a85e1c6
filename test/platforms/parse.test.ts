import { describe, expect, test } from 'vitest';
import { formatPlatform, parsePlatform } from '../../src/platforms/normalize.js';
import type { Platform } from '../../src/platforms/platform.js';

// [specifier, normalized platform, canonical printed form]
const valid: [string, Platform, string][] = [
  ['linux/amd64', { os: 'linux', architecture: 'amd64' }, 'linux/amd64'],
  ['linux/arm64/v8', { os: 'linux', architecture: 'arm64' }, 'linux/arm64'],
  ['linux/arm64', { os: 'linux', architecture: 'arm64' }, 'linux/arm64'],
  ['linux/arm64/v8.2', { os: 'linux', architecture: 'arm64', variant: 'v8.2' }, 'linux/arm64/v8.2'],
  ['linux/arm', { os: 'linux', architecture: 'arm', variant: 'v7' }, 'linux/arm/v7'],
  ['linux/arm/v6', { os: 'linux', architecture: 'arm', variant: 'v6' }, 'linux/arm/v6'],
  ['linux/arm/7', { os: 'linux', architecture: 'arm', variant: 'v7' }, 'linux/arm/v7'],
  ['linux/armhf', { os: 'linux', architecture: 'arm', variant: 'v7' }, 'linux/arm/v7'],
  ['linux/amd64/v1', { os: 'linux', architecture: 'amd64' }, 'linux/amd64'],
  ['linux/amd64/v3', { os: 'linux', architecture: 'amd64', variant: 'v3' }, 'linux/amd64/v3'],
  ['Linux/X86_64', { os: 'linux', architecture: 'amd64' }, 'linux/amd64'],
  ['arm64', { os: 'linux', architecture: 'arm64' }, 'linux/arm64'],
  ['aarch64', { os: 'linux', architecture: 'arm64' }, 'linux/arm64'],
  ['x86_64', { os: 'linux', architecture: 'amd64' }, 'linux/amd64'],
  ['i686', { os: 'linux', architecture: '386' }, 'linux/386'],
  ['arm', { os: 'linux', architecture: 'arm', variant: 'v7' }, 'linux/arm/v7'],
  ['armel', { os: 'linux', architecture: 'arm', variant: 'v6' }, 'linux/arm/v6'],
  ['armv7l', { os: 'linux', architecture: 'arm', variant: 'v7' }, 'linux/arm/v7'],
  ['ppc64le', { os: 'linux', architecture: 'ppc64le' }, 'linux/ppc64le'],
  ['  s390x ', { os: 'linux', architecture: 's390x' }, 'linux/s390x'],
  ['windows/amd64', { os: 'windows', architecture: 'amd64' }, 'windows/amd64'],
  [
    'windows(10.0.17763)/amd64',
    { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763' },
    'windows/amd64',
  ],
  ['macos/arm64', { os: 'darwin', architecture: 'arm64' }, 'darwin/arm64'],
  ['unknown/unknown', { os: 'unknown', architecture: 'unknown' }, 'unknown/unknown'],
  ['freebsd/riscv64', { os: 'freebsd', architecture: 'riscv64' }, 'freebsd/riscv64'],
];

describe('parsePlatform', () => {
  test.each(valid)('%s', (spec, platform, printed) => {
    const parsed = parsePlatform(spec);
    expect(parsed).toStrictEqual(platform);
    expect(formatPlatform(parsed as Platform)).toBe(printed);
  });

  test.each(valid)('round-trips the printed form of %s', (_spec, _platform, printed) => {
    const again = parsePlatform(printed);
    expect('error' in again).toBe(false);
    expect(formatPlatform(again as Platform)).toBe(printed);
  });

  test.each<[string, RegExp]>([
    ['', /empty platform/],
    ['   ', /empty platform/],
    ['linux/', /empty architecture/],
    ['/amd64', /empty OS/],
    ['linux/arm/', /empty variant/],
    ['linux//v7', /empty architecture/],
    ['a/b/c/d', /too many/],
    ['linux/arm64/v8/extra', /too many/],
    ['linux', /names an OS but no architecture/],
    ['windows', /names an OS but no architecture/],
    ['macos', /darwin\/<arch>/],
    ['amd46', /unknown architecture/],
    ['unknown', /unknown architecture/],
    ['linux/*', /wildcards/],
    ['linux/am d64', /invalid architecture/],
    ['linux/arm/v7+', /invalid variant/],
    ['lin ux/amd64', /invalid OS/],
    ['windows(10.0/amd64', /invalid OS/],
  ])('rejects %j', (spec, message) => {
    const parsed = parsePlatform(spec);
    expect(parsed).toHaveProperty('error');
    expect((parsed as { error: string }).error).toMatch(message);
  });
});
