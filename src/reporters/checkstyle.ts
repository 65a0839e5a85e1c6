import type { Report } from '../engine/report.js';
import type { Severity } from '../rules/finding.js';
import { attributes, XML_DECLARATION } from './xml.js';

/** Checkstyle's severities are error, warning, info and ignore. */
const SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'info' };

/**
 * Checkstyle XML (the format of https://checkstyle.org, read by reviewdog, Jenkins warnings-ng, SonarQube and
 * Bitbucket/Azure plugins): one `<file>` per file checked, one `<error>` per finding. Files with workloads
 * and no finding are listed empty, as Checkstyle lists every audited file, so consumers clear old issues.
 * `source` follows ESLint's checkstyle formatter (`<tool>.rules.<id>`).
 */
export function formatCheckstyle(report: Report): string {
  const files = new Map<string, string[]>();
  for (const f of report.findings) {
    const errors = files.get(f.location.file) ?? [];
    errors.push(
      `    <error${attributes({
        line: f.location.line,
        column: f.location.column,
        severity: SEVERITY[f.severity],
        message: f.message,
        source: `archcheck.rules.${f.rule}`,
      })}/>`,
    );
    files.set(f.location.file, errors);
  }
  for (const w of report.workloads) if (!files.has(w.file)) files.set(w.file, []);
  const out = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const [file, errors] of files) {
    if (errors.length === 0) out.push(`  <file${attributes({ name: file })}/>`);
    else out.push(`  <file${attributes({ name: file })}>`, ...errors, '  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}
