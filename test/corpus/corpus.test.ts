import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parseManifestFile, type ParsedFile } from '../../src/documents/parse.js';
import { extractWorkloads } from '../../src/workloads/extract.js';
import { builtinPodSpecPath } from '../../src/workloads/kinds.js';
import type { Workload } from '../../src/workloads/workload.js';
import { CORPUS as corpus } from '../support/corpus.js';
import { describeCorpus } from '../support/describe-corpus.js';

// Real-world manifests (see the corpus README), read in place.
const DIRS = ['manifests', 'helm-rendered', 'kustomize', 'nodes'] as const;
const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.txt']);
const INVALID = 'helm-rendered/helm__helm/pkg/cmd/testdata/output/template-with-invalid-yaml-debug.txt';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

interface Parsed {
  rel: string;
  dir: string;
  manifest: boolean;
  text: string;
  parsed: ParsedFile;
  workloads: Workload[];
}

// Every file, whatever its extension (READMEs, scripts, a PNG): nothing may throw.
const readAll = (): Parsed[] =>
  DIRS.flatMap((dir) => walk(path.join(corpus, dir))).map((abs) => {
    const rel = path.relative(corpus, abs).split(path.sep).join('/');
    const text = readFileSync(abs, 'utf8');
    const parsed = parseManifestFile(rel, text);
    return {
      rel,
      dir: rel.slice(0, rel.indexOf('/')),
      manifest: MANIFEST_EXTENSIONS.has(path.extname(abs).toLowerCase()),
      text,
      parsed,
      workloads: parsed.objects.flatMap(extractWorkloads),
    };
  });

const builtin = (w: Workload) => !w.inferred && builtinPodSpecPath(w.apiVersion, w.kind) !== undefined;

describeCorpus('corpus', () => {
  const files = readAll();
  test('every file was read (the README lists 276 files in these four directories)', () => {
    expect(files).toHaveLength(276);
    expect(files.filter((f) => f.manifest)).toHaveLength(249);
  });

  test('among .yaml/.yml/.json/.txt files only the deliberately invalid helm output has problems', () => {
    const withProblems = files.filter((f) => f.manifest && f.parsed.problems.length > 0);
    expect(withProblems.map((f) => f.rel)).toEqual([INVALID]);
    // One problem per document (issue 15): the stray `invalid` line, counting helm's `Error: ...` line after it.
    expect(
      withProblems[0]?.parsed.problems.map((p) => [p.location.line, p.location.column, p.message]),
    ).toEqual([[12, 1, 'Implicit keys need to be on a single line (and 4 more problems in this document)']]);
  });

  test.each([
    // README "Quick stats": non-empty documents, a List counting once. helm-rendered has one more here: the
    // broken document of the invalid file, which PyYAML (the README's count) could not split out.
    ['manifests', 479],
    ['helm-rendered', 187],
    ['kustomize', 191],
    ['nodes', 26],
  ])('%s: %i non-empty documents', (dir, documents) => {
    expect(files.filter((f) => f.manifest && f.dir === dir).reduce((n, f) => n + f.parsed.documents, 0)).toBe(
      documents,
    );
  });

  test('workloads of the built-in kinds, over manifests/, helm-rendered/ and kustomize/', () => {
    const counts: Record<string, number> = {};
    for (const w of files.filter((f) => f.dir !== 'nodes').flatMap((f) => f.workloads.filter(builtin))) {
      counts[w.kind] = (counts[w.kind] ?? 0) + 1;
    }
    // The README says Job 10: the tenth is helm's get-hooks.txt `apiVersion: v1, kind: Job`, which is no
    // Kubernetes kind (Job is batch/v1), so the API server would reject it and it is rightly not a workload.
    expect(counts).toEqual({
      Deployment: 100,
      Pod: 31,
      DaemonSet: 16,
      StatefulSet: 10,
      Job: 9,
      ReplicationController: 4,
      ReplicaSet: 1,
      CronJob: 1,
    });
  });

  test('the v1 Job of helm get-hooks is parsed but not a workload', () => {
    const hooks = files.find((f) => f.rel.endsWith('output/get-hooks.txt'));
    expect(hooks?.parsed.objects.map((o) => [o.apiVersion, o.kind])).toEqual([['v1', 'Job']]);
    expect(hooks?.workloads.filter(builtin)).toEqual([]);
  });

  test('no container comes from a CustomResourceDefinition', () => {
    const crds = files.flatMap((f) => f.parsed.objects.filter((o) => o.kind === 'CustomResourceDefinition'));
    expect(crds.length).toBeGreaterThan(50);
    expect(crds.flatMap((o) => extractWorkloads(o))).toEqual([]);
  });

  test('every image of a built-in workload is found at its position in the source text', () => {
    const misplaced: string[] = [];
    let checked = 0;
    for (const f of files) {
      const lines = f.text.split(/\r?\n/);
      for (const c of f.workloads.filter(builtin).flatMap((w) => w.containers)) {
        if (!c.image) continue;
        checked++;
        const at = (lines[c.location.line - 1] ?? '').slice(c.location.column - 1).replace(/^["']/, '');
        if (!at.startsWith(c.image))
          misplaced.push(`${f.rel}:${c.location.line}:${c.location.column} ${c.image}`);
      }
    }
    expect(misplaced).toEqual([]);
    expect(checked).toBe(237);
  });
});
