import type { ParsedFile } from '../documents/parse.js';
import { collectFacts, isClusterFact } from '../nodepools/collect.js';
import type { DeclaredFacts } from '../nodepools/declared-pool.js';
import type { RenderProblem, Workload } from '../workloads/workload.js';

/**
 * What every source hands the engine, one per loose file, Helm release or kustomization root: its workloads
 * already point at the real files and lines a person edits (templates, values, bases, `images:`).
 */
export interface SourceUnit {
  /** `path`: absolute, matched against clusters' `paths`; `file`: as reports name it. */
  source: { path: string; file: string };
  /** The parsed file or rendered stream, for the run's counts and problems. */
  file: ParsedFile;
  workloads: Workload[];
  /** Cluster names it deploys to, when the config says (Helm `cluster:`); else by `source.path`. */
  clusters?: string[];
  /** Node pools and RuntimeClasses a loose file declares (collected before its objects were dropped). */
  facts?: DeclaredFacts;
  /** A notice when the file is a Go template rather than YAML. */
  template?: string;
  /** The file holds node pools or nodes (see `describesNodes`). */
  describesPools?: boolean;
}

/** What a render source hands the engine. `claimed`: absolute paths not to read again as loose manifests. */
export interface RenderOutcome {
  units: SourceUnit[];
  problems: RenderProblem[];
  claimed: Set<string>;
}

/**
 * Facts of a loose file (collected while parsing, before its objects were dropped), or of a rendered unit's
 * output (which keeps its objects), placed at the unit's source file.
 */
export function unitFacts(p: SourceUnit): DeclaredFacts[] {
  if (p.facts) return [p.facts];
  if (!p.file.objects.some(isClusterFact)) return [];
  return [collectFacts(p.file.objects, { file: p.source.file, line: 1, column: 1 })];
}
