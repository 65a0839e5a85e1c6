import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyEntry, splitImage } from '../../src/sources/kustomize/images.js';
import type { ImageOverride } from '../../src/sources/kustomize/kustomization.js';
import { findOnPath } from '../../src/sources/exec.js';
import { kustomizeError } from '../../src/sources/kustomize/build.js';
import { at, check, K, where } from './support.js';

const summary = (
  findings: { rule: string; container?: string; location: { file: string; line: number; column: number } }[],
) => findings.map((f) => `${f.rule}${f.container ? ` ${f.container}` : ''} ${where(f.location)}`);

describe('kustomize builds of scenario fixtures (real kubectl kustomize)', () => {
  test('kubectl is installed (these tests build for real)', () => {
    expect(
      findOnPath('kubectl', process.env) ?? findOnPath('kustomize', process.env),
      'install kubectl (it includes kustomize)',
    ).toBeDefined();
  });

  test('newTag and digest together: the annotation lands on the digest line, which wins', async () => {
    const { report } = await check(K, ['digest-wins']);
    expect(summary(report.findings)).toEqual([
      `image-arch-mismatch app ${at('digest-wins/overlay/kustomization.yaml', 'sha256:0a1b')}`,
    ]);
    expect(report.findings[0]?.image).toBe(
      'ghcr.io/acme/app:2.0@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
    );
    expect(report.findings[0]?.workload).toEqual({ kind: 'Deployment', name: 'prod-app' });
  });

  test("a component's newName runs before the overlay's own entries; the overlay's newTag is the line; an entry matching nothing is a warning", async () => {
    const { report } = await check(K, ['component-chain']);
    expect(summary(report.findings)).toEqual([
      `image-arch-mismatch app ${at('component-chain/overlay/kustomization.yaml', "'3.0'")}`,
      `kustomize-image-unused ${at('component-chain/overlay/kustomization.yaml', 'ghcr.io/acme/renamed-away')}`,
    ]);
    expect(report.findings[1]?.severity).toBe('warning');
    expect(report.findings[1]?.message).toContain('images entry "ghcr.io/acme/renamed-away"');
  });

  test('an image an inline patch sets is annotated at the patch line in the kustomization', async () => {
    const { report } = await check(K, ['inline-patch']);
    expect(summary(report.findings)).toEqual([
      `image-arch-mismatch app ${at('inline-patch/kustomization.yaml', 'ghcr.io/acme/app-patched:1.1')}`,
    ]);
  });

  test('scheduling maps to the base, a container a patch file adds to the patch, and base files are not read twice', async () => {
    const { report } = await check(K, ['patched-scheduling'], {
      config: 'clusters:\n  - name: c\n    nodePools: [{name: x86, arch: amd64}]\n',
    });
    expect(summary(report.findings)).toEqual([
      `no-eligible-nodes ${at('patched-scheduling/base/worker.yaml', 'kubernetes.io/arch')}`,
    ]);
    expect(
      report.workloads.map(
        (w) =>
          `${w.namespace}/${w.name} ${w.file}:${w.line} ${w.containers.map((c) => `${c.name}@${c.line}`).join(',')}`,
      ),
    ).toEqual([
      `jobs/worker patched-scheduling/base/worker.yaml:1 worker@${at('patched-scheduling/base/worker.yaml', 'ghcr.io').split(':')[1]},sidecar@${at('patched-scheduling/overlay/add-sidecar.yaml', 'ghcr.io').split(':')[1]}`,
    ]);
    // Only the build is read: worker.yaml, the patch and the kustomizations are claimed.
    expect(report.stats.files).toBe(1);
  });

  test('a build failure is a finding naming the kustomization; its files are not checked loose', async () => {
    const { report } = await check(K, ['build-failure']);
    expect(summary(report.findings)).toEqual(['render-error build-failure/kustomization.yaml:1:1']);
    expect(report.findings[0]?.message).toMatch(
      /^kubectl kustomize failed for build-failure: .*missing\.yaml.*no such file or directory/,
    );
    expect(report.findings[0]?.message).not.toContain(K);
  });

  test('a remote base that cannot be fetched: the finding keeps the cause from every line of the error', async () => {
    const { report } = await check(K, ['remote-base']);
    expect(summary(report.findings)).toEqual(['render-error remote-base/kustomization.yaml:1:1']);
    const message = report.findings[0]?.message ?? '';
    expect(message).toMatch(/^kubectl kustomize failed for remote-base: accumulating resources/);
    expect(message).toContain('127.0.0.1:9/base/deployment.yaml');
    expect(message).toMatch(/connection refused|Couldn't connect to server/);
    expect(message).not.toMatch(/>\s*$/);
  });

  test('without kustomize or kubectl on PATH each root is a finding saying so', async () => {
    const { report } = await check(K, ['digest-wins', 'inline-patch'], {
      env: { PATH: path.join(K, 'no-such-bin') },
    });
    expect(summary(report.findings)).toEqual([
      'render-error digest-wins/overlay/kustomization.yaml:1:1',
      'render-error inline-patch/kustomization.yaml:1:1',
    ]);
    expect(report.findings[0]?.message).toBe(
      'digest-wins/overlay was not built or checked: neither kustomize nor kubectl is on PATH; install kubectl (it includes kustomize) or kustomize.',
    );
  });

  test('a kustomization file named `Kustomization` (no extension) is found and built too', async () => {
    const { report } = await check(K, ['extensionless']);
    expect(summary(report.findings)).toEqual([
      `image-arch-mismatch app ${at('extensionless/Kustomization', "'1.5'")}`,
    ]);
    expect(report.findings[0]?.workload).toEqual({ kind: 'Deployment', name: 'app', namespace: 'plain' });
  });

  test('kustomize.enabled: false reads the files as plain manifests, as without kustomize support', async () => {
    const { report } = await check(K, ['digest-wins'], { config: 'kustomize:\n  enabled: false\n' });
    expect(summary(report.findings).filter((f) => f.startsWith('image-arch-mismatch'))).toEqual([
      `image-arch-mismatch app ${at('digest-wins/base/app.yaml', 'ghcr.io/acme/app:1.0')}`,
    ]);
  });

  test('kustomize.roots builds the listed directories only', async () => {
    const { report } = await check(K, ['component-chain'], {
      config: `kustomize:\n  roots: [${path.join(K, 'component-chain/base')}]\n`,
    });
    expect(summary(report.findings)).toEqual([
      `image-arch-mismatch app ${at('component-chain/base/app.yaml', 'ghcr.io/acme/app:1.0')}`,
    ]);
  });
});

describe('the error kept from kubectl and kustomize output', () => {
  test.each([
    [
      'klog, one line',
      'E1129 01:12:02.250898   12217 run.go:72] "command failed" err="accumulating resources: open missing.yaml: no such file or directory"',
      'accumulating resources: open missing.yaml: no such file or directory',
    ],
    [
      'klog, a multi-line value',
      [
        'E1129 01:12:35.760204   14235 run.go:72] "command failed" err=<',
        "\taccumulating resources: accumulation err='accumulating resources from 'http://h/x': fetch failed': fatal: unable to access 'http://h/x/'",
        '\t: exit status 128',
        ' >',
      ].join('\n'),
      "accumulating resources: accumulation err='accumulating resources from 'http://h/x': fetch failed': fatal: unable to access 'http://h/x/': exit status 128",
    ],
    [
      'kustomize itself',
      '# Warning: old field\nError: trouble configuring builtin PatchTransformer',
      'trouble configuring builtin PatchTransformer',
    ],
    ['nothing printed', '', 'no error output'],
  ])('%s', (_name, stderr, kept) => {
    expect(kustomizeError(stderr)).toBe(kept);
  });
});

describe("kustomize's image rewriting (api/filters/imagetag), replayed", () => {
  test.each([
    ['nginx', { name: 'nginx', tag: '', digest: '' }],
    ['nginx:1.25', { name: 'nginx', tag: '1.25', digest: '' }],
    ['localhost:5000/app:1', { name: 'localhost:5000/app', tag: '1', digest: '' }],
    ['ghcr.io/a/b@sha256:abc', { name: 'ghcr.io/a/b', tag: '', digest: 'sha256:abc' }],
    ['ghcr.io/a/b:1.0@sha256:abc', { name: 'ghcr.io/a/b', tag: '1.0', digest: 'sha256:abc' }],
  ])('split %s', (image, parts) => {
    expect(splitImage(image)).toEqual(parts);
  });

  const entry = (e: Partial<ImageOverride>): ImageOverride => ({
    name: 'app',
    location: { file: 'k', line: 1, column: 1 },
    fields: {},
    ...e,
  });
  test.each([
    ['app:1', entry({ newTag: '2' }), 'app:2'],
    ['app:1@sha256:old', entry({ newTag: '2' }), 'app:2'],
    ['app:1', entry({ digest: 'sha256:new' }), 'app@sha256:new'],
    ['app:1', entry({ newTag: '2', digest: 'sha256:new' }), 'app:2@sha256:new'],
    ['app:1', entry({ newName: 'reg.io/app' }), 'reg.io/app:1'],
    ['app:1', entry({ tagSuffix: '-arm64' }), 'app:1-arm64'],
    ['other:1', entry({ newTag: '2' }), undefined],
    ['app-two:1', entry({ newTag: '2' }), undefined],
  ])('%s with %j', (image, e, expected) => {
    expect(applyEntry(image, e)).toBe(expected);
  });
});
