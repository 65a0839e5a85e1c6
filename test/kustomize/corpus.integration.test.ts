import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { renderKustomizations, DEFAULT_KUSTOMIZE_SETTINGS } from '../../src/sources/kustomize/index.js';
import { discoverFiles } from '../../src/sources/discover.js';
import type { RenderOutcome } from '../../src/sources/unit.js';
import { describeCorpus } from '../support/describe-corpus.js';
import { check, CORPUS, where } from './support.js';

const EBS = 'kustomize/kubernetes-sigs__aws-ebs-csi-driver';
const ROLLOUTS = 'kustomize/argoproj__argo-rollouts';
/** The argo-rollouts trees reach outside their root for rollout-transform.yaml, as `--load-restrictor LoadRestrictionsNone` allows. */
const LOAD_RESTRICTOR = 'none';

const textOf = (file: string) => readFileSync(path.join(CORPUS, file), 'utf8').split('\n');
const lineText = (l: { file: string; line: number }) => textOf(l.file)[l.line - 1] ?? '';
/** `file:line:column` of the first line holding `needle` (after the line holding `after`), column of the needle. */
function at(file: string, needle: string, after?: string): string {
  const lines = textOf(file);
  const from = after ? lines.findIndex((l) => l.includes(after)) : 0;
  const line = lines.findIndex((l, i) => i >= from && l.includes(needle));
  if (line < 0) throw new Error(`${needle} not in ${file}`);
  return `${file}:${line + 1}:${(lines[line]?.indexOf(needle) ?? 0) + 1}`;
}

describeCorpus('the kustomize trees of the corpus, built with the real kubectl kustomize', () => {
  let outcome: RenderOutcome;
  let report: Report;
  beforeAll(async () => {
    const { files } = await discoverFiles({
      cwd: CORPUS,
      paths: ['kustomize'],
      include: [],
      exclude: [],
      globBase: CORPUS,
    });
    outcome = await renderKustomizations({
      cwd: CORPUS,
      files: files.map((f) => f.path),
      settings: { ...DEFAULT_KUSTOMIZE_SETTINGS, loadRestrictor: LOAD_RESTRICTOR },
      env: process.env,
    });
    ({ report } = await check(CORPUS, ['kustomize'], {
      kustomizeLoadRestrictor: LOAD_RESTRICTOR,
      config: `clusters:\n  - name: mixed\n    nodePools: [{name: x86, arch: amd64}, {name: graviton, arch: arm64}]\n`,
    }));
  }, 120_000);

  test('roots are the kustomizations nothing includes (components and bases are not)', () => {
    const roots = [
      ...outcome.units.map((u) => u.source.file),
      ...outcome.problems.filter((p) => p.cause !== 'image-entry-unused').map((p) => p.location.file),
    ];
    expect(roots.sort()).toEqual(
      [
        'kustomize/GoogleCloudPlatform__microservices-demo/kustomize/kustomization.yaml',
        'kustomize/GoogleCloudPlatform__microservices-demo/kustomize/tests/memorystore-with-all-components/kustomization.yaml',
        'kustomize/GoogleCloudPlatform__microservices-demo/kustomize/tests/service-mesh-istio-with-all-components/kustomization.yaml',
        'kustomize/GoogleCloudPlatform__microservices-demo/kustomize/tests/spanner-with-all-components/kustomization.yaml',
        'kustomize/argoproj__argo-cd/manifests/ha/base/redis-ha/kustomization.yaml',
        'kustomize/argoproj__argo-cd/util/kustomize/testdata/kustomization_yaml_components_monorepo/envs/inseng-pdx-egert-sandbox/namespaces/inst-system/apps/hello-world/kustomization.yaml',
        `${ROLLOUTS}/docs/features/kustomize/example/kustomization.yaml`,
        `${ROLLOUTS}/test/kustomize/rollout/kustomization.yaml`,
        `${EBS}/@221f80274ed7/deploy/kubernetes/overlays/stable/arm64/kustomization.yaml`,
        `${EBS}/deploy/kubernetes/overlays/stable/ecr/kustomization.yaml`,
        `${EBS}/deploy/kubernetes/overlays/stable/gcr/kustomization.yaml`,
        `${EBS}/deploy/kubernetes/overlays/stable/kustomization.yaml`,
      ].sort(),
    );
  });

  test('every tree builds, except the one whose openapi schema is a URL (no network here): a finding naming it', () => {
    expect(outcome.units).toHaveLength(11);
    for (const u of outcome.units) expect(u.file.documents, u.source.file).toBeGreaterThan(0);
    const failed = outcome.problems.filter((p) => p.cause !== 'image-entry-unused');
    expect(failed.map((p) => where(p.location))).toEqual([
      `${ROLLOUTS}/test/kustomize/rollout/kustomization.yaml:1:1`,
    ]);
    expect(failed[0]?.message).toMatch(
      /^kubectl kustomize failed for kustomize\/argoproj__argo-rollouts\/test\/kustomize\/rollout: .*raw\.githubusercontent\.com/,
    );
  });

  test('every workload and container points at a real source file, at its image line or at the images: entry that set it', () => {
    const containers = outcome.units.flatMap((u) => u.workloads.flatMap((w) => w.containers));
    expect(containers.length).toBeGreaterThan(90);
    for (const u of outcome.units) {
      for (const w of u.workloads) {
        expect(existsSync(path.join(CORPUS, w.location.file)), w.location.file).toBe(true);
        expect(lineText(w.location), where(w.location)).toMatch(/^(apiVersion|kind):|^---$/);
        for (const c of w.containers) {
          const text = lineText(c.location);
          expect(text.slice(c.location.column - 1), `${c.image} at ${where(c.location)}`).toMatch(
            /^(newTag|newName|digest): |^["']?[a-z0-9]/,
          );
          expect(text, where(c.location)).toMatch(/image:|newTag:|newName:|digest:/);
          if (/image:/.test(text)) expect(text).toContain(c.image.replace(/@.*/, ''));
        }
      }
    }
  });

  test('the images: transformer: findings land on the newTag line of the kustomization that set it', () => {
    const arm64 = `${EBS}/@221f80274ed7/deploy/kubernetes/overlays/stable/arm64/kustomization.yaml`;
    const mismatch = (container: string, file: string) =>
      report.findings
        .filter(
          (f) => f.rule === 'image-arch-mismatch' && f.container === container && f.location.file === file,
        )
        .map((f) => `${f.workload?.kind} ${where(f.location)}`);
    // The controller and the node DaemonSet both run the driver: one entry decides both.
    expect(mismatch('ebs-plugin', arm64)).toEqual([
      `Deployment ${at(arm64, 'v0.8.1')}`,
      `DaemonSet ${at(arm64, 'v0.8.1')}`,
    ]);
    expect(mismatch('csi-provisioner', arm64)).toEqual([`Deployment ${at(arm64, 'v2.0.2')}`]);
    const example = `${ROLLOUTS}/docs/features/kustomize/example/kustomization.yaml`;
    expect(mismatch('rollouts-demo', example)).toEqual([`Rollout ${at(example, 'green')}`]);
    expect(lineText({ file: example, line: Number(at(example, 'green').split(':')[1]) }).trim()).toBe(
      'newTag: green',
    );
  });

  test('the drift case: images: entries that match nothing are kustomize-image-unused warnings at their name', () => {
    const unused = report.findings.filter((f) => f.rule === 'kustomize-image-unused');
    expect(unused.every((f) => f.severity === 'warning')).toBe(true);
    const ecr = `${EBS}/deploy/kubernetes/overlays/stable/ecr/kustomization.yaml`;
    const gcr = `${EBS}/deploy/kubernetes/overlays/stable/gcr/kustomization.yaml`;
    const names = (file: string) =>
      unused.filter((f) => f.location.file === file).map((f) => /"([^"]+)"/.exec(f.message)?.[1]);
    // The base renamed eks-distro/kubernetes-csi/* to csi-components/*: every ecr entry but the driver's is stale.
    expect(names(ecr)).toEqual(
      [
        'external-provisioner',
        'external-attacher',
        'livenessprobe',
        'csi-snapshotter',
        'external-resizer',
        'node-driver-registrar',
      ].map((n) => `public.ecr.aws/eks-distro/kubernetes-csi/${n}`),
    );
    expect(names(gcr)).toEqual(
      ['external-provisioner', 'external-attacher', 'external-resizer'].map(
        (n) => `public.ecr.aws/csi-components/${n}`,
      ),
    );
    for (const f of unused)
      expect(lineText(f.location).slice(f.location.column - 1)).toMatch(/^public\.ecr\.aws\/|^hello-world$/);
  });

  test('no double findings: files a kustomization reads are not also read as loose manifests', () => {
    const claimedFiles = new Set(report.findings.map((f) => f.location.file));
    for (const patch of [
      'deployment-nodeSelector.yaml',
      'deployment-tolerations.yaml',
      'remove-namespace.yaml',
    ]) {
      expect([...claimedFiles].some((f) => f.endsWith(patch))).toBe(false);
    }
    // Four roots deploy base/adservice.yaml unchanged: one finding at its image line, not four.
    const adservice = 'kustomize/GoogleCloudPlatform__microservices-demo/kustomize/base/adservice.yaml';
    expect(
      report.findings.filter((f) => f.location.file === adservice).map((f) => where(f.location)),
    ).toEqual([at(adservice, 'us-central1-docker.pkg.dev')]);
    const keys = report.findings.map((f) => JSON.stringify(f));
    expect(new Set(keys).size).toBe(keys.length);
    // Only what no kustomization reads is parsed loose: the golden expected.yaml and one unused base file (the
    // redis-ha chart is a chart: its files are never read as manifests).
    expect(report.stats.files).toBe(outcome.units.length + 4);
  });

  test('a base that is itself a helm render keeps naming its chart template', () => {
    const f = report.findings.find(
      (x) =>
        x.rule === 'image-arch-mismatch' &&
        x.location.file === `${EBS}/deploy/kubernetes/base/controller.yaml`,
    );
    expect(f?.message).toContain('(from aws-ebs-csi-driver/templates/controller.yaml)');
  });

  test('the JSON6902 patch that adds an initContainer is where its image is reported', () => {
    const f = report.findings.find((x) => x.container === 'secret-init' && x.rule === 'mutable-image-tag');
    const patch =
      'kustomize/argoproj__argo-cd/manifests/ha/base/redis-ha/overlays/deployment-initContainers.yaml';
    expect(f && where(f.location)).toBe(at(patch, 'quay.io/argoproj/argocd:latest'));
  });
});
