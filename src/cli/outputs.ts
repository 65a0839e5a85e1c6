import { stat, writeFile } from 'node:fs/promises';
import { safeTerminalText } from '../reporters/untrusted.js';
import path from 'node:path';
import type { Report } from '../engine/report.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import { FORMAT_IDS, isFormatId, REPORTERS, type FormatId, type RenderContext } from '../reporters/index.js';

/** One report to write: a format and its file, or stdout when `file` is absent. */
export interface OutputTarget {
  format: FormatId;
  file?: string;
}

/**
 * Pairs `--format` and `--output` values in order, as curl pairs `-o` with URLs: the n-th `--output` writes
 * the n-th `--format`; formats left without one go to stdout (`-` says so explicitly). No `--format` means
 * text. Throws `ConfigurationError` for anything that would lose or mix output, before the scan runs.
 */
export async function planOutputs(
  formats: readonly string[],
  outputs: readonly string[],
  cwd: string,
): Promise<OutputTarget[]> {
  const ids = formats.length > 0 ? formats : ['text'];
  if (outputs.length > ids.length) {
    throw new ConfigurationError(
      `--output ${outputs[ids.length]} has no --format to pair with: give one --format per --output, in order`,
    );
  }
  const targets = ids.map((id, i): OutputTarget => {
    if (!isFormatId(id))
      throw new ConfigurationError(`--format must be one of ${FORMAT_IDS.join(', ')}, not "${id}"`);
    const output = outputs[i];
    return output === undefined || output === '-'
      ? { format: id }
      : { format: id, file: path.resolve(cwd, output) };
  });
  const toStdout = targets.filter((t) => !t.file).map((t) => t.format);
  if (toStdout.length > 1) {
    throw new ConfigurationError(
      `only one format can go to stdout, but ${toStdout.join(' and ')} would: give each an --output FILE`,
    );
  }
  const seen = new Set<string>();
  for (const { file } of targets) {
    if (!file) continue;
    if (seen.has(file)) throw new ConfigurationError(`--output ${file} is given twice`);
    seen.add(file);
    await checkWritable(file);
  }
  return targets;
}

/** A missing directory or a directory in the file's place is the user's to fix: say so before scanning. */
async function checkWritable(file: string): Promise<void> {
  const dir = path.dirname(file);
  const parent = await stat(dir).catch(() => undefined);
  if (!parent?.isDirectory())
    throw new ConfigurationError(`--output ${file}: directory ${dir} does not exist`);
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory())
    throw new ConfigurationError(`--output ${file} is a directory; give a file name`);
}

/** Renders each target and writes it; a failed write (permissions, full disk) is the user's to fix. */
export async function writeOutputs(
  report: Report,
  targets: readonly OutputTarget[],
  ctx: RenderContext,
  stdout: { write(text: string): unknown },
): Promise<void> {
  for (const { format, file } of targets) {
    // Colour escapes belong on a terminal, never in a file.
    const text = REPORTERS[format].render(report, { ...ctx, color: ctx.color && !file });
    if (!file) {
      stdout.write(text);
      continue;
    }
    // A text report in a file is often `cat` in a later step: it gets the same filter as the terminal.
    const written = format === 'text' ? safeTerminalText(text, false) : text;
    await writeFile(file, written, 'utf8').catch((error: unknown) => {
      throw new ConfigurationError(`cannot write --output ${file}: ${errorMessage(error)}`);
    });
  }
}
