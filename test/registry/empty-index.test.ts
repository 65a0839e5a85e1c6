import { describe, expect, test } from 'vitest';
import { MEDIA_TYPES, emptyIndexReason, type Descriptor } from '../../src/registry/manifest.js';

const digest = `sha256:${'a'.repeat(64)}`;
const child = (mediaType: string, platform?: Descriptor['platform']): Descriptor => ({
  mediaType,
  digest,
  size: 100,
  ...(platform ? { platform } : {}),
});

describe('emptyIndexReason: an index with no image platform is unknown, not a mismatch', () => {
  test.each([
    ['an empty index', [], /index is empty/],
    ['an index of one nested index', [child(MEDIA_TYPES.ociIndex)], /only other indexes \(1\)/],
    [
      'an index of nested Docker lists',
      [child(MEDIA_TYPES.dockerList), child(MEDIA_TYPES.ociIndex)],
      /only other indexes \(2\)/,
    ],
    [
      'an index of attestations only',
      [child(MEDIA_TYPES.ociManifest, { os: 'unknown', architecture: 'unknown' })],
      /no container image platform/,
    ],
    [
      'an image for linux/arm64',
      [child(MEDIA_TYPES.ociManifest, { os: 'linux', architecture: 'arm64' })],
      undefined,
    ],
  ])('%s', (_name, manifests, expected) => {
    const reason = emptyIndexReason(manifests);
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(expected);
  });
});
