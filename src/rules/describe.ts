import type { WorkloadId } from './finding.js';
import type { Workload } from '../workloads/workload.js';

export function workloadId(w: Workload): WorkloadId {
  return w.namespace
    ? { kind: w.kind, name: w.name, namespace: w.namespace }
    : { kind: w.kind, name: w.name };
}

export function workloadLabel(w: Workload): string {
  return `${w.kind} ${w.namespace ? `${w.namespace}/` : ''}${w.name}${w.part ? ` (${w.part})` : ''}`;
}
