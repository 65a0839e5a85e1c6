import { deprecatedArchLabel } from '../../src/rules/deprecated-arch-label.js';
import { pod, ruleTester } from '../support/rule-tester.js';

ruleTester.run(deprecatedArchLabel, {
  valid: [
    { name: 'the GA label', manifest: pod('app:1', '  nodeSelector: {kubernetes.io/arch: amd64}\n') },
    { name: 'no selector', manifest: pod('app:1') },
  ],
  invalid: [
    {
      name: 'nodeSelector on beta.kubernetes.io/arch',
      manifest: pod('app:1', '  nodeSelector: {beta.kubernetes.io/arch: amd64}\n'),
      errors: [
        {
          rule: 'deprecated-arch-label',
          line: 5,
          column: 18,
          severity: 'warning',
          message: 'nodeSelector uses deprecated label beta.kubernetes.io/arch; use kubernetes.io/arch',
        },
      ],
    },
    {
      name: 'nodeSelector on beta.kubernetes.io/os',
      manifest: pod('app:1', '  nodeSelector:\n    beta.kubernetes.io/os: linux\n'),
      errors: [{ rule: 'deprecated-arch-label', line: 6, column: 5, message: 'use kubernetes.io/os' }],
    },
    {
      name: 'required node affinity',
      manifest: pod(
        'app:1',
        '  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: beta.kubernetes.io/arch, operator: Exists}]}]}}}\n',
      ),
      errors: [
        {
          rule: 'deprecated-arch-label',
          line: 5,
          column: 118,
          message: 'required node affinity uses deprecated label beta.kubernetes.io/arch',
        },
      ],
    },
  ],
});
