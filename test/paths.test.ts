import path from 'node:path';
import { expect, test } from 'vitest';
import { posixRelative } from '../src/paths.js';

const root = path.resolve('/work', 'repo');

test.each([
  ['a file below', path.join(root, 'x', 'y.yaml'), 'x/y.yaml'],
  ['a file beside', path.resolve(root, '..', 'a.yaml'), '../a.yaml'],
  ['the directory itself', root, ''],
])('%s is written with / whatever the OS separator', (_name, to, expected) => {
  expect(posixRelative(root, to)).toBe(expected);
});
