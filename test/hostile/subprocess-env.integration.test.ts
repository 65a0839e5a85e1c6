import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_KUSTOMIZE_CONFIG } from '../../src/config/defaults.js';
import { runCredentialHelper } from '../../src/registry/http/cred-helper.js';
import { renderHelmCharts } from '../../src/sources/helm/index.js';
import { renderKustomizations } from '../../src/sources/kustomize/index.js';
import { subprocessEnv, HELM_ENV, KUSTOMIZE_ENV } from '../../src/subprocess-env.js';

// Programs archcheck starts run on files the pull request wrote: they must not see the job's secrets. Stand-in
// `kubectl`, `kustomize`, `helm` and `docker-credential-dump` programs on PATH write their environment to a
// file, which must hold what they need and none of the planted secrets.

const SECRETS = {
  'INPUT_GITHUB-TOKEN': 'ghs_plantedInputToken0000000000000000',
  GITHUB_TOKEN: 'ghs_plantedGithubToken000000000000000',
  ACTIONS_RUNTIME_TOKEN: 'planted-runtime-token',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'planted-oidc-request-token',
  ACTIONS_CACHE_URL: 'https://planted.invalid/cache',
  MY_SECRET: 'planted-workflow-secret',
  KUBECONFIG: '/planted/kubeconfig',
};
const NEEDED = {
  HOME: '/home/runner',
  HTTPS_PROXY: 'http://proxy.test:3128',
  no_proxy: '127.0.0.1',
  SSL_CERT_FILE: '/etc/ssl/certs/ca.pem',
  LC_ALL: 'C.UTF-8',
  XDG_CACHE_HOME: '/home/runner/.cache',
};

let dir: string;
let bin: string;
const dump = (tool: string) => path.join(dir, `${tool}.env`);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-env-'));
  bin = path.join(dir, 'bin');
  await mkdir(bin);
  const script = (tool: string, out: string) => `#!/bin/sh\nenv > '${dump(tool)}'\nprintf '%s' '${out}'\n`;
  const programs: Record<string, string> = {
    kubectl: script('kubectl', ''),
    kustomize: script('kustomize', ''),
    helm: script('helm', ''),
    'docker-credential-dump': script('cred-helper', '{"Username":"u","Secret":"s"}'),
  };
  for (const [name, text] of Object.entries(programs)) {
    await writeFile(path.join(bin, name), text);
    await chmod(path.join(bin, name), 0o755);
  }
  await mkdir(path.join(dir, 'app'));
  await writeFile(path.join(dir, 'app/kustomization.yaml'), 'resources: []\n');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

function jobEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: `${bin}:/usr/bin:/bin`, ...SECRETS, ...NEEDED, ...extra };
}

async function seen(tool: string): Promise<Record<string, string>> {
  const text = await readFile(dump(tool), 'utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

function expectScrubbed(env: Record<string, string>): void {
  for (const name of Object.keys(SECRETS)) expect(env).not.toHaveProperty([name]);
  const text = JSON.stringify(env);
  for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);
  expect(env).toMatchObject(NEEDED);
}

describe.each(['kubectl', 'kustomize'] as const)('%s (kustomize build)', (tool) => {
  test('runs with only what it needs', async () => {
    await renderKustomizations({
      cwd: dir,
      files: [path.join(dir, 'app/kustomization.yaml')],
      settings: { ...DEFAULT_KUSTOMIZE_CONFIG, command: tool },
      env: jobEnv(),
    });
    expectScrubbed(await seen(tool));
  });
});

test('helm template runs with only what it needs, and its own HELM_* settings', async () => {
  await renderHelmCharts({
    cwd: dir,
    charts: [
      {
        chart: 'repo/web',
        local: false,
        release: 'web',
        values: [],
        set: [],
        declaredIn: path.join(dir, '.archcheck.yaml'),
        position: { line: 1, column: 1 },
      },
    ],
    files: [],
    env: jobEnv({ HELM_CACHE_HOME: '/cache/helm' }),
  });
  const env = await seen('helm');
  expectScrubbed(env);
  expect(env.HELM_CACHE_HOME).toBe('/cache/helm');
});

test('a docker credential helper gets its docker and cloud variables, not the job secrets', async () => {
  const answer = await runCredentialHelper('dump', 'registry.test', {
    env: jobEnv({ DOCKER_CONFIG: '/docker', AWS_ROLE_ARN: 'arn:aws:iam::1:role/r' }),
    timeoutMs: 10_000,
  });
  expect(answer).toEqual({ kind: 'found', username: 'u', secret: 's' });
  const env = await seen('cred-helper');
  expectScrubbed(env);
  expect(env).toMatchObject({ DOCKER_CONFIG: '/docker', AWS_ROLE_ARN: 'arn:aws:iam::1:role/r' });
});

test.each([
  [
    'upper and lower case proxies pass',
    { http_proxy: 'a', HTTP_PROXY: 'b' },
    KUSTOMIZE_ENV,
    ['http_proxy', 'HTTP_PROXY'],
  ],
  [
    'Windows spells Path its own way',
    { Path: 'C:\\bin', SystemRoot: 'C:\\Windows' },
    KUSTOMIZE_ENV,
    ['Path', 'SystemRoot'],
  ],
  ['HELM_ only for helm', { HELM_DATA_HOME: '/d' }, KUSTOMIZE_ENV, []],
  ['HELM_ for helm', { HELM_DATA_HOME: '/d' }, HELM_ENV, ['HELM_DATA_HOME']],
  [
    'a look-alike prefix does not pass',
    { XDGX: '1', LC: '1', INPUT_PATH: '/x', GITHUB_PATH: '/y' },
    HELM_ENV,
    [],
  ],
  ['unset values are dropped', { HOME: undefined }, KUSTOMIZE_ENV, []],
])('subprocessEnv: %s', (_name, env, allow, kept) => {
  expect(Object.keys(subprocessEnv(env, allow))).toEqual(kept);
});
