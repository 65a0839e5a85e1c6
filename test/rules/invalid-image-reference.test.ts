import { invalidImageReference } from '../../src/rules/invalid-image-reference.js';
import { pod, ruleTester } from '../support/rule-tester.js';

ruleTester.run(invalidImageReference, {
  valid: [
    { name: 'a valid reference', manifest: pod('registry.example.com/team/app:1.0') },
    {
      name: 'a ko:// import path is built at deploy time, not invalid',
      manifest: pod('ko://github.com/a/b'),
    },
    {
      name: 'a Tekton param without a default is set by each run, not invalid',
      manifest:
        'apiVersion: tekton.dev/v1\nkind: Task\nmetadata: {name: t}\nspec:\n  steps:\n    - {name: s, image: $(params.img)}\n',
    },
    {
      name: 'placeholders in a kind only inferred to hold pods',
      manifest:
        'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  containers:\n    - {name: a, image: "public.ecr.aws/*"}\n    - {name: b, image: "${schema.spec.image}"}\n    - {name: c, image: "{{ .image }}"}\n',
    },
    {
      name: 'a policy pattern is not a workload at all',
      manifest:
        'apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {name: p}\nspec:\n  rules:\n    - validate:\n        pattern:\n          spec:\n            containers:\n              - image: "Public.ECR.aws/*"\n',
    },
  ],
  invalid: [
    {
      name: 'uppercase repository',
      manifest: pod('Team/App:1'),
      errors: [
        {
          rule: 'invalid-image-reference',
          line: 7,
          column: 14,
          severity: 'error',
          message:
            '"Team/App:1" is not a valid image reference: invalid reference format: repository name must be lowercase',
        },
      ],
    },
    {
      name: 'an unrendered Helm template, at its opening quote',
      manifest: pod('"{{ .Values.image }}"'),
      errors: [
        { rule: 'invalid-image-reference', line: 7, column: 14, message: 'is not a valid image reference' },
      ],
    },
    {
      name: 'a wildcard in a Deployment is still an error: the kubelet gets it as written',
      manifest: pod('nginx:1.*'),
      errors: [{ rule: 'invalid-image-reference', line: 7, column: 14, message: 'is a wildcard pattern' }],
    },
    {
      name: 'a Tekton param default that is no image, named with where it came from',
      manifest:
        'apiVersion: tekton.dev/v1\nkind: Task\nmetadata: {name: t}\nspec:\n  params:\n    - {name: img, default: "Bad/Image"}\n  steps:\n    - {name: s, image: $(params.img)}\n',
      errors: [
        {
          rule: 'invalid-image-reference',
          line: 8,
          column: 24,
          severity: 'error',
          message:
            '"Bad/Image" ($(params.img): the default of param "img" at line 6) is not a valid image reference',
        },
      ],
    },
    {
      name: 'a syntax error in an inferred kind stays an error',
      manifest:
        'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  containers:\n    - {name: a, image: "Team/App:1"}\n',
      errors: [{ rule: 'invalid-image-reference', line: 6, column: 24, message: 'must be lowercase' }],
    },
    {
      name: 'an init container',
      manifest:
        'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n    - name: i\n      image: "a b"\n  containers:\n    - name: c\n      image: ok:1\n',
      errors: [{ rule: 'invalid-image-reference', line: 7, column: 14, message: 'init container "i"' }],
    },
  ],
});
