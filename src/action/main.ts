import path from 'node:path';
import * as core from '@actions/core';
import { publishAnnotations, stepBudgets } from './annotations.js';
import { commentBody, commentMarker, upsertStickyComment } from './comment.js';
import { blobUrl, loadEventContext, type EventContext } from './event.js';
import { restoreRunCache, saveRunCache } from './cache.js';
import { appendJobSummary, writeReportFiles } from './files.js';
import { createGitHubClient, type GitHubClient } from './github.js';
import { readInputs, type Inputs } from './inputs.js';
import { ActionLogger } from './logger.js';
import { applyScope } from './scope.js';
import { coverageLost, shouldFail } from '../engine/gate.js';
import type { Report } from '../engine/report.js';
import { runArchcheck } from '../engine/run.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import { cacheRoot } from '../cache-root.js';
import { actionFormats } from '../reporters/index.js';
import { type SummaryOptions, countsText, formatSummary } from '../reporters/summary.js';
import { RULE_METAS } from '../rules/index.js';

/**
 * The workflow file that runs this step (GITHUB_WORKFLOW_REF is `owner/repo/.github/workflows/x.yml@ref`):
 * findings about charts from the `helm` input point at it.
 */
function workflowFile(workspace: string): string {
  const ref = process.env.GITHUB_WORKFLOW_REF ?? '';
  const file = ref.split('@')[0]?.split('/').slice(2).join('/');
  return path.join(workspace, file || '.github/workflows');
}

/** The Checks API caps a check run's summary at 65535 characters. */
const CHECK_SUMMARY_BYTES = 60_000;

/**
 * The action: read the inputs, run the engine, then report where reviewers look (annotations, job summary,
 * PR comment, SARIF/JSON files), set the outputs, and fail the step only when a finding reaches `fail-on`.
 * The only place that reads inputs, sets outputs and calls `setFailed`.
 */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name));
    const ctx = await loadEventContext(process.env, process.cwd());
    // Step debug logging (ACTIONS_STEP_DEBUG) only; the token never appears.
    core.debug(`inputs: ${JSON.stringify({ ...inputs, githubToken: inputs.githubToken ? '***' : '' })}`);
    core.debug(`event: ${JSON.stringify(ctx)}`);
    const logger = new ActionLogger();
    const client = githubClient(inputs, ctx);
    const cacheDir = inputs.cache
      ? cacheRoot(process.env, inputs.cacheDir && path.resolve(ctx.workspace, inputs.cacheDir))
      : undefined;
    const restored = cacheDir
      ? await logger.group('Restore the registry cache', async () => {
          const result = await restoreRunCache(cacheDir, process.env);
          core.info(result.note);
          return result;
        })
      : undefined;

    const full = await runArchcheck(
      {
        cwd: ctx.workspace,
        paths: inputs.paths,
        ...(inputs.config ? { configPath: inputs.config } : {}),
        ...(inputs.architectures ? { architectures: inputs.architectures } : {}),
        ...(inputs.githubToken ? { githubToken: inputs.githubToken } : {}),
        ...(inputs.allowPrivateRegistries ? { allowPrivateRegistries: inputs.allowPrivateRegistries } : {}),
        kustomizeLoadRestrictor: inputs.kustomizeLoadRestrictor,
        ...(inputs.maxFileSize ? { maxFileSize: inputs.maxFileSize } : {}),
        ...(inputs.helm ? { helmInput: { text: inputs.helm, declaredIn: workflowFile(ctx.workspace) } } : {}),
        ...(inputs.baseline ? { baseline: inputs.baseline } : {}),
        ...(inputs.noIgnore ? { noIgnore: true } : {}),
        deep: {
          enabled: inputs.deep,
          budgets: inputs.deepBudgets,
        },
        ...(cacheDir ? { cacheDir } : { noCache: true }),
      },
      { logger },
    );
    if (cacheDir) {
      await logger.group('Save the registry cache', async () =>
        core.info(await saveRunCache(cacheDir, restored?.key, process.env)),
      );
    }
    const { report, note } = await applyScope(full, inputs.scope, ctx, client, logger);
    const lost = inputs.failOnUnresolved ? coverageLost(report.findings).length : 0;
    const failing = shouldFail(report.stats.findings, inputs.failOn) || lost > 0;

    const files = await logger.group('Report', async () => {
      // SARIF and JSON carry every finding: code scanning must not see out-of-scope alerts as fixed.
      const written = await writeReportFiles(full, inputs.reportFiles, ctx.workspace, process.env);
      core.info(
        `Report files: ${Object.entries(written)
          .map(([id, file]) => `${id} ${file}`)
          .join(', ')}`,
      );
      const notes = note ? [note] : [];
      if (inputs.annotations) {
        const outcome = await publishAnnotations(report.findings, {
          budgets: stepBudgets(failing, logger.warnings),
          ...(client ? { client } : {}),
          ...(ctx.sha ? { sha: ctx.sha } : {}),
          checkName: ctx.job ? `archcheck (${ctx.job})` : 'archcheck',
          conclusion: failing ? 'failure' : report.findings.length > 0 ? 'neutral' : 'success',
          title: `archcheck: ${countsText(report.stats.findings)}`,
          summary: summaryOf(report, inputs, ctx, [], CHECK_SUMMARY_BYTES, 3),
          ...(ctx.runUrl ? { detailsUrl: ctx.runUrl } : {}),
        });
        notes.push(...outcome.notes);
        if (outcome.checkRunUrl) notes.push(`Annotations: [check run](${outcome.checkRunUrl}).`);
      }
      if (inputs.summary) {
        const summaryWritten = await appendJobSummary(summaryOf(report, inputs, ctx, notes), process.env);
        if (!summaryWritten)
          core.info('No GITHUB_STEP_SUMMARY: job summary skipped (not running in GitHub Actions).');
      }
      if (inputs.comment) await comment(report, inputs, ctx, client, notes, logger);
      return written;
    });

    core.setOutput('errors', report.stats.findings.error);
    core.setOutput('warnings', report.stats.findings.warning);
    core.setOutput('notices', report.stats.findings.notice);
    core.setOutput('images', report.stats.images);
    core.setOutput('workloads', report.stats.workloads);
    for (const { id, output } of actionFormats()) core.setOutput(output, files[id] ?? '');
    if (failing) {
      const why =
        lost > 0
          ? `coverage lost (${lost} finding(s)) and fail-on-unresolved is set`
          : `fail-on is ${inputs.failOn}`;
      core.setFailed(
        `archcheck: ${countsText(report.stats.findings)}; ${why}. See the annotations and the job summary.`,
      );
    }
  } catch (error) {
    if (error instanceof ConfigurationError) core.setFailed(`archcheck: ${error.message}`);
    else {
      if (error instanceof Error && error.stack) core.debug(error.stack);
      core.setFailed(`archcheck: internal error: ${errorMessage(error)}`);
    }
  }
}

function githubClient(inputs: Inputs, ctx: EventContext): GitHubClient | undefined {
  if (!inputs.githubToken || !ctx.repo) return undefined;
  return createGitHubClient(inputs.githubToken, ctx.apiUrl, ctx.repo);
}

function summaryOptions(inputs: Inputs, ctx: EventContext, notes: readonly string[]): SummaryOptions {
  const blob = blobUrl(ctx);
  return {
    rules: RULE_METAS,
    failOn: inputs.failOn,
    notes,
    ...(blob ? { blobUrl: blob } : {}),
    ...(ctx.runUrl ? { detailsUrl: ctx.runUrl } : {}),
  };
}

function summaryOf(
  report: Report,
  inputs: Inputs,
  ctx: EventContext,
  notes: readonly string[],
  maxBytes?: number,
  headingLevel: 2 | 3 = 2,
): string {
  return formatSummary(report, {
    ...summaryOptions(inputs, ctx, notes),
    headingLevel,
    ...(maxBytes ? { maxBytes } : {}),
  });
}

async function comment(
  report: Report,
  inputs: Inputs,
  ctx: EventContext,
  client: GitHubClient | undefined,
  notes: readonly string[],
  logger: ActionLogger,
): Promise<void> {
  if (!ctx.pullRequest) {
    core.info(`comment: only on pull requests (this is a ${ctx.eventName || 'local'} run)`);
    return;
  }
  if (!client) {
    logger.warning('comment: true needs a github-token; no comment was written.');
    return;
  }
  const run = ctx.runUrl ? `\n\n[Workflow run](${ctx.runUrl})` : '';
  const body = commentBody(report, summaryOptions(inputs, ctx, notes), ctx.runUrl);
  const allClear = `### ✅ archcheck: all clear\n\nNo findings remain as of ${ctx.sha ?? 'the latest run'}.${run}`;
  const result = await upsertStickyComment(
    client,
    ctx.pullRequest.number,
    commentMarker(ctx.job),
    body,
    allClear,
  );
  if (result.action === 'failed') {
    // Fork PRs get a read-only token: say so in the log, never fail the step for it.
    core.info(
      `comment: not written (${result.detail}). On pull requests from forks the token is read-only; ` +
        'otherwise give the workflow `permissions: pull-requests: write`.',
    );
  } else core.info(`comment: ${result.action}${result.detail ? ` (${result.detail})` : ''}`);
}
