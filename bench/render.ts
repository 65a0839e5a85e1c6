/**
 * Render + parse time on the corpus trees: kustomize builds (archcheck's source against bare `kubectl kustomize`),
 * Helm-rendered streams (parse + extract + template naming against bare parsing), and a Helm chart when helm is
 * on PATH. Run with `npx tsx bench/render.ts`.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { parseManifestFile } from '../src/documents/parse.js';
import { discoverFiles } from '../src/sources/discover.js';
import { renderHelmCharts } from '../src/sources/helm/index.js';
import { nameTemplate } from '../src/sources/helm/source-comment.js';
import { findOnPath } from '../src/sources/exec.js';
import { findKustomizeTool } from '../src/sources/kustomize/build.js';
import { DEFAULT_KUSTOMIZE_SETTINGS, renderKustomizations } from '../src/sources/kustomize/index.js';
import { loadKustomizeTree, candidateDirs } from '../src/sources/kustomize/tree.js';
import { extractWorkloads } from '../src/workloads/extract.js';
import { materializeChart } from '../test/helm/standin.js';
import { CORPUS, CORPUS_MISSING, corpusFound } from '../test/support/corpus.js';

const ROUNDS = 5;

async function best<T>(rounds: number, fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  let ms = Infinity;
  let value: T | undefined;
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    value = await fn();
    ms = Math.min(ms, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms, value: value as T };
}

async function kustomizeLines(): Promise<string[]> {
  const env = process.env;
  const tool = findKustomizeTool('auto', env);
  if (!tool) return ['  kustomize: neither kustomize nor kubectl on PATH, not measured'];
  const files = (
    await discoverFiles({ cwd: CORPUS, paths: ['kustomize'], include: [], exclude: [], globBase: CORPUS })
  ).files.map((f) => f.path);
  const tree = await loadKustomizeTree(candidateDirs(files), undefined, (abs) => path.relative(CORPUS, abs));
  const bare = await best(3, () => {
    let ok = 0;
    for (const root of tree.roots) {
      try {
        execFileSync(tool.command, [tool.subcommand, root, '--load-restrictor', 'LoadRestrictionsNone'], {
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        ok++;
      } catch {
        // the tree that needs the network fails the same way for both
      }
    }
    return ok;
  });
  const settings = { ...DEFAULT_KUSTOMIZE_SETTINGS, loadRestrictor: 'none' as const };
  const ours = await best(3, () => renderKustomizations({ cwd: CORPUS, files, settings, env }));
  const documents = ours.value.units.reduce((n, u) => n + u.file.documents, 0);
  const workloads = ours.value.units.reduce((n, u) => n + u.workloads.length, 0);
  return [
    `  kustomize (${path.basename(tool.command)} ${tool.subcommand}): ${tree.roots.length} roots, ${bare.value} build, ${documents} documents, ${workloads} workloads (best of 3)`,
    `    bare builds, one after another      ${bare.ms.toFixed(0)} ms`,
    `    archcheck (one build per core, up to 4, origin annotations on, parse, map back to sources)`,
    `                                        ${ours.ms.toFixed(0)} ms = ${(ours.ms / bare.ms).toFixed(2)}x of the bare builds`,
  ];
}

async function helmRenderedLines(): Promise<string[]> {
  const dir = path.join(CORPUS, 'helm-rendered');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    entries.filter((e) => e.isFile()).map((e) => readFile(path.join(e.parentPath, e.name), 'utf8')),
  );
  const bytes = texts.reduce((n, t) => n + t.length, 0);
  const bareParse = () => texts.reduce((n, t) => n + parseAllDocuments(t).length, 0);
  const oursParse = () => {
    let named = 0;
    for (const [i, text] of texts.entries()) {
      for (const obj of parseManifestFile(`f${i}`, text).objects)
        named += nameTemplate(obj, extractWorkloads(obj)).filter((w) => w.template).length;
    }
    return named;
  };
  // Warm both up first: the first pass over 1.3 MiB pays for JIT compilation of the parser, whoever runs it.
  await best(2, bareParse);
  await best(2, oursParse);
  const bare = await best(ROUNDS, bareParse);
  const ours = await best(ROUNDS, oursParse);
  return [
    `  helm-rendered/: ${texts.length} files, ${(bytes / 1024).toFixed(0)} KiB, ${ours.value} workloads named by template (best of ${ROUNDS})`,
    `    bare parseAllDocuments              ${bare.ms.toFixed(1)} ms`,
    `    parse + extract + # Source naming   ${ours.ms.toFixed(1)} ms = ${(ours.ms / bare.ms).toFixed(2)}x of bare parsing`,
  ];
}

async function helmChartLines(): Promise<string[]> {
  const helm = findOnPath('helm', process.env);
  if (!helm) return ['  helm chart: helm is not on PATH, not measured (GitHub runners have it)'];
  const { dir, chart: CHART } = await materializeChart('web');
  const chart = {
    chart: CHART,
    local: true,
    release: 'bench',
    values: [],
    set: [],
    declaredIn: path.join(CHART, 'Chart.yaml'),
    position: { line: 1, column: 1 },
  };
  const run = await best(3, () =>
    renderHelmCharts({
      cwd: dir,
      charts: [chart],
      files: [],
      env: process.env,
    }),
  );
  return [
    `  helm chart test/fixtures/helm/charts/web: helm template + parse + map ${run.ms.toFixed(0)} ms (best of 3)`,
  ];
}

export async function benchRender(): Promise<string> {
  return [
    'render + parse on the corpus trees',
    ...(corpusFound ? await kustomizeLines() : [`  kustomize: not measured: ${CORPUS_MISSING}`]),
    ...(corpusFound ? await helmRenderedLines() : [`  helm-rendered: not measured: ${CORPUS_MISSING}`]),
    ...(await helmChartLines()),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await benchRender());
