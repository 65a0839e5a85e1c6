import { imageNotFound } from '../../src/rules/image-not-found.js';
import { pod, ruleTester, unresolved } from '../support/rule-tester.js';

ruleTester.run(imageNotFound, {
  valid: [
    { name: 'a resolved image', manifest: pod('app:1'), images: { 'app:1': ['linux/amd64', 'linux/arm64'] } },
    {
      name: 'an image that could not be inspected is image-unresolved instead',
      manifest: pod('app:1'),
      images: { 'app:1': unresolved('unreachable', 'connection refused') },
    },
    { name: 'an image never resolved', manifest: pod('app:1') },
  ],
  invalid: [
    {
      name: 'the registry has no such tag',
      manifest: pod('app:9'),
      images: { 'app:9': unresolved('not-found', 'manifest unknown') },
      errors: [
        {
          rule: 'image-not-found',
          line: 7,
          column: 14,
          severity: 'error',
          message: 'image not found: app:9 (container "c"): manifest unknown',
        },
      ],
    },
  ],
});
