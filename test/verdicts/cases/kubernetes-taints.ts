import type { PlacementCase, TaintSpec, TolerationSpec } from './types.js';

/** Why Gt/Lt tolerations tolerate nothing. */
export const GT_LT_GATE =
  'Gt/Lt tolerations need the alpha feature gate TaintTolerationComparisonOperators (off by default): archcheck models the default';

const TOLERATES = 'kubernetes k8s.io/api core/v1 toleration_test.go TestTolerationToleratesTaint';
const UNTOLERATED = 'kubernetes component-helpers helpers_test.go TestFindMatchingUntoleratedTaint';

const sla = (operator: 'Gt' | 'Lt', value: string): TolerationSpec => ({
  key: 'node.kubernetes.io/sla',
  operator,
  value,
  effect: 'NoSchedule',
});
const slaTaint = (value: string): TaintSpec => ({
  key: 'node.kubernetes.io/sla',
  value,
  effect: 'NoSchedule',
});

/** A comparison that upstream evaluates (the gate on) and archcheck does not (the gate off by default). */
function gated(upstream: boolean): Pick<PlacementCase, 'upstream' | 'archcheck' | 'reason'> {
  return upstream ? { upstream, archcheck: false, reason: GT_LT_GATE } : { upstream };
}

/** One toleration against one taint. */
const pair: [name: string, toleration: TolerationSpec, taint: TaintSpec, tolerated: boolean, gate?: true][] =
  [
    [
      'toleration and taint have the same key and effect, and operator is Exists, and taint has no value, expect tolerated',
      { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'foo', effect: 'NoSchedule' },
      true,
    ],
    [
      'toleration and taint have the same key and effect, and operator is Exists, and taint has some value, expect tolerated',
      { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'foo', value: 'bar', effect: 'NoSchedule' },
      true,
    ],
    [
      'toleration and taint have the same effect, toleration has empty key and operator is Exists, means match all taints, expect tolerated',
      { key: '', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'foo', value: 'bar', effect: 'NoSchedule' },
      true,
    ],
    [
      'toleration and taint have the same key, effect and value, and operator is Equal, expect tolerated',
      { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' },
      { key: 'foo', value: 'bar', effect: 'NoSchedule' },
      true,
    ],
    [
      'toleration and taint have the same key and effect, but different values, and operator is Equal, expect not tolerated',
      { key: 'foo', operator: 'Equal', value: 'value1', effect: 'NoSchedule' },
      { key: 'foo', value: 'value2', effect: 'NoSchedule' },
      false,
    ],
    [
      'toleration and taint have the same key and value, but different effects, and operator is Equal, expect not tolerated',
      { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' },
      { key: 'foo', value: 'bar', effect: 'NoExecute' },
      false,
    ],
    [
      'toleration with Gt operator - taint value less than toleration value, expect not tolerated',
      sla('Gt', '950'),
      slaTaint('800'),
      false,
    ],
    [
      'toleration with Gt operator - taint value greater than toleration value, expect tolerated',
      sla('Gt', '750'),
      slaTaint('950'),
      true,
      true,
    ],
    [
      'toleration with Lt operator - taint value greater than toleration value, expect not tolerated',
      sla('Lt', '800'),
      slaTaint('950'),
      false,
    ],
    [
      'toleration with Lt operator - taint value less than toleration value, expect tolerated',
      sla('Lt', '950'),
      slaTaint('800'),
      true,
      true,
    ],
    [
      'toleration with Gt operator and taint with equal numeric value, expect not tolerated',
      sla('Gt', '950'),
      slaTaint('950'),
      false,
    ],
    [
      'toleration with Gt operator and taint with non-numeric value, expect not tolerated',
      sla('Gt', '950'),
      slaTaint('high'),
      false,
    ],
    [
      'toleration with Gt operator and negative numeric values - taint value less than threshold, expect not tolerated',
      { key: 'test-key', operator: 'Gt', value: '-100', effect: 'NoSchedule' },
      { key: 'test-key', value: '-200', effect: 'NoSchedule' },
      false,
    ],
    [
      'toleration with Gt operator and large int64 values - taint value less than threshold, expect not tolerated',
      { key: 'test-key', operator: 'Gt', value: '9223372036854775806', effect: 'NoSchedule' },
      { key: 'test-key', value: '100', effect: 'NoSchedule' },
      false,
    ],
  ];

/**
 * TestFindMatchingUntoleratedTaint, the cases whose filter is the scheduler's (every NoSchedule/NoExecute taint
 * counts). Two cases filter taints out with a function of their own ("no taints apply to the filter", NoExecute
 * only): the scheduler never filters that way, so they do not apply.
 */
const lists: [
  name: string,
  tolerations: TolerationSpec[],
  taints: TaintSpec[],
  tolerated: boolean,
  gate?: true,
][] = [
  ['empty tolerations tolerate empty taints', [], [], true],
  [
    'non-empty tolerations tolerate empty taints',
    [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }],
    [],
    true,
  ],
  [
    'tolerations match all taints, expect tolerated',
    [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }],
    [{ key: 'foo', effect: 'NoSchedule' }],
    true,
  ],
  [
    "no filterFunc indicated, means all taints apply to the filter, tolerations don't match taints, expect untolerated",
    [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }],
    [{ key: 'bar', effect: 'NoSchedule' }],
    false,
  ],
  [
    'numeric Gt operator with taint value below threshold, expect not tolerated',
    [sla('Gt', '950')],
    [slaTaint('800')],
    false,
  ],
  [
    'numeric Gt operator with taint value above threshold, expect tolerated',
    [sla('Gt', '750')],
    [slaTaint('950')],
    true,
    true,
  ],
  [
    'numeric Lt operator with taint value above threshold, expect not tolerated',
    [sla('Lt', '800')],
    [slaTaint('950')],
    false,
  ],
  [
    'numeric Gt operator with non-numeric taint value, expect not tolerated',
    [sla('Gt', '950')],
    [slaTaint('high')],
    false,
  ],
  [
    'numeric Gt parse error is ignored when a later toleration matches the taint',
    [sla('Gt', '950'), { key: 'node.kubernetes.io/sla', operator: 'Exists', effect: 'NoSchedule' }],
    [slaTaint('high')],
    true,
  ],
];

export const kubernetesTaints: PlacementCase[] = [
  ...pair.map(([name, toleration, taint, tolerated, gate]) => ({
    source: TOLERATES,
    name,
    pod: { tolerations: [toleration] },
    node: { taints: [taint] },
    ...(gate ? gated(tolerated) : { upstream: tolerated }),
  })),
  ...lists.map(([name, tolerations, taints, tolerated, gate]) => ({
    source: UNTOLERATED,
    name,
    pod: { tolerations },
    node: { taints },
    ...(gate ? gated(tolerated) : { upstream: tolerated }),
  })),
];
