import { expect, test } from 'vitest';
import type { Fetched } from '../../src/registry/http/client.js';
import { HeadSupport } from '../../src/registry/http/head.js';
import { type ResolutionFailure, fail } from '../../src/registry/source.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const answered = (status: number, digest?: string): Fetched => ({
  response: {
    url: 'https://registry.test/v2/app/manifests/v1',
    status,
    headers: digest ? { 'docker-content-digest': digest } : {},
    body: new Uint8Array(),
  },
});

/** What every HEAD of the origin answers, how many were sent, and the most sent at once. */
async function announceAll(
  reply: () => Fetched | ResolutionFailure,
  tags: number,
  support = new HeadSupport(),
) {
  let sent = 0;
  let inFlight = 0;
  let most = 0;
  const send = async () => {
    sent++;
    most = Math.max(most, ++inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    const r = reply();
    if (r === undefined) throw new Error('a bug in the client');
    return r;
  };
  const answers = await Promise.all(
    Array.from({ length: tags }, () => support.announce('https://registry.test', send)),
  );
  return { answers, sent, most };
}

test.each([
  ['a digest: the probe, then the rest at once', () => answered(200, DIGEST), 4, 3, { digest: DIGEST }],
  ['405: one probe, every tag read with GET', () => answered(405), 1, 1, { get: true, headWorks: false }],
  ['200 without a digest: one probe', () => answered(200), 1, 1, { get: true, headWorks: false }],
  [
    'a 5xx after retries: one probe',
    () => fail('registry-error', 'HTTP 501'),
    1,
    1,
    { get: true, headWorks: false },
  ],
  [
    'a 404 shows HEAD works: every tag HEADed, each read with GET for its error',
    () => fail('not-found', 'HTTP 404'),
    4,
    3,
    { get: true, headWorks: true },
  ],
  [
    'a timeout is reported as is, and says nothing against HEAD',
    () => fail('timeout', 'no answer'),
    4,
    3,
    { kind: 'error', cause: 'timeout' },
  ],
])('%s', async (_name, reply, sent, most, expected) => {
  const run = await announceAll(reply, 4);
  expect(run.sent).toBe(sent);
  expect(run.most).toBe(most);
  for (const answer of run.answers) expect(answer).toMatchObject(expected);
});

test('a send that throws is an internal failure, and no tag is left waiting', async () => {
  const run = await announceAll(() => undefined as unknown as Fetched, 3);
  for (const answer of run.answers) expect(answer).toMatchObject({ kind: 'error', cause: 'internal' });
});

test('a refusal after the probe succeeded turns the origin to GET for the tags that follow', async () => {
  const support = new HeadSupport();
  let calls = 0;
  await announceAll(() => answered(200, DIGEST), 1, support);
  const later = await announceAll(() => (++calls === 1 ? answered(405) : answered(200, DIGEST)), 1, support);
  expect(later.answers[0]).toEqual({ get: true, headWorks: false });
  const after = await announceAll(() => answered(200, DIGEST), 2, support);
  expect(after.sent).toBe(0);
});
