/**
 * Engine speed against the YAML parsers (issue 14): the whole engine (discover, read, parse, extract, place,
 * check, report) over a generated repository (./generate-repo.ts) and the shared corpus, against js-yaml's
 * loadAll and the `yaml` package's parseAllDocuments over the same files, in the same run. Each mode runs in a
 * child process of its own, so its peak RSS is its own. 10,000 documents, and 2,500 for linearity;
 * `ARCHCHECK_BENCH_BIG=1 npm run bench -- parse` adds the 100,000-document repository (one round, minutes).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsyaml from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { runArchcheck } from '../src/engine/run.js';
import { RecordingLogger } from '../src/logger.js';
import type { ImageSource } from '../src/registry/source.js';
import { composeTuning } from '../src/sources/files.js';
import { CORPUS, CORPUS_MISSING, corpusFound } from '../test/support/corpus.js';
import { generateRepo } from './generate-repo.js';

type Mode = 'js-yaml' | 'yaml' | 'engine' | 'engine-full';

interface Measured {
  /** Best round's wall and CPU time (user + system, all threads). */
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  documents: number;
  workloads: number;
  syntaxOnly: number;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name))
      out.push(path.join(entry.parentPath, entry.name));
  }
  return out.sort();
}

/** Every image is multi-arch and answers at once: the run measures everything but the registry. */
const instantSource: ImageSource = {
  resolve: async () => ({
    kind: 'index',
    digest: 'sha256:0',
    platforms: [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
    ],
  }),
};

/** Runs `round` `rounds` times; the best round's times, with what the last one counted. */
async function best(rounds: number, round: () => Promise<Omit<Measured, 'ms' | 'cpuMs' | 'maxRssMb'>>) {
  let ms = Infinity;
  let cpuMs = Infinity;
  let counts = { documents: 0, workloads: 0, syntaxOnly: 0 };
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    counts = await round();
    const used = process.cpuUsage(cpu);
    ms = Math.min(ms, Number(process.hrtime.bigint() - start) / 1e6);
    cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
  }
  return { ms, cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024, ...counts };
}

/** Worker: one mode over a directory (the engine) or its file list (the parsers); prints a Measured. */
async function worker(mode: Mode, dir: string, rounds: number): Promise<void> {
  let measured: Measured;
  if (mode === 'engine' || mode === 'engine-full') {
    composeTuning.everyDocument = mode === 'engine-full';
    measured = await best(rounds, async () => {
      const report = await runArchcheck(
        { cwd: dir, paths: ['.'], architectures: ['amd64', 'arm64'], noCache: true },
        { logger: new RecordingLogger(), imageSource: instantSource },
      );
      const { documents, workloads, syntaxOnlyDocuments = 0 } = report.stats;
      return { documents, workloads, syntaxOnly: syntaxOnlyDocuments };
    });
  } else {
    const texts = (await listFiles(dir)).map((f) => readFileSync(f, 'utf8'));
    measured = await best(rounds, async () => {
      let documents = 0;
      for (const text of texts) {
        if (mode === 'js-yaml') jsyaml.loadAll(text, () => documents++);
        else documents += parseAllDocuments(text).length;
      }
      return { documents, workloads: 0, syntaxOnly: 0 };
    });
  }
  process.stdout.write(JSON.stringify(measured));
}

function measure(mode: Mode, dir: string, rounds: number): Measured {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--worker', mode, dir, String(rounds)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out) as Measured;
}

const fmt = (m: Measured) =>
  `${m.ms.toFixed(0)} ms (CPU ${m.cpuMs.toFixed(0)} ms), peak RSS ${m.maxRssMb.toFixed(0)} MB`;
const ratio = (a: Measured, b: Measured) =>
  `${(a.ms / b.ms).toFixed(2)}x (CPU ${(a.cpuMs / b.cpuMs).toFixed(2)}x)`;

/**
 * One repository: the two parsers, the engine composing every document, the engine as it runs. The goals (issue
 * 14) are for the generated repository; the corpus, richer in comments (parsed in full), is shown against them
 * without one.
 */
function compare(
  name: string,
  dir: string,
  rounds: number,
  goals: boolean,
): { lines: string[]; engine: Measured } {
  const js = measure('js-yaml', dir, rounds);
  const yaml = measure('yaml', dir, rounds);
  const full = measure('engine-full', dir, rounds);
  const engine = measure('engine', dir, rounds);
  const lines = [
    `  ${name}: ${engine.documents} documents, ${engine.workloads} workloads, ${engine.syntaxOnly} only syntax-checked (best of ${rounds})`,
    `    js-yaml loadAll           ${fmt(js)}`,
    `    yaml parseAllDocuments    ${fmt(yaml)}`,
    `    engine, all composed      ${fmt(full)}`,
    `    engine                    ${fmt(engine)}`,
    `    engine / js-yaml loadAll          ${ratio(engine, js)}${goals ? ' (goal <= 3x)' : ''}`,
    `    engine / yaml parseAllDocuments   ${ratio(engine, yaml)}${goals ? ' (goal <= 0.5x)' : ''}; all composed: ${ratio(full, yaml)}`,
  ];
  return { lines, engine };
}

export async function benchParse(): Promise<string> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'archcheck-bench-'));
  const big = process.env.ARCHCHECK_BENCH_BIG === '1';
  try {
    const lines = [
      'engine vs js-yaml loadAll and yaml parseAllDocuments, same files, each in its own process',
    ];
    if (corpusFound)
      lines.push(...compare('shared corpus (manifests)', path.join(CORPUS, 'manifests'), 3, false).lines);
    else lines.push(`  not measured: ${CORPUS_MISSING}`);
    const sizes = big ? [10_000, 100_000] : [2_500, 10_000];
    const perDocument: string[] = [];
    for (const documents of sizes) {
      const dir = path.join(tmp, `repo-${documents}`);
      const mib = generateRepo(dir, documents) / 1024 / 1024;
      const rounds = documents > 10_000 ? 1 : 3;
      const { lines: set, engine } = compare(`generated, ${mib.toFixed(1)} MiB`, dir, rounds, true);
      lines.push(...set);
      const us = (ms: number) => ((ms * 1000) / documents).toFixed(0);
      perDocument.push(`${us(engine.ms)} us (CPU ${us(engine.cpuMs)} us) per document at ${documents}`);
      if (documents > 10_000)
        lines.push(`    peak RSS ${engine.maxRssMb.toFixed(0)} MB at ${documents} documents (goal < 400 MB)`);
      rmSync(dir, { recursive: true, force: true });
    }
    lines.push(`  linearity: engine ${perDocument.join(', ')}`);
    if (!big) lines.push('  (ARCHCHECK_BENCH_BIG=1 adds the 100,000-document repository: several minutes)');
    return lines.join('\n');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--worker')
  await worker(process.argv[3] as Mode, process.argv[4] ?? '.', Number(process.argv[5] ?? 1));
else if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await benchParse());
