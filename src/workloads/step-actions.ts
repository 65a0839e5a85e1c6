import { fillParams } from './crds/tekton-params.js';
import { apiGroup } from './kinds.js';
import type { StepActionUse, Workload } from './workload.js';

/**
 * Each Tekton step that runs a StepAction among the scanned workloads gets that StepAction's image as a
 * container of its own task, filled with the params the step passes (else the StepAction's defaults), so it is
 * checked against the pools the task's pods land on. The container stays at the StepAction's `image:` line, and
 * the message says where each value came from. Matched by name, and by namespace when both are written (a
 * StepAction of the task's namespace first). A StepAction that steps here run is then checked only through
 * them: on its own, with its defaults and on every pool, it would report pools and images its tasks never use.
 * One that no step here runs keeps that check. Returns the workloads that gained containers.
 */
export function linkStepActions(workloads: readonly Workload[]): Workload[] {
  const byName = new Map<string, Workload[]>();
  for (const w of workloads) {
    if (!w.stepAction || apiGroup(w.apiVersion) !== 'tekton.dev') continue;
    byName.set(w.name, [...(byName.get(w.name) ?? []), w]);
  }
  if (byName.size === 0) return [];
  const linked: Workload[] = [];
  const run = new Set<Workload>();
  for (const w of workloads) {
    const added = (w.stepActions ?? []).flatMap((use) => {
      const action = stepActionOf(byName, w, use);
      if (!action?.stepAction) return [];
      run.add(action);
      const { container, defaults } = action.stepAction;
      return [fillParams({ ...container, name: use.step }, [use.params, defaults])];
    });
    if (added.length === 0) continue;
    w.containers.push(...added);
    linked.push(w);
  }
  for (const action of run) action.containers = [];
  return linked;
}

function stepActionOf(
  byName: ReadonlyMap<string, Workload[]>,
  w: Workload,
  use: StepActionUse,
): Workload | undefined {
  // A resolver's StepAction (no name) is fetched at run time: never in the tree.
  const candidates = use.name === undefined ? [] : (byName.get(use.name) ?? []);
  return (
    candidates.find((a) => (a.namespace ?? '') === (w.namespace ?? '')) ??
    candidates.find((a) => !w.namespace || !a.namespace)
  );
}
