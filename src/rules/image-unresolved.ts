import { containerFields } from './describe.js';
import { resolutionFailures } from './resolution-findings.js';
import type { CheckContext, Draft, Rule } from './rule.js';

export const imageUnresolved: Rule = {
  meta: {
    id: 'image-unresolved',
    defaultSeverity: 'warning',
    description:
      'The image could not be inspected, so its platforms are unknown (not known to be incompatible).',
    impact: 'archcheck cannot tell whether this image runs on every node pool it can land on.',
    remediation:
      'Give archcheck access to the registry (credentials, a mirror, or an OCI layout via registries.mirrors), or turn the rule off for images you cannot reach.',
  },
  check: (ctx) => [...resolutionFailures(ctx, 'image-unresolved', 'could not inspect'), ...koImages(ctx)],
};

/**
 * `ko://` import paths are images ko builds and pushes at deploy time (https://ko.build/features/multi-platform/):
 * nothing to inspect yet, so a notice (unless the rule's level is configured), never an invalid reference.
 */
function koImages(ctx: CheckContext): Draft[] {
  return ctx.workloads.flatMap((w) =>
    w.containers.flatMap((c): Draft[] =>
      c.parseError?.kind === 'ko'
        ? [
            {
              message:
                `container "${c.name}": ${c.image} is built by ko at deploy time, so its platforms cannot be checked ` +
                'here; make ko build every platform your node pools run (ko build --platform=linux/amd64,linux/arm64, or defaultPlatforms in .ko.yaml).',
              ...containerFields(w, c),
              defaultSeverity: 'notice',
            },
          ]
        : [],
    ),
  );
}
