import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { check, FIXTURES } from '../kustomize/support.js';
import { materializeChart, standInHelm } from '../helm/standin.js';

test.each([
  [
    'trailing the values line the finding points at',
    (t: string) =>
      t.replace("tag: '2.0.0'", "tag: '2.0.0' # archcheck:ignore image-arch-mismatch -- arm64 build in 2.1"),
    1,
  ],
  [
    'above it',
    (t: string) =>
      t.replace(
        "  tag: '2.0.0'",
        "  # archcheck:ignore image-arch-mismatch -- arm64 build in 2.1\n  tag: '2.0.0'",
      ),
    1,
  ],
  [
    'naming another rule',
    (t: string) => t.replace("tag: '2.0.0'", "tag: '2.0.0' # archcheck:ignore mutable-image-tag -- x"),
    0,
  ],
])('a suppression in a Helm values file: %s', async (_name, edit, suppressed) => {
  const { dir, chart } = await materializeChart('web');
  const values = path.join(chart, 'values-prod.yaml');
  await writeFile(values, edit(await readFile(values, 'utf8')));
  const helm = await standInHelm([
    {
      args: ['template', 'shop', chart, '--namespace', 'prod', '--values', values],
      stdout: path.join(FIXTURES, 'helm/renders/web-prod.yaml'),
    },
  ]);
  const { report } = await check(dir, ['charts'], {
    architectures: ['amd64', 'arm64'],
    env: helm.env,
    helmInput: {
      text: '- chart: charts/web\n  release: shop\n  namespace: prod\n  values: [charts/web/values-prod.yaml]\n',
      declaredIn: path.join(dir, '.github/workflows/deploy.yml'),
    },
  });
  const web = (f: { container?: string; rule: string }) =>
    f.container === 'web' && f.rule === 'image-arch-mismatch';
  expect((report.suppressed ?? []).filter(web).map((f) => [f.location.file, f.suppressed])).toEqual(
    suppressed ? [['charts/web/values-prod.yaml', { kind: 'inline', reason: 'arm64 build in 2.1' }]] : [],
  );
  expect(report.findings.filter(web)).toHaveLength(1 - suppressed);
});
