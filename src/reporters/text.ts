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

/** Lines per file before "and N more" (JSON and SARIF stay complete). */
const MAX_LINES_PER_FILE = 15;
const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** One output line: a finding, standing for every finding of the same rule on the same image elsewhere. */
interface Line {
  first: Finding;
  workloads: string[];
}

/** `a, b, c and 9 more`: long lists stay one line. */
export function capList(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/**
 * Findings of the same rule, severity and image are one line at their first position ("... (in 12 workloads:
 * a, b, c and 9 more)"); files with errors come before files with only warnings or notices, and each file's
 * lines are ordered by severity, then position.
 */
function collapse(findings: readonly Finding[]): Map<string, Line[]> {
  const byKey = new Map<string, Line>();
  const lines: Line[] = [];
  for (const f of findings) {
    const key = f.image === undefined ? undefined : `${f.rule}\u0000${f.severity}\u0000${f.image}`;
    const existing = key === undefined ? undefined : byKey.get(key);
    const workload = f.workload ? `${f.workload.kind}/${f.workload.name}` : undefined;
    if (existing) {
      if (workload && !existing.workloads.includes(workload)) existing.workloads.push(workload);
      continue;
    }
    const line: Line = { first: f, workloads: workload ? [workload] : [] };
    if (key !== undefined) byKey.set(key, line);
    lines.push(line);
  }
  const files = new Map<string, Line[]>();
  for (const line of lines) {
    const list = files.get(line.first.location.file) ?? [];
    list.push(line);
    files.set(line.first.location.file, list);
  }
  const worst = (list: Line[]) => Math.min(...list.map((l) => RANK[l.first.severity]));
  for (const list of files.values())
    list.sort(
      (a, b) =>
        RANK[a.first.severity] - RANK[b.first.severity] ||
        a.first.location.line - b.first.location.line ||
        a.first.location.column - b.first.location.column,
    );
  return new Map([...files].sort((a, b) => worst(a[1]) - worst(b[1])));
}

/** Output for people: findings grouped by file, repeats collapsed, then registries not reached, notices and a summary. */
export function formatText(report: Report, options: TextOptions): string {
  const paint = (style: keyof typeof COLORS, s: string) =>
    options.color ? `\u001b[${COLORS[style][0]}m${s}\u001b[${COLORS[style][1]}m` : s;
  const out: string[] = [];
  const folded = foldedIntoOutage(report);
  const shown = report.findings.filter((finding) => !folded(finding));
  for (const [file, lines] of collapse(shown)) {
    if (out.length > 0) out.push('');
    out.push(paint('bold', file));
    for (const { first: f, workloads } of lines.slice(0, MAX_LINES_PER_FILE)) {
      const pos = `${f.location.line}:${f.location.column}`.padEnd(8);
      const where = workloads.length > 1 ? ` (in ${workloads.length} workloads: ${capList(workloads)})` : '';
      out.push(
        `  ${paint('dim', pos)} ${paint(f.severity, f.severity.padEnd(7))} ${f.message}${where}  ${paint('dim', f.rule)}`,
      );
    }
    if (lines.length > MAX_LINES_PER_FILE)
      out.push(`  ${paint('dim', `and ${lines.length - MAX_LINES_PER_FILE} more (see --format json)`)}`);
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
