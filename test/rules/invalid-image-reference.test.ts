import { invalidImageReference } from '../../src/rules/invalid-image-reference.js';
import { pod, ruleTester } from '../support/rule-tester.js';

ruleTester.run(invalidImageReference, {
  valid: [
    { name: 'a valid reference', manifest: pod('registry.example.com/team/app:1.0') },
    {
      name: 'a ko:// import path is built at deploy time, not invalid',
      manifest: pod('ko://github.com/a/b'),
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
      name: 'an init container',
      manifest:
        'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n    - name: i\n      image: "a b"\n  containers:\n    - name: c\n      image: ok:1\n',
      errors: [{ rule: 'invalid-image-reference', line: 7, column: 14, message: 'init container "i"' }],
    },
  ],
});
