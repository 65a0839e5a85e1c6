import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseManifestFile, type KubeObject } from '../../src/documents/parse.js';
import { readSourceFile } from '../../src/sources/files.js';
import { podKind, podlessKind } from '../../src/workloads/extract.js';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80}]\n';
const DEPLOYMENT_NO_IMAGE = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: empty}\nspec: {}\n';
const POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: nginx\n';
const CUSTOM_WITH_POD =
  'apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  containers: [{name: a, image: x}]\n';
const ARGO_NO_IMAGE =
  'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  templates:\n  - name: main\n    container: {command: [x]}\n';
const NOT_KUBERNETES = 'settings:\n  level: info\n';
const BROKEN = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n  a: c\n';
const CRD =
  'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: t.example.com}\nspec:\n  versions:\n  - name: v1\n    schema:\n      openAPIV3Schema:\n        properties:\n          image: {type: string}\n';
const LIST = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: s}\n';

/** The counts and what reached the sink, parsed the fast way. */
function fast(...docs: string[]) {
  const seen: string[] = [];
  const parsed = parseManifestFile(
    'f.yaml',
    docs.join('---\n'),
    (objects: KubeObject[]) => objects.forEach((o) => seen.push(`${o.kind}@${o.docIndex}`)),
    {
      compose: (apiVersion, kind, imageKey) =>
        podKind(apiVersion, kind) || (imageKey && !podlessKind(apiVersion, kind)),
    },
  );
  const { documents, skipped, syntaxOnly = 0 } = parsed;
  const problems = parsed.problems.map((p) => `${p.location.line}:${p.location.column} ${p.message}`);
  return { documents, skipped, syntaxOnly, seen, problems };
}

describe('documents that can hold no container are counted, not composed', () => {
  test.each([
    ['a Service', [SERVICE], { documents: 1, skipped: 0, syntaxOnly: 1, seen: [] }],
    ['a CRD whose schema names image', [CRD], { documents: 1, skipped: 0, syntaxOnly: 1, seen: [] }],
    [
      'a document that is no Kubernetes object',
      [NOT_KUBERNETES],
      { documents: 1, skipped: 1, syntaxOnly: 1, seen: [] },
    ],
    [
      'a built-in workload without image',
      [DEPLOYMENT_NO_IMAGE],
      { documents: 1, skipped: 0, syntaxOnly: 0, seen: ['Deployment@0'] },
    ],
    [
      'a known workload CRD without image',
      [ARGO_NO_IMAGE],
      { documents: 1, skipped: 0, syntaxOnly: 0, seen: ['Workflow@0'] },
    ],
    [
      'a custom resource with a pod spec',
      [CUSTOM_WITH_POD],
      { documents: 1, skipped: 0, syntaxOnly: 0, seen: ['Thing@0'] },
    ],
    [
      'a List (its items may be anything)',
      [LIST],
      { documents: 1, skipped: 0, syntaxOnly: 0, seen: ['Service@0'] },
    ],
    [
      'documents after a skipped one keep their index',
      [SERVICE, NOT_KUBERNETES, POD],
      { documents: 3, skipped: 1, syntaxOnly: 2, seen: ['Pod@2'] },
    ],
  ])('%s', (_name, docs, expected) => {
    expect(fast(...docs)).toEqual({ ...expected, problems: [] });
  });

  test('a broken document is reported where full parsing reports it', () => {
    const text = [SERVICE, BROKEN, POD].join('---\n');
    const full = parseManifestFile('f.yaml', text).problems;
    expect(full.map((p) => [p.location.line, p.location.column])).toEqual([[11, 3]]);
    expect(fast(SERVICE, BROKEN, POD)).toMatchObject({ documents: 3, syntaxOnly: 1, seen: ['Pod@2'] });
    expect(fast(SERVICE, BROKEN, POD).problems).toEqual(
      full.map((p) => `${p.location.line}:${p.location.column} ${p.message}`),
    );
  });
});

describe('loose files: node pools and runtime classes are still read', () => {
  test.each([
    [
      'a Karpenter NodePool',
      'apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: arm}\nspec:\n  template:\n    spec:\n      requirements:\n      - {key: kubernetes.io/arch, operator: In, values: [arm64]}\n',
      'karpenter',
    ],
    [
      'a RuntimeClass',
      'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: gvisor}\nhandler: runsc\nscheduling:\n  nodeSelector: {sandbox: "true"}\n',
      'runtimeClasses',
    ],
  ] as const)('%s', async (_name, text, field) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archcheck-skip-'));
    try {
      writeFileSync(path.join(dir, 'f.yaml'), `${SERVICE}---\n${text}`);
      const unit = await readSourceFile({ path: path.join(dir, 'f.yaml'), file: 'f.yaml' }, 1 << 20);
      expect(unit.file.syntaxOnly).toBe(1);
      expect(unit.facts?.[field]).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
