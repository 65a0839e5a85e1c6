import { canonicalImage } from '../images/reference.js';
import type { Platform } from '../platforms/platform.js';
import type { Resolution } from '../registry/source.js';
import { type ResolutionRule, ruleForResolution } from './causes.js';
import { containerFields, imageLabel } from './describe.js';
import type { CheckContext, Draft } from './rule.js';

/** The platforms a resolution found, or undefined when the image could not be inspected ("unknown"). */
export function platformsOf(resolution: Resolution | undefined): Platform[] | undefined {
  if (!resolution) return undefined;
  switch (resolution.kind) {
    case 'index':
      return resolution.platforms;
    case 'single':
      return [resolution.platform];
    case 'error':
      return undefined;
    default: {
      const never: never = resolution;
      return never;
    }
  }
}

/** One finding per container whose image failed to resolve for a cause reported under `rule`, at the container's `image:` line. */
export function resolutionFailures(ctx: CheckContext, rule: ResolutionRule, what: string): Draft[] {
  return ctx.workloads.flatMap((w) =>
    w.containers.flatMap((c) => {
      if (!c.ref) return [];
      const r = ctx.resolutions.get(canonicalImage(c.ref));
      if (r?.kind !== 'error' || ruleForResolution(r.cause) !== rule) return [];
      return [
        {
          message: `${what} ${imageLabel(c)} (container "${c.name}"): ${r.reason}`,
          ...containerFields(w, c),
        },
      ];
    }),
  );
}
