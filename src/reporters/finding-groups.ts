import type { Finding, Severity } from '../rules/finding.js';

const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** One reported row: a finding, standing for every finding of the same rule and severity on the same image. */
export interface FindingGroup {
  first: Finding;
  /** Every finding of the group, `first` included, in report order. */
  members: Finding[];
}

/**
 * Findings of the same rule, severity and image (as written) are one group, whatever workload or file they
 * are in; findings without an image group when their messages, without the workload they name, are the same
 * (the same selector problem in six workloads is one row).
 * Groups are ordered by severity (errors first), then by the file, line and column of their first finding.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const byKey = new Map<string, FindingGroup>();
  for (const f of findings) {
    const what = f.image === undefined ? `m\u0000${messageWithoutSubject(f)}` : `i\u0000${f.image}`;
    const key = `${f.rule}\u0000${f.severity}\u0000${what}`;
    const group = byKey.get(key);
    if (group) {
      group.members.push(f);
      if (compareFindings(f, group.first) < 0) group.first = f;
    } else byKey.set(key, { first: f, members: [f] });
  }
  return [...byKey.values()].sort((a, b) => compareFindings(a.first, b.first));
}

/** Severity first (errors on top), then file, line and column. */
export function compareFindings(a: Finding, b: Finding): number {
  const fa = a.location.file;
  const fb = b.location.file;
  return (
    RANK[a.severity] - RANK[b.severity] ||
    (fa < fb ? -1 : fa > fb ? 1 : 0) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column
  );
}

/** `Deployment shop/api` */
export function workloadName(f: Finding): string {
  const w = f.workload;
  return w ? `${w.kind} ${w.namespace ? `${w.namespace}/` : ''}${w.name}` : '';
}

/**
 * The message without the subject the Workload and Container columns already show
 * (`Deployment shop/api, container "web": image ... ` reads `Image ...`): a grouped row names many workloads,
 * and its first finding's subject would name only one of them.
 */
export function messageWithoutSubject(f: Finding): string {
  const subject = workloadName(f);
  const container = f.container ? `container "${f.container}": ` : undefined;
  const prefixes = subject
    ? [...(container ? [`${subject}, ${container}`] : []), `${subject}: `, `${subject}, `, `${subject} `]
    : [];
  if (container) prefixes.push(container);
  const prefix = prefixes.find((p) => f.message.startsWith(p));
  if (!prefix) return f.message;
  const rest = f.message.slice(prefix.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** The distinct values, in first-seen order. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}
