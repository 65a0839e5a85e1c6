import type * as Sarif from 'sarif';
import { fingerprint } from '../baseline/fingerprint.js';
import type { Report } from '../engine/report.js';
import { REPOSITORY_URL, ruleDocsUrl } from '../rules/docs.js';
import type { Finding, RuleMeta, Severity } from '../rules/finding.js';

/**
 * The key under `partialFingerprints`; bump the suffix if the hashed fields ever change. v2 hashes what the
 * baseline does (the image repository, not its tag), so a version bump keeps the alert open instead of closing
 * it and opening a new one.
 */
export const FINGERPRINT_KEY = 'archcheckFindingHash/v2';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** Every rule the tool has (`RULE_METAS`), so code scanning can describe rules of results it tracks. */
  rules: readonly RuleMeta[];
  toolVersion?: string;
  /** Where people read about the tool; archcheck's repository when not given. */
  informationUri?: string;
}

/** SARIF 2.1.0 §3.27.10: `error`, `warning`, `note`. */
const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', notice: 'note' };

/**
 * Turns a report into a SARIF 2.1.0 log (OASIS SARIF v2.1.0, https://docs.oasis-open.org/sarif/sarif/v2.1.0/)
 * shaped for GitHub code scanning's `upload-sarif`: one run, rules with help text, results whose
 * `physicalLocation.region` is the `image:` value (or selector), and `partialFingerprints` that do not
 * depend on the line, so an alert follows its finding when lines above it move.
 */
export function toSarif(report: Report, options: SarifOptions): Sarif.Log {
  const rules = [...options.rules];
  // Suppressed and baseline findings are results too: SARIF carries `suppressions` and `baselineState`.
  const findings = [...report.findings, ...(report.suppressed ?? []), ...(report.baseline ?? [])];
  const compared = (report.baseline?.length ?? 0) > 0;
  for (const f of findings) {
    // A finding from a rule the caller did not list still needs a descriptor for `ruleIndex`.
    if (!rules.some((r) => r.id === f.rule)) {
      rules.push({
        id: f.rule,
        defaultSeverity: f.severity,
        description: f.rule,
        impact: '',
        remediation: '',
      });
    }
  }
  // Only the listed rules have a docs page; a descriptor made up above gets no helpUri.
  const documented = new Set(options.rules.map((r) => r.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const fingerprints = fingerprintAll(findings);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'archcheck',
            ...(options.toolVersion
              ? { version: options.toolVersion, semanticVersion: options.toolVersion }
              : {}),
            informationUri: options.informationUri ?? REPOSITORY_URL,
            rules: rules.map((r) => descriptor(r, documented.has(r.id))),
          },
        },
        // Our columns count UTF-16 code units (JavaScript string indices), SARIF's default for this kind.
        columnKind: 'utf16CodeUnits',
        results: findings.map((f, i) => result(f, index.get(f.rule) ?? 0, fingerprints[i] ?? '', compared)),
      },
    ],
  };
}

/** The SARIF log as the file `upload-sarif` reads. */
export function formatSarif(report: Report, options: SarifOptions): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}

function descriptor(rule: RuleMeta, documented: boolean): Sarif.ReportingDescriptor {
  const parts = [
    rule.description,
    rule.impact && `Impact: ${rule.impact}`,
    rule.remediation && `Fix: ${rule.remediation}`,
  ];
  const markdown = [
    `**${rule.id}**: ${rule.description}`,
    rule.impact && `**Impact:** ${rule.impact}`,
    rule.remediation && `**How to fix:** ${rule.remediation}`,
  ];
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: [rule.description, rule.impact].filter(Boolean).join(' ') },
    help: { text: parts.filter(Boolean).join('\n'), markdown: markdown.filter(Boolean).join('\n\n') },
    ...(documented ? { helpUri: ruleDocsUrl(rule.id) } : {}),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: ['kubernetes', 'multi-arch'], precision: 'high' },
  };
}

function result(f: Finding, ruleIndex: number, fingerprint: string, compared: boolean): Sarif.Result {
  const { file, line, column, endLine, endColumn } = f.location;
  const region: Sarif.Region = { startLine: line, startColumn: column };
  if (endLine !== undefined && endColumn !== undefined) {
    region.endLine = endLine;
    region.endColumn = endColumn;
  }
  const properties: Sarif.PropertyBag = {};
  if (f.cluster) properties.cluster = f.cluster;
  if (f.workload) properties.workload = f.workload;
  if (f.container) properties.container = f.container;
  if (f.image) properties.image = f.image;
  if (f.nodePools?.length) properties.nodePools = f.nodePools;
  if (f.platforms?.length) properties.platforms = f.platforms;
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: fileUri(file), uriBaseId: '%SRCROOT%' }, region },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    // SARIF 2.1.0 §3.35: `inSource` for comments and annotations in the manifest, `external` for the config.
    ...(f.suppressed
      ? {
          suppressions: [
            {
              kind: f.suppressed.kind === 'inline' ? 'inSource' : 'external',
              ...(f.suppressed.reason ? { justification: f.suppressed.reason } : {}),
            },
          ],
        }
      : {}),
    ...(compared ? { baselineState: f.baseline ? 'unchanged' : 'new' } : {}),
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
}

/**
 * The baseline's fingerprint of each finding (rule, cluster, workload, container, image repository, platforms;
 * never the line or tag). Findings that share it (two parse errors in one file) are told apart by their order,
 * as CodeQL does with its occurrence suffix.
 */
export function fingerprintAll(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = fingerprint({ ...f, file: f.location.file });
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return `${key}:${occurrence}`;
  });
}

/** A relative path as a URI reference (RFC 3986): each segment percent-encoded, `/` kept. */
function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}
