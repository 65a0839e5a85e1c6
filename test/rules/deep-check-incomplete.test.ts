import type { LoadedFile, ProgramFact } from '../../src/deep/facts.js';
import { deepCheckIncomplete } from '../../src/rules/deep-check-incomplete.js';
import { pod, ruleTester } from '../support/rule-tester.js';

const entrypoint = (file: LoadedFile): ProgramFact => ({
  kind: 'checked',
  written: file.path,
  source: 'Entrypoint',
  files: [file],
});
const ELF: LoadedFile = {
  path: '/app',
  executable: { kind: 'elf', architecture: 'amd64', description: 'ELF 64-bit LSB x86-64' },
};
const TEXT: LoadedFile = { path: '/app', executable: { kind: 'unknown', description: 'an empty file' } };
const images = { 'app:1': ['linux/amd64'] };
const X86 = 'clusters:\n  - name: prod\n    nodePools: [{name: x86, arch: amd64}]\n';

ruleTester.run(deepCheckIncomplete, {
  valid: [
    {
      name: 'the program was read: an ELF binary',
      manifest: pod('app:1'),
      images,
      config: X86,
      deep: { programs: { 'app:1': { 'linux/amd64': entrypoint(ELF) } } },
    },
    {
      name: 'deep mode did not run',
      manifest: pod('app:1'),
      images,
      config: X86,
    },
    {
      name: 'a build no pool pulls',
      manifest: pod('app:1'),
      images: { 'app:1': ['linux/amd64', 'linux/s390x'] },
      config: X86,
      deep: { children: { 'app:1': { 'linux/s390x': { kind: 'incomplete', reason: 'layer unreadable' } } } },
    },
  ],
  invalid: [
    {
      name: "a build past the byte budget, at the container's image",
      manifest: pod('app:1'),
      images,
      config: X86,
      deep: {
        children: {
          'app:1': { 'linux/amd64': { kind: 'incomplete', reason: 'the image budget (64MiB) is spent' } },
        },
      },
      errors: [
        {
          rule: 'deep-check-incomplete',
          line: 7,
          column: 14,
          severity: 'notice',
          message: 'the linux/amd64 build of app:1 was not fully checked: the image budget (64MiB) is spent.',
        },
      ],
    },
    {
      name: 'a program that is not in the image',
      manifest: pod('app:1'),
      images,
      config: X86,
      deep: {
        programs: { 'app:1': { 'linux/amd64': { kind: 'incomplete', reason: '/app is not in the image' } } },
      },
      errors: [{ rule: 'deep-check-incomplete', line: 7, column: 14, message: '/app is not in the image' }],
    },
    {
      name: 'a file the kernel does not execute',
      manifest: pod('app:1'),
      images,
      config: X86,
      deep: { programs: { 'app:1': { 'linux/amd64': entrypoint(TEXT) } } },
      errors: [
        {
          rule: 'deep-check-incomplete',
          line: 7,
          column: 14,
          message: '/app is an empty file, which the kernel does not execute',
        },
      ],
    },
    {
      name: 'one finding per build the pools pull',
      manifest: pod('app:1'),
      images: { 'app:1': ['linux/amd64', 'linux/arm64'] },
      deep: {
        children: {
          'app:1': {
            'linux/amd64': { kind: 'incomplete', reason: 'run budget spent' },
            'linux/arm64': { kind: 'incomplete', reason: 'run budget spent' },
          },
        },
      },
      errors: [
        { rule: 'deep-check-incomplete', line: 7, column: 14, message: 'the linux/amd64 build' },
        { rule: 'deep-check-incomplete', line: 7, column: 14, message: 'the linux/arm64 build' },
      ],
    },
  ],
});
