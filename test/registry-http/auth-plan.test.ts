import { expect, test } from 'vitest';
import { RecordingLogger } from '../../src/logger.js';
import { Authenticator } from '../../src/registry/http/auth.js';
import type { CredentialStore } from '../../src/registry/http/credentials.js';
import { Secrets } from '../../src/registry/http/secrets.js';
import type { HttpRequest } from '../../src/registry/http/exchange.js';
import type { SendResult, Transport } from '../../src/registry/http/transport.js';

const ORIGIN = 'https://registry.example';
const REALM = 'https://auth.example/token';
const scope = (repo: string) => `repository:${repo}:pull`;

/**
 * The auth layer's only way out: `/v2/` asks for a Bearer token, and each token request waits until the test
 * answers it, so the test decides what is planned while a token is on its way.
 */
function heldTransport() {
  const tokenRequests: string[][] = [];
  const answer: (() => void)[] = [];
  const reply = (status: number, headers: Record<string, string>, body = ''): SendResult => ({
    ok: true,
    attempts: 1,
    response: { url: '', status, headers, body: new TextEncoder().encode(body) },
  });
  const transport = {
    mayCarryCredentials: () => true,
    async sendWithRetry(req: HttpRequest): Promise<SendResult> {
      if (req.url === `${ORIGIN}/v2/`)
        return reply(401, { 'www-authenticate': `Bearer realm="${REALM}",service="registry.example"` });
      const scopes = new URL(req.url).searchParams.getAll('scope').sort();
      tokenRequests.push(scopes);
      await new Promise<void>((resolve) => answer.push(resolve));
      return reply(200, {}, JSON.stringify({ token: `token-for-${scopes.join('+')}`, expires_in: 300 }));
    },
  };
  const auth = new Authenticator({
    transport: transport as unknown as Transport,
    credentials: { get: async () => undefined } as unknown as CredentialStore,
    secrets: new Secrets(),
    logger: new RecordingLogger(),
  });
  return { auth, tokenRequests, answer };
}

const ticks = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const signal = new AbortController().signal;
const header = async (auth: Authenticator, repo: string) => {
  const decision = await auth.authorize(ORIGIN, 'registry.example', scope(repo), signal);
  return decision.ok ? decision.header : decision.reason;
};

test('scopes planned while a token is on its way wait for it, then share one request', async () => {
  const { auth, tokenRequests, answer } = heldTransport();
  auth.plan(ORIGIN, [scope('a')]);
  const a = header(auth, 'a');
  await ticks();
  expect(tokenRequests).toEqual([[scope('a')]]);
  auth.plan(ORIGIN, [scope('b')]);
  const b = header(auth, 'b');
  auth.plan(ORIGIN, [scope('c')]);
  const c = header(auth, 'c');
  await ticks();
  // b and c wait for a's token rather than each asking for one of their own.
  expect(tokenRequests).toEqual([[scope('a')]]);
  answer.shift()!();
  await ticks();
  expect(tokenRequests).toEqual([[scope('a')], [scope('b'), scope('c')]]);
  answer.shift()!();
  expect(await Promise.all([a, b, c])).toEqual([
    `Bearer token-for-${scope('a')}`,
    `Bearer token-for-${scope('b')}+${scope('c')}`,
    `Bearer token-for-${scope('b')}+${scope('c')}`,
  ]);
});

test.each([
  ['planned again after its batch formed', [scope('a')], 1],
  ['never planned: asked for alone, without waiting', [], 2],
])('a scope %s costs no new batch', async (_name, replanned, requests) => {
  const { auth, tokenRequests, answer } = heldTransport();
  auth.plan(ORIGIN, [scope('a')]);
  const a = header(auth, 'a');
  await ticks();
  auth.plan(ORIGIN, replanned);
  const again = header(auth, replanned.length > 0 ? 'a' : 'z');
  await ticks();
  expect(tokenRequests).toHaveLength(requests);
  for (const go of answer.splice(0)) go();
  await Promise.all([a, again]);
});
