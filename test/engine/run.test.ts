import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { runArchcheck } from '../../src/engine/run.js';
import { RecordingLogger } from '../../src/logger.js';
import { DIGEST_PIN, imageTable, type TableImageSource } from './fake-source.js';

const cwd = fileURLToPath(new URL('../fixtures/engine/rules/', import.meta.url));
let report: Report;
let source: TableImageSource;
let logger: RecordingLogger;

beforeAll(async () => {
  source = imageTable();
  logger = new RecordingLogger();
  report = await runArchcheck({ cwd, paths: ['.'] }, { logger, imageSource: source });
});

describe('findings of every rule (fixture engine/rules, cluster prod: general amd64, graviton arm64 tainted)', () => {
  test.each([
    [
      'yaml-parse-error',
      'error',
      'deploy/broken.yaml',
      5,
      3,
      ['YAML parse error: Flow sequence in block collection'],
    ],
    [
      'image-arch-mismatch',
      'error',
      'deploy/crash.yaml',
      14,
      18,
      [
        'Deployment crash, container "api"',
        'has no linux/arm64 build (it has linux/amd64)',
        'pool graviton',
        'exec format error',
        'nodeSelector kubernetes.io/arch: amd64',
      ],
    ],
    [
      'deprecated-arch-label',
      'warning',
      'deploy/images.yaml',
      6,
      5,
      ['beta.kubernetes.io/arch', 'use kubernetes.io/arch'],
    ],
    ['mutable-image-tag', 'notice', 'deploy/images.yaml', 9, 14, ['example.com/multi has no tag']],
    ['image-not-found', 'error', 'deploy/images.yaml', 11, 14, ['image not found: example.com/missing:1.0']],
    [
      'image-unresolved',
      'warning',
      'deploy/images.yaml',
      13,
      14,
      ['could not inspect example.com/unreachable:1.0', 'connection refused'],
    ],
    [
      'invalid-image-reference',
      'error',
      'deploy/images.yaml',
      15,
      14,
      ['"{{ .Values.image }}" is not a valid image reference', 'helm template'],
    ],
    // The image source threw: that image is unknown, and the run goes on.
    [
      'image-unresolved',
      'warning',
      'deploy/images.yaml',
      17,
      14,
      ['example.com/throws:1.0', 'internal error while resolving: Error: boom'],
    ],
    [
      'digest-mismatch',
      'error',
      'deploy/images.yaml',
      19,
      14,
      ['digest mismatch for example.com/multi:1.0@sha256:0000', 'hashes to sha256:1111'],
    ],
    [
      'no-eligible-nodes',
      'error',
      'deploy/pending.yaml',
      8,
      9,
      [
        'Job pending cannot be scheduled on any node pool of cluster prod',
        'nodeSelector kubernetes.io/arch=s390x excludes general',
        'graviton',
      ],
    ],
  ])('%s (%s) at %s:%i:%i', (rule, severity, file, line, column, essentials) => {
    const f = report.findings.find(
      (x) => x.rule === rule && x.location.file === file && x.location.line === line,
    );
    expect(f && [f.rule, f.severity, f.location.file, f.location.line, f.location.column]).toEqual([
      rule,
      severity,
      file,
      line,
      column,
    ]);
    for (const text of essentials) expect(f?.message).toContain(text);
  });

  test('exactly these findings, sorted by file and position', () => {
    expect(
      report.findings.map((f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.rule}`),
    ).toEqual([
      'deploy/broken.yaml:5:3 yaml-parse-error',
      'deploy/crash.yaml:14:18 image-arch-mismatch',
      'deploy/images.yaml:6:5 deprecated-arch-label',
      'deploy/images.yaml:9:14 mutable-image-tag',
      'deploy/images.yaml:11:14 image-not-found',
      'deploy/images.yaml:13:14 image-unresolved',
      'deploy/images.yaml:15:14 invalid-image-reference',
      'deploy/images.yaml:17:14 image-unresolved',
      'deploy/images.yaml:19:14 digest-mismatch',
      'deploy/pending.yaml:8:9 no-eligible-nodes',
    ]);
  });

  test('the arch mismatch carries cluster, workload, container, image, pools and missing platforms', () => {
    const f = report.findings.find((x) => x.rule === 'image-arch-mismatch');
    expect(f).toMatchObject({
      cluster: 'prod',
      workload: { kind: 'Deployment', name: 'crash' },
      container: 'api',
      image: 'example.com/amd64-only:1.0',
      nodePools: ['graviton'],
      platforms: ['linux/arm64'],
      location: { endLine: 14, endColumn: 44 },
    });
    const pending = report.findings.find((x) => x.rule === 'no-eligible-nodes');
    expect(pending).toMatchObject({
      cluster: 'prod',
      workload: { kind: 'Job', name: 'pending' },
      nodePools: ['general', 'graviton'],
    });
  });
});

describe('report', () => {
  test('each image is resolved once, however many workloads use it', () => {
    expect(Object.fromEntries(source.calls)).toEqual({
      'example.com/multi:1.0': 1,
      'example.com/multi:latest': 1,
      'example.com/amd64-only:1.0': 1,
      'example.com/missing:1.0': 1,
      'example.com/unreachable:1.0': 1,
      'example.com/throws:1.0': 1,
      [`example.com/multi@${DIGEST_PIN}`]: 1,
    });
    expect(
      report.workloads.flatMap((w) => w.containers).filter((c) => c.image === 'example.com/multi:1.0'),
    ).toHaveLength(4);
  });

  test('stats', () => {
    expect(report.stats).toEqual({
      files: 6, // the config file is not read as a manifest
      documents: 7,
      skippedDocuments: 0,
      syntaxOnlyDocuments: 1, // the Service: it can hold no container
      workloads: 5,
      containers: 11,
      images: 8, // the 7 resolved, and the one that does not parse
      findings: { error: 6, warning: 3, notice: 1 },
    });
  });

  test('workloads with their containers at the image positions', () => {
    expect(
      report.workloads.map((w) => [w.kind, w.name, w.namespace, w.file, w.line, w.containers.length]),
    ).toEqual([
      ['Pod', 'after-broken', undefined, 'deploy/broken.yaml', 7, 1],
      ['Deployment', 'crash', undefined, 'deploy/crash.yaml', 1, 2],
      ['Deployment', 'fine', 'shop', 'deploy/fine.yaml', 1, 1],
      ['Pod', 'images', undefined, 'deploy/images.yaml', 1, 6],
      ['Job', 'pending', undefined, 'deploy/pending.yaml', 1, 1],
    ]);
    expect(report.workloads[1]?.containers).toEqual([
      { name: 'migrate', type: 'init', image: 'example.com/multi:1.0', line: 11, column: 18 },
      { name: 'api', type: 'container', image: 'example.com/amd64-only:1.0', line: 14, column: 18 },
    ]);
  });

  test('images: as written, canonical, digest, sorted platforms or the error', () => {
    const byRef = Object.fromEntries(report.images.map((i) => [i.reference, i]));
    expect(byRef['example.com/multi:1.0']).toEqual({
      reference: 'example.com/multi:1.0',
      canonical: 'example.com/multi:1.0',
      digest: `sha256:${'a'.repeat(64)}`,
      platforms: ['linux/amd64', 'linux/arm64'],
    });
    expect(byRef['example.com/multi']).toMatchObject({ canonical: 'example.com/multi:latest' });
    expect(byRef['example.com/unreachable:1.0']).toEqual({
      reference: 'example.com/unreachable:1.0',
      canonical: 'example.com/unreachable:1.0',
      platforms: [],
      error: 'connection refused',
    });
    expect(byRef['{{ .Values.image }}']).toMatchObject({
      platforms: [],
      error: expect.stringContaining('unrendered'),
    });
    expect(report.images).toHaveLength(8);
  });

  test.each([
    ['example.com/amd64-only:1.0', 'general', 'runs'],
    ['example.com/amd64-only:1.0', 'graviton', 'exec-format-error'],
    // fine tolerates the taint, so some workload of multi:1.0 lands on graviton and runs there.
    ['example.com/multi:1.0', 'graviton', 'runs'],
    // the Pod that uses the untagged image selects amd64 nodes only.
    ['example.com/multi:latest', 'graviton', 'not-scheduled'],
    ['example.com/unreachable:1.0', 'general', 'unknown'],
    ['example.com/throws:1.0', 'general', 'unknown'],
  ])('matrix: %s on %s is %s', (image, nodePool, verdict) => {
    expect(report.matrix.filter((c) => c.image === image && c.nodePool === nodePool)).toEqual([
      { image, cluster: 'prod', nodePool, verdict },
    ]);
  });

  test('the declared cluster, no notices, nothing unmatched', () => {
    expect(report.clusters).toEqual([
      {
        name: 'prod',
        assumed: false,
        nodePools: [
          { name: 'general', platform: 'linux/amd64' },
          { name: 'graviton', platform: 'linux/arm64' },
        ],
      },
    ]);
    expect([report.notices, report.unmatchedFiles]).toEqual([[], []]);
    expect(logger.lines.filter((l) => l.level === 'warning')).toEqual([]);
  });

  test('one logger group per stage', () => {
    const groups = logger.lines.filter((l) => l.level === 'group').map((l) => l.message);
    expect(groups).toEqual(
      expect.arrayContaining(['Discover manifests', 'Parse manifests', 'Resolve images', 'Check']),
    );
  });
});
