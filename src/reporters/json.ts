import type { Report } from '../engine/report.js';

/**
 * The JSON report, a public contract (documented in the README, `version` bumps on breaking change):
 * findings are flattened to `file`/`line`/`column` so other tools need no knowledge of our types.
 */
export function toJsonReport(report: Report) {
  return {
    version: report.version,
    // Suppressed and baseline findings stay in the report, marked, after those that count.
    findings: [...report.findings, ...(report.suppressed ?? []), ...(report.baseline ?? [])].map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      file: f.location.file,
      line: f.location.line,
      column: f.location.column,
      endLine: f.location.endLine,
      endColumn: f.location.endColumn,
      cluster: f.cluster,
      workload: f.workload,
      template: f.template,
      container: f.container,
      image: f.image,
      nodePools: f.nodePools,
      platforms: f.platforms,
      suppressed: f.suppressed,
      baseline: f.baseline,
    })),
    images: report.images,
    workloads: report.workloads,
    clusters: report.clusters,
    matrix: report.matrix,
    unmatchedFiles: report.unmatchedFiles,
    notices: report.notices,
    unreachableRegistries: report.unreachableRegistries,
    stats: report.stats,
  };
}

export type JsonReport = ReturnType<typeof toJsonReport>;

export function formatJson(report: Report): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
