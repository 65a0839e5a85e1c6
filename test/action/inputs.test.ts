import { expect, test } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { ConfigurationError } from '../../src/errors.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

test('defaults, as action.yml documents them', () => {
  expect(readInputs(reader({}))).toEqual({
    paths: ['.'],
    config: undefined,
    architectures: undefined,
    failOn: 'error',
    failOnUnresolved: false,
    scope: 'all',
    annotations: true,
    summary: true,
    comment: false,
    reportFiles: {},
    githubToken: undefined,
    kustomizeLoadRestrictor: 'rootOnly',
    helm: undefined,
    baseline: undefined,
    noIgnore: false,
    deep: false,
    deepBudgets: { imageBytes: 64 * 1024 * 1024, runBytes: 512 * 1024 * 1024 },
    cache: true,
    cacheDir: undefined,
    maxFileSize: undefined,
  });
});

test.each([
  ['baseline', { baseline: ' base.json ' }, { baseline: 'base.json' }],
  ['no-ignore', { 'no-ignore': 'true' }, { noIgnore: true }],
  ['fail-on-unresolved', { 'fail-on-unresolved': 'true' }, { failOnUnresolved: true }],
])('%s input', (_name, values, expected) => {
  expect(readInputs(reader(values))).toMatchObject(expected);
});

test.each([
  ['false', {}, false],
  ['true', { 'cache-dir': '.cache/archcheck' }, true],
])('cache: %s', (text, extra, cache) => {
  const inputs = readInputs(reader({ cache: text, ...extra }));
  expect(inputs.cache).toBe(cache);
  expect(inputs.cacheDir).toBe(extra['cache-dir' as keyof typeof extra]);
});

test('cache: not a boolean is refused with the values it takes', () => {
  expect(() => readInputs(reader({ cache: 'yes' }))).toThrow(
    'input "cache" must be true or false, not "yes"',
  );
});

test.each([
  ['a multiline list', 'deploy/\n  charts/rendered\n\n', ['deploy/', 'charts/rendered']],
  ['a comma list', 'deploy, k8s ,', ['deploy', 'k8s']],
  ['with a commented line', 'deploy\n# old/\nk8s', ['deploy', 'k8s']],
  ['blank', '  ', ['.']],
])('paths: %s', (_name, text, paths) => {
  expect(readInputs(reader({ paths: text })).paths).toEqual(paths);
});

test.each([
  ['amd64,arm64', ['amd64', 'arm64']],
  ['amd64 arm64\narm/v7', ['amd64', 'arm64', 'arm/v7']],
])('architectures %j', (text, archs) => {
  expect(readInputs(reader({ architectures: text })).architectures).toEqual(archs);
});

test.each([
  [{ 'fail-on': 'warning' }, { failOn: 'warning' }],
  [
    { 'fail-on': 'never', scope: 'changed' },
    { failOn: 'never', scope: 'changed' },
  ],
  [
    { annotations: 'false', summary: 'FALSE', comment: 'True' },
    { annotations: false, summary: false, comment: true },
  ],
  [
    { 'sarif-file': 'out.sarif', 'json-file': 'r.json', 'junit-file': ' ', config: 'ci/archcheck.yaml' },
    { reportFiles: { sarif: 'out.sarif', json: 'r.json' }, config: 'ci/archcheck.yaml' },
  ],
  [{ 'junit-file': 'results/archcheck.xml' }, { reportFiles: { junit: 'results/archcheck.xml' } }],
  [{ 'github-token': 'ghs_x' }, { githubToken: 'ghs_x' }],
  [{ 'kustomize-load-restrictor': 'none' }, { kustomizeLoadRestrictor: 'none' }],
  [{ 'kustomize-load-restrictor': 'rootOnly' }, { kustomizeLoadRestrictor: 'rootOnly' }],
  [
    { deep: 'true', 'deep-image-budget': '10MB', 'deep-run-budget': '1GiB', 'cache-dir': '/tmp/c' },
    { deep: true, deepBudgets: { imageBytes: 10_000_000, runBytes: 1024 ** 3 }, cacheDir: '/tmp/c' },
  ],
  [{ 'max-file-size': '4MiB' }, { maxFileSize: 4 * 1024 * 1024 }],
  [{ 'max-file-size': '4MB' }, { maxFileSize: 4_000_000 }],
  // YAML keeps its indentation; only the trailing newline goes.
  [{ helm: '- chart: charts/web\n  release: web\n' }, { helm: '- chart: charts/web\n  release: web' }],
])('%o', (values, expected) => {
  expect(readInputs(reader(values))).toMatchObject(expected);
});

test.each([
  [{ 'fail-on': 'errors' }, 'input "fail-on" must be error, warning, notice or never, not "errors"'],
  [{ scope: 'diff' }, 'input "scope" must be all or changed, not "diff"'],
  [{ comment: 'yes' }, 'input "comment" must be true or false, not "yes"'],
  [{ summary: '1' }, 'input "summary" must be true or false, not "1"'],
  [
    { 'kustomize-load-restrictor': 'LoadRestrictionsNone' },
    'input "kustomize-load-restrictor" must be rootOnly or none, not "LoadRestrictionsNone"',
  ],
  [
    { 'deep-image-budget': 'lots' },
    'input "deep-image-budget" must be a size such as 64MiB or 100MB, not "lots"',
  ],
  [{ 'max-file-size': 'huge' }, 'input "max-file-size" must be a size such as 16MiB or 50MB, not "huge"'],
  [{ 'max-file-size': '0' }, 'input "max-file-size" must be a size such as 16MiB or 50MB, not "0"'],
])('%o is a configuration error naming the input', (values, message) => {
  expect(() => readInputs(reader(values))).toThrow(new ConfigurationError(message));
});
