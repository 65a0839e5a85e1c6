import { resolutionFailures } from './resolution-findings.js';
import type { Rule } from './rule.js';

export const digestMismatch: Rule = {
  meta: {
    id: 'digest-mismatch',
    defaultSeverity: 'error',
    description: 'The manifest bytes the registry served do not hash to the digest asked for or announced.',
    impact:
      'A pinned digest no longer matches what the registry serves (tampering, a broken mirror or cache).',
    remediation:
      'Re-resolve the digest from a trusted registry and pin it again; check the mirror or proxy in between.',
  },
  check: (ctx) => resolutionFailures(ctx, 'digest-mismatch', 'digest mismatch for'),
};
