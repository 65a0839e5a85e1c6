import type { PlacementCase } from './types.js';

/**
 * Cases of our own for rules the upstream tables do not exercise, each named after the upstream code that
 * decides it (the rule is quoted in the comment of the archcheck function that follows it).
 */
const EMPTY_OPERATOR =
  'kubernetes k8s.io/api core/v1 toleration.go ToleratesTaint ("empty operator means Equal")';
const INT64 = 'kubernetes apimachinery labels selector.go Requirement.Matches (strconv.ParseInt(v, 10, 64))';
const NEW_REQUIREMENT = 'kubernetes apimachinery labels selector.go NewRequirement (label value validation)';
const WINDOWS_BUILD =
  'kubernetes kubelet_node_status.go (node.kubernetes.io/windows-build = major.minor.build)';

const gt = (label: string, operator: 'Gt' | 'Lt', value: string) => ({
  pod: { terms: [{ matchExpressions: [{ key: 'rank', operator, values: [value] }] }] },
  node: { labels: { rank: label } },
});

export const ownPlacement: PlacementCase[] = [
  {
    source: EMPTY_OPERATOR,
    name: 'operator "" with the taint\'s value tolerates it',
    pod: { tolerations: [{ key: 'dedicated', operator: '', value: 'data', effect: 'NoSchedule' }] },
    node: { taints: [{ key: 'dedicated', value: 'data', effect: 'NoSchedule' }] },
    upstream: true,
  },
  {
    source: EMPTY_OPERATOR,
    name: 'operator "" with another value does not tolerate',
    pod: { tolerations: [{ key: 'dedicated', operator: '', value: 'web', effect: 'NoSchedule' }] },
    node: { taints: [{ key: 'dedicated', value: 'data', effect: 'NoSchedule' }] },
    upstream: false,
  },
  {
    source: INT64,
    name: '9007199254740993 Gt 9007199254740992',
    ...gt('9007199254740993', 'Gt', '9007199254740992'),
    upstream: true,
  },
  {
    source: INT64,
    name: '9007199254740992 Lt 9007199254740993',
    ...gt('9007199254740992', 'Lt', '9007199254740993'),
    upstream: true,
  },
  {
    source: INT64,
    name: '9007199254740992 Gt 9007199254740993',
    ...gt('9007199254740992', 'Gt', '9007199254740993'),
    upstream: false,
  },
  { source: INT64, name: 'label above int64 Gt 1', ...gt('9223372036854775808', 'Gt', '1'), upstream: false },
  {
    source: INT64,
    name: '2 Lt a value above int64',
    ...gt('2', 'Lt', '9223372036854775808'),
    upstream: false,
  },
  {
    source: INT64,
    name: 'int64 max Gt int64 max - 1',
    ...gt('9223372036854775807', 'Gt', '9223372036854775806'),
    upstream: true,
  },
  { source: INT64, name: 'label 8xlarge is not an integer', ...gt('8xlarge', 'Gt', '4'), upstream: false },
  { source: INT64, name: 'value 2.5 is not an integer', ...gt('3', 'Gt', '2.5'), upstream: false },
  {
    source: NEW_REQUIREMENT,
    name: 'In with a value that is not a label value matches nothing',
    pod: { terms: [{ matchExpressions: [{ key: 'team', operator: 'In', values: ['data', 'a b'] }] }] },
    node: { labels: { team: 'data' } },
    upstream: false,
  },
  {
    source: NEW_REQUIREMENT,
    name: 'In with a 64-character value matches nothing',
    pod: { terms: [{ matchExpressions: [{ key: 'team', operator: 'In', values: ['d'.repeat(64)] }] }] },
    node: { labels: { team: 'data' } },
    upstream: false,
  },
  {
    source: NEW_REQUIREMENT,
    name: 'Exists with values matches nothing',
    pod: { terms: [{ matchExpressions: [{ key: 'team', operator: 'Exists', values: ['data'] }] }] },
    node: { labels: { team: 'data' } },
    upstream: false,
  },
  {
    source: WINDOWS_BUILD,
    name: 'windows-build selector on the pool of that build',
    pod: { nodeSelector: { 'node.kubernetes.io/windows-build': '10.0.20348' } },
    node: { platform: 'windows(10.0.20348.2113)/amd64' },
    upstream: true,
  },
  {
    source: WINDOWS_BUILD,
    name: 'windows-build selector on a pool of another build',
    pod: { nodeSelector: { 'node.kubernetes.io/windows-build': '10.0.20348' } },
    node: { platform: 'windows(10.0.17763.5458)/amd64' },
    upstream: false,
  },
  {
    source: WINDOWS_BUILD,
    name: 'windows-build affinity In two builds',
    pod: {
      terms: [
        {
          matchExpressions: [
            { key: 'node.kubernetes.io/windows-build', operator: 'In', values: ['10.0.17763', '10.0.26100'] },
          ],
        },
      ],
    },
    node: { platform: 'windows(10.0.26100.1742)/amd64' },
    upstream: true,
  },
];
