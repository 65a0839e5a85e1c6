import { describe, expect, test } from 'vitest';
import { isCollection, isPair, parseAllDocuments, type Document } from 'yaml';
import { PARSE_OPTIONS, fastCompose } from '../../src/documents/fast-compose.js';
import { quickScan } from '../../src/documents/quick-scan.js';
import { document } from './block-documents.js';

/** Every node of a document as plain data: class, range, and each property a consumer may read. */
function shape(node: unknown): unknown {
  if (isPair(node)) return { pair: [shape(node.key), shape(node.value)] };
  if (node === null || typeof node !== 'object') return node;
  const own = Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, k === 'items' ? (v as unknown[]).map(shape) : v]),
  );
  return { class: node.constructor.name, ...own };
}

function docShape(doc: Document.Parsed) {
  const { range, comment, commentBefore, errors, warnings, contents, directives } = doc;
  return {
    range,
    comment,
    commentBefore,
    errors,
    warnings,
    docStart: directives.docStart,
    contents: shape(contents),
  };
}

const GENERATED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-7
  labels:
    app.kubernetes.io/name: app-7
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/app-7:1.0.0
          ports:
            - containerPort: 8080
          env:
            - {name: SHARD, value: "7"}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
          args: ["--config-path", '/etc/envoy.yaml']
      volumes:
        - {name: config, configMap: {name: cfg-7}}
`;

describe('fastCompose builds the tree the yaml package composes', () => {
  test.each([
    ['a generated Deployment', GENERATED],
    ['after a document start', `---\n${GENERATED}`],
    ['without a final newline', 'a: b  \nc:\n- 1\n- [x , "y" ]  '],
    ['a sequence at its key indentation, then a key', 'a:\n- b\n-   c: d\n    e: 0x1F\nf: {}\ng: [ ]\n'],
    ['non-breaking spaces, which YAML does not trim', 'a: b\u00a0\nc: [x\u00a0 , y]\nd: \u3000\n'],
    ['comment lines first: on the first key', `# Source: app/templates/a.yaml\n#  b # c\n${GENERATED}`],
    ['comment lines after a document start: on the map', `---\n# Source: app/templates/a.yaml\n${GENERATED}`],
    [
      'scalars of every core type',
      "a: [~, null, true, 1, 0o7, 1.5, 1e3, \"1\", 'x''y']\nb: -2\nc: .inf\nd: 0x1F\n",
    ],
  ])('%s', (_name, text) => {
    const fast = fastCompose(text);
    const [slow] = parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
    expect(fast && slow && isCollection(fast.contents)).toBe(true);
    expect(docShape(fast as Document.Parsed)).toEqual(docShape(slow as Document.Parsed));
    expect(fast?.toJSON()).toEqual(slow?.toJSON());
  });

  test.each([
    ['a comment', 'a: b # c\n'],
    ['a comment line after the first key', '# a\nb: c\n# d\ne: f\n'],
    ['a comment line with trailing space', '# a \nb: c\n'],
    ['an empty comment line', '#\nb: c\n'],
    ['a comment on the document start line', '--- # a\nb: c\n'],
    ['a blank line', 'a: b\n\nc: d\n'],
    ['a block scalar', 'a: |\n  x\n'],
    ['a null value', 'a:\nb: c\n'],
    ['an anchor', 'a: &x b\n'],
  ])('leaves %s to the parser', (_name, text) => {
    expect(fastCompose(text)).toBeUndefined();
  });

  // The promise that lets parse.ts skip the library: for any document the scan claims clean, the fast tree is
  // the library's, node for node (classes, ranges, types, values, sources, formats, flags), or there is none.
  test.each([
    ['bare', true, 50_000, 3000],
    ['bent', false, 25_000, 400],
  ])('%s fuzzed documents', (_name, bare, runs, least) => {
    let built = 0;
    let commented = 0;
    for (let seed = 0; seed < runs; seed++) {
      const text = document(seed, bare);
      if (!quickScan(text)) continue;
      const fast = fastCompose(text);
      if (!fast) continue;
      built++;
      if (text.includes('#')) commented++;
      const [slow] = parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
      expect({ text, tree: docShape(fast) }).toEqual({ text, tree: slow && docShape(slow) });
      expect({ text, json: fast.toJSON() }).toEqual({ text, json: slow?.toJSON() });
    }
    // Most fuzzed documents leave the subset; enough must stay inside for the check to mean something.
    expect(built).toBeGreaterThan(least);
    // And enough of them start with comment lines, which the builder files where the library does.
    expect(commented).toBeGreaterThan(least / 20);
  });
});
