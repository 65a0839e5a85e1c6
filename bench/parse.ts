/**
 * Parse + extract throughput against the `yaml` package's bare parseAllDocuments over the same files,
 * in the same run, each measured in a child process of its own so peak memory is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { parseManifestFile } from '../src/documents/parse.js';
import { extractWorkloads } from '../src/workloads/extract.js';
import { runArchcheck } from '../src/engine/run.js';
import { RecordingLogger } from '../src/logger.js';
import type { ImageSource } from '../src/registry/source.js';
import { CORPUS, CORPUS_MISSING, corpusFound } from '../test/support/corpus.js';

const ROUNDS = 5;

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name))
      out.push(path.join(entry.parentPath, entry.name));
  }
  return out.sort();
}

/** 1,000 files x 10 documents: Deployments, Services and ConfigMaps, as a deployment repo has them. */
function generateRepo(dir: string): void {
  for (let f = 0; f < 1000; f++) {
    const docs: string[] = [];
    for (let d = 0; d < 10; d++) {
      const n = f * 10 + d;
      if (d % 3 === 0) {
        docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${n}
  namespace: team-${f % 20}
  labels: {app: app-${n}, tier: backend}
spec:
  replicas: 2
  selector:
    matchLabels: {app: app-${n}}
  template:
    metadata:
      labels: {app: app-${n}}
    spec:
      nodeSelector:
        kubernetes.io/arch: ${n % 2 ? 'amd64' : 'arm64'}
      initContainers:
        - name: init
          image: busybox:1.36
      containers:
        - name: app
          image: ghcr.io/acme/app-${n % 50}:1.${n % 7}.0
          ports: [{containerPort: 8080}]
          env:
            - {name: MODE, value: production}
          resources: {requests: {cpu: 100m, memory: 128Mi}}
`);
      } else if (d % 3 === 1) {
        docs.push(`apiVersion: v1
kind: Service
metadata: {name: app-${n}}
spec:
  selector: {app: app-${n}}
  ports: [{port: 80, targetPort: 8080}]
`);
      } else {
        docs.push(`apiVersion: v1
kind: ConfigMap
metadata: {name: cfg-${n}}
data:
  settings.yaml: |
    level: info
    image: not-a-container:${n}
`);
      }
    }
    mkdirSync(path.join(dir, `svc-${f % 10}`), { recursive: true });
    writeFileSync(path.join(dir, `svc-${f % 10}`, `app-${f}.yaml`), docs.join('---\n'));
  }
}

/** Every image is multi-arch: the engine run measures discovery, reading, parsing, placement and checks. */
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

/** Worker for the whole engine (discover + read + parse + extract + place + check + report) over one directory. */
async function engineWorker(dir: string): Promise<void> {
  let best = Infinity;
  let documents = 0;
  let workloads = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    const report = await runArchcheck(
      { cwd: dir, paths: ['.'], architectures: ['amd64', 'arm64'] },
      { logger: new RecordingLogger(), imageSource: instantSource },
    );
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    documents = report.stats.documents;
    workloads = report.stats.workloads;
  }
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms: best, maxRssMb, documents, workloads }));
}

/** Worker: one mode over the file list, ROUNDS times; prints {ms (best round), maxRssMb, documents, workloads}. */
function worker(mode: string, listFile: string): void {
  const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  let best = Infinity;
  let documents = 0;
  let workloads = 0;
  for (let round = 0; round < ROUNDS; round++) {
    documents = 0;
    workloads = 0;
    const start = process.hrtime.bigint();
    texts.forEach((text, i) => {
      if (mode === 'bare') {
        documents += parseAllDocuments(text).length;
      } else {
        const parsed = parseManifestFile(files[i] ?? '', text);
        documents += parsed.documents;
        for (const obj of parsed.objects) workloads += extractWorkloads(obj).length;
      }
    });
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms: best, maxRssMb, documents, workloads }));
}

function measure(mode: string, listFile: string) {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--worker', mode, listFile],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out) as { ms: number; maxRssMb: number; documents: number; workloads: number };
}

export async function benchParse(): Promise<string> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'archcheck-bench-'));
  try {
    const generated = path.join(tmp, 'repo');
    generateRepo(generated);
    const sets = [
      ...(corpusFound ? [{ name: 'shared corpus', dir: CORPUS, files: await listFiles(CORPUS) }] : []),
      { name: 'generated 10,000 documents', dir: generated, files: await listFiles(generated) },
    ];
    const lines = [
      'parse + extract vs bare yaml.parseAllDocuments (best of 5 rounds, each in its own process)',
      ...(corpusFound ? [] : [`  not measured: ${CORPUS_MISSING}`]),
    ];
    for (const set of sets) {
      const listFile = path.join(tmp, `${set.name.replace(/\W+/g, '-')}.txt`);
      writeFileSync(listFile, set.files.join('\n'));
      const bare = measure('bare', listFile);
      const ours = measure('archcheck', listFile);
      const engine = measure('engine', set.dir);
      lines.push(
        `  ${set.name}: ${set.files.length} files, ${ours.documents} documents, ${ours.workloads} workloads`,
        `    bare parse      ${bare.ms.toFixed(1)} ms, peak RSS ${bare.maxRssMb.toFixed(0)} MB`,
        `    archcheck       ${ours.ms.toFixed(1)} ms, peak RSS ${ours.maxRssMb.toFixed(0)} MB`,
        `    ratio           ${(ours.ms / bare.ms).toFixed(2)}x of bare parsing (goal <= 1.5x); peak memory ${ours.maxRssMb.toFixed(0)} MB (goal < 400 MB)`,
        `    whole engine    ${engine.ms.toFixed(1)} ms = ${(engine.ms / bare.ms).toFixed(2)}x of bare parsing (discover, read, parse, place, check, report), peak RSS ${engine.maxRssMb.toFixed(0)} MB`,
      );
    }
    return lines.join('\n');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--worker' && process.argv[3] === 'engine')
  await engineWorker(process.argv[4] ?? '.');
else if (process.argv[2] === '--worker') worker(process.argv[3] ?? 'bare', process.argv[4] ?? '');
else if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await benchParse());
