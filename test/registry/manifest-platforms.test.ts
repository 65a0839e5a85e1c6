import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatPlatform } from '../../src/platforms/normalize.js';
import type { Platform } from '../../src/platforms/platform.js';
import {
  type Descriptor,
  MEDIA_TYPES as MT,
  indexPlatforms,
  isAttestation,
  parseManifest,
  platformFromConfig,
} from '../../src/registry/manifest.js';
import { corpusPath } from '../support/corpus.js';
import { describeCorpus } from '../support/describe-corpus.js';

const corpus = (file: string) => readFileSync(corpusPath('registry', file));
const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const printed = (p: Platform) => (p.osVersion ? `${formatPlatform(p)}@${p.osVersion}` : formatPlatform(p));
const d = (extra: Partial<Descriptor>): Descriptor => ({ digest: 'sha256:0', size: 1, ...extra });

// prettier-ignore
const ATTESTATIONS: Array<[string, Descriptor, boolean]> = [
  ['buildkit annotation', d({ annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } }), true],
  ['unknown/unknown platform', d({ platform: { os: 'unknown', architecture: 'unknown' } }), true],
  ['unknown/unknown in capitals', d({ platform: { os: 'Unknown', architecture: 'UNKNOWN' } }), true],
  ['an image', d({ platform: { os: 'linux', architecture: 'amd64' } }), false],
  ['no platform, other annotations', d({ annotations: { 'org.opencontainers.image.ref.name': 'x' } }), false],
];

describe('isAttestation', () => {
  test.each(ATTESTATIONS)('%s', (_name, desc, expected) => expect(isAttestation(desc)).toBe(expected));
});

/** Expected sets read from each file by hand and cross-checked with MEDIA_TYPES.tsv's platforms column. */
// prettier-ignore
const INDEXES: Array<[string, string, string[]]> = [
  ['Docker Hub hello-world: 10 linux platforms with attestations, 3 Windows builds',
    'aceeric__ociregistry/decoded/sha256_424f1f86cdf501deb591ace8d14d2f40272617b51b374915a87a2886b2025ece.json',
    ['linux/386', 'linux/amd64', 'linux/arm/v5', 'linux/arm/v6', 'linux/arm/v7', 'linux/arm64', 'linux/mips64le',
      'linux/ppc64le', 'linux/riscv64', 'linux/s390x', 'windows/amd64@10.0.17763.7136',
      'windows/amd64@10.0.20348.3453', 'windows/amd64@10.0.26100.3775']],
  ['schema2list: arm64/v8 is arm64', 'containers__image/internal/manifest/testdata/schema2list.json',
    ['linux/386', 'linux/amd64', 'linux/arm/v5', 'linux/arm/v6', 'linux/arm64', 'linux/ppc64le', 'linux/s390x']],
  ['v2list: armv7/armv8 variants', 'containers__image/internal/manifest/testdata/v2list.manifest.json',
    ['linux/amd64', 'linux/arm/v7', 'linux/arm64', 'linux/ppc64le', 'linux/s390x']],
  ['zstd-selection: duplicates collapse', 'containers__image/internal/manifest/testdata/oci1.index.zstd-selection.json',
    ['linux/amd64', 'linux/arm64', 'linux/s390x']],
  ['zstd-selection2: children without platform ignored',
    'containers__image/internal/manifest/testdata/oci1.index.zstd-selection2.json', ['linux/amd64', 'linux/arm64']],
  ['regclient v1: attestations skipped',
    'regclient__regclient/testdata/testrepo/blobs/sha256/7ceb9b6bcc274697d0c38be6214b50cec79d601bc61708747d3f6cb772f6c6fa',
    ['linux/amd64', 'linux/arm64']],
  ['layout index.json without platforms', 'google__go-containerregistry/pkg/v1/layout/testdata/test_index/index.json', []],
];

describeCorpus('indexPlatforms over real indexes', () => {
  test.each(INDEXES)('%s', (_name, file, expected) => {
    const parsed = parseManifest(corpus(file));
    expect(parsed.kind).toBe('index');
    expect(indexPlatforms(parsed.kind === 'index' ? parsed.manifests : []).map(printed)).toEqual(expected);
  });
});

// prettier-ignore
const CORPUS_CONFIGS: Array<[string, string, string | undefined, string]> = [
  ['OCI config (containers/image)', 'containers__image/internal/image/fixtures/oci1-config.json', MT.ociConfig, 'linux/amd64'],
  ['hello-world config', 'aceeric__ociregistry/cmd/hello_world/config.json', MT.ociConfig, 'linux/amd64'],
  ['arm/v6 config with variant',
    'regclient__regclient/testdata/testrepo/blobs/sha256/0da9b7d747f276cec5405049196715887f14e4d4895c64c1491be05682968333',
    MT.ociConfig, 'linux/arm/v6'],
  ['Docker config under application/octet-stream', 'containers__image/internal/image/fixtures/schema2-config.json',
    'application/octet-stream', 'linux/amd64'],
];

// prettier-ignore
const CONFIGS: Array<[string, Uint8Array, string | undefined, string]> = [
  ['Windows config keeps os.version', enc({ os: 'windows', architecture: 'amd64', 'os.version': '10.0.20348.3453' }),
    MT.dockerConfig, 'windows/amd64@10.0.20348.3453'],
  ['aliases are normalized', enc({ os: 'linux', architecture: 'aarch64' }), undefined, 'linux/arm64'],
  ['Helm chart config', enc({ name: 'c', version: '1' }), 'application/vnd.cncf.helm.config.v1+json', 'error: not a container image'],
  ['OCI empty config of an artifact', enc({}), 'application/vnd.oci.empty.v1+json', 'error: not a container image'],
  ['image config type without os/architecture (buildkit a-docker)', enc({}), MT.ociConfig, 'error: names no os and architecture'],
  ['attestation config unknown/unknown', enc({ os: 'unknown', architecture: 'unknown' }), MT.ociConfig, 'error: unknown/unknown'],
  ['not JSON', enc('\u0000\u0001'), MT.ociConfig, 'error: config is not JSON'],
];

function expectPlatform(bytes: Uint8Array, mediaType: string | undefined, expected: string): void {
  const result = platformFromConfig(bytes, mediaType);
  expect('error' in result).toBe(expected.startsWith('error: '));
  if ('error' in result) expect(`error: ${result.error}`).toContain(expected.slice('error: '.length));
  else expect(printed(result)).toBe(expected);
}

describe('platformFromConfig', () => {
  test.each(CONFIGS)('%s', (_name, bytes, mediaType, expected) => expectPlatform(bytes, mediaType, expected));
});

describeCorpus('platformFromConfig over corpus configs', () => {
  test.each(CORPUS_CONFIGS)('%s', (_name, file, mediaType, expected) =>
    expectPlatform(corpus(file), mediaType, expected),
  );
});
