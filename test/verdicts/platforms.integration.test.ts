import { describe, expect, test } from 'vitest';
import type { RawPlatform } from '../../src/platforms/normalize.js';
import { NO_AARCH32 } from './cases/containerd.js';
import { PLATFORM_CASES, expected, title, type PlatformCase } from './cases/index.js';
import { deployment, imageRef, runCli } from './harness.js';

/** A containerd specifier as a descriptor would carry it, spelled as written: `windows(10.0.17763)/amd64`. */
function rawOf(image: PlatformCase['image']): RawPlatform {
  if (typeof image !== 'string') return image;
  const [first = '', architecture = '', variant] = image.split('/');
  const m = /^([^(]+)(?:\((.*)\))?$/.exec(first);
  const raw: RawPlatform = { os: m?.[1] ?? first, architecture };
  if (variant) raw.variant = variant;
  if (m?.[2]) raw['os.version'] = m[2];
  return raw;
}

/**
 * containerd's tables through the whole CLI: per case a pool of the node platform in `.archcheck.yaml`, an OCI
 * layout publishing the image platform, and a Deployment of that image. The node runs the image exactly when
 * there is no `image-arch-mismatch`.
 */
describe('containerd verdicts, end to end', () => {
  test.each(PLATFORM_CASES.map((c) => [title(c), c] as const))('%s', async (_title, c) => {
    const { report, error } = await runCli({
      objects: [deployment('app', imageRef('app'))],
      config: {
        clusters: [
          {
            name: 'verdicts',
            nodePools: [{ name: 'node', arch: c.node, ...(c.aarch32 ? { aarch32: true } : {}) }],
          },
        ],
      },
      images: [{ name: 'app', platforms: [rawOf(c.image)] }],
    });
    expect(error).toBeUndefined();
    const mismatches = report!.findings.filter((f) => f.rule === 'image-arch-mismatch');
    expect(mismatches.map((f) => f.nodePools)).toEqual(expected(c) ? [] : [['node']]);
    expect(report!.matrix.map((m) => m.verdict)).toEqual([expected(c) ? 'runs' : 'exec-format-error']);
    // Where only the missing aarch32 declaration stands between the pool and the image, the finding says so.
    const hint = mismatches.some((f) => f.message.includes('declare aarch32: true'));
    expect(hint).toBe(c.reason === NO_AARCH32);
  });
});
