import { expect, test } from 'vitest';
import { fingerprint, type FingerprintFields } from '../../src/baseline/fingerprint.js';

const base: FingerprintFields = {
  rule: 'image-arch-mismatch',
  file: 'deploy/web.yaml',
  cluster: 'prod',
  workload: { kind: 'Deployment', name: 'web', namespace: 'shop' },
  container: 'app',
  image: 'example.com/app:1.0',
  platforms: ['linux/arm64', 'linux/arm/v7'],
};

test.each<[string, Partial<FingerprintFields>, boolean]>([
  ['another file (renamed)', { file: 'apps/web.yaml' }, true],
  ['another tag', { image: 'example.com/app:2.0' }, true],
  ['a digest instead of a tag', { image: `example.com/app@sha256:${'0'.repeat(64)}` }, true],
  ['the same image spelled canonically', { image: 'example.com/app:1.0' }, true],
  ['platforms in another order', { platforms: ['linux/arm/v7', 'linux/arm64'] }, true],
  ['another rule', { rule: 'no-eligible-nodes' }, false],
  ['another cluster', { cluster: 'staging' }, false],
  ['another namespace', { workload: { kind: 'Deployment', name: 'web', namespace: 'other' } }, false],
  ['another kind', { workload: { kind: 'StatefulSet', name: 'web', namespace: 'shop' } }, false],
  ['another container', { container: 'sidecar' }, false],
  ['another repository', { image: 'example.com/other:1.0' }, false],
  ['other platforms', { platforms: ['linux/arm64'] }, false],
])('%s: same fingerprint = %s', (_name, change, same) => {
  expect(fingerprint({ ...base, ...change }) === fingerprint(base)).toBe(same);
});

test('docker.io short names fingerprint like their canonical form', () => {
  expect(fingerprint({ ...base, image: 'nginx:1.25' })).toBe(
    fingerprint({ ...base, image: 'docker.io/library/nginx:1.27' }),
  );
});

test('a finding about no workload is told apart by its file', () => {
  const parse = { rule: 'yaml-parse-error', file: 'a.yaml' };
  expect(fingerprint(parse)).not.toBe(fingerprint({ ...parse, file: 'b.yaml' }));
});
