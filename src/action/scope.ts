import type { Report } from '../engine/report.js';
import { canonicalImage, parseImageReference } from '../images/reference.js';
import type { Logger } from '../logger.js';
import type { Severity } from '../rules/finding.js';
import type { EventContext } from './event.js';
import { describeFailure, type GitHubClient } from './github.js';
import type { Scope } from './inputs.js';

/**
 * The report restricted to findings located in `changedFiles` (repository-relative paths, as the pulls
 * "List pull requests files" endpoint returns them). Counts are recomputed. The image x pool matrix keeps the
 * images of those findings and of the workloads declared in those files, so a reviewer sees the rows this
 * pull request touches; images and workloads are kept whole, since they describe what was checked.
 * Report files are relative to the working directory, GITHUB_WORKSPACE, where actions/checkout puts the
 * repository root by default.
 */
export function restrictToFiles(report: Report, changedFiles: readonly string[]): Report {
  const changed = new Set(changedFiles);
  const findings = report.findings.filter((f) => changed.has(f.location.file));
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  const written = [
    ...findings.flatMap((f) => f.image ?? []),
    ...report.workloads.filter((w) => changed.has(w.file)).flatMap((w) => w.containers.map((c) => c.image)),
  ];
  const images = new Set(written.map(matrixImage));
  const matrix = report.matrix.filter((cell) => images.has(cell.image));
  return { ...report, findings, matrix, stats: { ...report.stats, findings: counts } };
}

/** The matrix names an image by its canonical reference, or as written when it does not parse. */
function matrixImage(written: string): string {
  const parsed = parseImageReference(written);
  return parsed.ok ? canonicalImage(parsed.ref) : written;
}

export interface ScopedReport {
  report: Report;
  /** Markdown for the summary saying what the scope left out. */
  note?: string;
}

/**
 * `scope: changed` on a pull request: keep findings in the PR's files (fetched from the API). Elsewhere
 * (push, schedule, workflow_dispatch, merge_group) every finding is reported: an audit sees everything.
 * When the files cannot be listed, every finding is reported too, with a warning: hiding them would be worse.
 */
export async function applyScope(
  report: Report,
  scope: Scope,
  ctx: EventContext,
  client: GitHubClient | undefined,
  logger: Logger,
): Promise<ScopedReport> {
  if (scope === 'all') return { report };
  if (!ctx.pullRequest) {
    logger.info(
      `scope: changed applies to pull requests; on a ${ctx.eventName || 'local'} run every finding is reported.`,
    );
    return { report };
  }
  if (!client) {
    logger.warning(
      "scope: changed needs a github-token to list the pull request's files: every finding is reported.",
    );
    return { report };
  }
  const files = await client.pullRequestFiles(ctx.pullRequest.number);
  if (!files.ok) {
    logger.warning(
      `scope: changed could not list the pull request's files (${describeFailure(files)}): every finding is reported. ` +
        'Give the workflow `permissions: pull-requests: read`.',
    );
    return { report };
  }
  const scoped = restrictToFiles(report, files.value);
  const left = report.findings.length - scoped.findings.length;
  logger.info(
    `scope: changed: ${files.value.length} changed file(s), ${scoped.findings.length} finding(s) in them, ${left} elsewhere not reported`,
  );
  const note =
    left > 0
      ? `Scope \`changed\`: ${left} finding${left === 1 ? '' : 's'} in files this pull request does not change ${left === 1 ? 'is' : 'are'} not reported here (the JSON report and the SARIF file have every finding).`
      : undefined;
  return { report: scoped, ...(note ? { note } : {}) };
}
