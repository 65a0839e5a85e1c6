import { cp, mkdtemp, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatText } from '../../src/reporters/text.js';
import { standInHelm } from '../helm/standin.js';
import { check, tableSource } from '../kustomize/support.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/firstrun/', import.meta.url));
/** Every image has both architectures: nothing is wrong in this repository. */
const MULTI_ARCH = tableSource({}, ['linux/amd64', 'linux/arm64']);
let REPO = '';

// A copy with the chart's template named as helm names it (the repo keeps it `.tmpl`: it is not YAML).
beforeAll(async () => {
  REPO = path.join(await mkdtemp(path.join(tmpdir(), 'archcheck-firstrun-')), 'shop');
  await cp(path.join(FIXTURE, 'shop'), REPO, { recursive: true });
  const templates = path.join(REPO, 'charts/web/templates');
  await rename(path.join(templates, 'deployment.yaml.tmpl'), path.join(templates, 'deployment.yaml'));
  // A Go-template manifest kept outside any chart (a skaffold/CI render input).
  await writeFile(
    path.join(REPO, 'deploy/job.yaml'),
    'kind: Job\nmetadata:\n  name: {{ .Name }}\n  labels: {{ .Labels | toYaml }}\nspec: [{{ .Spec }}\n',
  );
});

const names = (report: { workloads: { name: string }[] }) => report.workloads.map((w) => w.name).sort();
const LOOSE_AND_KUSTOMIZE = ['cart', 'checkout', 'frontend', 'prod-api', 'redis', 'staging-api'];

describe('the first run on a repository shaped like a real one', () => {
  test('without helm: every workload checked, no parse error from templates, one notice for the chart', async () => {
    const { report } = await check(REPO, [], { source: MULTI_ARCH, architectures: [] });
    expect(report.findings).toEqual([]);
    expect(names(report)).toEqual(LOOSE_AND_KUSTOMIZE);
    expect(report.notices.filter((n) => n.startsWith('Helm chart charts/web was not checked'))).toHaveLength(
      1,
    );
    const text = formatText(report, { color: false });
    expect(text).toContain('cluster/nodepool.yaml');
    expect(text.split('\n').length).toBeLessThan(30);
    expect(text).toMatch(/✓ no problems/);
  });

  test('with helm: the chart is rendered with its default values and its workload checked too', async () => {
    const helm = await standInHelm([
      {
        args: ['template', 'web', path.join(REPO, 'charts/web')],
        stdout: path.join(FIXTURE, 'renders/web.yaml'),
      },
    ]);
    const { report } = await check(REPO, [], { source: MULTI_ARCH, env: helm.env, architectures: [] });
    expect(report.findings).toEqual([]);
    expect(names(report)).toEqual([...LOOSE_AND_KUSTOMIZE, 'web-web'].sort());
    expect(report.notices.some((n) => n.includes('Helm chart'))).toBe(false);
  });
});
