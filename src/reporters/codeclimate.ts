import type { Report } from '../engine/report.js';
import type { Severity } from '../rules/finding.js';
import { fingerprintAll } from './sarif.js';

/** GitLab's severities, lowest first: info, minor, major, critical, blocker. */
const SEVERITY: Record<Severity, CodeQualityIssue['severity']> = {
  // An error is a pod that will not start (exec format error, Pending) once deployed.
  error: 'critical',
  warning: 'major',
  notice: 'info',
};

/** One issue of GitLab's Code Quality report, which is a subset of the Code Climate engine spec. */
export interface CodeQualityIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  categories: string[];
  location: { path: string; lines: { begin: number } };
}

/**
 * GitLab Code Quality JSON (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):
 * an array of issues. GitLab compares fingerprints between the base and head pipelines, so the fingerprint
 * is the SARIF one: a hash of what the finding is about, never its line, the same for the same finding on
 * every run. The `type` and `categories` fields make it a valid Code Climate report too.
 */
export function formatCodeClimate(report: Report): string {
  const fingerprints = fingerprintAll(report.findings);
  const issues = report.findings.map((f, i): CodeQualityIssue => ({
    type: 'issue',
    description: f.message,
    check_name: f.rule,
    fingerprint: fingerprints[i] ?? '',
    severity: SEVERITY[f.severity],
    categories: ['Bug Risk'],
    location: { path: f.location.file, lines: { begin: f.location.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
