import { workloadNotChecked } from '../../src/rules/workload-not-checked.js';
import { pod, ruleTester } from '../support/rule-tester.js';

const PROD_ONLY = `clusters:
  - name: prod
    paths: ['deploy/prod/**']
    nodePools:
      - {name: x86, arch: amd64}
`;
const TWO_PODS = `${pod('app:1')}---\n${pod('sidecar:1')}`;

ruleTester.run(workloadNotChecked, {
  valid: [
    { name: 'no clusters declared: the assumed cluster takes every file', manifest: pod('app:1') },
    {
      name: "a file the cluster's paths match",
      manifest: pod('app:1'),
      file: 'deploy/prod/app.yaml',
      config: PROD_ONLY,
    },
    {
      name: 'a cluster without paths takes every file',
      manifest: pod('app:1'),
      file: 'anywhere/app.yaml',
      config: 'clusters:\n  - name: prod\n    nodePools: [{name: x86, arch: amd64}]\n',
    },
    {
      name: 'a file without workloads is nothing to check',
      manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n',
      file: 'deploy/dev/c.yaml',
      config: PROD_ONLY,
    },
  ],
  invalid: [
    {
      name: "a workload in a file outside every cluster's paths, at the workload",
      manifest: pod('app:1'),
      file: 'deploy/dev/app.yaml',
      config: PROD_ONLY,
      errors: [
        {
          rule: 'workload-not-checked',
          line: 1,
          column: 1,
          severity: 'warning',
          message: "Pod p is in no cluster's paths",
        },
      ],
    },
    {
      name: 'each workload of the file, at its own document',
      manifest: TWO_PODS,
      file: 'deploy/dev/app.yaml',
      config: PROD_ONLY,
      errors: [
        { rule: 'workload-not-checked', line: 1, column: 1 },
        { rule: 'workload-not-checked', line: 9, column: 1 },
      ],
    },
    {
      name: 'at the configured severity',
      manifest: pod('app:1'),
      file: 'other.yaml',
      config: `${PROD_ONLY}rules:\n  workload-not-checked: error\n`,
      errors: [{ rule: 'workload-not-checked', line: 1, column: 1, severity: 'error' }],
    },
  ],
});
