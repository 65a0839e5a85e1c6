import type { Node, YAMLMap } from 'yaml';
import { asMap, asSeq, child, keyNode, locate, scalarString, type AstContext } from '../documents/ast.js';
import type { KubeObject } from '../documents/parse.js';
import { parseImageReference } from '../images/reference.js';
import { findPodSpecs } from './generic.js';
import { apiGroup } from './kinds.js';
import { readContainer, readContainers, readScheduling } from './pod-spec.js';
import type { ContainerType, ContainerUse, Scheduling, Workload } from './workload.js';

/** A path into an object: keys, and `*` for "every item of this list" (each item names a part of the workload). */
export type CrdPath = readonly string[];

/**
 * Where a custom resource keeps what it runs. `podSpec`: a core PodSpec. `argoTemplates`: Argo Workflows
 * templates (each a pod), with workflow-level scheduling at `workflow`. `tektonSteps`: a Tekton TaskSpec
 * (steps and sidecars in one pod), scheduling from `podTemplate`. `helmValues`: the `image` values of a Helm
 * release. `kustomizeImages`: Argo CD's `kustomize.images` overrides.
 */
export type PodSource =
  | { from: 'podSpec'; path: CrdPath }
  | { from: 'argoTemplates'; templates: CrdPath; workflow: CrdPath }
  | { from: 'tektonSteps'; path: CrdPath; podTemplate?: readonly CrdPath[] }
  | { from: 'helmValues'; path: CrdPath }
  | { from: 'kustomizeImages'; path: CrdPath };

const ROLLOUT_JOB: PodSource = {
  from: 'podSpec',
  path: ['spec', 'metrics', '*', 'provider', 'job', 'spec', 'template', 'spec'],
};
const ARGO_WORKFLOW: PodSource = {
  from: 'argoTemplates',
  templates: ['spec', 'templates', '*'],
  workflow: ['spec'],
};
const KNATIVE_TEMPLATE: PodSource = { from: 'podSpec', path: ['spec', 'template', 'spec'] };
const TEKTON_PIPELINE = (spec: CrdPath, podTemplate?: readonly CrdPath[]): PodSource[] =>
  ['tasks', 'finally'].map((list) => ({
    from: 'tektonSteps',
    path: [...spec, list, '*', 'taskSpec'],
    podTemplate,
  }));

/**
 * Workload custom resources by `group/kind` (versions do not move these fields). Data, not code: a new kind is
 * one row. Sources: Argo Rollouts (argoproj.io/v1alpha1 Rollout, Experiment, AnalysisTemplate, AnalysisRun),
 * Argo Workflows (Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow), Argo CD Application,
 * Knative Serving v1, KEDA v1alpha1 ScaledJob, Tekton Pipelines v1, Flux helm-controller v2 HelmRelease.
 */
export const WORKLOAD_CRDS: Readonly<Record<string, readonly PodSource[]>> = {
  'argoproj.io/Rollout': [{ from: 'podSpec', path: ['spec', 'template', 'spec'] }],
  'argoproj.io/Experiment': [{ from: 'podSpec', path: ['spec', 'templates', '*', 'template', 'spec'] }],
  'argoproj.io/AnalysisTemplate': [ROLLOUT_JOB],
  'argoproj.io/ClusterAnalysisTemplate': [ROLLOUT_JOB],
  'argoproj.io/AnalysisRun': [ROLLOUT_JOB],
  'argoproj.io/Workflow': [ARGO_WORKFLOW],
  'argoproj.io/WorkflowTemplate': [ARGO_WORKFLOW],
  'argoproj.io/ClusterWorkflowTemplate': [ARGO_WORKFLOW],
  'argoproj.io/CronWorkflow': [
    {
      from: 'argoTemplates',
      templates: ['spec', 'workflowSpec', 'templates', '*'],
      workflow: ['spec', 'workflowSpec'],
    },
  ],
  'argoproj.io/Application': [
    { from: 'kustomizeImages', path: ['spec', 'source', 'kustomize', 'images'] },
    { from: 'kustomizeImages', path: ['spec', 'sources', '*', 'kustomize', 'images'] },
  ],
  'serving.knative.dev/Service': [KNATIVE_TEMPLATE],
  'serving.knative.dev/Configuration': [KNATIVE_TEMPLATE],
  'serving.knative.dev/Revision': [{ from: 'podSpec', path: ['spec'] }],
  'keda.sh/ScaledJob': [{ from: 'podSpec', path: ['spec', 'jobTargetRef', 'template', 'spec'] }],
  'tekton.dev/Task': [{ from: 'tektonSteps', path: ['spec'] }],
  'tekton.dev/ClusterTask': [{ from: 'tektonSteps', path: ['spec'] }],
  'tekton.dev/TaskRun': [
    { from: 'tektonSteps', path: ['spec', 'taskSpec'], podTemplate: [['spec', 'podTemplate']] },
  ],
  'tekton.dev/Pipeline': TEKTON_PIPELINE(['spec']),
  // v1 moved the pod template under taskRunTemplate; v1beta1 has it at spec.podTemplate.
  'tekton.dev/PipelineRun': TEKTON_PIPELINE(
    ['spec', 'pipelineSpec'],
    [
      ['spec', 'taskRunTemplate', 'podTemplate'],
      ['spec', 'podTemplate'],
    ],
  ),
  'helm.toolkit.fluxcd.io/HelmRelease': [{ from: 'helmValues', path: ['spec', 'values'] }],
};

/** Groups of Kubernetes itself: their kinds are either built-in workloads or hold no pods, never a generic pass. */
function isKubernetesGroup(group: string): boolean {
  return (
    ['', 'apps', 'batch', 'extensions', 'policy', 'autoscaling'].includes(group) || group.endsWith('.k8s.io')
  );
}

/**
 * Workloads of a non-built-in object: from the table when its kind is known, else from a generic search for pod
 * specs (marked `inferred`). CustomResourceDefinitions are skipped whole: their schemas name `image`,
 * `containers` and `nodeSelector` as properties, not values.
 */
export function extractCustomWorkloads(obj: KubeObject): Workload[] {
  const group = apiGroup(obj.apiVersion);
  if (obj.kind === 'CustomResourceDefinition' || isKubernetesGroup(group)) return [];
  const sources = WORKLOAD_CRDS[`${group}/${obj.kind}`];
  if (!sources) {
    return findPodSpecs(obj.ctx, obj.map).map(({ map, part, containers }) =>
      workloadOf(obj, { part, inferred: true }, containers, readScheduling(obj.ctx, map)),
    );
  }
  return sources.flatMap((source) => readSource(obj, source));
}

interface Found {
  node: Node;
  /** The `*` steps taken, e.g. `templates[build]`. */
  part: string;
}

/** Every node at `path` under `root`, `*` taking each list item (labelled by its `name`, else its index). */
export function expandPath(ctx: AstContext, root: Node, path: CrdPath): Found[] {
  let current: Found[] = [{ node: root, part: '' }];
  path.forEach((step, i) => {
    const next: Found[] = [];
    for (const { node, part } of current) {
      if (step !== '*') {
        const value = child(ctx, asMap(ctx, node), step);
        if (value) next.push({ node: value, part });
        continue;
      }
      asSeq(ctx, node)?.items.forEach((item, index) => {
        const itemNode = asMap(ctx, item) ?? asSeq(ctx, item);
        if (!itemNode) return;
        const label = scalarString(ctx, child(ctx, asMap(ctx, itemNode), 'name')) ?? String(index);
        next.push({ node: itemNode, part: `${part ? `${part}.` : ''}${path[i - 1] ?? ''}[${label}]` });
      });
    }
    current = next;
  });
  return current;
}

function readSource(obj: KubeObject, source: PodSource): Workload[] {
  const { ctx } = obj;
  switch (source.from) {
    case 'podSpec':
      return expandPath(ctx, obj.map, source.path).flatMap(({ node, part }) => {
        const spec = asMap(ctx, node);
        return spec ? [workloadOf(obj, { part }, readContainers(ctx, spec), readScheduling(ctx, spec))] : [];
      });
    case 'argoTemplates': {
      const workflow = asMap(ctx, expandPath(ctx, obj.map, source.workflow)[0]?.node);
      return expandPath(ctx, obj.map, source.templates).flatMap(({ node, part }) => {
        const template = asMap(ctx, node);
        const containers = template ? argoContainers(ctx, template) : [];
        if (!template || containers.length === 0) return [];
        return [workloadOf(obj, { part }, containers, argoScheduling(ctx, template, workflow))];
      });
    }
    case 'tektonSteps': {
      const podTemplate = (source.podTemplate ?? [])
        .map((path) => asMap(ctx, expandPath(ctx, obj.map, path)[0]?.node))
        .find((map) => map !== undefined);
      return expandPath(ctx, obj.map, source.path).flatMap(({ node, part }) => {
        const spec = asMap(ctx, node);
        const containers = spec
          ? [...listOf(ctx, spec, 'steps', 'container'), ...listOf(ctx, spec, 'sidecars', 'container')]
          : [];
        if (containers.length === 0) return [];
        return [workloadOf(obj, { part }, containers, readScheduling(ctx, podTemplate))];
      });
    }
    case 'helmValues':
      return expandPath(ctx, obj.map, source.path).flatMap(({ node }) => {
        const values = asMap(ctx, node);
        const containers = values ? valuesImages(ctx, values, 'values') : [];
        return containers.length > 0
          ? [workloadOf(obj, { part: 'values' }, containers, readScheduling(ctx, values))]
          : [];
      });
    case 'kustomizeImages':
      return expandPath(ctx, obj.map, source.path).flatMap(({ node, part }) => {
        const containers = argoCdImages(ctx, node);
        return containers.length > 0
          ? [
              workloadOf(
                obj,
                { part: part || 'kustomize.images' },
                containers,
                readScheduling(ctx, undefined),
              ),
            ]
          : [];
      });
    default: {
      const never: never = source;
      return never;
    }
  }
}

function workloadOf(
  obj: KubeObject,
  extra: { part?: string; inferred?: boolean },
  containers: ContainerUse[],
  scheduling: Scheduling,
): Workload {
  const workload: Workload = {
    kind: obj.kind,
    apiVersion: obj.apiVersion,
    name: obj.name,
    location: obj.location,
    containers,
    scheduling,
  };
  if (obj.namespace) workload.namespace = obj.namespace;
  if (extra.part) workload.part = extra.part;
  if (extra.inferred) workload.inferred = true;
  return workload;
}

function listOf(ctx: AstContext, map: YAMLMap, field: string, type: ContainerType): ContainerUse[] {
  return (asSeq(ctx, child(ctx, map, field))?.items ?? []).flatMap((item, index) => {
    const container = asMap(ctx, item);
    return container ? [readContainer(ctx, container, type, `${field}[${index}]`)] : [];
  });
}

/**
 * An Argo Workflows template's pod: `container` or `script` (named `main`), `containerSet.containers`,
 * `initContainers` and `sidecars`. https://argo-workflows.readthedocs.io/en/latest/fields/#template
 */
function argoContainers(ctx: AstContext, template: YAMLMap): ContainerUse[] {
  const single = ['container', 'script'].flatMap((field) => {
    const map = asMap(ctx, child(ctx, template, field));
    return map ? [readContainer(ctx, map, 'container', 'main')] : [];
  });
  const set = asMap(ctx, child(ctx, template, 'containerSet'));
  return [
    ...listOf(ctx, template, 'initContainers', 'init'),
    ...single,
    ...(set ? listOf(ctx, set, 'containers', 'container') : []),
    ...listOf(ctx, template, 'sidecars', 'container'),
  ];
}

/**
 * The controller sets each of nodeSelector, affinity and tolerations from the template when it has one, else
 * from the workflow spec (argo-workflows workflow/controller/workflowpod.go `addSchedulingConstraints`).
 */
function argoScheduling(ctx: AstContext, template: YAMLMap, workflow: YAMLMap | undefined): Scheduling {
  const own = readScheduling(ctx, template);
  const inherited = readScheduling(ctx, workflow);
  const result: Scheduling = { ...own };
  if (own.nodeSelector.length === 0 && !child(ctx, template, 'nodeSelector')) {
    result.nodeSelector = inherited.nodeSelector;
    if (inherited.nodeSelectorLocation) result.nodeSelectorLocation = inherited.nodeSelectorLocation;
  }
  if (!child(ctx, template, 'affinity') && inherited.requiredTerms) {
    result.requiredTerms = inherited.requiredTerms;
    if (inherited.requiredAffinityLocation)
      result.requiredAffinityLocation = inherited.requiredAffinityLocation;
  }
  if (own.tolerations.length === 0) result.tolerations = inherited.tolerations;
  return result;
}

/** A container for an image found outside a pod spec (values, overrides): parsed like any other. */
function imageUse(name: string, image: string, location: ContainerUse['location']): ContainerUse {
  const parsed = parseImageReference(image);
  return parsed.ok
    ? { name, type: 'container', image, location, ref: parsed.ref }
    : { name, type: 'container', image, location, parseError: parsed };
}

/**
 * `image` values of a Helm release: plain strings, and `{registry, repository, tag, digest}` objects. An object
 * without tag or digest takes the chart's appVersion, which we cannot see, so it is not guessed.
 */
function valuesImages(
  ctx: AstContext,
  map: YAMLMap,
  path: string,
  depth = 0,
  seen = new Set<YAMLMap>(),
): ContainerUse[] {
  // Each map is read once, however many aliases name it: an alias bomb in values must not expand.
  if (depth > 32 || seen.has(map)) return [];
  seen.add(map);
  return map.items.flatMap((pair) => {
    const key = scalarString(ctx, pair.key);
    if (key === undefined) return [];
    const here = `${path}.${key}`;
    const value = asMap(ctx, pair.value);
    if (key === 'image') {
      const text = scalarString(ctx, pair.value);
      if (text !== undefined) return [imageUse(here, text, locate(ctx, pair.value as Node))];
      const get = (k: string) => scalarString(ctx, child(ctx, value, k));
      const repository = get('repository');
      const tag = get('tag');
      const digest = get('digest');
      if (value && repository && (tag || digest)) {
        const registry = get('registry');
        const image = `${registry ? `${registry}/` : ''}${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
        const at = child(ctx, value, digest ? 'digest' : 'tag') ?? keyNode(ctx, value, 'repository');
        return [imageUse(here, image, locate(ctx, at))];
      }
    }
    return value ? valuesImages(ctx, value, here, depth + 1, seen) : [];
  });
}

/** Argo CD `kustomize.images`: `[old=]new[:tag][@digest]`; the image that runs is the part after `=`. */
function argoCdImages(ctx: AstContext, node: Node): ContainerUse[] {
  return (asSeq(ctx, node)?.items ?? []).flatMap((item, index) => {
    const text = scalarString(ctx, item);
    if (text === undefined) return [];
    const image = text.slice(text.lastIndexOf('=') + 1);
    // A name-only override keeps the manifest's tag, which is not written here.
    if (!/[:@]/.test(image.slice(image.lastIndexOf('/') + 1))) return [];
    return [imageUse(`images[${index}]`, image, locate(ctx, item as Node))];
  });
}
