import { ruleForRenderProblem } from './causes.js';
import type { Rule } from './rule.js';

export const renderError: Rule = {
  meta: {
    id: 'render-error',
    defaultSeverity: 'error',
    description:
      'A Helm chart or kustomization could not be rendered (or its tool is not installed), so it was not checked.',
    impact:
      'None of the workloads it deploys were checked; `helm install` or `kubectl apply -k` may fail the same way.',
    remediation:
      'Fix the error at the reported place (run `helm template` or `kubectl kustomize` to see it), or install the missing tool.',
  },
  check: (ctx) =>
    (ctx.renderProblems ?? []).flatMap((p) =>
      ruleForRenderProblem(p.cause) === 'render-error' ? [{ message: p.message, location: p.location }] : [],
    ),
};
