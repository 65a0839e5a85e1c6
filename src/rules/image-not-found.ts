import { resolutionFailures } from './resolution-findings.js';
import type { Rule } from './rule.js';

export const imageNotFound: Rule = {
  meta: {
    id: 'image-not-found',
    defaultSeverity: 'error',
    description: 'The registry (or mirror) has no such image: the repository, tag or digest does not exist.',
    impact: 'Pods fail with ErrImagePull / ImagePullBackOff.',
    remediation:
      'Check the repository name and tag, and that the image was pushed before the manifest that uses it.',
  },
  check: (ctx) => resolutionFailures(ctx, 'image-not-found', 'image not found:'),
};
