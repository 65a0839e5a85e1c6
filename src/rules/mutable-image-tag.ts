import { isMutableTag } from '../images/reference.js';
import { containerFields, imageLabel } from './describe.js';
import type { Rule } from './rule.js';

export const mutableImageTag: Rule = {
  meta: {
    id: 'mutable-image-tag',
    defaultSeverity: 'notice',
    description: 'The image has no tag or the tag latest, and no digest.',
    impact:
      'What runs can change without a change to the manifest, including the platforms it was built for.',
    remediation: 'Pin a version tag, or better a digest (image:tag@sha256:...).',
  },
  check: (ctx) =>
    ctx.workloads.flatMap((w) =>
      w.containers.flatMap((c) =>
        c.ref && isMutableTag(c.ref)
          ? [
              {
                message: `container "${c.name}": image ${imageLabel(c)} ${c.ref.tag ? 'uses the tag latest' : 'has no tag (latest is implied)'}; what it runs (and for which platforms) can change without a change here.`,
                ...containerFields(w, c),
              },
            ]
          : [],
      ),
    ),
};
