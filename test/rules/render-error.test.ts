import { renderError } from '../../src/rules/render-error.js';
import { ruleTester } from '../support/rule-tester.js';

const at = { file: 'charts/app/Chart.yaml', line: 3, column: 10 };

ruleTester.run(renderError, {
  valid: [
    { name: 'nothing to render', renderProblems: [] },
    {
      name: 'an unused kustomize image is another rule',
      renderProblems: [{ cause: 'image-entry-unused', message: 'images[0] matches nothing', location: at }],
    },
  ],
  invalid: [
    {
      name: 'helm template failed, at the place it names',
      renderProblems: [{ cause: 'build-failed', message: 'helm template failed: parse error', location: at }],
      errors: [
        {
          rule: 'render-error',
          line: 3,
          column: 10,
          severity: 'error',
          message: 'helm template failed: parse error',
        },
      ],
    },
  ],
});
