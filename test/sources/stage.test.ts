import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { RecordingLogger } from '../../src/logger.js';
import { readSources } from '../../src/sources/stage.js';
import type { SourceUnit } from '../../src/sources/unit.js';

let dir: string;
const pod = (name: string, image: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n    - {name: c, image: ${image}}\n`;
// Named so that discovery order (sorted) differs from the order a pool of readers may finish in.
const FILES: Record<string, string> = {
  'a-service.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: svc}\n',
  'b-pod.yaml': pod('b', 'example.com/b:1'),
  'c-broken.yaml': 'kind: [unclosed\n',
  'd-too-big.yaml': pod('d', 'example.com/d:1') + `# ${'x'.repeat(400)}\n`,
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-sources-'));
  for (const [name, text] of Object.entries(FILES)) await writeFile(path.join(dir, name), text);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test('every loose file is heard as soon as it is read, and returned in discovery order with its problems', async () => {
  const heard: SourceUnit[] = [];
  const logger = new RecordingLogger();
  const read = await readSources({
    discover: { cwd: dir, paths: ['.'], include: [], exclude: [], globBase: dir },
    helm: [],
    kustomize: { enabled: false, roots: [], loadRestrictor: 'rootOnly', command: 'auto' },
    maxFileSize: 300,
    env: {},
    logger,
    onUnits: (units) => heard.push(...units),
  });
  const names = Object.keys(FILES);
  expect(read.units.map((u) => u.source.file)).toEqual(names);
  expect(read.loose).toEqual(read.units);
  expect(new Set(heard)).toEqual(new Set(read.units));
  expect(read.units.map((u) => u.workloads.map((w) => w.containers[0]?.image))).toEqual([
    [],
    ['example.com/b:1'],
    [],
    [],
  ]);
  expect(read.units.map((u) => u.file.problems.length)).toEqual([0, 0, 1, 1]);
  expect(logger.lines.filter((l) => l.level === 'group').map((l) => l.message)).toEqual([
    'Discover manifests',
    'Render Helm charts and kustomizations',
    'Parse manifests',
  ]);
});
