import { describe, expect, test } from 'vitest';
import { formatCodeClimate, type CodeQualityIssue } from '../../src/reporters/codeclimate.js';
import type { Finding } from '../../src/rules/finding.js';
import {
  archMismatch,
  deprecatedLabel,
  movedDown,
  mutableTag,
  parseError,
  pending,
  reportOf,
} from './reports.js';
import { hostile } from './workloads.js';

const issues = (findings: Finding[]) =>
  JSON.parse(formatCodeClimate(reportOf(findings))) as CodeQualityIssue[];
const fingerprints = (findings: Finding[]) => issues(findings).map((i) => i.fingerprint);

describe('formatCodeClimate', () => {
  test.each([
    ['no findings', [], []],
    [
      'one issue per finding, GitLab severities, path and begin line',
      [archMismatch, pending, deprecatedLabel, mutableTag, parseError],
      [
        ['image-arch-mismatch', 'critical', 'deploy/payments.yaml', 22],
        ['no-eligible-nodes', 'critical', 'deploy/exporter.yaml', 16],
        ['deprecated-arch-label', 'major', 'deploy/migrate.yaml', 15],
        ['mutable-image-tag', 'info', 'deploy/migrate.yaml', 20],
        ['yaml-parse-error', 'critical', 'deploy/broken dir/bad.yaml', 3],
      ],
    ],
  ])('%s', (_name, findings, rows) => {
    const list = issues(findings);
    expect(list.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual(
      rows,
    );
    for (const [i, issue] of list.entries()) {
      expect(Object.keys(issue).sort()).toEqual(
        ['categories', 'check_name', 'description', 'fingerprint', 'location', 'severity', 'type'].sort(),
      );
      expect(issue.description).toBe(findings[i]!.message);
      expect(issue.type).toBe('issue');
    }
  });

  test.each([
    ['the same findings on another run', [archMismatch, pending], [archMismatch, pending], true],
    ['a finding moved down by lines added above it', [archMismatch], [movedDown(archMismatch, 7)], true],
    ['another cluster', [archMismatch], [{ ...archMismatch, cluster: 'staging' }], false],
    ['another container', [mutableTag], [{ ...mutableTag, container: 'init' }], false],
  ])('fingerprint, %s: same is %s', (_name, before, after, same) => {
    expect(fingerprints(before)[0] === fingerprints(after)[0]).toBe(same);
  });

  test('fingerprints are unique within a report, even for two findings alike but for the line', () => {
    const list = fingerprints([parseError, movedDown(parseError, 4), archMismatch, pending]);
    expect(new Set(list).size).toBe(list.length);
  });

  test('untrusted text is JSON data', () => {
    expect(issues([hostile])[0]).toMatchObject({
      description: hostile.message,
      location: { path: hostile.location.file },
    });
  });
});
