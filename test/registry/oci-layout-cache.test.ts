import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImageRef } from '../../src/images/reference.js';
import type { Descriptor } from '../../src/registry/manifest.js';
import { OciLayoutSource } from '../../src/registry/oci-layout.js';
import { LayoutBuilder, blobPath } from './layout-builder.js';

let root: string;
let index: Descriptor;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'archcheck-oci-cache-'));
  const b = new LayoutBuilder();
  index = b.index([b.image('linux/amd64'), b.image('linux/arm64')], 'docker');
  b.tag('1', index).tag('2', index);
  await b.write(path.join(root, 'cache'));
  await b.write(path.join(root, 'abort'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const ref = (repository: string, tag: string): ImageRef => ({ registry: 'registry.test', repository, tag });

describe('OciLayoutSource reads each file once and shares work', () => {
  test('concurrent resolves of one reference share one promise', () => {
    const source = new OciLayoutSource(root);
    expect(source.resolve(ref('cache', '1'))).toBe(source.resolve(ref('cache', '1')));
  });

  test('files are cached per instance: deleting them after a resolve changes nothing for that instance', async () => {
    const source = new OciLayoutSource(root);
    const first = await source.resolve(ref('cache', '1'));
    expect(first).toMatchObject({ kind: 'index', digest: index.digest });
    await unlink(blobPath(path.join(root, 'cache'), index));
    await unlink(path.join(root, 'cache', 'index.json'));
    // Tag 2 is a different reference, so only the cached index.json and blob can answer it.
    expect(await source.resolve(ref('cache', '2'))).toEqual(first);
    expect(await new OciLayoutSource(root).resolve(ref('cache', '2'))).toMatchObject({
      cause: 'not-found',
    });
  });

  test.each([
    ['before the call', true],
    ['while the files are read', false],
  ])('a caller aborted %s is cancelled; others still get the result', async (_when, early) => {
    const source = new OciLayoutSource(root);
    const controller = new AbortController();
    if (early) controller.abort(new Error('deadline'));
    const aborted = source.resolve(ref('abort', '1'), controller.signal);
    const other = source.resolve(ref('abort', '1'), new AbortController().signal);
    if (!early) controller.abort(new Error('deadline'));
    expect(await aborted).toEqual({
      kind: 'error',
      cause: 'cancelled',
      reason: 'resolution aborted: deadline',
    });
    expect(await other).toMatchObject({ kind: 'index', digest: index.digest });
  });
});
