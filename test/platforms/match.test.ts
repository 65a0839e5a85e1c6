import { describe, expect, test } from 'vitest';
import { comparePlatforms, nodeRuns, nodeRunsAny, samePlatform } from '../../src/platforms/match.js';
import { formatPlatform, parsePlatform } from '../../src/platforms/normalize.js';
import type { Platform } from '../../src/platforms/platform.js';

/** Test shorthand: a specifier that must parse; `@build` appends an os.version. */
function p(spec: string): Platform {
  const [body = '', osVersion] = spec.split('@');
  const parsed = parsePlatform(body);
  if ('error' in parsed) throw new Error(parsed.error);
  return osVersion === undefined ? parsed : { ...parsed, osVersion };
}

// [node, image, runs?]
const rows: [string, string, boolean][] = [
  // same platform, aliases on either side
  ['linux/amd64', 'linux/amd64', true],
  ['linux/amd64', 'linux/x86_64', true],
  ['linux/x86-64', 'linux/amd64/v1', true],
  ['linux/arm64', 'linux/arm64/v8', true],
  ['linux/aarch64', 'linux/arm64', true],
  ['linux/s390x', 'linux/s390x', true],
  ['linux/ppc64le', 'linux/ppc64le', true],
  ['linux/riscv64', 'linux/riscv64', true],
  // the OS must match
  ['linux/amd64', 'windows/amd64', false],
  ['windows/amd64', 'linux/amd64', false],
  ['darwin/arm64', 'linux/arm64', false],
  ['macos/arm64', 'darwin/arm64', true],
  // different architectures
  ['linux/amd64', 'linux/arm64', false],
  ['linux/arm64', 'linux/amd64', false],
  ['linux/ppc64le', 'linux/s390x', false],
  ['linux/riscv64', 'linux/amd64', false],
  // amd64 runs 386, not the other way round
  ['linux/amd64', 'linux/386', true],
  ['linux/amd64', 'linux/i686', true],
  ['linux/amd64/v3', 'linux/386', true],
  ['linux/386', 'linux/amd64', false],
  ['windows/amd64', 'windows/386', true],
  // amd64 microarchitecture levels
  ['linux/amd64/v3', 'linux/amd64', true],
  ['linux/amd64/v3', 'linux/amd64/v2', true],
  ['linux/amd64/v3', 'linux/amd64/v3', true],
  ['linux/amd64/v3', 'linux/amd64/v4', false],
  ['linux/amd64', 'linux/amd64/v2', false],
  ['linux/amd64/v2', 'linux/amd64/v1', true],
  // arm/vN runs vN down to v5
  ['linux/arm/v7', 'linux/arm/v7', true],
  ['linux/arm/v7', 'linux/arm/v6', true],
  ['linux/arm/v7', 'linux/arm/v5', true],
  ['linux/arm/v7', 'linux/arm/v8', false],
  ['linux/arm/v6', 'linux/arm/v7', false],
  ['linux/arm/v6', 'linux/arm/v5', true],
  ['linux/arm/v5', 'linux/arm/v6', false],
  ['linux/arm/v8', 'linux/arm/v7', true],
  ['linux/arm', 'linux/armhf', true],
  ['linux/armel', 'linux/arm', false],
  ['linux/arm/v7', 'linux/arm64', false],
  // arm64 does NOT run 32-bit arm unless the pool says aarch32 (issue #2; containerd would)
  ['linux/arm64', 'linux/arm/v7', false],
  ['linux/arm64', 'linux/arm/v6', false],
  ['linux/arm64', 'linux/arm/v8', false],
  ['linux/arm64/v8.2', 'linux/arm/v7', false],
  // arm64 variants: a node runs its variant or lower
  ['linux/arm64/v8.1', 'linux/arm64', true],
  ['linux/arm64/v8.1', 'linux/arm64/v8.1', true],
  ['linux/arm64/v8.1', 'linux/arm64/v8.2', false],
  ['linux/arm64', 'linux/arm64/v8.1', false],
  ['linux/arm64/v9', 'linux/arm64/v8.5', true],
  ['linux/arm64/v9', 'linux/arm64/v8.6', false],
  ['linux/arm64/v9.2', 'linux/arm64/v8.7', true],
  ['linux/arm64/v9.2', 'linux/arm64/v9.1', true],
  ['linux/arm64/v8.9', 'linux/arm64/v9', false],
  // unrecognised variants only match themselves
  ['linux/arm/unrecognized-present', 'linux/arm/unrecognized-present', true],
  ['linux/arm/v7', 'linux/arm/unrecognized-present', false],
  ['linux/arm/unrecognized-present', 'linux/arm/v5', false],
  // attestations are not runnable
  ['linux/amd64', 'unknown/unknown', false],
  ['unknown/unknown', 'unknown/unknown', false],
  // windows: before ltsc2022 the builds must be equal; from ltsc2022 on, the previous LTSC up to the host's build
  // (the upstream table is in test/verdicts/cases/containerd.ts)
  ['windows/amd64@10.0.17763.5458', 'windows/amd64@10.0.17763.7136', true],
  ['windows/amd64@10.0.20348.2322', 'windows/amd64@10.0.17763.7136', false],
  ['windows/amd64@10.0.17763.5458', 'windows/amd64@10.0.20348.3453', false],
  ['windows/amd64@10.0.26100.1', 'windows/amd64@10.0.20348.3453', true],
  ['windows/amd64@10.0.17763.1', 'windows/amd64@6.3.17763.1', false],
  ['windows/amd64@10.0.20348.1', 'windows/amd64@10.0.x.1', false],
  ['windows/amd64', 'windows/amd64@10.0.26100.3775', true],
  ['windows/amd64@10.0.17763.1', 'windows/amd64', true],
  ['windows/amd64@10.0', 'windows/amd64@10.0.20348.1', true],
  ['windows/arm64@10.0.26100.1', 'windows/amd64@10.0.26100.1', false],
];

describe('nodeRuns', () => {
  test.each(rows)('node %s runs image %s: %s', (node, image, expected) => {
    expect(nodeRuns(p(node), p(image))).toBe(expected);
  });

  test('accepts raw, non-normalized platforms on both sides', () => {
    expect(
      nodeRuns(
        { os: 'Linux', architecture: 'AARCH64' },
        { os: 'linux', architecture: 'arm64', variant: 'v8' },
      ),
    ).toBe(true);
    expect(
      nodeRuns({ os: 'linux', architecture: 'armv7l' }, { os: 'linux', architecture: 'arm', variant: '6' }),
    ).toBe(true);
  });
});

describe('nodeRunsAny', () => {
  const multi = ['linux/amd64', 'linux/arm/v6', 'unknown/unknown', 'windows/amd64@10.0.20348.1'].map(p);
  test.each<[string, readonly Platform[], boolean]>([
    ['linux/amd64', multi, true],
    ['linux/arm/v7', multi, true],
    ['linux/arm/v5', multi, false],
    ['linux/arm64', multi, false],
    ['windows/amd64@10.0.20348.9', multi, true],
    ['windows/amd64@10.0.17763.9', multi, false],
    ['linux/amd64', [], false],
    ['linux/amd64', [p('unknown/unknown')], false],
  ])('node %s', (node, images, expected) => {
    expect(nodeRunsAny(p(node), images)).toBe(expected);
  });
});

describe('comparePlatforms / samePlatform', () => {
  test('sorts by os, architecture, variant (numerically), then os.version', () => {
    const input = [
      'windows/amd64@10.0.9200.1',
      'windows/amd64@10.0.20348.1',
      'windows/amd64',
      'linux/arm/v7',
      'linux/arm64',
      'linux/arm/v10',
      'linux/amd64/v2',
      'linux/amd64',
      'linux/386',
      'darwin/arm64',
    ].map(p);
    const sorted = [...input]
      .sort(comparePlatforms)
      .map((x) => `${formatPlatform(x)}${x.osVersion ? '@' + x.osVersion : ''}`);
    expect(sorted).toEqual([
      'darwin/arm64',
      'linux/386',
      'linux/amd64',
      'linux/amd64/v2',
      'linux/arm/v7',
      'linux/arm/v10',
      'linux/arm64',
      'windows/amd64',
      'windows/amd64@10.0.9200.1',
      'windows/amd64@10.0.20348.1',
    ]);
  });

  test.each<[Platform, Platform, boolean]>([
    [{ os: 'linux', architecture: 'arm64', variant: 'v8' }, { os: 'linux', architecture: 'aarch64' }, true],
    [{ os: 'linux', architecture: 'arm' }, { os: 'linux', architecture: 'arm', variant: 'v7' }, true],
    [{ os: 'linux', architecture: 'x86_64' }, { os: 'LINUX', architecture: 'amd64', variant: 'v1' }, true],
    [
      { os: 'linux', architecture: 'arm', variant: 'v6' },
      { os: 'linux', architecture: 'arm', variant: 'v7' },
      false,
    ],
    [{ os: 'linux', architecture: 'amd64' }, { os: 'windows', architecture: 'amd64' }, false],
    [
      { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.1' },
      { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.1' },
      false,
    ],
  ])('%o vs %o -> %s', (a, b, expected) => {
    expect(samePlatform(a, b)).toBe(expected);
    expect(comparePlatforms(a, b) === 0).toBe(expected);
    expect(Math.sign(comparePlatforms(a, b)) + Math.sign(comparePlatforms(b, a))).toBe(0);
  });
});
