import { describe, expect, test } from 'vitest';
import { makePool } from '../../src/clusters/pools.js';
import { buildReport } from '../../src/engine/build-report.js';
import { parsePlatform } from '../../src/platforms/normalize.js';
import type { NodePlatform, Platform } from '../../src/platforms/platform.js';
import { runChecks } from '../../src/rules/index.js';
import { type CellVerdict, poolVerdict } from '../../src/rules/verdict.js';
import { contextOf } from '../support/rule-tester.js';

const platform = (spec: string): Platform => {
  const p = parsePlatform(spec);
  if ('error' in p) throw new Error(p.error);
  return p;
};

describe('poolVerdict', () => {
  test.each<[string, NodePlatform, boolean, string[] | undefined, CellVerdict]>([
    [
      'the pool runs one of the platforms',
      platform('linux/arm64'),
      true,
      ['linux/amd64', 'linux/arm64'],
      'runs',
    ],
    ['no platform the pool runs', platform('linux/arm64'), true, ['linux/amd64'], 'exec-format-error'],
    ['an image that publishes no platform', platform('linux/amd64'), true, [], 'exec-format-error'],
    ['an image that could not be inspected', platform('linux/amd64'), true, undefined, 'unknown'],
    [
      'a pool the pod cannot land on, whatever the image',
      platform('linux/arm64'),
      false,
      ['linux/amd64'],
      'not-scheduled',
    ],
    ['not scheduled wins over unknown', platform('linux/amd64'), false, undefined, 'not-scheduled'],
    ['an older amd64 level runs on a newer node', platform('linux/amd64/v3'), true, ['linux/amd64'], 'runs'],
    [
      '32-bit Arm on an arm64 pool not declared aarch32',
      platform('linux/arm64'),
      true,
      ['linux/arm/v7'],
      'exec-format-error',
    ],
    [
      '32-bit Arm on an arm64 pool declared aarch32',
      { ...platform('linux/arm64'), aarch32: true },
      true,
      ['linux/arm/v7'],
      'runs',
    ],
  ])('%s', (_name, node, eligible, images, expected) => {
    const pool = makePool('c', 'p', node);
    expect(poolVerdict({ pool, eligible }, images?.map(platform))).toBe(expected);
  });
});

test('the matrix and image-arch-mismatch agree: a finding for exactly the exec-format-error cells', () => {
  const manifest = ['amd:1', 'both:1', 'arm7:1', 'gone:1']
    .map((image, i) =>
      [
        'apiVersion: v1',
        'kind: Pod',
        `metadata: {name: p${i}}`,
        'spec:',
        ...(i === 1 ? ['  nodeSelector: {kubernetes.io/arch: arm64}'] : []),
        '  containers:',
        '    - name: c',
        `      image: ${image}`,
      ].join('\n'),
    )
    .join('\n---\n');
  const { ctx } = contextOf({
    name: 'agreement',
    manifest,
    config:
      'clusters:\n  - name: prod\n    nodePools:\n      - {name: x86, arch: amd64}\n      - {name: arm, arch: arm64}\n',
    images: {
      'amd:1': ['linux/amd64'],
      'both:1': ['linux/amd64', 'linux/arm64'],
      'arm7:1': ['linux/arm/v7'],
    },
  });
  const findings = runChecks(ctx, {});
  const report = buildReport({
    parsed: [],
    workloads: ctx.workloads,
    placements: ctx.placements,
    clusters: [...new Map(ctx.placements.map((p) => [p.cluster.name, p.cluster])).values()],
    resolutions: ctx.resolutions,
    findings,
    unmatchedFiles: [],
    notices: [],
  });
  const cells = report.matrix.map((c) => `${c.image} ${c.nodePool} ${c.verdict}`);
  expect(cells).toEqual([
    'docker.io/library/amd:1 x86 runs',
    'docker.io/library/amd:1 arm exec-format-error',
    'docker.io/library/both:1 x86 not-scheduled',
    'docker.io/library/both:1 arm runs',
    'docker.io/library/arm7:1 x86 exec-format-error',
    'docker.io/library/arm7:1 arm exec-format-error',
    'docker.io/library/gone:1 x86 unknown',
    'docker.io/library/gone:1 arm unknown',
  ]);
  const failing = report.matrix
    .filter((c) => c.verdict === 'exec-format-error')
    .map((c) => `${c.image.replace('docker.io/library/', '')} ${c.nodePool}`);
  const reported = findings
    .filter((f) => f.rule === 'image-arch-mismatch')
    .flatMap((f) => (f.nodePools ?? []).map((pool) => `${f.image} ${pool}`));
  expect(reported).toEqual(failing);
});
