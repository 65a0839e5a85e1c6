import type { Finding } from '../rules/finding.js';
import type { Workload } from '../workloads/workload.js';
import type { AnnotationIgnore } from './annotations.js';
import type { IgnoreComment } from './comments.js';
import { describeEntry, workloadId, type EntryMatcher } from './config-entries.js';

export interface SuppressionInput {
  findings: readonly Finding[];
  /** Inline comments by the report's file name. */
  comments: ReadonlyMap<string, readonly IgnoreComment[]>;
  workloads: readonly Workload[];
  entries: EntryMatcher[];
  /** The config file as reports name it, for warnings about its entries. */
  configFile: string;
  /** Rule ids that exist: a suppression naming another is a typo worth a warning. */
  knownRules: ReadonlySet<string>;
}

export interface SuppressionOutcome {
  /** Findings that still count. */
  active: Finding[];
  /** Findings a suppression silenced, each with `suppressed` set. */
  suppressed: Finding[];
  /** What the user should fix: suppressions without a reason, unknown rules, expired and stale entries. */
  warnings: string[];
}

/**
 * Applies suppressions, in the order a reader looks for them: a comment on or above the finding's line, the
 * workload's `archcheck.io/ignore` annotation, then the config's `ignore:` entries (expired ones do not apply).
 * A workload identity shared by several objects (overlays of one base) is silenced by its annotation only when
 * every one of them carries it, so one overlay cannot silence the others.
 */
export function applySuppressions(input: SuppressionInput): SuppressionOutcome {
  const warnings: string[] = [];
  const annotations = annotationsById(input.workloads);
  const active: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of input.findings) {
    const comment = input.comments
      .get(f.location.file)
      ?.find((c) => c.appliesTo === f.location.line && c.rules.includes(f.rule));
    const annotation = f.workload
      ? annotationFor(annotations.get(workloadId(f.workload)), f.rule)
      : undefined;
    const entry = comment || annotation ? undefined : input.entries.find((m) => !m.expired && m.matches(f));
    if (entry) entry.matched++;
    const reason = comment ? comment.reason : annotation ? annotation.reason : entry?.entry.reason;
    if (comment || annotation || entry) {
      const kind = entry ? 'config' : 'inline';
      suppressed.push({ ...f, suppressed: reason ? { kind, reason } : { kind } });
    } else active.push(f);
  }
  for (const [file, comments] of input.comments) {
    for (const c of comments) {
      const at = `${file}:${c.line}:${c.column}`;
      if (c.rules.length === 0)
        warnings.push(`${at}: archcheck:ignore names no rule; write "# archcheck:ignore <rule> -- <reason>"`);
      else if (!c.reason)
        warnings.push(`${at}: archcheck:ignore ${c.rules.join(',')} has no reason; add " -- <why>"`);
      warnings.push(...unknownRules(at, c.rules, input.knownRules));
    }
  }
  for (const ignore of uniqueAnnotations(input.workloads)) {
    const at = `${ignore.location.file}:${ignore.location.line}:${ignore.location.column}`;
    if (!ignore.reason)
      warnings.push(
        `${at}: archcheck.io/ignore has no reason; add the annotation archcheck.io/ignore-reason`,
      );
    warnings.push(...unknownRules(at, ignore.rules, input.knownRules));
  }
  for (const m of input.entries) {
    const name = describeEntry(m, input.configFile);
    if (m.expired)
      warnings.push(
        `${name} expired on ${m.entry.expires ?? ''} and no longer suppresses; fix the findings or extend "expires"`,
      );
    else if (m.matched === 0)
      warnings.push(`${name} matched no finding; remove it (stale suppressions hide future findings)`);
    if (!m.entry.reason) warnings.push(`${name} has no reason; add "reason"`);
    if (m.entry.rule !== '*') warnings.push(...unknownRules(name, [m.entry.rule], input.knownRules));
  }
  return { active, suppressed, warnings };
}

function unknownRules(at: string, rules: readonly string[], known: ReadonlySet<string>): string[] {
  // JSON quoting shows control characters escaped: the id comes from the scanned files.
  return rules
    .filter((r) => !known.has(r))
    .map((r) => `${at}: unknown rule ${JSON.stringify(r)} in a suppression`);
}

function annotationsById(workloads: readonly Workload[]): Map<string, (AnnotationIgnore | undefined)[]> {
  const byId = new Map<string, (AnnotationIgnore | undefined)[]>();
  for (const w of workloads) {
    const id = workloadId(w);
    byId.set(id, [...(byId.get(id) ?? []), w.ignore]);
  }
  return byId;
}

function annotationFor(
  all: (AnnotationIgnore | undefined)[] | undefined,
  rule: string,
): AnnotationIgnore | undefined {
  if (!all || all.length === 0 || !all.every((a) => a?.rules.includes(rule))) return undefined;
  return all[0];
}

function uniqueAnnotations(workloads: readonly Workload[]): AnnotationIgnore[] {
  const seen = new Map<string, AnnotationIgnore>();
  for (const w of workloads) {
    if (w.ignore) seen.set(`${w.ignore.location.file}:${w.ignore.location.line}`, w.ignore);
  }
  return [...seen.values()];
}
