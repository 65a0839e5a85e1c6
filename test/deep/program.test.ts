import { expect, test } from 'vitest';
import { type RuntimeConfig, programOf } from '../../src/deep/command.js';
import type { Resolved } from '../../src/deep/overlay.js';
import { inspectProgram } from '../../src/deep/program.js';
import { printable } from '../../src/rules/deep-targets.js';
import { type Machine, elf } from './fixtures.js';

const config: RuntimeConfig = {
  entrypoint: [],
  cmd: [],
  env: ['PATH=/usr/local/bin:/usr/bin'],
  workingDir: '/srv',
};

/** An image as a map from absolute path to content; anything else does not exist. */
function files(map: Record<string, Machine | string>) {
  return async (file: string): Promise<Resolved> => {
    const content = map[file];
    if (content === undefined) return { kind: 'missing', path: file, why: 'does not exist' };
    const head =
      content in { amd64: 1, arm64: 1, '386': 1, arm: 1, ppc64le: 1, s390x: 1, riscv64: 1 }
        ? elf(content as Machine)
        : Buffer.from(content);
    return { kind: 'file', path: file, head: head.subarray(0, 256) };
  };
}

/** [path, what it is] of each file loaded, or the reason the check stopped. */
async function inspect(command: string[], map: Record<string, Machine | string>) {
  const program = programOf({ command }, config);
  if (program.kind === 'none') throw new Error(program.reason);
  const fact = await inspectProgram(program, config, files(map));
  return fact.kind === 'incomplete'
    ? fact.reason
    : fact.files.map((f) => [
        f.path,
        f.executable.kind === 'elf' ? f.executable.architecture : f.executable.kind,
      ]);
}

test.each<[string, string[], Record<string, Machine | string>, unknown]>([
  ['a binary on PATH', ['app'], { '/usr/bin/app': 'arm64' }, [['/usr/bin/app', 'arm64']]],
  [
    'the first PATH entry wins',
    ['app'],
    { '/usr/local/bin/app': 'amd64', '/usr/bin/app': 'arm64' },
    [['/usr/local/bin/app', 'amd64']],
  ],
  [
    'a script and its interpreter',
    ['/run.sh'],
    { '/run.sh': '#!/bin/sh -e\n', '/bin/sh': 'amd64' },
    [
      ['/run.sh', 'script'],
      ['/bin/sh', 'amd64'],
    ],
  ],
  [
    'env and the program it runs',
    ['/run.py'],
    { '/run.py': '#!/usr/bin/env python3\n', '/usr/bin/env': 'arm64', '/usr/bin/python3': 'amd64' },
    [
      ['/run.py', 'script'],
      ['/usr/bin/env', 'arm64'],
      ['/usr/bin/python3', 'amd64'],
    ],
  ],
  [
    'a relative interpreter starts at WorkingDir',
    ['/x'],
    { '/x': '#!bin/tool\n', '/srv/bin/tool': 'riscv64' },
    [
      ['/x', 'script'],
      ['/srv/bin/tool', 'riscv64'],
    ],
  ],
  ['a text file', ['/notes.txt'], { '/notes.txt': 'hello' }, [['/notes.txt', 'unknown']]],
  [
    'a missing program',
    ['app'],
    {},
    'the program is not in the image: /usr/local/bin/app does not exist; /usr/bin/app does not exist',
  ],
  [
    'a missing interpreter',
    ['/run.sh'],
    { '/run.sh': '#!/bin/zsh\n' },
    'the program is not in the image: /bin/zsh does not exist',
  ],
  [
    'interpreters nested past what Linux runs',
    ['/a'],
    { '/a': '#!/b\n', '/b': '#!/c\n', '/c': '#!/d\n', '/d': '#!/e\n', '/e': '#!/f\n', '/f': 'amd64' },
    '/a nests interpreters deeper than Linux runs them',
  ],
])('%s', async (_name, command, map, expected) => {
  expect(await inspect(command, map)).toEqual(expected);
});

test('paths from an image cannot carry control characters into a message', () => {
  expect(printable('/bin/\u001b[2Jx\nsh')).toBe('/bin/?[2Jx?sh');
});
