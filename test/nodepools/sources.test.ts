import { describe, expect, test } from 'vitest';
import { archOfInstanceType } from '../../src/nodepools/instance-types.js';
import { poolsOf, row } from './support.js';

test.each([
  ['m6g.large', 'arm64'],
  ['c7gn.16xlarge', 'arm64'],
  ['r8g.medium', 'arm64'],
  ['t4g.nano', 'arm64'],
  ['a1.metal', 'arm64'],
  ['x2gd.xlarge', 'arm64'],
  ['im4gn.large', 'arm64'],
  ['is4gen.medium', 'arm64'],
  ['i4g.large', 'arm64'],
  ['g5g.xlarge', 'arm64'],
  ['hpc7g.4xlarge', 'arm64'],
  ['M6GD.large', 'arm64'],
  ['m5.large', 'amd64'],
  ['g4dn.xlarge', 'amd64'],
  ['c7i.large', 'amd64'],
  ['gr6.4xlarge', 'amd64'],
  ['t2.large', 'amd64'],
])('instance type %s is %s', (type, arch) => {
  expect(archOfInstanceType(type)).toBe(arch);
});

const nodePool = (requirements: string, extra = '') => `apiVersion: karpenter.sh/v1
kind: NodePool
metadata:
  name: general
spec:
  template:
${extra}    spec:
      requirements:
${requirements}
      taints:
        - { key: dedicated, value: batch, effect: NoSchedule }
      startupTaints:
        - { key: node.cilium.io/agent-not-ready, effect: NoExecute }
`;

describe('Karpenter NodePool and Provisioner', () => {
  test.each([
    [
      'arch In [amd64, arm64]: one pool per arch',
      nodePool('        - { key: kubernetes.io/arch, operator: In, values: [amd64, arm64] }'),
      ['general/amd64 linux/amd64', 'general/arm64 linux/arm64'],
    ],
    [
      'no arch requirement: every arch Karpenter launches',
      nodePool('        - { key: karpenter.sh/capacity-type, operator: In, values: [spot] }'),
      ['general/amd64 linux/amd64', 'general/arm64 linux/arm64'],
    ],
    [
      'arch NotIn [amd64]',
      nodePool('        - { key: kubernetes.io/arch, operator: NotIn, values: [amd64] }'),
      ['general linux/arm64'],
    ],
    [
      'Windows with a build',
      nodePool(
        '        - { key: kubernetes.io/os, operator: In, values: [windows] }\n        - { key: kubernetes.io/arch, operator: In, values: [amd64] }\n        - { key: node.kubernetes.io/windows-build, operator: In, values: ["10.0.20348"] }',
      ),
      ['general windows/amd64'],
    ],
    [
      'a v1alpha5 Provisioner without an arch: amd64 (its default)',
      'apiVersion: karpenter.sh/v1alpha5\nkind: Provisioner\nmetadata: {name: general}\nspec:\n  labels: {team: a}\n  requirements:\n    - { key: karpenter.sh/capacity-type, operator: In, values: [spot] }\n',
      ['general linux/amd64'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(poolsOf(text).pools.map((p) => `${p.name} ${p.platform.os}/${p.platform.architecture}`)).toEqual(
      expected,
    );
  });

  test('labels: template labels, single-valued In, the nodepool label; taints without startup taints', () => {
    const text = nodePool(
      '        - { key: kubernetes.io/arch, operator: In, values: [arm64] }\n        - { key: karpenter.sh/capacity-type, operator: In, values: [spot] }\n        - { key: topology.kubernetes.io/zone, operator: In, values: [a, b] }\n        - { key: karpenter.k8s.aws/instance-generation, operator: Gt, values: ["2"] }',
      '    metadata:\n      labels: { team: data }\n',
    );
    const [pool] = poolsOf(text).pools;
    expect(
      pool &&
        row(pool, [
          'team',
          'karpenter.sh/capacity-type',
          'karpenter.sh/nodepool',
          'kubernetes.io/arch',
          'topology.kubernetes.io/zone',
        ]),
    ).toEqual({
      name: 'general',
      platform: 'linux/arm64',
      labels: {
        team: 'data',
        'karpenter.sh/capacity-type': 'spot',
        'karpenter.sh/nodepool': 'general',
        'kubernetes.io/arch': 'arm64',
      },
      taints: ['dedicated=batch:NoSchedule'],
      line: 1,
    });
    expect(pool?.choices).toEqual({
      'topology.kubernetes.io/zone': { in: ['a', 'b'] },
      'karpenter.k8s.aws/instance-generation': {},
    });
  });
});

describe('eksctl ClusterConfig', () => {
  const config = (groups: string) =>
    `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: eu-west-1}\n${groups}`;
  test.each([
    [
      'a Graviton managed group',
      'managedNodeGroups:\n  - { name: arm, instanceType: m7g.large, labels: { role: web } }\n',
      [
        {
          name: 'arm',
          platform: 'linux/arm64',
          labels: { role: 'web', 'eks.amazonaws.com/nodegroup': 'arm' },
          taints: [],
          line: 1,
        },
      ],
    ],
    [
      'no instance type: m5.large',
      'nodeGroups:\n  - { name: ng }\n',
      [
        {
          name: 'ng',
          platform: 'linux/amd64',
          labels: { 'alpha.eksctl.io/nodegroup-name': 'ng' },
          taints: [],
          line: 1,
        },
      ],
    ],
    [
      'mixed instance types: one pool per arch',
      'managedNodeGroups:\n  - { name: mix, instanceTypes: [c6g.large, c5.large] }\n',
      [
        {
          name: 'mix/amd64',
          platform: 'linux/amd64',
          labels: { 'eks.amazonaws.com/nodegroup': 'mix' },
          taints: [],
          line: 1,
        },
        {
          name: 'mix/arm64',
          platform: 'linux/arm64',
          labels: { 'eks.amazonaws.com/nodegroup': 'mix' },
          taints: [],
          line: 1,
        },
      ],
    ],
    [
      'instanceSelector cpuArchitecture arm64',
      'managedNodeGroups:\n  - { name: sel, instanceSelector: { vCPUs: 2, cpuArchitecture: arm64 } }\n',
      [
        {
          name: 'sel',
          platform: 'linux/arm64',
          labels: { 'eks.amazonaws.com/nodegroup': 'sel' },
          taints: [],
          line: 1,
        },
      ],
    ],
    [
      'a Windows AMI family',
      'nodeGroups:\n  - { name: win, amiFamily: WindowsServer2022CoreContainer }\n',
      [
        {
          name: 'win',
          platform: 'windows/amd64',
          osVersion: '10.0.20348',
          labels: { 'alpha.eksctl.io/nodegroup-name': 'win' },
          taints: [],
          line: 1,
        },
      ],
    ],
    [
      'taints as an old-style map',
      'nodeGroups:\n  - { name: t, taints: { special: "true:NoSchedule" } }\n',
      [
        {
          name: 't',
          platform: 'linux/amd64',
          labels: { 'alpha.eksctl.io/nodegroup-name': 't' },
          taints: ['special=true:NoSchedule'],
          line: 1,
        },
      ],
    ],
  ])('%s', (_name, groups, expected) => {
    expect(
      poolsOf(config(groups)).pools.map((p) =>
        row(p, ['role', 'eks.amazonaws.com/nodegroup', 'alpha.eksctl.io/nodegroup-name']),
      ),
    ).toEqual(expected);
  });
});

describe('kubectl get nodes -o json', () => {
  const node = (
    name: string,
    labels: Record<string, string>,
    info: Record<string, string> = {},
    taints: unknown[] = [],
  ) => ({
    metadata: { name, labels },
    spec: { taints },
    status: { nodeInfo: info },
  });
  const list = (...items: unknown[]) => JSON.stringify({ apiVersion: 'v1', kind: 'NodeList', items });

  test('identical nodes collapse; hostnames aside; named after their group label', () => {
    const text = list(
      node(
        'a',
        { 'kubernetes.io/hostname': 'a', 'eks.amazonaws.com/nodegroup': 'ng' },
        { architecture: 'arm64', operatingSystem: 'linux' },
      ),
      node(
        'b',
        { 'kubernetes.io/hostname': 'b', 'eks.amazonaws.com/nodegroup': 'ng' },
        { architecture: 'arm64', operatingSystem: 'linux' },
      ),
      node(
        'c',
        { 'kubernetes.io/hostname': 'c', 'eks.amazonaws.com/nodegroup': 'ng' },
        { architecture: 'arm64', operatingSystem: 'linux' },
        [{ key: 'gpu', effect: 'NoSchedule' }],
      ),
      node('d', { 'kubernetes.io/arch': 'amd64' }),
    );
    expect(poolsOf(text, 'nodes.json').pools.map((p) => row(p, ['kubernetes.io/hostname']))).toEqual([
      { name: 'ng', platform: 'linux/arm64', labels: {}, taints: [], line: 1 },
      { name: 'ng-2', platform: 'linux/arm64', labels: {}, taints: ['gpu:NoSchedule'], line: 1 },
      { name: 'd', platform: 'linux/amd64', labels: {}, taints: [], line: 1 },
    ]);
  });

  test.each([
    [
      'from the windows-build label',
      { 'node.kubernetes.io/windows-build': '10.0.17763' },
      { architecture: 'amd64', operatingSystem: 'windows', kernelVersion: '10.0.20348.2227' },
      '10.0.17763',
    ],
    [
      'from the kernel version',
      {},
      { architecture: 'amd64', operatingSystem: 'windows', kernelVersion: '10.0.20348.2227' },
      '10.0.20348.2227',
    ],
  ])('Windows build %s', (_name, labels, info, build) => {
    const [pool] = poolsOf(list(node('w', labels, info)), 'nodes.json').pools;
    expect(pool?.platform).toEqual({ os: 'windows', architecture: 'amd64', osVersion: build });
  });

  test('a node without an architecture is a problem, not a pool', () => {
    const { pools, facts } = poolsOf(list(node('x', {})), 'nodes.json');
    expect(pools).toEqual([]);
    expect(facts.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('node x: no architecture'),
    ]);
  });
});
