import type { Report } from '../engine/report.js';
import type { Finding } from '../rules/finding.js';
import { attributes, XML_DECLARATION, xmlText } from './xml.js';

/** One check: a workload (scheduling, selectors), one of its containers (its image), or a file-level finding. */
interface TestCase {
  file: string;
  name: string;
  line: number;
  /** The workload identity it stands for, to attach findings; absent for file-level findings. */
  identity?: string;
  findings: Finding[];
}

/**
 * JUnit XML as Jenkins (junit plugin), GitLab (`artifacts:reports:junit`) and Azure Pipelines
 * (PublishTestResults, JUnit) read it: one `<testsuite>` per manifest file, one `<testcase>` per workload and
 * per container, so a clean run still lists what was checked and test counts stay stable between runs.
 * Error findings are `<failure>`s; warnings and notices go to the case's `<system-out>`, visible but not
 * failing. `file` and `line` on `<testcase>` are the attributes GitLab and pytest's xunit1 use; strict Ant
 * schema readers ignore them.
 */
export function formatJunit(report: Report): string {
  const cases = testCases(report);
  const suites = new Map<string, TestCase[]>();
  for (const c of cases) suites.set(c.file, [...(suites.get(c.file) ?? []), c]);
  const failing = (c: TestCase) => c.findings.some((f) => f.severity === 'error');
  const counts = (list: TestCase[]) => ({
    tests: list.length,
    failures: list.filter(failing).length,
    errors: 0,
    skipped: 0,
    time: 0,
  });
  const out = [XML_DECLARATION, `<testsuites${attributes({ name: 'archcheck', ...counts(cases) })}>`];
  for (const [file, list] of suites) {
    out.push(`  <testsuite${attributes({ name: file, ...counts(list) })}>`);
    for (const c of list) out.push(...testCase(c));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function testCase(c: TestCase): string[] {
  const head = `    <testcase${attributes({ name: c.name, classname: c.file, file: c.file, line: c.line, time: 0 })}`;
  const errors = c.findings.filter((f) => f.severity === 'error');
  const others = c.findings.filter((f) => f.severity !== 'error');
  if (errors.length === 0 && others.length === 0) return [`${head}/>`];
  const body = [`${head}>`];
  if (errors.length > 0) {
    const type = [...new Set(errors.map((f) => f.rule))].join(',');
    const message = errors.map((f) => f.message).join('\n');
    body.push(`      <failure${attributes({ message, type })}>${xmlText(details(errors))}</failure>`);
  }
  if (others.length > 0) body.push(`      <system-out>${xmlText(details(others))}</system-out>`);
  body.push('    </testcase>');
  return body;
}

function details(findings: Finding[]): string {
  return findings
    .map(
      (f) =>
        `${f.location.file}:${f.location.line}:${f.location.column}: ${f.severity} ${f.rule}: ${f.message}`,
    )
    .join('\n');
}

function identity(kind: string, namespace: string | undefined, name: string, container?: string): string {
  return JSON.stringify([kind, namespace ?? '', name, container ?? null]);
}

function testCases(report: Report): TestCase[] {
  const cases: TestCase[] = [];
  for (const w of report.workloads) {
    const label = `${w.kind} ${w.namespace ? `${w.namespace}/` : ''}${w.name}`;
    cases.push({
      file: w.file,
      name: label,
      line: w.line,
      identity: identity(w.kind, w.namespace, w.name),
      findings: [],
    });
    for (const c of w.containers) {
      cases.push({
        file: c.file ?? w.file,
        name: `${label}, container "${c.name}"`,
        line: c.line,
        identity: identity(w.kind, w.namespace, w.name, c.name),
        findings: [],
      });
    }
  }
  for (const f of report.findings) {
    if (!f.workload) {
      cases.push({
        file: f.location.file,
        name: `${f.rule} at ${f.location.line}:${f.location.column}`,
        line: f.location.line,
        findings: [f],
      });
      continue;
    }
    const id = identity(f.workload.kind, f.workload.namespace, f.workload.name, f.container);
    // The same workload can come from two files (overlays): prefer the one the finding points into.
    const candidates = cases.filter((c) => c.identity === id);
    const target = candidates.find((c) => c.file === f.location.file) ?? candidates[0];
    if (target) target.findings.push(f);
    else {
      const { kind, namespace, name } = f.workload;
      const label = `${kind} ${namespace ? `${namespace}/` : ''}${name}${f.container ? `, container "${f.container}"` : ''}`;
      cases.push({ file: f.location.file, name: label, line: f.location.line, identity: id, findings: [f] });
    }
  }
  return cases;
}
