import { expect, test } from 'vitest';
import { formatPlatform } from '../../src/platforms/normalize.js';
import { OciLayoutSource } from '../../src/registry/oci-layout.js';
import type { Resolution } from '../../src/registry/source.js';
import { corpusPath } from '../support/corpus.js';
import { describeCorpus } from '../support/describe-corpus.js';

/**
 * Real OCI layouts from the corpus's registry/, mapped the skopeo way: root = the layout's parent, repo =
 * its directory name. Expected platforms were read by hand from each index.json, its blobs and the configs
 * they name, and cross-checked with registry/MEDIA_TYPES.tsv.
 */
const REGCLIENT = corpusPath('registry/regclient__regclient/testdata');
const GGCR = corpusPath('registry/google__go-containerregistry/pkg/v1/layout/testdata');

const sha = (hex: string) => `sha256:${hex}`;

function view(r: Resolution): unknown {
  if (r.kind === 'index')
    return { kind: 'index', digest: r.digest, platforms: r.platforms.map(formatPlatform) };
  if (r.kind === 'single') return { kind: 'single', digest: r.digest, platform: formatPlatform(r.platform) };
  return { kind: 'error', cause: r.cause };
}

const ALL_FOUR = ['linux/amd64', 'linux/arm/v6', 'linux/arm/v7', 'linux/arm64'];
const idx = (hex: string, platforms: string[]) => ({ kind: 'index', digest: sha(hex), platforms });
const one = (hex: string, platform: string) => ({ kind: 'single', digest: sha(hex), platform });
const NOT_AN_IMAGE = { kind: 'error', cause: 'not-an-image' };
const NOT_FOUND = { kind: 'error', cause: 'not-found' };

// prettier-ignore
const cases: Array<[string, string, string, { tag?: string; digest?: string }, unknown]> = [
  // regclient testrepo: OCI indexes, buildkit attestations (unknown/unknown), referrer artifacts.
  ['v1: index with two attestation children', REGCLIENT, 'testrepo', { tag: 'v1' },
    idx('7ceb9b6bcc274697d0c38be6214b50cec79d601bc61708747d3f6cb772f6c6fa', ['linux/amd64', 'linux/arm64'])],
  ['v2: amd64, arm64, arm/v7', REGCLIENT, 'testrepo', { tag: 'v2' },
    idx('dfae8f425735a5e3a72e40d6609e03079995511d48157c74d54801ff4430491e', ['linux/amd64', 'linux/arm/v7', 'linux/arm64'])],
  ['v3: four platforms', REGCLIENT, 'testrepo', { tag: 'v3' },
    idx('6fe828b32b9b4572f32b16c1c0a4d675660b19ec207d010724309374252c2d6d', ALL_FOUR)],
  ['b1: base image index', REGCLIENT, 'testrepo', { tag: 'b1' },
    idx('119b4a63feeda91d4874578e7883994fc45772dd912aa49ba380f87507f6ad07', ALL_FOUR)],
  ['b3: base image index', REGCLIENT, 'testrepo', { tag: 'b3' },
    idx('caf692c7d56cfd226e5d04b0908b544e926ddf4f34ec888fe7646d39a3e63c28', ALL_FOUR)],
  ['digest of v3 arm/v6 child (variant from its config)', REGCLIENT, 'testrepo',
    { digest: sha('8fb6a85012f44e45a0555da6449e1444bdfe9b6589c3090ffccbdbcdcf979011') },
    one('8fb6a85012f44e45a0555da6449e1444bdfe9b6589c3090ffccbdbcdcf979011', 'linux/arm/v6')],
  ['digest of v1 amd64 child', REGCLIENT, 'testrepo',
    { digest: sha('1effc9d48232693f4584ceb9c5e8d84ddeb5924ea4aff341aa8204510422f668') },
    one('1effc9d48232693f4584ceb9c5e8d84ddeb5924ea4aff341aa8204510422f668', 'linux/amd64')],
  ['a-docker: an attestation manifest tagged directly', REGCLIENT, 'testrepo', { tag: 'a-docker' }, NOT_AN_IMAGE],
  ['a1: sbom artifact', REGCLIENT, 'testrepo', { tag: 'a1' }, NOT_AN_IMAGE],
  ['ai: index of artifacts', REGCLIENT, 'testrepo', { tag: 'ai' }, NOT_AN_IMAGE],
  ['loop: artifact index whose subject is its child', REGCLIENT, 'testrepo', { tag: 'loop' }, NOT_AN_IMAGE],
  ['missing tag', REGCLIENT, 'testrepo', { tag: 'v9' }, NOT_FOUND],
  ['external a4: sbom artifact', REGCLIENT, 'external', { tag: 'a4' }, NOT_AN_IMAGE],
  // go-containerregistry: OCI index entries pointing at Docker schema2 manifests, nested indexes, Helm artifact.
  ['test_index 1: Docker schema2 under an OCI descriptor', GGCR, 'test_index', { tag: '1' },
    one('eebff607b1628d67459b0596643fc07de70d702eccf030f0bc7bb6fc2b278650', 'linux/amd64')],
  ['test_index 2: descriptor media type is the descriptor type', GGCR, 'test_index', { tag: '2' },
    one('32589985702551b6c56033bb3334432a0a513bf9d6aceda0f67c42b003850720', 'linux/amd64')],
  ['test_index 3: nested OCI index, child without platform', GGCR, 'test_index', { tag: '3' },
    idx('05f95b26ed10668b7183c1e2da98610e91372fa9f510046d4ce5812addad86b5', ['linux/amd64'])],
  ['test_index 4: nested Docker list without mediaType field', GGCR, 'test_index', { tag: '4' },
    idx('2b29a2b8dea3af91ea7d0154be1da0c92d55ddd098540930fc8d3db7de377fdb', ['linux/amd64'])],
  ['test_index_one_image by digest: manifest without mediaType', GGCR, 'test_index_one_image',
    { digest: sha('98ceaf93e482fe91b9bfd6bba07137c098e49ee2d55e69f09fb6c951e75e0e46') },
    one('98ceaf93e482fe91b9bfd6bba07137c098e49ee2d55e69f09fb6c951e75e0e46', 'linux/amd64')],
  ['test_index_one_image has no tags', GGCR, 'test_index_one_image', { tag: 'latest' }, NOT_FOUND],
  ['test_index_media_type: Helm chart artifact', GGCR, 'test_index_media_type',
    { digest: sha('b544f71ecd82372bc9a3c0dbef378abfd2734fe437df81ff6e242a0d720d8e3e') }, NOT_AN_IMAGE],
];

describeCorpus('OciLayoutSource over real layouts in the corpus', () => {
  test.each(cases)('%s', async (_name, root, repository, ref, expected) => {
    const result = await new OciLayoutSource(root).resolve({
      registry: 'registry.example.org',
      repository,
      ...ref,
    });
    expect(view(result)).toEqual(expected);
  });

  test('artifacts say they are not container images', async () => {
    const result = await new OciLayoutSource(REGCLIENT).resolve({
      registry: 'r',
      repository: 'testrepo',
      tag: 'a1',
    });
    expect(result.kind === 'error' && result.reason).toContain('artifactType application/example.sbom');
  });
});
