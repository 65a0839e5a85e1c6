import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Report } from '../engine/report.js';
import { REPORTERS, type FormatId } from '../reporters/index.js';
import { VERSION } from '../version.js';
import { RULE_METAS } from '../rules/index.js';

/** Absolute paths of the report files written, by format; `json` is always there. */
export type WrittenFiles = Partial<Record<FormatId, string>> & { json: string };

/**
 * Writes each report file the inputs ask for, and the JSON report always (to `json-file`, or RUNNER_TEMP
 * when none is given: the `report` output points at it). Relative paths are relative to the workspace, like
 * every other path input.
 */
export async function writeReportFiles(
  report: Report,
  files: Partial<Record<FormatId, string>>,
  workspace: string,
  env: Record<string, string | undefined>,
): Promise<WrittenFiles> {
  const step = (env.GITHUB_ACTION || 'archcheck').replace(/[^\w.-]/g, '_');
  const json = files.json
    ? path.resolve(workspace, files.json)
    : path.join(env.RUNNER_TEMP || os.tmpdir(), `archcheck-report-${step}.json`);
  const targets: WrittenFiles = { ...resolveAll(files, workspace), json };
  const ctx = { color: false, rules: RULE_METAS, toolVersion: VERSION };
  for (const [id, file] of Object.entries(targets) as [FormatId, string][]) {
    await writeText(file, REPORTERS[id].render(report, ctx));
  }
  return targets;
}

function resolveAll(
  files: Partial<Record<FormatId, string>>,
  workspace: string,
): Partial<Record<FormatId, string>> {
  return Object.fromEntries(Object.entries(files).map(([id, file]) => [id, path.resolve(workspace, file)]));
}

/** Appends to the step's summary file (GITHUB_STEP_SUMMARY); false when the runner gave none. */
export async function appendJobSummary(
  markdown: string,
  env: Record<string, string | undefined>,
): Promise<boolean> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  await appendFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
  return true;
}

async function writeText(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, 'utf8');
}
