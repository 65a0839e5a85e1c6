import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildRoot } from '../../src/sources/kustomize/build-root.js';
import { findKustomizeTool } from '../../src/sources/kustomize/build.js';
import { SourceFiles } from '../../src/sources/kustomize/source-files.js';
import { loadKustomizeTree } from '../../src/sources/kustomize/tree.js';
import { at, check, K, where } from './support.js';

const reportName = (abs: string) => path.relative(K, abs);

describe('a root is built with origin annotations only when its workloads cannot be matched to files without', () => {
  test.each([
    {
      root: 'nested-names',
      why: 'names one file has inside another: the longest match decides',
      origins: false,
      files: ['api.yaml', 'api-worker.yaml'],
    },
    {
      root: 'digest-wins/overlay',
      why: 'a base through an overlay',
      origins: false,
      files: ['../base/app.yaml'],
    },
    {
      root: 'same-name-two-files',
      why: 'the same kind and name in two files (two namespaces): only origins tell them apart',
      origins: true,
      files: ['blue.yaml', 'green.yaml'],
    },
    {
      root: 'renamed-by-patch',
      why: 'a patch renames an object: its new name no longer says which file it came from',
      origins: true,
      files: ['api.yaml', 'worker.yaml'],
    },
    {
      root: 'plugin-transformer',
      why: 'a transformer plugin could make objects of its own',
      origins: true,
      files: ['api.yaml'],
    },
  ])('$root: $why', async ({ root, origins, files }) => {
    const dir = path.join(K, root);
    const tool = findKustomizeTool('auto', process.env);
    if (!tool) throw new Error('install kubectl (it includes kustomize)');
    const tree = await loadKustomizeTree([dir], undefined, reportName);
    const built = await buildRoot(tool, dir, tree, new SourceFiles(reportName), {
      loadRestrictor: 'rootOnly',
      env: process.env,
      timeoutMs: 60_000,
      rootName: root,
      rootFileName: `${root}/kustomization.yaml`,
      cwd: K,
    });
    if (!built.ok) throw new Error(built.message);
    expect(built.origins).toBe(origins);
    expect(built.objects.map((o) => o.file && path.relative(dir, o.file))).toEqual(files);
  });

  test.each([
    {
      root: 'same-name-two-files',
      expected: [
        `app ${at('same-name-two-files/blue.yaml', 'ghcr.io/acme/app-blue:1.0')}`,
        `app ${at('same-name-two-files/green.yaml', 'ghcr.io/acme/app-green:1.0')}`,
      ],
    },
    {
      root: 'nested-names',
      expected: [
        `api ${at('nested-names/api.yaml', 'ghcr.io/acme/api:1.0')}`,
        `api-worker ${at('nested-names/api-worker.yaml', 'ghcr.io/acme/api-worker:1.0')}`,
      ],
    },
  ])('$root: each finding is in the file its workload was written in', async ({ root, expected }) => {
    const { report } = await check(K, [root]);
    expect(report.findings.map((f) => `${f.container} ${where(f.location)}`).sort()).toEqual(expected);
  });
});
