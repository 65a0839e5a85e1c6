import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatPlatform } from '../../src/platforms/normalize.js';
import { MANIFEST_ACCEPT, MEDIA_TYPES as MT, parseManifest } from '../../src/registry/manifest.js';
import { corpusPath } from '../support/corpus.js';
import { describeCorpus } from '../support/describe-corpus.js';

const CI = corpusPath('registry/containers__image');
const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

/** Every JSON file under containers__image, with the kind and media type parseManifest must give it. */
const CONTAINERS_IMAGE: Record<string, [kind: string, mediaTypeOrReason: string, children?: number]> = {
  'internal/image/fixtures/oci1-artifact.json': ['manifest', MT.ociManifest],
  'internal/image/fixtures/oci1-config.json': ['invalid', 'an image config, not a manifest'],
  'internal/image/fixtures/oci1.json': ['manifest', MT.ociManifest],
  'internal/image/fixtures/schema1.json': ['schema1', MT.dockerSchema1Signed],
  'internal/image/fixtures/schema2-config.json': ['invalid', 'an image config, not a manifest'],
  'internal/image/fixtures/schema2.json': ['manifest', MT.dockerManifest],
  'internal/manifest/testdata/non-json.manifest.json': ['invalid', 'not JSON'],
  'internal/manifest/testdata/oci1.index.everything.json': ['index', MT.ociIndex, 1],
  'internal/manifest/testdata/oci1.index.zstd-selection.json': ['index', MT.ociIndex, 6],
  'internal/manifest/testdata/oci1.index.zstd-selection2.json': ['index', MT.ociIndex, 10],
  'internal/manifest/testdata/oci1index.json': ['index', MT.ociIndex, 3],
  'internal/manifest/testdata/ocilist-variants.json': ['index', MT.ociIndex, 6],
  'internal/manifest/testdata/ociv1.artifact.json': ['manifest', MT.ociManifest],
  'internal/manifest/testdata/ociv1.image.index.json': ['index', MT.ociIndex, 2],
  'internal/manifest/testdata/ociv1.manifest.json': ['manifest', MT.ociManifest],
  'internal/manifest/testdata/ociv1nomime.artifact.json': ['manifest', MT.ociManifest],
  'internal/manifest/testdata/ociv1nomime.image.index.json': ['index', MT.ociIndex, 2],
  'internal/manifest/testdata/ociv1nomime.manifest.json': ['manifest', MT.ociManifest],
  'internal/manifest/testdata/schema2list-variants.json': ['index', MT.dockerList, 4],
  'internal/manifest/testdata/schema2list.json': ['index', MT.dockerList, 7],
  'internal/manifest/testdata/unknown-version.manifest.json': ['invalid', 'unsupported schemaVersion 99999'],
  'internal/manifest/testdata/v2list.everything.json': ['index', MT.dockerList, 1],
  'internal/manifest/testdata/v2list.manifest.json': ['index', MT.dockerList, 5],
  'internal/manifest/testdata/v2s1-invalid-signatures.manifest.json': ['schema1', MT.dockerSchema1Signed],
  'internal/manifest/testdata/v2s1-unsigned.manifest.json': ['schema1', MT.dockerSchema1],
  'internal/manifest/testdata/v2s1.manifest.json': ['schema1', MT.dockerSchema1Signed],
  'internal/manifest/testdata/v2s2.manifest.json': ['manifest', MT.dockerManifest],
  'internal/manifest/testdata/v2s2nomime.manifest.json': ['manifest', MT.dockerManifest],
  'oci/layout/fixtures/name_lookups/index.json': ['index', MT.ociIndex, 5],
  'oci/layout/fixtures/two_images_manifest/index.json': ['index', MT.ociIndex, 2],
};

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

describeCorpus('parseManifest over containers/image testdata', () => {
  test('the table covers every JSON file there', () => {
    expect(jsonFiles(CI)).toEqual(Object.keys(CONTAINERS_IMAGE).sort());
  });

  test.each(Object.entries(CONTAINERS_IMAGE))('%s', (file, [kind, detail, children]) => {
    const parsed = parseManifest(readFileSync(path.join(CI, file)));
    expect(parsed.kind).toBe(kind);
    if (parsed.kind === 'invalid') expect(parsed.reason).toContain(detail);
    else expect(parsed.mediaType).toBe(detail);
    if (parsed.kind === 'index') expect(parsed.manifests).toHaveLength(children!);
    if (parsed.kind === 'schema1') expect(formatPlatform(parsed.platform)).toBe('linux/amd64');
  });
});

const nomime = {
  schemaVersion: 2,
  config: { mediaType: MT.ociConfig, digest: `sha256:${'a'.repeat(64)}`, size: 2 },
  layers: [],
};
// prettier-ignore
const EDGE_CASES: Array<[string, unknown, string | undefined, string, string]> = [
  ['content type names a document without a field', nomime, `${MT.dockerManifest}; charset=utf-8`, 'manifest', MT.dockerManifest],
  ['the field wins over the content type', { ...nomime, mediaType: MT.ociManifest }, MT.dockerList, 'manifest', MT.ociManifest],
  ['generic content types are ignored', nomime, 'application/json', 'manifest', MT.ociManifest],
  ['a list content type on a document without manifests', nomime, MT.ociIndex, 'invalid', 'without a manifests array'],
  ['schemaVersion 1 with an OCI media type', { ...nomime, schemaVersion: 1 }, MT.ociManifest, 'invalid', 'expected 2'],
  ['schema1 content type on schemaVersion 2', nomime, MT.dockerSchema1, 'invalid', 'expected 1'],
  ['no schemaVersion', { mediaType: MT.ociIndex, manifests: [] }, undefined, 'invalid', 'schemaVersion undefined'],
  ['the removed OCI artifact manifest type', { schemaVersion: 2, mediaType: 'application/vnd.oci.artifact.manifest.v1+json' }, undefined, 'invalid', 'unsupported media type'],
  ['a descriptor without digest', { schemaVersion: 2, manifests: [{ size: 1 }] }, undefined, 'invalid', 'manifests[0].digest'],
  ['a descriptor with a negative size', { ...nomime, config: { digest: 'sha256:x', size: -1 } }, undefined, 'invalid', 'config.size'],
  ['a JSON array', [nomime], undefined, 'invalid', 'not a JSON object'],
  ['a mediaType that is not a string', { ...nomime, mediaType: 7 }, undefined, 'invalid', 'mediaType is not a string'],
  ['schema1 without architecture', { schemaVersion: 1, fsLayers: [] }, undefined, 'invalid', 'no architecture'],
  ['an image config', { architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers' } }, undefined, 'invalid', 'an image config'],
  ['an empty object', {}, undefined, 'invalid', 'not a manifest'],
];

describe('parseManifest: field, then content type, then shape', () => {
  test.each(EDGE_CASES)('%s', (_name, doc, contentType, kind, detail) => {
    const parsed = parseManifest(enc(doc), contentType);
    expect(parsed.kind).toBe(kind);
    expect(parsed.kind === 'invalid' ? parsed.reason : parsed.mediaType).toContain(detail);
  });

  test('keeps descriptor fields and drops non-string annotations', () => {
    const child = {
      mediaType: MT.ociManifest,
      digest: 'sha256:1',
      size: 3,
      artifactType: 'x/y',
      platform: { os: 'linux', architecture: 'arm', variant: 'v7', 'os.version': '1', features: ['a'] },
      annotations: { a: 'b', n: 1 },
    };
    expect(parseManifest(enc({ schemaVersion: 2, manifests: [child] }))).toEqual({
      kind: 'index',
      mediaType: MT.ociIndex,
      manifests: [
        {
          mediaType: MT.ociManifest,
          digest: 'sha256:1',
          size: 3,
          artifactType: 'x/y',
          platform: { os: 'linux', architecture: 'arm', variant: 'v7', 'os.version': '1' },
          annotations: { a: 'b' },
        },
      ],
    });
  });

  test('Accept lists every manifest kind, indexes first', () => {
    expect(MANIFEST_ACCEPT.slice(0, 2)).toEqual([MT.ociIndex, MT.dockerList]);
    expect(new Set(MANIFEST_ACCEPT)).toEqual(
      new Set([
        MT.ociIndex,
        MT.dockerList,
        MT.ociManifest,
        MT.dockerManifest,
        MT.dockerSchema1,
        MT.dockerSchema1Signed,
      ]),
    );
  });
});
