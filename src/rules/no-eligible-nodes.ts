import { workloadId, workloadLabel } from './describe.js';
import type { Rule } from './rule.js';

export const noEligibleNodes: Rule = {
  meta: {
    id: 'no-eligible-nodes',
    defaultSeverity: 'error',
    description: 'No node pool of the cluster admits the pod (nodeSelector, required node affinity, taints).',
    impact: 'The pod stays Pending forever with "0/N nodes are available: didn\'t match Pod\'s node affinity/selector".',
    remediation:
      'Correct the nodeSelector or node affinity to an architecture and labels the cluster has, add the missing tolerations, or declare the node pool in .archcheck.yaml if it exists.',
  },
  check: (ctx) =>
    ctx.placements.flatMap(({ workload, cluster, pools }) => {
      if (pools.some((p) => p.eligible)) return [];
      const reasons = pools.flatMap((p) => p.reasons);
      const location = reasons.find((r) => r.location)?.location ?? workload.location;
      return [
        {
          message:
            `${workloadLabel(workload)} cannot be scheduled on any node pool of cluster ${cluster.name}, so its pods stay Pending: ` +
            `${reasons.map((r) => r.message).join('; ')}.`,
          location,
          cluster: cluster.name,
          workload: workloadId(workload),
          nodePools: pools.map((p) => p.pool.name),
        },
      ];
    }),
};
