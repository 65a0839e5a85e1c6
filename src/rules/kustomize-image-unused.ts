import { ruleForRenderProblem } from './causes.js';
import type { Rule } from './rule.js';

export const kustomizeImageUnused: Rule = {
  meta: {
    id: 'kustomize-image-unused',
    defaultSeverity: 'warning',
    description: "A kustomization's `images:` entry matches no image of the resources it builds.",
    impact:
      'The override does nothing: the image, tag or digest you meant to deploy is not the one that runs (often a base renamed an image).',
    remediation:
      "Make the entry's `name` the image name as the resources write it (without tag), or remove the entry.",
  },
  check: (ctx) =>
    (ctx.renderProblems ?? []).flatMap((p) =>
      ruleForRenderProblem(p.cause) === 'kustomize-image-unused'
        ? [{ message: p.message, location: p.location }]
        : [],
    ),
};
