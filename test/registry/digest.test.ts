import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDigest, sha256Digest, verifyDigest } from '../../src/registry/digest.js';
import { corpusPath } from '../support/corpus.js';
import { describeCorpus } from '../support/describe-corpus.js';

/** Rows of registry/MEDIA_TYPES.tsv whose digest_check column says the bytes hash to the file's name. */
const matchingRows = () =>
  readFileSync(corpusPath('registry/MEDIA_TYPES.tsv'), 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((cols) => cols[3] === 'sha256 matches filename')
    .map((cols) => {
      const file = cols[0]!;
      // Blob files are named by their hex; the decoded Docker Hub files are `sha256_<hex>.json`.
      const hex = path
        .basename(file)
        .replace(/^sha256_/, '')
        .replace(/\.json$/, '');
      return [file, `sha256:${hex}`, cols[2]!] as const;
    });

describeCorpus('verifyDigest over corpus files whose sha256 matches their name', () => {
  const matching = matchingRows();
  test('the index lists them all', () => expect(matching).toHaveLength(113));

  test.each(matching)('%s', (file, digest, tsvHash) => {
    const bytes = readFileSync(corpusPath(file));
    expect(verifyDigest(bytes, digest)).toBe(true);
    expect(sha256Digest(bytes)).toBe(`sha256:${tsvHash}`);
    const tampered = Buffer.concat([bytes, Buffer.from(' ')]);
    expect(verifyDigest(tampered, digest)).toBe(false);
  });
});

const hello = new TextEncoder().encode('hello');
const hex = (algorithm: string) => createHash(algorithm).update(hello).digest('hex');

describe('verifyDigest rejects what it cannot check', () => {
  test.each([
    ['sha256', `sha256:${hex('sha256')}`, true],
    ['sha512', `sha512:${hex('sha512')}`, true],
    ['sha512 of other bytes', `sha512:${'0'.repeat(128)}`, false],
    ['uppercase hex (the spec requires lowercase)', `sha256:${hex('sha256').toUpperCase()}`, false],
    ['sha256 hex too short', `sha256:${hex('sha256').slice(1)}`, false],
    ['sha512 length under sha256', `sha256:${hex('sha512')}`, false],
    ['unknown algorithm', `md5:${hex('md5')}`, false],
    ['no algorithm', hex('sha256'), false],
    ['empty', '', false],
    ['path traversal', 'sha256:../../etc/passwd', false],
  ])('%s', (_name, digest, expected) => {
    expect(verifyDigest(hello, digest)).toBe(expected);
  });

  test('sha256Digest is the prefixed lowercase hex', () => {
    expect(sha256Digest(hello)).toBe(
      'sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    );
  });

  test.each([
    ['sha256:' + 'a'.repeat(64), { algorithm: 'sha256', encoded: 'a'.repeat(64) }],
    ['sha512:' + 'b'.repeat(128), { algorithm: 'sha512', encoded: 'b'.repeat(128) }],
    ['sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564', undefined],
    ['sha256:' + 'g'.repeat(64), undefined],
  ])('parseDigest(%s)', (digest, expected) => expect(parseDigest(digest)).toEqual(expected));
});
