import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readKustomization } from '../../src/sources/kustomize/kustomization.js';
import { PatchImages } from '../../src/sources/kustomize/patch-images.js';
import { SourceFiles } from '../../src/sources/kustomize/source-files.js';

/** Files a kustomization names come from the tree: the trusted-side size cap applies to them as to loose files. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'archcheck-kustomize-cap-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const IMAGE = 'reg.io/app:2';
const KUSTOMIZATION =
  'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [app.yaml]\n' +
  'patches:\n  - path: patch.json\n    target: {kind: Deployment, name: app}\n';
const PATCH = `[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": "${IMAGE}"}]\n`;
const APP = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\n';
const name = (abs: string) => path.basename(abs);

test.each([
  ['under the cap: read', 1024, true],
  ['over the cap: not read', 64, false],
])('kustomization, patch and resource files %s', async (_, cap, read) => {
  const file = path.join(dir, 'kustomization.yaml');
  await Promise.all([
    writeFile(file, KUSTOMIZATION),
    writeFile(path.join(dir, 'patch.json'), PATCH),
    writeFile(path.join(dir, 'app.yaml'), APP.padEnd(100, '#')),
  ]);
  const kustomization = await readKustomization(file, 'kustomization.yaml', cap);
  expect(kustomization.ok).toBe(read);
  if (!kustomization.ok) {
    expect(kustomization.message).toMatch(/^kustomization\.yaml: file is \d+ bytes, over the 64-byte limit/);
    return;
  }
  const workload = { kind: 'Deployment', names: ['app'] };
  const patched = await new PatchImages(name, cap).locate(IMAGE, workload, [kustomization.value]);
  expect(patched?.file).toBe('patch.json');
  expect(await new SourceFiles(name, cap).get(path.join(dir, 'app.yaml'))).toBeDefined();
  const small = 64;
  expect(await new PatchImages(name, small).locate(IMAGE, workload, [kustomization.value])).toBeUndefined();
  expect(await new SourceFiles(name, small).get(path.join(dir, 'app.yaml'))).toBeUndefined();
});
