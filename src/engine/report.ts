import type { RegistryUsage } from '../registry/http/usage.js';
import type { Finding, Severity } from '../rules/finding.js';
import type { CellVerdict } from '../rules/verdict.js';

/** What one run found: the single value every reporter (text, JSON, SARIF, annotations, summary) reads. */
export interface Report {
  version: 1;
  /** Findings that count: toward `--fail-on`, the outputs, annotations and the exit status. */
  findings: Finding[];
  /** Findings a suppression silenced (`suppressed` set): reported, never counted. */
  suppressed?: Finding[];
  /** Findings the `--baseline` report already had (`baseline: true`): reported apart, never counted. */
  baseline?: Finding[];
  images: ImageEntry[];
  workloads: WorkloadEntry[];
  clusters: ClusterEntry[];
  /** One cell per image and node pool of each cluster the image's workloads are checked against. */
  matrix: MatrixCell[];
  /** Files that no cluster's `paths` matched: parsed, but checked against no node pool. */
  unmatchedFiles: string[];
  /** Run-level messages for people (assumptions made, how to declare what was assumed). */
  notices: string[];
  /**
   * Registry hosts cut off for the run (unreachable, or rate-limiting), each with the images left unchecked
   * because of it: reporters say so once per host, while each image keeps its own `image-unresolved` finding.
   */
  unreachableRegistries: UnreachableRegistry[];
  stats: ReportStats;
  /** What resolving images cost (requests by kind, cache hits, pull quotas); absent when no registry was asked. */
  registry?: RegistryUsage;
}

export interface UnreachableRegistry {
  /** The host that was cut off, e.g. `registry-1.docker.io`. */
  registry: string;
  kind: 'unreachable' | 'rate-limited';
  /** The first failure, e.g. `ENOTFOUND from https://registry-1.docker.io/v2/`. */
  reason: string;
  /** Canonical references, sorted. */
  images: string[];
}

export interface ImageEntry {
  /** As written in the manifest (the first spelling seen). */
  reference: string;
  canonical?: string;
  digest?: string;
  /** Normalized `os/arch[/variant]`, sorted. */
  platforms: string[];
  error?: string;
}

export interface WorkloadEntry {
  kind: string;
  name: string;
  namespace?: string;
  /** Which part of a custom resource it is, when the object holds several workloads (`templates[build]`). */
  part?: string;
  file: string;
  line: number;
  /** The Helm chart template it was rendered from (`chart/templates/deployment.yaml`), when known. */
  template?: string;
  inferred?: boolean;
  containers: {
    name: string;
    type: 'container' | 'init' | 'ephemeral';
    /** The image that runs: for an image built from Tekton or Argo parameters, with their values filled in. */
    image: string;
    /** The image as the manifest writes it, when params filled it in (`$(params.image)`). */
    written?: string;
    /** Present when the image is written in another file than the workload: an `images:` entry, a patch. */
    file?: string;
    line: number;
    column: number;
  }[];
}

export interface ClusterEntry {
  name: string;
  assumed: boolean;
  /** `declaredIn`: `file:line` of the Karpenter, eksctl or node-list object a pool was read from. */
  nodePools: { name: string; platform: string; declaredIn?: string }[];
}

/** Decided by `poolVerdict` (rules/verdict.ts), which the image-arch-mismatch rule reads too. */
export type { CellVerdict };

export interface MatrixCell {
  /** Canonical image reference (or the written one when it does not parse). */
  image: string;
  cluster: string;
  /**
   * The name of the one node pool of this cell; findings' and clusters' `nodePools` list several. Both
   * names are part of the JSON contract (README), so they stay as they are.
   */
  nodePool: string;
  verdict: CellVerdict;
}

export interface ReportStats {
  files: number;
  documents: number;
  /** Documents that are not Kubernetes objects (no kind/apiVersion), skipped. */
  skippedDocuments: number;
  /**
   * Documents that can hold no container (no key naming `image`, not a workload kind), so were only checked for
   * syntax, never composed; counted in `documents` too. Absent when none.
   */
  syntaxOnlyDocuments?: number;
  workloads: number;
  containers: number;
  images: number;
  findings: Record<Severity, number>;
  /** How many findings were suppressed, and how many the baseline already had (absent when none). */
  suppressed?: number;
  baseline?: number;
}
