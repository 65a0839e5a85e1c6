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

const workload = { kind: 'Deployment', names: ['app'] };

test.each([
  // [case, cap, kustomization read, patch read, resource read]
  ['every file under the cap: all read', 1024, true, true, true],
  ['patch and resource over the cap: left unread', 300, true, false, false],
  ['the kustomization over the cap: a problem saying so', 64, false, false, false],
])('%s', async (_, cap, kustomizationRead, patchRead, resourceRead) => {
  const file = path.join(dir, 'kustomization.yaml');
  await Promise.all([
    writeFile(file, KUSTOMIZATION),
    writeFile(path.join(dir, 'patch.json'), PATCH.padEnd(400, ' ')),
    writeFile(path.join(dir, 'app.yaml'), APP.padEnd(400, '#')),
  ]);
  const kustomization = await readKustomization(file, 'kustomization.yaml', cap);
  expect(kustomization.ok).toBe(kustomizationRead);
  if (!kustomization.ok) {
    expect(kustomization.message).toMatch(/^kustomization\.yaml: file is \d+ bytes, over the 64-byte limit/);
    return;
  }
  // A patch that could not be read might rename objects: the root is then built with origins.
  expect(kustomization.value.renames).toBe(!patchRead);
  const patched = new PatchImages(name).locate(IMAGE, workload, [kustomization.value]);
  expect(patched?.file).toBe(patchRead ? 'patch.json' : undefined);
  expect((await new SourceFiles(name, cap).get(path.join(dir, 'app.yaml'))) !== undefined).toBe(resourceRead);
});
