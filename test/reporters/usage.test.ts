import { expect, test } from 'vitest';
import type { RegistryUsage } from '../../src/registry/http/usage.js';
import { describeUsage } from '../../src/reporters/usage.js';

const none: RegistryUsage = {
  pings: 0,
  tokens: 0,
  manifestHeads: 0,
  manifestGets: 0,
  blobGets: 0,
  cacheHits: 0,
  quotas: [],
};

test.each([
  ['no registry asked', undefined, undefined],
  ['nothing sent, nothing cached', none, undefined],
  [
    'everything from the cache',
    { ...none, cacheHits: 12 },
    'Registry requests: none; 12 read from the cache.',
  ],
  [
    'a cold run with Docker Hub counting pulls',
    {
      ...none,
      pings: 1,
      tokens: 1,
      manifestGets: 30,
      blobGets: 10,
      quotas: [{ origin: 'https://registry-1.docker.io', pulls: 30, remaining: 62 }],
    },
    'Registry requests: 1 ping, 1 token, 30 manifest GETs, 10 blob GETs. Docker Hub pulls spent: 30 (62 left).',
  ],
  [
    'another registry announcing a quota',
    { ...none, manifestHeads: 1, quotas: [{ origin: 'https://quay.example', pulls: 0, remaining: 5 }] },
    'Registry requests: 1 manifest HEAD. quay.example pulls spent: 0 (5 left).',
  ],
])('%s', (_name, usage, expected) => {
  expect(describeUsage(usage)).toBe(expected);
});
