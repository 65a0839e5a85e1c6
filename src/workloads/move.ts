import type { SourceLocation } from '../documents/location.js';
import type { ContainerUse, Workload } from './workload.js';

/** Where each located part of a workload moves to (a rendered stream's positions onto the files a person edits). */
export interface Mover {
  workload(l: SourceLocation): SourceLocation;
  container(c: ContainerUse, index: number): SourceLocation;
  selector(entry: { key: string; value: string; location: SourceLocation }): SourceLocation;
  nodeSelector(l: SourceLocation): SourceLocation;
  /** The required affinity, its terms and their expressions. */
  affinity(l: SourceLocation): SourceLocation;
  toleration(l: SourceLocation): SourceLocation;
}

/** A copy of the workload with every location moved; the workload given is left as it was. */
export function moveWorkload(w: Workload, m: Mover): Workload {
  const s = w.scheduling;
  return {
    ...w,
    location: m.workload(w.location),
    containers: w.containers.map((c, i) => ({ ...c, location: m.container(c, i) })),
    scheduling: {
      ...s,
      nodeSelector: s.nodeSelector.map((e) => ({ ...e, location: m.selector(e) })),
      ...(s.nodeSelectorLocation ? { nodeSelectorLocation: m.nodeSelector(s.nodeSelectorLocation) } : {}),
      ...(s.requiredAffinityLocation
        ? { requiredAffinityLocation: m.affinity(s.requiredAffinityLocation) }
        : {}),
      ...(s.requiredTerms
        ? {
            requiredTerms: s.requiredTerms.map((t) => ({
              ...t,
              location: m.affinity(t.location),
              matchExpressions: t.matchExpressions.map((e) => ({ ...e, location: m.affinity(e.location) })),
            })),
          }
        : {}),
      tolerations: s.tolerations.map((t) => ({ ...t, location: m.toleration(t.location) })),
    },
  };
}
