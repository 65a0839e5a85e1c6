import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { FIXTURES } from '../kustomize/support.js';

const FILE = path.join(FIXTURES, 'helm', '.archcheck.yaml');

describe('helm: and kustomize: in .archcheck.yaml', () => {
  test('a helm entry: paths against the config directory, release from the chart directory, set values typed', () => {
    const config = parseConfig(
      `helm:
  - chart: charts/web
    values: [charts/web/values-prod.yaml]
    set:
      image.tag: "2.1.0"
      replicaCount: 3
  - chart: oci://registry.example.com/charts/api
    release: api
    version: 1.2.3
`,
      FILE,
    );
    expect(config.helm).toEqual([
      {
        chart: path.join(FIXTURES, 'helm/charts/web'),
        local: true,
        release: 'web',
        values: [path.join(FIXTURES, 'helm/charts/web/values-prod.yaml')],
        set: [
          { key: 'image.tag', value: '2.1.0', string: true, position: { line: 5, column: 18 } },
          { key: 'replicaCount', value: '3', string: false, position: { line: 6, column: 21 } },
        ],
        declaredIn: FILE,
        position: { line: 2, column: 5 },
      },
      {
        chart: 'oci://registry.example.com/charts/api',
        local: false,
        release: 'api',
        version: '1.2.3',
        values: [],
        set: [],
        declaredIn: FILE,
        position: { line: 7, column: 5 },
      },
    ]);
    expect(config.kustomize).toEqual({
      enabled: true,
      roots: [],
      loadRestrictor: 'rootOnly',
      command: 'auto',
    });
  });

  test('kustomize settings, roots against the config directory', () => {
    const config = parseConfig(
      'kustomize:\n  roots: [deploy/prod]\n  loadRestrictor: rootOnly\n  command: kubectl\n',
      FILE,
    );
    expect(config.kustomize).toEqual({
      enabled: true,
      roots: [path.join(FIXTURES, 'helm/deploy/prod')],
      loadRestrictor: 'rootOnly',
      command: 'kubectl',
    });
  });

  test.each([
    [
      'helm:\n  - chart: charts/web\n    cluster: nope\nclusters:\n  - name: prod\n    nodePools: [{name: a, arch: amd64}]\n',
      /:3:14: helm\[0\]\.cluster: no cluster named "nope"/,
    ],
    ['helm:\n  - chart: charts/web\n    valus: [x.yaml]\n', /helm\[0\]: unknown key "valus"/],
    ['helm:\n  - release: x\n', /helm\[0\]: missing required key "chart"/],
    [
      'kustomize:\n  loadRestrictor: LoadRestrictionsNone\n',
      /kustomize\.loadRestrictor: must be one of rootOnly/,
    ],
    [
      'kustomize:\n  loadRestrictor: none\n',
      /:2:19: kustomize\.loadRestrictor: none is not accepted from the config file.*action input `kustomize-load-restrictor: none` or the CLI flag `--kustomize-load-restrictor none`/,
    ],
    [
      'rules:\n  kustomize-image-unused: loud\n',
      /rules\.kustomize-image-unused: must be one of off, error, warning, notice/,
    ],
  ])('rejects %j', (text, message) => {
    expect(() => parseConfig(text, FILE)).toThrow(message);
  });

  test('the new rule ids can be configured', () => {
    expect(
      parseConfig('rules:\n  render-error: warning\n  kustomize-image-unused: off\n', FILE).rules,
    ).toEqual({
      'render-error': 'warning',
      'kustomize-image-unused': 'off',
    });
  });
});
