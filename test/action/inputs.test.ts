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
    scope: 'all',
    annotations: true,
    summary: true,
    comment: false,
    sarifFile: undefined,
    jsonFile: undefined,
    githubToken: undefined,
    helm: undefined,
    maxFileSize: undefined,
  });
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
    { 'sarif-file': 'out.sarif', 'json-file': 'r.json', config: 'ci/archcheck.yaml' },
    { sarifFile: 'out.sarif', jsonFile: 'r.json', config: 'ci/archcheck.yaml' },
  ],
  [{ 'github-token': 'ghs_x' }, { githubToken: 'ghs_x' }],
  [{ 'max-file-size': '4MB' }, { maxFileSize: 4 * 1024 * 1024 }],
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
  [{ 'max-file-size': '1GB' }, 'input "max-file-size" must be BYTES, NkB or NMB, not "1GB"'],
])('%o is a configuration error naming the input', (values, message) => {
  expect(() => readInputs(reader(values))).toThrow(new ConfigurationError(message));
});
