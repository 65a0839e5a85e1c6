import { expect, test } from 'vitest';
import { parseManifestFile } from '../../src/documents/parse.js';
import { extractWorkloads } from '../../src/workloads/extract.js';

/** `part: image [kind of parse error] @line:column`, and each parameter value that went in, per container. */
function containersOf(manifest: string): string[] {
  const parsed = parseManifestFile('wf.yaml', manifest);
  expect(parsed.problems).toEqual([]);
  return parsed.objects
    .flatMap(extractWorkloads)
    .flatMap((w) =>
      w.containers.map(
        (c) =>
          `${w.part}: ${c.image}${c.parseError ? ` [${c.parseError.kind}]` : ''} @${c.location.line}:${c.location.column}` +
          (c.written?.params.map((p) => ` <${p.from} ${p.name}@${p.location.line}`).join('') ?? ''),
      ),
    );
}

/** A Workflow: `args` under spec.arguments.parameters, then `templates` (each line indented for the list). */
const workflow = (args: string, templates: string) =>
  'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: wf}\nspec:\n  entrypoint: main\n' +
  `  arguments:\n    parameters:\n${args || '      []\n'}  templates:\n${templates}`;

const build = (inputs: string) =>
  `    - name: build\n      inputs:\n        parameters:\n${inputs}      container:\n        image: "{{inputs.parameters.image}}"\n`;

const mainSteps = (...calls: string[]) =>
  `    - name: main\n      steps:\n        - ${calls
    .map(
      (value, i) =>
        `- name: s${i}\n            template: build\n            arguments:\n              parameters:\n                - {name: image, value: ${value}}\n`,
    )
    .join('          ')}`;

test.each<[string, string, string, string[]]>([
  [
    "the input's default, for a template no step calls",
    '',
    build('          - {name: image, default: "a.io/x:1"}\n'),
    ['templates[build]: a.io/x:1 @15:16 <default image@13'],
  ],
  [
    "the input's value wins over what a caller passes",
    '',
    build('          - {name: image, value: "a.io/fixed:1"}\n') + mainSteps('"a.io/passed:1"'),
    ['templates[build]: a.io/fixed:1 @15:16 <value image@13'],
  ],
  [
    'each caller that passes a different image makes a workload of its own',
    '',
    build('          - {name: image}\n') + mainSteps('"a.io/x:1"', '"a.io/y:2"'),
    [
      'templates[build] via templates[main].steps[s0]: a.io/x:1 @15:16 <value image@22',
      'templates[build] via templates[main].steps[s1]: a.io/y:2 @15:16 <value image@27',
    ],
  ],
  [
    'callers that pass the same image make one workload',
    '',
    build('          - {name: image}\n') + mainSteps('"a.io/x:1"', '"a.io/x:1"'),
    ['templates[build]: a.io/x:1 @15:16 <value image@22'],
  ],
  [
    "a caller's value naming a workflow argument, which names another",
    '      - {name: registry, value: a.io}\n      - {name: img, value: "{{workflow.parameters.registry}}/x:1"}\n',
    build('          - {name: image}\n') + mainSteps('"{{workflow.parameters.img}}"'),
    ['templates[build]: a.io/x:1 @16:16 <value image@23 <value img@9 <value registry@8'],
  ],
  [
    'the entrypoint takes the workflow arguments of its inputs',
    '      - {name: image, value: "a.io/submitted:1"}\n',
    '    - name: main\n      inputs:\n        parameters:\n          - {name: image, default: "a.io/default:1"}\n      container: {image: "{{ inputs.parameters.image }}"}\n',
    ['templates[main]: a.io/submitted:1 @14:26 <value image@8'],
  ],
  [
    'an input no caller passes and without a default is a parameter a run sets',
    '',
    build('          - {name: image}\n'),
    ['templates[build]: {{inputs.parameters.image}} [parameter] @15:16'],
  ],
  [
    'a workflow argument without a value is set at submission',
    '      - {name: image}\n',
    '    - name: main\n      container: {image: "{{workflow.parameters.image}}"}\n',
    ['templates[main]: {{workflow.parameters.image}} [parameter] @11:26'],
  ],
  [
    "any other Argo variable is the run's, never a template to render",
    '',
    '    - name: main\n      container: {image: "a.io/x:{{item}}"}\n',
    ['templates[main]: a.io/x:{{item}} [parameter] @11:26'],
  ],
  [
    "an expression tag is the run's too",
    '      - {name: tag, value: "1"}\n',
    '    - name: main\n      container: {image: "a.io/x:{{=workflow.parameters.tag}}"}\n',
    ['templates[main]: a.io/x:{{=workflow.parameters.tag}} [parameter] @11:26'],
  ],
  [
    // YAML reads 1.10 as the number 1.1: not the tag meant, so not used.
    'a number value is not a tag',
    '      - {name: tag, value: 1.10}\n',
    '    - name: main\n      container: {image: "a.io/x:{{workflow.parameters.tag}}"}\n',
    ['templates[main]: a.io/x:{{workflow.parameters.tag}} [parameter] @11:26'],
  ],
  [
    'an argument that names itself is not followed forever',
    '      - {name: a, value: "{{workflow.parameters.a}}"}\n',
    '    - name: main\n      container: {image: "{{workflow.parameters.a}}"}\n',
    ['templates[main]: {{workflow.parameters.a}} [parameter] @11:26'],
  ],
  [
    'a result far longer than any image is not substituted',
    `      - {name: a, value: "${'x'.repeat(1100)}"}\n`,
    '    - name: main\n      container: {image: "{{workflow.parameters.a}}"}\n',
    ['templates[main]: {{workflow.parameters.a}} [parameter] @11:26'],
  ],
  [
    // Unbounded, the image would be 40^4 copies of a: past the longest string V8 can make.
    'values naming values many times over are not multiplied out',
    `      - {name: a, value: "${'x'.repeat(1000)}"}\n` +
      ['b', 'c', 'd']
        .map(
          (name, i) =>
            `      - {name: ${name}, value: "${`{{workflow.parameters.${'abc'[i]}}}`.repeat(40)}"}\n`,
        )
        .join(''),
    `    - name: main\n      container: {image: "${'{{workflow.parameters.d}}'.repeat(40)}"}\n`,
    [`templates[main]: ${'{{workflow.parameters.d}}'.repeat(40)} [parameter] @14:26`],
  ],
])('%s', (_name, args, templates, expected) => {
  expect(containersOf(workflow(args, templates))).toEqual(expected);
});

test('a step that names no template (a templateRef) calls no template of this workflow, not even a nameless one', () => {
  const manifest = workflow(
    '',
    '    - inputs: {parameters: [{name: image, default: "a.io/default:1"}]}\n' +
      '      container: {image: "{{inputs.parameters.image}}"}\n' +
      '    - name: main\n      steps:\n        - - name: remote\n            templateRef: {name: other, template: build}\n' +
      '            arguments: {parameters: [{name: image, value: "a.io/passed:1"}]}\n',
  );
  expect(containersOf(manifest)).toEqual(['templates[0]: a.io/default:1 @11:26 <default image@10']);
});

test('a DAG task passes its arguments like a step, and a CronWorkflow fills its workflowSpec', () => {
  const manifest = [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: CronWorkflow',
    'metadata: {name: nightly}',
    'spec:',
    '  schedule: "0 3 * * *"',
    '  workflowSpec:',
    '    entrypoint: dag',
    '    templates:',
    '      - name: dag',
    '        dag:',
    '          tasks:',
    '            - name: t',
    '              template: run',
    '              arguments:',
    '                parameters: [{name: image, value: "a.io/dag:1"}]',
    '      - name: run',
    '        inputs: {parameters: [{name: image}]}',
    '        container: {image: "{{inputs.parameters.image}}"}',
    '',
  ].join('\n');
  expect(containersOf(manifest)).toEqual(['templates[run]: a.io/dag:1 @18:28 <value image@15']);
});

/** An analysis of `kind` with `args` (YAML lines under spec.args) and a job whose container runs `image`. */
const analysis = (kind: string, args: string, image: string) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: ${kind}\nmetadata: {name: smoke}\nspec:\n  args:\n${args || '    []\n'}` +
  '  metrics:\n    - name: smoke\n      provider:\n        job:\n          spec:\n            template:\n' +
  `              spec:\n                containers:\n                  - {name: test, image: "${image}"}\n`;

test.each<[string, string, string, string, string[]]>([
  [
    "an AnalysisRun's argument value",
    'AnalysisRun',
    '    - {name: image, value: "a.io/smoke:1"}\n',
    '{{args.image}}',
    ['metrics[smoke]: a.io/smoke:1 @15:41 <value image@6'],
  ],
  [
    "an AnalysisTemplate's argument value, spaces inside the braces",
    'AnalysisTemplate',
    '    - {name: tag, value: "2"}\n',
    'a.io/smoke:{{ args.tag }}',
    ['metrics[smoke]: a.io/smoke:2 @15:41 <value tag@6'],
  ],
  [
    'an argument the Rollout passes is not known here',
    'ClusterAnalysisTemplate',
    '    - {name: image}\n',
    '{{args.image}}',
    ['metrics[smoke]: {{args.image}} [parameter] @15:41'],
  ],
  [
    "a workflow's parameter means nothing in an analysis",
    'AnalysisTemplate',
    '',
    '{{workflow.parameters.image}}',
    ['metrics[smoke]: {{workflow.parameters.image}} [parameter] @15:41'],
  ],
])('%s', (_name, kind, args, image, expected) => {
  expect(containersOf(analysis(kind, args, image))).toEqual(expected);
});

test('{{args.x}} in a workflow is one of its variables, not an analysis argument', () => {
  expect(
    containersOf(workflow('', '    - name: main\n      container: {image: "{{args.image}}"}\n')),
  ).toEqual(['templates[main]: {{args.image}} [parameter] @11:26']);
});

test("a Rollout's own pod template fills nothing: a {{...}} there is an unrendered template", () => {
  const rollout =
    'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n' +
    '      containers:\n        - {name: web, image: "{{ .Values.image }}"}\n';
  expect(containersOf(rollout)).toEqual(['undefined: {{ .Values.image }} [template] @8:30']);
});
