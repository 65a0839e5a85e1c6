import type { SourceLocation } from '../documents/location.js';

export type Severity = 'error' | 'warning' | 'notice';
/** A configured level: a severity, or `off` to drop the rule. */
export type RuleLevel = Severity | 'off';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, notice: 1 };

export interface WorkloadId {
  kind: string;
  name: string;
  namespace?: string;
  /** Which part of a custom resource (`templates[build]`, `tasks[test]`): one object may hold several workloads. */
  part?: string;
}

/** One problem, always at a position. Produced by the checks in this folder; read by every reporter. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  location: SourceLocation;
  cluster?: string;
  workload?: WorkloadId;
  /** The Helm chart template the workload was rendered from (`chart/templates/deployment.yaml`), when known. */
  template?: string;
  container?: string;
  /** The image as written in the manifest. */
  image?: string;
  /** Node pools concerned (for arch mismatches: the pools the image cannot run on). */
  nodePools?: string[];
  /** Platforms concerned (for arch mismatches: the platforms the image lacks). */
  platforms?: string[];
  /** Set when a suppression silenced it: it stays in reports but counts toward nothing. */
  suppressed?: Suppression;
  /** Set when the `--baseline` report already had it: shown apart, counts toward nothing. */
  baseline?: true;
}

/** Why a finding is silenced: `inline` (a comment or annotation in the manifest) or `config` (`ignore:`). */
export interface Suppression {
  kind: 'inline' | 'config';
  reason?: string;
}

/** Metadata of a check: its id is a public contract (config, suppressions, SARIF). */
export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule detects. */
  description: string;
  /** What happens at runtime when this is ignored. */
  impact: string;
  /** How to fix it, in a sentence or two. */
  remediation: string;
}
