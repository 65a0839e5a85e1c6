import { describe, expect, test } from 'vitest';
import { poolPlatform, type PoolPlatformFields } from '../../src/platforms/node.js';
import { formatPlatform } from '../../src/platforms/normalize.js';

describe('a config pool platform', () => {
  test.each<[PoolPlatformFields, string]>([
    [{ arch: 'arm64' }, 'linux/arm64'],
    [{ arch: 'arm', variant: 'v6' }, 'linux/arm/v6'],
    [{ arch: 'amd64', os: 'windows' }, 'windows/amd64'],
    [{ arch: 'arm64/v8.2' }, 'linux/arm64/v8.2'],
    [{ arch: 'linux/arm/v7' }, 'linux/arm/v7'],
  ])('%j is %s', (fields, platform) => {
    const parsed = poolPlatform(fields);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(formatPlatform(parsed)).toBe(platform);
  });

  test('osVersion and aarch32 are carried', () => {
    expect(poolPlatform({ arch: 'amd64', os: 'windows', osVersion: '10.0.26100' })).toEqual({
      os: 'windows',
      architecture: 'amd64',
      osVersion: '10.0.26100',
    });
    expect(poolPlatform({ arch: 'arm64', aarch32: true })).toEqual({
      os: 'linux',
      architecture: 'arm64',
      aarch32: true,
    });
  });

  test.each<[PoolPlatformFields, string]>([
    [{ arch: 'linux/arm64', os: 'windows' }, 'names the OS already'],
    [{ arch: 'arm/v7', variant: 'v6' }, 'names the variant already'],
    [{ arch: 'linux/arm/v7', variant: 'v6' }, 'names the variant already'],
    [{ arch: 'windows(10.0.20348)/amd64', osVersion: '10.0.26100' }, 'names the OS version already'],
    [{ arch: 'amd64', aarch32: true }, 'aarch32 applies to arm64 pools, not amd64'],
    [{ arch: 'arm/v7', aarch32: false }, 'aarch32 applies to arm64 pools, not arm'],
  ])('%j is an error: %s', (fields, message) => {
    expect(poolPlatform(fields)).toEqual({ error: expect.stringContaining(message) as unknown });
  });
});
