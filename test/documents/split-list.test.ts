import { describe, expect, test } from 'vitest';
import { parseManifestFile, type ParsedFile } from '../../src/documents/parse.js';
import { splitLargeList } from '../../src/documents/split-list.js';
import { extractWorkloads } from '../../src/workloads/extract.js';

const item = (name: string, indent: string) =>
  [
    `${indent}- apiVersion: apps/v1`,
    `${indent}  kind: Deployment`,
    `${indent}  metadata: {name: ${name}}`,
    `${indent}  spec:`,
    `${indent}    template:`,
    `${indent}      spec:`,
    `${indent}        # a comment inside an item`,
    `${indent}        containers:`,
    `${indent}        - name: app`,
    '',
    `${indent}          image: nginx:${name}`,
  ].join('\n');

const list = (indent: string, after = '') =>
  `# leading comment\napiVersion: v1\nkind: List\nitems:\n${item('a', indent)}\n\n${item('b', indent)}\n${indent}-   {apiVersion: v1, kind: Pod, metadata: {name: c}, spec: {containers: [{name: x, image: redis:7}]}}\n${after}`;

function summary(parsed: ParsedFile) {
  return {
    documents: parsed.documents,
    skipped: parsed.skipped,
    problems: parsed.problems.map((p) => [p.location.line, p.location.column, p.message]),
    workloads: parsed.objects
      .flatMap(extractWorkloads)
      .map((w) => [
        w.kind,
        w.name,
        w.location.line,
        w.location.column,
        ...w.containers.flatMap((c) => [c.image, c.location.line, c.location.column]),
      ]),
  };
}

describe('a large List read item by item gives what the whole parse gives', () => {
  test.each([
    ['items at column 0', list('')],
    ['items indented by two', list('  ')],
    ['keys after the items', list('  ', 'metadata: {resourceVersion: ""}\n')],
    ['CRLF line ends', list('  ').replace(/\n/g, '\r\n')],
    ['a leading document marker', `---\n${list('')}`],
  ])('%s', (_name, text) => {
    expect(splitLargeList(text, 1)).toBeDefined();
    const whole = summary(parseManifestFile('l.yaml', text));
    expect(whole.workloads).toHaveLength(3);
    expect(summary(parseManifestFile('l.yaml', text, undefined, { splitListChars: 1 }))).toEqual(whole);
  });

  test('a broken item is one problem at its position; the other items are still read', () => {
    const text = list('').replace(
      '  kind: Deployment\n  metadata: {name: b}',
      '  kind: Deployment\n  metadata: {name: b]',
    );
    const split = summary(parseManifestFile('l.yaml', text, undefined, { splitListChars: 1 }));
    expect(split.workloads.map((w) => w[1])).toEqual(['a', 'c']);
    expect(split.problems).toHaveLength(1);
    expect(split.problems[0]?.[0]).toBe(19);
  });

  test.each([
    ['a JSON List', '{"apiVersion": "v1", "kind": "List", "items": [{"kind": "Pod"}]}'],
    ['two documents', `${list('')}---\napiVersion: v1\nkind: Pod\n`],
    ['a flow sequence of items', 'apiVersion: v1\nkind: List\nitems: [{kind: Pod}]\n'],
    ['no items key', 'apiVersion: v1\nkind: Pod\n'],
  ])('%s is parsed whole', (_name, text) => {
    expect(splitLargeList(text, 1)).toBeUndefined();
  });

  test('a large document that is not a List is parsed whole', () => {
    const text = `apiVersion: example.com/v1\nkind: Basket\nitems:\n- {apiVersion: v1, kind: Pod, metadata: {name: p}}\n`;
    expect(splitLargeList(text, 1)).toBeDefined();
    expect(summary(parseManifestFile('b.yaml', text, undefined, { splitListChars: 1 }))).toEqual(
      summary(parseManifestFile('b.yaml', text)),
    );
  });
});
