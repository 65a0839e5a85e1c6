import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import schema from '../../schema/archcheck.schema.json' with { type: 'json' };
import { emptyConfig } from '../../src/config/defaults.js';
import { loadConfig } from '../../src/config/load.js';
import { parseConfig } from '../../src/config/parse.js';
import { ConfigurationError } from '../../src/errors.js';
import { RULES } from '../../src/rules/index.js';

const fixtures = fileURLToPath(new URL('../fixtures/config/', import.meta.url));
const FILE = '/repo/.archcheck.yaml';

/** The ConfigurationError message parseConfig throws for `text` (fails the test when it does not throw one). */
function configError(text: string, file = FILE): string {
  try {
    parseConfig(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('every accepted key', () => {
  test('full config: clusters, pools, include/exclude, registries, rules, relative mirrors resolved', async () => {
    const dir = path.join(fixtures, 'full');
    const config = await loadConfig(dir, 'archcheck.yaml');
    expect(config.file).toBe(path.join(dir, 'archcheck.yaml'));
    expect(
      config.clusters.map((c) => ({
        name: c.name,
        paths: c.paths,
        assumed: c.assumed,
        pools: c.nodePools.map((p) => [p.cluster, p.name, p.platform, p.labels.team, p.taints]),
      })),
    ).toEqual([
      {
        name: 'prod',
        paths: ['deploy/prod/**', 'shared/*.yaml'],
        assumed: false,
        pools: [
          ['prod', 'general', { os: 'linux', architecture: 'amd64' }, undefined, []],
          [
            'prod',
            'graviton',
            { os: 'linux', architecture: 'arm64', variant: 'v8.2' },
            'data',
            [
              { key: 'kubernetes.io/arch', value: 'arm64', effect: 'NoSchedule' },
              { key: 'spot', effect: 'PreferNoSchedule' },
            ],
          ],
          ['prod', 'pi', { os: 'linux', architecture: 'arm', variant: 'v6' }, undefined, []],
          ['prod', 'win', { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348' }, undefined, []],
        ],
      },
      {
        name: 'edge',
        paths: [],
        assumed: false,
        pools: [['edge', 'edge', { os: 'linux', architecture: 'arm64' }, undefined, []]],
      },
    ]);
    expect(config.clusters[1]?.nodePools[0]?.labels).toEqual({
      'kubernetes.io/arch': 'arm64',
      'beta.kubernetes.io/arch': 'arm64',
      'kubernetes.io/os': 'linux',
      'beta.kubernetes.io/os': 'linux',
    });
    expect(config.include).toEqual(['renders/*.txt']);
    expect(config.exclude).toEqual(['vendor/**']);
    expect(config.registries).toEqual({
      mirrors: {
        'docker.io': `oci:${path.join(dir, 'mirror/docker.io')}`,
        'ghcr.io': 'oci:/abs/ghcr',
        'quay.io': 'https://quay-mirror.example.com/prefix',
        'localhost:5000': 'http://127.0.0.1:5000',
      },
      credentials: {
        'ghcr.io': { tokenEnv: 'ARCHCHECK_GHCR_TOKEN' },
        'registry.example.com': { usernameEnv: 'ARCHCHECK_REG_USER', passwordEnv: 'ARCHCHECK_REG_PASS' },
      },
      concurrency: 4,
      timeoutMs: 2500,
      deadlineMs: 60_000,
    });
    expect(config.rules).toEqual({
      'mutable-image-tag': 'off',
      'image-unresolved': 'error',
      'deprecated-arch-label': 'notice',
    });
  });

  test.each([
    ['an empty file', ''],
    ['only a comment', '# nothing yet\n'],
    ['empty top-level lists', 'clusters: []\ninclude: []\nexclude: []\nrules: {}\nregistries: {}\n'],
  ])('%s gives the defaults', (_name, text) => {
    // toMatchObject: keys emptyConfig() leaves out (helm, kustomize) are optional and default when absent.
    expect(parseConfig(text, FILE)).toMatchObject({ ...emptyConfig(), file: FILE });
  });

  test('the schema rules enum lists exactly the ids of RULES', () => {
    expect(schema.properties.rules.propertyNames.enum).toEqual(RULES.map((r) => r.meta.id));
  });
});

describe('lookup order', () => {
  test.each([
    ['all-three', '.archcheck.yaml', 'from-yaml'],
    ['yml-and-github', '.archcheck.yml', 'from-yml'],
    ['github-only', '.github/archcheck.yaml', 'from-github'],
  ])('%s: reads %s', async (scenario, file, cluster) => {
    const dir = path.join(fixtures, 'lookup', scenario);
    const config = await loadConfig(dir);
    expect(config.file).toBe(path.join(dir, file));
    expect(config.clusters.map((c) => c.name)).toEqual([cluster]);
  });

  test.each([
    ['.archcheck.yaml', 'all-three', ''],
    [".github/archcheck.yaml (its paths are the repository's)", 'github-only', ''],
  ])('relative paths in %s resolve against the repository root', async (_name, scenario) => {
    const dir = path.join(fixtures, 'lookup', scenario);
    expect((await loadConfig(dir)).baseDir).toBe(dir);
  });

  test('an explicit --config resolves its paths against its own directory', async () => {
    const dir = path.join(fixtures, 'lookup', 'all-three');
    expect((await loadConfig(dir, '.github/archcheck.yaml')).baseDir).toBe(path.join(dir, '.github'));
  });

  test('no config file: defaults, no file', async () => {
    expect(await loadConfig(path.join(fixtures, 'lookup', 'none'))).toEqual(emptyConfig());
  });

  test('--config wins over the files looked up, relative to cwd', async () => {
    const dir = path.join(fixtures, 'lookup', 'all-three');
    const config = await loadConfig(dir, '.github/archcheck.yaml');
    expect(config.clusters.map((c) => c.name)).toEqual(['from-github']);
  });

  test.each([
    ['a missing file', 'nope.yaml', 'config file not found: nope.yaml'],
    ['a directory', '.github', 'config path is a directory, not a file: .github'],
    [
      'a path through a file',
      '.archcheck.yaml/x',
      'config path goes through a file as if it were a directory: .archcheck.yaml/x',
    ],
  ])('--config naming %s is a configuration error that says so', async (_name, config, message) => {
    await expect(loadConfig(path.join(fixtures, 'lookup', 'all-three'), config)).rejects.toThrow(
      new ConfigurationError(message),
    );
  });
});

describe('errors name file:line:col and the key', () => {
  test.each([
    ['unknown top-level key', 'clusterz: []\n', `${FILE}:1:1: (top level): unknown key "clusterz"`],
    [
      'unknown pool key, at the key',
      'clusters:\n  - name: prod\n    nodePools:\n      - name: a\n        arch: amd64\n        size: 3\n',
      `${FILE}:6:9: clusters[0].nodePools[0]: unknown key "size"`,
    ],
    [
      'wrong type',
      'clusters:\n  - name: prod\n    paths: deploy/**\n    nodePools: [{name: a, arch: amd64}]\n',
      `${FILE}:3:12: clusters[0].paths: must be array`,
    ],
    ['wrong top-level type', '- a\n', `${FILE}:1:1: (top level): must be object`],
    [
      'missing required key',
      'clusters:\n  - name: prod\n',
      `${FILE}:2:5: clusters[0]: missing required key "nodePools"`,
    ],
    [
      'no node pools',
      'clusters:\n  - name: prod\n    nodePools: []\n',
      `${FILE}:3:16: clusters[0].nodePools: must NOT have fewer than 1 items`,
    ],
    [
      'unknown architecture',
      'clusters:\n  - name: prod\n    nodePools:\n      - name: a\n        arch: amd46\n',
      `${FILE}:5:15: clusters[0].nodePools[0].arch: "amd46": unknown architecture`,
    ],
    [
      'an OS where the architecture goes',
      'clusters:\n  - name: prod\n    nodePools:\n      - {name: a, arch: linux}\n',
      `${FILE}:4:25: clusters[0].nodePools[0].arch: "linux" names an OS but no architecture: write linux/<arch>`,
    ],
    [
      'invalid variant characters',
      'clusters:\n  - name: prod\n    nodePools:\n      - {name: a, arch: arm, variant: "v 7"}\n',
      `${FILE}:4:25: clusters[0].nodePools[0].arch: "linux/arm/v 7": invalid variant "v 7": use letters, digits, ".", "_" or "-"`,
    ],
    [
      'bad taint effect',
      'clusters:\n  - name: p\n    nodePools:\n      - name: a\n        arch: arm64\n        taints: [{key: k, effect: NoRun}]\n',
      `${FILE}:6:35: clusters[0].nodePools[0].taints[0].effect: must be one of NoSchedule, PreferNoSchedule, NoExecute`,
    ],
    [
      'unknown rule id, at the key',
      'rules:\n  image-arch-mismatch: off\n  no-such-rule: error\n',
      `${FILE}:3:3: rules: unknown rule "no-such-rule"`,
    ],
    [
      'bad rule level',
      'rules:\n  mutable-image-tag: fatal\n',
      `${FILE}:2:22: rules.mutable-image-tag: must be one of off, error, warning, notice`,
    ],
    [
      'mirror that is not oci:, https:// or http://',
      'registries:\n  mirrors:\n    docker.io: ./mirror\n',
      `${FILE}:3:16: registries.mirrors.docker.io: must match pattern "^(oci:.+|https?://.+)$"`,
    ],
    [
      'credential env name that is not a variable name',
      'registries:\n  credentials:\n    ghcr.io: {tokenEnv: "my token"}\n',
      `${FILE}:3:25: registries.credentials.ghcr.io.tokenEnv: "my token" is not allowed: .archcheck.yaml may only name environment variables that start with ARCHCHECK_, so a pull request cannot hand the workflow's other secrets to a registry; rename the secret to ARCHCHECK_REGISTRY_PASSWORD in the workflow's env (env: ARCHCHECK_REGISTRY_PASSWORD: \${{ secrets.... }})`,
    ],
    [
      'credential env name outside ARCHCHECK_',
      'registries:\n  credentials:\n    "127.0.0.1:5105": {passwordEnv: ACTIONS_RUNTIME_TOKEN}\n',
      `${FILE}:3:37: registries.credentials.127.0.0.1:5105.passwordEnv: "ACTIONS_RUNTIME_TOKEN" is not allowed: .archcheck.yaml may only name environment variables that start with ARCHCHECK_, so a pull request cannot hand the workflow's other secrets to a registry; rename the secret to ARCHCHECK_ACTIONS_RUNTIME_TOKEN in the workflow's env (env: ARCHCHECK_ACTIONS_RUNTIME_TOKEN: \${{ secrets.... }})`,
    ],
    [
      'timeout past what a Node timer holds',
      'registries: {timeoutSeconds: 3000000}\n',
      `${FILE}:1:30: registries.timeoutSeconds: must be at most 2147483 seconds (about 24.8 days): Node's timers hold at most 2^31-1 ms, and a larger value would make every request time out at once`,
    ],
    [
      'deadline past what a Node timer holds',
      'registries: {deadlineSeconds: 2147484}\n',
      `${FILE}:1:31: registries.deadlineSeconds: must be at most 2147483 seconds (about 24.8 days): Node's timers hold at most 2^31-1 ms, and a larger value would make every request time out at once`,
    ],
    [
      'concurrency out of range',
      'registries: {concurrency: 0}\n',
      `${FILE}:1:27: registries.concurrency: must be >= 1`,
    ],
    [
      'invalid YAML',
      'clusters: [\n',
      `${FILE}:2:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ],
  ])('%s', (_name, text, expected) => {
    expect(configError(text)).toContain(expected);
  });

  test('all schema errors are listed at once', () => {
    const message = configError('clusterz: 1\nrules: {nope: error}\n');
    expect(message.split('\n')).toEqual([
      'invalid config:',
      `  ${FILE}:1:1: (top level): unknown key "clusterz"`,
      `  ${FILE}:2:9: rules: unknown rule "nope"`,
    ]);
  });

  test('an alias bomb in the config is a configuration error, not a crash', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(configError(bomb)).toBe(
      `${FILE}: invalid YAML: Excessive alias count indicates a resource exhaustion attack`,
    );
  });
});
