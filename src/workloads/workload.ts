import type { SourceLocation } from '../documents/location.js';
import type { ImageParseFailure } from '../images/reference.js';
import type { ImageRef } from '../images/reference.js';
import type { AnnotationIgnore } from '../suppressions/annotations.js';

export type ContainerType = 'container' | 'init' | 'ephemeral';

/** One container (or init/ephemeral container) of a workload and the image it runs, where it is written. */
export interface ContainerUse {
  name: string;
  type: ContainerType;
  /** The image as written; '' when the container has none. */
  image: string;
  ref?: ImageRef;
  parseError?: ImageParseFailure;
  /** Position of the `image:` value (of the container when it has no image). */
  location: SourceLocation;
  /** `command` and `args` when written as lists of strings: they replace the image's Entrypoint and Cmd. */
  command?: string[];
  args?: string[];
  /**
   * Set when `image` was built from parameters (Tekton `$(params.x)`): the image as written, and each parameter
   * value that went into it. `image` is then the value that runs, and what is checked.
   */
  written?: { image: string; params: ImageParam[] };
}

/** One parameter value substituted into an image: a declared `default`, or the `value` a run or task passes. */
export interface ImageParam {
  name: string;
  from: 'default' | 'value';
  location: SourceLocation;
}

/**
 * The Tekton params one level declares (`default`s) or passes (`value`s). `outer` is where the values themselves
 * are filled from: a pipeline task's `value: $(params.tag)` names the pipeline's param, not its own.
 */
export interface ParamTable {
  entries: ReadonlyMap<string, { text: string; param: ImageParam }>;
  outer: readonly ParamTable[];
}

/** Where a Tekton param is looked up: innermost table first, the first that has the name wins. */
export type ParamScope = readonly ParamTable[];

/**
 * A Tekton step that runs a StepAction (`ref:`) instead of an image of its own: the image is the StepAction's.
 * When that StepAction is among the scanned files, the step runs its image filled with the params the step
 * passes (src/workloads/step-actions.ts).
 */
export interface StepActionUse {
  /** The step's name (`steps[2]` when it has none). */
  step: string;
  /** `ref.name`; absent when a remote resolver (`ref.resolver`) fetches the StepAction at run time. */
  name?: string;
  resolver?: string;
  /** Position of the step's `ref:` key. */
  location: SourceLocation;
  /** The string values the step passes in its `params`, themselves filled from the task's params. */
  params: ParamTable;
}

/** A StepAction's container with its image as written, and its params' defaults: what each step fills in. */
export interface StepActionImage {
  container: ContainerUse;
  defaults: ParamTable;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values: string[];
  location: SourceLocation;
}

export interface NodeSelectorTerm {
  matchExpressions: NodeSelectorRequirement[];
  /** matchFields select nodes by name/fields: we cannot evaluate them, so they never narrow pools. */
  hasMatchFields: boolean;
  location: SourceLocation;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  location: SourceLocation;
}

/** The constraints that decide which nodes a pod may land on, each with its position. */
export interface Scheduling {
  nodeSelector: { key: string; value: string; location: SourceLocation }[];
  nodeSelectorLocation?: SourceLocation;
  /** requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms; undefined when absent. */
  requiredTerms?: NodeSelectorTerm[];
  requiredAffinityLocation?: SourceLocation;
  tolerations: Toleration[];
  /** `runtimeClassName`: its RuntimeClass may add a nodeSelector and tolerations at admission. */
  runtimeClassName?: { name: string; location: SourceLocation };
}

/** A pod template and where it came from. */
export interface Workload {
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
  location: SourceLocation;
  /** Found by the generic pass in an unknown kind, not from a known pod-spec path. */
  inferred?: boolean;
  /** For workloads inside a CRD: which part (e.g. `templates[build].container`). */
  part?: string;
  /** The Helm chart template it was rendered from (`# Source: chart/templates/x.yaml`), when known. */
  template?: string;
  containers: ContainerUse[];
  /** Tekton steps that run StepActions (whose images are not written here). */
  stepActions?: StepActionUse[];
  /** A Tekton StepAction's own image, to fill for each step that runs it. */
  stepAction?: StepActionImage;
  scheduling: Scheduling;
  /** `archcheck.io/ignore` annotations of the object it comes from. */
  ignore?: AnnotationIgnore;
}

/**
 * Something rendering reported, as a fact; the rules decide what each cause is reported as
 * (src/rules/causes.ts).
 */
export interface RenderProblem {
  /**
   * `invalid`: a kustomization that cannot be read; `tool-missing`: helm or kustomize is not installed;
   * `build-failed`: `helm template` or the build failed; `image-entry-unused`: an `images:` entry matched nothing.
   */
  cause: 'invalid' | 'tool-missing' | 'build-failed' | 'image-entry-unused';
  message: string;
  location: SourceLocation;
}
