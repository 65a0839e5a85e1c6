import { expect, test } from 'vitest';
import { type CellTable, collapsed, renderTable } from '../../src/reporters/md-table.js';

const columns: CellTable['columns'] = [
  { header: 'Where', name: 'Where', keep: true },
  { header: 'Severity', name: 'Severity' },
  { header: 'Container', name: 'Container' },
];

test.each<[string, string[][], string, string]>([
  ['one row: every column kept', [['a.yaml', 'error', '']], '| Where | Severity | Container |', ''],
  [
    'one value on every row: said once above, its column dropped; an empty column dropped silently',
    [
      ['a.yaml', 'error', ''],
      ['b.yaml', 'error', ''],
    ],
    '| Where |',
    'Every row: **Severity**: error\n\n',
  ],
  [
    'a kept column stays even when uniform',
    [
      ['a.yaml', 'error', 'x'],
      ['a.yaml', 'warning', 'x'],
    ],
    '| Where | Severity |',
    'Every row: **Container**: x\n\n',
  ],
])('renderTable: %s', (_name, rows, header, common) => {
  const table = renderTable({ columns, rows });
  expect(table.header.split('\n')[0]).toBe(header);
  expect(table.common).toBe(common);
  expect(table.rows.every((r) => r.split('|').length === header.split('|').length)).toBe(true);
});

test.each([
  ['all rows fit: no <details>', 3, false],
  ['more rows than shown: the rest collapsed under the header again', 2, true],
])('collapsed: %s', (_name, visible, details) => {
  const table = renderTable({
    columns,
    rows: [
      ['a', '1', 'x'],
      ['b', '2', 'y'],
      ['c', '3', 'z'],
    ],
  });
  const text = collapsed(table, table.rows, visible, (n) => `${n} more`);
  expect(text.includes('<details><summary>1 more</summary>\n\n| Where')).toBe(details);
  expect(text.split('| c | 3 | z |')).toHaveLength(2);
});
