import { canonicalImage, type ImageRef } from '../../src/images/reference.js';
import type { Platform } from '../../src/platforms/platform.js';
import type { ImageSource, Resolution } from '../../src/registry/source.js';

/** `linux/<arch>[/<variant>]` as a Platform. */
export const linux = (architecture: string, variant?: string): Platform =>
  variant ? { os: 'linux', architecture, variant } : { os: 'linux', architecture };

export const index = (...platforms: Platform[]): Resolution => ({
  kind: 'index',
  digest: `sha256:${'a'.repeat(64)}`,
  platforms,
});

/**
 * An ImageSource answering from a table keyed by canonical reference (an Error entry is thrown), counting the
 * calls per reference. References missing from the table are `not-found`, so a typo in a test shows up.
 */
export class TableImageSource implements ImageSource {
  readonly calls = new Map<string, number>();

  constructor(private readonly table: Readonly<Record<string, Resolution | Error>>) {}

  async resolve(ref: ImageRef): Promise<Resolution> {
    const key = canonicalImage(ref);
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    const entry = this.table[key];
    if (entry instanceof Error) throw entry;
    return entry ?? { kind: 'error', cause: 'not-found', reason: `${key} is not in the test table` };
  }
}

export const DIGEST_PIN = `sha256:${'0'.repeat(64)}`;

/** What every engine test resolves against: platforms by canonical reference. */
export function imageTable() {
  return new TableImageSource({
    'example.com/multi:1.0': index(linux('amd64'), linux('arm64')),
    'example.com/multi:latest': index(linux('amd64'), linux('arm64')),
    'example.com/amd64-only:1.0': {
      kind: 'single',
      digest: `sha256:${'b'.repeat(64)}`,
      platform: linux('amd64'),
    },
    'example.com/unreachable:1.0': { kind: 'error', cause: 'unreachable', reason: 'connection refused' },
    [`example.com/multi@${DIGEST_PIN}`]: {
      kind: 'error',
      cause: 'integrity',
      reason: 'the served manifest hashes to sha256:1111',
    },
    'example.com/throws:1.0': new Error('boom'),
  });
}
