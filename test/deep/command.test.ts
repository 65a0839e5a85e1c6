import { describe, expect, test } from 'vitest';
import {
  type CommandOverride,
  type RuntimeConfig,
  argvOf,
  candidatesFor,
  parseRuntimeConfig,
  programOf,
} from '../../src/deep/command.js';

const config = (over: Partial<RuntimeConfig> = {}): RuntimeConfig => ({
  entrypoint: [],
  cmd: [],
  env: [],
  workingDir: '',
  ...over,
});

describe('the argv Kubernetes starts (command replaces Entrypoint and drops Cmd, args replace Cmd)', () => {
  const image = config({ entrypoint: ['/entry', '-x'], cmd: ['serve'] });
  test.each<[string, CommandOverride, RuntimeConfig, string[], string]>([
    ['neither', {}, image, ['/entry', '-x', 'serve'], 'Entrypoint'],
    ['args only', { args: ['run'] }, image, ['/entry', '-x', 'run'], 'Entrypoint'],
    ['command only', { command: ['/bin/app'] }, image, ['/bin/app'], 'command'],
    ['command and args', { command: ['/bin/app'], args: ['a'] }, image, ['/bin/app', 'a'], 'command'],
    ['empty lists count as unset', { command: [], args: [] }, image, ['/entry', '-x', 'serve'], 'Entrypoint'],
    ['Cmd only', {}, config({ cmd: ['nginx', '-g'] }), ['nginx', '-g'], 'Cmd'],
    ['args without an Entrypoint', { args: ['sh'] }, config({ cmd: ['bash'] }), ['sh'], 'Cmd'],
  ])('%s', (_name, override, cfg, argv, source) => {
    expect(argvOf(override, cfg)).toEqual({ argv, source });
  });
});

describe('where the runtime looks for the program', () => {
  test.each<[string, RuntimeConfig, string[]]>([
    ['/usr/bin/app', config(), ['/usr/bin/app']],
    ['./run.sh', config({ workingDir: '/srv/app' }), ['/srv/app/run.sh']],
    ['bin/app', config(), ['/bin/app']],
    ['app', config({ env: ['PATH=/opt/bin:/usr/bin'] }), ['/opt/bin/app', '/usr/bin/app']],
    ['app', config({ env: ['PATH=/a', 'HOME=/root', 'PATH=/b'] }), ['/b/app']],
    ['app', config({ env: ['PATH=bin::/x'], workingDir: '/w' }), ['/w/bin/app', '/w/app', '/x/app']],
    [
      'sh',
      config(),
      ['/usr/local/sbin/sh', '/usr/local/bin/sh', '/usr/sbin/sh', '/usr/bin/sh', '/sbin/sh', '/bin/sh'],
    ],
  ])('%s', (program, cfg, candidates) => {
    expect(candidatesFor(program, cfg)).toEqual(candidates);
  });
});

describe('the program, or why there is none', () => {
  test.each<[string, CommandOverride, RuntimeConfig, ReturnType<typeof programOf>]>([
    [
      'nothing to run',
      {},
      config(),
      { kind: 'none', reason: 'neither the pod nor the image config names a program to run' },
    ],
    [
      'an env expansion',
      { command: ['$(TOOL)'] },
      config(),
      {
        kind: 'none',
        reason: 'the command "$(TOOL)" is expanded from environment variables when the pod starts',
      },
    ],
    [
      'a path',
      { command: ['/app/bin/server', '--port'] },
      config(),
      { kind: 'program', written: '/app/bin/server', source: 'command', candidates: ['/app/bin/server'] },
    ],
  ])('%s', (_name, override, cfg, expected) => {
    expect(programOf(override, cfg)).toEqual(expected);
  });
});

test.each([
  [
    'a full config',
    { config: { Entrypoint: ['/e'], Cmd: ['c'], Env: ['A=1'], WorkingDir: '/w' } },
    config({ entrypoint: ['/e'], cmd: ['c'], env: ['A=1'], workingDir: '/w' }),
  ],
  ['no runtime config', { architecture: 'amd64' }, config()],
  ['wrong types', { config: { Entrypoint: '/e', Cmd: [1, 'x'], WorkingDir: 3 } }, config({ cmd: ['x'] })],
])('runtime config: %s', (_name, doc, expected) => {
  expect(parseRuntimeConfig(Buffer.from(JSON.stringify(doc)))).toEqual(expected);
});
