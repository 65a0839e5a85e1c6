import { resolutionFailures } from './resolution-findings.js';
import type { Rule } from './rule.js';

export const imageUnresolved: Rule = {
  meta: {
    id: 'image-unresolved',
    defaultSeverity: 'warning',
    description: 'The image could not be inspected, so its platforms are unknown (not known to be incompatible).',
    impact: 'archcheck cannot tell whether this image runs on every node pool it can land on.',
    remediation:
      'Give archcheck access to the registry (credentials, a mirror, or an OCI layout via registries.mirrors), or turn the rule off for images you cannot reach.',
  },
  check: (ctx) => resolutionFailures(ctx, 'image-unresolved', 'could not inspect'),
};
