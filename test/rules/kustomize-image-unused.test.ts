import { kustomizeImageUnused } from '../../src/rules/kustomize-image-unused.js';
import { ruleTester } from '../support/rule-tester.js';

const at = { file: 'overlays/prod/kustomization.yaml', line: 5, column: 11 };

ruleTester.run(kustomizeImageUnused, {
  valid: [
    { name: 'nothing rendered', renderProblems: [] },
    {
      name: 'a render failure is another rule',
      renderProblems: [{ cause: 'build-failed', message: 'kubectl kustomize failed', location: at }],
    },
  ],
  invalid: [
    {
      name: 'an images: entry that matches no image, at its name',
      renderProblems: [
        { cause: 'image-entry-unused', message: 'images: entry "nginx" matches no image', location: at },
      ],
      errors: [
        {
          rule: 'kustomize-image-unused',
          line: 5,
          column: 11,
          severity: 'warning',
          message: 'images: entry "nginx" matches no image',
        },
      ],
    },
  ],
});
