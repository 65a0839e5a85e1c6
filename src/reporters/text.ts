import type { Report } from '../engine/report.js';
import { ruleDocsUrl } from '../rules/docs.js';
import { setAsideLine } from './set-aside.js';
import type { Finding, Severity } from '../rules/finding.js';
import { describeOutage, foldedIntoOutage } from './outages.js';

export interface TextOptions {
  color: boolean;
}

const COLORS: Record<Severity | 'dim' | 'bold', [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  notice: [36, 39],
  dim: [2, 22],
  bold: [1, 22],
};

/** Output for people: findings grouped by file, then notices and a one-line summary. */
export function formatText(report: Report, options: TextOptions): string {
  const paint = (style: keyof typeof COLORS, s: string) =>
    options.color ? `\u001b[${COLORS[style][0]}m${s}\u001b[${COLORS[style][1]}m` : s;
  const out: string[] = [];
  let currentFile: string | undefined;
  const folded = foldedIntoOutage(report);
  const shown = report.findings.filter((finding) => !folded(finding));
  for (const f of shown) {
    if (f.location.file !== currentFile) {
      if (currentFile !== undefined) out.push('');
      currentFile = f.location.file;
      out.push(paint('bold', currentFile));
    }
    const pos = `${f.location.line}:${f.location.column}`.padEnd(8);
    out.push(
      `  ${paint('dim', pos)} ${paint(f.severity, f.severity.padEnd(7))} ${f.message}  ${paint('dim', f.rule)}`,
    );
  }
  for (const outage of report.unreachableRegistries) {
    if (out.length > 0) out.push('');
    out.push(`${paint('warning', 'warning:')} ${describeOutage(outage)}`);
  }
  for (const notice of report.notices) {
    if (out.length > 0) out.push('');
    out.push(paint('notice', `note: ${notice}`));
  }
  const setAside = setAsideLine(report);
  if (setAside) out.push(...(out.length > 0 ? [''] : []), paint('dim', setAside));
  out.push(...ruleDocs(shown, paint));
  if (out.length > 0) out.push('');
  out.push(summaryLine(report, paint));
  return `${out.join('\n')}\n`;
}

/** Where each rule of the listed findings is explained (docs/rules/<id>.md). */
function ruleDocs(
  shown: readonly Finding[],
  paint: (style: keyof typeof COLORS, s: string) => string,
): string[] {
  const ids = [...new Set(shown.map((f) => f.rule))].sort();
  if (ids.length === 0) return [];
  return ['', 'rule docs:', ...ids.map((id) => `  ${id} ${paint('dim', ruleDocsUrl(id))}`)];
}

function summaryLine(report: Report, paint: (style: keyof typeof COLORS, s: string) => string): string {
  const { findings: n, workloads, images, files } = report.stats;
  const counts = (['error', 'warning', 'notice'] as const)
    .map((s) => (n[s] > 0 ? paint(s, `${n[s]} ${s}${n[s] === 1 ? '' : 's'}`) : `0 ${s}s`))
    .join(', ');
  const total = n.error + n.warning + n.notice;
  const head =
    total === 0
      ? paint('bold', '✓ no problems')
      : paint('bold', `✖ ${total} problem${total === 1 ? '' : 's'}`);
  return `${head} (${counts}) in ${workloads} workload(s), ${images} image(s), ${files} file(s)`;
}
