import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { runArchcheck } from '../../src/engine/run.js';
import { toJsonReport } from '../../src/reporters/json.js';
import { RecordingLogger } from '../../src/logger.js';
import { imageTable } from '../engine/fake-source.js';

const cwd = fileURLToPath(new URL('../fixtures/crds-templated/', import.meta.url));
let report: Report;

beforeAll(async () => {
  report = await runArchcheck(
    { cwd, paths: ['.'] },
    { logger: new RecordingLogger(), imageSource: imageTable() },
  );
});

/** [file, line, column, rule, severity, message parts]: every finding of the tree, in report order. */
type Expected = [string, number, number, string, string, string[]];

const EXPECTED: Expected[] = [
  [
    'argo-workflow.yaml',
    32,
    16,
    'image-arch-mismatch',
    'error',
    [
      'WorkflowTemplate release (templates[build] via templates[main].steps[compile]), container "main"',
      'example.com/amd64-only:1.0 ({{inputs.parameters.image}}: the value of param "image" at line 20, the value of param "builder" at line 11)',
    ],
  ],
  [
    'argo-workflow.yaml',
    35,
    16,
    'image-unresolved',
    'notice',
    [
      'container "main": example.com/tools:{{item}} uses the Argo variable {{item}}, which is set when the workflow runs',
    ],
  ],
  [
    'inferred-placeholders.yaml',
    10,
    16,
    'image-unresolved',
    'notice',
    [
      'container "app"',
      '"${IMAGE}" is an environment variable placeholder',
      'Widget is not a known workload kind',
    ],
  ],
  [
    'inferred-placeholders.yaml',
    12,
    16,
    'image-unresolved',
    'notice',
    ['container "worker"', 'unrendered Helm/Go template'],
  ],
  [
    'tekton-pipeline.yaml',
    20,
    20,
    'image-arch-mismatch',
    'error',
    [
      'Pipeline release (tasks[test]), container "go-test"',
      'example.com/amd64-only:1.0 ($(params.image): the value of param "image" at line 14, the default of param "version" at line 9)',
    ],
  ],
  [
    'tekton-stepaction-refs.yaml',
    19,
    7,
    'image-unresolved',
    'notice',
    ['step "lint" runs StepAction "not-in-tree", which is not in the scanned files'],
  ],
  [
    'tekton-stepaction-refs.yaml',
    22,
    7,
    'image-unresolved',
    'notice',
    ['step "remote" runs a StepAction the hub resolver fetches at run time'],
  ],
  // The Task's "clone" step runs the StepAction's image with its default, on the Task's pools.
  [
    'tekton-stepaction.yaml',
    10,
    10,
    'image-arch-mismatch',
    'error',
    [
      'Task clone-and-build, container "clone"',
      '($(params.gitImage): the default of param "gitImage" at line 9) has no linux/arm64 build',
    ],
  ],
  // A StepAction that steps run is checked through them only; one that none runs, on its own.
  [
    'tekton-stepaction.yaml',
    23,
    10,
    'image-arch-mismatch',
    'error',
    [
      'StepAction lonely',
      '($(params.image): the default of param "image" at line 22) has no linux/arm64 build',
    ],
  ],
  // The step without an image runs the stepTemplate's: reported at that line.
  ['tekton-task-params.yaml', 17, 12, 'image-arch-mismatch', 'error', ['container "report"']],
  [
    'tekton-task-params.yaml',
    20,
    14,
    'image-arch-mismatch',
    'error',
    [
      'container "build": image example.com/amd64-only:1.0 ($(params.BUILDER_IMAGE): the default of param "BUILDER_IMAGE" at line 10)',
    ],
  ],
  [
    'tekton-task-params.yaml',
    23,
    14,
    'image-unresolved',
    'notice',
    ['container "push": example.com/tool:$(params.TAG) uses Tekton param "TAG", which has no default here'],
  ],
];

describe('templated images in CRDs (fixture crds-templated, the assumed amd64 + arm64 cluster)', () => {
  test('every finding of the tree, and nothing else (no error from a policy, a graph or a param)', () => {
    expect(
      report.findings.map((f) => [f.location.file, f.location.line, f.location.column, f.rule, f.severity]),
    ).toEqual(EXPECTED.map((e) => e.slice(0, 5)));
  });

  test.each(EXPECTED)('%s:%i:%i %s (%s)', (file, line, column, rule, _severity, parts) => {
    const finding = report.findings.find(
      (f) =>
        f.location.file === file &&
        f.location.line === line &&
        f.location.column === column &&
        f.rule === rule &&
        // Two workloads may share a line (a StepAction, and the step that runs it): the first part tells them apart.
        f.message.includes(parts[0] ?? ''),
    );
    for (const part of parts) expect(finding?.message).toContain(part);
  });

  test('a step that passes a param to a StepAction of the tree runs the image it names', () => {
    const task = report.workloads.find((w) => w.name === 'clone-and-build');
    const step = task?.containers.find((c) => c.name === 'clone-multi');
    expect(step).toMatchObject({
      image: 'example.com/multi:1.0',
      written: '$(params.gitImage)',
      file: 'tekton-stepaction.yaml',
      line: 10,
    });
  });

  test('the JSON report names the part of a custom resource each workload and finding is', () => {
    const json = toJsonReport(report);
    const parts = json.workloads.filter((w) => w.kind === 'WorkflowTemplate').map((w) => w.part);
    expect(parts).toEqual([
      'templates[build] via templates[main].steps[compile]',
      'templates[build] via templates[main].steps[scan]',
      'templates[fan-out]',
    ]);
    const error = json.findings.find(
      (f) => f.file === 'argo-workflow.yaml' && f.rule === 'image-arch-mismatch',
    );
    expect(error?.workload).toEqual({
      kind: 'WorkflowTemplate',
      name: 'release',
      part: 'templates[build] via templates[main].steps[compile]',
    });
  });

  test.each([
    ['kyverno.io ClusterPolicy', 'ClusterPolicy'],
    ['kro.run ResourceGraphDefinition', 'ResourceGraphDefinition'],
  ])('a %s is not a workload', (_name, kind) => {
    expect(report.workloads.filter((w) => w.kind === kind)).toEqual([]);
  });

  test.each([
    ['build', 'example.com/amd64-only:1.0', '$(params.BUILDER_IMAGE)'],
    ['push', 'example.com/tool:$(params.TAG)', undefined],
    ['scan', 'example.com/multi:1.0', '$(params["SCANNER"])'],
    ['report', 'example.com/amd64-only:1.0', undefined],
    ['registry', 'example.com/multi:1.0', "$(params['SCANNER'])"],
  ])('Task buildah, %s: runs %s, written %s', (name, image, written) => {
    const task = report.workloads.find((w) => w.name === 'buildah');
    const container = task?.containers.find((c) => c.name === name);
    expect([container?.image, container?.written]).toEqual([image, written]);
  });
});
