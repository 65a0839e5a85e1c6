import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RegistrySettings } from '../../src/config/types.js';
import type { Resolution } from '../../src/registry/source.js';
import { type World, startWorld, writeCredentialHelper } from '../support/world.js';
import { basicAuth, harness, isolatedEnv, ref, settings, writeDockerConfig } from './harness.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world?.stop());

const linux = (architecture: string, variant?: string) =>
  variant ? { os: 'linux', architecture, variant } : { os: 'linux', architecture };

/** [scenario, repository:tag (or @digest via fn), expected resolution] */
const scenarios: [string, (w: World) => string, (w: World) => Resolution][] = [
  [
    'OCI index with buildkit attestations (skopeo copy --all)',
    () => 'scenarios/oci-index:v1',
    (w) => ({
      kind: 'index',
      digest: w.scenarios.ociIndex.manifest.digest,
      platforms: [linux('amd64'), linux('arm64')],
    }),
  ],
  [
    'OCI index by digest',
    (w) => `scenarios/oci-index@${w.scenarios.ociIndex.manifest.digest}`,
    (w) => ({
      kind: 'index',
      digest: w.scenarios.ociIndex.manifest.digest,
      platforms: [linux('amd64'), linux('arm64')],
    }),
  ],
  [
    'single-arch OCI image (skopeo copy)',
    () => 'scenarios/oci-single:v1',
    (w) => ({ kind: 'single', digest: w.scenarios.ociSingle.manifest.digest, platform: linux('arm', 'v7') }),
  ],
  [
    'Docker manifest list v2',
    () => 'scenarios/docker-list:v1',
    (w) => ({
      kind: 'index',
      digest: w.scenarios.dockerList.manifest.digest,
      platforms: [linux('amd64'), linux('s390x')],
    }),
  ],
  [
    'Docker schema2 image',
    () => 'scenarios/docker-schema2:v1',
    (w) => ({
      kind: 'single',
      digest: w.scenarios.dockerSchema2.manifest.digest,
      platform: linux('ppc64le'),
    }),
  ],
];

const missing: [string, string, RegExp][] = [
  ['a missing tag', 'scenarios/oci-single:no-such-tag', /not found .*MANIFEST_UNKNOWN/],
  ['a missing repository', 'scenarios/no-such-repo:v1', /not found .*HTTP 404/],
  ['a missing digest', `scenarios/oci-single@sha256:${'a'.repeat(64)}`, /not found .*MANIFEST_UNKNOWN/],
];

interface Mode {
  name: string;
  host: (w: World) => string;
  setup: (w: World) => Promise<{ env: Record<string, string | undefined>; settings?: RegistrySettings }>;
  /** Strings that must never appear in logs or reasons. */
  secrets: (w: World) => string[];
}

const modes: Mode[] = [
  {
    name: 'no auth',
    host: (w) => w.open.host,
    setup: async () => ({ env: await isolatedEnv() }),
    secrets: () => [],
  },
  {
    name: 'htpasswd Basic, docker config auths',
    host: (w) => w.basic.host,
    setup: async (w) => {
      const env = await isolatedEnv();
      await writeDockerConfig(env, {
        auths: { [w.basic.host]: { auth: basicAuth(w.users.basic.user, w.users.basic.password) } },
      });
      return { env };
    },
    secrets: (w) => [w.users.basic.password, basicAuth(w.users.basic.user, w.users.basic.password)],
  },
  {
    name: 'htpasswd Basic, docker-credential helper (credHelpers)',
    host: (w) => w.basic.host,
    setup: async (w) => {
      const env = await isolatedEnv();
      const bin = path.join(env.HOME!, 'bin');
      await writeCredentialHelper(bin, 'archtest', {
        [w.basic.host]: { Username: w.users.basic.user, Secret: w.users.basic.password },
      });
      await writeDockerConfig(env, { credHelpers: { [w.basic.host]: 'archtest' } });
      return { env: { ...env, PATH: `${bin}${path.delimiter}${process.env.PATH}` } };
    },
    secrets: (w) => [w.users.basic.password, basicAuth(w.users.basic.user, w.users.basic.password)],
  },
  {
    name: 'Bearer token, docker config username/password',
    host: (w) => w.token.host,
    setup: async (w) => {
      const env = await isolatedEnv();
      await writeDockerConfig(env, {
        auths: {
          [`https://${w.token.host}`]: { username: w.users.token.user, password: w.users.token.password },
        },
      });
      return { env };
    },
    secrets: (w) => [w.users.token.password],
  },
  {
    name: 'Bearer token, credsStore helper answering an identity token',
    host: (w) => w.token.host,
    setup: async (w) => {
      const env = await isolatedEnv();
      const bin = path.join(env.HOME!, 'bin');
      await writeCredentialHelper(bin, 'archstore', {
        [w.token.host]: { Username: '<token>', Secret: w.users.refreshToken },
      });
      await writeDockerConfig(env, { credsStore: 'archstore' });
      return { env: { ...env, PATH: `${bin}${path.delimiter}${process.env.PATH}` } };
    },
    secrets: (w) => [w.users.refreshToken],
  },
  {
    name: 'Bearer token, registries.credentials environment variables',
    host: (w) => w.token.host,
    setup: async (w) => ({
      env: await isolatedEnv({ REG_USER: w.users.token.user, REG_PASS: w.users.token.password }),
      settings: settings({
        credentials: { [w.token.host]: { usernameEnv: 'REG_USER', passwordEnv: 'REG_PASS' } },
      }),
    }),
    secrets: (w) => [w.users.token.password],
  },
];

describe.each(modes)('$name', (mode) => {
  let run: ReturnType<typeof harness>;
  const reasons: string[] = [];
  beforeAll(async () => {
    const { env, settings: s } = await mode.setup(world);
    run = harness({ env, ...(s ? { settings: s } : {}) });
  });
  afterAll(async () => {
    // Secrets never reach logs or reasons, whatever happened above.
    const text = [...run.logger.lines.map((l) => l.message), ...reasons].join('\n');
    for (const secret of mode.secrets(world)) expect(text).not.toContain(secret);
    await run.source.close();
  });

  test.each(scenarios)('%s', async (_name, image, expected) => {
    const got = await run.source.resolve(ref(`${mode.host(world)}/${image(world)}`));
    if (got.kind === 'error') reasons.push(got.reason);
    expect(got).toEqual(expected(world));
  });

  test.each(missing)('%s is not found', async (_name, image, reason) => {
    const got = await run.source.resolve(ref(`${mode.host(world)}/${image}`));
    expect(got).toMatchObject({
      kind: 'error',
      cause: 'not-found',
      reason: expect.stringMatching(reason),
    });
    if (got.kind === 'error') reasons.push(got.reason);
  });

  test('a Helm chart (OCI artifact) is not an image, not a crash', async () => {
    const got = await run.source.resolve(ref(`${mode.host(world)}/scenarios/helm-chart:v1`));
    expect(got).toMatchObject({
      kind: 'error',
      cause: 'not-an-image',
      reason: expect.stringContaining('helm.config'),
    });
  });
});

test('the credential helper got the server URL on stdin, docker-style', async () => {
  const env = await isolatedEnv();
  const bin = path.join(env.HOME!, 'bin');
  await writeCredentialHelper(bin, 'archtest', {
    [world.basic.host]: { Username: world.users.basic.user, Secret: world.users.basic.password },
  });
  await writeDockerConfig(env, { credHelpers: { [world.basic.host]: 'archtest' } });
  const { source } = harness({ env: { ...env, PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
  const refs = ['scenarios/oci-single:v1', 'scenarios/docker-list:v1', 'copies/oci-single:v1'];
  await Promise.all(refs.map((r) => source.resolve(ref(`${world.basic.host}/${r}`))));
  // Once per run and host, however many images.
  expect((await readFile(path.join(bin, 'archtest.calls'), 'utf8')).split('\n').filter(Boolean)).toEqual([
    world.basic.host,
  ]);
  await source.close();
});

test('the token server saw one token request per repository scope, with the identity token as a refresh grant', async () => {
  const before = world.tokenServer.requests.length;
  const env = await isolatedEnv();
  const bin = path.join(env.HOME!, 'bin');
  await writeCredentialHelper(bin, 'archstore', {
    [world.token.host]: { Username: '<token>', Secret: world.users.refreshToken },
  });
  await writeDockerConfig(env, { credsStore: 'archstore' });
  const { source } = harness({ env: { ...env, PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
  const images = [
    'scenarios/oci-index:v1',
    `scenarios/oci-index@${world.scenarios.ociIndex.manifest.digest}`,
    'scenarios/oci-single:v1',
  ];
  const got = await Promise.all(images.map((r) => source.resolve(ref(`${world.token.host}/${r}`))));
  expect(got.map((r) => r.kind)).toEqual(['index', 'index', 'single']);
  const seen = world.tokenServer.requests.slice(before);
  expect(seen.map((r) => [r.method, r.via, r.scopes.join(' ')]).sort()).toEqual([
    ['POST', 'refresh', 'repository:scenarios/oci-index:pull'],
    ['POST', 'refresh', 'repository:scenarios/oci-single:pull'],
  ]);
  await source.close();
});

/** [scenario, registry, docker config (or none), expected reason] */
const refusals: [string, (w: World) => string, ((w: World) => object) | undefined, RegExp][] = [
  [
    'Basic registry, no credentials',
    (w) => w.basic.host,
    undefined,
    /refused access .*asks for a username and password; no credentials were found for 127\.0\.0\.1:\d+: run `docker login 127\.0\.0\.1:\d+`/,
  ],
  [
    'Basic registry, wrong password',
    (w) => w.basic.host,
    (w) => ({ auths: { [w.basic.host]: { username: w.users.basic.user, password: 'wrong-password-1234' } } }),
    /refused access .*the credentials from docker config .*config\.json were refused/,
  ],
  [
    'token registry, anonymous',
    (w) => w.token.host,
    undefined,
    /refused access .*HTTP 401 UNAUTHORIZED.*no credentials were found/,
  ],
  [
    'token registry, wrong password',
    (w) => w.token.host,
    (w) => ({ auths: { [w.token.host]: { username: w.users.token.user, password: 'wrong-password-1234' } } }),
    /token service http:\/\/127\.0\.0\.1:\d+ refused the credentials \(HTTP 401\).*credentials from docker config/,
  ],
];

test.each(refusals)(
  '%s is unauthorized, saying how to give credentials',
  async (_name, host, config, reason) => {
    const env = await isolatedEnv();
    if (config) await writeDockerConfig(env, config(world));
    const { source, logger } = harness({ env });
    const got = await source.resolve(ref(`${host(world)}/scenarios/oci-single:v1`));
    expect(got).toMatchObject({
      kind: 'error',
      cause: 'unauthorized',
      reason: expect.stringMatching(reason),
    });
    const text = JSON.stringify([got, logger.lines]);
    expect(text).not.toContain('wrong-password-1234');
    expect(text).not.toContain(
      Buffer.from(`${world.users.basic.user}:wrong-password-1234`).toString('base64'),
    );
    await source.close();
  },
);

test('a failing credential helper is a warning, and the auths entry is used instead', async () => {
  const env = await isolatedEnv();
  const { user, password } = world.users.basic;
  await writeDockerConfig(env, {
    credHelpers: { [world.basic.host]: 'not-installed' },
    auths: { [world.basic.host]: { auth: basicAuth(user, password) } },
  });
  const { source, logger } = harness({ env });
  const got = await source.resolve(ref(`${world.basic.host}/scenarios/oci-single:v1`));
  expect(got.kind).toBe('single');
  expect(logger.lines).toContainEqual({
    level: 'warning',
    message: expect.stringMatching(/docker-credential-not-installed is not on PATH/),
  });
  await source.close();
});

test('a refused anonymous token is asked for once, not again for the same scope', async () => {
  const before = world.tokenServer.requests.length;
  const { source } = harness({ env: await isolatedEnv() });
  const got = await source.resolve(ref(`${world.token.host}/scenarios/docker-list:v1`));
  await source.close();
  expect(got).toMatchObject({ kind: 'error', cause: 'unauthorized' });
  expect(world.tokenServer.requests.slice(before).map((r) => r.via)).toEqual(['anonymous']);
});
