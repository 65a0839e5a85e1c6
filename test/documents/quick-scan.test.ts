import { describe, expect, test } from 'vitest';
import { parseYamlDocument } from '../../src/documents/problems.js';
import { quickScan, type QuickScan } from '../../src/documents/quick-scan.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('quickScan reads block-style documents', () => {
  test.each<[string, string, QuickScan]>([
    [
      'a Service',
      lines('apiVersion: v1', 'kind: Service', 'spec:', '  ports:', '  - port: 80'),
      { apiVersion: 'v1', kind: 'Service', imageKey: false },
    ],
    [
      'after a --- line with a comment',
      lines('--- # svc', 'apiVersion: v1', 'kind: Service'),
      { apiVersion: 'v1', kind: 'Service', imageKey: false },
    ],
    [
      'quoted kind and apiVersion',
      lines('"apiVersion": \'v1\'', "kind: 'Config''Map'"),
      { apiVersion: 'v1', kind: "Config'Map", imageKey: false },
    ],
    [
      'an image key',
      lines('kind: Pod', 'apiVersion: v1', 'spec:', '  containers:', '  - name: a', '    image: x'),
      { apiVersion: 'v1', kind: 'Pod', imageKey: true },
    ],
    [
      'an image key in a flow mapping',
      lines('kind: X', 'apiVersion: v1', 'c: [{name: a, image: x}]'),
      { apiVersion: 'v1', kind: 'X', imageKey: true },
    ],
    [
      'a quoted image key',
      lines('kind: X', 'apiVersion: v1', '"image": x'),
      { apiVersion: 'v1', kind: 'X', imageKey: true },
    ],
    [
      'images, in any case',
      lines('kind: X', 'apiVersion: v1', 'spec:', '  kustomizeImages: [a]'),
      { apiVersion: 'v1', kind: 'X', imageKey: true },
    ],
    [
      'image only in a block scalar',
      lines(
        'kind: ConfigMap',
        'apiVersion: v1',
        'data:',
        '  c.yaml: |',
        '    image: x',
        '    key: [unclosed',
      ),
      { apiVersion: 'v1', kind: 'ConfigMap', imageKey: false },
    ],
    [
      'image only in a value and a comment',
      lines('kind: X # image', 'apiVersion: v1', 'a: image'),
      { apiVersion: 'v1', kind: 'X', imageKey: false },
    ],
    ['no kind: not an object', lines('apiVersion: v1', 'a: b'), { apiVersion: 'v1', imageKey: false }],
    ['a null kind', lines('apiVersion: v1', 'kind: ~'), { apiVersion: 'v1', imageKey: false }],
    ['an empty quoted kind', lines('apiVersion: v1', 'kind: ""'), { apiVersion: 'v1', imageKey: false }],
    [
      'a kind nested deeper is not the object kind',
      lines('apiVersion: v1', 'spec:', '  kind: Pod'),
      { apiVersion: 'v1', imageKey: false },
    ],
    [
      'a sequence at its key indentation',
      lines('kind: X', 'apiVersion: v1', 'list:', '- a', '- b: c', '  d: e', 'next: f'),
      { apiVersion: 'v1', kind: 'X', imageKey: false },
    ],
    [
      'a cron schedule',
      lines('kind: X', 'apiVersion: v1', 'schedule: "5 * * * *"', 'other: 0 3 * * *'),
      { apiVersion: 'v1', kind: 'X', imageKey: false },
    ],
    ['CRLF line ends', 'kind: X\r\napiVersion: v1\r\n', { apiVersion: 'v1', kind: 'X', imageKey: false }],
  ])('%s', (_name, text, expected) => {
    expect(quickScan(text)).toEqual(expected);
    // The scan's promise: the parser reads it without any problem.
    expect(parseYamlDocument(text).problem).toBeUndefined();
  });
});

describe('quickScan leaves everything else to the parser', () => {
  test.each([
    ['an alias', lines('kind: X', 'apiVersion: v1', 'a: &a 1', 'b: *a')],
    ['a merge key', lines('kind: X', 'apiVersion: v1', '<<: {a: 1}')],
    ['a tag', lines('kind: X', 'apiVersion: !!str v1')],
    ['an escape that may spell image', lines('kind: X', 'apiVersion: v1', '"\\u0069mage": x')],
    ['a duplicate key', lines('kind: X', 'apiVersion: v1', 'kind: Y')],
    ['a duplicate key in a flow mapping', lines('kind: X', 'apiVersion: v1', 'a: {b: 1, b: 2}')],
    ['a key that is a number', lines('kind: X', 'apiVersion: v1', '1: a')],
    ['a multi-line plain scalar', lines('kind: X', 'apiVersion: v1', 'a: b', '  c')],
    ['a multi-line flow collection', lines('kind: X', 'apiVersion: v1', 'a: [b,', '  c]')],
    ['a tab', lines('kind: X', 'apiVersion: v1', 'a:\tb')],
    ['a second document', lines('kind: X', 'apiVersion: v1', '---', 'kind: Y')],
    ['a document end marker', lines('kind: X', 'apiVersion: v1', '...')],
    ['a directive', lines('%YAML 1.2', '---', 'kind: X')],
    ['a nested mapping on one line', lines('kind: X', 'apiVersion: v1', 'a: b: c')],
    ['a bad indentation', lines('kind: X', 'apiVersion: v1', 'a:', '    b: 1', '  c: 2')],
    ['a block scalar not deeper than its key', lines('kind: X', 'apiVersion: v1', 'l:', '- k: |', '  b')],
    ['a block scalar with an indentation indicator', lines('kind: X', 'apiVersion: v1', 'a: |2', '   b')],
    ['a comment without a space', lines('kind: X', 'apiVersion: v1', 'a: "b"#c')],
    ['a top-level sequence', lines('- a')],
    ['only comments', lines('# nothing')],
    ['a kind that is a number', lines('kind: 1', 'apiVersion: v1')],
    ['a control character', lines('kind: X', 'apiVersion: v1', 'a: \u0007')],
  ])('%s', (_name, text) => {
    expect(quickScan(text)).toBeUndefined();
  });
});
