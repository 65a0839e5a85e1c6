import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImageRef } from '../../src/images/reference.js';
import { formatPlatform } from '../../src/platforms/normalize.js';
import type { Descriptor } from '../../src/registry/manifest.js';
import { OciLayoutSource } from '../../src/registry/oci-layout.js';
import type { Resolution, ResolutionCause } from '../../src/registry/source.js';
import { LayoutBuilder, blobPath } from './layout-builder.js';

type Expected =
  | { kind: 'index'; digest: string; platforms: string[] }
  | { kind: 'single'; digest: string; platform: string }
  | { kind: 'error'; cause: ResolutionCause; mentions: string[] };

interface Built {
  ref: { tag?: string; digest?: string };
  expected: Expected;
  /** Blobs to overwrite with other bytes, or to delete, after the layout is written. */
  corrupt?: Descriptor[];
  remove?: Descriptor[];
}

/** Comparable view of a resolution: platforms in their one printed form. */
function view(r: Resolution): unknown {
  switch (r.kind) {
    case 'index':
      return { kind: r.kind, digest: r.digest, platforms: r.platforms.map(formatPlatform) };
    case 'single':
      return { kind: r.kind, digest: r.digest, platform: formatPlatform(r.platform) };
    case 'error':
      return { kind: r.kind, cause: r.cause };
  }
}

const idx = (d: Descriptor, ...platforms: string[]): Expected => ({
  kind: 'index',
  digest: d.digest,
  platforms,
});
const one = (d: Descriptor, platform: string): Expected => ({ kind: 'single', digest: d.digest, platform });
const err = (cause: ResolutionCause, ...mentions: string[]): Expected => ({
  kind: 'error',
  cause,
  mentions,
});
const configOf = (b: LayoutBuilder, m: Descriptor) =>
  (JSON.parse(new TextDecoder().decode(b.blobs.get(m.digest))) as { config: Descriptor }).config;

/** Each scenario writes one layout and says which reference to resolve and what must come back. */
// prettier-ignore
const scenarios: Array<[string, (b: LayoutBuilder) => Built]> = [
  ['multi-arch OCI index with buildkit attestation children', (b) => {
    const [amd, arm, arm64] = [b.image('linux/amd64'), b.image('linux/arm/v7'), b.image('linux/arm64/v8')];
    const att = [b.attestation(amd), b.attestation(arm, 'annotation'), b.attestation(arm64, 'platform')];
    const index = b.index([amd, att[0]!, arm, att[1]!, arm64, att[2]!]);
    b.tag('1.0', index);
    return { ref: { tag: '1.0' }, expected: idx(index, 'linux/amd64', 'linux/arm/v7', 'linux/arm64') };
  }],
  ['Docker manifest list v2 of schema2 manifests', (b) => {
    const list = b.index([b.image('linux/amd64', 'docker'), b.image('linux/arm64', 'docker')], 'docker');
    b.tag('2.0', list);
    return { ref: { tag: '2.0' }, expected: idx(list, 'linux/amd64', 'linux/arm64') };
  }],
  ['single OCI manifest: platform from its config', (b) => {
    const m = b.image('linux/arm64', 'oci', false);
    b.tag('3.0', m);
    return { ref: { tag: '3.0' }, expected: one(m, 'linux/arm64') };
  }],
  ['single Docker schema2 manifest: platform from its config', (b) => {
    const m = b.image('linux/ppc64le', 'docker', false);
    b.tag('4.0', m);
    return { ref: { tag: '4.0' }, expected: one(m, 'linux/ppc64le') };
  }],
  ['Docker schema1 manifest: platform from its own fields', (b) => {
    const m = b.schema1('s390x', 'linux');
    b.tag('old', m);
    return { ref: { tag: 'old' }, expected: one(m, 'linux/s390x') };
  }],
  ['no tag means latest', (b) => {
    const m = b.image('linux/amd64', 'oci', false);
    b.tag('latest', m);
    return { ref: {}, expected: one(m, 'linux/amd64') };
  }],
  ['digest of a child manifest is a valid reference (and wins over the tag)', (b) => {
    const arm = b.image('linux/arm/v6');
    b.tag('1.0', b.index([b.image('linux/amd64'), arm]));
    return { ref: { tag: '1.0', digest: arm.digest }, expected: one(arm, 'linux/arm/v6') };
  }],
  ['digest of a tagged entry', (b) => {
    const index = b.index([b.image('linux/amd64'), b.image('linux/386')]);
    b.tag('1.0', index);
    return { ref: { digest: index.digest }, expected: idx(index, 'linux/386', 'linux/amd64') };
  }],
  ['nested index is followed', (b) => {
    const outer = b.index([b.image('linux/amd64'), b.index([b.image('linux/arm64'), b.image('linux/riscv64')])]);
    b.tag('nested', outer);
    return { ref: { tag: 'nested' }, expected: idx(outer, 'linux/amd64', 'linux/arm64', 'linux/riscv64') };
  }],
  ['index children without platform are read from their configs', (b) => {
    const index = b.index([b.image('linux/amd64', 'docker', false), b.image('windows/amd64', 'oci', false), b.artifact()]);
    b.tag('bare', index);
    return { ref: { tag: 'bare' }, expected: idx(index, 'linux/amd64', 'windows/amd64') };
  }],
  ['a missing platformless child is skipped when others resolve', (b) => {
    const gone = b.image('linux/s390x', 'oci', false);
    const index = b.index([b.image('linux/amd64'), gone]);
    b.tag('partial', index);
    return { ref: { tag: 'partial' }, remove: [gone], expected: idx(index, 'linux/amd64') };
  }],
  ['indexes nested too deep are not followed', (b) => {
    let d = b.image('linux/amd64');
    for (let i = 0; i < 6; i++) d = b.index([d]);
    b.tag('deep', d);
    return { ref: { tag: 'deep' }, expected: err('not-an-image', 'nested deeper than 4') };
  }],
  ['index of attestations only', (b) => {
    const index = b.index([b.attestation(b.image('linux/amd64'))]);
    b.tag('att', index);
    return { ref: { tag: 'att' }, expected: err('not-an-image', index.digest, 'no container image platform') };
  }],
  ['tag missing', (b) => {
    b.tag('1.0', b.image('linux/amd64', 'oci', false));
    return { ref: { tag: '9.9' }, expected: err('not-found', '"9.9"', '{dir}/index.json', 'tags: 1.0') };
  }],
  ['tagged manifest blob corrupted', (b) => {
    const m = b.image('linux/amd64', 'oci', false);
    b.tag('1.0', m);
    return { ref: { tag: '1.0' }, corrupt: [m], expected: err('integrity', m.digest, '{dir}/blobs/sha256/') };
  }],
  ['config blob corrupted', (b) => {
    const m = b.image('linux/amd64', 'oci', false);
    b.tag('1.0', m);
    const config = configOf(b, m);
    return { ref: { tag: '1.0' }, corrupt: [config], expected: err('integrity', config.digest) };
  }],
  ['nested index blob corrupted fails the whole image', (b) => {
    const inner = b.index([b.image('linux/arm64')]);
    b.tag('1.0', b.index([b.image('linux/amd64'), inner]));
    return { ref: { tag: '1.0' }, corrupt: [inner], expected: err('integrity', inner.digest) };
  }],
  ['tagged blob missing', (b) => {
    const m = b.image('linux/amd64', 'oci', false);
    b.tag('1.0', m);
    return { ref: { tag: '1.0' }, remove: [m], expected: err('not-found', `{dir}/blobs/sha256/${m.digest.slice(7)}`) };
  }],
  ['config blob missing', (b) => {
    const m = b.image('linux/amd64', 'oci', false);
    b.tag('1.0', m);
    const config = configOf(b, m);
    return { ref: { tag: '1.0' }, remove: [config], expected: err('not-found', 'image config', config.digest) };
  }],
  ['unknown digest', (b) => {
    b.tag('1.0', b.image('linux/amd64', 'oci', false));
    const missing = `sha256:${'e'.repeat(64)}`;
    return { ref: { digest: missing }, expected: err('not-found', `{dir}/blobs/sha256/${'e'.repeat(64)}`) };
  }],
  ['malformed digest reference never becomes a path', (b) => {
    b.tag('1.0', b.image('linux/amd64', 'oci', false));
    return { ref: { digest: 'sha256:../../../index.json' }, expected: err('invalid', 'malformed') };
  }],
  ['artifact (Helm chart config) is not a container image', (b) => {
    b.tag('chart', b.artifact());
    return { ref: { tag: 'chart' }, expected: err('not-an-image', 'not a container image', 'helm.config') };
  }],
  ['attestation manifest tagged directly is not a container image', (b) => {
    b.tag('att', b.attestation(b.image('linux/amd64')));
    return { ref: { tag: 'att' }, expected: err('not-an-image', 'unknown/unknown') };
  }],
];

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'archcheck-oci-layout-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const refOf = (repository: string, r: Built['ref']): ImageRef => ({
  registry: 'registry.test',
  repository,
  ...r,
});

describe('OciLayoutSource over synthetic layouts', () => {
  test.each(scenarios)('%s', async (name, build) => {
    const repo = `scenarios/${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
    const dir = path.join(root, repo);
    const b = new LayoutBuilder();
    const built = build(b);
    await b.write(dir);
    for (const d of built.corrupt ?? []) await writeFile(blobPath(dir, d), 'tampered');
    for (const d of built.remove ?? []) await unlink(blobPath(dir, d));

    const result = await new OciLayoutSource(root).resolve(refOf(repo, built.ref));
    const { expected } = built;
    if (expected.kind !== 'error') {
      expect(view(result)).toEqual(expected);
      return;
    }
    expect(view(result)).toEqual({ kind: 'error', cause: expected.cause });
    // The layout is outside the working directory: messages name it by the mirror, never by the runner's path.
    for (const m of expected.mentions)
      expect(result.kind === 'error' && result.reason).toContain(m.replace('{dir}', `<oci mirror>/${repo}`));
    expect(result.kind === 'error' && result.reason).not.toContain(root);
  });

  test.each([
    ['a missing layout', 'no/such/repo', 'index.json does not exist', 'not-found'],
    ['a repository that climbs out of the root', 'a/../../etc', 'cannot name a layout directory', 'invalid'],
  ] as const)('%s', async (_name, repository, mention, cause) => {
    const result = await new OciLayoutSource(root).resolve(refOf(repository, { tag: '1' }));
    expect(result).toMatchObject({ kind: 'error', cause });
    expect(result.kind === 'error' && result.reason).toContain(mention);
  });

  test('index.json that is not an index is invalid', async () => {
    const dir = path.join(root, 'broken-index');
    await new LayoutBuilder().write(dir);
    await writeFile(path.join(dir, 'index.json'), '{"schemaVersion": 2, "manifests": "nope"}');
    const result = await new OciLayoutSource(root).resolve(refOf('broken-index', { tag: '1' }));
    expect(result).toMatchObject({ kind: 'error', cause: 'invalid' });
    expect(result.kind === 'error' && result.reason).toContain('<oci mirror>/broken-index/index.json');
  });

  test.each([
    ['the mirror inside the working directory: relative to it', 'mirror', 'mirror/no/such/repo/index.json'],
    ['the mirror is the working directory', '.', './no/such/repo/index.json'],
    ['the mirror outside it: named as the mirror', '../elsewhere', '<oci mirror>/no/such/repo/index.json'],
  ])('messages name files %s', async (_name, mirror, shown) => {
    const base = path.join(root, 'workspace');
    const result = await new OciLayoutSource(path.join(base, mirror), base).resolve(
      refOf('no/such/repo', { tag: '1' }),
    );
    expect(result.kind === 'error' && result.reason).toBe(`no OCI image layout: ${shown} does not exist`);
  });
});
