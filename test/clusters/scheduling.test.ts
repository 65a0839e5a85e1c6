import { describe, expect, test } from 'vitest';
import type { NodePool, Taint } from '../../src/clusters/node-pool.js';
import { knownLabelKeys, makePool, poolsFromArchitectures } from '../../src/clusters/pools.js';
import { formatTaint, placePod, requirementMatches, tolerates } from '../../src/clusters/scheduling.js';
import type { SourceLocation } from '../../src/documents/location.js';
import type {
  NodeSelectorRequirement,
  NodeSelectorTerm,
  Scheduling,
  Toleration,
} from '../../src/workloads/workload.js';

const at = (line: number): SourceLocation => ({ file: 'pod.yaml', line, column: 3 });

// Two pools of one cluster, the shape of the example: a plain amd64 pool and a tainted, labelled arm64 pool.
const general = makePool(
  'prod',
  'general',
  { os: 'linux', architecture: 'amd64' },
  { 'node.example.com/size': '4' },
);
const graviton = makePool(
  'prod',
  'graviton',
  { os: 'linux', architecture: 'arm64' },
  { team: 'data', 'node.example.com/size': '16' },
  [{ key: 'kubernetes.io/arch', value: 'arm64', effect: 'NoSchedule' }],
);
const POOLS = [general, graviton];
const KEYS = knownLabelKeys(POOLS);
const ALL_TOLERATED: Toleration[] = [{ operator: 'Exists', location: at(90) }];

const expr = (key: string, operator: string, ...values: string[]): NodeSelectorRequirement => ({
  key,
  operator,
  values,
  location: at(20),
});
const term = (...matchExpressions: NodeSelectorRequirement[]): NodeSelectorTerm => ({
  matchExpressions,
  hasMatchFields: false,
  location: at(19),
});

function scheduling(parts: Partial<Scheduling>): Scheduling {
  return { nodeSelector: [], tolerations: ALL_TOLERATED, ...parts };
}

/** Names of the pools a pod may land on. */
function eligible(s: Scheduling, pools: readonly NodePool[] = POOLS, keys = KEYS): string[] {
  return placePod(s, pools, keys)
    .filter((p) => p.eligible)
    .map((p) => p.pool.name);
}

describe('pools', () => {
  test('every pool carries the kubelet arch/os labels, which win over declared ones', () => {
    const pool = makePool(
      'c',
      'p',
      { os: 'linux', architecture: 'arm64' },
      { 'kubernetes.io/arch': 'amd64', zone: 'a' },
    );
    expect(pool.labels).toEqual({
      zone: 'a',
      'kubernetes.io/arch': 'arm64',
      'beta.kubernetes.io/arch': 'arm64',
      'kubernetes.io/os': 'linux',
      'beta.kubernetes.io/os': 'linux',
    });
  });

  test.each([
    [
      ['amd64', 'aarch64'],
      ['linux/amd64', 'linux/arm64'],
    ],
    [['arm'], ['linux/arm/v7']],
  ])('--arch %j makes plain pools %j', (archs, names) => {
    const pools = poolsFromArchitectures('cluster', archs);
    expect('error' in pools ? pools : pools.map((p) => p.name)).toEqual(names);
  });

  test('--arch with an unknown architecture is an error naming it', () => {
    expect(poolsFromArchitectures('cluster', ['amd64', 'amd46'])).toEqual({
      error: expect.stringContaining('--arch amd46'),
    });
  });

  test('known label keys are the declared and implicit ones of all pools', () => {
    expect([...KEYS].sort()).toEqual([
      'beta.kubernetes.io/arch',
      'beta.kubernetes.io/os',
      'kubernetes.io/arch',
      'kubernetes.io/os',
      'node.example.com/size',
      'team',
    ]);
  });
});

describe('nodeSelector', () => {
  test.each<[string, Record<string, string>, string[]]>([
    ['no selector', {}, ['general', 'graviton']],
    ['arch amd64', { 'kubernetes.io/arch': 'amd64' }, ['general']],
    ['beta arch arm64', { 'beta.kubernetes.io/arch': 'arm64' }, ['graviton']],
    ['os linux', { 'kubernetes.io/os': 'linux' }, ['general', 'graviton']],
    ['all labels ANDed', { 'kubernetes.io/arch': 'arm64', team: 'data' }, ['graviton']],
    ['a label no pool has the value of', { team: 'web' }, []],
    [
      'a key no pool declares never excludes',
      { 'topology.kubernetes.io/zone': 'eu-west-1a' },
      ['general', 'graviton'],
    ],
    ['arch no pool has', { 'kubernetes.io/arch': 's390x' }, []],
  ])('%s', (_name, selector, expected) => {
    const nodeSelector = Object.entries(selector).map(([key, value], i) => ({
      key,
      value,
      location: at(10 + i),
    }));
    expect(eligible(scheduling({ nodeSelector }))).toEqual(expected);
  });

  test('each excluded pool gets a reason at the selector line', () => {
    const placed = placePod(
      scheduling({ nodeSelector: [{ key: 'kubernetes.io/arch', value: 'arm64', location: at(12) }] }),
      POOLS,
      KEYS,
    );
    expect(placed[0]?.reasons).toEqual([
      {
        constraint: 'nodeSelector kubernetes.io/arch=arm64',
        detail: 'kubernetes.io/arch=amd64',
        location: at(12),
      },
    ]);
    expect(placed[1]?.reasons).toEqual([]);
  });
});

describe('required node affinity', () => {
  test.each<[string, NodeSelectorTerm[], string[]]>([
    ['In', [term(expr('kubernetes.io/arch', 'In', 'arm64', 'riscv64'))], ['graviton']],
    ['In with no value matching', [term(expr('kubernetes.io/arch', 'In', 's390x'))], []],
    ['NotIn', [term(expr('kubernetes.io/arch', 'NotIn', 'arm64'))], ['general']],
    ['NotIn on a label a pool lacks matches that pool', [term(expr('team', 'NotIn', 'data'))], ['general']],
    ['Exists', [term(expr('team', 'Exists'))], ['graviton']],
    ['DoesNotExist', [term(expr('team', 'DoesNotExist'))], ['general']],
    ['Gt', [term(expr('node.example.com/size', 'Gt', '8'))], ['graviton']],
    ['Lt', [term(expr('node.example.com/size', 'Lt', '8'))], ['general']],
    ['Gt is strict', [term(expr('node.example.com/size', 'Gt', '16'))], []],
    ['Gt with a non-integer bound matches nothing', [term(expr('node.example.com/size', 'Gt', 'x'))], []],
    ['Gt with two values matches nothing', [term(expr('node.example.com/size', 'Gt', '1', '2'))], []],
    ['an unknown operator matches nothing', [term(expr('team', 'Equals', 'data'))], []],
    [
      'expressions in a term are ANDed',
      [term(expr('kubernetes.io/os', 'In', 'linux'), expr('kubernetes.io/arch', 'In', 'amd64'))],
      ['general'],
    ],
    [
      'terms are ORed',
      [term(expr('kubernetes.io/arch', 'In', 'amd64')), term(expr('team', 'In', 'data'))],
      ['general', 'graviton'],
    ],
    ['an empty term list matches nothing', [], []],
    ['an empty term matches nothing', [term()], []],
    [
      'an expression on a key no pool declares never excludes',
      [
        term(
          expr('eks.amazonaws.com/compute-type', 'In', 'fargate'),
          expr('kubernetes.io/arch', 'In', 'arm64'),
        ),
      ],
      ['graviton'],
    ],
    [
      'DoesNotExist on an undeclared key never excludes',
      [term(expr('node.kubernetes.io/instance-type', 'Exists'))],
      ['general', 'graviton'],
    ],
    [
      'a term with only matchFields never narrows',
      [{ matchExpressions: [], hasMatchFields: true, location: at(19) }],
      ['general', 'graviton'],
    ],
    [
      'matchFields next to expressions: the expressions still apply',
      [
        {
          matchExpressions: [expr('kubernetes.io/arch', 'In', 'arm64')],
          hasMatchFields: true,
          location: at(19),
        },
      ],
      ['graviton'],
    ],
  ])('%s', (_name, requiredTerms, expected) => {
    expect(eligible(scheduling({ requiredTerms, requiredAffinityLocation: at(18) }))).toEqual(expected);
  });

  test('the reason points at requiredDuringScheduling... and shows the labels the terms read', () => {
    const placed = placePod(
      scheduling({
        requiredTerms: [term(expr('kubernetes.io/arch', 'In', 'arm64'))],
        requiredAffinityLocation: at(18),
      }),
      POOLS,
      KEYS,
    );
    expect(placed[0]?.reasons).toEqual([
      { constraint: 'required node affinity', detail: 'kubernetes.io/arch=amd64', location: at(18) },
    ]);
  });

  test.each<[string, NodeSelectorRequirement, Record<string, string>, boolean]>([
    ['Gt compares numbers, not strings', expr('n', 'Gt', '9'), { n: '10' }, true],
    ['Lt accepts negative integers', expr('n', 'Lt', '0'), { n: '-3' }, true],
    ['Gt on a missing label is false', expr('n', 'Gt', '1'), {}, false],
    // strconv.ParseInt rejects "8xlarge": Kubernetes does not read a number prefix out of a label value.
    ['Gt on a label value that is not an integer is false', expr('n', 'Gt', '4'), { n: '8xlarge' }, false],
    ['Lt with a decimal bound is false', expr('n', 'Lt', '2.5'), { n: '1' }, false],
    ['In on a missing label is false', expr('n', 'In', ''), {}, false],
    ['In matches the empty value', expr('n', 'In', ''), { n: '' }, true],
  ])('requirementMatches: %s', (_name, requirement, labels, expected) => {
    expect(requirementMatches(requirement, labels)).toBe(expected);
  });
});

describe('taints and tolerations', () => {
  const tainted = (...taints: Taint[]) => [
    makePool('c', 'tainted', { os: 'linux', architecture: 'arm64' }, {}, taints),
  ];
  const dedicated: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
  const t = (fields: Omit<Toleration, 'location'>): Toleration => ({ ...fields, location: at(30) });

  test.each<[string, Taint, Toleration[], boolean]>([
    ['an untolerated NoSchedule taint excludes', dedicated, [], false],
    ['an untolerated NoExecute taint excludes', { key: 'k', effect: 'NoExecute' }, [], false],
    ['PreferNoSchedule never excludes', { key: 'k', value: 'v', effect: 'PreferNoSchedule' }, [], true],
    [
      'Equal with key, value and effect',
      dedicated,
      [t({ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' })],
      true,
    ],
    ['operator defaults to Equal', dedicated, [t({ key: 'dedicated', value: 'gpu' })], true],
    [
      'Equal with another value',
      dedicated,
      [t({ key: 'dedicated', operator: 'Equal', value: 'cpu' })],
      false,
    ],
    [
      'Equal with no value against a valued taint',
      dedicated,
      [t({ key: 'dedicated', operator: 'Equal' })],
      false,
    ],
    [
      'Equal with no value against a value-less taint',
      { key: 'k', effect: 'NoSchedule' },
      [t({ key: 'k' })],
      true,
    ],
    ['Exists ignores the value', dedicated, [t({ key: 'dedicated', operator: 'Exists' })], true],
    ['Exists with another key', dedicated, [t({ key: 'other', operator: 'Exists' })], false],
    ['an empty key with Exists tolerates everything', dedicated, [t({ operator: 'Exists' })], true],
    ['an empty key with Equal tolerates nothing', dedicated, [t({ operator: 'Equal', value: 'gpu' })], false],
    [
      'an empty effect matches every effect',
      { key: 'k', effect: 'NoExecute' },
      [t({ key: 'k', operator: 'Exists' })],
      true,
    ],
    [
      'another effect does not',
      dedicated,
      [t({ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' })],
      false,
    ],
    [
      'an unknown operator tolerates nothing',
      dedicated,
      [t({ key: 'dedicated', operator: 'In', value: 'gpu' })],
      false,
    ],
    [
      'one matching toleration among others is enough',
      dedicated,
      [t({ key: 'x' }), t({ key: 'dedicated', operator: 'Exists' })],
      true,
    ],
  ])('%s', (_name, taint, tolerations, expected) => {
    expect(eligible(scheduling({ tolerations }), tainted(taint))).toEqual(expected ? ['tainted'] : []);
  });

  test('every taint of a pool must be tolerated, and the reason names the taint', () => {
    const pools = tainted(dedicated, { key: 'spot', effect: 'NoExecute' });
    const placed = placePod(
      scheduling({ tolerations: [t({ key: 'dedicated', operator: 'Exists' })] }),
      pools,
      knownLabelKeys(pools),
    );
    expect(placed[0]?.reasons).toEqual([
      { constraint: 'no toleration for taint spot:NoExecute', detail: 'tainted' },
    ]);
  });

  test.each([
    [{ key: 'a', value: 'b', effect: 'NoSchedule' } as Taint, 'a=b:NoSchedule'],
    [{ key: 'a', effect: 'NoExecute' } as Taint, 'a:NoExecute'],
  ])('formatTaint(%j) = %s', (taint, text) => {
    expect(formatTaint(taint)).toBe(text);
    expect(tolerates({ key: taint.key, operator: 'Exists', location: at(1) }, taint)).toBe(true);
  });
});

test('all constraints combine: the graviton pool needs its taint tolerated as well as the selector', () => {
  const s: Scheduling = {
    nodeSelector: [{ key: 'kubernetes.io/arch', value: 'arm64', location: at(12) }],
    tolerations: [],
  };
  const placed = placePod(s, POOLS, KEYS);
  expect(placed.map((p) => [p.pool.name, p.eligible, p.reasons.map((r) => r.constraint)])).toEqual([
    ['general', false, ['nodeSelector kubernetes.io/arch=arm64']],
    ['graviton', false, ['no toleration for taint kubernetes.io/arch=arm64:NoSchedule']],
  ]);
});

describe('values filled in at deploy time', () => {
  const pools = [makePool('c', 'x86', { os: 'linux', architecture: 'amd64' })];
  const keys = knownLabelKeys(pools);
  const at = { file: 'f.yaml', line: 1, column: 1 };
  test.each([
    [
      'an Argo parameter in nodeSelector',
      {
        nodeSelector: [{ key: 'kubernetes.io/arch', value: '{{inputs.parameters.arch}}', location: at }],
        tolerations: [],
      },
    ],
    [
      'an envsubst variable in nodeSelector',
      { nodeSelector: [{ key: 'kubernetes.io/arch', value: '${ARCH}', location: at }], tolerations: [] },
    ],
    [
      'a parameter in a required affinity value',
      {
        nodeSelector: [],
        tolerations: [],
        requiredTerms: [
          {
            matchExpressions: [
              {
                key: 'kubernetes.io/arch',
                operator: 'In',
                values: ['{{workflow.parameters.arch}}'],
                location: at,
              },
            ],
            hasMatchFields: false,
            location: at,
          },
        ],
      },
    ],
  ])('%s never excludes a pool', (_name, scheduling) => {
    expect(placePod(scheduling, pools, keys).map((p) => p.eligible)).toEqual([true]);
  });
});
