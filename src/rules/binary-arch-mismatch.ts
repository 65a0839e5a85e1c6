import type { NodePool } from '../clusters/node-pool.js';
import { nodeRunsBinary } from '../deep/executable.js';
import { type LoadedFile, childKey, contradicts, programKey } from '../deep/facts.js';
import { nodeRuns } from '../platforms/match.js';
import { formatPlatform } from '../platforms/normalize.js';
import { deepTargets, poolList, printable } from './deep-targets.js';
import { containerFields, imageLabel, workloadLabel } from './describe.js';
import type { Draft, Rule } from './rule.js';

export const binaryArchMismatch: Rule = {
  meta: {
    id: 'binary-arch-mismatch',
    defaultSeverity: 'error',
    description:
      'Deep mode: the program the container runs (or its script interpreter) is built for another CPU than the node pool the image build is for.',
    impact:
      'The image resolves fine, but the container dies at start with "exec format error" on those nodes.',
    remediation:
      'Build that binary for the platform of the image it is copied into (cross-compile, or COPY --from a stage built with --platform=$TARGETPLATFORM), then push the image again.',
  },
  check: (ctx) =>
    deepTargets(ctx).flatMap((t): Draft[] => {
      const fact = ctx.deep?.programs.get(programKey(t.image, t.platform, t.override));
      if (fact?.kind !== 'checked') return [];
      const child = ctx.deep?.children.get(childKey(t.image, t.platform));
      // Pools that cannot run a mislabeled build's real platform are image-platform-mislabeled's to report.
      const mislabeled =
        t.resolution.kind === 'index' && child?.kind === 'read' && contradicts(t.platform, child)
          ? child.real
          : undefined;
      const failing = t.pools.filter(
        (pool) => !(mislabeled && !nodeRuns(pool.platform, mislabeled)) && wrongFile(fact.files, pool),
      );
      const bad = failing[0] && wrongFile(fact.files, failing[0]);
      if (!bad) return [];
      const { path, executable } = bad;
      if (executable.kind !== 'elf') return [];
      const built = executable.architecture
        ? `linux/${executable.architecture}`
        : 'a machine no node pool runs';
      const program = fact.files[0]!;
      const from = fact.source === 'command' ? "the pod's command" : `the image's ${fact.source}`;
      const what =
        bad === program
          ? `${path} (${from} "${fact.written}"), an ${executable.description} binary for ${built}`
          : `${program.path} (${from} "${fact.written}"), whose interpreter ${path} is an ${executable.description} binary for ${built}`;
      const platform = formatPlatform(t.platform);
      return [
        {
          message: printable(
            `${workloadLabel(t.workload)}, container "${t.container.name}": the ${platform} build of image ${imageLabel(t.container)} runs ${what}. ` +
              `${poolList(failing)} of cluster ${t.cluster.name} cannot run it: the container fails with "exec format error". ` +
              `Fix: build ${path} for ${platform} and push the image again.`,
          ),
          ...containerFields(t.workload, t.container),
          cluster: t.cluster.name,
          nodePools: failing.map((p) => p.name),
          platforms: [platform],
        },
      ];
    }),
};

/** The first file the kernel loads that the pool's CPU cannot run. */
function wrongFile(files: readonly LoadedFile[], pool: NodePool): LoadedFile | undefined {
  return files.find(
    (f) =>
      f.executable.kind === 'elf' &&
      !(f.executable.architecture && nodeRunsBinary(pool.platform, f.executable.architecture)),
  );
}
