import { expect, test } from 'vitest';
import { releaseName } from '../../src/config/helm-entry.js';
import { parseConfig } from '../../src/config/parse.js';
import { ConfigurationError } from '../../src/errors.js';

// helm's positional arguments (release, chart) come from the scanned tree: a value starting with `-` would be
// read as an option (`--post-renderer=./evil.sh` runs a program of the pull request's choosing).

test.each([
  ['release', '--post-renderer=./evil.sh'],
  ['chart', '--post-renderer=./evil.sh'],
  ['release', '-n'],
])('a config helm entry whose %s is %j is a configuration error at its line', (key, value) => {
  const entry = { chart: 'repo/web', release: 'web', [key]: value };
  const text = `helm:\n  - chart: ${JSON.stringify(entry.chart)}\n    release: ${JSON.stringify(entry.release)}\n`;
  const run = () => parseConfig(text, '/repo/.archcheck.yaml');
  expect(run).toThrow(ConfigurationError);
  expect(run).toThrow(
    /^invalid config:\n {2}\/repo\/\.archcheck\.yaml:\d+:\d+: helm\[0\]\.\w+: must not start with "-"/,
  );
});

test.each([
  ['--post-renderer', 'post-renderer'],
  ['-n', 'n'],
  ['---', 'release'],
  ['My Chart', 'my-chart'],
])('a discovered chart directory %j becomes the release name %j', (dir, release) => {
  expect(releaseName(dir)).toBe(release);
  expect(releaseName(dir).startsWith('-')).toBe(false);
});
