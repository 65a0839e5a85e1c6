import { describe, expect, test } from 'vitest';
import { COMMENT_VISIBLE_ROWS, commentBody } from '../../src/action/comment.js';
import { RULE_METAS } from '../../src/rules/index.js';
import { VISIBLE_ROWS, formatSummary } from '../../src/reporters/summary.js';
import { fortyFindingReport } from './forty-findings.js';
import { tables } from './markdown-tables.js';

// What a reviewer meets on a repository with 40 findings: the job summary and the sticky PR comment stay a
// page or two, most severe first, one row per rule and image, the rest collapsed.

const BLOB = 'https://github.com/acme/shop/blob/0123456789abcdef0123456789abcdef01234567';
const RUN = 'https://github.com/acme/shop/actions/runs/1';
const options = { rules: RULE_METAS, blobUrl: BLOB, failOn: 'error' as const, detailsUrl: RUN };

const surfaces = [
  {
    name: 'job summary',
    text: formatSummary(fortyFindingReport(), options),
    visible: VISIBLE_ROWS,
    maxBytes: 9 * 1024,
    maxLines: 50,
  },
  {
    name: 'PR comment',
    text: commentBody(fortyFindingReport(), options, RUN) ?? '',
    visible: COMMENT_VISIBLE_ROWS,
    maxBytes: 8 * 1024,
    maxLines: 55,
  },
];

const SEVERITY_ORDER = ['❌ error', '⚠️ warning', 'ℹ️ notice'];
/** Visible text of a cell's HTML, as a reader sees it (tags dropped, entities one character). */
const visibleText = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&[#\w]+;/g, '_');

describe.each(surfaces)('40 findings, $name', ({ text, visible, maxBytes, maxLines }) => {
  // The findings table is split in two: the open rows, then the rest inside <details>. Columns:
  // severity, rule, location, workload, container, message.
  const matrixAt = text.indexOf('# Images × node pools');
  const [open, rest] = tables(text.slice(0, matrixAt));
  const [matrix] = tables(text.slice(matrixAt));
  const rows = [...open!.slice(1), ...(rest?.slice(1) ?? [])];

  test('fits a page: bytes and lines', () => {
    expect(Buffer.byteLength(text)).toBeLessThan(maxBytes);
    expect(text.split('\n').length).toBeLessThan(maxLines);
  });

  test('one row per rule and image (or per repeated message), listing the other places', () => {
    expect(rows).toHaveLength(10);
    const api = rows.find((r) => r[5]!.startsWith('Image ghcr.io/acme/api:1.4.0'));
    expect(api!.slice(2, 4)).toEqual([
      `<a href="${BLOB}/deploy/services/svc-0.yaml#L22">deploy/services/svc-0.yaml:22:18</a> and 11 more`,
      'shop/api-0, shop/api-1 and 10 more',
    ]);
    const pending = rows.find((r) => r[1] === '<code>no-eligible-nodes</code>');
    expect(pending![3]).toBe('shop/stuck-0, shop/stuck-1 and 2 more');
  });

  test('errors first, then by file and line', () => {
    const severities = rows.map((r) => SEVERITY_ORDER.indexOf(r[0]!));
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
    expect(severities.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(rows.slice(0, 6).map((r) => visibleText(r[2]!).split(':')[0])).toEqual([
      'deploy/apps/app-0.yaml',
      'deploy/apps/app-1.yaml',
      'deploy/apps/app-2.yaml',
      'deploy/gone/g-0.yaml',
      'deploy/pending/p-0.yaml',
      'deploy/services/svc-0.yaml',
    ]);
  });

  test('the first rows are open, the rest collapsed with a count', () => {
    expect(open!.slice(1)).toHaveLength(visible < 10 ? visible : 10);
    const hidden = 10 - visible;
    if (hidden > 0)
      expect(text).toMatch(new RegExp(`<details><summary>${hidden} more rows? \\(\\d+ findings?\\)`));
  });

  test('no table cell a reader must scroll: at most 300 characters', () => {
    const cells = [...rows, ...matrix!].flat().map(visibleText);
    expect(Math.max(...cells.map((c) => c.length))).toBeLessThanOrEqual(300);
  });

  test('the matrix lists the images with a problem, Pending as an error', () => {
    expect(matrix!.slice(1).map((r) => r[0])).toEqual([
      'ghcr.io/acme/api:1.4.0',
      'ghcr.io/acme/worker:3.1',
      'ghcr.io/acme/cron:0.9',
      'ghcr.io/acme/gateway:5.2',
      'ghcr.io/acme/stuck:1.0',
      'ghcr.io/acme/gone:2.0.0',
    ]);
    expect(matrix!.find((r) => r[0] === 'ghcr.io/acme/stuck:1.0')).toEqual([
      'ghcr.io/acme/stuck:1.0',
      '⛔ Pending',
      '⛔ Pending',
    ]);
    expect(text).toContain('21 images that run on every pool their pods can land on are not listed');
  });
});
