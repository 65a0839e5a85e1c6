import type { Node, YAMLMap } from 'yaml';
import { asMap, asSeq, child, locate, scalarString, type AstContext } from '../../documents/ast.js';
import type { KubeObject } from '../../documents/parse.js';
import { readContainer, readContainers, readScheduling } from '../pod-spec.js';
import type { ContainerUse, Scheduling, Workload } from '../workload.js';
import { analysisScope, argoCalls, fillArgoImage, type ArgoScope } from './argo-params.js';
import {
  expandPath,
  imageUse,
  listOf,
  withImage,
  workloadOf,
  type CrdPath,
  type PodSource,
} from './source.js';

const ROLLOUT_JOB: PodSource = {
  from: 'argoAnalysis',
  path: ['spec', 'metrics', '*', 'provider', 'job', 'spec', 'template', 'spec'],
};
const ARGO_WORKFLOW: PodSource = {
  from: 'argoTemplates',
  templates: ['spec', 'templates', '*'],
  workflow: ['spec'],
};

/**
 * Argo's workload kinds: Argo Rollouts (argoproj.io/v1alpha1 Rollout, Experiment, AnalysisTemplate, AnalysisRun),
 * Argo Workflows (Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow), Argo CD Application.
 */
export const ARGO_CRDS: Readonly<Record<string, readonly PodSource[]>> = {
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
};

/**
 * Each Argo Workflows template that runs containers, as one workload, its images' parameters filled the ways it
 * runs (argo-params.ts). When callers pass values that make different images, each is a workload of its own,
 * named by the step or task that calls it.
 */
export function readArgoTemplates(obj: KubeObject, templates: CrdPath, workflowPath: CrdPath): Workload[] {
  const { ctx } = obj;
  const workflow = asMap(ctx, expandPath(ctx, obj.map, workflowPath)[0]?.node);
  const calls = argoCalls(ctx, workflow);
  return expandPath(ctx, obj.map, templates).flatMap(({ node, part }) => {
    const template = asMap(ctx, node);
    const containers = template ? argoContainers(ctx, template) : [];
    if (!template || containers.length === 0) return [];
    const scheduling = argoScheduling(ctx, template, workflow);
    const variants = new Map<string, { containers: ContainerUse[]; via?: string }>();
    for (const { scope, via } of calls.get(template) ?? [{ scope: NO_PARAMETERS }]) {
      const filled = containers.map((c) => withParameters(c, scope));
      const key = filled.map((c) => `${c.image}\0${c.parseError?.reason ?? ''}`).join('\n');
      if (!variants.has(key))
        variants.set(key, via === undefined ? { containers: filled } : { containers: filled, via });
    }
    return [...variants.values()].map((v) =>
      workloadOf(
        obj,
        { part: variants.size > 1 && v.via ? `${part} via ${v.via}` : part },
        v.containers,
        scheduling,
      ),
    );
  });
}

const NO_PARAMETERS: ArgoScope = { inputs: new Map(), workflow: new Map() };

/** A container whose image names Argo parameters or variables: filled in, or left as a parameter a run sets. */
function withParameters(use: ContainerUse, scope: ArgoScope): ContainerUse {
  if (!use.image.includes('{{')) return use;
  const filled = fillArgoImage(use.image, scope);
  if (filled.unknown) {
    const reason = `${use.image} uses ${filled.unknown}`;
    return { ...use, parseError: { ok: false, kind: 'parameter', reason } };
  }
  return { ...withImage(use, filled.text), written: { image: use.image, params: filled.params } };
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

/**
 * An Argo Rollouts analysis's job pods (AnalysisTemplate, ClusterAnalysisTemplate, AnalysisRun), images'
 * `{{args.x}}` filled from the string `value`s of its `spec.args`: an AnalysisRun's are the ones it runs with; a
 * template's are what a Rollout that passes none gets. Any other tag is the analysis's to fill at run time.
 */
export function readArgoAnalysis(obj: KubeObject, path: CrdPath): Workload[] {
  const { ctx } = obj;
  const scope = analysisScope(ctx, asMap(ctx, child(ctx, obj.map, 'spec')));
  return expandPath(ctx, obj.map, path).flatMap(({ node, part }) => {
    const spec = asMap(ctx, node);
    if (!spec) return [];
    const containers = readContainers(ctx, spec).map((c) => withParameters(c, scope));
    return [workloadOf(obj, { part }, containers, readScheduling(ctx, spec))];
  });
}

/** Argo CD `kustomize.images` at `path`, one workload per list found. */
export function readKustomizeImages(obj: KubeObject, path: CrdPath): Workload[] {
  return expandPath(obj.ctx, obj.map, path).flatMap(({ node, part }) => {
    const containers = argoCdImages(obj.ctx, node);
    return containers.length > 0
      ? [
          workloadOf(
            obj,
            { part: part || 'kustomize.images' },
            containers,
            readScheduling(obj.ctx, undefined),
          ),
        ]
      : [];
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
