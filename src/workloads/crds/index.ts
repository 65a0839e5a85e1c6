import { asMap } from '../../documents/ast.js';
import type { KubeObject } from '../../documents/parse.js';
import { findPodSpecs } from '../generic.js';
import { apiGroup } from '../kinds.js';
import { readContainers, readScheduling } from '../pod-spec.js';
import type { Workload } from '../workload.js';
import { ARGO_CRDS, readArgoAnalysis, readArgoTemplates, readKustomizeImages } from './argo.js';
import { FLUX_CRDS, readHelmValues } from './helm-values.js';
import { expandPath, workloadOf, type PodSource } from './source.js';
import { readTekton, TEKTON_CRDS } from './tekton.js';

const KNATIVE_TEMPLATE: PodSource = { from: 'podSpec', path: ['spec', 'template', 'spec'] };

/**
 * Workload custom resources by `group/kind` (versions do not move these fields). Data, not code: a new kind is
 * one row, in the file of its family. Here: Knative Serving v1 and KEDA v1alpha1 ScaledJob.
 */
export const WORKLOAD_CRDS: Readonly<Record<string, readonly PodSource[]>> = {
  ...ARGO_CRDS,
  'serving.knative.dev/Service': [KNATIVE_TEMPLATE],
  'serving.knative.dev/Configuration': [KNATIVE_TEMPLATE],
  'serving.knative.dev/Revision': [{ from: 'podSpec', path: ['spec'] }],
  'keda.sh/ScaledJob': [{ from: 'podSpec', path: ['spec', 'jobTargetRef', 'template', 'spec'] }],
  ...TEKTON_CRDS,
  ...FLUX_CRDS,
};

/**
 * API groups whose objects describe other objects, never run them: policy engines' patterns (Kyverno's
 * `image: "public.ecr.aws/*"`), graph and composition templates (kro's `${schema.spec.image}`, Crossplane's
 * patched bases), admission constraints. Their `containers` are matched or generated, not pods, so they are
 * not workloads. A group matches itself and its subgroups (`policies.kyverno.io`).
 */
const NOT_WORKLOAD_GROUPS: readonly string[] = [
  'kyverno.io',
  'kro.run',
  'gatekeeper.sh',
  'kubewarden.io',
  'wgpolicyk8s.io',
  'jspolicy.com',
  'apiextensions.crossplane.io',
];

function isNotWorkloadGroup(group: string): boolean {
  return NOT_WORKLOAD_GROUPS.some((g) => group === g || group.endsWith(`.${g}`));
}

/** Groups of Kubernetes itself: their kinds are either built-in workloads or hold no pods, never a generic pass. */
function isKubernetesGroup(group: string): boolean {
  return (
    ['', 'apps', 'batch', 'extensions', 'policy', 'autoscaling'].includes(group) || group.endsWith('.k8s.io')
  );
}

/**
 * Workloads of a non-built-in object: from the table when its kind is known, else from a generic search for pod
 * specs (marked `inferred`). CustomResourceDefinitions are skipped whole: their schemas name `image`,
 * `containers` and `nodeSelector` as properties, not values; so are policies and templates.
 */
export function extractCustomWorkloads(obj: KubeObject): Workload[] {
  const group = apiGroup(obj.apiVersion);
  if (obj.kind === 'CustomResourceDefinition' || isKubernetesGroup(group) || isNotWorkloadGroup(group))
    return [];
  const sources = WORKLOAD_CRDS[`${group}/${obj.kind}`];
  if (!sources) {
    return findPodSpecs(obj.ctx, obj.map).map(({ map, part, containers }) =>
      workloadOf(obj, { part, inferred: true }, containers, readScheduling(obj.ctx, map)),
    );
  }
  return sources.flatMap((source) => readSource(obj, source));
}

function readSource(obj: KubeObject, source: PodSource): Workload[] {
  const { ctx } = obj;
  switch (source.from) {
    case 'podSpec':
      return expandPath(ctx, obj.map, source.path).flatMap(({ node, part }) => {
        const spec = asMap(ctx, node);
        return spec ? [workloadOf(obj, { part }, readContainers(ctx, spec), readScheduling(ctx, spec))] : [];
      });
    case 'argoTemplates':
      return readArgoTemplates(obj, source.templates, source.workflow);
    case 'tekton':
      return readTekton(obj, source.layout);
    case 'helmValues':
      return readHelmValues(obj, source.path);
    case 'kustomizeImages':
      return readKustomizeImages(obj, source.path);
    case 'argoAnalysis':
      return readArgoAnalysis(obj, source.path);
    default: {
      const never: never = source;
      return never;
    }
  }
}
