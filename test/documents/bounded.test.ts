import { type Node } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parseManifestFile } from '../../src/documents/parse.js';
import { extractWorkloads } from '../../src/workloads/extract.js';
import { findPodSpecs } from '../../src/workloads/generic.js';
import { aliasBomb, manyAliases, wideMap } from './pathological.js';

/** Nodes as written in a text: every scalar, collection and alias token is at most a few bytes. */
const writtenNodeBound = (text: string) => text.length;

describe('walks never expand aliases', () => {
  test.each([
    ['a 9x9 alias bomb', aliasBomb(9, 9)],
    ['a 30x2 alias bomb', aliasBomb(30, 2)],
  ])('%s: findPodSpecs visits each written node once', (_name, text) => {
    const parsed = parseManifestFile('bomb.yaml', text);
    expect(parsed.problems).toEqual([]);
    const [obj] = parsed.objects;
    if (!obj) throw new Error('no object');
    const seen = new Set<Node>();
    const found = findPodSpecs(obj.ctx, obj.map, seen);
    expect(found.map((f) => [f.part, f.containers.map((c) => c.image)])).toEqual([
      ['spec.template.spec', ['busybox']],
    ]);
    expect(seen.size).toBeLessThan(writtenNodeBound(text));
  });

  test('the alias bomb in an unknown kind still yields its workload', () => {
    const parsed = parseManifestFile('bomb.yaml', aliasBomb());
    const workloads = parsed.objects.flatMap(extractWorkloads);
    expect(workloads.map((w) => [w.kind, w.name, w.containers[0]?.image])).toEqual([
      ['Widget', 'bomb', 'busybox'],
    ]);
  });
});

describe('linear checks over large documents', () => {
  test('5,000 aliases to one anchor parse cleanly', () => {
    const parsed = parseManifestFile('aliases.yaml', manyAliases());
    expect(parsed.problems).toEqual([]);
    expect(parsed.skipped).toBe(0);
  });

  test('a 60,000-key map parses cleanly', () => {
    const parsed = parseManifestFile('wide.yaml', wideMap());
    expect(parsed.problems).toEqual([]);
  });
});

describe('duplicate keys and dangling aliases are one problem per document', () => {
  test.each([
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n', [[3, 1, 'Map keys must be unique']]],
    [
      'two duplicate keys, in a nested flow map',
      'kind: Pod\nm: {x: 1, x: 2, x: 3}\n',
      [[2, 11, 'Map keys must be unique (and 1 more problem in this document)']],
    ],
    ['equal numbers are one key', 'a: {1: x, 1: y}\n', [[1, 11, 'Map keys must be unique']]],
    ['a string and a number are two keys', 'a: {"1": x, 1: y}\n', []],
    ['merge keys may repeat', 'b: &b {x: 1}\nc: &c {y: 1}\nd: {<<: *b, <<: *c}\n', []],
    ['an alias before its anchor', 'a: *x\nb: &x 1\n', [[1, 4, 'Aliased anchor not found: x']]],
  ])('%s', (_name, text, expected) => {
    const parsed = parseManifestFile('x.yaml', text);
    expect(parsed.problems.map((p) => [p.location.line, p.location.column, p.message])).toEqual(expected);
  });

  test('a Go template gives one problem per document, counting the rest', () => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', '{{- if .Values.enabled }}'];
    for (let i = 0; i < 40; i++) lines.push(`  {{ .Values.key${i} }}: {{ .Values.v${i} | quote }}`);
    lines.push('{{- end }}', '---', 'a: {{ .x }', 'b: [');
    const parsed = parseManifestFile('template.yaml', `${lines.join('\n')}\n`);
    expect(parsed.problems).toHaveLength(2);
    expect(parsed.problems[0]?.message).toMatch(/\(and \d+ more problems in this document\)$/);
    expect(parsed.problems[0]?.location.line).toBe(3);
  });
});
