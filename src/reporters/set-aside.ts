import type { Report } from '../engine/report.js';
import type { Finding } from '../rules/finding.js';

/** Rows listed in the collapsed block; the JSON and SARIF reports hold all of them. */
const MAX_ROWS = 30;

/** `2 suppressed, 1 already in the baseline`, or '' when nothing was set aside. */
export function setAsideCounts(report: Report): string {
  const parts = [];
  const suppressed = report.suppressed?.length ?? 0;
  const baseline = report.baseline?.length ?? 0;
  if (suppressed > 0) parts.push(`${suppressed} suppressed`);
  if (baseline > 0) parts.push(`${baseline} already in the baseline`);
  return parts.join(', ');
}

/**
 * The collapsed block of findings that do not count (suppressed, or already in the baseline), so reviewers
 * see what a pull request silenced: suppressions come from the files the pull request itself may change.
 * `md` escapes text from the scanned tree (reasons, file names) for Markdown.
 */
export function setAsideMarkdown(report: Report, h: string, md: (text: string) => string): string {
  const counts = setAsideCounts(report);
  if (!counts) return '';
  const all = [...(report.suppressed ?? []), ...(report.baseline ?? [])];
  const rows = all.slice(0, MAX_ROWS).map((f) => `| ${md(f.rule)} | ${md(where(f))} | ${md(why(f))} |`);
  const more =
    all.length > MAX_ROWS ? `\n\n_${all.length - MAX_ROWS} more in the JSON and SARIF reports._` : '';
  return (
    `${h}# Not counted: ${counts}\n\n<details><summary>${all.length} finding(s) set aside (not counted toward fail-on)</summary>\n\n` +
    `| Rule | Location | Why |\n| --- | --- | --- |\n${rows.join('\n')}${more}\n\n</details>\n`
  );
}

/** One line for the text report, or '' when nothing was set aside. */
export function setAsideLine(report: Report): string {
  const counts = setAsideCounts(report);
  return counts
    ? `not counted: ${counts} (--format json lists them; --no-ignore counts suppressed ones)`
    : '';
}

function where(f: Finding): string {
  return `${f.location.file}:${f.location.line}`;
}

function why(f: Finding): string {
  if (f.suppressed)
    return `suppressed (${f.suppressed.kind})${f.suppressed.reason ? `: ${f.suppressed.reason}` : ''}`;
  return 'in the baseline';
}
