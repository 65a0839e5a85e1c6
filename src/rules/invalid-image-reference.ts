import { containerFields, imageOrigin } from './describe.js';
import { isDeferredImage } from './deferred.js';
import type { Rule } from './rule.js';

export const invalidImageReference: Rule = {
  meta: {
    id: 'invalid-image-reference',
    defaultSeverity: 'error',
    description: 'An image reference does not follow the distribution/reference grammar.',
    impact: 'The kubelet cannot pull the image: the pod stays in InvalidImageName or ErrImagePull.',
    remediation:
      'Write the image as [registry/]repository[:tag][@sha256:digest] in lowercase; render templates (helm template, envsubst) before checking.',
  },
  check: (ctx) =>
    ctx.workloads.flatMap((w) =>
      w.containers.flatMap((c) =>
        // Images only known later (ko://, run params, placeholders of inferred kinds): image-unresolved says so.
        c.parseError && !isDeferredImage(w, c)
          ? [
              {
                message: `${c.type === 'container' ? 'container' : `${c.type} container`} "${c.name}": ${
                  c.image ? `"${c.image}"${imageOrigin(c)} is not a valid image reference: ` : ''
                }${c.parseError.reason}`,
                ...containerFields(w, c),
              },
            ]
          : [],
      ),
    ),
};
