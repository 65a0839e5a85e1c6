import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runArchcheck } from '../../src/engine/run.js';
import { RecordingLogger } from '../../src/logger.js';
import { imageTable } from './fake-source.js';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx}]\n';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-size-'));
  await writeFile(path.join(dir, 'small.yaml'), POD);
  await writeFile(path.join(dir, 'big.yaml'), `${POD}---\n`.repeat(20));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test.each([
  ['no cap given: the 16 MiB default reads both', undefined, []],
  ['a cap between the two sizes', POD.length * 2, ['big.yaml:1:1 yaml-parse-error']],
])('%s', async (_name, maxFileSize, expected) => {
  const report = await runArchcheck(
    { cwd: dir, paths: ['.'], architectures: ['amd64'], ...(maxFileSize ? { maxFileSize } : {}) },
    { logger: new RecordingLogger(), imageSource: imageTable() },
  );
  const parseErrors = report.findings.filter((f) => f.rule === 'yaml-parse-error');
  expect(
    parseErrors.map((f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.rule}`),
  ).toEqual(expected);
  if (maxFileSize) expect(parseErrors[0]?.message).toMatch(/over the \d+-byte limit/);
});
