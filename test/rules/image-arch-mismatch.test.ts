import { imageArchMismatch } from '../../src/rules/image-arch-mismatch.js';
import { pod, ruleTester, unresolved } from '../support/rule-tester.js';

const images = {
  'both:1': ['linux/amd64', 'linux/arm64'],
  'amd:1': ['linux/amd64'],
  'armv7:1': ['linux/arm/v7'],
};
const MIXED = `clusters:
  - name: prod
    nodePools:
      - {name: x86, arch: amd64}
      - {name: arm, arch: arm64}
`;
const CLUSTER_ARM32 = `clusters:
  - name: prod
    nodePools:
      - {name: graviton2, arch: arm64, aarch32: true}
`;

ruleTester.run(imageArchMismatch, {
  valid: [
    { name: 'an image with every platform of the cluster', manifest: pod('both:1'), images },
    {
      name: 'kept on amd64 by its nodeSelector',
      manifest: pod('amd:1', '  nodeSelector: {kubernetes.io/arch: amd64}\n'),
      images,
    },
    { name: 'an image that could not be inspected is not a mismatch', manifest: pod('gone:1') },
    {
      name: 'an image that failed to resolve is not a mismatch',
      manifest: pod('amd:1'),
      images: { 'amd:1': unresolved('unreachable', 'connection refused') },
    },
    {
      name: 'a pod that lands on no pool is no-eligible-nodes instead',
      manifest: pod('amd:1', '  nodeSelector: {kubernetes.io/arch: riscv64}\n'),
      images,
    },
    {
      name: 'an arm64 pool declared to run 32-bit Arm runs arm/v7',
      manifest: pod('armv7:1'),
      images,
      config: CLUSTER_ARM32,
    },
  ],
  invalid: [
    {
      name: 'an amd64-only image on a mixed cluster',
      manifest: pod('amd:1'),
      images,
      config: MIXED,
      errors: [
        {
          rule: 'image-arch-mismatch',
          line: 7,
          column: 14,
          severity: 'error',
          message: 'add nodeSelector kubernetes.io/arch: amd64 (or node affinity) to keep it on x86',
        },
      ],
    },
    {
      name: 'an arm/v7 image runs on no pool',
      manifest: pod('armv7:1'),
      images,
      errors: [
        {
          rule: 'image-arch-mismatch',
          line: 7,
          column: 14,
          message: 'publish linux/amd64, linux/arm64 for this image',
        },
      ],
    },
    {
      name: 'an init container is checked too',
      manifest:
        'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n    - name: i\n      image: amd:1\n  containers:\n    - name: c\n      image: both:1\n',
      images,
      errors: [{ rule: 'image-arch-mismatch', line: 7, column: 14, message: 'container "i"' }],
    },
    {
      name: 'an arm64 pool not declared aarch32 gets the hint',
      manifest: pod('armv7:1'),
      images,
      config: CLUSTER_ARM32.replace(', aarch32: true', ''),
      errors: [{ rule: 'image-arch-mismatch', line: 7, column: 14, message: 'declare aarch32: true' }],
    },
  ],
});
