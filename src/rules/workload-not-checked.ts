import { workloadFields, workloadLabel } from './describe.js';
import type { Rule } from './rule.js';

/**
 * Coverage lost is a finding, never silence: a workload in a file that no cluster's `paths` matches was checked
 * against no node pool, and a run that reports nothing about it would be green by accident.
 */
export const workloadNotChecked: Rule = {
  meta: {
    id: 'workload-not-checked',
    defaultSeverity: 'warning',
    description:
      "The workload is in a file that no cluster's `paths` matches, so it was checked against no node pool.",
    impact:
      "Whatever it runs is deployed unchecked: an image without the nodes' architecture still dies with exec format error.",
    remediation:
      "Add the file to a cluster's `paths` in .archcheck.yaml (or a Helm entry's `cluster:`), or leave it out of the scan with `exclude:` if it is never deployed.",
  },
  check: (ctx) => {
    const placed = new Set(ctx.placements.map((p) => p.workload));
    return ctx.workloads
      .filter((w) => !placed.has(w))
      .map((w) => ({
        message: `${workloadLabel(w)} is in no cluster's paths, so it was not checked against any node pool.`,
        location: w.location,
        ...workloadFields(w),
      }));
  },
};
