import type { ChildFact, LoadedFile, ProgramFact } from '../../src/deep/facts.js';
import { binaryArchMismatch } from '../../src/rules/binary-arch-mismatch.js';
import { pod, ruleTester } from '../support/rule-tester.js';

const elf = (path: string, architecture: string, description: string): LoadedFile => ({
  path,
  executable: { kind: 'elf', architecture, description },
});
const X86 = elf('/app', 'amd64', 'ELF 64-bit LSB x86-64');
const ARM = elf('/app', 'arm64', 'ELF 64-bit LSB ARM aarch64');
const I386 = elf('/app', '386', 'ELF 32-bit LSB Intel 80386');
/** The image's Entrypoint `/app`, and what the kernel loads to run it. */
const entrypoint = (...files: LoadedFile[]): ProgramFact => ({
  kind: 'checked',
  written: '/app',
  source: 'Entrypoint',
  files,
});
const SCRIPT: LoadedFile = { path: '/run.sh', executable: { kind: 'script', interpreter: '/bin/sh' } };
const images = { 'app:1': ['linux/amd64', 'linux/arm64'] };
/** A pod running `/run.sh` by its own command; the image is at line 8, column 14. */
const COMMAND_POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n' +
  '      command: [/run.sh]\n      image: app:1\n';
const mislabeled: ChildFact = {
  kind: 'read',
  real: { os: 'linux', architecture: 'amd64' },
  variantDeclared: false,
};

ruleTester.run(binaryArchMismatch, {
  valid: [
    {
      name: 'each build runs a binary for its own platform',
      manifest: pod('app:1'),
      images,
      deep: { programs: { 'app:1': { 'linux/amd64': entrypoint(X86), 'linux/arm64': entrypoint(ARM) } } },
    },
    {
      name: 'amd64 nodes run a 386 binary',
      manifest: pod('app:1'),
      images: { 'app:1': ['linux/amd64'] },
      config: 'clusters:\n  - name: prod\n    nodePools: [{name: x86, arch: amd64}]\n',
      deep: { programs: { 'app:1': { 'linux/amd64': entrypoint(I386) } } },
    },
    {
      name: 'a build mislabeled as arm64 is image-platform-mislabeled, not this rule',
      manifest: pod('app:1'),
      images,
      deep: {
        children: { 'app:1': { 'linux/arm64': mislabeled } },
        programs: { 'app:1': { 'linux/arm64': entrypoint(X86) } },
      },
    },
    {
      name: 'a pod kept on amd64 does not pull the arm64 build',
      manifest: pod('app:1', '  nodeSelector: {kubernetes.io/arch: amd64}\n'),
      images,
      deep: { programs: { 'app:1': { 'linux/arm64': entrypoint(X86) } } },
    },
  ],
  invalid: [
    {
      name: "an x86-64 binary in the arm64 build, at the container's image",
      manifest: pod('app:1'),
      images,
      deep: { programs: { 'app:1': { 'linux/amd64': entrypoint(X86), 'linux/arm64': entrypoint(X86) } } },
      errors: [
        {
          rule: 'binary-arch-mismatch',
          line: 7,
          column: 14,
          severity: 'error',
          message:
            'the linux/arm64 build of image app:1 runs /app (the image\'s Entrypoint "/app"), an ELF 64-bit LSB x86-64 binary for linux/amd64',
        },
      ],
    },
    {
      name: "a script whose interpreter is for another CPU, run by the pod's command",
      manifest: COMMAND_POD,
      images,
      deep: {
        programs: {
          'app:1': {
            'linux/arm64': {
              kind: 'checked',
              written: '/run.sh',
              source: 'command',
              files: [SCRIPT, elf('/bin/sh', 'amd64', 'ELF 64-bit LSB x86-64')],
            },
          },
        },
      },
      errors: [
        {
          rule: 'binary-arch-mismatch',
          line: 8,
          column: 14,
          message: `/run.sh (the pod's command "/run.sh"), whose interpreter /bin/sh is an ELF 64-bit LSB x86-64 binary`,
        },
      ],
    },
  ],
});
