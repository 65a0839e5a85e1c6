import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { RegistryCredentialEnv } from '../../src/config/types.js';
import { RecordingLogger } from '../../src/logger.js';
import { CredentialStore } from '../../src/registry/http/credentials.js';
import { Secrets } from '../../src/registry/http/secrets.js';
import { writeCredentialHelper } from '../support/world.js';
import { basicAuth, isolatedEnv, writeDockerConfig } from './harness.js';

interface Row {
  config?: object;
  helpers?: Record<string, Record<string, { Username: string; Secret: string }>>;
  env?: Record<string, string>;
  settings?: Record<string, RegistryCredentialEnv>;
  githubToken?: string;
}

/** [scenario, host asked for, setup, expected credential (secret fields checked by redaction), warning] */
const rows: [string, string, Row, object | undefined, RegExp?][] = [
  [
    "auths under Docker Hub's index URL",
    'docker.io',
    { config: { auths: { 'https://index.docker.io/v1/': { auth: basicAuth('hubuser', 'hub-secret-1') } } } },
    { kind: 'basic', username: 'hubuser', password: 'hub-secret-1' },
  ],
  [
    'auths under "docker.io"',
    'docker.io',
    { config: { auths: { 'docker.io': { username: 'u2', password: 'hub-secret-2' } } } },
    { kind: 'basic', username: 'u2', password: 'hub-secret-2' },
  ],
  [
    'auths key with a scheme and path',
    'ghcr.io',
    { config: { auths: { 'https://ghcr.io/v1/': { auth: basicAuth('gh', 'ghcr-secret') } } } },
    { kind: 'basic', username: 'gh', password: 'ghcr-secret' },
  ],
  [
    'identitytoken (ACR, az acr login)',
    'demo.azurecr.io',
    {
      config: {
        auths: {
          'demo.azurecr.io': {
            auth: basicAuth('00000000-0000-0000-0000-000000000000', ''),
            identitytoken: 'refresh-xyz-1',
          },
        },
      },
    },
    { kind: 'identity', token: 'refresh-xyz-1' },
  ],
  [
    'registrytoken',
    'r.example',
    { config: { auths: { 'r.example': { registrytoken: 'bearer-abc-1' } } } },
    { kind: 'registry', token: 'bearer-abc-1' },
  ],
  [
    'an auths entry for another host does not apply',
    'quay.io',
    { config: { auths: { 'ghcr.io': { auth: basicAuth('gh', 'ghcr-secret') } } } },
    undefined,
  ],
  [
    'credHelpers win over auths',
    '123.dkr.ecr.us-east-1.amazonaws.com',
    {
      config: {
        credHelpers: { '123.dkr.ecr.us-east-1.amazonaws.com': 'ecrtest' },
        auths: { '123.dkr.ecr.us-east-1.amazonaws.com': { auth: basicAuth('stale', 'stale-pass') } },
      },
      helpers: {
        ecrtest: { '123.dkr.ecr.us-east-1.amazonaws.com': { Username: 'AWS', Secret: 'ecr-password-1' } },
      },
    },
    {
      kind: 'basic',
      username: 'AWS',
      password: 'ecr-password-1',
      source: expect.stringContaining('docker-credential-ecrtest'),
    },
  ],
  [
    "credsStore gets Docker Hub's index URL on stdin",
    'docker.io',
    {
      config: { credsStore: 'storetest' },
      helpers: {
        storetest: { 'https://index.docker.io/v1/': { Username: 'hubuser', Secret: 'hub-secret-3' } },
      },
    },
    { kind: 'basic', username: 'hubuser', password: 'hub-secret-3' },
  ],
  [
    'a helper that has nothing falls back to auths',
    'quay.io',
    {
      config: {
        credsStore: 'storetest',
        auths: { 'quay.io': { auth: basicAuth('robot+ci', 'quay-secret') } },
      },
      helpers: { storetest: {} },
    },
    {
      kind: 'basic',
      username: 'robot+ci',
      password: 'quay-secret',
      source: expect.stringContaining('config.json'),
    },
  ],
  [
    'registries.credentials user and password',
    'harbor.example',
    {
      env: { H_USER: 'ci', H_PASS: 'harbor-secret' },
      settings: { 'harbor.example': { usernameEnv: 'H_USER', passwordEnv: 'H_PASS' } },
    },
    {
      kind: 'basic',
      username: 'ci',
      password: 'harbor-secret',
      source: 'registries.credentials for harbor.example',
    },
  ],
  [
    'registries.credentials token for Artifact Registry',
    'europe-docker.pkg.dev',
    { env: { GAR: 'ya29.token' }, settings: { 'europe-docker.pkg.dev': { tokenEnv: 'GAR' } } },
    { kind: 'basic', username: 'oauth2accesstoken', password: 'ya29.token' },
  ],
  [
    'registries.credentials token for ACR',
    'demo.azurecr.io',
    { env: { ACR: 'acr-token-1' }, settings: { 'demo.azurecr.io': { tokenEnv: 'ACR' } } },
    { kind: 'basic', username: '00000000-0000-0000-0000-000000000000', password: 'acr-token-1' },
  ],
  [
    'an unset variable is a warning',
    'harbor.example',
    { settings: { 'harbor.example': { usernameEnv: 'NOPE_USER', passwordEnv: 'NOPE_PASS' } } },
    undefined,
    /registries\.credentials for harbor\.example: environment variable NOPE_USER, NOPE_PASS is not set/,
  ],
  [
    'docker config comes before registries.credentials',
    'harbor.example',
    {
      config: { auths: { 'harbor.example': { auth: basicAuth('docker', 'docker-secret') } } },
      env: { H_PASS: 'env-secret' },
      settings: { 'harbor.example': { passwordEnv: 'H_PASS' } },
    },
    { kind: 'basic', username: 'docker', password: 'docker-secret' },
  ],
  [
    "ghcr.io falls back to the action's GitHub token",
    'ghcr.io',
    { githubToken: 'ghs_action_token' },
    { kind: 'basic', password: 'ghs_action_token', source: 'the GitHub token (GITHUB_TOKEN)' },
  ],
  [
    'ghcr.io falls back to GITHUB_TOKEN',
    'ghcr.io',
    { env: { GITHUB_TOKEN: 'ghs_env_token', GITHUB_ACTOR: 'octocat' } },
    { kind: 'basic', username: 'octocat', password: 'ghs_env_token' },
  ],
  ['the GitHub token is for ghcr.io only', 'quay.io', { githubToken: 'ghs_action_token' }, undefined],
];

test.each(rows)('%s', async (_name, host, row, expected, warning) => {
  const env = await isolatedEnv(row.env);
  if (row.config) await writeDockerConfig(env, row.config);
  const bin = path.join(env.HOME!, 'bin');
  for (const [name, answers] of Object.entries(row.helpers ?? {}))
    await writeCredentialHelper(bin, name, answers);
  const logger = new RecordingLogger();
  const secrets = new Secrets();
  const store = new CredentialStore({
    env: { ...env, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
    settings: row.settings ?? {},
    githubToken: row.githubToken,
    secrets,
    logger,
    timeoutMs: 5_000,
  });
  const got = await store.get(host);
  if (expected === undefined) expect(got).toBeUndefined();
  else expect(got).toMatchObject(expected);
  if (got) {
    const secret = got.kind === 'basic' ? got.password : got.token;
    expect(secrets.redact(`x ${secret} y`)).toBe('x *** y');
  }
  if (warning)
    expect(logger.lines).toContainEqual({ level: 'warning', message: expect.stringMatching(warning) });
});

test('an unreadable docker config is a warning naming the file, not its content', async () => {
  const env = await isolatedEnv();
  await mkdir(env.DOCKER_CONFIG!, { recursive: true });
  await writeFile(
    path.join(env.DOCKER_CONFIG!, 'config.json'),
    '{"auths": {"x": {"auth": "c2VjcmV0LXZhbHVl"}',
  );
  const logger = new RecordingLogger();
  const store = new CredentialStore({ env, settings: {}, secrets: new Secrets(), logger, timeoutMs: 1_000 });
  expect(await store.get('x')).toBeUndefined();
  expect(logger.lines).toEqual([
    {
      level: 'warning',
      message: `docker config ${path.join(env.DOCKER_CONFIG!, 'config.json')} is not valid JSON; fix it or point DOCKER_CONFIG elsewhere`,
    },
    { level: 'debug', message: 'registry credentials for x: none (anonymous)' },
  ]);
});

test('without DOCKER_CONFIG the config is read from ~/.docker/config.json', async () => {
  const env = await isolatedEnv({ DOCKER_CONFIG: undefined });
  await mkdir(path.join(env.HOME!, '.docker'), { recursive: true });
  await writeFile(
    path.join(env.HOME!, '.docker', 'config.json'),
    JSON.stringify({ auths: { 'quay.io': { auth: basicAuth('home', 'home-secret') } } }),
  );
  const store = new CredentialStore({
    env,
    settings: {},
    secrets: new Secrets(),
    logger: new RecordingLogger(),
    timeoutMs: 1_000,
  });
  expect(await store.get('quay.io')).toMatchObject({ kind: 'basic', username: 'home' });
});
