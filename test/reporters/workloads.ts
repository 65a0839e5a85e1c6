import type { Report } from '../../src/engine/report.js';
import type { Finding } from '../../src/rules/finding.js';
import { reportOf } from './reports.js';

/** The workloads behind the findings of reports.ts, plus one with nothing to report. */
export const WORKLOADS: Report['workloads'] = [
  {
    kind: 'Deployment',
    name: 'payments',
    namespace: 'shop',
    file: 'deploy/payments.yaml',
    line: 1,
    containers: [
      { name: 'api', type: 'container', image: 'ghcr.io/acme/payments-api:2.4.1', line: 22, column: 18 },
    ],
  },
  {
    kind: 'Deployment',
    name: 'legacy-exporter',
    namespace: 'monitoring',
    file: 'deploy/exporter.yaml',
    line: 1,
    containers: [
      {
        name: 'exporter',
        type: 'container',
        image: 'ghcr.io/acme/legacy-exporter:0.3',
        line: 20,
        column: 18,
      },
    ],
  },
  {
    kind: 'Job',
    name: 'db-migrate',
    namespace: 'shop',
    file: 'deploy/migrate.yaml',
    line: 1,
    containers: [{ name: 'migrate', type: 'container', image: 'busybox', line: 20, column: 18 }],
  },
  {
    kind: 'Deployment',
    name: 'web',
    file: 'deploy/web.yaml',
    line: 1,
    containers: [
      { name: 'setup', type: 'init', image: 'nginx:1.27', line: 12, column: 18 },
      { name: 'nginx', type: 'container', image: 'nginx:1.27', line: 16, column: 18 },
    ],
  },
];

/** A report with these workloads and the given findings. */
export function scanOf(findings: Finding[]): Report {
  return reportOf(findings, { workloads: WORKLOADS });
}

/** Strings an attacker controls (file name, message from a manifest) with everything XML and JSON dislike. */
export const hostile: Finding = {
  rule: 'yaml-parse-error',
  severity: 'error',
  message: 'bad key "<x>" & \'y\' \u001b[31mred\u0000\nsecond line ]]>',
  location: { file: 'deploy/"odd" <name>&.yaml', line: 4, column: 2 },
};
