import { describe, expect, test } from 'vitest';
import { PLACEMENT_CASES, expected, title, type PlacementCase } from './cases/index.js';
import { deployment, imageRef, runCli } from './harness.js';

/** Every label key the case names: a second pool declares them all, so none is a key archcheck cannot judge. */
function keysOf(c: PlacementCase): string[] {
  const exprKeys = (c.pod.terms ?? []).flatMap((t) => (t.matchExpressions ?? []).map((r) => r.key));
  return [
    ...new Set([...Object.keys(c.node.labels ?? {}), ...Object.keys(c.pod.nodeSelector ?? {}), ...exprKeys]),
  ];
}

function podSpec(c: PlacementCase): Record<string, unknown> {
  const spec: Record<string, unknown> = {};
  if (c.pod.nodeSelector) spec.nodeSelector = c.pod.nodeSelector;
  if (c.pod.tolerations) spec.tolerations = c.pod.tolerations;
  if (c.pod.terms !== undefined)
    spec.affinity = {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: c.pod.terms } },
    };
  return spec;
}

/**
 * Kubernetes' tables through the whole CLI. The case's node is pool `node`; the image is published only for
 * linux/s390x, which `node` never runs, so an `image-arch-mismatch` naming `node` appears exactly when the pod
 * can land on it. A linux/s390x pool `witness` declares every label key the case uses (with values no case
 * matches on), so keys count as known, as they are on a real node.
 */
describe('Kubernetes placement verdicts, end to end', () => {
  test.each(PLACEMENT_CASES.map((c) => [title(c), c] as const))('%s', async (_title, c) => {
    const witnessLabels = Object.fromEntries(keysOf(c).map((k) => [k, 'witness']));
    const { report, error } = await runCli({
      objects: [deployment('app', imageRef('app'), podSpec(c))],
      config: {
        clusters: [
          {
            name: 'verdicts',
            nodePools: [
              {
                name: 'node',
                arch: c.node.platform ?? 'linux/arm64',
                ...(c.node.labels ? { labels: c.node.labels } : {}),
                ...(c.node.taints ? { taints: c.node.taints } : {}),
              },
              { name: 'witness', arch: 'linux/s390x', labels: witnessLabels },
            ],
          },
        ],
      },
      images: [{ name: 'app', platforms: [{ os: 'linux', architecture: 's390x' }] }],
    });
    expect(error).toBeUndefined();
    const onNode = report!.findings.filter(
      (f) => f.rule === 'image-arch-mismatch' && f.nodePools?.includes('node'),
    );
    expect(onNode).toHaveLength(expected(c) ? 1 : 0);
    const cell = report!.matrix.find((m) => m.nodePool === 'node');
    expect(cell?.verdict).toBe(expected(c) ? 'exec-format-error' : 'not-scheduled');
  });
});
