import { describe, expect, test } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { formatJunit } from '../../src/reporters/junit.js';
import { archMismatch, deprecatedLabel, mutableTag, parseError, pending, reportOf } from './reports.js';
import { findAll, parseXml } from './xml-parser.js';
import { hostile, scanOf } from './workloads.js';

/** Each test case as a row: suite, name, file and line attributes, failure type, whether it has output. */
function cases(report: Report) {
  const root = parseXml(formatJunit(report));
  expect(root.name).toBe('testsuites');
  return findAll(root, 'testsuite').flatMap((suite) =>
    suite.children.map((c) => {
      expect(c.name).toBe('testcase');
      expect(c.attributes.classname).toBe(suite.attributes.name);
      const failure = c.children.find((e) => e.name === 'failure');
      return [
        suite.attributes.name,
        c.attributes.name,
        `${c.attributes.file}:${c.attributes.line}`,
        failure?.attributes.type ?? null,
        c.children.some((e) => e.name === 'system-out'),
      ];
    }),
  );
}

const clean = [
  ['deploy/payments.yaml', 'Deployment shop/payments', 'deploy/payments.yaml:1', null, false],
  [
    'deploy/payments.yaml',
    'Deployment shop/payments, container "api"',
    'deploy/payments.yaml:22',
    null,
    false,
  ],
  ['deploy/exporter.yaml', 'Deployment monitoring/legacy-exporter', 'deploy/exporter.yaml:1', null, false],
  [
    'deploy/exporter.yaml',
    'Deployment monitoring/legacy-exporter, container "exporter"',
    'deploy/exporter.yaml:20',
    null,
    false,
  ],
  ['deploy/migrate.yaml', 'Job shop/db-migrate', 'deploy/migrate.yaml:1', null, false],
  ['deploy/migrate.yaml', 'Job shop/db-migrate, container "migrate"', 'deploy/migrate.yaml:20', null, false],
  ['deploy/web.yaml', 'Deployment web', 'deploy/web.yaml:1', null, false],
  ['deploy/web.yaml', 'Deployment web, container "setup"', 'deploy/web.yaml:12', null, false],
  ['deploy/web.yaml', 'Deployment web, container "nginx"', 'deploy/web.yaml:16', null, false],
];

describe('formatJunit', () => {
  test.each([
    ['a clean scan lists every workload and container as a passing case', scanOf([]), clean],
    [
      'errors fail their case, warnings and notices are output, file-level findings get their own case',
      scanOf([archMismatch, pending, deprecatedLabel, mutableTag, parseError]),
      [
        clean[0],
        [...clean[1]!.slice(0, 3), 'image-arch-mismatch', false],
        [...clean[2]!.slice(0, 3), 'no-eligible-nodes', false],
        clean[3],
        [...clean[4]!.slice(0, 3), null, true],
        [...clean[5]!.slice(0, 3), null, true],
        ...clean.slice(6),
        [
          'deploy/broken dir/bad.yaml',
          'yaml-parse-error at 3:1',
          'deploy/broken dir/bad.yaml:3',
          'yaml-parse-error',
          false,
        ],
      ],
    ],
    [
      'a finding about a workload the report does not list gets a case of its own',
      reportOf([archMismatch]),
      [
        [
          'deploy/payments.yaml',
          'Deployment shop/payments, container "api"',
          'deploy/payments.yaml:22',
          'image-arch-mismatch',
          false,
        ],
      ],
    ],
  ])('%s', (_name, report, rows) => {
    expect(cases(report)).toEqual(rows);
  });

  test.each([
    ['clean', scanOf([])],
    ['every severity', scanOf([archMismatch, pending, deprecatedLabel, mutableTag, parseError])],
    ['no workloads', reportOf([])],
  ])('%s: tests and failures counts match the cases, per suite and in total', (_name, report) => {
    const root = parseXml(formatJunit(report));
    const count = (el: typeof root) => ({
      tests: findAll(el, 'testcase').length,
      failures: findAll(el, 'testcase').filter((c) => c.children.some((e) => e.name === 'failure')).length,
    });
    for (const el of [root, ...findAll(root, 'testsuite')]) {
      expect(el.attributes).toMatchObject({
        tests: String(count(el).tests),
        failures: String(count(el).failures),
        errors: '0',
        skipped: '0',
      });
    }
  });

  test("a container whose image is written in another file (a kustomization's images: entry) is a case there", () => {
    const scan = scanOf([]);
    const [first, ...rest] = scan.workloads;
    if (!first) throw new Error('no workload');
    const moved = first.containers.map((c) => ({ ...c, file: 'deploy/kustomization.yaml' }));
    expect(cases({ ...scan, workloads: [{ ...first, containers: moved }, ...rest] })).toContainEqual([
      'deploy/kustomization.yaml',
      'Deployment shop/payments, container "api"',
      'deploy/kustomization.yaml:22',
      null,
      false,
    ]);
  });

  test('two errors on one container (two clusters) are one failure that names both', () => {
    const staging = { ...archMismatch, cluster: 'staging', message: 'no arm64 build on staging' };
    const root = parseXml(formatJunit(scanOf([archMismatch, staging])));
    const failures = findAll(root, 'failure');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.attributes.message).toBe(`${archMismatch.message}\n${staging.message}`);
    expect(failures[0]!.text.split('\n')).toEqual([
      `deploy/payments.yaml:22:18: error image-arch-mismatch: ${archMismatch.message}`,
      'deploy/payments.yaml:22:18: error image-arch-mismatch: no arm64 build on staging',
    ]);
  });

  test('untrusted file names and messages stay data: escaped, forbidden characters spelled out', () => {
    const root = parseXml(formatJunit(scanOf([hostile])));
    const suite = findAll(root, 'testsuite').at(-1)!;
    const shown = 'bad key "<x>" & \'y\' \\u001b[31mred\\u0000\nsecond line ]]>';
    expect(suite.attributes.name).toBe(hostile.location.file);
    expect(findAll(suite, 'failure')[0]!.attributes.message).toBe(shown);
    expect(findAll(suite, 'failure')[0]!.text).toBe(
      `${hostile.location.file}:4:2: error yaml-parse-error: ${shown}`,
    );
  });
});
