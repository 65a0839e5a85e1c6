import type { ReferenceCase } from './types.js';

/**
 * distribution/reference's tables, as an image field is read: the kubelet and containerd parse it with
 * `ParseNormalizedNamed` and name it by `ParseDockerRef` (docker.io, `library/`, default tag `latest`, the tag
 * dropped beside a digest), which is `canonical` here. TestReferenceParse exercises `Parse`, which does not
 * normalize; its verdicts are the same for these inputs, and `canonical` is their normalized name.
 * TestParseAnyReference's bare identifiers (`sha256:...`, 64 hex digits) are ParseAnyReference's own, which no
 * image field goes through, so they are not here.
 */
const F64 = 'f'.repeat(64);
const SHA = `sha256:${F64}`;
const DBCC = 'sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c';
const BUSYBOX = 'sha256:e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582';
const SHA86 = 'sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa';

const PARSE = 'distribution/reference reference_test.go TestReferenceParse';
const VALIDATE = 'distribution/reference normalize_test.go TestValidateReferenceName';
const REMOTE = 'distribution/reference normalize_test.go TestValidateRemoteName';
const INFO = 'distribution/reference normalize_test.go TestParseRepositoryInfo';
const TAG_DIGEST = 'distribution/reference normalize_test.go TestParseReferenceWithTagAndDigest';
const COMPONENTS = 'distribution/reference normalize_test.go TestInvalidReferenceComponents';
const ANY = 'distribution/reference normalize_test.go TestParseAnyReference';
const SPLIT = 'distribution/reference normalize_test.go TestNormalizedSplitHostname';
const DOCKER_REF = 'distribution/reference normalize_test.go TestParseDockerRef';

/** Valid, named `canonical`. */
const ok = (source: string, input: string, canonical: string, name = input): ReferenceCase => ({
  source,
  name,
  input,
  upstream: true,
  canonical,
});
/** Rejected. */
const bad = (source: string, input: string, name = input): ReferenceCase => ({
  source,
  name,
  input,
  upstream: false,
});

const referenceParse: ReferenceCase[] = [
  ok(PARSE, 'test_com', 'docker.io/library/test_com:latest'),
  ok(PARSE, 'test.com:tag', 'docker.io/library/test.com:tag'),
  ok(PARSE, 'test.com:5000', 'docker.io/library/test.com:5000'),
  ok(PARSE, 'test.com/repo:tag', 'test.com/repo:tag'),
  ok(PARSE, 'test:5000/repo', 'test:5000/repo:latest'),
  ok(PARSE, 'test:5000/repo:tag', 'test:5000/repo:tag'),
  ok(PARSE, `test:5000/repo@${SHA}`, `test:5000/repo@${SHA}`),
  ok(PARSE, `test:5000/repo:tag@${SHA}`, `test:5000/repo@${SHA}`),
  bad(PARSE, '', '(empty)'),
  bad(PARSE, ':justtag'),
  bad(PARSE, `@${SHA}`),
  bad(PARSE, 'repo@sha256:ffffffffffffffffffffffffffffffffff'),
  bad(PARSE, `validname@invaliddigest:${F64}`),
  {
    ...ok(
      PARSE,
      `validname@sha512:${'f'.repeat(128)}`,
      `docker.io/library/validname@sha512:${'f'.repeat(128)}`,
    ),
    upstream: false,
    archcheck: true,
    reason:
      'the upstream test binary does not link sha512 ("not registered by default"); Docker, containerd and the kubelet do',
  },
  bad(PARSE, 'Uppercase:tag'),
  bad(PARSE, 'test:5000/Uppercase/lowercase:tag'),
  ok(PARSE, 'lowercase:Uppercase', 'docker.io/library/lowercase:Uppercase'),
  bad(PARSE, `domain/${'a'.repeat(256)}:tag`, 'domain/a{256}:tag'),
  ok(
    PARSE,
    `${'a/'.repeat(127)}a:tag-puts-this-over-max`,
    `docker.io/${'a/'.repeat(127)}a:tag-puts-this-over-max`,
    'a/{127}a:tag-puts-this-over-max',
  ),
  bad(PARSE, 'aa/asdf$$^/aa'),
  ok(PARSE, 'sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com/bar/baz/quux:latest'),
  ok(PARSE, 'sub-dom1.foo.com/bar/baz/quux:some-long-tag', 'sub-dom1.foo.com/bar/baz/quux:some-long-tag'),
  ok(
    PARSE,
    'b.gcr.io/test.example.com/my-app:test.example.com',
    'b.gcr.io/test.example.com/my-app:test.example.com',
  ),
  ok(PARSE, 'xn--n3h.com/myimage:xn--n3h.com', 'xn--n3h.com/myimage:xn--n3h.com'),
  ok(PARSE, `xn--7o8h.com/myimage:xn--7o8h.com@${SHA}`, `xn--7o8h.com/myimage@${SHA}`),
  ok(PARSE, 'foo_bar.com:8080', 'docker.io/library/foo_bar.com:8080'),
  ok(PARSE, 'foo/foo_bar.com:8080', 'docker.io/foo/foo_bar.com:8080'),
  ok(PARSE, '192.168.1.1', 'docker.io/library/192.168.1.1:latest'),
  ok(PARSE, '192.168.1.1:tag', 'docker.io/library/192.168.1.1:tag'),
  ok(PARSE, '192.168.1.1:5000', 'docker.io/library/192.168.1.1:5000'),
  ok(PARSE, '192.168.1.1/repo', '192.168.1.1/repo:latest'),
  ok(PARSE, '192.168.1.1:5000/repo', '192.168.1.1:5000/repo:latest'),
  ok(PARSE, '192.168.1.1:5000/repo:5050', '192.168.1.1:5000/repo:5050'),
  bad(PARSE, '[2001:db8::1]'),
  bad(PARSE, '[2001:db8::1]:5000'),
  bad(PARSE, '[2001:db8::1]:tag'),
  ok(PARSE, '[2001:db8::1]/repo', '[2001:db8::1]/repo:latest'),
  ok(PARSE, '[2001:db8:1:2:3:4:5:6]/repo:tag', '[2001:db8:1:2:3:4:5:6]/repo:tag'),
  ok(PARSE, '[2001:db8::1]:5000/repo', '[2001:db8::1]:5000/repo:latest'),
  ok(PARSE, '[2001:db8::1]:5000/repo:tag', '[2001:db8::1]:5000/repo:tag'),
  ok(PARSE, `[2001:db8::1]:5000/repo@${SHA}`, `[2001:db8::1]:5000/repo@${SHA}`),
  ok(PARSE, `[2001:db8::1]:5000/repo:tag@${SHA}`, `[2001:db8::1]:5000/repo@${SHA}`),
  ok(PARSE, '[2001:db8::]:5000/repo', '[2001:db8::]:5000/repo:latest'),
  ok(PARSE, '[::1]:5000/repo', '[::1]:5000/repo:latest'),
  bad(PARSE, '[fe80::1%eth0]:5000/repo'),
  bad(PARSE, '[fe80::1%@invalidzone]:5000/repo'),
  ok(
    PARSE,
    `example.com/${'a'.repeat(255)}:tag`,
    `example.com/${'a'.repeat(255)}:tag`,
    'example.com/a{255}:tag',
  ),
];

const validNames: [input: string, canonical: string][] = [
  ['docker/docker', 'docker.io/docker/docker:latest'],
  ['library/debian', 'docker.io/library/debian:latest'],
  ['debian', 'docker.io/library/debian:latest'],
  ['localhost/library/debian', 'localhost/library/debian:latest'],
  ['localhost/debian', 'localhost/debian:latest'],
  ['LOCALDOMAIN/library/debian', 'LOCALDOMAIN/library/debian:latest'],
  ['LOCALDOMAIN/debian', 'LOCALDOMAIN/debian:latest'],
  ['docker.io/docker/docker', 'docker.io/docker/docker:latest'],
  ['docker.io/library/debian', 'docker.io/library/debian:latest'],
  ['docker.io/debian', 'docker.io/library/debian:latest'],
  ['index.docker.io/docker/docker', 'docker.io/docker/docker:latest'],
  ['index.docker.io/library/debian', 'docker.io/library/debian:latest'],
  ['index.docker.io/debian', 'docker.io/library/debian:latest'],
  ['127.0.0.1:5000/docker/docker', '127.0.0.1:5000/docker/docker:latest'],
  ['127.0.0.1:5000/library/debian', '127.0.0.1:5000/library/debian:latest'],
  ['127.0.0.1:5000/debian', '127.0.0.1:5000/debian:latest'],
  ['192.168.0.1', 'docker.io/library/192.168.0.1:latest'],
  ['192.168.0.1:80', 'docker.io/library/192.168.0.1:80'],
  ['192.168.0.1:8/debian', '192.168.0.1:8/debian:latest'],
  ['192.168.0.2:25000/debian', '192.168.0.2:25000/debian:latest'],
  [
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    'docker.io/library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev:latest',
  ],
  ['[fc00::1]:5000/docker', '[fc00::1]:5000/docker:latest'],
  ['[fc00::1]:5000/docker/docker', '[fc00::1]:5000/docker/docker:latest'],
  ['[fc00:1:2:3:4:5:6:7]:5000/library/debian', '[fc00:1:2:3:4:5:6:7]:5000/library/debian:latest'],
  [
    'docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
    'docker.io/library/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a:latest',
  ],
  ['Docker/docker', 'Docker/docker:latest'],
  ['DOCKER/docker', 'DOCKER/docker:latest'],
];

const invalidNames = [
  'https://github.com/docker/docker',
  'docker/Docker',
  '-docker',
  '-docker/docker',
  '-docker.io/docker/docker',
  'docker///docker',
  'docker.io/docker/Docker',
  'docker.io/docker///docker',
  '[fc00::1]',
  '[fc00::1]:5000',
  'fc00::1:5000/debian',
  '[fe80::1%eth0]:5000/debian',
  '[2001:db8:3:4::192.0.2.33]:5000/debian',
  '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
];

const validRemote: [string, string][] = [
  ['docker/docker', 'docker.io/docker/docker:latest'],
  [
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    'docker.io/library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev:latest',
  ],
  ['docker-rules/docker', 'docker.io/docker-rules/docker:latest'],
  ['docker---rules/docker', 'docker.io/docker---rules/docker:latest'],
  ['doc/docker', 'docker.io/doc/docker:latest'],
  ['d/docker', 'docker.io/d/docker:latest'],
  ['jess/t', 'docker.io/jess/t:latest'],
  ['dock__er/docker', 'docker.io/dock__er/docker:latest'],
];

const invalidRemote = [
  'docker/Docker',
  'docker///docker',
  '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
  '-docker/docker',
  'docker-/docker',
  '-docker-/docker',
  '____/____',
  '_docker/_docker',
  'dock..er/docker',
  'dock_.er/docker',
  'dock-.er/docker',
  'docker/',
  `${'this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_'.repeat(4).slice(0, -1)}/docker`,
];

/** TestParseRepositoryInfo: every spelling of a repository (familiar, full, ambiguous) names the full one. */
const repositoryInfo: [full: string, ...spellings: string[]][] = [
  ['localhost/fooo', 'localhost/fooo'],
  ['localhost/fooo/bar', 'localhost/fooo/bar'],
  ['LOCALDOMAIN/fooo', 'LOCALDOMAIN/fooo'],
  ['LOCALDOMAIN/fooo/bar', 'LOCALDOMAIN/fooo/bar'],
  ['docker.io/fooo/bar', 'fooo/bar', 'index.docker.io/fooo/bar'],
  ['docker.io/library/ubuntu', 'ubuntu', 'library/ubuntu'],
  ['docker.io/nonlibrary/ubuntu', 'nonlibrary/ubuntu'],
  ['docker.io/other/library', 'other/library'],
  ['127.0.0.1:8000/private/moonbase', '127.0.0.1:8000/private/moonbase'],
  ['127.0.0.1:8000/privatebase', '127.0.0.1:8000/privatebase'],
  ['example.com/private/moonbase', 'example.com/private/moonbase'],
  ['example.com/privatebase', 'example.com/privatebase'],
  ['example.com:8000/private/moonbase', 'example.com:8000/private/moonbase'],
  ['example.com:8000/privatebasee', 'example.com:8000/privatebasee'],
  ['docker.io/library/ubuntu-12.04-base', 'ubuntu-12.04-base', 'index.docker.io/library/ubuntu-12.04-base'],
  ['docker.io/library/foo', 'foo', 'docker.io/foo'],
  ['docker.io/library/foo/bar', 'library/foo/bar'],
  ['docker.io/store/foo/bar', 'store/foo/bar'],
  ['Foo/bar', 'Foo/bar'],
  ['FOO/bar', 'FOO/bar'],
];

const splitHostname: [input: string, name: string][] = [
  ['test.com/foo', 'test.com/foo'],
  ['test_com/foo', 'docker.io/test_com/foo'],
  ['docker/migrator', 'docker.io/docker/migrator'],
  ['test.com:8080/foo', 'test.com:8080/foo'],
  ['test-com:8080/foo', 'test-com:8080/foo'],
  ['foo', 'docker.io/library/foo'],
  ['xn--n3h.com/foo', 'xn--n3h.com/foo'],
  ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080/foo'],
  ['docker.io/foo', 'docker.io/library/foo'],
  ['docker.io/library/foo', 'docker.io/library/foo'],
  ['docker.io/library/foo/bar', 'docker.io/library/foo/bar'],
];

const anyReference: [input: string, canonical: string][] = [
  ['redis', 'docker.io/library/redis:latest'],
  ['redis:latest', 'docker.io/library/redis:latest'],
  ['docker.io/library/redis:latest', 'docker.io/library/redis:latest'],
  [`redis@${DBCC}`, `docker.io/library/redis@${DBCC}`],
  [`docker.io/library/redis@${DBCC}`, `docker.io/library/redis@${DBCC}`],
  ['dmcgowan/myapp', 'docker.io/dmcgowan/myapp:latest'],
  ['dmcgowan/myapp:latest', 'docker.io/dmcgowan/myapp:latest'],
  ['docker.io/mcgowan/myapp:latest', 'docker.io/mcgowan/myapp:latest'],
  [`dmcgowan/myapp@${DBCC}`, `docker.io/dmcgowan/myapp@${DBCC}`],
  [`docker.io/dmcgowan/myapp@${DBCC}`, `docker.io/dmcgowan/myapp@${DBCC}`],
  [
    'dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9',
    'docker.io/library/dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9:latest',
  ],
  ['dbcc1', 'docker.io/library/dbcc1:latest'],
];

const dockerRef: [name: string, input: string, canonical: string][] = [
  ['nothing', 'busybox', 'docker.io/library/busybox:latest'],
  ['tag only', 'busybox:latest', 'docker.io/library/busybox:latest'],
  ['digest only', `busybox@${BUSYBOX}`, `docker.io/library/busybox@${BUSYBOX}`],
  ['path only', 'library/busybox', 'docker.io/library/busybox:latest'],
  ['hostname only', 'docker.io/busybox', 'docker.io/library/busybox:latest'],
  ['no tag', 'docker.io/library/busybox', 'docker.io/library/busybox:latest'],
  ['no path', 'docker.io/busybox:latest', 'docker.io/library/busybox:latest'],
  ['no hostname', 'library/busybox:latest', 'docker.io/library/busybox:latest'],
  ['full reference with tag', 'docker.io/library/busybox:latest', 'docker.io/library/busybox:latest'],
  ['gcr reference without tag', 'gcr.io/library/busybox', 'gcr.io/library/busybox:latest'],
  ['both tag and digest', `gcr.io/library/busybox:latest@${BUSYBOX}`, `gcr.io/library/busybox@${BUSYBOX}`],
];

export const distributionReference: ReferenceCase[] = [
  ...referenceParse,
  ...validNames.map(([input, canonical]) => ok(VALIDATE, input, canonical)),
  ...invalidNames.map((input) => bad(VALIDATE, input)),
  ...validRemote.map(([input, canonical]) => ok(REMOTE, input, canonical)),
  ...invalidRemote.map((input) => bad(REMOTE, input, input.length > 80 ? 'namespace too long' : input)),
  ...repositoryInfo.flatMap(([full, ...spellings]) =>
    [...new Set([...spellings, full])].map((input) => ok(INFO, input, `${full}:latest`)),
  ),
  ok(TAG_DIGEST, `busybox:latest@${SHA86}`, `docker.io/library/busybox@${SHA86}`),
  bad(COMPONENTS, '-foo'),
  bad(COMPONENTS, 'busybox:-foo', 'WithTag(busybox, "-foo")'),
  bad(COMPONENTS, 'busybox@foo', 'WithDigest(busybox, "foo")'),
  ...anyReference.map(([input, canonical]) => ok(ANY, input, canonical)),
  ...splitHostname.map(([input, name]) => ok(SPLIT, input, `${name}:latest`)),
  ...dockerRef.map(([name, input, canonical]) => ok(DOCKER_REF, input, canonical, name)),
];
