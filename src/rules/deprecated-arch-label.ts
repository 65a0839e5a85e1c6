import type { SourceLocation } from '../documents/location.js';
import { workloadFields, workloadLabel } from './describe.js';
import type { Draft, Rule } from './rule.js';

const DEPRECATED: Record<string, string> = {
  'beta.kubernetes.io/arch': 'kubernetes.io/arch',
  'beta.kubernetes.io/os': 'kubernetes.io/os',
};

export const deprecatedArchLabel: Rule = {
  meta: {
    id: 'deprecated-arch-label',
    defaultSeverity: 'warning',
    description:
      'A selector or node affinity uses the deprecated beta.kubernetes.io/arch or beta.kubernetes.io/os label.',
    impact:
      'The beta labels are deprecated since Kubernetes 1.14; nodes of newer distributions may not carry them, and the pod then matches no node.',
    remediation: 'Use kubernetes.io/arch and kubernetes.io/os instead.',
  },
  check: (ctx) =>
    ctx.workloads.flatMap((w) => {
      const uses: { key: string; location: SourceLocation; where: string }[] = [
        ...w.scheduling.nodeSelector.map((s) => ({
          key: s.key,
          location: s.location,
          where: 'nodeSelector',
        })),
        ...(w.scheduling.requiredTerms ?? []).flatMap((t) =>
          t.matchExpressions.map((e) => ({
            key: e.key,
            location: e.location,
            where: 'required node affinity',
          })),
        ),
      ];
      return uses.flatMap(({ key, location, where }): Draft[] => {
        const replacement = DEPRECATED[key];
        if (!replacement) return [];
        return [
          {
            message: `${workloadLabel(w)}: ${where} uses deprecated label ${key}; use ${replacement}.`,
            location,
            ...workloadFields(w),
          },
        ];
      });
    }),
};
