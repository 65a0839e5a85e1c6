import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../rules/finding.js';
import { findIgnoreComments, type IgnoreComment } from './comments.js';

const MAX_BYTES = 16 * 1024 * 1024;

/**
 * Inline comments of every file a finding points at. Loose manifests were scanned while parsing (`known`); the
 * others (Helm values, templates, kustomizations and their bases) are read here, once each, and only those with
 * findings. Files outside `cwd` are not read: the report names them, but no suppression there applies.
 */
export async function commentsForFindings(
  findings: readonly Finding[],
  known: ReadonlyMap<string, readonly IgnoreComment[]>,
  parsedFiles: ReadonlySet<string>,
  cwd: string,
): Promise<Map<string, readonly IgnoreComment[]>> {
  const result = new Map(known);
  const missing = [...new Set(findings.map((f) => f.location.file))].filter(
    (file) => !parsedFiles.has(file) && !result.has(file),
  );
  for (const file of missing) {
    const abs = path.resolve(cwd, file);
    const rel = path.relative(cwd, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    const info = await stat(abs).catch(() => undefined);
    if (!info?.isFile() || info.size > MAX_BYTES) continue;
    const text = await readFile(abs, 'utf8').catch(() => '');
    const comments = findIgnoreComments(text);
    if (comments.length > 0) result.set(file, comments);
  }
  return result;
}
