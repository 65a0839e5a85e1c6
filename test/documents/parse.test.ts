import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseManifestFile, type ParsedFile } from '../../src/documents/parse.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url), 'utf8');

/** The objects of a parsed file as [kind, name, namespace, line, column, docIndex] rows. */
const objects = (parsed: ParsedFile) =>
  parsed.objects.map((o) => [o.kind, o.name, o.namespace, o.location.line, o.location.column, o.docIndex]);
const problems = (parsed: ParsedFile) =>
  parsed.problems.map((p) => [p.location.line, p.location.column, p.message]);

interface Case {
  fixture: string;
  objects: unknown[][];
  documents: number;
  skipped: number;
}

describe('fixtures', () => {
  test.each<Case>([
    {
      // Leading comment, trailing comment, `---` with nothing after it and a comment-only document.
      fixture: 'multi-doc.yaml',
      objects: [
        ['Service', 'web', undefined, 2, 1, 0],
        ['Deployment', 'web', 'shop', 7, 1, 1],
        ['ConfigMap', 'settings', undefined, 22, 1, 4],
      ],
      documents: 3,
      skipped: 0,
    },
    {
      // JSON-like flow mappings with unquoted keys, trailing commas and a comment inside.
      fixture: 'flow-style.yaml',
      objects: [['Pod', 'flow', undefined, 1, 1, 0]],
      documents: 1,
      skipped: 0,
    },
    {
      // A JSON `kind: List`: items keep their own kind; a string item is ignored.
      fixture: 'list.json',
      objects: [
        ['DaemonSet', 'agent', 'kube-system', 5, 5, 0],
        ['Service', 'agent', undefined, 11, 5, 0],
      ],
      documents: 1,
      skipped: 0,
    },
    {
      // `kubectl get pods -o json`: items have no kind or apiVersion; the name may be a generateName.
      fixture: 'pod-list.json',
      objects: [
        ['Pod', 'one', 'ns', 5, 5, 0],
        ['Pod', 'two-', undefined, 6, 5, 0],
      ],
      documents: 1,
      skipped: 0,
    },
    {
      fixture: 'yaml-list.yaml',
      objects: [
        ['Pod', 'first', undefined, 4, 5, 0],
        ['Job', 'second', undefined, 8, 5, 0],
      ],
      documents: 1,
      skipped: 0,
    },
    {
      fixture: 'anchors.yaml',
      objects: [['Deployment', 'anchored', undefined, 1, 1, 0]],
      documents: 1,
      skipped: 0,
    },
    {
      // A workflow, a values file, a scalar, a sequence and a kind without apiVersion are skipped and counted.
      fixture: 'not-kubernetes.yaml',
      objects: [['Pod', 'real', undefined, 16, 1, 5]],
      documents: 6,
      skipped: 5,
    },
  ])('$fixture', ({ fixture: name, objects: expected, documents, skipped }) => {
    const parsed = parseManifestFile(name, fixture(name));
    expect(problems(parsed)).toEqual([]);
    expect(objects(parsed)).toEqual(expected);
    expect({ documents: parsed.documents, skipped: parsed.skipped }).toEqual({ documents, skipped });
    expect(parsed.objects.every((o) => o.location.file === name)).toBe(true);
  });

  test('list items inherit the apiVersion of the list only when they have none', () => {
    const parsed = parseManifestFile('pods.json', fixture('pod-list.json'));
    expect(parsed.objects.map((o) => o.apiVersion)).toEqual(['v1', 'v1']);
    const list = parseManifestFile('list.json', fixture('list.json'));
    expect(list.objects.map((o) => o.apiVersion)).toEqual(['apps/v1', 'v1']);
  });

  test('the comment above a document is kept (helm writes "# Source: ..." there)', () => {
    const helm = '---\n# Source: chart/templates/pod.yaml\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\n';
    expect(parseManifestFile('h.yaml', helm).objects[0]?.comment).toBe(' Source: chart/templates/pod.yaml');
    const first = parseManifestFile('m.yaml', fixture('multi-doc.yaml')).objects[0];
    expect(first?.comment).toBe(' A leading comment, then three objects and an empty document.');
  });
});

describe('invalid YAML', () => {
  test('a broken document is a problem at the parser position; the documents around it are still read', () => {
    const parsed = parseManifestFile('bad.yaml', fixture('invalid-middle.yaml'));
    expect(problems(parsed)).toEqual([
      [10, 3, 'Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ]);
    expect(parsed.problems[0]?.location.file).toBe('bad.yaml');
    expect(objects(parsed)).toEqual([
      ['Pod', 'before', undefined, 1, 1, 0],
      ['Pod', 'after', undefined, 12, 1, 2],
    ]);
    expect(parsed.documents).toBe(3);
  });

  test.each([
    ['a tab used as indentation', 'a: 1\n\tb: 2\n', [[2, 1, 'Tabs are not allowed as indentation']]],
    ['a duplicate key', 'kind: Pod\nkind: Pod\napiVersion: v1\n', [[2, 1, 'Map keys must be unique']]],
    [
      'an unclosed quote ends at the next `---` line, where kubectl splits documents',
      'kind: Pod\nmetadata: {name: "a\n---\nkind: Pod\n',
      [[3, 1, 'Missing closing "quote (and 1 more problem in this document)']],
    ],
    [
      'helm --debug output after the YAML',
      'apiVersion: v1\nkind: Pod\nError: YAML parse error on x\n  what: no\n',
      [[3, 8, 'Nested mappings are not allowed in compact mappings (and 1 more problem in this document)']],
    ],
  ])('%s', (_name, text, expected) => {
    const parsed = parseManifestFile('x.yaml', text);
    expect(problems(parsed)).toEqual(expected);
    expect(parsed.objects).toEqual([]);
  });
});

describe('line endings and edge documents', () => {
  test('CRLF gives the same objects and positions as LF', () => {
    const lf = fixture('multi-doc.yaml');
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(crlf).toContain('\r\n');
    const parsed = parseManifestFile('crlf.yaml', crlf);
    expect(problems(parsed)).toEqual([]);
    expect(objects(parsed)).toEqual(objects(parseManifestFile('lf.yaml', lf)));
  });

  test.each([
    ['an empty file', '', 0, 0],
    ['only comments', '# nothing here\n# at all\n', 0, 0],
    ['only separators', '---\n---\n...\n', 0, 0],
    ['an explicit null document is a document, not a Kubernetes object', 'null\n', 1, 1],
    ['a byte order mark before the object', '\ufeffapiVersion: v1\nkind: Pod\nmetadata: {name: bom}\n', 1, 0],
  ])('%s', (_name, text, documents, skipped) => {
    const parsed = parseManifestFile('e.yaml', text);
    expect(problems(parsed)).toEqual([]);
    expect({ documents: parsed.documents, skipped: parsed.skipped }).toEqual({ documents, skipped });
  });

  test('a billion-laughs alias bomb is read without expanding it', () => {
    const levels = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 12; i++)
      levels.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: bomb\n  annotations:\n${levels.map((l) => `    ${l}`).join('\n')}\nspec:\n  containers: *l12\n`;
    const started = performance.now();
    const parsed = parseManifestFile('bomb.yaml', text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(problems(parsed)).toEqual([]);
    expect(objects(parsed)).toEqual([['Pod', 'bomb', undefined, 1, 1, 0]]);
  });

  test('an alias to an anchor that does not exist is a problem, not a crash', () => {
    const parsed = parseManifestFile('a.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: *nope\n');
    expect(problems(parsed)).toEqual([[4, 9, 'Aliased anchor not found: nope']]);
  });

  test('a numeric name is read as the string Kubernetes would see', () => {
    const parsed = parseManifestFile(
      'n.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: 0123, namespace: 42}\n',
    );
    expect(objects(parsed)).toEqual([['ConfigMap', '123', '42', 1, 1, 0]]);
  });

  test('a document with no name is "(unnamed)"', () => {
    const parsed = parseManifestFile('u.yaml', 'apiVersion: v1\nkind: Pod\nspec: {}\n');
    expect(objects(parsed)).toEqual([['Pod', '(unnamed)', undefined, 1, 1, 0]]);
  });
});
