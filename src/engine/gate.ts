import { SEVERITY_RANK, type Finding, type Severity } from '../rules/finding.js';

/** The lowest severity that fails the run, or `never`. */
export type FailOn = Severity | 'never';

export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];

/** True when a finding at or above `failOn` exists: the exit status for release gates and audits. */
export function shouldFail(counts: Record<Severity, number>, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const floor = SEVERITY_RANK[failOn];
  return (Object.keys(counts) as Severity[]).some((s) => SEVERITY_RANK[s] >= floor && counts[s] > 0);
}

/**
 * Rules whose findings mean part of the deployment went unchecked (an image no registry answered for, a
 * workload no cluster covers). `--fail-on-unresolved` fails the run on them, so an outage is never green.
 */
const COVERAGE_RULES: ReadonlySet<string> = new Set(['image-unresolved', 'workload-not-checked']);

/** Counted findings (at warning or above: `ko://` notices are by design) that mean coverage was lost. */
export function coverageLost(findings: readonly Finding[]): Finding[] {
  return findings.filter(
    (f) => COVERAGE_RULES.has(f.rule) && SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning,
  );
}

export function parseFailOn(value: string): FailOn | undefined {
  return (FAIL_ON_VALUES as readonly string[]).includes(value) ? (value as FailOn) : undefined;
}
