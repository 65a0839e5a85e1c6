import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { corpusPath } from '../support/corpus.js';
import { describeCorpus } from '../support/describe-corpus.js';
import { poolsOf, row } from './support.js';

const NODES = corpusPath('nodes');
const KARPENTER = 'aws__karpenter-provider-aws';
const OLD = `${KARPENTER}/@2bd348a6e469dbfa82d19cbfa7af722d1b93f754/examples`;
const EKSCTL = 'eksctl-io__eksctl/examples';

/** Labels the table shows: those a selector in these repositories' own docs asks about. */
const KEYS = [
  'karpenter.sh/nodepool',
  'karpenter.sh/provisioner-name',
  'karpenter.sh/capacity-type',
  'eks.amazonaws.com/nodegroup',
  'alpha.eksctl.io/nodegroup-name',
  'nodegroup-type',
  'node-class',
  'example.com/pool',
  'topology.kubernetes.io/zone',
];

type Expected = [name: string, platform: string, labels: Record<string, string>, taints: string[]];

const CASES: [file: string, pools: Expected[]][] = [
  [
    `${KARPENTER}/examples/v1/multiple-arch.yaml`,
    [
      [
        'amd64',
        'linux/amd64',
        { 'karpenter.sh/nodepool': 'amd64', 'karpenter.sh/capacity-type': 'on-demand' },
        [],
      ],
      [
        'arm64',
        'linux/arm64',
        { 'karpenter.sh/nodepool': 'arm64', 'karpenter.sh/capacity-type': 'on-demand' },
        [],
      ],
    ],
  ],
  [
    `${KARPENTER}/examples/v1/general-purpose.yaml`,
    [
      [
        'general-purpose',
        'linux/amd64',
        { 'karpenter.sh/nodepool': 'general-purpose', 'karpenter.sh/capacity-type': 'on-demand' },
        [],
      ],
    ],
  ],
  [
    `${KARPENTER}/examples/v1/spot.yaml`,
    [['spot', 'linux/amd64', { 'karpenter.sh/nodepool': 'spot', 'karpenter.sh/capacity-type': 'spot' }, []]],
  ],
  [
    `${KARPENTER}/examples/v1/windows-2022.yaml`,
    [
      [
        'windows2022',
        'windows/amd64',
        { 'karpenter.sh/nodepool': 'windows2022', 'karpenter.sh/capacity-type': 'on-demand' },
        [],
      ],
    ],
  ],
  [
    `${KARPENTER}/examples/v1/bottlerocket.yaml`,
    [
      [
        'default',
        'linux/amd64',
        { 'karpenter.sh/nodepool': 'default', 'karpenter.sh/capacity-type': 'on-demand' },
        [],
      ],
    ],
  ],
  [
    `${OLD}/v1beta1/multiple-arch.yaml`,
    [
      [
        'amd64',
        'linux/amd64',
        { 'karpenter.sh/nodepool': 'amd64', 'karpenter.sh/capacity-type': 'on-demand' },
        [],
      ],
      [
        'arm64',
        'linux/arm64',
        { 'karpenter.sh/nodepool': 'arm64', 'karpenter.sh/capacity-type': 'on-demand' },
        [],
      ],
    ],
  ],
  [
    `${OLD}/provisioner/general-purpose.yaml`,
    [['default', 'linux/amd64', { 'karpenter.sh/provisioner-name': 'default' }, []]],
  ],
  [
    `${OLD}/provisioner/windows2022.yaml`,
    [['windows2022', 'windows/amd64', { 'karpenter.sh/provisioner-name': 'windows2022' }, []]],
  ],
  [
    `${EKSCTL}/05-advanced-nodegroups.yaml`,
    [
      [
        'ng1-public',
        'linux/amd64',
        { 'alpha.eksctl.io/nodegroup-name': 'ng1-public', 'nodegroup-type': 'frontend-workloads' },
        [],
      ],
      [
        'ng2-private-a',
        'linux/amd64',
        { 'alpha.eksctl.io/nodegroup-name': 'ng2-private-a', 'nodegroup-type': 'backend-cluster-addons' },
        [],
      ],
      [
        'ng3-private-b',
        'linux/amd64',
        {
          'alpha.eksctl.io/nodegroup-name': 'ng3-private-b',
          'nodegroup-type': 'very-special-science-workloads',
        },
        ['special=true:NoSchedule'],
      ],
    ],
  ],
  [
    `${EKSCTL}/14-windows-nodes.yaml`,
    [
      ['linux-ng', 'linux/amd64', { 'eks.amazonaws.com/nodegroup': 'linux-ng' }, []],
      ['windows-ng', 'windows/amd64', { 'alpha.eksctl.io/nodegroup-name': 'windows-ng' }, []],
    ],
  ],
  [
    `${EKSCTL}/18-node-to-pod-label-matching.yaml`,
    [
      ['std-ng', 'linux/amd64', { 'alpha.eksctl.io/nodegroup-name': 'std-ng' }, []],
      [
        'ci-ng',
        'linux/amd64',
        { 'alpha.eksctl.io/nodegroup-name': 'ci-ng', 'node-class': 'compute-intensive-node' },
        [],
      ],
    ],
  ],
  [
    `${EKSCTL}/28-instance-selector.yaml`,
    [
      ['mng', 'linux/amd64', { 'eks.amazonaws.com/nodegroup': 'mng' }, []],
      ['ng', 'linux/amd64', { 'alpha.eksctl.io/nodegroup-name': 'ng' }, []],
    ],
  ],
  [
    `${EKSCTL}/29-cluster-with-karpenter.yaml`,
    [['managed-ng-1', 'linux/amd64', { 'eks.amazonaws.com/nodegroup': 'managed-ng-1' }, []]],
  ],
  [
    `${EKSCTL}/34-taints.yaml`,
    [
      [
        'mng1-public',
        'linux/amd64',
        { 'eks.amazonaws.com/nodegroup': 'mng1-public' },
        [
          'your.domain.com/memory-pressure=true:PreferNoSchedule',
          'your.domain.com/needs-auth=true:NoExecute',
        ],
      ],
      [
        'ng1-public',
        'linux/amd64',
        { 'alpha.eksctl.io/nodegroup-name': 'ng1-public' },
        ['your.domain.com/db=true:NoSchedule', 'your.domain.com/production=true:NoExecute'],
      ],
      [
        'ng2-private',
        'linux/amd64',
        { 'alpha.eksctl.io/nodegroup-name': 'ng2-private' },
        ['your.domain.com/sensitive-information=true:NoSchedule'],
      ],
      ['ng3-public', 'linux/amd64', { 'alpha.eksctl.io/nodegroup-name': 'ng3-public' }, []],
    ],
  ],
  [
    'ahmetb__kubectl-drill/testdata/nodes.json',
    [
      ['node-0', 'linux/amd64', { 'example.com/pool': 'cpu', 'topology.kubernetes.io/zone': 'zone-a' }, []],
      ['node-1', 'linux/amd64', { 'example.com/pool': 'cpu', 'topology.kubernetes.io/zone': 'zone-b' }, []],
      ['node-2', 'linux/arm64', { 'example.com/pool': 'arm', 'topology.kubernetes.io/zone': 'zone-a' }, []],
    ],
  ],
  [
    'honeycombio__honeycomb-kubernetes-agent/testdata/nodes.json',
    [
      [
        'custom-1',
        'linux/arm64',
        { 'eks.amazonaws.com/nodegroup': 'custom-1', 'topology.kubernetes.io/zone': 'us-east-1a' },
        ['type=hound:NoSchedule'],
      ],
      [
        'custom-1-2',
        'linux/arm64',
        { 'eks.amazonaws.com/nodegroup': 'custom-1', 'topology.kubernetes.io/zone': 'us-east-2d' },
        ['type=hound:NoSchedule'],
      ],
    ],
  ],
];

describeCorpus('node pools derived from the shared corpus', () => {
  test.each(CASES)('%s', (file, expected) => {
    const { pools } = poolsOf(readFileSync(path.join(NODES, file), 'utf8'), file);
    expect(pools.map((p) => row(p, KEYS)).map((r) => [r.name, r.platform, r.labels, r.taints])).toEqual(
      expected,
    );
    for (const p of pools) {
      expect(p.labels['kubernetes.io/arch']).toBe(p.platform.architecture);
      expect(p.source.file).toBe(file);
    }
  });

  test('the node without an architecture (kubectl-drill node-3) is a problem, not a pool', () => {
    const file = 'ahmetb__kubectl-drill/testdata/nodes.json';
    const { facts } = poolsOf(readFileSync(path.join(NODES, file), 'utf8'), file);
    expect(facts.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^node node-3: no architecture/),
    ]);
  });
});
