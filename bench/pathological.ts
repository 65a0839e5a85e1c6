/**
 * Parse + extract time of hostile inputs (issue 8) as a ratio to a plain file of the same size, and each
 * case's peak RSS, every case in a child process of its own. Goal: each ratio within 5x, peak RSS under 1 GB.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseManifestFile } from '../src/documents/parse.js';
import { DEFAULT_MAX_FILE_SIZE, readManifest } from '../src/documents/read.js';
import { extractWorkloads } from '../src/workloads/extract.js';
import { aliasBomb, bigList, manyAliases, wideMap } from '../test/documents/pathological.js';

const self = fileURLToPath(import.meta.url);
/** Generous bound: a regression to exponential or quadratic work misses it by orders of magnitude. */
const MAX_RATIO = 5;
const MAX_RSS_MB = 1024;

const CASES: Record<string, () => string> = {
  'alias bomb (9x9, unknown kind)': () => aliasBomb(9, 9),
  '5,000 aliases in a ConfigMap': () => manyAliases(5_000),
  '60,000-key map': () => wideMap(60_000),
  '10 MB List': () => bigList(36_000),
  // Above the default cap: --max-file-size raised to read it, as a workflow may.
  '50 MB List (cap raised)': () => bigList(180_000),
};

/** Plain Deployments, one per document, until `bytes` is reached: the baseline of the same size. */
function plainOfSize(bytes: number): string {
  const doc = (i: number) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-${i}}\nspec:\n  template:\n    spec:\n      containers:\n      - {name: app, image: "nginx:${i}"}\n---\n`;
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const d = doc(i);
    parts.push(d);
    size += d.length;
  }
  return parts.join('').slice(0, Math.max(bytes, 1));
}

/** Median ms of parse + extract, repeated until ~300 ms have passed so tiny inputs are not noise. */
function timeParse(text: string): number {
  const times: number[] = [];
  const started = Date.now();
  // Large inputs once: they take seconds, so noise is small and three runs would only cost minutes.
  const least = text.length > 5e6 ? 1 : 3;
  while (times.length < least || (Date.now() - started < 300 && times.length < 200)) {
    const t = performance.now();
    // As the engine reads files: workloads extracted per document, each AST dropped before the next.
    parseManifestFile('bench.yaml', text, (objects) => objects.forEach((o) => extractWorkloads(o)));
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
}

async function child(name: string, plain: boolean): Promise<void> {
  if (name === '50 MB List (default size cap)') {
    const dir = mkdtempSync(path.join(tmpdir(), 'archcheck-bench-'));
    const file = path.join(dir, 'list.yaml');
    writeFileSync(file, plain ? plainOfSize(50e6) : bigList(180_000));
    const t = performance.now();
    const read = await readManifest(file, 'list.yaml', DEFAULT_MAX_FILE_SIZE);
    const ms = performance.now() - t;
    rmSync(dir, { recursive: true, force: true });
    if (read.ok) throw new Error('the 50 MB file was read despite the cap');
    console.log(JSON.stringify({ ms, bytes: 50e6, rssMb: process.resourceUsage().maxRSS / 1024 }));
    return;
  }
  const make = CASES[name];
  if (!make) throw new Error(`no case ${name}`);
  const hostile = make();
  const text = plain ? plainOfSize(hostile.length) : hostile;
  const ms = timeParse(text);
  console.log(JSON.stringify({ ms, bytes: text.length, rssMb: process.resourceUsage().maxRSS / 1024 }));
}

interface Measured {
  ms: number;
  bytes: number;
  rssMb: number;
}

function measure(name: string, plain: boolean): Measured {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', self, '--case', name, ...(plain ? ['--plain'] : [])],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Measured;
}

export async function benchPathological(): Promise<string> {
  const rows = [
    '| input | bytes | ms | plain ms | ratio | peak RSS MB | plain RSS MB | within goal |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const failures: string[] = [];
  for (const name of [...Object.keys(CASES), '50 MB List (default size cap)']) {
    const hostile = measure(name, false);
    const plain = measure(name, true);
    const ratio = hostile.ms / Math.max(plain.ms, 0.001);
    // A capped file is never parsed: both sides take a stat and a close, so only a bound in ms means anything.
    const capped = name.includes('size cap');
    const ok = (capped ? hostile.ms < 1000 : ratio <= MAX_RATIO) && hostile.rssMb < MAX_RSS_MB;
    if (!ok) failures.push(name);
    rows.push(
      `| ${name} | ${hostile.bytes} | ${hostile.ms.toFixed(2)} | ${plain.ms.toFixed(2)} | ${ratio.toFixed(2)} | ${hostile.rssMb.toFixed(0)} | ${plain.rssMb.toFixed(0)} | ${ok ? 'yes' : 'NO'} |`,
    );
  }
  rows.push(
    '',
    failures.length === 0
      ? `all within ${MAX_RATIO}x and ${MAX_RSS_MB} MB`
      : `over the goal: ${failures.join(', ')}`,
  );
  return rows.join('\n');
}

const caseAt = process.argv.indexOf('--case');
if (caseAt !== -1) await child(process.argv[caseAt + 1] ?? '', process.argv.includes('--plain'));
