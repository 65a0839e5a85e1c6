import { sha256Digest, verifyDigest } from '../digest.js';
import type { ParsedManifest } from '../manifest.js';

/**
 * The bytes a manifest's digest is computed over. For everything but signed schema1 that is the bytes as
 * served. A signed schema1 manifest (JWS, libtrust) is digested without its signatures: the payload is the
 * served bytes up to `formatLength` followed by the base64url `formatTail`, both named in the first
 * signature's protected header (distribution manifest/schema1 and docker/libtrust jsonsign.go).
 */
export function manifestPayload(bytes: Uint8Array, parsed: ParsedManifest): Uint8Array {
  // Signatures decide, not the media type: registries label signed schema1 either way.
  if (parsed.kind !== 'schema1') return bytes;
  try {
    const doc = JSON.parse(Buffer.from(bytes).toString('utf8')) as { signatures?: { protected?: unknown }[] };
    const encoded = doc.signatures?.[0]?.protected;
    if (typeof encoded !== 'string') return bytes;
    const header = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as {
      formatLength?: unknown;
      formatTail?: unknown;
    };
    const { formatLength, formatTail } = header;
    if (typeof formatLength !== 'number' || typeof formatTail !== 'string') return bytes;
    if (!Number.isSafeInteger(formatLength) || formatLength < 0 || formatLength > bytes.length) return bytes;
    return Buffer.concat([
      Buffer.from(bytes.subarray(0, formatLength)),
      Buffer.from(formatTail, 'base64url'),
    ]);
  } catch {
    return bytes;
  }
}

/** A digest the bytes do not have, and who claimed it. */
export interface DigestMismatch {
  expected: string;
  actual: string;
  claimedBy: 'reference' | 'Docker-Content-Digest';
}

/**
 * Checks a manifest against the digest the reference pins and the `Docker-Content-Digest` the registry
 * announced (distribution spec: "the client SHOULD verify the returned manifest signature/digest").
 * Returns the digest of the payload, or the first mismatch.
 */
export function checkManifestDigest(
  payload: Uint8Array,
  pinned: string | undefined,
  announced: string | undefined,
): { digest: string } | { mismatch: DigestMismatch } {
  const actual = sha256Digest(payload);
  if (pinned !== undefined && !verifyDigest(payload, pinned)) {
    return { mismatch: { expected: pinned, actual, claimedBy: 'reference' } };
  }
  const header = announced?.trim();
  if (header && !verifyDigest(payload, header)) {
    return { mismatch: { expected: header, actual, claimedBy: 'Docker-Content-Digest' } };
  }
  return { digest: pinned ?? actual };
}
