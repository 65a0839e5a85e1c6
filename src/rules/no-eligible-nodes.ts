import { workloadFields, workloadLabel } from './describe.js';
import type { Rule } from './rule.js';

export const noEligibleNodes: Rule = {
  meta: {
    id: 'no-eligible-nodes',
    defaultSeverity: 'error',
    description: 'No node pool of the cluster admits the pod (nodeSelector, required node affinity, taints).',
    impact:
      'The pod stays Pending forever with "0/N nodes are available: didn\'t match Pod\'s node affinity/selector".',
    remediation:
      'Correct the nodeSelector or node affinity to an architecture and labels the cluster has, add the missing tolerations, or declare the node pool in .archcheck.yaml if it exists.',
  },
  check: (ctx) =>
    ctx.placements.flatMap(({ workload, cluster, pools }) => {
      if (pools.some((p) => p.eligible)) return [];
      // Group by constraint so the message reads "X excludes a (has ...), b (has ...)".
      const byConstraint = new Map<string, string[]>();
      for (const { pool, reasons } of pools) {
        for (const r of reasons)
          byConstraint.set(r.constraint, [
            ...(byConstraint.get(r.constraint) ?? []),
            `${pool.name} (${r.detail})`,
          ]);
      }
      const location = pools.flatMap((p) => p.reasons).find((r) => r.location)?.location ?? workload.location;
      const why = [...byConstraint].map(
        ([constraint, excluded]) => `${constraint} excludes ${excluded.join(', ')}`,
      );
      return [
        {
          message:
            `${workloadLabel(workload)} cannot be scheduled on any node pool of cluster ${cluster.name}, so its pods stay Pending: ` +
            `${why.join('; ')}.`,
          location,
          cluster: cluster.name,
          ...workloadFields(workload),
          nodePools: pools.map((p) => p.pool.name),
        },
      ];
    }),
};
