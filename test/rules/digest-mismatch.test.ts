import { digestMismatch } from '../../src/rules/digest-mismatch.js';
import { pod, ruleTester, unresolved } from '../support/rule-tester.js';

const PINNED = `app@sha256:${'0'.repeat(64)}`;

ruleTester.run(digestMismatch, {
  valid: [
    { name: 'the served bytes match the pin', manifest: pod(PINNED), images: { [PINNED]: ['linux/amd64'] } },
    {
      name: 'another resolution failure',
      manifest: pod(PINNED),
      images: { [PINNED]: unresolved('timeout', 'timeout') },
    },
  ],
  invalid: [
    {
      name: 'the served manifest hashes to another digest',
      manifest: pod(PINNED),
      images: { [PINNED]: unresolved('integrity', 'the served manifest hashes to sha256:1111') },
      errors: [
        {
          rule: 'digest-mismatch',
          line: 7,
          column: 14,
          severity: 'error',
          message: `digest mismatch for ${PINNED} (container "c"): the served manifest hashes to sha256:1111`,
        },
      ],
    },
  ],
});
