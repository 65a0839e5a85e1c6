import { canonicalImage, type ImageRef } from '../../images/reference.js';
import { verifyDigest } from '../digest.js';
import { MANIFEST_ACCEPT, parseManifest } from '../manifest.js';
import { type ImageContent, type ResolutionFailure, fail, isFailure } from '../source.js';
import type { RegistryClient } from './client.js';
import { apiUrl, describeEndpoint } from './endpoint.js';
import type { FetchContext } from './failures.js';
import { checkManifestDigest, manifestPayload } from './integrity.js';
import type { BlobCache } from './memo.js';

const ACCEPT = MANIFEST_ACCEPT.join(', ');
/** The first ranged read is small (the file deep mode looks for is often near a layer's start); later ones grow. */
const FIRST_CHUNK = 64 * 1024;
const LARGEST_CHUNK = 1024 * 1024;

/**
 * Deep mode's reads from one repository over the Distribution API: manifests by digest (verified), config
 * blobs through the run's BlobCache, and layers as successive `Range` requests (RFC 9110 section 14), so a
 * reader that stops early has downloaded only what it read. A registry that ignores Range answers 200 with
 * the whole blob, which is then used as is (the transport's body limit still applies).
 */
export function httpContent(client: RegistryClient, blobs: BlobCache, ref: ImageRef): ImageContent {
  const endpoint = client.endpoint;
  const image = canonicalImage(ref);
  const url = (kind: 'manifests' | 'blobs', digest: string) => apiUrl(endpoint, ref.repository, kind, digest);
  const notBlob = (what: string, digest: string): ResolutionFailure =>
    fail(
      'integrity',
      `the ${what} ${digest} of ${image} served by ${describeEndpoint(endpoint)} does not hash to its digest`,
    );

  return {
    async manifest(digest, signal) {
      const ctx: FetchContext = { endpoint, image, what: 'manifest' };
      const got = await client.get(url('manifests', digest), ACCEPT, ctx, ref.repository, signal);
      if (isFailure(got)) return got;
      const { body, headers } = got.response;
      const payload = manifestPayload(body, parseManifest(body, headers['content-type']));
      return 'mismatch' in checkManifestDigest(payload, digest, undefined)
        ? notBlob('manifest', digest)
        : body;
    },

    blob(digest, signal) {
      return blobs.get(digest, async () => {
        const ctx: FetchContext = { endpoint, image, what: 'config blob' };
        const got = await client.get(url('blobs', digest), undefined, ctx, ref.repository, signal);
        if (isFailure(got)) return got;
        return verifyDigest(got.response.body, digest) ? got.response.body : notBlob('config blob', digest);
      });
    },

    async *openBlob(digest, maxBytes, signal) {
      const ctx: FetchContext = { endpoint, image, what: 'layer blob' };
      let offset = 0;
      let chunk = FIRST_CHUNK;
      while (offset < maxBytes) {
        const end = Math.min(offset + chunk, maxBytes) - 1;
        const range = { range: `bytes=${offset}-${end}` };
        const got = await client.get(url('blobs', digest), undefined, ctx, ref.repository, signal, range);
        if (isFailure(got)) {
          yield got;
          return;
        }
        const { status, body, headers } = got.response;
        if (status === 206) {
          if (body.length === 0) return;
          yield body;
          offset += body.length;
          if (!moreAfter(headers['content-range'], offset)) return;
        } else {
          // 200: the registry ignored Range and sent the whole blob.
          const rest = body.subarray(offset, Math.min(body.length, maxBytes));
          if (rest.length > 0) yield rest;
          return;
        }
        chunk = Math.min(chunk * 2, LARGEST_CHUNK);
      }
    },
  };
}

/** `Content-Range: bytes 0-65535/1234567`: whether bytes remain after `offset`; unknown totals read on. */
function moreAfter(contentRange: string | undefined, offset: number): boolean {
  const total = /\/(\d+)\s*$/.exec(contentRange ?? '')?.[1];
  return total === undefined || offset < Number(total);
}
