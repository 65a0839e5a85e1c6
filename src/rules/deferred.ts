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

/** API groups whose kinds fill images from parameters at run time: Tekton's `$(params.x)`, Argo's `{{...}}`. */
const PARAMETRIZED: ReadonlySet<string> = new Set(['tekton.dev', 'argoproj.io']);

/**
 * Whether `c`'s image is one that is only known later, so not inspecting it is a notice, not an invalid
 * reference: a `ko://` path (ko builds it at deploy time), a Tekton or Argo parameter without a value (each run
 * sets it), and any placeholder in a kind archcheck only inferred to hold pods (it may well be a template or a
 * pattern).
 */
export function isDeferredImage(w: Workload, c: ContainerUse): boolean {
  const kind = c.parseError?.kind;
  if (kind === undefined) return false;
  if (kind === 'ko') return true;
  if (kind === 'parameter' && PARAMETRIZED.has(apiGroup(w.apiVersion))) return true;
  return w.inferred === true && PLACEHOLDERS.has(kind);
}

/**
 * The steps whose StepAction is not among the scanned workloads: a StepAction that is is checked as a workload
 * of its own (its `spec.image`). Matched by name, and by namespace when both are written.
 */
export function unscannedStepActions(workloads: readonly Workload[]): { w: Workload; s: StepActionUse }[] {
  // Namespaces of the scanned StepActions by name ('' for one written without): one lookup per reference.
  const scanned = new Map<string, Set<string>>();
  for (const a of workloads) {
    if (a.kind !== 'StepAction' || apiGroup(a.apiVersion) !== 'tekton.dev') continue;
    const namespaces = scanned.get(a.name) ?? new Set<string>();
    namespaces.add(a.namespace ?? '');
    scanned.set(a.name, namespaces);
  }
  const found = (w: Workload, s: StepActionUse): boolean => {
    // A resolver's StepAction (no name) is fetched at run time: never in the tree.
    const namespaces = s.name === undefined ? undefined : scanned.get(s.name);
    return !!namespaces && (!w.namespace || namespaces.has('') || namespaces.has(w.namespace));
  };
  return workloads.flatMap((w) => (w.stepActions ?? []).filter((s) => !found(w, s)).map((s) => ({ w, s })));
}
