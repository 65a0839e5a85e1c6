import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseManifestFile } from '../../src/documents/parse.js';
import { WORKLOAD_CRDS } from '../../src/workloads/crds/index.js';
import { extractWorkloads } from '../../src/workloads/extract.js';
import type { Workload } from '../../src/workloads/workload.js';
import { FIXTURES } from '../kustomize/support.js';

function workloadsOf(scenario: string): Workload[] {
  const file = `${scenario}.yaml`;
  const parsed = parseManifestFile(file, readFileSync(path.join(FIXTURES, 'crds', file), 'utf8'));
  expect(parsed.problems).toEqual([]);
  return parsed.objects.flatMap(extractWorkloads);
}

const containers = (ws: Workload[]) =>
  ws.flatMap((w) =>
    w.containers.map(
      (c) =>
        `${w.kind}/${w.name}${w.part ? ` ${w.part}` : ''}: ${c.name} ${c.image} @${c.location.line}:${c.location.column}`,
    ),
  );

describe('workload CRDs without a corpus example, from scenario fixtures', () => {
  test.each([
    [
      'tekton',
      [
        'Task/build: compile golang:1.22 @8:14',
        'Task/build: package gcr.io/kaniko-project/executor:v1.23.0 @11:14',
        'Task/build: registry registry:2 @14:14',
        'TaskRun/build-run: test golang:1.22 @27:16',
        'Pipeline/release tasks[lint]: golangci golangci/golangci-lint:v1.59 @39:20',
        'Pipeline/release finally[notify]: send curlimages/curl:8.8.0 @48:20',
        'PipelineRun/release-run tasks[unit]: go-test golang:1.22 @68:22',
      ],
    ],
    [
      'flux-helmrelease',
      [
        // An image object with only a repository takes the chart's appVersion, which is not in the manifest.
        'HelmRelease/podinfo values: values.image ghcr.io/stefanprodan/podinfo:6.7.0 @20:12',
        'HelmRelease/podinfo values: values.redis.image docker.io/library/redis:7.2 @22:14',
        'HelmRelease/podinfo values: values.metrics.image quay.io/prometheus/statsd-exporter@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9 @29:17',
      ],
    ],
    [
      'argocd-application',
      [
        // A name-only override keeps the tag the manifests have, which is not here: not checked.
        'Application/guestbook kustomize.images: images[0] gcr.io/heptio-images/ks-guestbook-demo:0.2 @13:11',
        'Application/guestbook kustomize.images: images[1] quay.io/acme/worker:1.4.0 @14:11',
        'Application/multi sources[0]: images[0] nginx@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9 @26:13',
      ],
    ],
    [
      'knative',
      [
        'Configuration/hello: containers[0] ghcr.io/knative/helloworld-go:latest @11:18',
        'Revision/hello-00001: user-container ghcr.io/knative/helloworld-go@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9 @20:14',
      ],
    ],
    [
      'generic',
      // status is what ran, not what runs; the container without image is a merge patch.
      [
        'WebApp/shop spec.runtime.podTemplate.spec: migrate ghcr.io/acme/shop-migrate:1.0 @17:20',
        'WebApp/shop spec.runtime.podTemplate.spec: web ghcr.io/acme/shop:1.0 @20:20',
      ],
    ],
  ])('%s', (scenario, expected) => {
    expect(containers(workloadsOf(scenario))).toEqual(expected);
  });

  test('a pod spec of an unknown kind is marked inferred, with its scheduling', () => {
    const [shop, ...rest] = workloadsOf('generic');
    expect(rest).toEqual([]);
    expect(shop?.inferred).toBe(true);
    expect(shop?.scheduling.nodeSelector.map((s) => `${s.key}=${s.value} @${s.location.line}`)).toEqual([
      'kubernetes.io/arch=arm64 @14',
    ]);
  });

  test('known kinds are never inferred', () => {
    for (const scenario of ['tekton', 'flux-helmrelease', 'argocd-application', 'knative']) {
      expect(workloadsOf(scenario).filter((w) => w.inferred)).toEqual([]);
    }
  });

  test.each([
    ['TaskRun/build-run', 'nodeSelector', ['kubernetes.io/arch=arm64 @23']],
    ['PipelineRun/release-run', 'tolerations', ['arch=arm64 @58']],
    ['HelmRelease/podinfo', 'nodeSelector', ['kubernetes.io/arch=arm64 @16']],
    ['Configuration/hello', 'nodeSelector', ['kubernetes.io/arch=amd64 @9']],
  ])('%s reads %s from its pod template', (id, field, expected) => {
    const all = ['tekton', 'flux-helmrelease', 'knative'].flatMap(workloadsOf);
    const w = all.find((x) => `${x.kind}/${x.name}` === id);
    const got =
      field === 'nodeSelector'
        ? w?.scheduling.nodeSelector.map((s) => `${s.key}=${s.value} @${s.location.line}`)
        : w?.scheduling.tolerations.map((t) => `${t.key}=${t.value} @${t.location.line}`);
    expect(got).toEqual(expected);
  });

  test('Argo Workflows: a template without its own nodeSelector, affinity or tolerations takes the workflow-level ones', () => {
    const byPart = new Map(workloadsOf('argo-workflow-scheduling').map((w) => [w.part, w]));
    expect([...byPart.keys()]).toEqual(['templates[inherits]', 'templates[overrides]']);
    const inherits = byPart.get('templates[inherits]');
    expect(inherits?.containers.map((c) => `${c.name} ${c.image} @${c.location.line}`)).toEqual([
      'main python:3.12 @27',
    ]);
    expect(inherits?.scheduling.nodeSelector.map((s) => `${s.key}=${s.value} @${s.location.line}`)).toEqual([
      'kubernetes.io/arch=arm64 @8',
    ]);
    expect(inherits?.scheduling.tolerations.map((t) => `${t.key} @${t.location.line}`)).toEqual([
      'dedicated @10',
    ]);
    expect(
      inherits?.scheduling.requiredTerms?.[0]?.matchExpressions.map(
        (e) => `${e.key} ${e.operator} ${e.values.join()}`,
      ),
    ).toEqual(['kubernetes.io/os In linux']);
    const overrides = byPart.get('templates[overrides]');
    expect(overrides?.scheduling.nodeSelector.map((s) => `${s.key}=${s.value} @${s.location.line}`)).toEqual([
      'kubernetes.io/arch=amd64 @32',
    ]);
    // `affinity: {}` on the template replaces the workflow's: no required terms.
    expect(overrides?.scheduling.requiredTerms).toBeUndefined();
  });

  test('the table covers every kind the issue names', () => {
    expect(Object.keys(WORKLOAD_CRDS).sort()).toEqual(
      expect.arrayContaining([
        'argoproj.io/Rollout',
        'argoproj.io/Experiment',
        'argoproj.io/AnalysisTemplate',
        'argoproj.io/AnalysisRun',
        'argoproj.io/Workflow',
        'argoproj.io/WorkflowTemplate',
        'argoproj.io/ClusterWorkflowTemplate',
        'argoproj.io/CronWorkflow',
        'argoproj.io/Application',
        'serving.knative.dev/Service',
        'serving.knative.dev/Configuration',
        'serving.knative.dev/Revision',
        'keda.sh/ScaledJob',
        'tekton.dev/Task',
        'tekton.dev/Pipeline',
        'tekton.dev/StepAction',
        'helm.toolkit.fluxcd.io/HelmRelease',
      ]),
    );
  });
});
