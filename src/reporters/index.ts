import type { Report } from '../engine/report.js';
import type { RuleMeta } from '../rules/finding.js';
import { formatCheckstyle } from './checkstyle.js';
import { formatCodeClimate } from './codeclimate.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

/** What a reporter may need beyond the report; the CLI and the action build it. */
export interface RenderContext {
  /** ANSI colours: only ever true for text going to a terminal. */
  color: boolean;
  /** Every rule's metadata (`RULE_METAS`), for formats that describe rules. */
  rules: readonly RuleMeta[];
  toolVersion: string;
}

/** An output format: a pure function from the report to the file's text; the shells do the writing. */
export interface Reporter {
  /** One line for `--help` and the README's format table. */
  description: string;
  /** The usual file name extension, dot included. */
  extension: string;
  /**
   * The action's `<format>-file` input that writes this format, and the output that returns the path.
   * Declared in action.yml too (test/action/action-yml.test.ts holds the two together).
   */
  action?: { input: string; output: string };
  render(report: Report, ctx: RenderContext): string;
}

/** Every output format by its `--format` id. A new format is a file beside this one plus one entry here. */
export const REPORTERS = {
  text: {
    description: 'for people: findings grouped by file and a summary line',
    extension: '.txt',
    render: (report, ctx) => formatText(report, { color: ctx.color }),
  },
  json: {
    description: 'the JSON report, a versioned contract (see "JSON report")',
    extension: '.json',
    action: { input: 'json-file', output: 'report' },
    render: formatJson,
  },
  sarif: {
    description: 'SARIF 2.1.0 for GitHub code scanning (upload-sarif) and other SARIF viewers',
    extension: '.sarif',
    action: { input: 'sarif-file', output: 'sarif-file' },
    render: (report, ctx) => formatSarif(report, { rules: ctx.rules, toolVersion: ctx.toolVersion }),
  },
  junit: {
    description: 'JUnit XML for Jenkins, GitLab and Azure Pipelines test reports',
    extension: '.xml',
    action: { input: 'junit-file', output: 'junit-file' },
    render: formatJunit,
  },
  checkstyle: {
    description: 'Checkstyle XML for reviewdog, Jenkins warnings-ng and other lint viewers',
    extension: '.xml',
    render: formatCheckstyle,
  },
  codeclimate: {
    description: 'GitLab Code Quality JSON (artifacts:reports:codequality)',
    extension: '.json',
    render: formatCodeClimate,
  },
} satisfies Record<string, Reporter>;

export type FormatId = keyof typeof REPORTERS;

export const FORMAT_IDS = Object.keys(REPORTERS) as FormatId[];

export function isFormatId(id: string): id is FormatId {
  return Object.hasOwn(REPORTERS, id);
}

/** The formats the action can write, with their inputs and outputs. */
export function actionFormats(): { id: FormatId; input: string; output: string }[] {
  return FORMAT_IDS.flatMap((id) => {
    const action = (REPORTERS[id] as Reporter).action;
    return action ? [{ id, ...action }] : [];
  });
}
