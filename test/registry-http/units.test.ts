import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { sha256Digest } from '../../src/registry/digest.js';
import { parseManifest } from '../../src/registry/manifest.js';
import { type Challenge, parseChallenges, pickChallenge } from '../../src/registry/http/challenge.js';
import { apiUrl, defaultEndpoint, describeEndpoint, parseMirror } from '../../src/registry/http/endpoint.js';
import { checkManifestDigest, manifestPayload } from '../../src/registry/http/integrity.js';
import { Secrets } from '../../src/registry/http/secrets.js';
import { parseRetryAfter } from '../../src/registry/http/retry.js';
import { findOnPath } from '../../src/sources/exec.js';
import { missingTools, requireBinary } from '../support/binaries.js';
import { corpusPath } from '../support/corpus.js';
import { describeCorpus } from '../support/describe-corpus.js';

const corpus = (p: string) => corpusPath('registry', p);

describe('parseChallenges', () => {
  const rows: [string, string, Challenge[]][] = [
    [
      'Docker Hub',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:library/nginx:pull',
          },
        },
      ],
    ],
    [
      'distribution htpasswd',
      'Basic realm="basic-realm"',
      [{ scheme: 'basic', params: { realm: 'basic-realm' } }],
    ],
    [
      'insufficient scope error',
      'Bearer realm="http://a/token",service="s",scope="repository:x:pull",error="insufficient_scope"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'http://a/token',
            service: 's',
            scope: 'repository:x:pull',
            error: 'insufficient_scope',
          },
        },
      ],
    ],
    [
      'ECR (Basic with a service)',
      'Basic realm="https://123.dkr.ecr.us-east-1.amazonaws.com/",service="ecr.amazonaws.com"',
      [
        {
          scheme: 'basic',
          params: { realm: 'https://123.dkr.ecr.us-east-1.amazonaws.com/', service: 'ecr.amazonaws.com' },
        },
      ],
    ],
    [
      'two challenges, odd spacing and case',
      'Basic realm="r" ,  BEARER Realm = "https://t" , service="svc"',
      [
        { scheme: 'basic', params: { realm: 'r' } },
        { scheme: 'bearer', params: { realm: 'https://t', service: 'svc' } },
      ],
    ],
    ['an escaped quote', 'Bearer realm="a\\"b"', [{ scheme: 'bearer', params: { realm: 'a"b' } }]],
    [
      'a comma inside a quoted scope list',
      'Bearer realm="r",scope="repository:a:pull,push"',
      [{ scheme: 'bearer', params: { realm: 'r', scope: 'repository:a:pull,push' } }],
    ],
    [
      'token values without quotes',
      'Bearer realm=r1,service=s1',
      [{ scheme: 'bearer', params: { realm: 'r1', service: 's1' } }],
    ],
    ['empty', '', []],
  ];
  test.each(rows)('%s', (_name, header, expected) => {
    expect(parseChallenges(header)).toEqual(expected);
  });

  test('Bearer is preferred over Basic, unknown schemes ignored', () => {
    expect(pickChallenge(parseChallenges('Negotiate, Basic realm="x", Bearer realm="y"'))?.scheme).toBe(
      'bearer',
    );
    expect(pickChallenge(parseChallenges('Negotiate abc'))).toBeUndefined();
  });
});

describe('endpoints and mirrors', () => {
  const rows: [string, string, string | undefined, string][] = [
    ['Docker Hub', 'docker.io', undefined, 'https://registry-1.docker.io/v2/library/nginx/manifests/1.27'],
    [
      'Docker Hub legacy name',
      'index.docker.io',
      undefined,
      'https://registry-1.docker.io/v2/library/nginx/manifests/1.27',
    ],
    ['GHCR', 'ghcr.io', undefined, 'https://ghcr.io/v2/library/nginx/manifests/1.27'],
    [
      'a loopback registry speaks plain HTTP',
      'localhost:5000',
      undefined,
      'http://localhost:5000/v2/library/nginx/manifests/1.27',
    ],
    [
      'Harbor proxy project',
      'docker.io',
      'https://harbor.example:8443/dockerhub-proxy',
      'https://harbor.example:8443/v2/dockerhub-proxy/library/nginx/manifests/1.27',
    ],
    [
      'prefix with slashes around it',
      'docker.io',
      'https://art.example/docker-remote/',
      'https://art.example/v2/docker-remote/library/nginx/manifests/1.27',
    ],
    [
      'a plain-HTTP mirror',
      'docker.io',
      'http://10.0.0.5:5000',
      'http://10.0.0.5:5000/v2/library/nginx/manifests/1.27',
    ],
    [
      'a mirror for localhost spelled without the colon',
      'localhost:5000',
      'http://127.0.0.1:5001/localhost-5000',
      'http://127.0.0.1:5001/v2/localhost-5000/library/nginx/manifests/1.27',
    ],
  ];
  test.each(rows)('%s', (_name, registry, mirror, url) => {
    const target = mirror
      ? parseMirror(registry, mirror)
      : { kind: 'http' as const, endpoint: defaultEndpoint(registry) };
    if ('error' in target || target.kind !== 'http') throw new Error('expected an HTTP endpoint');
    expect(apiUrl(target.endpoint, 'library/nginx', 'manifests', '1.27')).toBe(url);
  });

  test('credentials for a mirror are looked up by the mirror host, never the upstream', () => {
    const target = parseMirror('docker.io', 'https://harbor.example:8443/dockerhub-proxy');
    expect(target).toMatchObject({
      kind: 'http',
      endpoint: { credentialHost: 'harbor.example:8443', registry: 'docker.io', mirror: true },
    });
    if (!('error' in target) && target.kind === 'http') {
      expect(describeEndpoint(target.endpoint)).toBe(
        'docker.io (mirror https://harbor.example:8443/dockerhub-proxy)',
      );
    }
  });

  test('oci: mirrors resolve relative directories', () => {
    expect(parseMirror('quay.io', 'oci:./mirror', '/base')).toEqual({ kind: 'oci', dir: '/base/mirror' });
  });
});

describeCorpus('integrity over corpus manifests', () => {
  test('a signed schema1 manifest is digested without its signatures (corpus: containers/image v2s1)', async () => {
    const signed = await readFile(corpus('containers__image/internal/manifest/testdata/v2s1.manifest.json'));
    const unsigned = await readFile(
      corpus('containers__image/internal/manifest/testdata/v2s1-unsigned.manifest.json'),
    );
    const payload = manifestPayload(signed, parseManifest(signed));
    // containers/image manifest_test.go: both files have digest 7364fea9...
    expect(sha256Digest(payload)).toBe(
      'sha256:7364fea9d84ee548ab67d4c46c6006289800c98de3fbf8c0a97138dfcc23f000',
    );
    expect(sha256Digest(unsigned)).toBe(sha256Digest(payload));
  });

  test('OCI and Docker v2 manifests are digested as served (corpus: hello-world index)', async () => {
    const file =
      'aceeric__ociregistry/decoded/sha256_424f1f86cdf501deb591ace8d14d2f40272617b51b374915a87a2886b2025ece.json';
    const bytes = await readFile(corpus(file));
    const digest = 'sha256:424f1f86cdf501deb591ace8d14d2f40272617b51b374915a87a2886b2025ece';
    expect(checkManifestDigest(manifestPayload(bytes, parseManifest(bytes)), digest, digest)).toEqual({
      digest,
    });
  });
});

describe('integrity', () => {
  const bytes = Buffer.from('{"schemaVersion":2}');
  const good = sha256Digest(bytes);
  const other = `sha256:${'0'.repeat(64)}`;
  test.each([
    ['no claims', undefined, undefined, { digest: good }],
    ['the pinned digest matches', good, undefined, { digest: good }],
    ['the header matches', undefined, good, { digest: good }],
    ['the pin differs', other, good, { mismatch: { expected: other, actual: good, claimedBy: 'reference' } }],
    [
      'the header differs',
      undefined,
      other,
      { mismatch: { expected: other, actual: good, claimedBy: 'Docker-Content-Digest' } },
    ],
    [
      'a malformed header is not trusted',
      undefined,
      'sha256:nothex',
      { mismatch: { expected: 'sha256:nothex', actual: good, claimedBy: 'Docker-Content-Digest' } },
    ],
  ])('%s', (_name, pinned, announced, expected) => {
    expect(checkManifestDigest(bytes, pinned, announced)).toEqual(expected);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  test.each([
    ['seconds', '2', 2000],
    ['zero', '0', 0],
    ['an HTTP-date', 'Tue, 24 Nov 2026 12:00:05 GMT', 5000],
    ['a past date', 'Tue, 24 Nov 2026 11:00:00 GMT', 0],
    ['garbage', 'soon', undefined],
    ['absent', undefined, undefined],
  ])('%s', (_name, value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});

test('Secrets redacts every value it was given, URL-encoded too, and ignores tiny ones', () => {
  const secrets = new Secrets();
  secrets.add('p@ss/word', 'abc', undefined);
  expect(secrets.redact('a p@ss/word and p%40ss%2Fword and abc')).toBe('a *** and *** and abc');
});

test('a missing binary fails with the install command instead of skipping', () => {
  expect(() => requireBinary('skopeo-not-here')).toThrow(
    'skopeo-not-here is not on PATH; install it with: sudo apt-get install -y skopeo-not-here',
  );
  expect(findOnPath('skopeo', { PATH: '/nonexistent' })).toBeUndefined();
  vi.stubEnv('PATH', path.dirname(process.execPath));
  try {
    expect(requireBinary(path.basename(process.execPath))).toBe(process.execPath);
  } finally {
    vi.unstubAllEnvs();
  }
});

test('the integration project names every missing system tool and how to install it', () => {
  expect(missingTools({ PATH: '/nonexistent' })).toEqual([
    'docker-registry is not on PATH; install it with: sudo apt-get install -y docker-registry',
    'skopeo is not on PATH; install it with: sudo apt-get install -y skopeo',
    'htpasswd is not on PATH; install it with: sudo apt-get install -y apache2-utils',
    'openssl is not on PATH; install it with: sudo apt-get install -y openssl',
    'zstd is not on PATH; install it with: sudo apt-get install -y zstd',
    'kubectl is not on PATH; install it from https://kubernetes.io/docs/tasks/tools/ (it includes kustomize)',
  ]);
});
