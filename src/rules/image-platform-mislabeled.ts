import { childKey, contradicts } from '../deep/facts.js';
import { formatPlatform } from '../platforms/normalize.js';
import { deepTargets, poolList, printable } from './deep-targets.js';
import { containerFields, imageLabel, workloadLabel } from './describe.js';
import type { Draft, Rule } from './rule.js';

export const imagePlatformMislabeled: Rule = {
  meta: {
    id: 'image-platform-mislabeled',
    defaultSeverity: 'error',
    description:
      "Deep mode: an image index lists a build under one platform, but that build's config says it is for another.",
    impact:
      'Nodes of the claimed platform pull that build and run code made for another CPU: "exec format error" (CrashLoopBackOff).',
    remediation:
      'Rebuild the image for the claimed platform (docker buildx build --platform ...) and push the index again; with docker manifest create, check each --amend image and docker manifest annotate --arch.',
  },
  check: (ctx) =>
    deepTargets(ctx).flatMap((t): Draft[] => {
      if (t.resolution.kind !== 'index') return [];
      const fact = ctx.deep?.children.get(childKey(t.image, t.platform));
      if (fact?.kind !== 'read' || !contradicts(t.platform, fact)) return [];
      const claimed = formatPlatform(t.platform);
      const real = formatPlatform(fact.real);
      return [
        {
          message: printable(
            `${workloadLabel(t.workload)}, container "${t.container.name}": image ${imageLabel(t.container)} lists a ${claimed} build, ` +
              `but that build's config says ${real}. ${poolList(t.pools)} of cluster ${t.cluster.name} pull it and will fail ` +
              `with "exec format error". Fix: rebuild and push the ${claimed} image (docker buildx build --platform ${claimed}), ` +
              'or correct the index entry.',
          ),
          ...containerFields(t.workload, t.container),
          cluster: t.cluster.name,
          nodePools: t.pools.map((p) => p.name),
          platforms: [claimed, real],
        },
      ];
    }),
};
