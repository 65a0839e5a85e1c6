import { describe, expect, test } from 'vitest';
import { makePool } from '../../src/clusters/pools.js';
import { placePod } from '../../src/clusters/scheduling.js';
import { poolPlatform } from '../../src/platforms/node.js';
import type { Scheduling } from '../../src/workloads/workload.js';
import { PLACEMENT_CASES, expected, title, type PlacementCase } from '../verdicts/cases/index.js';

const at = { file: 'pod.yaml', line: 1, column: 1 };

/** The case's pod as the workload extractor would hand it over. */
function schedulingOf(c: PlacementCase): Scheduling {
  const s: Scheduling = {
    nodeSelector: Object.entries(c.pod.nodeSelector ?? {}).map(([key, value]) => ({
      key,
      value,
      location: at,
    })),
    tolerations: (c.pod.tolerations ?? []).map((t) => ({ ...t, location: at })),
  };
  if (c.pod.terms !== undefined) {
    s.requiredTerms = (c.pod.terms ?? []).map((t) => ({
      matchExpressions: (t.matchExpressions ?? []).map((r) => ({
        ...r,
        values: r.values ?? [],
        location: at,
      })),
      hasMatchFields: (t.matchFields ?? []).length > 0,
      location: at,
    }));
  }
  return s;
}

/** Every label key the case names: the upstream node's labels are all there is, so every key is one we know. */
function keysOf(c: PlacementCase, labels: Record<string, string>): Set<string> {
  const exprKeys = (c.pod.terms ?? []).flatMap((t) => (t.matchExpressions ?? []).map((r) => r.key));
  return new Set([...Object.keys(labels), ...Object.keys(c.pod.nodeSelector ?? {}), ...exprKeys]);
}

/** Kubernetes' own tables, case by case (transcribed in test/verdicts/cases/kubernetes-*.ts). */
describe('Kubernetes placement verdicts', () => {
  test.each(PLACEMENT_CASES.map((c) => [title(c), c] as const))('%s', (_title, c) => {
    const platform = poolPlatform({ arch: c.node.platform ?? 'linux/arm64' });
    if ('error' in platform) throw new Error(platform.error);
    const pool = makePool('cluster', 'node', platform, c.node.labels ?? {}, c.node.taints ?? []);
    const [placement] = placePod(schedulingOf(c), [pool], keysOf(c, pool.labels));
    expect(placement?.eligible).toBe(expected(c));
  });

  test('every deliberate difference says why', () => {
    const differ = PLACEMENT_CASES.filter((c) => c.archcheck !== undefined && c.archcheck !== c.upstream);
    expect(differ.length).toBeGreaterThan(0);
    expect(differ.every((c) => c.reason)).toBe(true);
  });
});

describe('why a pool is excluded', () => {
  test('an invalid requirement is named as the reason, not the pool labels', () => {
    const c = kubernetesInvalidValue();
    const pool = makePool('cluster', 'node', { os: 'linux', architecture: 'arm64' }, c.node.labels ?? {});
    const [placement] = placePod(schedulingOf(c), [pool], keysOf(c, pool.labels));
    expect(placement?.reasons.map((r) => r.detail)).toEqual([
      'invalid requirement foo NotIn [invalid value: ___@#$%^]',
    ]);
  });
});

function kubernetesInvalidValue(): PlacementCase {
  const c = PLACEMENT_CASES.find((p) => p.name.startsWith('Pod with an invalid value in Affinity term'));
  if (!c) throw new Error('the upstream case is missing');
  return c;
}
