import { canonicalImage } from '../images/reference.js';
import { nodeRunsAny } from '../platforms/match.js';
import { formatPlatform } from '../platforms/normalize.js';
import { containerFields, imageLabel, workloadLabel } from './describe.js';
import { platformsOf } from './resolution-findings.js';
import type { Draft, Rule } from './rule.js';
import { type CellVerdict, poolVerdict } from './verdict.js';

export const imageArchMismatch: Rule = {
  meta: {
    id: 'image-arch-mismatch',
    defaultSeverity: 'error',
    description: 'The pod can be scheduled on a node pool whose platform the image does not publish.',
    impact: 'On those nodes the container fails to start with "exec format error" (CrashLoopBackOff).',
    remediation:
      'Publish the missing platforms (docker buildx build --platform linux/amd64,linux/arm64 ...), or keep the pod off those pools with a nodeSelector on kubernetes.io/arch.',
  },
  check: (ctx) =>
    ctx.placements.flatMap(({ workload, cluster, pools }) => {
      if (!pools.some((p) => p.eligible)) return [];
      return workload.containers.flatMap((c): Draft[] => {
        if (!c.ref) return [];
        const platforms = platformsOf(ctx.resolutions.get(canonicalImage(c.ref)));
        if (!platforms) return [];
        const poolsWhere = (verdict: CellVerdict) =>
          pools.filter((p) => poolVerdict(p, platforms) === verdict).map((p) => p.pool);
        const failing = poolsWhere('exec-format-error');
        if (failing.length === 0) return [];
        const missing = [...new Set(failing.map((p) => formatPlatform(p.platform)))];
        const runsOn = poolsWhere('runs');
        const published = platforms.map(formatPlatform).join(', ') || 'no platforms';
        const fix =
          runsOn.length > 0
            ? `add nodeSelector kubernetes.io/arch: ${[...new Set(runsOn.map((p) => p.platform.architecture))].join(' or ')} (or node affinity) to keep it on ${runsOn.map((p) => p.name).join(', ')}, or publish ${missing.join(', ')}`
            : `publish ${missing.join(', ')} for this image, or schedule the pod on nodes of a platform it has`;
        // archcheck's one departure from containerd: arm64 pools run 32-bit Arm only when declared to.
        const aarch32 = failing.filter(
          (p) =>
            p.platform.architecture === 'arm64' &&
            !p.platform.aarch32 &&
            nodeRunsAny({ ...p.platform, aarch32: true }, platforms),
        );
        const hint =
          aarch32.length > 0
            ? ` If the CPUs of ${aarch32.map((p) => `pool ${p.name}`).join(', ')} run 32-bit Arm (Graviton 2, Ampere Altra; not Graviton 3 and later), declare aarch32: true on the pool.`
            : '';
        return [
          {
            message:
              `${workloadLabel(workload)}, container "${c.name}": image ${imageLabel(c)} has no ${missing.join(', ')} build ` +
              `(it has ${published}), but the pod can be scheduled on ${failing.map((p) => `pool ${p.name} (${formatPlatform(p.platform)})`).join(', ')} ` +
              `of cluster ${cluster.name}, where it will fail with "exec format error". Fix: ${fix}.${hint}`,
            ...containerFields(workload, c),
            cluster: cluster.name,
            nodePools: failing.map((p) => p.name),
            platforms: missing,
          },
        ];
      });
    }),
};
