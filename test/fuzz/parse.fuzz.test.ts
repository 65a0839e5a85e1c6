import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeManifest } from '../../src/documents/decode.js';
import { parseManifestFile } from '../../src/documents/parse.js';
import { extractWorkloads } from '../../src/workloads/extract.js';

/** The control: a Deployment appended as its own document; its image must always be found, at this spot. */
const CONTROL = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: control}',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '      - name: app',
  '        image: registry.example.com/control:1.0',
].join('\n');
const CONTROL_IMAGE_LINE = 9;
const CONTROL_IMAGE_COLUMN = 16;

const scalar = fc.oneof(
  fc.constantFrom(
    'x',
    '~',
    'null',
    'yes',
    '0x1F',
    '1e3',
    '.inf',
    '"q"',
    "'s'",
    '|',
    '>-',
    '',
    '*a',
    '&a v',
    '!!str 1',
  ),
  fc.string({ maxLength: 12 }),
);
const key = fc.oneof(
  fc.constantFrom('kind', 'image', 'containers', 'spec', 'template', '<<', 'items', 'name'),
  scalar,
);

/** YAML-ish lines: valid fragments, garbage, anchors, aliases, merge keys, templates, deep indentation. */
const line = fc.oneof(
  fc.tuple(fc.nat(12), key, scalar).map(([indent, k, v]) => `${' '.repeat(indent)}${k}: ${v}`),
  fc.tuple(fc.nat(12), scalar).map(([indent, v]) => `${' '.repeat(indent)}- ${v}`),
  fc.tuple(fc.nat(8), fc.constantFrom('a', 'b')).map(([i, a]) => `${' '.repeat(i)}- <<: *${a}`),
  fc.constantFrom(
    '---',
    '...',
    '{{ if .Values.x }}',
    '  {{- end }}',
    '[',
    ']',
    '{a: [1, {b: *a}]}',
    '%YAML 1.1',
  ),
  fc.constantFrom('x: &a {image: nginx, name: c}', 'y: &b [*a, *a, *a]', 'kind: List', 'items:', '\t- tab'),
  fc.string({ maxLength: 30 }),
);

/** A workload kind with a pod spec, written with anchors and merge keys, possibly broken. */
const workload = fc
  .tuple(
    fc.constantFrom('Deployment', 'Pod', 'CronJob', 'Widget', 'List'),
    fc.boolean(),
    fc.array(line, { maxLength: 6 }),
  )
  .map(([kind, merge, extra]) =>
    [
      `apiVersion: ${kind === 'Pod' ? 'v1' : 'apps/v1'}`,
      `kind: ${kind}`,
      'metadata: {name: w}',
      'base: &base {name: b, image: "busybox:1"}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      merge ? '      - <<: *base' : '      - {name: c, image: nginx}',
      ...extra,
    ].join('\n'),
  );

const deep = fc
  .nat(300)
  .map((n) => `${'['.repeat(n)}x${']'.repeat(n)}\n${'a:\n '.repeat(Math.min(n, 100))}b`);

const document = fc.oneof(
  fc.array(line, { maxLength: 20 }).map((ls) => ls.join('\n')),
  workload,
  deep,
);

/** Every control image position the run reports; exactly one is expected, at the control's spot. */
function controlImages(prefix: string) {
  const parsed = parseManifestFile('fuzz.yaml', `${prefix}${CONTROL}\n`);
  return {
    // `prefix` ends with a newline: the control starts on the line after its last one.
    expectedLine: prefix.split('\n').length - 1 + CONTROL_IMAGE_LINE,
    found: parsed.objects
      .flatMap(extractWorkloads)
      .flatMap((w) => w.containers)
      .filter((c) => c.image === 'registry.example.com/control:1.0')
      .map((c) => [c.location.line, c.location.column]),
  };
}

describe('parsing never throws and never loses the control workload', () => {
  const params = { seed: 20261129, numRuns: 2_000, interruptAfterTimeLimit: 10_000 };

  test('generated documents, each followed by the control document', () => {
    fc.assert(
      fc.property(fc.array(document, { maxLength: 4 }), (docs) => {
        // Documents are split at `---` lines first, as kubectl does: nothing left open before can swallow it.
        const { expectedLine, found } = controlImages(`${[...docs, ''].join('\n---\n')}`);
        expect(found).toEqual([[expectedLine, CONTROL_IMAGE_COLUMN]]);
      }),
      params,
    );
  });

  test('arbitrary bytes, decoded as a BOM says, never throw', () => {
    const bom = fc.constantFrom(
      [],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [0xfe, 0xff],
      [0xff, 0xfe, 0, 0],
      [0, 0, 0xfe, 0xff],
    );
    fc.assert(
      fc.property(bom, fc.uint8Array({ maxLength: 400 }), (prefix, body) => {
        const parsed = parseManifestFile('bytes.yaml', decodeManifest(new Uint8Array([...prefix, ...body])));
        parsed.objects.flatMap(extractWorkloads);
      }),
      params,
    );
  });
});
