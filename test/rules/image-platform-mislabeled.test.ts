import type { ChildFact } from '../../src/deep/facts.js';
import { imagePlatformMislabeled } from '../../src/rules/image-platform-mislabeled.js';
import { pod, ruleTester } from '../support/rule-tester.js';

/** A build's config as deep mode read it. */
const config = (os: string, architecture: string, variant?: string): ChildFact => ({
  kind: 'read',
  real: { os, architecture, ...(variant ? { variant } : {}) },
  variantDeclared: variant !== undefined,
});
const images = { 'app:1': ['linux/amd64', 'linux/arm64'] };
const ARMV7 = `clusters:
  - name: edge
    nodePools:
      - {name: pi, arch: arm/v7}
`;

ruleTester.run(imagePlatformMislabeled, {
  valid: [
    {
      name: 'every build is what the index claims',
      manifest: pod('app:1'),
      images,
      deep: { children: { 'app:1': { 'linux/amd64': config('linux', 'amd64') } } },
    },
    {
      name: 'deep mode did not run',
      manifest: pod('app:1'),
      images,
    },
    {
      name: 'a config without a variant does not contradict the claimed arm/v7',
      manifest: pod('app:1'),
      images: { 'app:1': ['linux/arm/v7'] },
      config: ARMV7,
      deep: { children: { 'app:1': { 'linux/arm/v7': config('linux', 'arm') } } },
    },
    {
      name: 'a mislabeled build no pool pulls',
      manifest: pod('app:1'),
      images: { 'app:1': ['linux/amd64', 'linux/arm64', 'linux/s390x'] },
      deep: { children: { 'app:1': { 'linux/s390x': config('linux', 'amd64') } } },
    },
    {
      name: 'a single image: its config is the only claim',
      manifest: pod('app:1'),
      images: {
        'app:1': {
          kind: 'single',
          digest: `sha256:${'b'.repeat(64)}`,
          platform: { os: 'linux', architecture: 'amd64' },
        },
      },
      deep: { children: { 'app:1': { 'linux/amd64': config('linux', 'arm64') } } },
    },
  ],
  invalid: [
    {
      name: "an arm64 entry whose config says amd64, at the container's image",
      manifest: pod('app:1'),
      images,
      deep: { children: { 'app:1': { 'linux/arm64': config('linux', 'amd64') } } },
      errors: [
        {
          rule: 'image-platform-mislabeled',
          line: 7,
          column: 14,
          severity: 'error',
          message: "lists a linux/arm64 build, but that build's config says linux/amd64",
        },
      ],
    },
    {
      name: 'a variant the config names that differs from the claimed one',
      manifest: pod('app:1'),
      images: { 'app:1': ['linux/arm/v7'] },
      config: ARMV7,
      deep: { children: { 'app:1': { 'linux/arm/v7': config('linux', 'arm', 'v6') } } },
      errors: [
        {
          rule: 'image-platform-mislabeled',
          line: 7,
          column: 14,
          message: "that build's config says linux/arm/v6. pool pi (linux/arm/v7) of cluster edge pull it",
        },
      ],
    },
    {
      name: 'every mislabeled build, one finding each',
      manifest: pod('app:1'),
      images,
      deep: {
        children: {
          'app:1': { 'linux/amd64': config('linux', 'arm64'), 'linux/arm64': config('linux', 'amd64') },
        },
      },
      errors: [
        { rule: 'image-platform-mislabeled', line: 7, column: 14, message: 'lists a linux/amd64 build' },
        { rule: 'image-platform-mislabeled', line: 7, column: 14, message: 'lists a linux/arm64 build' },
      ],
    },
  ],
});
