import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCliInProcess } from '../support/cli-in-process.js';
import { tree } from './scan.js';

// An invalid reference is an error found without any registry: the CLI runs offline.
const manifest = (comment: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: Not/Valid:Image ${comment}
`;

const startDir = process.cwd();
let dir = '';
beforeAll(async () => {
  dir = await tree({
    'plain/pod.yaml': manifest(''),
    'silenced/pod.yaml': manifest('# archcheck:ignore invalid-image-reference -- generated later'),
  });
  process.chdir(dir);
});
afterAll(() => process.chdir(startDir));

const cli = (args: string[]) => runCliInProcess([...args, '--arch', 'amd64', '--quiet']);

test.each([
  ['a finding', ['plain'], 1],
  ['a suppressed finding', ['silenced'], 0],
  ['a suppressed finding, --no-ignore', ['silenced', '--no-ignore'], 1],
])('%s: exit %i', async (_name, args, code) => {
  const result = await cli(args as string[]);
  expect(result.code).toBe(code);
});

test('--baseline: a finding the earlier report had exits 0; text says it was not counted', async () => {
  expect((await cli(['plain', '--format', 'json', '--output', 'base.json'])).code).toBe(1);
  const result = await cli(['plain', '--baseline', 'base.json']);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('not counted: 1 already in the baseline');
});

test('--baseline with a missing file is a usage error', async () => {
  const result = await cli(['plain', '--baseline', 'missing.json']);
  expect([result.code, result.stderr]).toEqual([
    2,
    expect.stringContaining('--baseline missing.json: cannot read a JSON report'),
  ]);
});
