import { mutableImageTag } from '../../src/rules/mutable-image-tag.js';
import { pod, ruleTester } from '../support/rule-tester.js';

ruleTester.run(mutableImageTag, {
  valid: [
    { name: 'a version tag', manifest: pod('nginx:1.27') },
    { name: 'latest pinned by digest', manifest: pod(`nginx:latest@sha256:${'c'.repeat(64)}`) },
    { name: 'a digest alone', manifest: pod(`nginx@sha256:${'c'.repeat(64)}`) },
  ],
  invalid: [
    {
      name: 'no tag',
      manifest: pod('nginx'),
      errors: [
        {
          rule: 'mutable-image-tag',
          line: 7,
          column: 14,
          severity: 'notice',
          message: 'has no tag (latest is implied)',
        },
      ],
    },
    {
      name: 'the tag latest',
      manifest: pod('nginx:latest'),
      errors: [{ rule: 'mutable-image-tag', line: 7, column: 14, message: 'uses the tag latest' }],
    },
    {
      name: 'a configured level',
      manifest: pod('nginx:latest'),
      config: 'rules:\n  mutable-image-tag: error\n',
      errors: [{ rule: 'mutable-image-tag', line: 7, column: 14, severity: 'error' }],
    },
  ],
});
