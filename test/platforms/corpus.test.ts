import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { nodeRunsAny } from '../../src/platforms/match.js';
import {
  formatPlatform,
  isUnknownPlatform,
  normalizePlatform,
  parsePlatform,
} from '../../src/platforms/normalize.js';
import type { RawPlatform } from '../../src/platforms/normalize.js';
import type { Platform } from '../../src/platforms/platform.js';
import { CORPUS as corpus } from '../support/corpus.js';
import { describeCorpus } from '../support/describe-corpus.js';

// Real registry bytes (see the corpus README, section registry/).
const registry = path.join(corpus, 'registry');

interface IndexDoc {
  manifests: { platform?: RawPlatform }[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/** An OCI index or Docker manifest list, recognised by shape (some have no mediaType field). */
function asIndex(file: string): IndexDoc | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null || !('manifests' in doc) || !Array.isArray(doc.manifests)) {
    return undefined;
  }
  return 'layers' in doc || 'config' in doc ? undefined : (doc as IndexDoc);
}

describeCorpus('registry corpus', () => {
  // MEDIA_TYPES.tsv: path, size, sha256, digest_check, kind, mediaType_field, platforms (comma-separated).
  const tsv = readFileSync(path.join(registry, 'MEDIA_TYPES.tsv'), 'utf8')
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'));
  const listedIndexes = new Map(
    tsv
      .filter((cols) => cols[4]?.startsWith('index/list'))
      .map((cols) => [cols[0]!, (cols[6] ?? '').split(',')]),
  );
  const indexes = walk(registry)
    .map((file) => ({ rel: path.relative(corpus, file).split(path.sep).join('/'), doc: asIndex(file) }))
    .filter((x): x is { rel: string; doc: IndexDoc } => x.doc !== undefined);

  const printed = (rel: string): string[] => {
    const found = indexes.find((x) => x.rel === rel);
    if (!found) throw new Error(`${rel} is not an index in the corpus`);
    return found.doc.manifests.map((m) => formatPlatform(normalizePlatform(m.platform ?? {})));
  };

  test('the indexes found by shape are exactly those MEDIA_TYPES.tsv lists', () => {
    expect(indexes.map((x) => x.rel).sort()).toEqual([...listedIndexes.keys()].sort());
    expect(indexes.length).toBeGreaterThan(30);
  });

  test('every manifests[].platform normalizes without throwing, agreeing with the tsv column', () => {
    let checked = 0;
    for (const { rel, doc } of indexes) {
      const listed = listedIndexes.get(rel)!;
      expect(doc.manifests.length, rel).toBe(listed.length);
      doc.manifests.forEach((m, k) => {
        const column = listed[k]!;
        if (m.platform === undefined) {
          expect(column, `${rel} #${k}`).toBe('(no platform)');
          return;
        }
        const normalized = normalizePlatform(m.platform);
        const out = formatPlatform(normalized);
        expect(out, `${rel} #${k}`).toMatch(/^[a-z0-9_.-]+\/[a-z0-9_.-]+(\/[a-z0-9_.-]+)?$/);
        // The tsv writes the raw fields as os/arch[/variant][@os.version]; parsing that must agree.
        const [spec = '', osVersion] = column.split('@');
        const parsed = parsePlatform(spec);
        if ('error' in parsed) throw new Error(`${rel} #${k}: ${parsed.error}`);
        expect(out, `${rel} #${k}`).toBe(formatPlatform(parsed));
        expect(normalized.osVersion, `${rel} #${k}`).toBe(osVersion);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(100);
  });

  test('hello-world:latest prints the README platforms, each followed by its attestation', () => {
    const hello =
      'registry/aceeric__ociregistry/decoded/sha256_424f1f86cdf501deb591ace8d14d2f40272617b51b374915a87a2886b2025ece.json';
    const linux = [
      'linux/amd64',
      'linux/arm/v5',
      'linux/arm/v6',
      'linux/arm/v7',
      'linux/arm64',
      'linux/386',
      'linux/mips64le',
      'linux/ppc64le',
      'linux/riscv64',
      'linux/s390x',
    ];
    const expected = [
      ...linux.flatMap((p) => [p, 'unknown/unknown']),
      'windows/amd64',
      'windows/amd64',
      'windows/amd64',
    ];
    expect(printed(hello)).toEqual(expected);

    const platforms = indexes
      .find((x) => x.rel === hello)!
      .doc.manifests.map((m) => normalizePlatform(m.platform!));
    expect(platforms.filter(isUnknownPlatform)).toHaveLength(10);
    expect(platforms.filter((p) => p.os === 'windows').map((p) => p.osVersion)).toEqual([
      '10.0.26100.3775',
      '10.0.20348.3453',
      '10.0.17763.7136',
    ]);
  });

  test.each<[string, boolean]>([
    ['linux/arm64', true],
    ['linux/arm/v7', true],
    ['linux/amd64/v3', true],
    ['linux/loong64', false],
    ['windows/amd64@10.0.17763.1', true],
    ['windows/amd64@10.0.14393.1', false],
    ['windows/arm64', false],
  ])('hello-world runs on a %s node: %s', (node, expected) => {
    const [spec = '', osVersion] = node.split('@');
    const platform = parsePlatform(spec) as Platform;
    const images = indexes
      .find((x) => x.rel.includes('sha256_424f1f86'))!
      .doc.manifests.map((m) => normalizePlatform(m.platform!));
    expect(nodeRunsAny(osVersion ? { ...platform, osVersion } : platform, images)).toBe(expected);
  });

  test.each<[string, string[]]>([
    // armv7/armv8 written in the variant field: read as the version they name
    [
      'registry/containers__image/internal/manifest/testdata/v2list.manifest.json',
      ['linux/ppc64le', 'linux/amd64', 'linux/s390x', 'linux/arm/v7', 'linux/arm64'],
    ],
    // arm with no variant is v7; an unrecognised variant is kept
    [
      'registry/containers__image/internal/manifest/testdata/ocilist-variants.json',
      [
        'linux/amd64',
        'linux/arm/v7',
        'linux/arm/v6',
        'linux/arm/v6',
        'linux/arm/unrecognized-present',
        'linux/arm/v7',
      ],
    ],
    [
      'registry/containers__image/internal/manifest/testdata/schema2list-variants.json',
      ['linux/amd64', 'linux/arm/v6', 'linux/arm/unrecognized-present', 'linux/arm/v7'],
    ],
    [
      'registry/containers__image/internal/manifest/testdata/schema2list.json',
      [
        'linux/amd64',
        'linux/arm/v5',
        'linux/arm/v6',
        'linux/arm64',
        'linux/386',
        'linux/ppc64le',
        'linux/s390x',
      ],
    ],
  ])('%s', (rel, expected) => {
    expect(printed(rel)).toEqual(expected);
  });
});
