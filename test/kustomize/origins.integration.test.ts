import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildRoot } from '../../src/sources/kustomize/build-root.js';
import { findKustomizeTool } from '../../src/sources/kustomize/build.js';
import { SourceFiles } from '../../src/sources/kustomize/source-files.js';
import { loadKustomizeTree } from '../../src/sources/kustomize/tree.js';
import { check, FIXTURES, where } from './support.js';

const K = path.join(FIXTURES, 'kustomize');
const reportName = (abs: string) => path.relative(K, abs);

/** `file:line:column` of `needle` in a fixture file, relative to test/fixtures/kustomize. */
function at(file: string, needle: string): string {
  const lines = readFileSync(path.join(K, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`${needle} not in ${file}`);
  return `${file}:${line + 1}:${(lines[line]?.indexOf(needle) ?? 0) + 1}`;
}

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
