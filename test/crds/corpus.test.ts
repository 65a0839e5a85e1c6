import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parseManifestFile } from '../../src/documents/parse.js';
import { extractWorkloads } from '../../src/workloads/extract.js';
import type { Workload } from '../../src/workloads/workload.js';
import { CORPUS } from '../support/corpus.js';
import { describeCorpus } from '../support/describe-corpus.js';

const MANIFESTS = path.join(CORPUS, 'manifests');

function workloadsOf(file: string): Workload[] {
  const parsed = parseManifestFile(file, readFileSync(path.join(MANIFESTS, file), 'utf8'));
  expect(parsed.problems).toEqual([]);
  return parsed.objects.flatMap(extractWorkloads);
}

/** `kind part: name type image @line` per container, the way a person reads the file. */
function summary(workloads: Workload[]): string[] {
  return workloads.flatMap((w) =>
    w.containers.map(
      (c) => `${w.kind}${w.part ? ` ${w.part}` : ''}: ${c.name} ${c.type} ${c.image} @${c.location.line}`,
    ),
  );
}

describeCorpus('workload CRDs in the corpus: every container found, at its image line', () => {
  test.each([
    [
      'argoproj__argo-rollouts/examples/rollout-bluegreen.yaml',
      ['Rollout: rollouts-demo container argoproj/rollouts-demo:blue @20'],
    ],
    [
      'argoproj__argo-rollouts/examples/rollout-canary.yaml',
      ['Rollout: rollouts-demo container argoproj/rollouts-demo:blue @21'],
    ],
    [
      'argoproj__argo-rollouts/examples/experiment-with-analysis.yaml',
      [
        'Experiment templates[purple]: rollouts-demo container argoproj/rollouts-demo:purple @24',
        'Experiment templates[orange]: rollouts-demo container argoproj/rollouts-demo:orange @37',
      ],
    ],
    [
      'argoproj__argo-rollouts/examples/analysis-templates.yaml',
      [
        'AnalysisTemplate metrics[pass]: sleep container alpine:3.8 @23',
        'AnalysisTemplate metrics[random-fail]: sleep container alpine:3.8 @49',
      ],
    ],
    [
      'argoproj__argo-rollouts/examples/traffic-management/job.yaml',
      ['AnalysisTemplate metrics[pass]: load-tester container argoproj/load-tester:latest @23'],
    ],
    // workloadRef: the pod template is the Deployment's, found once, as a Deployment; the Rollout has none of its own.
    [
      'argoproj__argo-rollouts/examples/rollout-template-ref.yaml',
      ['Deployment: rollouts-demo container argoproj/rollouts-demo:blue @19'],
    ],
    [
      'argoproj__argo-workflows/examples/container-set-template/graph-workflow.yaml',
      ['a @16', 'b @18', 'c @21', 'd @24'].map(
        (c) => `Workflow templates[main]: ${c.replace(' ', ' container argoproj/argosay:v2 ')}`,
      ),
    ],
    [
      'argoproj__argo-workflows/examples/sidecar-dind.yaml',
      [
        'Workflow templates[dind-sidecar-example]: main container docker:19.03.13 @16',
        'Workflow templates[dind-sidecar-example]: dind container docker:19.03.13-dind @24',
      ],
    ],
    [
      'argoproj__argo-workflows/examples/init-container.yaml',
      [
        'Workflow templates[init-container-example]: hello init alpine:3.23 @17',
        'Workflow templates[init-container-example]: main container alpine:3.23 @10',
      ],
    ],
    [
      'argoproj__argo-workflows/examples/cron-workflow.yaml',
      ['CronWorkflow templates[hello-world-with-time]: main container busybox @19'],
    ],
    [
      'argoproj__argo-workflows/examples/buildkit-template.yaml',
      [
        'WorkflowTemplate templates[clone]: main container alpine/git:v2.26.2 @90',
        'WorkflowTemplate templates[build]: main container golang:1.18 @108',
        'WorkflowTemplate templates[image]: main container moby/buildkit:v0.9.3-rootless @140',
      ],
    ],
    [
      'argoproj__argo-workflows/examples/hello-hybrid.yaml',
      [
        'Workflow templates[hello-win]: main container mcr.microsoft.com/windows/nanoserver:1809 @21',
        'Workflow templates[hello-linux]: main container alpine @28',
      ],
    ],
    [
      'kedacore__sample-go-rabbitmq/deploy/deploy-consumer-job.yaml',
      ['ScaledJob: rabbitmq-client container tsuyoshiushio/rabbitmq-client:dev3 @19'],
    ],
    // The KEDA sample's jobTargetRef.template is null: no pod, nothing to check, no crash.
    ['kedacore__keda/config/samples/keda_v1alpha1_scaledjob.yaml', []],
    [
      'knative__serving/test/test_images/multicontainer/service.yaml',
      [
        'Service: containers[0] container ko://knative.dev/serving/test/test_images/multicontainer/servingcontainer @24',
        'Service: containers[1] container ko://knative.dev/serving/test/test_images/multicontainer/sidecarcontainer @27',
      ],
    ],
    [
      'knative__serving/test/test_images/initcontainers/service.yaml',
      [
        'Service: initContainers[0] init ko://knative.dev/serving/test/test_images/volumes @34',
        'Service: containers[0] container ko://knative.dev/serving/test/test_images/volumes @25',
      ],
    ],
  ])('%s', (file, expected) => {
    expect(summary(workloadsOf(file))).toEqual(expected);
  });

  test.each([
    [
      'argoproj__argo-workflows/examples/hello-hybrid.yaml',
      'templates[hello-win]',
      ['kubernetes.io/os=windows @19'],
    ],
    [
      'argoproj__argo-workflows/examples/hello-hybrid.yaml',
      'templates[hello-linux]',
      ['kubernetes.io/os=linux @26'],
    ],
    [
      'argoproj__argo-workflows/test/e2e/expectedfailures/unschedulable.yaml',
      'templates[bad-node-selector]',
      ['beta.kubernetes.io/arch=no-such-arch @21'],
    ],
  ])('%s %s: the template-level nodeSelector, at its line', (file, part, selectors) => {
    const w = workloadsOf(file).find((x) => x.part === part);
    expect(w?.scheduling.nodeSelector.map((s) => `${s.key}=${s.value} @${s.location.line}`)).toEqual(
      selectors,
    );
  });

  test('the Rollout with workloadRef adds no workload: its Deployment is the one checked', () => {
    const kinds = workloadsOf('argoproj__argo-rollouts/examples/workload-ref/workload-ref.yaml').map(
      (w) => `${w.kind}/${w.name}`,
    );
    expect(kinds).toEqual(['Deployment/rollout-ref-deployment']);
  });

  test('no CRD schema and no operator CR yields a workload; nothing in manifests/ is inferred', () => {
    const files = readFileSync(path.join(CORPUS, 'PROVENANCE.tsv'), 'utf8')
      .split('\n')
      .map((l) => l.split('\t')[0] ?? '')
      .filter((f) => f.startsWith('manifests/') && /\.(ya?ml|json)$/.test(f));
    expect(files.length).toBeGreaterThan(90);
    const all = files.flatMap((f) => workloadsOf(f.slice('manifests/'.length)));
    expect(all.filter((w) => w.kind === 'CustomResourceDefinition')).toEqual([]);
    expect(all.filter((w) => w.inferred).map((w) => w.kind)).toEqual([]);
    // Prometheus and ThanosRuler CRs list containers without images (merge patches): not workloads.
    expect(all.filter((w) => w.kind === 'Prometheus' || w.kind === 'ThanosRuler')).toEqual([]);
  });
});
