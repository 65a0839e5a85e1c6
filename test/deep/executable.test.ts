import { describe, expect, test } from 'vitest';
import { nodeRunsBinary, readExecutable } from '../../src/deep/executable.js';
import { parsePlatform } from '../../src/platforms/normalize.js';
import type { NodePlatform } from '../../src/platforms/platform.js';
import { type Machine, elf } from './fixtures.js';

describe('ELF headers name their machine', () => {
  test.each<[Machine, string, string]>([
    ['amd64', 'amd64', 'ELF 64-bit LSB x86-64'],
    ['386', '386', 'ELF 32-bit LSB Intel 80386'],
    ['arm64', 'arm64', 'ELF 64-bit LSB ARM aarch64'],
    ['arm', 'arm', 'ELF 32-bit LSB ARM'],
    ['ppc64le', 'ppc64le', 'ELF 64-bit LSB 64-bit PowerPC'],
    ['s390x', 's390x', 'ELF 64-bit MSB IBM S/390'],
    ['riscv64', 'riscv64', 'ELF 64-bit LSB RISC-V'],
  ])('%s', (machine, architecture, description) => {
    expect(readExecutable(elf(machine, 0))).toEqual({ kind: 'elf', architecture, description });
  });

  test('a machine OCI has no name for keeps its number', () => {
    const header = elf('amd64', 0);
    header.writeUInt16LE(2, 18); // EM_SPARC
    expect(readExecutable(header)).toEqual({ kind: 'elf', description: 'ELF 64-bit LSB machine 2' });
  });

  test.each([
    ['truncated', elf('amd64').subarray(0, 12), 'a truncated or malformed ELF header'],
    [
      'bad class',
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 9, 1, ...Array(20).fill(0)]),
      'a truncated or malformed ELF header',
    ],
    ['empty', Buffer.alloc(0), 'an empty file'],
    ['text', Buffer.from('hello world\n'), 'neither an ELF binary nor a #! script'],
  ])('%s is not executable', (_name, head, description) => {
    expect(readExecutable(head)).toEqual({ kind: 'unknown', description });
  });
});

describe('#! lines as binfmt_script reads them', () => {
  test.each([
    ['#!/bin/sh\necho hi\n', { interpreter: '/bin/sh' }],
    ['#! /bin/bash -e\n', { interpreter: '/bin/bash', argument: '-e' }],
    ['#!/usr/bin/env python3\n', { interpreter: '/usr/bin/env', argument: 'python3' }],
    ['#!/usr/bin/env -S node --flag\r\n', { interpreter: '/usr/bin/env', argument: '-S node --flag' }],
    ['#!/bin/sh', { interpreter: '/bin/sh' }],
  ])('%j', (text, expected) => {
    expect(readExecutable(Buffer.from(text))).toEqual({ kind: 'script', ...expected });
  });

  test.each([
    ['#!   \n', 'a #! line without an interpreter'],
    [`#!/bin/${'x'.repeat(300)}`, 'a #! line longer than the kernel reads'],
  ])('%j is not runnable', (text, description) => {
    expect(readExecutable(Buffer.from(text).subarray(0, 256))).toEqual({ kind: 'unknown', description });
  });
});

describe('which nodes run which binaries', () => {
  const node = (spec: string, aarch32 = false): NodePlatform => {
    const p = parsePlatform(spec);
    if ('error' in p) throw new Error(p.error);
    return aarch32 ? { ...p, aarch32 } : p;
  };
  test.each([
    ['linux/amd64', 'amd64', true],
    ['linux/amd64', '386', true],
    ['linux/amd64', 'arm64', false],
    ['linux/arm64', 'amd64', false],
    ['linux/arm64', 'arm64', true],
    ['linux/arm64', 'arm', false],
    ['linux/arm/v6', 'arm', true],
    ['linux/ppc64le', 'ppc64le', true],
    ['linux/s390x', 'amd64', false],
    ['linux/riscv64', 'riscv64', true],
  ])('%s runs %s: %s', (pool, arch, runs) => {
    expect(nodeRunsBinary(node(pool), arch)).toBe(runs);
  });

  test('an arm64 pool that declares aarch32 runs 32-bit Arm binaries', () => {
    expect(nodeRunsBinary(node('linux/arm64', true), 'arm')).toBe(true);
  });
});
