import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, test } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { actionFormats } from '../../src/reporters/index.js';

// action.yml is the action's public contract: every input it declares is read, every input read is declared.
const actionYml = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

test('runs the bundle on node24', () => {
  expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
});

test('the inputs read are exactly the inputs declared, each documented with a default', () => {
  const read = new Set<string>();
  readInputs((name) => {
    read.add(name);
    return '';
  });
  expect([...read].sort()).toEqual(Object.keys(actionYml.inputs).sort());
  for (const [name, input] of Object.entries(actionYml.inputs)) {
    expect(input.description.length, name).toBeGreaterThan(20);
    expect(typeof input.default, name).toBe('string');
    expect(input.required ?? false, name).toBe(false);
  }
  expect(actionYml.inputs['github-token']!.default).toBe('${{ github.token }}');
});

test("the inputs' defaults are the ones readInputs applies when the runner passes them", () => {
  const defaults = readInputs((name) => (name === 'github-token' ? '' : actionYml.inputs[name]!.default!));
  expect(defaults).toEqual(readInputs(() => ''));
});

test('each format the action writes has its output declared (its input is, by the test above)', () => {
  for (const { output } of actionFormats()) expect(Object.keys(actionYml.outputs)).toContain(output);
});

test('outputs are documented', () => {
  expect(Object.keys(actionYml.outputs).sort()).toEqual([
    'errors',
    'images',
    'junit-file',
    'notices',
    'report',
    'sarif-file',
    'warnings',
    'workloads',
  ]);
  for (const [name, output] of Object.entries(actionYml.outputs))
    expect(output.description.length, name).toBeGreaterThan(10);
});
