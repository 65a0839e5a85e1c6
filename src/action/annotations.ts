import * as core from '@actions/core';
import { SEVERITY_RANK, type Finding, type Severity } from '../rules/finding.js';
import type { AnnotationLevel, CheckAnnotation, CheckRunCreate, GitHubClient } from './github.js';
import { describeFailure } from './github.js';
import { MESSAGE_LIMIT, cap } from '../reporters/untrusted.js';

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step from workflow commands and
 * drops the rest silently (actions/toolkit docs/problem-matchers.md, "Limitations").
 */
export const STEP_LIMIT = 10;
/** The Checks API takes at most 50 annotations per request ("Create a check run", output.annotations). */
export const CHECK_BATCH = 50;

export type Budgets = Record<Severity, number>;

/**
 * What is left of the per-step limits for findings: `setFailed` spends one error annotation, and every
 * warning already logged (engine warnings go through `core.warning`) spends a warning one.
 */
export function stepBudgets(willFail: boolean, warningsLogged: number): Budgets {
  return {
    error: STEP_LIMIT - (willFail ? 1 : 0),
    warning: Math.max(0, STEP_LIMIT - warningsLogged),
    notice: STEP_LIMIT,
  };
}

/** Most severe first (stable within a severity, so file order is kept), then as many of each as the budgets allow. */
export function pickForStep(
  findings: readonly Finding[],
  budgets: Budgets,
): { shown: Finding[]; hidden: Finding[] } {
  const left = { ...budgets };
  const shown: Finding[] = [];
  const hidden: Finding[] = [];
  for (const f of mostSevereFirst(findings)) {
    if (left[f.severity] > 0) {
      left[f.severity]--;
      shown.push(f);
    } else hidden.push(f);
  }
  return { shown, hidden };
}

export function mostSevereFirst(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

const CHECK_LEVEL: Record<Severity, AnnotationLevel> = {
  error: 'failure',
  warning: 'warning',
  notice: 'notice',
};

/** A finding as a Checks API annotation; columns only on one-line ranges, as the API requires. */
export function toCheckAnnotation(f: Finding): CheckAnnotation {
  const { file, line, column, endLine, endColumn } = f.location;
  const end = endLine ?? line;
  return {
    path: file,
    start_line: line,
    end_line: end,
    ...(end === line ? { start_column: column, end_column: endColumn ?? column } : {}),
    annotation_level: CHECK_LEVEL[f.severity],
    message: annotationMessage(f),
    title: annotationTitle(f).slice(0, 255),
  };
}

/** Messages quote scanned content: capped, so one finding cannot flood the diff view. */
function annotationMessage(f: Finding): string {
  return cap(f.message, MESSAGE_LIMIT);
}

export function annotationTitle(f: Finding): string {
  return f.cluster ? `${f.rule} (cluster ${cap(f.cluster, 64)})` : f.rule;
}

export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface AnnotationOutcome {
  via: 'none' | 'commands' | 'check-run';
  shown: number;
  hidden: number;
  checkRunUrl?: string;
  /** Markdown lines for the summary, when something was not shown. */
  notes: string[];
}

export interface PublishOptions {
  budgets: Budgets;
  client?: GitHubClient;
  /** Commit for the check run: without it there is no check run. */
  sha?: string;
  checkName: string;
  conclusion: CheckRunCreate['conclusion'];
  title: string;
  /** The check run's summary markdown (at most 65535 characters). */
  summary: string;
  detailsUrl?: string;
}

/**
 * One annotation per finding: workflow commands when they all fit in the step's limits; otherwise a check
 * run carrying all of them in batches of 50; and when the token may not write checks (fork PRs), the most
 * severe that fit, saying how many were not shown and where to find them.
 */
export async function publishAnnotations(
  findings: readonly Finding[],
  options: PublishOptions,
): Promise<AnnotationOutcome> {
  if (findings.length === 0) return { via: 'none', shown: 0, hidden: 0, notes: [] };
  const picked = pickForStep(findings, options.budgets);
  if (picked.hidden.length === 0) {
    picked.shown.forEach(emitCommand);
    return { via: 'commands', shown: picked.shown.length, hidden: 0, notes: [] };
  }

  let reason = 'no GitHub token or commit to attach a check run to';
  if (options.client && options.sha) {
    const sent = await sendCheckRun(findings, options.client, options.sha, options);
    if (sent.ok) {
      const url = sent.url ? ` (${sent.url})` : '';
      core.info(`${findings.length} annotation(s) sent to check run "${options.checkName}"${url}`);
      const notes =
        sent.unsent > 0
          ? [
              `${sent.unsent} of ${findings.length} annotations could not be added to the check run: ${sent.error}.`,
            ]
          : [];
      return {
        via: 'check-run',
        shown: findings.length - sent.unsent,
        hidden: sent.unsent,
        checkRunUrl: sent.url,
        notes,
      };
    }
    reason = `the check run could not be created (${sent.error}); give the workflow \`permissions: checks: write\``;
  }

  picked.shown.forEach(emitCommand);
  const hidden = picked.hidden.length;
  const why = `GitHub shows at most ${STEP_LIMIT} errors, ${STEP_LIMIT} warnings and ${STEP_LIMIT} notices per step, and ${reason}`;
  const message = `${hidden} of ${findings.length} findings were not annotated (${why}). All findings are in the job summary, the SARIF file and the JSON report.`;
  core.info(message);
  return { via: 'commands', shown: picked.shown.length, hidden, notes: [`⚠️ ${message}`] };
}

type SendResult = { ok: true; url?: string; unsent: number; error?: string } | { ok: false; error: string };

async function sendCheckRun(
  findings: readonly Finding[],
  client: GitHubClient,
  sha: string,
  options: PublishOptions,
): Promise<SendResult> {
  const [first = [], ...rest] = batches(mostSevereFirst(findings).map(toCheckAnnotation), CHECK_BATCH);
  const output = { title: options.title, summary: options.summary };
  const created = await client.createCheckRun({
    name: options.checkName,
    head_sha: sha,
    status: 'completed',
    conclusion: options.conclusion,
    ...(options.detailsUrl ? { details_url: options.detailsUrl } : {}),
    output: { ...output, annotations: first },
  });
  if (!created.ok) return { ok: false, error: describeFailure(created) };
  let unsent = 0;
  let error: string | undefined;
  // The API appends each batch to the run's annotations; later batches must wait for earlier ones.
  for (const [i, batch] of rest.entries()) {
    const updated = await client.updateCheckRun(created.value.id, { ...output, annotations: batch });
    if (!updated.ok) {
      unsent = rest.slice(i).reduce((n, b) => n + b.length, 0);
      error = describeFailure(updated);
      break;
    }
  }
  return { ok: true, url: created.value.url, unsent, ...(error ? { error } : {}) };
}

function emitCommand(f: Finding): void {
  const { file, line, column, endLine, endColumn } = f.location;
  const oneLine = endLine === undefined || endLine === line;
  const properties: core.AnnotationProperties = {
    title: annotationTitle(f),
    file,
    startLine: line,
    startColumn: column,
    ...(oneLine ? (endColumn !== undefined ? { endColumn } : {}) : { endLine }),
  };
  // @actions/core escapes %, CR and LF in the message and also `:` and `,` in properties.
  const message = annotationMessage(f);
  if (f.severity === 'error') core.error(message, properties);
  else if (f.severity === 'warning') core.warning(message, properties);
  else core.notice(message, properties);
}
