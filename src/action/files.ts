import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Report } from '../engine/report.js';
import { formatJson } from '../reporters/json.js';
import { formatSarif } from '../reporters/sarif.js';
import { VERSION } from '../version.js';
import { RULES } from '../rules/index.js';

export interface WrittenFiles {
  /** Absolute path of the JSON report (always written: the `report` output points at it). */
  json: string;
  /** Absolute path of the SARIF log, when `sarif-file` asked for one. */
  sarif?: string;
}

/**
 * Writes the JSON report (to `json-file`, or RUNNER_TEMP when none is given) and the SARIF log. Relative
 * paths are relative to the workspace, like every other path input.
 */
export async function writeReportFiles(
  report: Report,
  files: { jsonFile?: string; sarifFile?: string },
  workspace: string,
  env: Record<string, string | undefined>,
): Promise<WrittenFiles> {
  const step = (env.GITHUB_ACTION || 'archcheck').replace(/[^\w.-]/g, '_');
  const json = files.jsonFile
    ? path.resolve(workspace, files.jsonFile)
    : path.join(env.RUNNER_TEMP || os.tmpdir(), `archcheck-report-${step}.json`);
  await writeText(json, formatJson(report));
  if (!files.sarifFile) return { json };
  const sarif = path.resolve(workspace, files.sarifFile);
  await writeText(sarif, formatSarif(report, { rules: RULES, toolVersion: VERSION }));
  return { json, sarif };
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
