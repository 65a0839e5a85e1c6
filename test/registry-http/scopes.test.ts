import { expect, test } from 'vitest';
import { MAX_SCOPE_BYTES, batchScopes } from '../../src/registry/http/auth.js';
import { parseRemaining } from '../../src/registry/http/usage.js';

const scope = (i: number) => `repository:library/image-${String(i).padStart(3, '0')}:pull`;

test.each([
  ['none', 0, 100, []],
  ['a few fit one token', 3, MAX_SCOPE_BYTES, [3]],
  ['150 Docker Hub repositories take two tokens', 150, MAX_SCOPE_BYTES, [89, 61]],
  ['each batch stays under the limit', 10, 200, [4, 4, 2]],
])('%s', (_name, n, max, sizes) => {
  const batches = batchScopes(
    Array.from({ length: n }, (_, i) => scope(i)),
    max,
  );
  expect(batches.map((b) => b.length)).toEqual(sizes);
  for (const batch of batches) {
    const bytes = batch.reduce((sum, s) => sum + '&scope='.length + encodeURIComponent(s).length, 0);
    expect(bytes <= max || batch.length === 1).toBe(true);
  }
});

test('duplicates are asked for once, and a scope longer than the limit still goes, alone', () => {
  const long = `repository:${'x'.repeat(300)}:pull`;
  expect(batchScopes([scope(1), scope(1), long], 100)).toEqual([[scope(1)], [long]]);
});

test.each([
  ['76;w=21600', 76],
  ['0', 0],
  [' 12 ;w=60', 12],
  ['lots', undefined],
  [undefined, undefined],
  ['-1;w=1', undefined],
])('ratelimit-remaining %j is %j', (value, expected) => {
  expect(parseRemaining(value)).toBe(expected);
});
