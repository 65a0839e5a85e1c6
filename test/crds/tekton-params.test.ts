import { describe, expect, test } from 'vitest';
import { parseManifestFile } from '../../src/documents/parse.js';
import { extractWorkloads } from '../../src/workloads/extract.js';
import { substituteParams } from '../../src/workloads/crds/tekton-params.js';
import type { ParamTable } from '../../src/workloads/workload.js';

/** `name image [kind of parse error] @line:column`, and each param that went in, per container. */
function containersOf(manifest: string): string[] {
  const parsed = parseManifestFile('t.yaml', manifest);
  expect(parsed.problems).toEqual([]);
  return parsed.objects
    .flatMap(extractWorkloads)
    .flatMap((w) => w.containers)
    .map(
      (c) =>
        `${c.name} ${c.image}${c.parseError ? ` [${c.parseError.kind}]` : ''} @${c.location.line}:${c.location.column}` +
        (c.written?.params.map((p) => ` <${p.from} ${p.name}@${p.location.line}`).join('') ?? ''),
    );
}

const task = (params: string, image: string) =>
  `apiVersion: tekton.dev/v1\nkind: Task\nmetadata: {name: t}\nspec:\n  params:\n${params}  steps:\n    - name: s\n      image: ${image}\n`;

describe('Tekton images from params', () => {
  test.each([
    [
      'a string default',
      '    - {name: img, default: "a.io/x:1"}\n',
      '$(params.img)',
      ['s a.io/x:1 @9:14 <default img@6'],
    ],
    [
      'within a string',
      '    - {name: tag, default: "2.0"}\n',
      'a.io/x:$(params.tag)',
      ['s a.io/x:2.0 @9:14 <default tag@6'],
    ],
    [
      'bracket form',
      '    - {name: img, default: "a.io/x:1"}\n',
      `$(params['img'])`,
      ['s a.io/x:1 @9:14 <default img@6'],
    ],
    [
      "v1alpha1's inputs form",
      '    - {name: tag, default: "3"}\n',
      'a.io/x:$(inputs.params.tag)',
      ['s a.io/x:3 @9:14 <default tag@6'],
    ],
    ['no default', '    - {name: img}\n', '$(params.img)', ['s $(params.img) [parameter] @9:14']],
    // YAML reads 1.10 as the number 1.1: not the tag meant, so not used.
    [
      'a number default',
      '    - {name: tag, default: 1.10}\n',
      'a.io/x:$(params.tag)',
      ['s a.io/x:$(params.tag) [parameter] @9:14'],
    ],
    [
      'an array param cannot be an image',
      '    - {name: img, type: array, default: ["a.io/x:1"]}\n',
      '$(params.img)',
      ['s $(params.img) [parameter] @9:14'],
    ],
    [
      'an array reference',
      '    - {name: img, default: "a.io/x:1"}\n',
      '$(params.img[*])',
      ['s $(params.img[*]) [parameter] @9:14'],
    ],
    [
      'a context variable',
      '',
      'a.io/x:$(context.taskRun.name)',
      ['s a.io/x:$(context.taskRun.name) [parameter] @8:14'],
    ],
    [
      'a default that names a param is not read again',
      '    - {name: img, default: "$(params.img)"}\n',
      '$(params.img)',
      ['s $(params.img) [parameter] @9:14'],
    ],
    [
      'a result far longer than any image is not substituted',
      `    - {name: a, default: "${'x'.repeat(1100)}"}\n`,
      '$(params.a)',
      ['s $(params.a) [parameter] @9:14'],
    ],
    [
      'many references to a long value are not multiplied out',
      `    - {name: a, default: "${'x'.repeat(1000)}"}\n`,
      '$(params.a)'.repeat(90),
      [`s ${'$(params.a)'.repeat(90)} [parameter] @9:14`],
    ],
  ])('%s', (_name, params, image, expected) => {
    expect(containersOf(task(params, image))).toEqual(expected);
  });

  test.each([
    [
      'a TaskRun value wins over the task default',
      'apiVersion: tekton.dev/v1\nkind: TaskRun\nmetadata: {name: r}\nspec:\n  params:\n    - {name: img, value: "a.io/run:1"}\n  taskSpec:\n    params:\n      - {name: img, default: "a.io/default:1"}\n    steps:\n      - {name: s, image: $(params.img)}\n',
      ['s a.io/run:1 @11:26 <value img@6'],
    ],
    [
      'a PipelineRun value reaches an embedded task through its pipeline task and propagation',
      'apiVersion: tekton.dev/v1\nkind: PipelineRun\nmetadata: {name: r}\nspec:\n  params:\n    - {name: image, value: "a.io/run:2"}\n  pipelineSpec:\n    params:\n      - {name: image, default: "a.io/default:1"}\n    tasks:\n      - name: passed\n        params:\n          - {name: image, value: $(params.image)}\n        taskSpec:\n          steps:\n            - {name: s, image: $(params.image)}\n      - name: propagated\n        taskSpec:\n          steps:\n            - {name: p, image: $(params.image)}\n',
      ['s a.io/run:2 @16:32 <value image@13 <value image@6', 'p a.io/run:2 @20:32 <value image@6'],
    ],
    [
      'a step with its own image does not take the stepTemplate image',
      'apiVersion: tekton.dev/v1\nkind: Task\nmetadata: {name: t}\nspec:\n  stepTemplate:\n    image: a.io/template:1\n  steps:\n    - {name: own, image: a.io/own:1}\n    - {name: inherits, script: echo}\n',
      ['own a.io/own:1 @8:26', 'inherits a.io/template:1 @6:12'],
    ],
    [
      'a step without an image and no stepTemplate has no image',
      'apiVersion: tekton.dev/v1\nkind: Task\nmetadata: {name: t}\nspec:\n  steps:\n    - {name: none, script: echo}\n',
      ['none  [empty] @6:8'],
    ],
    [
      'a v1alpha1 StepAction with its own param default',
      'apiVersion: tekton.dev/v1alpha1\nkind: StepAction\nmetadata: {name: sa}\nspec:\n  params:\n    - {name: img, default: "a.io/sa:1"}\n  image: $(params.img)\n',
      ['sa a.io/sa:1 @7:10 <default img@6'],
    ],
  ])('%s', (_name, manifest, expected) => {
    expect(containersOf(manifest)).toEqual(expected);
  });

  test('steps that run StepActions are kept as references, not containers without an image', () => {
    const parsed = parseManifestFile(
      't.yaml',
      'apiVersion: tekton.dev/v1\nkind: Task\nmetadata: {name: t}\nspec:\n  steps:\n    - name: clone\n      ref: {name: git-clone}\n    - ref: {resolver: git}\n',
    );
    const [workload] = parsed.objects.flatMap(extractWorkloads);
    expect(workload?.containers).toEqual([]);
    expect(workload?.stepActions?.map((s) => [s.step, s.name, s.resolver, s.location.line])).toEqual([
      ['clone', 'git-clone', undefined, 7],
      ['steps[1]', undefined, 'git', 8],
    ]);
  });
});

describe('policies and templates are not workloads', () => {
  const object = (apiVersion: string, kind: string) =>
    `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\nspec:\n  pattern:\n    containers:\n      - {name: c, image: "a.io/*"}\n`;

  test.each([
    ['kyverno.io/v1', 'ClusterPolicy'],
    ['kyverno.io/v1', 'Policy'],
    ['policies.kyverno.io/v1alpha1', 'ValidatingPolicy'],
    ['kro.run/v1alpha1', 'ResourceGraphDefinition'],
    ['templates.gatekeeper.sh/v1', 'ConstraintTemplate'],
    ['constraints.gatekeeper.sh/v1beta1', 'K8sAllowedRepos'],
    ['mutations.gatekeeper.sh/v1', 'Assign'],
    ['policies.kubewarden.io/v1', 'ClusterAdmissionPolicy'],
    ['apiextensions.crossplane.io/v1', 'Composition'],
  ])('%s %s', (apiVersion, kind) => {
    expect(parseManifestFile('p.yaml', object(apiVersion, kind)).objects.flatMap(extractWorkloads)).toEqual(
      [],
    );
  });

  test('another unknown kind is still searched, and marked inferred', () => {
    const workloads = parseManifestFile('p.yaml', object('example.com/v1', 'Widget')).objects.flatMap(
      extractWorkloads,
    );
    expect(workloads.map((w) => [w.kind, w.inferred, w.containers.map((c) => c.parseError?.kind)])).toEqual([
      ['Widget', true, ['pattern']],
    ]);
  });
});

test('values naming values many times over are filled once each, and each is named once', () => {
  const at = { file: 't.yaml', line: 1, column: 1 };
  const refs = (name: string) => `$(params.${name})`.repeat(40);
  const table: { entries: ParamTable['entries']; outer: ParamTable[] } = { entries: new Map(), outer: [] };
  table.outer = [table];
  const values: [string, string][] = [
    ['a', ''],
    ['b', refs('a')],
    ['c', refs('b')],
    ['d', refs('c')],
  ];
  table.entries = new Map(
    values.map(([name, text]) => [name, { text, param: { name, from: 'default', location: at } }]),
  );
  // Unfilled once per value, this is 40^4 substitutions naming 2.6 million params.
  const filled = substituteParams(`a.io/x:1${refs('d')}`, [table]);
  expect([filled.text, filled.params.map((p) => p.name), filled.missing]).toEqual([
    'a.io/x:1',
    ['d', 'c', 'b', 'a'],
    [],
  ]);
});
