import { describe, expect, test } from 'vitest';
import { contradicts, pulledPlatform } from '../../src/deep/facts.js';
import { formatPlatform, parsePlatform } from '../../src/platforms/normalize.js';
import type { NodePlatform, Platform } from '../../src/platforms/platform.js';
import type { Resolution } from '../../src/registry/source.js';

const p = (spec: string): Platform => {
  const parsed = parsePlatform(spec);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
};
const digest = `sha256:${'a'.repeat(64)}`;
const indexOf = (...specs: string[]): Resolution => ({ kind: 'index', digest, platforms: specs.map(p) });

describe('the build a pool pulls', () => {
  test.each<[string, NodePlatform, Resolution, string | undefined]>([
    ['the exact match', p('linux/arm64'), indexOf('linux/amd64', 'linux/arm64'), 'linux/arm64'],
    [
      'the same architecture at a lower variant',
      p('linux/arm/v7'),
      indexOf('linux/arm/v6', 'linux/arm64'),
      'linux/arm/v6',
    ],
    [
      'the exact variant before a lower one',
      p('linux/arm/v7'),
      indexOf('linux/arm/v6', 'linux/arm/v7'),
      'linux/arm/v7',
    ],
    ['386 when amd64 is missing', p('linux/amd64'), indexOf('linux/386', 'linux/arm64'), 'linux/386'],
    ['nothing it cannot run', p('linux/arm64'), indexOf('linux/amd64'), undefined],
    [
      'a single image it runs',
      p('linux/amd64'),
      { kind: 'single', digest, platform: p('linux/amd64') },
      'linux/amd64',
    ],
    ['no Windows pool (deep mode reads Linux only)', p('windows/amd64'), indexOf('windows/amd64'), undefined],
    [
      'nothing for a failed resolution',
      p('linux/amd64'),
      { kind: 'error', cause: 'unreachable', reason: 'x' },
      undefined,
    ],
  ])('%s', (_name, pool, resolution, expected) => {
    const pulled = pulledPlatform(pool, resolution);
    expect(pulled && formatPlatform(pulled)).toBe(expected);
  });
});

describe('a config contradicting the index', () => {
  test.each<[string, string, string, boolean, boolean]>([
    ['another architecture', 'linux/arm64', 'linux/amd64', false, true],
    ['another OS', 'linux/amd64', 'windows/amd64', false, true],
    ['the same platform', 'linux/arm64', 'linux/arm64', false, false],
    ['no variant in the config', 'linux/arm/v6', 'linux/arm', false, false],
    ['another variant the config names', 'linux/arm/v6', 'linux/arm/v7', true, true],
    ['aarch64 spelled the other way', 'linux/arm64', 'linux/aarch64', false, false],
  ])('%s', (_name, claimed, real, variantDeclared, expected) => {
    expect(contradicts(p(claimed), { kind: 'read', real: p(real), variantDeclared })).toBe(expected);
  });
});
