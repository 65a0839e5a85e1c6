import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  canonicalImage,
  formatImageRef,
  isMutableTag,
  parseImageReference,
  type ImageRef,
} from '../../src/images/reference.js';

const SHA256_BUSYBOX = 'sha256:fd8d9aa63ba2f0982b5304e1ee8d3b90a210bc1ffb5314d980eb6962f1a9715d';
const SHA256_CONTROLLER = 'sha256:594ceea76b01c592858f803f9ff4d2cb40542cae2060410b2c95f75907d659e1';
const SHA384 = `sha384:${createHash('sha384').update('archcheck').digest('hex')}`;
const SHA512 = `sha512:${createHash('sha512').update('archcheck').digest('hex')}`;
const HEX64 = SHA256_BUSYBOX.slice('sha256:'.length);
const TAG128 = 'v' + 'a'.repeat(127);
const NAME247 = 'a'.repeat(247); // "library/" + 247 = 255, the longest Docker Hub official name
const PATH255 = `team/${'b'.repeat(250)}`;

type Row = [
  input: string,
  registry: string,
  repository: string,
  tag: string | undefined,
  digest: string | undefined,
  canonical: string,
];

// One row per line reads as a table; prettier would spread each over eight lines.
// prettier-ignore
const valid: Row[] = [
  // Docker Hub: implicit registry, `library/` for one component (normalize.go splitDockerDomain).
  ['nginx', 'docker.io', 'library/nginx', undefined, undefined, 'docker.io/library/nginx:latest'],
  ['nginx:1.25', 'docker.io', 'library/nginx', '1.25', undefined, 'docker.io/library/nginx:1.25'],
  ['nginx:latest', 'docker.io', 'library/nginx', 'latest', undefined, 'docker.io/library/nginx:latest'],
  ['0', 'docker.io', 'library/0', undefined, undefined, 'docker.io/library/0:latest'],
  ['library/nginx:1.25', 'docker.io', 'library/nginx', '1.25', undefined, 'docker.io/library/nginx:1.25'],
  ['bitnami/phpmyadmin:5.0.2-debian-10-r10', 'docker.io', 'bitnami/phpmyadmin', '5.0.2-debian-10-r10', undefined, 'docker.io/bitnami/phpmyadmin:5.0.2-debian-10-r10'],
  ['docker.io/nginx', 'docker.io', 'library/nginx', undefined, undefined, 'docker.io/library/nginx:latest'],
  ['docker.io/library/nginx:1.25', 'docker.io', 'library/nginx', '1.25', undefined, 'docker.io/library/nginx:1.25'],
  ['docker.io/grafana/loki:3.6.7', 'docker.io', 'grafana/loki', '3.6.7', undefined, 'docker.io/grafana/loki:3.6.7'],
  ['index.docker.io/nginx', 'docker.io', 'library/nginx', undefined, undefined, 'docker.io/library/nginx:latest'],
  ['index.docker.io/user/app:v1', 'docker.io', 'user/app', 'v1', undefined, 'docker.io/user/app:v1'],
  ['a/b/c/d/e:deep', 'docker.io', 'a/b/c/d/e', 'deep', undefined, 'docker.io/a/b/c/d/e:deep'],
  // localhost is a registry only before a "/"; alone (with or without ":5000") it is a Docker Hub name + tag.
  ['localhost/app', 'localhost', 'app', undefined, undefined, 'localhost/app:latest'],
  ['localhost:5000/app:dev', 'localhost:5000', 'app', 'dev', undefined, 'localhost:5000/app:dev'],
  ['localhost:5000', 'docker.io', 'library/localhost', '5000', undefined, 'docker.io/library/localhost:5000'],
  ['localhost', 'docker.io', 'library/localhost', undefined, undefined, 'docker.io/library/localhost:latest'],
  ['example.com', 'docker.io', 'library/example.com', undefined, undefined, 'docker.io/library/example.com:latest'],
  ['registry.example.com:8443/team/app:1.0', 'registry.example.com:8443', 'team/app', '1.0', undefined, 'registry.example.com:8443/team/app:1.0'],
  ['myregistry:5000/app', 'myregistry:5000', 'app', undefined, undefined, 'myregistry:5000/app:latest'],
  ['192.168.1.10:5000/app:v2', '192.168.1.10:5000', 'app', 'v2', undefined, '192.168.1.10:5000/app:v2'],
  ['[2001:db8::1]:5000/x', '[2001:db8::1]:5000', 'x', undefined, undefined, '[2001:db8::1]:5000/x:latest'],
  ['[::1]/app:v1', '[::1]', 'app', 'v1', undefined, '[::1]/app:v1'],
  // The domain keeps its case; an uppercase first component can only be a host (normalize.go).
  ['Registry.Example.COM/app', 'Registry.Example.COM', 'app', undefined, undefined, 'Registry.Example.COM/app:latest'],
  ['Foo/bar', 'Foo', 'bar', undefined, undefined, 'Foo/bar:latest'],
  ['foo.bar/baz', 'foo.bar', 'baz', undefined, undefined, 'foo.bar/baz:latest'],
  // Registries found in real manifests.
  ['gcr.io/google-samples/gb-frontend:v5', 'gcr.io', 'google-samples/gb-frontend', 'v5', undefined, 'gcr.io/google-samples/gb-frontend:v5'],
  ['gcr.io/google_samples/gb-redisslave:v1', 'gcr.io', 'google_samples/gb-redisslave', 'v1', undefined, 'gcr.io/google_samples/gb-redisslave:v1'],
  ['k8s.gcr.io/pause:2.0', 'k8s.gcr.io', 'pause', '2.0', undefined, 'k8s.gcr.io/pause:2.0'],
  ['ghcr.io/dexidp/dex:v2.45.1', 'ghcr.io', 'dexidp/dex', 'v2.45.1', undefined, 'ghcr.io/dexidp/dex:v2.45.1'],
  ['quay.io/argoproj/argocd:latest', 'quay.io', 'argoproj/argocd', 'latest', undefined, 'quay.io/argoproj/argocd:latest'],
  ['registry.k8s.io/spark:1.5.2_v1', 'registry.k8s.io', 'spark', '1.5.2_v1', undefined, 'registry.k8s.io/spark:1.5.2_v1'],
  ['mcr.microsoft.com/windows/nanoserver:1809', 'mcr.microsoft.com', 'windows/nanoserver', '1809', undefined, 'mcr.microsoft.com/windows/nanoserver:1809'],
  ['public.ecr.aws/docker/library/redis:8.10.1-alpine', 'public.ecr.aws', 'docker/library/redis', '8.10.1-alpine', undefined, 'public.ecr.aws/docker/library/redis:8.10.1-alpine'],
  ['us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/adservice:v0.10.6', 'us-central1-docker.pkg.dev', 'online-boutique-ci/microservices-demo/adservice', 'v0.10.6', undefined, 'us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/adservice:v0.10.6'],
  ['602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.23.1', '602401143452.dkr.ecr.us-west-2.amazonaws.com', 'amazon-k8s-cni', 'v1.23.1', undefined, '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.23.1'],
  ['961992271922.dkr.ecr.cn-northwest-1.amazonaws.com.cn/amazon/aws-network-policy-agent:v1.4.2', '961992271922.dkr.ecr.cn-northwest-1.amazonaws.com.cn', 'amazon/aws-network-policy-agent', 'v1.4.2', undefined, '961992271922.dkr.ecr.cn-northwest-1.amazonaws.com.cn/amazon/aws-network-policy-agent:v1.4.2'],
  // Digests: tag and digest are both kept, the digest wins the canonical key (ParseDockerRef).
  [`busybox:1.38.0@${SHA256_BUSYBOX}`, 'docker.io', 'library/busybox', '1.38.0', SHA256_BUSYBOX, `docker.io/library/busybox@${SHA256_BUSYBOX}`],
  [`registry.k8s.io/ingress-nginx/controller:v1.15.1@${SHA256_CONTROLLER}`, 'registry.k8s.io', 'ingress-nginx/controller', 'v1.15.1', SHA256_CONTROLLER, `registry.k8s.io/ingress-nginx/controller@${SHA256_CONTROLLER}`],
  [`alpine@${SHA256_BUSYBOX}`, 'docker.io', 'library/alpine', undefined, SHA256_BUSYBOX, `docker.io/library/alpine@${SHA256_BUSYBOX}`],
  [`localhost:5000/a/b:tag@${SHA256_BUSYBOX}`, 'localhost:5000', 'a/b', 'tag', SHA256_BUSYBOX, `localhost:5000/a/b@${SHA256_BUSYBOX}`],
  [`example.com/app@${SHA384}`, 'example.com', 'app', undefined, SHA384, `example.com/app@${SHA384}`],
  [`ghcr.io/org/app@${SHA512}`, 'ghcr.io', 'org/app', undefined, SHA512, `ghcr.io/org/app@${SHA512}`],
  // A bare "sha256:<hex>" is the Docker Hub name "sha256" with a 64-character tag, as Docker reads it.
  [`sha256:${HEX64}`, 'docker.io', 'library/sha256', HEX64, undefined, `docker.io/library/sha256:${HEX64}`],
  // Separators: one ".", one or two "_", any number of "-".
  ['foo__bar/baz', 'docker.io', 'foo__bar/baz', undefined, undefined, 'docker.io/foo__bar/baz:latest'],
  ['foo_bar/baz-qux', 'docker.io', 'foo_bar/baz-qux', undefined, undefined, 'docker.io/foo_bar/baz-qux:latest'],
  ['my--repo/a---b', 'docker.io', 'my--repo/a---b', undefined, undefined, 'docker.io/my--repo/a---b:latest'],
  ['org/repo.name', 'docker.io', 'org/repo.name', undefined, undefined, 'docker.io/org/repo.name:latest'],
  // Tags: up to 128 characters, may start with "_", any case.
  [`nginx:${TAG128}`, 'docker.io', 'library/nginx', TAG128, undefined, `docker.io/library/nginx:${TAG128}`],
  ['nginx:_private', 'docker.io', 'library/nginx', '_private', undefined, 'docker.io/library/nginx:_private'],
  ['app:V1.0-RC_1', 'docker.io', 'library/app', 'V1.0-RC_1', undefined, 'docker.io/library/app:V1.0-RC_1'],
  // Length limit: 255 for the path; the registry host does not count (distribution/reference#9).
  [NAME247, 'docker.io', `library/${NAME247}`, undefined, undefined, `docker.io/library/${NAME247}:latest`],
  [`registry.example.com/${PATH255}`, 'registry.example.com', PATH255, undefined, undefined, `registry.example.com/${PATH255}:latest`],
];

describe('parseImageReference: valid references', () => {
  test.each(valid)('%s', (input, registry, repository, tag, digest, canonical) => {
    const result = parseImageReference(input);
    expect(result).toEqual({ ok: true, ref: { registry, repository, tag, digest } });
    if (!result.ok) return;
    expect(Object.keys(result.ref).sort()).toEqual(
      ['registry', 'repository', ...(tag ? ['tag'] : []), ...(digest ? ['digest'] : [])].sort(),
    );
    expect(canonicalImage(result.ref)).toBe(canonical);
  });
});

type Bad = [input: string, kind: string, reason: string];

const invalid: Bad[] = [
  ['', 'empty', 'image is empty'],
  ['   ', 'empty', 'only whitespace'],
  ['{{ .Values.image }}', 'template', 'render the chart'],
  ['{{ .Values.image.repository }}:{{ .Values.image.tag }}', 'template', 'unrendered Helm/Go template'],
  ['argoproj/argosay:{{inputs.parameters.tag}}', 'template', '"{{inputs.parameters.tag}}"'],
  ['${IMAGE}', 'env', 'environment substitution was not done'],
  ['$IMAGE', 'env', '"$IMAGE"'],
  ['registry.example.com/app:${TAG}', 'env', '"${TAG}"'],
  ['%s.dkr.ecr.%s.%s/eks/coredns:v1.6.6', 'printf', 'printf format verb'],
  ['$(params.builder-image)', 'parameter', '"$(params.builder-image)" is a pipeline parameter'],
  ['gcr.io/x/app:$(params["tag"])', 'parameter', 'set by each run'],
  ['$(tasks.build.results.IMAGE_URL)', 'parameter', 'pipeline parameter'],
  ['$(IMAGE)', 'env', 'environment substitution was not done'],
  ['public.ecr.aws/*', 'pattern', 'wildcard pattern'],
  ['nginx:1.2?', 'pattern', 'wildcard pattern'],
  ['ko://knative.dev/serving/cmd/controller', 'ko', 'ko build-time import path'],
  ['nginx:bad tag', 'syntax', 'invalid tag "bad tag"'],
  ['nginx:', 'syntax', 'invalid tag ""'],
  [`nginx:${TAG128}x`, 'syntax', 'tag is 129 characters, at most 128'],
  ['nginx:.hidden', 'syntax', 'must start with a letter, digit or "_"'],
  ['Nginx', 'syntax', 'invalid reference format: repository name must be lowercase'],
  ['library/Nginx:1.0', 'syntax', 'repository name must be lowercase ("library/Nginx")'],
  ['docker.io/Library/nginx', 'syntax', 'repository name must be lowercase'],
  [`nginx@sha256:${HEX64.slice(1)}`, 'syntax', 'digest has 63 hex digits, sha256 needs 64'],
  [`nginx@sha512:${HEX64}`, 'syntax', 'digest has 64 hex digits, sha512 needs 128'],
  [`nginx@sha256:${HEX64.toUpperCase()}`, 'syntax', 'sha256 hex must be lowercase'],
  [`nginx@sha256:${'g'.repeat(64)}`, 'syntax', '"g" is not a hex digit'],
  [`nginx@md5:${HEX64.slice(0, 32)}`, 'syntax', 'unsupported digest algorithm "md5"'],
  ['nginx@sha256:abc', 'syntax', 'digest has 3 hex digits'],
  ['nginx@latest', 'syntax', 'expected algorithm:hex'],
  ['nginx@', 'syntax', 'invalid digest ""'],
  [`a@${SHA256_BUSYBOX}@${SHA256_BUSYBOX}`, 'syntax', 'more than one "@"'],
  [' nginx', 'syntax', 'leading or trailing whitespace'],
  ['nginx\n', 'syntax', 'leading or trailing whitespace'],
  ['a//b', 'syntax', 'empty path component'],
  ['nginx/', 'syntax', 'empty path component'],
  ['foo/-bar', 'syntax', 'component "-bar" must start and end with a lowercase letter or digit'],
  ['foo/a...b', 'syntax', 'has an invalid separator'],
  ['foo/a___b', 'syntax', 'has an invalid separator'],
  ['host:port/app', 'syntax', 'port "port" must be digits'],
  ['-bad.com/app', 'syntax', 'label "-bad" must not start or end with "-"'],
  ['foo_bar.com/x', 'syntax', 'character "_" is not allowed in a host name'],
  ['a..b/c', 'syntax', 'empty label'],
  ['[fe80::1%eth0]/x', 'syntax', 'IPv6 address may hold only hex digits'],
  ['[::1/x', 'syntax', 'no closing "]"'],
  [HEX64, 'syntax', 'cannot specify 64-byte hexadecimal strings'],
  ['docker://nginx', 'syntax', 'URL scheme "docker://"'],
  ['docker-pullable://nginx@' + SHA256_BUSYBOX, 'syntax', 'URL scheme'],
  [`a${'a'.repeat(247)}`, 'syntax', 'must not be more than 255 characters'],
  [':tag', 'syntax', 'no repository name'],
  ['nginx:1.0:2.0', 'syntax', 'character ":" is not allowed in "nginx:1.0"'],
  ['café:1', 'syntax', 'character "é"'],
];

describe('parseImageReference: invalid references', () => {
  test.each(invalid)('%j', (input, kind, reason) => {
    const result = parseImageReference(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.kind).toBe(kind);
    expect(result.reason).toContain(reason);
  });
});

describe('canonical, display and mutability', () => {
  const ref = (registry: string, repository: string, tag?: string, digest?: string): ImageRef => ({
    registry,
    repository,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  });
  test.each([
    [
      'no tag',
      ref('docker.io', 'library/nginx'),
      'docker.io/library/nginx:latest',
      'docker.io/library/nginx',
      true,
    ],
    [
      'latest',
      ref('docker.io', 'library/nginx', 'latest'),
      'docker.io/library/nginx:latest',
      'docker.io/library/nginx:latest',
      true,
    ],
    ['pinned tag', ref('quay.io', 'a/b', '1.0'), 'quay.io/a/b:1.0', 'quay.io/a/b:1.0', false],
    [
      'digest only',
      ref('ghcr.io', 'a', undefined, SHA256_BUSYBOX),
      `ghcr.io/a@${SHA256_BUSYBOX}`,
      `ghcr.io/a@${SHA256_BUSYBOX}`,
      false,
    ],
    [
      'latest pinned by digest',
      ref('ghcr.io', 'a', 'latest', SHA256_BUSYBOX),
      `ghcr.io/a@${SHA256_BUSYBOX}`,
      `ghcr.io/a:latest@${SHA256_BUSYBOX}`,
      false,
    ],
    [
      'port registry',
      ref('localhost:5000', 'x', 'dev'),
      'localhost:5000/x:dev',
      'localhost:5000/x:dev',
      false,
    ],
  ])('%s', (_name, value, canonical, display, mutable) => {
    expect(canonicalImage(value)).toBe(canonical);
    expect(formatImageRef(value)).toBe(display);
    expect(isMutableTag(value)).toBe(mutable);
  });
});
