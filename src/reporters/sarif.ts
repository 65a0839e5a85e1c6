import { createHash } from 'node:crypto';
import type * as Sarif from 'sarif';
import type { Report } from '../engine/report.js';
import type { Finding, RuleMeta, Severity } from '../rules/finding.js';

/** The key under `partialFingerprints`; bump the suffix if the hashed fields ever change. */
export const FINGERPRINT_KEY = 'archcheckFindingHash/v1';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** Every rule the tool has (`RULES`), so code scanning can describe rules of results it tracks. */
  rules: readonly RuleMeta[];
  toolVersion?: string;
  /** Where people read about the tool (the repository or its README). */
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
  for (const f of report.findings) {
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
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const fingerprints = fingerprintAll(report.findings);
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
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules: rules.map(descriptor),
          },
        },
        // Our columns count UTF-16 code units (JavaScript string indices), SARIF's default for this kind.
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f, i) => result(f, index.get(f.rule) ?? 0, fingerprints[i] ?? '')),
      },
    ],
  };
}

/** The SARIF log as the file `upload-sarif` reads. */
export function formatSarif(report: Report, options: SarifOptions): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}

function descriptor(rule: RuleMeta): Sarif.ReportingDescriptor {
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
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: ['kubernetes', 'multi-arch'], precision: 'high' },
  };
}

function result(f: Finding, ruleIndex: number, fingerprint: string): Sarif.Result {
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
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
}

/**
 * A hash of what identifies a finding apart from its position: rule, file, cluster, workload, container and
 * image. Findings that share all of these (two parse errors in one file) are told apart by their order,
 * as CodeQL does with its occurrence suffix.
 */
export function fingerprintAll(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const identity = [
      f.rule,
      f.location.file,
      f.cluster ?? '',
      f.workload ? `${f.workload.kind}/${f.workload.namespace ?? ''}/${f.workload.name}` : '',
      f.container ?? '',
      f.image ?? '',
    ];
    const key = JSON.stringify(identity);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence}`;
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
