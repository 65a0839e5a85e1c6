import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { check, FIXTURES } from '../kustomize/support.js';
import { materializeChart, standInHelm } from './standin.js';

const RENDERS = path.join(FIXTURES, 'helm/renders');
let CWD = '';
let CHART = '';

beforeAll(async () => {
  ({ dir: CWD, chart: CHART } = await materializeChart('web'));
});

describe('charts found by discovery', () => {
  test('without helm: one notice per chart saying how to get it checked, and no finding from its templates', async () => {
    const { report } = await check(CWD, [], { env: { ...process.env, PATH: path.join(CWD, 'no-bin') } });
    expect(report.findings).toEqual([]);
    expect(report.notices).toContain(
      'Helm chart charts/web was not checked: helm is not on PATH. Install helm (https://helm.sh/docs/intro/install/), or list the chart under `helm:` in .archcheck.yaml with the values you deploy.',
    );
    expect(report.workloads).toEqual([]);
  });

  test('with helm: rendered once with its default values, named after its directory', async () => {
    const helm = await standInHelm([
      { args: ['template', 'web', CHART], stdout: path.join(RENDERS, 'web-canary.yaml') },
    ]);
    const { report } = await check(CWD, [], { env: helm.env });
    expect(await helm.calls()).toEqual([['template', 'web', CHART]]);
    expect(report.findings.filter((f) => f.rule === 'render-error' || f.rule === 'yaml-parse-error')).toEqual(
      [],
    );
    expect(report.workloads.length).toBeGreaterThan(0);
    expect(report.notices.filter((n) => n.includes('Helm chart'))).toEqual([]);
  });

  test('a `helm:` entry for the chart replaces the default render', async () => {
    const helm = await standInHelm([
      { args: ['template', 'shop', CHART], stdout: path.join(RENDERS, 'web-prod.yaml') },
    ]);
    const config = `clusters:\n  - name: prod\n    nodePools: [{name: a, arch: amd64}]\nhelm:\n  - chart: ${CHART}\n    release: shop\n`;
    const { report } = await check(CWD, [], { env: helm.env, config });
    expect(await helm.calls()).toEqual([['template', 'shop', CHART]]);
    expect(report.workloads.length).toBeGreaterThan(0);
  });
});
