import { imageUnresolved } from '../../src/rules/image-unresolved.js';
import { pod, ruleTester, unresolved } from '../support/rule-tester.js';

/** A Tekton Task with one param `img` (`param` holds its other fields) whose step runs `image`, at line 8. */
const task = (param: string, image: string) =>
  `apiVersion: tekton.dev/v1\nkind: Task\nmetadata: {name: t}\nspec:\n  params:\n    - {name: img${param}}\n  steps:\n    - {name: s, image: ${image}}\n`;

/** Steps running StepActions `git-clone` (line 7) and `lint` (line 9); `more` adds documents. */
const stepActions = (more = '') =>
  `apiVersion: tekton.dev/v1\nkind: Task\nmetadata: {name: t}\nspec:\n  steps:\n    - name: clone\n      ref: {name: git-clone}\n    - name: lint\n      ref: {name: lint}\n${more}`;
const stepAction = (name: string, namespace = '') =>
  `---\napiVersion: tekton.dev/v1beta1\nkind: StepAction\nmetadata: {name: ${name}${namespace}}\nspec:\n  image: a.io/${name}:1\n`;

/** An object of a kind archcheck does not know, whose `containers` item runs `image` (line 7). */
const widget = (image: string) =>
  `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  template:\n    containers:\n      - {name: c, image: "${image}"}\n`;

ruleTester.run(imageUnresolved, {
  valid: [
    { name: 'a resolved image', manifest: pod('app:1'), images: { 'app:1': ['linux/amd64'] } },
    {
      name: 'a missing image is image-not-found instead',
      manifest: pod('app:1'),
      images: { 'app:1': unresolved('not-found', 'manifest unknown') },
    },
    {
      name: 'a Tekton param with a default is that image',
      manifest: task(', default: "a.io/x:1"', '$(params.img)'),
      images: { 'a.io/x:1': ['linux/amd64', 'linux/arm64'] },
    },
    {
      name: 'steps whose StepActions are scanned',
      manifest: stepActions(stepAction('git-clone') + stepAction('lint')),
      images: { 'a.io/git-clone:1': ['linux/amd64'], 'a.io/lint:1': ['linux/amd64'] },
    },
  ],
  invalid: [
    {
      name: 'the registry could not be reached',
      manifest: pod('app:1'),
      images: { 'app:1': unresolved('unreachable', 'connection refused') },
      errors: [
        {
          rule: 'image-unresolved',
          line: 7,
          column: 14,
          severity: 'warning',
          message: 'could not inspect app:1 (container "c"): connection refused',
        },
      ],
    },
    {
      name: 'a ko:// image is a notice',
      manifest: pod('ko://github.com/a/b'),
      errors: [
        {
          rule: 'image-unresolved',
          line: 7,
          column: 14,
          severity: 'notice',
          message: 'is built by ko at deploy time',
        },
      ],
    },
    {
      name: 'a Tekton param without a default is a notice',
      manifest: task('', 'a.io/x:$(params.img)'),
      errors: [
        {
          rule: 'image-unresolved',
          line: 8,
          column: 24,
          severity: 'notice',
          message:
            'Task t, container "s": a.io/x:$(params.img) uses Tekton param "img", which has no default here',
        },
      ],
    },
    {
      name: 'a Tekton param with a default that cannot be reached, named with its default',
      manifest: task(', default: "a.io/x:1"', '$(params.img)'),
      images: { 'a.io/x:1': unresolved('unreachable', 'connection refused') },
      errors: [
        {
          rule: 'image-unresolved',
          line: 8,
          column: 24,
          severity: 'warning',
          message: 'could not inspect a.io/x:1 ($(params.img): the default of param "img" at line 6)',
        },
      ],
    },
    {
      name: 'a step whose StepAction is not scanned is a notice at its ref, another namespace is not it',
      manifest: stepActions(stepAction('git-clone') + stepAction('lint', ', namespace: other')).replace(
        'metadata: {name: t}',
        'metadata: {name: t, namespace: ci}',
      ),
      images: { 'a.io/git-clone:1': ['linux/amd64'], 'a.io/lint:1': ['linux/amd64'] },
      errors: [
        {
          rule: 'image-unresolved',
          line: 9,
          column: 7,
          severity: 'notice',
          message: 'Task ci/t, step "lint" runs StepAction "lint", which is not in the scanned files',
        },
      ],
    },
    {
      name: 'a wildcard in an inferred kind is a notice',
      manifest: widget('public.ecr.aws/*'),
      errors: [
        {
          rule: 'image-unresolved',
          line: 7,
          column: 26,
          severity: 'notice',
          message: 'Widget w (spec.template), container "c": "public.ecr.aws/*" is a wildcard pattern',
        },
      ],
    },
    {
      name: 'a ko:// image at the configured level',
      manifest: pod('ko://github.com/a/b'),
      config: 'rules:\n  image-unresolved: warning\n',
      errors: [{ rule: 'image-unresolved', line: 7, column: 14, severity: 'warning' }],
    },
  ],
});
