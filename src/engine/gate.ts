import { SEVERITY_RANK, type Severity } from '../rules/finding.js';

/** The lowest severity that fails the run, or `never`. */
export type FailOn = Severity | 'never';

export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];

/** True when a finding at or above `failOn` exists: the exit status for release gates and audits. */
export function shouldFail(counts: Record<Severity, number>, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const floor = SEVERITY_RANK[failOn];
  return (Object.keys(counts) as Severity[]).some((s) => SEVERITY_RANK[s] >= floor && counts[s] > 0);
}

export function parseFailOn(value: string): FailOn | undefined {
  return (FAIL_ON_VALUES as readonly string[]).includes(value) ? (value as FailOn) : undefined;
}
