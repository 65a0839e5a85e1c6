import { imageUnresolved } from '../../src/rules/image-unresolved.js';
import { pod, ruleTester, unresolved } from '../support/rule-tester.js';

ruleTester.run(imageUnresolved, {
  valid: [
    { name: 'a resolved image', manifest: pod('app:1'), images: { 'app:1': ['linux/amd64'] } },
    {
      name: 'a missing image is image-not-found instead',
      manifest: pod('app:1'),
      images: { 'app:1': unresolved('not-found', 'manifest unknown') },
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
      name: 'a ko:// image at the configured level',
      manifest: pod('ko://github.com/a/b'),
      config: 'rules:\n  image-unresolved: warning\n',
      errors: [{ rule: 'image-unresolved', line: 7, column: 14, severity: 'warning' }],
    },
  ],
});
