import path from 'node:path';
import { applyBaseline, loadBaseline } from '../baseline/baseline.js';
import type { Config } from '../config/types.js';
import type { ParsedFile } from '../documents/parse.js';
import type { Logger } from '../logger.js';
import { posixRelative } from '../paths.js';
import type { Finding } from '../rules/finding.js';
import { RULE_METAS } from '../rules/index.js';
import { applySuppressions } from '../suppressions/apply.js';
import type { IgnoreComment } from '../suppressions/comments.js';
import { entryMatchers } from '../suppressions/config-entries.js';
import { commentsForFindings } from '../suppressions/read-comments.js';
import type { Workload } from '../workloads/workload.js';

export interface SetAside {
  /** Findings that count toward `--fail-on`, outputs and the exit status. */
  active: Finding[];
  suppressed: Finding[];
  baseline: Finding[];
  /** Problems with suppressions, for the log and the report's notices. */
  warnings: string[];
}

/**
 * Sets aside what the user already decided about: suppressed findings (unless `noIgnore`), then findings the
 * baseline report already had. Both stay in the report; only `active` counts.
 */
export async function setAsideFindings(
  findings: readonly Finding[],
  ctx: {
    config: Config;
    cwd: string;
    parsed: readonly ParsedFile[];
    workloads: readonly Workload[];
    noIgnore?: boolean;
    baselineFile?: string;
    today: string;
    logger: Logger;
  },
): Promise<SetAside> {
  let active = [...findings];
  let suppressed: Finding[] = [];
  const warnings: string[] = [];
  if (!ctx.noIgnore) {
    const known = new Map<string, readonly IgnoreComment[]>();
    for (const p of ctx.parsed) if (p.ignoreComments) known.set(p.file, p.ignoreComments);
    const comments = await commentsForFindings(
      findings,
      known,
      new Set(ctx.parsed.map((p) => p.file)),
      ctx.cwd,
    );
    const baseDir = ctx.config.baseDir ?? ctx.cwd;
    const outcome = applySuppressions({
      findings,
      comments,
      workloads: ctx.workloads,
      entries: entryMatchers(ctx.config.ignore ?? [], ctx.today, baseDir, ctx.cwd),
      configFile: ctx.config.file ? posixRelative(ctx.cwd, ctx.config.file) : '.archcheck.yaml',
      knownRules: new Set(RULE_METAS.map((r) => r.id)),
    });
    active = outcome.active;
    suppressed = outcome.suppressed;
    warnings.push(...outcome.warnings);
  }
  let baseline: Finding[] = [];
  if (ctx.baselineFile) {
    const split = applyBaseline(active, await loadBaseline(ctx.baselineFile, ctx.cwd));
    active = split.active;
    baseline = split.known;
    ctx.logger.info(
      `baseline ${path.basename(ctx.baselineFile)}: ${baseline.length} known, ${active.length} new finding(s)`,
    );
  }
  if (suppressed.length > 0) ctx.logger.info(`${suppressed.length} finding(s) suppressed`);
  for (const w of warnings) ctx.logger.warning(w);
  return { active, suppressed, baseline, warnings };
}

/** `YYYY-MM-DD` in UTC: what `expires` dates are compared with. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
