import { containerFields, workloadFields, workloadLabel } from './describe.js';
import { isDeferredImage, unscannedStepActions } from './deferred.js';
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
  check: (ctx) => [
    ...resolutionFailures(ctx, 'image-unresolved', 'could not inspect'),
    ...deferredImages(ctx),
    ...stepActionsElsewhere(ctx),
  ],
};

/**
 * Images only known later (`isDeferredImage`): nothing to inspect yet, so a notice (unless the rule's level is
 * configured), never an invalid reference. `ko://` paths are built and pushed by ko at deploy time
 * (https://ko.build/features/multi-platform/).
 */
function deferredImages(ctx: CheckContext): Draft[] {
  return ctx.workloads.flatMap((w) =>
    w.containers.flatMap((c): Draft[] => {
      if (!c.parseError || !isDeferredImage(w, c)) return [];
      const message =
        c.parseError.kind === 'ko'
          ? `container "${c.name}": ${c.image} is built by ko at deploy time, so its platforms cannot be checked ` +
            'here; make ko build every platform your node pools run (ko build --platform=linux/amd64,linux/arm64, or defaultPlatforms in .ko.yaml).'
          : `${workloadLabel(w)}, container "${c.name}": ${c.parseError.reason}.` +
            (w.inferred
              ? ` ${w.kind} is not a known workload kind (archcheck inferred a pod from its containers list), so this is a notice.`
              : '');
      return [{ message, ...containerFields(w, c), defaultSeverity: 'notice' }];
    }),
  );
}

/** Steps running a StepAction that is not among the scanned files: its image is not written anywhere we read. */
function stepActionsElsewhere(ctx: CheckContext): Draft[] {
  return unscannedStepActions(ctx.workloads).map(({ w, s }) => ({
    message:
      `${workloadLabel(w)}, step "${s.step}" runs ` +
      (s.name
        ? `StepAction "${s.name}", which is not in the scanned files`
        : `a StepAction the ${s.resolver ?? 'remote'} resolver fetches at run time`) +
      ': its image was not checked; scan the StepAction manifest with the task to have it checked.',
    location: s.location,
    ...workloadFields(w),
    container: s.step,
    defaultSeverity: 'notice',
  }));
}
