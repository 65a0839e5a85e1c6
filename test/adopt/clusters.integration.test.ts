import { describe, expect, test } from 'vitest';
import { ASSUMED_CLUSTER_NOTICE } from '../../src/engine/clusters.js';
import { deployment, scan } from './scan.js';

const RULE = 'image-arch-mismatch';

const nodePool = (name: string, archs: string, extra = '') => `apiVersion: karpenter.sh/v1
kind: NodePool
metadata:
  name: ${name}
spec:
  template:
    spec:
      requirements:
        - { key: kubernetes.io/arch, operator: In, values: [${archs}] }
${extra}`;

/** A Deployment of the amd64-only image with pod-spec lines added (indented under `spec:`). */
const pod = (name: string, specLines: string) =>
  deployment(name).replace('    spec:\n      containers:', `    spec:\n${specLines}\n      containers:`);

describe('no cluster declared: Karpenter NodePools in the tree become the cluster', () => {
  test('the pools are derived and a notice names the files', async () => {
    const { report, infos } = await scan({
      'infra/karpenter.yaml': nodePool('general', 'amd64, arm64'),
      'deploy/web.yaml': deployment('web'),
    });
    expect(report.clusters).toEqual([
      {
        name: 'default',
        assumed: false,
        nodePools: [
          { name: 'general/amd64', platform: 'linux/amd64', declaredIn: 'infra/karpenter.yaml:1' },
          { name: 'general/arm64', platform: 'linux/arm64', declaredIn: 'infra/karpenter.yaml:1' },
        ],
      },
    ]);
    expect(report.notices[0]).toMatch(
      /NodePools\/Provisioners found in infra\/karpenter\.yaml \(pools general\/amd64, general\/arm64\)/,
    );
    expect(report.notices).not.toContain(ASSUMED_CLUSTER_NOTICE);
    expect(infos).toContain(report.notices[0]);
    // The finding names the pool and the file that declared it.
    expect(
      report.findings.map((f) => [f.rule, f.nodePools, f.message.split('Node pools declared in: ')[1]]),
    ).toEqual([[RULE, ['general/arm64'], 'general/arm64 (infra/karpenter.yaml:1).']]);
  });

  test('an amd64-only NodePool: nothing to report', async () => {
    const { report } = await scan({
      'infra/karpenter.yaml': nodePool('x86', 'amd64'),
      'deploy/web.yaml': deployment('web'),
    });
    expect(report.findings).toEqual([]);
  });

  test('without NodePools the assumed cluster stays', async () => {
    const { report } = await scan({ 'deploy/web.yaml': deployment('web') });
    expect(report.notices).toContain(ASSUMED_CLUSTER_NOTICE);
  });
});

describe('clusters[].nodePools.from', () => {
  const config = (from: string, pools = '') =>
    `clusters:\n  - name: prod\n    nodePools:\n      from: [${from}]\n${pools}`;
  const nodes = JSON.stringify({
    apiVersion: 'v1',
    kind: 'NodeList',
    items: [
      {
        metadata: { name: 'n1', labels: { 'eks.amazonaws.com/nodegroup': 'graviton' } },
        status: { nodeInfo: { architecture: 'arm64', operatingSystem: 'linux' } },
      },
    ],
  });

  test.each([
    ['a NodeList export', '"cluster/nodes.json"', ['graviton'], ['graviton']],
    ['a glob, with hand-written pools', '"cluster/*.json"', ['x86', 'graviton'], ['graviton']],
  ])('%s', async (_name, from, names, failing) => {
    const pools = names.includes('x86') ? '      pools:\n        - { name: x86, arch: amd64 }\n' : '';
    const { report } = await scan({
      '.archcheck.yaml': config(from, pools),
      'cluster/nodes.json': nodes,
      'deploy/web.yaml': deployment('web'),
    });
    expect(report.clusters[0]?.nodePools.map((p) => p.name)).toEqual(names);
    expect(report.findings.map((f) => f.nodePools)).toEqual([failing]);
    expect(report.findings[0]?.message).toContain('Node pools declared in: graviton (cluster/nodes.json:1).');
  });

  test.each([
    [
      'a glob that matches nothing',
      '"cluster/*.yaml"',
      /nodePools\.from "cluster\/\*\.yaml" matches no file/,
    ],
    ['files without pools', '"deploy/*.yaml"', /nodePools\.from names no Karpenter/],
    [
      'a glob leaving the repository',
      '"../elsewhere/*.json"',
      /clusters\[0\]\.nodePools\.from: "\.\.\/elsewhere\/\*\.json" must be relative/,
    ],
    ['an absolute path', '"/etc/passwd"', /must be relative and inside/],
  ])('%s is a configuration error', async (_name, from, message) => {
    await expect(
      scan({
        '.archcheck.yaml': config(from),
        'cluster/nodes.json': nodes,
        'deploy/web.yaml': deployment('web'),
      }),
    ).rejects.toThrow(message);
  });

  test('nodePools: {} without from is a schema error', async () => {
    await expect(
      scan({
        '.archcheck.yaml': 'clusters:\n  - name: prod\n    nodePools: { pools: [] }\n',
        'deploy/web.yaml': deployment('web'),
      }),
    ).rejects.toThrow(/clusters\[0\]\.nodePools: missing required key "from"/);
  });
});

describe('open label choices and admission facts', () => {
  const cluster = (admission: string) =>
    `clusters:\n  - name: gke\n${admission}    nodePools:\n      - { name: x86, arch: amd64 }\n      - name: arm\n        arch: arm64\n        taints: [{ key: kubernetes.io/arch, value: arm64, effect: NoSchedule }]\n`;
  const armOnly = pod('web', '      nodeSelector: { kubernetes.io/arch: arm64 }');

  test.each([
    ['GKE setting off: the arm64 taint keeps the pod off every pool', '', ['no-eligible-nodes']],
    [
      'GKE setting on: the toleration is added, the image lacks arm64',
      '    admission: { gkeArm64Toleration: true }\n',
      [RULE],
    ],
  ])('%s', async (_name, admission, rules) => {
    const { report } = await scan({ '.archcheck.yaml': cluster(admission), 'deploy/web.yaml': armOnly });
    expect(report.findings.map((f) => f.rule)).toEqual(rules);
  });

  const runtimeClass = `apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata: { name: x86-only }
handler: runc
scheduling:
  nodeSelector: { kubernetes.io/arch: amd64 }
`;
  const twoPools = (admission: string) =>
    `clusters:\n  - name: prod\n${admission}    nodePools:\n      - { name: x86, arch: amd64 }\n      - { name: graviton, arch: arm64 }\n`;
  test.each([
    ['runtimeClasses off: the pod can land on arm64', '', [RULE]],
    [
      'runtimeClasses on: the RuntimeClass keeps it on amd64',
      '    admission: { runtimeClasses: true }\n',
      [],
    ],
  ])('%s', async (_name, admission, rules) => {
    const { report } = await scan({
      '.archcheck.yaml': twoPools(admission),
      'cluster/runtimeclass.yaml': runtimeClass,
      'deploy/web.yaml': pod('web', '      runtimeClassName: x86-only'),
    });
    expect(report.findings.map((f) => f.rule)).toEqual(rules);
  });

  test.each([
    ['a selector on a value the NodePool allows', 'spot', [RULE]],
    ['a selector on a value the NodePool does not allow', 'reserved', ['no-eligible-nodes']],
  ])('%s (capacity-type In [spot, on-demand])', async (_name, value, rules) => {
    const extra = '        - { key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand] }\n';
    const { report } = await scan({
      'infra/karpenter.yaml': nodePool('general', 'arm64', extra),
      'deploy/web.yaml': pod('web', `      nodeSelector: { karpenter.sh/capacity-type: ${value} }`),
    });
    expect(report.findings.map((f) => f.rule)).toEqual(rules);
  });
});

test('NodePools inside a kustomization are read from its build, placed at the kustomization', async () => {
  const { report } = await scan({
    'infra/kustomization.yaml': 'resources: [nodepool.yaml]\n',
    'infra/nodepool.yaml': nodePool('general', 'arm64'),
    'deploy/web.yaml': deployment('web'),
  });
  expect(report.clusters[0]?.nodePools.map((p) => p.name)).toEqual(['general']);
  expect(report.findings[0]?.message).toContain(
    'Node pools declared in: general (infra/kustomization.yaml:1).',
  );
});
