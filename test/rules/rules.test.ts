import { describe, expect, test } from 'vitest';
import { knownLabelKeys, makePool } from '../../src/clusters/pools.js';
import { placePod } from '../../src/clusters/scheduling.js';
import type { ClusterConfig } from '../../src/config/types.js';
import { parseManifestFile } from '../../src/documents/parse.js';
import { canonicalImage } from '../../src/images/reference.js';
import type { Resolution } from '../../src/registry/source.js';
import type { RuleLevel } from '../../src/rules/finding.js';
import { ALL_RULES, RULES, runChecks } from '../../src/rules/index.js';
import type { CheckContext } from '../../src/rules/rule.js';
import { extractWorkloads } from '../../src/workloads/extract.js';
import { index, linux } from '../engine/fake-source.js';

const CLUSTER: ClusterConfig = {
  name: 'prod',
  paths: [],
  assumed: false,
  nodePools: [
    makePool('prod', 'x86', { os: 'linux', architecture: 'amd64' }),
    makePool('prod', 'arm', { os: 'linux', architecture: 'arm64' }),
  ],
};

const RESOLUTIONS: Record<string, Resolution> = {
  'docker.io/library/both:1': index(linux('amd64'), linux('arm64')),
  'docker.io/library/amd:1': index(linux('amd64')),
  'docker.io/library/armv7:1': index(linux('arm', 'v7')),
  'docker.io/library/nginx:latest': index(linux('amd64'), linux('arm64')),
};

/** The pipeline's pure middle on one manifest: parse, extract, place, check. */
function check(yaml: string, levels: Record<string, RuleLevel> = {}) {
  const parsed = parseManifestFile('w.yaml', yaml);
  const workloads = parsed.objects.flatMap(extractWorkloads);
  const keys = knownLabelKeys(CLUSTER.nodePools);
  const ctx: CheckContext = {
    parseProblems: parsed.problems,
    workloads,
    placements: workloads.map((workload) => ({
      workload,
      cluster: CLUSTER,
      pools: placePod(workload.scheduling, CLUSTER.nodePools, keys),
    })),
    resolutions: new Map(
      workloads.flatMap((w) =>
        w.containers.flatMap((c) =>
          c.ref ? [[canonicalImage(c.ref), RESOLUTIONS[canonicalImage(c.ref)]!]] : [],
        ),
      ),
    ),
  };
  return runChecks(ctx, levels);
}

const pod = (image: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${extra}  containers:\n    - name: c\n      image: ${image}\n`;

describe('rule metadata', () => {
  test('ids are unique, stable kebab-case, and every rule explains itself', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const meta of RULES) {
      expect(meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect([meta.description, meta.impact, meta.remediation].every((s) => s.length > 20)).toBe(true);
    }
    expect(ALL_RULES.map((r) => r.meta)).toEqual(RULES);
  });
});

describe('image-arch-mismatch', () => {
  test.each([
    ['an image with every platform', 'both:1', '', []],
    [
      'an amd64-only image on a mixed cluster',
      'amd:1',
      '',
      [['arm', 'linux/arm64', 'add nodeSelector kubernetes.io/arch: amd64']],
    ],
    ['kept on amd64 by its selector', 'amd:1', '  nodeSelector: {kubernetes.io/arch: amd64}\n', []],
    [
      'an arm/v7 image runs on no pool',
      'armv7:1',
      '',
      [['x86, arm', 'linux/amd64, linux/arm64', 'publish linux/amd64, linux/arm64 for this image']],
    ],
  ])('%s', (_name, image, extra, expected) => {
    const findings = check(pod(image, extra)).filter((f) => f.rule === 'image-arch-mismatch');
    expect(findings.map((f) => [f.nodePools?.join(', '), f.platforms?.join(', ')])).toEqual(
      expected.map((e) => e.slice(0, 2)),
    );
    for (const [i, f] of findings.entries()) {
      expect([f.severity, f.location.line, f.location.column, f.cluster, f.container]).toEqual([
        'error',
        7,
        14,
        'prod',
        'c',
      ]);
      expect(f.message).toContain(expected[i]![2]);
    }
  });

  test('a pod that can land nowhere is no-eligible-nodes, not an arch mismatch', () => {
    const findings = check(pod('amd:1', '  nodeSelector: {kubernetes.io/arch: riscv64}\n'));
    expect(findings.map((f) => [f.rule, f.location.line, f.location.column])).toEqual([
      ['no-eligible-nodes', 5, 18],
    ]);
    expect(findings[0]?.message).toContain(
      'nodeSelector kubernetes.io/arch=riscv64 excludes x86 (kubernetes.io/arch=amd64), arm (kubernetes.io/arch=arm64)',
    );
  });
});

describe('no-eligible-nodes', () => {
  test('required affinity excluding every pool is reported at requiredDuringScheduling...', () => {
    const affinity =
      '  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n' +
      '        nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [s390x]}]}]\n';
    const findings = check(pod('both:1', affinity));
    expect(
      findings.map((f) => [f.rule, f.severity, f.location.line, f.location.column, f.nodePools]),
    ).toEqual([['no-eligible-nodes', 'error', 7, 7, ['x86', 'arm']]]);
    expect(findings[0]?.message).toContain(
      'required node affinity excludes x86 (kubernetes.io/arch=amd64), arm (kubernetes.io/arch=arm64)',
    );
  });
});

describe('mutable-image-tag', () => {
  test.each([
    ['nginx', ['has no tag (latest is implied)']],
    ['nginx:latest', ['uses the tag latest']],
    ['both:1', []],
    [`nginx:latest@sha256:${'c'.repeat(64)}`, []],
  ])('%s', (image, messages) => {
    const findings = check(pod(image)).filter((f) => f.rule === 'mutable-image-tag');
    expect(findings.map((f) => [f.severity, f.location.line, f.location.column])).toEqual(
      messages.map(() => ['notice', 7, 14]),
    );
    findings.forEach((f, i) => expect(f.message).toContain(messages[i]));
  });
});

describe('deprecated-arch-label', () => {
  test.each([
    [
      'nodeSelector',
      '  nodeSelector: {beta.kubernetes.io/arch: amd64}\n',
      5,
      18,
      'nodeSelector uses deprecated label beta.kubernetes.io/arch; use kubernetes.io/arch',
    ],
    ['nodeSelector os', '  nodeSelector:\n    beta.kubernetes.io/os: linux\n', 6, 5, 'use kubernetes.io/os'],
    [
      'node affinity',
      '  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: beta.kubernetes.io/arch, operator: Exists}]}]}}}\n',
      5,
      118,
      'required node affinity uses deprecated label beta.kubernetes.io/arch',
    ],
  ])('%s', (_name, extra, line, column, message) => {
    const findings = check(pod('both:1', extra)).filter((f) => f.rule === 'deprecated-arch-label');
    expect(findings.map((f) => [f.severity, f.location.line, f.location.column])).toEqual([
      ['warning', line, column],
    ]);
    expect(findings[0]?.message).toContain(message);
  });
});

describe('levels', () => {
  const yaml = `${pod('nginx')}---\nkind: [broken\n`;

  test('defaults', () => {
    expect(check(yaml).map((f) => [f.rule, f.severity, f.location.line, f.location.column])).toEqual([
      ['mutable-image-tag', 'notice', 7, 14],
      ['yaml-parse-error', 'error', 10, 1],
    ]);
  });

  test.each<[Record<string, RuleLevel>, string[][]]>([
    [{ 'mutable-image-tag': 'off' }, [['yaml-parse-error', 'error']]],
    [
      { 'mutable-image-tag': 'error', 'yaml-parse-error': 'warning' },
      [
        ['mutable-image-tag', 'error'],
        ['yaml-parse-error', 'warning'],
      ],
    ],
    [{ 'yaml-parse-error': 'off', 'mutable-image-tag': 'off' }, []],
  ])('%j', (levels, expected) => {
    expect(check(yaml, levels).map((f) => [f.rule, f.severity])).toEqual(expected);
  });
});
