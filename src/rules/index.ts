import { SEVERITY_RANK, type Finding, type RuleLevel, type RuleMeta } from './finding.js';
import type { CheckContext, Rule } from './rule.js';
import { binaryArchMismatch } from './binary-arch-mismatch.js';
import { deepCheckIncomplete } from './deep-check-incomplete.js';
import { deprecatedArchLabel } from './deprecated-arch-label.js';
import { digestMismatch } from './digest-mismatch.js';
import { imageArchMismatch } from './image-arch-mismatch.js';
import { imageNotFound } from './image-not-found.js';
import { imagePlatformMislabeled } from './image-platform-mislabeled.js';
import { imageUnresolved } from './image-unresolved.js';
import { invalidImageReference } from './invalid-image-reference.js';
import { kustomizeImageUnused } from './kustomize-image-unused.js';
import { mutableImageTag } from './mutable-image-tag.js';
import { noEligibleNodes } from './no-eligible-nodes.js';
import { renderError } from './render-error.js';
import { workloadNotChecked } from './workload-not-checked.js';
import { yamlParseError } from './yaml-parse-error.js';

/** Every check, in the order their findings are listed. Ids are a public contract. */
export const RULES: readonly Rule[] = [
  imageArchMismatch,
  noEligibleNodes,
  workloadNotChecked,
  invalidImageReference,
  imageNotFound,
  imageUnresolved,
  digestMismatch,
  deprecatedArchLabel,
  mutableImageTag,
  yamlParseError,
  renderError,
  kustomizeImageUnused,
  imagePlatformMislabeled,
  binaryArchMismatch,
  deepCheckIncomplete,
];

/** Every rule's metadata, in the same order: what reporters and config validation read. */
export const RULE_METAS: readonly RuleMeta[] = RULES.map((r) => r.meta);

/**
 * Runs every rule not turned off, at its configured severity, and sorts findings by position then severity.
 * Identical findings are kept once: a base that several kustomize overlays include is reported at the same line
 * for each overlay that deploys it unchanged.
 */
export function runChecks(ctx: CheckContext, levels: Readonly<Record<string, RuleLevel>>): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const rule of RULES) {
    const configured = levels[rule.meta.id];
    if (configured === 'off') continue;
    for (const { defaultSeverity, ...draft } of rule.check(ctx)) {
      const finding: Finding = {
        rule: rule.meta.id,
        severity: configured ?? defaultSeverity ?? rule.meta.defaultSeverity,
        ...draft,
      };
      const key = JSON.stringify(finding);
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  return findings.sort(
    (a, b) =>
      compare(a.location.file, b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      compare(a.rule, b.rule) ||
      compare(a.cluster ?? '', b.cluster ?? ''),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
