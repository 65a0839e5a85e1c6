import { createHash } from 'node:crypto';

/**
 * Content digests as the OCI image spec defines them: `algorithm ":" encoded`, where the registered
 * algorithms are sha256 (64 lowercase hex) and sha512 (128 lowercase hex).
 * https://github.com/opencontainers/image-spec/blob/v1.1.0/descriptor.md#digests
 */
const ENCODED_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha512: 128 };

/** The spec's grammar for any digest; registered algorithms are checked more strictly below. */
const DIGEST_GRAMMAR = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;

/** A digest split into its parts; only for sha256/sha512 with well-formed lowercase hex. */
export interface ParsedDigest {
  algorithm: 'sha256' | 'sha512';
  encoded: string;
}

/**
 * Splits a digest of a registered algorithm (sha256, sha512) whose hex has the right length and case.
 * Anything else is `undefined`: callers must not build file paths or URLs from unchecked digests.
 */
export function parseDigest(digest: string): ParsedDigest | undefined {
  const match = DIGEST_GRAMMAR.exec(digest);
  if (!match) return undefined;
  const [, algorithm = '', encoded = ''] = match;
  if (algorithm !== 'sha256' && algorithm !== 'sha512') return undefined;
  if (encoded.length !== ENCODED_LENGTH[algorithm] || !/^[a-f0-9]+$/.test(encoded)) return undefined;
  return { algorithm, encoded };
}

/** `sha256:<hex>` of the bytes, the form every OCI descriptor and registry uses. */
export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * True when the bytes hash to `expected` (sha256 or sha512). A malformed digest or an algorithm we cannot
 * compute is `false`: content we cannot verify is not trusted.
 */
export function verifyDigest(bytes: Uint8Array, expected: string): boolean {
  const parsed = parseDigest(expected);
  if (!parsed) return false;
  return createHash(parsed.algorithm).update(bytes).digest('hex') === parsed.encoded;
}
