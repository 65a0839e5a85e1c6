import { expect, test } from 'vitest';
import { parseManifestFile } from '../../src/documents/parse.js';
import { extractWorkloads } from '../../src/workloads/extract.js';
import { linkStepActions } from '../../src/workloads/step-actions.js';

// Tekton steps that run a StepAction of the tree (src/workloads/step-actions.ts): each file is parsed on its own,
// as the engine reads them, then the steps are linked to the StepActions.

const stepAction = (name: string, namespace?: string) =>
  [
    'apiVersion: tekton.dev/v1beta1',
    'kind: StepAction',
    `metadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}`,
    'spec:',
    '  params:',
    '    - {name: image, default: "a.io/default:1"}',
    '    - {name: tag}',
    '  image: $(params.image)',
    '  command: [run]',
  ].join('\n');

/** A Task in `namespace` whose steps are `steps` (YAML lines under `steps:`), with a param `builder`. */
const task = (steps: string[], namespace?: string) =>
  [
    'apiVersion: tekton.dev/v1',
    'kind: Task',
    `metadata: {name: t${namespace ? `, namespace: ${namespace}` : ''}}`,
    'spec:',
    '  params:',
    '    - {name: builder, default: "a.io/builder:2"}',
    '  steps:',
    ...steps,
  ].join('\n');

/** `name image [parse error kind] @file:line`, and where each param came from, for the Task's containers. */
function linkedSteps(files: Record<string, string>): string[] {
  const workloads = Object.entries(files).flatMap(([file, text]) =>
    parseManifestFile(file, text).objects.flatMap(extractWorkloads),
  );
  linkStepActions(workloads);
  return workloads
    .filter((w) => w.kind === 'Task')
    .flatMap((w) => w.containers)
    .map(
      (c) =>
        `${c.name} ${c.image}${c.parseError ? ` [${c.parseError.kind}]` : ''} @${c.location.file}:${c.location.line}` +
        (c.written?.params
          .map((p) => ` <${p.from} ${p.name}@${p.location.file}:${p.location.line}`)
          .join('') ?? ''),
    );
}

test.each<[string, Record<string, string>, string[]]>([
  [
    "a step that passes nothing runs the StepAction's default",
    { 'sa.yaml': stepAction('build'), 'task.yaml': task(['    - {name: s, ref: {name: build}}']) },
    ['s a.io/default:1 @sa.yaml:8 <default image@sa.yaml:6'],
  ],
  [
    'a value the step passes wins over the default',
    {
      'sa.yaml': stepAction('build'),
      'task.yaml': task([
        '    - name: s',
        '      ref: {name: build}',
        '      params: [{name: image, value: "a.io/own:3"}]',
      ]),
    },
    ['s a.io/own:3 @sa.yaml:8 <value image@task.yaml:10'],
  ],
  [
    "a value naming the task's param is filled from the task",
    {
      'sa.yaml': stepAction('build'),
      'task.yaml': task([
        '    - name: s',
        '      ref: {name: build}',
        '      params: [{name: image, value: $(params.builder)}]',
      ]),
    },
    ['s a.io/builder:2 @sa.yaml:8 <value image@task.yaml:10 <default builder@task.yaml:6'],
  ],
  [
    'a StepAction of another namespace is not the one run',
    {
      'sa.yaml': stepAction('build', 'other'),
      'task.yaml': task(['    - {name: s, ref: {name: build}}'], 'ci'),
    },
    [],
  ],
  [
    "the task's namespace is preferred to a StepAction written without one",
    {
      'a.yaml': stepAction('build'),
      'b.yaml': stepAction('build', 'ci').replace('a.io/default:1', 'a.io/ci:1'),
      'task.yaml': task(['    - {name: s, ref: {name: build}}'], 'ci'),
    },
    ['s a.io/ci:1 @b.yaml:8 <default image@b.yaml:6'],
  ],
  [
    'a StepAction fetched by a resolver is not linked',
    { 'sa.yaml': stepAction('build'), 'task.yaml': task(['    - {name: s, ref: {resolver: hub}}']) },
    [],
  ],
])('%s', (_name, files, expected) => {
  expect(linkedSteps(files)).toEqual(expected);
});

test('a StepAction that a step runs is checked through it only; one that no step runs keeps its own check', () => {
  const workloads = [
    ['sa.yaml', stepAction('build')],
    ['other.yaml', stepAction('unused')],
    ['task.yaml', task(['    - {name: s, ref: {name: build}}'])],
  ].flatMap(([file, text]) =>
    parseManifestFile(file as string, text as string).objects.flatMap(extractWorkloads),
  );
  linkStepActions(workloads);
  expect(workloads.map((w) => [w.name, w.containers.map((c) => c.image)])).toEqual([
    ['build', []],
    ['unused', ['a.io/default:1']],
    ['t', ['a.io/default:1']],
  ]);
});

test('a StepAction image whose param has no value anywhere stays a parameter each run sets', () => {
  const sa = stepAction('build').replace('image: $(params.image)', 'image: a.io/x:$(params.tag)');
  expect(linkedSteps({ 'sa.yaml': sa, 'task.yaml': task(['    - {name: s, ref: {name: build}}']) })).toEqual([
    's a.io/x:$(params.tag) [parameter] @sa.yaml:8',
  ]);
});
