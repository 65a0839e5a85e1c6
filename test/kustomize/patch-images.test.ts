import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readKustomization } from '../../src/sources/kustomize/kustomization.js';
import { PatchImages } from '../../src/sources/kustomize/patch-images.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'archcheck-patch-images-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HEAD = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [app.yaml]\n';
const IMAGE = 'reg.io/app:2';
const REPLACE = `[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": "${IMAGE}"}]`;

// l1 lists l0 ten times, l2 lists l1 ten times...: 10^9 paths to the leaves of l9.
const ALIAS_LEVELS = Array.from(
  { length: 9 },
  (_, i) => `      l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]\n`,
).join('');

/** Where `PatchImages` puts IMAGE for Deployment `app`, given the kustomization's patches (from line 4 on). */
async function locate(patches: string, workload = { kind: 'Deployment', names: ['prod-app', 'app'] }) {
  const file = path.join(dir, 'kustomization.yaml');
  await writeFile(file, HEAD + patches);
  const read = await readKustomization(file, 'k.yaml');
  if (!read.ok) throw new Error(read.message);
  const at = new PatchImages((abs) => path.basename(abs)).locate(IMAGE, workload, [read.value]);
  return at && `${at.file}:${at.line}:${at.column}`;
}

describe('the line where a patch in a kustomization sets an image', () => {
  test.each([
    [
      'a literal block: the value line, shifted by the block indentation',
      `patches:\n  - target: {kind: Deployment, name: app}\n    patch: |\n      - op: replace\n        path: /spec/template/spec/containers/0/image\n        value: ${IMAGE}\n`,
      'k.yaml:9:16',
    ],
    [
      'one-line JSON in single quotes: the column inside the quotes',
      `patches:\n  - target: {kind: Deployment}\n    patch: '${REPLACE}'\n`,
      `k.yaml:6:${"    patch: '".length + REPLACE.indexOf(`"${IMAGE}"`) + 1}`,
    ],
    [
      'escaped double-quoted JSON: positions inside cannot be mapped, so the patch value itself',
      `patches:\n  - target: {kind: Deployment}\n    patch: ${JSON.stringify(REPLACE)}\n`,
      'k.yaml:6:12',
    ],
    [
      'a strategic-merge patch without target merges into the object it names',
      `patches:\n  - patch: |-\n      kind: Deployment\n      metadata: {name: app}\n      spec: {template: {spec: {containers: [{name: app, image: ${IMAGE}}]}}}\n`,
      `k.yaml:8:${'      spec: {template: {spec: {containers: [{name: app, image: '.length + 1}`,
    ],
    [
      'the last patch to set the image wins',
      `patches:\n  - target: {kind: Deployment}\n    patch: '${REPLACE}'\n  - target: {kind: Deployment}\n    patch: '${REPLACE}'\n`,
      `k.yaml:8:${"    patch: '".length + REPLACE.indexOf(`"${IMAGE}"`) + 1}`,
    ],
    [
      'legacy patchesJson6902 runs after patches, whatever the order written',
      `patchesJson6902:\n  - target: {kind: Deployment, name: app}\n    patch: '${REPLACE}'\npatches:\n  - target: {kind: Deployment}\n    patch: '${REPLACE}'\n`,
      `k.yaml:6:${"    patch: '".length + REPLACE.indexOf(`"${IMAGE}"`) + 1}`,
    ],
    [
      'a name written as a pattern is not evaluated: taken to match',
      `patches:\n  - target: {kind: Deployment, name: "(a+)+$"}\n    patch: '${REPLACE}'\n`,
      `k.yaml:6:${"    patch: '".length + REPLACE.indexOf(`"${IMAGE}"`) + 1}`,
    ],
    [
      'a target of another kind',
      `patches:\n  - target: {kind: StatefulSet}\n    patch: '${REPLACE}'\n`,
      undefined,
    ],
    [
      'a target of another name',
      `patches:\n  - target: {kind: Deployment, name: db}\n    patch: '${REPLACE}'\n`,
      undefined,
    ],
    [
      'a strategic-merge patch naming another object',
      `patchesStrategicMerge:\n  - |-\n    kind: Deployment\n    metadata: {name: db}\n    spec: {template: {spec: {containers: [{name: db, image: ${IMAGE}}]}}}\n`,
      undefined,
    ],
    [
      'aliases nesting a billion paths: each node is searched once',
      `patches:\n  - patch: |-\n      kind: Deployment\n      metadata: {name: app}\n      l0: &l0 [${Array(10).fill('x').join(', ')}]\n${ALIAS_LEVELS}`,
      undefined,
    ],
    [
      'a test op only compares',
      `patches:\n  - target: {kind: Deployment}\n    patch: '[{"op": "test", "path": "/spec/template/spec/containers/0/image", "value": "${IMAGE}"}]'\n`,
      undefined,
    ],
  ])('%s', async (_name, patches, expected) => {
    expect(await locate(patches)).toBe(expected);
  });

  test('a patch file (named by two entries): positions are in that file', async () => {
    await writeFile(path.join(dir, 'image.json'), `${REPLACE}\n`);
    const entry = '  - path: image.json\n    target: {kind: Deployment, name: app}\n';
    expect(await locate(`patches:\n${entry}${entry}`)).toBe(
      `image.json:1:${REPLACE.indexOf(`"${IMAGE}"`) + 1}`,
    );
  });
});
