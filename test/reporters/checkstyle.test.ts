import { describe, expect, test } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { formatCheckstyle } from '../../src/reporters/checkstyle.js';
import { archMismatch, deprecatedLabel, mutableTag, parseError, pending, reportOf } from './reports.js';
import { hostile, scanOf } from './workloads.js';
import { parseXml } from './xml-parser.js';

/** `<file name>` with its errors as `line:column severity source`. */
function files(report: Report) {
  const root = parseXml(formatCheckstyle(report));
  expect([root.name, root.attributes]).toEqual(['checkstyle', { version: '4.3' }]);
  return root.children.map((file) => {
    expect(file.name).toBe('file');
    return [
      file.attributes.name,
      file.children.map((e) => {
        expect(e.name).toBe('error');
        return `${e.attributes.line}:${e.attributes.column} ${e.attributes.severity} ${e.attributes.source}`;
      }),
    ];
  });
}

describe('formatCheckstyle', () => {
  test.each([
    ['no workloads, no findings', reportOf([]), []],
    [
      'a clean scan lists each checked file, empty',
      scanOf([]),
      [
        ['deploy/payments.yaml', []],
        ['deploy/exporter.yaml', []],
        ['deploy/migrate.yaml', []],
        ['deploy/web.yaml', []],
      ],
    ],
    [
      'one error per finding, severities mapped (notice is info), files with findings first',
      scanOf([archMismatch, pending, deprecatedLabel, mutableTag, parseError]),
      [
        ['deploy/payments.yaml', ['22:18 error archcheck.rules.image-arch-mismatch']],
        ['deploy/exporter.yaml', ['16:9 error archcheck.rules.no-eligible-nodes']],
        [
          'deploy/migrate.yaml',
          [
            '15:28 warning archcheck.rules.deprecated-arch-label',
            '20:18 info archcheck.rules.mutable-image-tag',
          ],
        ],
        ['deploy/broken dir/bad.yaml', ['3:1 error archcheck.rules.yaml-parse-error']],
        ['deploy/web.yaml', []],
      ],
    ],
  ])('%s', (_name, report, expected) => {
    expect(files(report)).toEqual(expected);
  });

  test('messages keep their text, newlines included; untrusted names are escaped', () => {
    const root = parseXml(formatCheckstyle(reportOf([deprecatedLabel, hostile])));
    const [label, odd] = root.children;
    expect(label!.children[0]!.attributes.message).toBe(deprecatedLabel.message);
    expect(odd!.attributes.name).toBe(hostile.location.file);
    expect(odd!.children[0]!.attributes.message).toBe(
      'bad key "<x>" & \'y\' \\u001b[31mred\\u0000\nsecond line ]]>',
    );
  });
});
