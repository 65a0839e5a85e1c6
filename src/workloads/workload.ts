import type { SourceLocation } from '../documents/location.js';
import type { ParsedFile } from '../documents/parse.js';
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

/**
 * One rendered source (a Helm release, a kustomization root) as the engine reads a manifest file: its
 * workloads already point at the real files and lines a person edits (templates, values, bases, `images:`).
 */
export interface RenderedUnit {
  /** `path`: absolute, matched against clusters' `paths`; `file`: as reports name it. */
  source: { path: string; file: string };
  /** The rendered stream, for the run's counts. */
  file: ParsedFile;
  workloads: Workload[];
  /** Cluster names it deploys to, when the config says (Helm `cluster:`); else by `source.path`. */
  clusters?: string[];
}

/** What a render source hands the engine. `claimed`: absolute paths not to read again as loose manifests. */
export interface RenderOutcome {
  units: RenderedUnit[];
  problems: RenderProblem[];
  claimed: Set<string>;
}
