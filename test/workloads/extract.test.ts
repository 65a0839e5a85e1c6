import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseManifestFile } from '../../src/documents/parse.js';
import { extractWorkloads } from '../../src/workloads/extract.js';
import type { Workload } from '../../src/workloads/workload.js';

function workloadsOf(fixture: string, dir = 'workloads'): Workload[] {
  const text = readFileSync(new URL(`../fixtures/${dir}/${fixture}`, import.meta.url), 'utf8');
  const parsed = parseManifestFile(fixture, text);
  expect(parsed.problems).toEqual([]);
  return parsed.objects.flatMap(extractWorkloads);
}

/** [name, type, image as written, line, column, parse error reason] per container. */
const containers = (w: Workload | undefined) =>
  (w?.containers ?? []).map((c) => [
    c.name,
    c.type,
    c.image,
    c.location.line,
    c.location.column,
    c.parseError?.reason,
  ]);

describe('every built-in kind', () => {
  const found = workloadsOf('every-kind.yaml');

  test.each([
    ['v1', 'Pod', 'pod', 1, 6, 24],
    ['apps/v1', 'Deployment', 'deploy', 8, 15, 28],
    ['apps/v1', 'StatefulSet', 'sts', 17, 24, 28],
    ['apps/v1', 'DaemonSet', 'ds', 26, 33, 28],
    ['apps/v1', 'ReplicaSet', 'rs', 35, 42, 28],
    ['v1', 'ReplicationController', 'rc', 44, 51, 28],
    ['batch/v1', 'Job', 'job', 53, 60, 28],
    ['batch/v1', 'CronJob', 'cron', 62, 71, 32],
    ['batch/v1beta1', 'CronJob', 'cron-beta', 73, 82, 32],
    ['v1', 'PodTemplate', 'tpl', 84, 90, 26],
    ['extensions/v1beta1', 'Deployment', 'old-deploy', 92, 99, 28],
  ])('%s %s %s at line %i, image at %i:%i', (apiVersion, kind, name, line, imageLine, imageColumn) => {
    const w = found.find((x) => x.name === name);
    expect(w && [w.apiVersion, w.kind, w.location.line, w.location.column]).toEqual([
      apiVersion,
      kind,
      line,
      1,
    ]);
    expect(containers(w)).toEqual([['c', 'container', `img/${name}:1`, imageLine, imageColumn, undefined]]);
    expect(w?.containers[0]?.ref).toEqual({ registry: 'docker.io', repository: `img/${name}`, tag: '1' });
  });

  test('one workload per object, in file order', () => {
    expect(found.map((w) => w.name)).toEqual([
      'pod',
      'deploy',
      'sts',
      'ds',
      'rs',
      'rc',
      'job',
      'cron',
      'cron-beta',
      'tpl',
      'old-deploy',
    ]);
  });
});

describe('containers', () => {
  test('init, regular and ephemeral containers, each at its image value (quoted, padded, key after image)', () => {
    const [w] = workloadsOf('container-types.yaml');
    expect([w?.kind, w?.name, w?.namespace]).toEqual(['Pod', 'all-types', 'team']);
    expect(containers(w)).toEqual([
      ['setup', 'init', 'alpine:3.20', 16, 14, undefined],
      ['app', 'container', 'ghcr.io/acme/app:2.1', 12, 14, undefined],
      ['sidecar', 'container', 'envoyproxy/envoy:v1.30', 14, 16, undefined],
      ['debugger', 'ephemeral', 'busybox:1.36', 9, 14, undefined],
    ]);
    expect(w?.containers[3]?.location).toMatchObject({ endLine: 9, endColumn: 26 });
  });

  test('flow style and comments keep exact image positions', () => {
    expect(containers(workloadsOf('flow-style.yaml', 'documents')[0])).toEqual([
      ['app', 'container', 'busybox:1.36', 4, 45, undefined],
    ]);
    expect(containers(workloadsOf('multi-doc.yaml', 'documents')[0])).toEqual([
      ['app', 'container', 'nginx:1.27', 17, 18, undefined],
    ]);
  });

  test('containers of list items are found at their lines', () => {
    expect(workloadsOf('list.json', 'documents').map((w) => [w.kind, w.name, containers(w)])).toEqual([
      ['DaemonSet', 'agent', [['a', 'container', 'agent:2', 9, 80, undefined]]],
    ]);
    expect(
      workloadsOf('pod-list.json', 'documents').map((w) => [w.name, w.namespace, containers(w)]),
    ).toEqual([
      ['one', 'ns', [['c', 'container', 'redis:7', 5, 106, undefined]]],
      ['two-', undefined, [['c', 'container', 'redis:7', 6, 96, undefined]]],
    ]);
  });

  test('anchored values are followed: names and images through aliases', () => {
    const [w] = workloadsOf('anchors.yaml', 'documents');
    expect(w?.containers.map((c) => [c.name, c.image])).toEqual([
      ['anchored', 'registry.example.com/team/app:1.0'],
      ['sidecar', 'registry.example.com/team/app:1.0'],
    ]);
    expect(w?.containers[0]?.location).toMatchObject({ line: 16, column: 23 });
  });

  test('an image written as an alias is reported where the alias is written', () => {
    const [w] = workloadsOf('anchors.yaml', 'documents');
    expect(w?.containers[1]?.location).toMatchObject({ line: 18, column: 18 });
  });

  test('missing and malformed images are kept with the reason, at the best position there is', () => {
    const found = workloadsOf('image-problems.yaml');
    expect(found.map((w) => w.name)).toEqual(['problems', 'no-pod-spec']);
    expect(containers(found[0]).filter((c) => c[0] !== 'number')).toEqual([
      ['no-image', 'container', '', 6, 7, 'container has no image'],
      ['list', 'container', '', 10, 14, 'image is not a string'],
      ['null-image', 'container', '', 12, 13, 'image is not a string'],
      [
        'template',
        'container',
        '{{ .Values.image }}',
        14,
        14,
        expect.stringContaining('unrendered Helm/Go template'),
      ],
      ['containers[5]', 'container', 'nginx:1.27', 15, 14, undefined],
    ]);
    expect(found[1]?.containers).toEqual([]);
  });

  // The API server rejects `image: 1234` ("got integer, expected string"): it must not be read as library/1234.
  test('a numeric image is not a string', () => {
    const number = workloadsOf('image-problems.yaml')[0]?.containers.find((c) => c.name === 'number');
    expect([
      number?.image,
      number?.parseError?.reason,
      number?.location.line,
      number?.location.column,
    ]).toEqual(['', 'image is not a string', 8, 14]);
  });
});

describe('objects that are not workloads', () => {
  test('ConfigMap and Secret data, CRD schemas and a custom resource with an image field give no containers', () => {
    const text = readFileSync(new URL('../fixtures/workloads/not-workloads.yaml', import.meta.url), 'utf8');
    const parsed = parseManifestFile('not-workloads.yaml', text);
    expect(parsed.objects.map((o) => o.kind)).toEqual([
      'ConfigMap',
      'CustomResourceDefinition',
      'Widget',
      'Secret',
    ]);
    expect(parsed.objects.map((o) => extractWorkloads(o))).toEqual([[], [], [], []]);
  });
});

describe('scheduling', () => {
  const [w] = workloadsOf('scheduling.yaml');
  const s = w!.scheduling;
  const pos = (l?: { line: number; column: number }) => (l ? [l.line, l.column] : undefined);

  test('nodeSelector entries at their keys', () => {
    expect(pos(s.nodeSelectorLocation)).toEqual([7, 7]);
    expect(s.nodeSelector.map((e) => [e.key, e.value, ...pos(e.location)!])).toEqual([
      ['kubernetes.io/arch', 'arm64', 8, 9],
      ['disktype', 'ssd', 9, 9],
    ]);
  });

  test('required terms with their expressions; matchFields flagged; preferred affinity not read', () => {
    expect(pos(s.requiredAffinityLocation)).toEqual([12, 11]);
    expect(
      s.requiredTerms?.map((t) => [
        t.hasMatchFields,
        ...pos(t.location)!,
        t.matchExpressions.map((e) => [e.key, e.operator, e.values, ...pos(e.location)!]),
      ]),
    ).toEqual([
      [
        false,
        14,
        17,
        [
          ['kubernetes.io/os', 'In', ['linux'], 15, 21],
          ['node.example.com/size', 'Gt', ['8'], 16, 21],
        ],
      ],
      [true, 19, 17, []],
    ]);
  });

  test('tolerations with only the fields written', () => {
    expect(s.tolerations.map(({ location, ...t }) => [t, ...pos(location)!])).toEqual([
      [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, 27, 11],
      [{ operator: 'Exists' }, 28, 11],
    ]);
  });

  test('a pod with no constraints has none', () => {
    const plain = workloadsOf('every-kind.yaml')[0]!.scheduling;
    expect(plain).toEqual({ nodeSelector: [], tolerations: [] });
  });
});
