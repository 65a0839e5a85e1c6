import { HELM_ENV } from '../../src/subprocess-env.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseManifestFile } from '../../src/documents/parse.js';
import { helmArguments } from '../../src/sources/helm/index.js';
import { findOnPath, execText } from '../../src/sources/exec.js';
import { extractWorkloads } from '../../src/workloads/extract.js';
import { check, FIXTURES, where } from '../kustomize/support.js';
import { materializeChart, standInHelm, type StandInCase } from './standin.js';

const RENDERS = path.join(FIXTURES, 'helm/renders');
/** The run's working directory: the chart is at `charts/web` under it. */
let CWD = '';
let CHART = '';
let PROD_VALUES = '';
let PROD: StandInCase;
let CANARY: StandInCase;
const rel = (abs: string) => path.relative(CWD, abs).split(path.sep).join('/');

beforeAll(async () => {
  ({ dir: CWD, chart: CHART } = await materializeChart('web'));
  PROD_VALUES = path.join(CHART, 'values-prod.yaml');
  PROD = {
    args: ['template', 'shop', CHART, '--namespace', 'prod', '--values', PROD_VALUES],
    stdout: path.join(RENDERS, 'web-prod.yaml'),
  };
  CANARY = {
    args: ['template', 'canary', CHART, '--set-string', 'image.tag=2.1.0', '--set', 'replicaCount=3'],
    stdout: path.join(RENDERS, 'web-canary.yaml'),
  };
});

/** `file:line:column` where `needle` starts in a fixture file (the first line holding it after `after`). */
function at(file: string, needle: string, after = ''): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const from = after ? lines.findIndex((l) => l.includes(after)) : 0;
  const line = lines.findIndex((l, i) => i >= from && l.includes(needle));
  if (line < 0) throw new Error(`${needle} not in ${file}`);
  return `${rel(file)}:${line + 1}:${(lines[line]?.indexOf(needle) ?? 0) + 1}`;
}

function config(prodArchs: string[]): string {
  return `clusters:
  - name: prod
    nodePools: [${prodArchs.map((a) => `{name: ${a}-pool, arch: ${a}}`).join(', ')}]
  - name: staging
    nodePools: [{name: graviton, arch: arm64}]
helm:
  - chart: ${CHART}
    release: shop
    namespace: prod
    values: [${PROD_VALUES}]
    cluster: prod
  - chart: ${CHART}
    release: canary
    set:
      image.tag: "2.1.0"
      replicaCount: 3
    cluster: staging
`;
}

describe('Helm charts from the config, rendered by a stand-in helm', () => {
  test('helm gets the release, chart, namespace, values files and set values, each once', async () => {
    const helm = await standInHelm([PROD, CANARY]);
    const { report } = await check(CWD, ['charts'], {
      config: config(['amd64', 'arm64']),
      env: helm.env,
    });
    expect(report.findings.filter((f) => f.rule === 'render-error')).toEqual([]);
    expect((await helm.calls()).sort()).toEqual([CANARY.args, PROD.args].sort());
  });

  test('image findings point at the values line a person edits, else at the template line', async () => {
    const helm = await standInHelm([PROD, CANARY]);
    const { report } = await check(CWD, ['charts'], {
      config: config(['amd64', 'arm64']),
      env: helm.env,
    });
    const mismatches = report.findings
      .filter((f) => f.rule === 'image-arch-mismatch')
      .map((f) => `${f.cluster} ${f.container} ${where(f.location)}`)
      .sort();
    const values = path.join(CHART, 'values.yaml');
    const template = path.join(CHART, 'templates/deployment.yaml');
    const configFile =
      report.findings.find((f) => f.cluster === 'staging' && f.container === 'web')?.location.file ?? '';
    expect(configFile).toMatch(/\.archcheck\.yaml$/);
    expect(mismatches).toEqual(
      [
        // values-prod.yaml overrides the tag: that is the line to bump.
        `prod web ${at(PROD_VALUES, "'2.0.0'")}`,
        `prod sidecar ${at(values, 'busybox:1.36')}`,
        // global.imageRegistry replaced cache.image.registry; the tag still decides the image.
        `prod cache ${at(values, '7.2.4')}`,
        // The tag comes from .Chart.AppVersion: no values line, so the template's 4th image line.
        `prod metrics ${at(template, 'image: "prom/statsd-exporter')}`,
        // `set:` in the config wins over every values file.
        `staging web ${configFile}:${
          config([])
            .split('\n')
            .findIndex((l) => l.includes('image.tag')) + 1
        }:18`,
        `staging sidecar ${at(values, 'busybox:1.36')}`,
        `staging cache ${at(values, '7.2.4')}`,
        `staging metrics ${at(template, 'image: "prom/statsd-exporter')}`,
      ].sort(),
    );
    const web = report.findings.find((f) => f.container === 'web' && f.cluster === 'prod');
    expect(web?.message).toContain('Deployment prod/shop-web (from web/templates/deployment.yaml)');
    expect(web?.image).toBe('mirror.example.com/acme/web:2.0.0');
  });

  test("charts from the action's helm input render like the config's, reported at the workflow file", async () => {
    const helm = await standInHelm([PROD]);
    const workflow = path.join(CWD, '.github/workflows/deploy.yml');
    const { report } = await check(CWD, ['charts'], {
      architectures: ['amd64', 'arm64'],
      env: helm.env,
      helmInput: {
        text: `- chart: charts/web\n  release: shop\n  namespace: prod\n  values: [${rel(PROD_VALUES)}]\n`,
        declaredIn: workflow,
      },
    });
    expect(await helm.calls()).toEqual([PROD.args]);
    const web = report.findings.find((f) => f.rule === 'image-arch-mismatch' && f.container === 'web');
    expect(web && where(web.location)).toBe(at(PROD_VALUES, "'2.0.0'"));
  });

  test.each([
    [
      '- chart: charts/web\n  colour: blue\n',
      'input "helm": invalid config:\n  helm[0]: unknown key "colour"',
    ],
    ['- release: x\n', 'input "helm": invalid config:\n  helm[0]: missing required key "chart"'],
  ])('a bad helm input names the input and the key: %j', async (text, message) => {
    await expect(
      check(CWD, ['charts'], { architectures: ['amd64'], helmInput: { text, declaredIn: 'wf.yml' } }),
    ).rejects.toThrow(message);
  });

  test('a nodeSelector from values is reported at its values line', async () => {
    const helm = await standInHelm([PROD, CANARY]);
    const { report } = await check(CWD, ['charts'], { config: config(['amd64']), env: helm.env });
    const pending = report.findings.filter((f) => f.rule === 'no-eligible-nodes');
    expect(pending.map((f) => `${f.cluster} ${where(f.location)}`)).toEqual([
      `prod ${at(PROD_VALUES, 'arm64')}`,
    ]);
  });

  test("the chart's own files are not read again as manifests (no template parse errors)", async () => {
    const helm = await standInHelm([PROD, CANARY]);
    const { report } = await check(CWD, ['charts'], {
      config: config(['amd64', 'arm64']),
      env: helm.env,
    });
    expect(
      report.findings.filter(
        (f) => f.location.file.includes('templates/') && f.rule !== 'image-arch-mismatch',
      ),
    ).toEqual([]);
    expect(report.findings.map((f) => f.rule)).not.toContain('yaml-parse-error');
    expect(report.findings.map((f) => f.rule)).not.toContain('invalid-image-reference');
    expect(report.stats.files).toBe(2);
  });

  test('a chart that fails to render is a finding at the template line helm names; the other chart still runs', async () => {
    const broken: StandInCase = {
      args: PROD.args,
      code: 1,
      stderr:
        'Error: template: web/templates/deployment.yaml:22:76: executing "web/templates/deployment.yaml" at <.Values.image.repository>: nil pointer evaluating interface {}.repository\n',
    };
    const helm = await standInHelm([broken, CANARY]);
    const { report } = await check(CWD, ['charts'], {
      config: config(['amd64', 'arm64']),
      env: helm.env,
    });
    const errors = report.findings.filter((f) => f.rule === 'render-error');
    expect(errors.map((f) => where(f.location))).toEqual(['charts/web/templates/deployment.yaml:22:76']);
    expect(errors[0]?.message).toMatch(
      /^helm template failed for chart charts\/web \(release shop\): template: .*nil pointer/,
    );
    expect(
      new Set(report.findings.filter((f) => f.rule === 'image-arch-mismatch').map((f) => f.cluster)),
    ).toEqual(new Set(['staging']));
  });

  test('a file helm names by its absolute path is said relative to the working directory', async () => {
    const missing: StandInCase = {
      args: PROD.args,
      code: 1,
      stderr: `Error: open ${PROD_VALUES}: no such file or directory\n`,
    };
    const helm = await standInHelm([missing, CANARY]);
    const { report } = await check(CWD, ['charts'], { config: config(['amd64', 'arm64']), env: helm.env });
    const [error] = report.findings.filter((f) => f.rule === 'render-error');
    expect(error?.message).toBe(
      'helm template failed for chart charts/web (release shop): open charts/web/values-prod.yaml: no such file or directory',
    );
  });

  test('helm failing silently: the command line is said with helm and paths as the user knows them', async () => {
    const helm = await standInHelm([{ args: PROD.args, code: 1 }, CANARY]);
    const { report } = await check(CWD, ['charts'], { config: config(['amd64', 'arm64']), env: helm.env });
    const [error] = report.findings.filter((f) => f.rule === 'render-error');
    expect(error?.message).toBe(
      'helm template failed for chart charts/web (release shop): Command failed: helm template shop charts/web --namespace prod --values charts/web/values-prod.yaml',
    );
  });

  test('without helm on PATH every chart is a finding at its config entry, and nothing is checked silently', async () => {
    const { report } = await check(CWD, ['charts'], {
      config: config(['amd64', 'arm64']),
      env: { PATH: path.join(FIXTURES, 'no-such-bin') },
    });
    const lines = config([]).split('\n');
    const entries = lines.flatMap((l, i) => (l.startsWith('  - chart:') ? [i + 1] : []));
    expect(report.findings.map((f) => `${f.rule} ${f.location.line}:${f.location.column}`)).toEqual(
      entries.map((l) => `render-error ${l}:5`),
    );
    expect(report.findings[0]?.message).toBe(
      'chart charts/web (release shop) was not rendered or checked: helm is not on PATH; install it (https://helm.sh/docs/intro/install/).',
    );
    expect(report.workloads).toEqual([]);
  });

  const position = { line: 1, column: 1 };
  test.each([
    [[{ key: 'a', value: 'x,y\\z', string: true, position }], {}, ['--set-string', 'a=x\\,y\\\\z']],
    [[{ key: 'enabled', value: 'true', string: false, position }], {}, ['--set', 'enabled=true']],
    [[], { namespace: 'ns', version: '1.2.3' }, ['--namespace', 'ns', '--version', '1.2.3']],
  ])('helm arguments: set %j, %j', (set, extra, tail) => {
    const entry = {
      chart: 'repo/web',
      local: false,
      release: 'r',
      values: [],
      set,
      declaredIn: '/repo/.archcheck.yaml',
      position,
      ...extra,
    };
    expect(helmArguments(entry)).toEqual(['template', 'r', 'repo/web', ...tail]);
  });

  // helm is on GitHub's runners, not on these machines: where it is, the canned render must be what it renders.
  test.runIf(findOnPath('helm', process.env) !== undefined)(
    'the canned render matches a real helm template',
    async () => {
      const helm = findOnPath('helm', process.env) as string;
      const run = await execText(helm, PROD.args, {
        cwd: CWD,
        env: process.env,
        allow: HELM_ENV,
        timeoutMs: 60_000,
      });
      expect(run.ok).toBe(true);
      const images = (text: string) =>
        parseManifestFile('x', text)
          .objects.flatMap(extractWorkloads)
          .flatMap((w) => w.containers.map((c) => c.image));
      expect(images(run.ok ? run.stdout : '')).toEqual(images(readFileSync(PROD.stdout as string, 'utf8')));
    },
  );
});
