import { marked } from 'marked';
import { describe, expect, test } from 'vitest';
import type { Finding } from '../../src/rules/finding.js';
import { RULE_METAS } from '../../src/rules/index.js';
import type { MatrixCell } from '../../src/engine/report.js';
import { SUMMARY_LIMIT_BYTES, VISIBLE_ROWS, countsText, formatSummary } from '../../src/reporters/summary.js';
import { markdownText as md } from '../../src/reporters/untrusted.js';
import { tables } from './markdown-tables.js';
import { archMismatch, deprecatedLabel, mutableTag, pending, reportOf } from './reports.js';

const BLOB = 'https://github.com/acme/shop/blob/0123456789abcdef0123456789abcdef01234567';

describe('formatSummary', () => {
  test('no findings: a green headline, the matrix, no findings table', () => {
    const text = formatSummary(reportOf([]), { rules: RULE_METAS, blobUrl: BLOB });
    expect(text.split('\n')[0]).toBe('## ✅ archcheck: no problems found');
    expect(text).toContain('Checked 5 workloads (6 containers, 4 images) in 5 files against **prod**');
    expect(text).not.toContain('Findings');
    const [matrix] = tables(text);
    expect(matrix![0]).toEqual(['Image', 'prod / general<br>linux/amd64', 'prod / graviton<br>linux/arm64']);
  });

  test('findings table: severity, rule, linked location, workload, container, escaped message', () => {
    const text = formatSummary(reportOf([archMismatch, pending, deprecatedLabel, mutableTag]), {
      rules: RULE_METAS,
      blobUrl: BLOB,
      failOn: 'error',
    });
    expect(text.split('\n')[0]).toBe(
      '## ❌ archcheck: 2 errors, 1 warning, 1 notice (fails the step: fail-on is error)',
    );
    const [findings] = tables(text);
    expect(findings![0]).toEqual(['Severity', 'Rule', 'Location', 'Workload', 'Container', 'Message']);
    // Errors first, then by file: deploy/exporter.yaml before deploy/payments.yaml.
    expect(findings!.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ['❌ error', '<code>no-eligible-nodes</code>'],
      ['❌ error', '<code>image-arch-mismatch</code>'],
      ['⚠️ warning', '<code>deprecated-arch-label</code>'],
      ['ℹ️ notice', '<code>mutable-image-tag</code>'],
    ]);
    expect(findings![2]!.slice(2, 5)).toEqual([
      `<a href="${BLOB}/deploy/payments.yaml#L22">deploy/payments.yaml:22:18</a>`,
      'Deployment shop/payments',
      'api',
    ]);
    // The subject the Workload and Container columns show is not repeated in the message.
    expect(findings![2]![5]).toMatch(/^Image ghcr.io\/acme\/payments-api:2.4.1 has no linux\/arm64 build/);
    // A `|` in a message stays inside its cell, `<all>` is text, not a tag; a line break becomes <br>.
    expect(findings![1]).toHaveLength(6);
    expect(findings![1]![5]).toContain('| nodeSelector excludes &lt;all&gt;.');
    expect(findings![3]![5]).toContain('beta.kubernetes.io/arch,<br>which is deprecated');
  });

  test('image x node-pool matrix: images with a problem only; Pending everywhere in a cluster is an error', () => {
    const text = formatSummary(reportOf([archMismatch]), { rules: RULE_METAS });
    const [, matrix] = tables(text);
    expect(matrix!.slice(1)).toEqual([
      ['ghcr.io/acme/payments-api:2.4.1', '✅ runs', '💥 exec format error'],
      ['ghcr.io/acme/legacy-exporter:0.3', '⛔ Pending', '⛔ Pending'],
      ['ghcr.io/acme/private:1', '❔ unknown', ''],
    ]);
    expect(text).toContain('1 image that runs on every pool its pods can land on is not listed');
  });

  test.each<[string, MatrixCell['verdict'][], string[] | undefined]>([
    ['kept off one pool by its selector: not a problem', ['runs', 'not-scheduled'], undefined],
    ['admitted nowhere: Pending', ['not-scheduled', 'not-scheduled'], ['⛔ Pending', '⛔ Pending']],
    [
      'crashes on one pool',
      ['not-scheduled', 'exec-format-error'],
      ['⏸️ not scheduled', '💥 exec format error'],
    ],
  ])('matrix row: %s', (_name, [general, graviton], expected) => {
    const image = 'ghcr.io/acme/one:1';
    const matrix: MatrixCell[] = [
      { image, cluster: 'prod', nodePool: 'general', verdict: general! },
      { image, cluster: 'prod', nodePool: 'graviton', verdict: graviton! },
    ];
    const text = formatSummary(reportOf([archMismatch], { matrix }), { rules: RULE_METAS });
    const rows = tables(text)[1]?.slice(1);
    expect(rows).toEqual(expected ? [[image, ...expected]] : undefined);
  });

  test('how to fix: once per rule seen, with its count and remediation', () => {
    const text = formatSummary(reportOf([archMismatch, { ...archMismatch, container: 'b' }, mutableTag]), {
      rules: RULE_METAS,
    });
    const fixes = text.slice(text.indexOf('### How to fix'));
    const meta = RULE_METAS.find((r) => r.id === 'image-arch-mismatch')!;
    const docs = 'https://github.com/archcheck/archcheck/blob/main/docs/rules';
    expect(fixes).toContain(`**[\`image-arch-mismatch\`](${docs}/image-arch-mismatch.md)** (2)`);
    expect(fixes).toContain(`**[\`mutable-image-tag\`](${docs}/mutable-image-tag.md)** (1)`);
    expect(fixes).not.toContain('no-eligible-nodes');
    expect(marked.parse(fixes, { async: false })).toContain(meta.remediation.slice(0, 40));
  });

  test.each([
    [
      'warnings below fail-on error',
      [deprecatedLabel],
      'error',
      '## ⚠️ archcheck: 1 warning (below fail-on: error)',
    ],
    [
      'a notice at fail-on notice',
      [mutableTag],
      'notice',
      '## ❌ archcheck: 1 notice (fails the step: fail-on is notice)',
    ],
    ['errors with fail-on never', [archMismatch], 'never', '## ⚠️ archcheck: 1 error (below fail-on: never)'],
  ] as const)('headline: %s', (_name, findings, failOn, expected) => {
    expect(formatSummary(reportOf([...findings]), { rules: RULE_METAS, failOn }).split('\n')[0]).toBe(
      expected,
    );
  });

  test('notes, report notices and unmatched files are listed', () => {
    const files = Array.from({ length: 25 }, (_, i) => `other/f${i}.yaml`);
    const text = formatSummary(
      reportOf([], { notices: ['No clusters declared: assuming amd64'], unmatchedFiles: files }),
      {
        rules: RULE_METAS,
        notes: ['5 annotations not shown: see [the check run](https://example.test/run)'],
      },
    );
    expect(text).toContain('> 5 annotations not shown: see [the check run](https://example.test/run)');
    expect(text).toContain('- No clusters declared: assuming amd64');
    expect(text).toContain('25 files matched no cluster');
    expect(text).toContain('and 5 more.');
  });

  test('stays under the size limit: rows are cut with a note, tables stay well-formed', () => {
    const many: Finding[] = Array.from({ length: 20_000 }, (_, i) => ({
      ...archMismatch,
      image: `ghcr.io/acme/app-${i}:1.0.0`,
      workload: { kind: 'Deployment', name: `app-${i}`, namespace: 'shop' },
      location: { ...archMismatch.location, line: i + 1 },
    }));
    const matrix = Array.from({ length: 20_000 }, (_, i) => ({
      image: `ghcr.io/acme/app-${i}:1.0.0`,
      cluster: 'prod',
      nodePool: 'general',
      verdict: i % 2 === 0 ? ('exec-format-error' as const) : ('unknown' as const),
    }));
    const report = reportOf(many, { matrix });
    const text = formatSummary(report, {
      rules: RULE_METAS,
      blobUrl: BLOB,
      detailsUrl: 'https://github.com/acme/shop/actions/runs/1',
    });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(Buffer.byteLength(text)).toBeGreaterThan(SUMMARY_LIMIT_BYTES * 0.9);
    // Each table is split in two: the open rows and the collapsed rest.
    const [findings, moreFindings, images, moreImages] = tables(text);
    expect(findings).toHaveLength(1 + VISIBLE_ROWS);
    expect(images).toHaveLength(1 + VISIBLE_ROWS);
    const shownFindings = findings!.length + moreFindings!.length - 2;
    const shownImages = images!.length + moreImages!.length - 2;
    expect(shownFindings).toBeGreaterThan(100);
    expect(shownImages).toBeGreaterThan(100);
    expect(text).toContain(
      `_${20_000 - shownFindings} finding rows not shown to stay within GitHub's size limit: see the [workflow run](https://github.com/acme/shop/actions/runs/1)`,
    );
    expect(text).toContain(`_${20_000 - shownImages} image rows not shown`);
    expect(text).toContain('### How to fix');
  });

  test('a small budget (a PR comment) keeps the headline and cuts rows', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({
      ...archMismatch,
      container: `c${i}`,
      image: `ghcr.io/acme/app-${i}:1`,
    }));
    const text = formatSummary(reportOf(many), { rules: RULE_METAS, maxBytes: 60_000, headingLevel: 3 });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(60_000);
    expect(text.startsWith('### ❌ archcheck: 500 errors')).toBe(true);
    expect(text).toMatch(/_\d+ finding rows not shown/);
  });
});

describe('fields a pull request wrote', () => {
  const hostile = (text: string, i: number): Finding => ({
    ...archMismatch,
    message: `image ${text} has no build`,
    location: { ...archMismatch.location, file: `deploy/${text}-${i}.yaml` },
    workload: { kind: 'Deployment', name: text, namespace: 'shop' },
    container: text,
    image: `${text}-${i}`,
  });
  const HOSTILE = [
    'a\n\n# Heading\n<img src=x onerror=alert(1)>',
    'b | c | d',
    'x) [link](https://evil.test) <!-- archcheck:sticky-comment job=check -->',
    '@acme/team #12 acme/infra#3',
    '`code` ``` fence',
  ];

  test('render inert: one cell each, no HTML, heading, link, mention or reference of theirs', () => {
    const text = formatSummary(reportOf(HOSTILE.map(hostile)), { rules: RULE_METAS, blobUrl: BLOB });
    const html = marked.parse(text, { async: false, gfm: true });
    expect(html).not.toMatch(/<img|<h1|href="https:\/\/evil|<!--/);
    expect(text).not.toMatch(/@(?!&#8203;)\w|(?<!&)#\d/);
    const [findings] = tables(text);
    // Severity and Rule are the same on every row: said once above the table, not in a column.
    expect(text).toContain('Every row: **Severity**: ❌ error · **Rule**: `image-arch-mismatch`');
    expect(findings!.slice(1).map((row) => row.length)).toEqual(HOSTILE.map(() => 4));
  });

  test('one oversized finding never hides the others', () => {
    const huge = hostile('z'.repeat(200_000), 0);
    const many = [huge, ...Array.from({ length: 30 }, (_, i) => hostile(`w${i}`, i + 1))];
    const text = formatSummary(reportOf(many), { rules: RULE_METAS, maxBytes: 60_000, headingLevel: 3 });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(60_000);
    expect(text).not.toMatch(/not shown/);
    const [open, rest] = tables(text);
    expect(open!.slice(1).length + rest!.slice(1).length).toBe(31);
  });
});

test.each([
  [{ error: 0, warning: 0, notice: 0 }, 'no findings'],
  [{ error: 1, warning: 0, notice: 2 }, '1 error, 2 notices'],
  [{ error: 3, warning: 1, notice: 0 }, '3 errors, 1 warning'],
])('countsText(%o) = %s', (counts, text) => {
  expect(countsText(counts)).toBe(text);
});

test.each([
  ['a|b', 'a\\|b'],
  ['<script>', '\\<script\\>'],
  ['*bold* _it_ `code` [x](y)', '\\*bold\\* \\_it\\_ \\`code\\` \\[x\\](y)'],
  ['line1\r\nline2', 'line1<br>line2'],
])('md(%j)', (input, expected) => {
  expect(md(input)).toBe(expected);
});
