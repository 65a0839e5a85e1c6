import { noEligibleNodes } from '../../src/rules/no-eligible-nodes.js';
import { pod, ruleTester } from '../support/rule-tester.js';

const AFFINITY =
  '  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n' +
  '        nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [s390x]}]}]\n';
const TAINTED = `clusters:
  - name: prod
    nodePools:
      - name: gpu
        arch: amd64
        taints: [{key: gpu, value: "true", effect: NoSchedule}]
`;

ruleTester.run(noEligibleNodes, {
  valid: [
    { name: 'no constraints: every pool admits the pod', manifest: pod('app:1') },
    {
      name: 'a selector one pool matches',
      manifest: pod('app:1', '  nodeSelector: {kubernetes.io/arch: arm64}\n'),
    },
    {
      name: 'a toleration for the only pool taint',
      manifest: pod('app:1', '  tolerations: [{key: gpu, operator: Exists}]\n'),
      config: TAINTED,
    },
  ],
  invalid: [
    {
      name: 'a nodeSelector no pool has, at the selector value',
      manifest: pod('app:1', '  nodeSelector: {kubernetes.io/arch: riscv64}\n'),
      errors: [
        {
          rule: 'no-eligible-nodes',
          line: 5,
          column: 18,
          severity: 'error',
          message: 'nodeSelector kubernetes.io/arch=riscv64 excludes',
        },
      ],
    },
    {
      name: 'required node affinity excluding every pool, at requiredDuringScheduling...',
      manifest: pod('app:1', AFFINITY),
      errors: [{ rule: 'no-eligible-nodes', line: 7, column: 7, message: 'required node affinity excludes' }],
    },
    {
      name: 'a taint the pod does not tolerate, reported at the workload',
      manifest: pod('app:1'),
      config: TAINTED,
      errors: [
        { rule: 'no-eligible-nodes', line: 1, column: 1, message: 'cannot be scheduled on any node pool' },
      ],
    },
  ],
});
