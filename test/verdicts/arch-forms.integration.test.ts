import { describe, expect, test } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { chooseClusters } from '../../src/engine/clusters.js';
import { emptyConfig } from '../../src/config/defaults.js';
import { formatPlatform } from '../../src/platforms/normalize.js';
import { PARSE_CASES, title } from './cases/index.js';
import { deployment, imageRef, runCli } from './harness.js';

/** A platform as people write it, and the pool it makes: the same everywhere a platform is taken. */
const forms: [written: string, platform: string, osVersion?: string][] = [
  ['arm64', 'linux/arm64'],
  ['arm64/v8', 'linux/arm64'],
  ['aarch64', 'linux/arm64'],
  ['arm64/v8.2', 'linux/arm64/v8.2'],
  ['linux/arm64', 'linux/arm64'],
  ['linux/arm64/v8', 'linux/arm64'],
  ['linux/arm/v7', 'linux/arm/v7'],
  ['arm/v6', 'linux/arm/v6'],
  ['x86_64', 'linux/amd64'],
  ['linux/amd64/v3', 'linux/amd64/v3'],
  ['windows/amd64', 'windows/amd64'],
  ['windows(10.0.20348)/amd64', 'windows/amd64', '10.0.20348'],
];

const rejected: [written: string, message: string][] = [
  ['linux', 'names an OS but no architecture'],
  ['amd46', 'unknown architecture; use one of amd64, arm64, arm/v7'],
  ['linx/amd64', '"linx": unknown OS'],
  ['arm64/v8/x', '"arm64": unknown OS'],
  ['linux/amd46', '"amd46": unknown architecture'],
];

/** Runs the CLI with the platform given as `--arch`, or as a config pool's `arch:`; the image publishes `platform`. */
async function run(where: 'flag' | 'config', written: string, platform: string) {
  const [os = '', architecture = '', variant] = platform.split('/');
  return runCli({
    objects: [deployment('app', imageRef('app'))],
    config:
      where === 'config' ? { clusters: [{ name: 'c', nodePools: [{ name: 'p', arch: written }] }] } : {},
    images: [{ name: 'app', platforms: [variant ? { os, architecture, variant } : { os, architecture }] }],
    ...(where === 'flag' ? { args: ['--arch', written] } : {}),
  });
}

describe('one platform parser for --arch, architectures and arch:', () => {
  test.each(forms)('action input architectures: %s is %s', (written, platform, osVersion) => {
    const { architectures } = readInputs((name) => (name === 'architectures' ? `amd64, ${written}` : ''));
    const [, pool] = chooseClusters(emptyConfig(), architectures).clusters[0]!.nodePools;
    expect(formatPlatform(pool!.platform)).toBe(platform);
    expect(pool!.platform.osVersion).toBe(osVersion);
  });

  test.each(forms.flatMap(([w, p]) => (['flag', 'config'] as const).map((where) => [where, w, p] as const)))(
    'CLI %s: %s is a %s pool that runs %s images',
    async (where, written, platform) => {
      const { report, error } = await run(where, written, platform);
      expect(error).toBeUndefined();
      expect(report!.clusters[0]!.nodePools.map((p) => p.platform)).toEqual([platform]);
      expect(report!.findings.filter((f) => f.rule === 'image-arch-mismatch')).toEqual([]);
    },
  );

  test.each(
    rejected.flatMap(([w, m]) => (['flag', 'config'] as const).map((where) => [where, w, m] as const)),
  )('CLI %s: %s is a configuration error (%s)', async (where, written, message) => {
    const { error } = await run(where, written, 'linux/amd64');
    expect(error).toMatch(/^exit 2: /);
    expect(error).toContain(message);
  });
});

describe('a platform that parses but is probably not meant', () => {
  test.each([
    ['flag', 'x86', '--arch: "x86" means 32-bit x86 (linux/386); for 64-bit x86 (x86_64) nodes write amd64.'],
    ['config', 'x86', 'clusters[0].nodePools[0].arch: "x86" means 32-bit x86 (linux/386)'],
    ['config', 'linux/x86', '"linux/x86" means 32-bit x86 (linux/386)'],
  ] as const)('CLI %s: %s is a 386 pool, with a notice saying so', async (where, written, notice) => {
    const { report, error } = await run(where, written, 'linux/386');
    expect(error).toBeUndefined();
    expect(report!.clusters[0]!.nodePools.map((p) => p.platform)).toEqual(['linux/386']);
    expect(report!.notices.join('\n')).toContain(notice);
  });

  test.each([['flag'], ['config']] as const)('CLI %s: 386 and amd64 say nothing', async (where) => {
    for (const written of ['386', 'amd64']) {
      const { report } = await run(where, written, written === '386' ? 'linux/386' : 'linux/amd64');
      expect(report!.notices.filter((n) => n.includes('32-bit'))).toEqual([]);
    }
  });
});

/** containerd's parser table through `--arch`: the pool it makes, or the usage error. */
describe('containerd platform specifiers, end to end', () => {
  test.each(PARSE_CASES.map((c) => [title(c), c] as const))('%s', async (_title, c) => {
    const want = c.archcheck ?? c.upstream;
    const { report, error } = await run('flag', c.name, typeof want === 'string' ? want : 'linux/amd64');
    if (typeof want === 'object') {
      expect(error).toMatch(/^exit 2: /);
      expect(error).toContain(want.error);
    } else {
      expect(error).toBeUndefined();
      expect(report!.clusters[0]!.nodePools.map((p) => p.platform)).toEqual([want]);
      expect(report!.findings.filter((f) => f.rule === 'image-arch-mismatch')).toEqual([]);
    }
  });
});
