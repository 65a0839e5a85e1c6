import type { PlacementCase, Requirement } from './types.js';

// Not ported: the cases that expect NewNodeSelector to return an error (the API server rejects those pods),
// "nil node" / "nil terms" (no node or no selector to match), TestPreferredSchedulingTermsScore (preferred
// terms only weigh nodes), TestNodeSelectorRequirementsAsSelector (the selector's printed form; its
// "Exists with values" rule is in ./rules.ts), TestMatchNodeSelectorTermsStateless (no mutation to check).

/** Why a term with matchFields never narrows pools. */
export const MATCH_FIELDS =
  'matchFields select nodes by name: a pool is a group of nodes, so archcheck never excludes a pool by them';

const AFFINITY =
  'kubernetes component-helpers nodeaffinity_test.go TestPodMatchesNodeSelectorAndAffinityTerms';
const SELECTOR = 'kubernetes component-helpers nodeaffinity_test.go TestNodeSelectorMatch';
const TERMS = 'kubernetes component-helpers helpers_test.go TestMatchNodeSelectorTerms';

const req = (key: string, operator: string, values?: string[]): Requirement =>
  values ? { key, operator, values } : { key, operator };
const byName = (name: string): Requirement => req('metadata.name', 'In', [name]);

/** The upstream node is named `nodeName`; its matchFields cases say whether `metadata.name In [x]` holds. */
function fields(
  upstream: boolean,
  archcheck = true,
): Pick<PlacementCase, 'upstream' | 'archcheck' | 'reason'> {
  return upstream === archcheck ? { upstream } : { upstream, archcheck, reason: MATCH_FIELDS };
}

export const kubernetesAffinity: PlacementCase[] = (<Omit<PlacementCase, 'source'>[]>[
  { name: 'no selector', pod: {}, node: {}, upstream: true },
  { name: 'missing labels', pod: { nodeSelector: { foo: 'bar' } }, node: {}, upstream: false },
  {
    name: 'same labels',
    pod: { nodeSelector: { foo: 'bar' } },
    node: { labels: { foo: 'bar' } },
    upstream: true,
  },
  {
    name: 'node labels are superset',
    pod: { nodeSelector: { foo: 'bar' } },
    node: { labels: { foo: 'bar', baz: 'blah' } },
    upstream: true,
  },
  {
    name: 'node labels are subset',
    pod: { nodeSelector: { foo: 'bar', baz: 'blah' } },
    node: { labels: { foo: 'bar' } },
    upstream: false,
  },
  {
    name: 'Pod with matchExpressions using In operator that matches the existing node',
    pod: { terms: [{ matchExpressions: [req('foo', 'In', ['bar', 'value2'])] }] },
    node: { labels: { foo: 'bar' } },
    upstream: true,
  },
  {
    name: 'Pod with matchExpressions using Gt operator that matches the existing node',
    pod: { terms: [{ matchExpressions: [req('kernel-version', 'Gt', ['0204'])] }] },
    node: { labels: { 'kernel-version': '0206' } },
    upstream: true,
  },
  {
    name: 'Pod with matchExpressions using NotIn operator that matches the existing node',
    pod: { terms: [{ matchExpressions: [req('mem-type', 'NotIn', ['DDR', 'DDR2'])] }] },
    node: { labels: { 'mem-type': 'DDR3' } },
    upstream: true,
  },
  {
    name: 'Pod with matchExpressions using Exists operator that matches the existing node',
    pod: { terms: [{ matchExpressions: [req('GPU', 'Exists')] }] },
    node: { labels: { GPU: 'NVIDIA-GRID-K1' } },
    upstream: true,
  },
  {
    name: "Pod with affinity that don't match node's labels won't schedule onto the node",
    pod: { terms: [{ matchExpressions: [req('foo', 'In', ['value1', 'value2'])] }] },
    node: { labels: { foo: 'bar' } },
    upstream: false,
  },
  {
    name: "Pod with a nil []NodeSelectorTerm in affinity, can't match the node's labels and won't schedule onto the node",
    pod: { terms: null },
    node: { labels: { foo: 'bar' } },
    upstream: false,
  },
  {
    name: "Pod with an empty []NodeSelectorTerm in affinity, can't match the node's labels and won't schedule onto the node",
    pod: { terms: [] },
    node: { labels: { foo: 'bar' } },
    upstream: false,
  },
  {
    name: "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node",
    pod: { terms: [{ matchExpressions: [] }] },
    node: { labels: { foo: 'bar' } },
    upstream: false,
  },
  {
    name: 'Pod with no Affinity will schedule onto a node',
    pod: {},
    node: { labels: { foo: 'bar' } },
    upstream: true,
  },
  {
    name: 'Pod with multiple matchExpressions ANDed that matches the existing node',
    pod: { terms: [{ matchExpressions: [req('GPU', 'Exists'), req('GPU', 'NotIn', ['AMD', 'INTER'])] }] },
    node: { labels: { GPU: 'NVIDIA-GRID-K1' } },
    upstream: true,
  },
  {
    name: "Pod with multiple matchExpressions ANDed that doesn't match the existing node",
    pod: { terms: [{ matchExpressions: [req('GPU', 'Exists'), req('GPU', 'In', ['AMD', 'INTER'])] }] },
    node: { labels: { GPU: 'NVIDIA-GRID-K1' } },
    upstream: false,
  },
  {
    name: "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
    pod: {
      terms: [
        { matchExpressions: [req('foo', 'In', ['bar', 'value2'])] },
        { matchExpressions: [req('diffkey', 'In', ['wrong', 'value2'])] },
      ],
    },
    node: { labels: { foo: 'bar' } },
    upstream: true,
  },
  {
    name: 'Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node',
    pod: { nodeSelector: { foo: 'bar' }, terms: [{ matchExpressions: [req('foo', 'Exists')] }] },
    node: { labels: { foo: 'bar' } },
    upstream: true,
  },
  {
    name: "Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node",
    pod: { nodeSelector: { foo: 'bar' }, terms: [{ matchExpressions: [req('foo', 'Exists')] }] },
    node: { labels: { foo: 'barrrrrr' } },
    upstream: false,
  },
  {
    name: "Pod with an invalid value in Affinity term won't be scheduled onto the node",
    pod: { terms: [{ matchExpressions: [req('foo', 'NotIn', ['invalid value: ___@#$%^'])] }] },
    node: { labels: { foo: 'bar' } },
    upstream: false,
  },
  // The upstream node is named node_1 or node_2; matchFields ask for node_1.
  {
    name: 'Pod with matchFields using In operator that matches the existing node',
    pod: { terms: [{ matchFields: [byName('node_1')] }] },
    node: {},
    ...fields(true),
  },
  {
    name: 'Pod with matchFields using In operator that does not match the existing node',
    pod: { terms: [{ matchFields: [byName('node_1')] }] },
    node: {},
    ...fields(false),
  },
  {
    name: 'Pod with two terms: matchFields does not match, but matchExpressions matches',
    pod: { terms: [{ matchFields: [byName('node_1')] }, { matchExpressions: [req('foo', 'In', ['bar'])] }] },
    node: { labels: { foo: 'bar' } },
    upstream: true,
  },
  {
    name: 'Pod with one term: matchFields does not match, but matchExpressions matches',
    pod: { terms: [{ matchFields: [byName('node_1')], matchExpressions: [req('foo', 'In', ['bar'])] }] },
    node: { labels: { foo: 'bar' } },
    ...fields(false),
  },
  {
    name: 'Pod with one term: both matchFields and matchExpressions match',
    pod: { terms: [{ matchFields: [byName('node_1')], matchExpressions: [req('foo', 'In', ['bar'])] }] },
    node: { labels: { foo: 'bar' } },
    upstream: true,
  },
  {
    name: 'Pod with two terms: both matchFields and matchExpressions do not match',
    pod: {
      terms: [
        { matchFields: [byName('node_1')] },
        { matchExpressions: [req('foo', 'In', ['not-match-to-bar'])] },
      ],
    },
    node: { labels: { foo: 'bar' } },
    ...fields(false),
  },
]).map((c) => ({ source: AFFINITY, ...c }));

const label1: Requirement = req('label_1', 'In', ['label_1_val']);

/** TestNodeSelectorMatch (the cases without a selector error; the node is host_1) and TestMatchNodeSelectorTerms. */
type Unsourced = Omit<PlacementCase, 'source'>;

export const kubernetesTerms: PlacementCase[] = [
  ...(<Unsourced[]>[
    {
      name: 'node matches field selector, but not labels',
      pod: { terms: [{ matchExpressions: [label1], matchFields: [byName('host_1')] }] },
      node: {},
      upstream: false,
    },
    {
      name: 'node matches field selector and label selector',
      pod: { terms: [{ matchExpressions: [label1], matchFields: [byName('host_1')] }] },
      node: { labels: { label_1: 'label_1_val' } },
      upstream: true,
    },
    {
      name: 'second term matches',
      pod: { terms: [{ matchExpressions: [label1] }, { matchFields: [byName('host_1')] }] },
      node: {},
      upstream: true,
    },
  ]).map((c) => ({ source: SELECTOR, ...c })),
  ...(<Unsourced[]>[
    {
      name: 'node label matches matchExpressions terms',
      pod: { terms: [{ matchExpressions: [label1] }] },
      node: { labels: { label_1: 'label_1_val' } },
      upstream: true,
    },
    {
      name: 'node field matches matchFields terms',
      pod: { terms: [{ matchFields: [byName('host_1')] }] },
      node: {},
      upstream: true,
    },
    {
      name: 'invalid node field requirement',
      pod: { terms: [{ matchFields: [req('metadata.name', 'In', ['host_1', 'host_2'])] }] },
      node: {},
      ...fields(false),
    },
    {
      name: 'fieldSelectorTerm with node labels',
      pod: { terms: [{ matchFields: [byName('host_1')] }] },
      node: { labels: { 'metadata.name': 'host_1' } },
      ...fields(false),
    },
    {
      name: 'labelSelectorTerm with node fields',
      pod: { terms: [{ matchExpressions: [byName('host_1')] }] },
      node: {},
      upstream: false,
    },
    {
      name: 'labelSelectorTerm and fieldSelectorTerm was set, but only node fields',
      pod: { terms: [{ matchExpressions: [label1], matchFields: [byName('host_1')] }] },
      node: {},
      upstream: false,
    },
    {
      name: 'labelSelectorTerm and fieldSelectorTerm was set, both node fields and labels (both matched)',
      pod: { terms: [{ matchExpressions: [label1], matchFields: [byName('host_1')] }] },
      node: { labels: { label_1: 'label_1_val' } },
      upstream: true,
    },
    {
      name: 'labelSelectorTerm and fieldSelectorTerm was set, both node fields and labels (one mismatched)',
      pod: { terms: [{ matchExpressions: [label1], matchFields: [byName('host_1')] }] },
      node: { labels: { label_1: 'label_1_val-failed' } },
      upstream: false,
    },
    {
      name: 'multi-selector was set, both node fields and labels (one mismatched)',
      pod: { terms: [{ matchExpressions: [label1] }, { matchFields: [byName('host_1')] }] },
      node: { labels: { label_1: 'label_1_val-failed' } },
      upstream: true,
    },
  ]).map((c) => ({ source: TERMS, ...c })),
];
