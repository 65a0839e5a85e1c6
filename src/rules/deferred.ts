import type { PlaceholderKind } from '../images/placeholders.js';
import { apiGroup } from '../workloads/kinds.js';
import type { ContainerUse, StepActionUse, Workload } from '../workloads/workload.js';

/** Every placeholder: on an inferred workload, none of them is known to be a pod's image. */
const PLACEHOLDERS: ReadonlySet<string> = new Set<PlaceholderKind>([
  'template',
  'env',
  'parameter',
  'printf',
  'pattern',
  'ko',
]);

/**
 * Whether `c`'s image is one that is only known later, so not inspecting it is a notice, not an invalid
 * reference: a `ko://` path (ko builds it at deploy time), a Tekton param without a value (each run sets it), and
 * any placeholder in a kind archcheck only inferred to hold pods (it may well be a template or a pattern).
 */
export function isDeferredImage(w: Workload, c: ContainerUse): boolean {
  const kind = c.parseError?.kind;
  if (kind === undefined) return false;
  if (kind === 'ko') return true;
  if (kind === 'parameter' && apiGroup(w.apiVersion) === 'tekton.dev') return true;
  return w.inferred === true && PLACEHOLDERS.has(kind);
}

/**
 * The steps whose StepAction is not among the scanned workloads: a StepAction that is is checked as a workload
 * of its own (its `spec.image`). Matched by name, and by namespace when both are written.
 */
export function unscannedStepActions(workloads: readonly Workload[]): { w: Workload; s: StepActionUse }[] {
  const scanned = workloads.filter((w) => w.kind === 'StepAction' && apiGroup(w.apiVersion) === 'tekton.dev');
  return workloads.flatMap((w) =>
    (w.stepActions ?? [])
      .filter(
        (s) =>
          !scanned.some(
            (a) => a.name === s.name && (!a.namespace || !w.namespace || a.namespace === w.namespace),
          ),
      )
      .map((s) => ({ w, s })),
  );
}
