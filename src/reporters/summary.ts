import type { FailOn } from '../engine/gate.js';
import { setAsideMarkdown } from './set-aside.js';
import { shouldFail } from '../engine/gate.js';
import type { Report } from '../engine/report.js';
import type { Finding, RuleMeta, Severity, WorkloadId } from '../rules/finding.js';
import { ruleDocsUrl } from '../rules/docs.js';
import {
  type FindingGroup,
  distinct,
  groupFindings,
  messageWithoutSubject,
  workloadName,
} from './finding-groups.js';
import { DETAILS_OVERHEAD, type RenderedTable, collapsed, renderTable } from './md-table.js';
import { describeOutage } from './outages.js';
import { matrixNote, matrixRows } from './summary-matrix.js';
import { capList } from './text.js';
import { MESSAGE_LIMIT, capMiddle, markdownCode, markdownText as md } from './untrusted.js';
import { describeUsage } from './usage.js';

/** GitHub refuses a job summary over 1 MiB per step (docs: "Adding a job summary", step isolation and limits). */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

export interface SummaryOptions {
  /** Every rule's metadata (`RULE_METAS`): the "how to fix" section reads it. */
  rules: readonly RuleMeta[];
  /** `https://github.com/OWNER/REPO/blob/SHA`: locations link to `${blobUrl}/${file}#L${line}`. */
  blobUrl?: string;
  /** Upper bound on the UTF-8 size of the markdown (default: {@link SUMMARY_LIMIT_BYTES}). */
  maxBytes?: number;
  /** The gate, so the headline can say whether these findings fail the step. */
  failOn?: FailOn;
  /** Markdown lines shown under the headline (annotations not shown, scope applied, ...). */
  notes?: readonly string[];
  /** Where the complete results are, named when rows had to be cut. */
  detailsUrl?: string;
  /** Markdown heading level of the title: 2 for the job summary, 3 for a PR comment. */
  headingLevel?: 2 | 3;
  /** Rows of each table shown open; the rest are collapsed (default {@link VISIBLE_ROWS}). */
  visibleRows?: number;
}

const SEVERITY_LABEL: Record<Severity, string> = {
  error: '❌ error',
  warning: '⚠️ warning',
  notice: 'ℹ️ notice',
};

/** Table rows shown before the rest collapse into `<details>` (the job summary; a PR comment passes fewer). */
export const VISIBLE_ROWS = 15;
/** Longest message in a table cell: the annotation on the line and the JSON/SARIF reports keep all of it. */
const CELL_MESSAGE_LIMIT = 280;
/** Longest workload or container name in a grouped row's list. */
const LIST_NAME_LIMIT = 60;

// Room kept for the lines that say what was cut, so adding them never pushes the text over the limit.
const CUT_NOTE_RESERVE = 1024;

/**
 * The job summary (and, condensed by a smaller `maxBytes`, the PR comment): a headline verdict, the findings
 * (one row per rule and image, errors first, the first `visibleRows` open and the rest collapsed), the image x
 * node-pool matrix of images with a problem, and how to fix each rule seen. Columns that hold one value on
 * every row are said once instead. Rows are dropped from the end of the tables, with a note saying how many,
 * so the text stays under `maxBytes` (GFM tables: https://github.github.com/gfm/#tables-extension-).
 */
export function formatSummary(report: Report, options: SummaryOptions): string {
  const maxBytes = options.maxBytes ?? SUMMARY_LIMIT_BYTES;
  const visible = options.visibleRows ?? VISIBLE_ROWS;
  const h = '#'.repeat(options.headingLevel ?? 2);
  const head = `${h} ${headline(report, options.failOn)}\n\n${scopeLine(report)}\n${notesBlock(options.notes ?? [])}`;
  const fixes = howToFix(report.findings, options.rules, h);
  const notes = reportNotes(report, h);
  const setAside = setAsideMarkdown(report, h, md);

  const groups = groupFindings(report.findings);
  const findings = renderTable({
    columns: [
      { header: 'Severity', name: 'Severity' },
      { header: 'Rule', name: 'Rule' },
      { header: 'Location', name: 'Location', keep: true },
      { header: 'Workload', name: 'Workload' },
      { header: 'Container', name: 'Container' },
      { header: 'Message', name: 'Message', keep: true },
    ],
    rows: groups.map((g) => groupCells(g, options.blobUrl)),
  });
  const findingHeader = `${h}# Findings\n\n`;
  const matrix = matrixRows(report);
  const matrixTable = matrix && matrix.table.rows.length > 0 ? renderTable(matrix.table) : undefined;
  const matrixHeader = matrix ? `${h}# Images × node pools\n\n` : '';
  const matrixFooter = matrix ? matrixNote(matrix.healthy, matrixTable !== undefined) : '';
  const tableCost = (t: RenderedTable | undefined, rows: number) =>
    t ? bytes(t.common) + bytes(t.header) * (rows > visible ? 2 : 1) + DETAILS_OVERHEAD : 0;

  let budget =
    maxBytes -
    bytes(head) -
    bytes(fixes) -
    bytes(notes) -
    bytes(setAside) -
    bytes(findingHeader) -
    tableCost(findings, findings.rows.length) -
    bytes(matrixHeader) -
    tableCost(matrixTable, matrixTable?.rows.length ?? 0) -
    bytes(matrixFooter) -
    CUT_NOTE_RESERVE;
  const matrixLines = matrixTable?.rows ?? [];
  const findingBytes = sum(findings.rows.map(bytes));
  const matrixBytes = sum(matrixLines.map(bytes));
  // Findings matter most; the matrix keeps at least a quarter of the room when both do not fit.
  const matrixShare =
    findingBytes + matrixBytes <= budget
      ? matrixBytes
      : Math.min(matrixBytes, Math.max(budget / 4, budget - findingBytes));
  const keptMatrix = fitRows(matrixLines, matrixShare);
  budget -= sum(keptMatrix.map(bytes));
  const keptFindings = fitRows(findings.rows, budget);

  const parts = [head];
  if (report.findings.length > 0) {
    const hiddenFindings = (n: number) =>
      sum(groups.slice(visible, visible + n).map((g) => g.members.length));
    parts.push(
      findingHeader +
        collapsed(
          findings,
          keptFindings,
          visible,
          (n) => `${plural(n, 'more row')} (${plural(hiddenFindings(n), 'finding')})`,
        ),
    );
    parts.push(cutNote(findings.rows.length - keptFindings.length, 'finding row', options.detailsUrl));
  }
  if (matrix) {
    parts.push(
      matrixHeader +
        (matrixTable ? collapsed(matrixTable, keptMatrix, visible, (n) => plural(n, 'more image')) : ''),
    );
    parts.push(cutNote(matrixLines.length - keptMatrix.length, 'image row', options.detailsUrl));
    parts.push(matrixFooter);
  }
  parts.push(setAside, fixes, notes);
  return clampBytes(parts.filter(Boolean).join('\n'), maxBytes);
}

function headline(report: Report, failOn: FailOn | undefined): string {
  const counts = report.stats.findings;
  if (report.findings.length === 0) return '✅ archcheck: no problems found';
  const fails = failOn ? shouldFail(counts, failOn) : counts.error > 0;
  const gate = failOn
    ? fails
      ? ` (fails the step: fail-on is ${failOn})`
      : ` (below fail-on: ${failOn})`
    : '';
  return `${fails ? '❌' : '⚠️'} archcheck: ${countsText(counts)}${gate}`;
}

/** `2 errors, 1 warning`, only the severities present. */
export function countsText(counts: Record<Severity, number>): string {
  const parts = (['error', 'warning', 'notice'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

function scopeLine(report: Report): string {
  const s = report.stats;
  const clusters = report.clusters
    .map(
      (c) =>
        `**${md(c.name)}**${c.assumed ? ' (assumed)' : ''}: ${c.nodePools.map((p) => `${md(p.name)} ${md(p.platform)}`).join(', ')}`,
    )
    .join('; ');
  return (
    `Checked ${plural(s.workloads, 'workload')} (${plural(s.containers, 'container')}, ${plural(s.images, 'image')}) ` +
    `in ${plural(s.files, 'file')}${clusters ? ` against ${clusters}` : ''}.`
  );
}

function notesBlock(notes: readonly string[]): string {
  // Notes are written by the action itself and may carry links: they are markdown already. Any scanned text in
  // them must have gone through markdownText; a line break is still kept inside its quote.
  return notes.length > 0 ? `\n${notes.map((n) => `> ${n.replace(/\r?\n/g, ' ')}`).join('\n>\n')}\n` : '';
}

/** The cells of one group: its first finding, and how many more places and workloads share it. */
function groupCells(g: FindingGroup, blobUrl: string | undefined): string[] {
  const f = g.first;
  const { file, line, column } = f.location;
  const where = md(`${file}:${line}:${column}`);
  const link = blobUrl
    ? `[${where}](${blobUrl}/${file.split('/').map(urlSegment).join('/')}#L${line})`
    : where;
  const places = new Set(g.members.map((m) => `${m.location.file}:${m.location.line}:${m.location.column}`));
  const more = places.size > 1 ? ` and ${places.size - 1} more` : '';
  const workloads = distinct(g.members.map(workloadName));
  const workload =
    workloads.length > 1
      ? capList(
          distinct(g.members.map((m) => (m.workload ? listName(m.workload) : ''))).map((n) =>
            md(n, LIST_NAME_LIMIT),
          ),
          2,
        )
      : md(workloads[0] ?? '');
  const containers = distinct(g.members.map((m) => m.container ?? '')).map((c) => md(c, LIST_NAME_LIMIT));
  return [
    SEVERITY_LABEL[f.severity],
    `\`${f.rule}\``,
    link + more,
    workload,
    capList(containers, 2),
    md(capMiddle(messageWithoutSubject(f), CELL_MESSAGE_LIMIT), CELL_MESSAGE_LIMIT),
  ];
}

function listName(w: WorkloadId): string {
  return `${w.namespace ? `${w.namespace}/` : ''}${w.name}`;
}

function howToFix(findings: readonly Finding[], rules: readonly RuleMeta[], h: string): string {
  const seen = new Map<string, number>();
  for (const f of findings) seen.set(f.rule, (seen.get(f.rule) ?? 0) + 1);
  if (seen.size === 0) return '';
  const known = rules.filter((r) => seen.has(r.id));
  const unknown = [...seen.keys()].filter((id) => !rules.some((r) => r.id === id));
  const lines = known.map(
    (r) =>
      `- **[\`${r.id}\`](${ruleDocsUrl(r.id)})** (${seen.get(r.id)}): ${ours(r.description)} ${ours(r.impact)}<br>**Fix:** ${ours(r.remediation)}`,
  );
  for (const id of unknown) lines.push(`- **\`${id}\`** (${seen.get(id)})`);
  return `${h}# How to fix\n\n${lines.join('\n')}\n`;
}

const MAX_LISTED_FILES = 20;

function reportNotes(report: Report, h: string): string {
  const lines = report.notices.map((n) => `- ${md(n, MESSAGE_LIMIT)}`);
  for (const outage of report.unreachableRegistries)
    lines.push(`- ⚠️ ${md(describeOutage(outage), MESSAGE_LIMIT)}`);
  const usage = describeUsage(report.registry);
  if (usage) lines.push(`- ${md(usage, MESSAGE_LIMIT)}`);
  const files = report.unmatchedFiles;
  if (files.length > 0) {
    const shown = files.slice(0, MAX_LISTED_FILES).map((f) => markdownCode(f));
    const more = files.length > MAX_LISTED_FILES ? ` and ${files.length - MAX_LISTED_FILES} more` : '';
    lines.push(
      `- ${plural(files.length, 'file')} matched no cluster's \`paths\` and ${files.length === 1 ? 'was' : 'were'} checked against no node pool: ${shown.join(', ')}${more}.`,
    );
  }
  return lines.length > 0 ? `${h}# Notes\n\n${lines.join('\n')}\n` : '';
}

function cutNote(omitted: number, what: string, detailsUrl: string | undefined): string {
  if (omitted <= 0) return '';
  const where = detailsUrl ? `the [workflow run](${detailsUrl}), ` : '';
  return `\n_${plural(omitted, what)} not shown to stay within GitHub's size limit: see ${where}the SARIF or JSON report for all of them._\n`;
}

function fitRows(rows: readonly string[], budget: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const row of rows) {
    const size = bytes(row);
    if (used + size > budget) break;
    kept.push(row);
    used += size;
  }
  return kept;
}

/** Last resort when even the fixed parts are too large: cut at a character boundary and say so. */
function clampBytes(text: string, maxBytes: number): string {
  if (bytes(text) <= maxBytes) return text;
  const note = '\n\n_(truncated: too large for GitHub)_\n';
  const buf = Buffer.from(text, 'utf8').subarray(0, Math.max(0, maxBytes - bytes(note)));
  // Drop a partial multi-byte character at the cut (its replacement char would add bytes).
  return buf.toString('utf8').replace(/\uFFFD+$/, '') + note;
}

/** A path segment for a link destination: `(` and `)` too, which encodeURIComponent keeps and which end a link. */
function urlSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Our own rule texts: escaped the same way, never cut. */
function ours(text: string): string {
  return md(text, Number.POSITIVE_INFINITY);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
