import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURES } from '../kustomize/support.js';

/** What the stand-in does for one exact argument list: print a canned render, or fail like helm. */
export interface StandInCase {
  args: string[];
  /** File whose text is printed on stdout. */
  stdout?: string;
  stderr?: string;
  code?: number;
}

/**
 * A `helm` for tests (there is no helm binary on these machines): a script that answers only the exact argument
 * lists it was given, printing a canned render, and fails like helm (`Error: ...`, exit 2) on any other, so a
 * test that passes wrong arguments sees a render-error. Every call is logged.
 */
const SCRIPT = `#!/usr/bin/env node
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(process.env.HELM_STANDIN_LOG, JSON.stringify(args) + '\\n');
const cases = JSON.parse(fs.readFileSync(process.env.HELM_STANDIN_CASES, 'utf8'));
const found = cases.find((c) => JSON.stringify(c.args) === JSON.stringify(args));
if (!found) {
  process.stderr.write('Error: stand-in helm: unexpected arguments ' + JSON.stringify(args) + '\\n');
  process.exit(2);
}
if (found.stderr) process.stderr.write(found.stderr);
if (found.stdout) process.stdout.write(fs.readFileSync(found.stdout, 'utf8'));
process.exit(found.code || 0);
`;

export interface StandIn {
  env: Record<string, string | undefined>;
  /** The argument lists helm was called with, in call order. */
  calls(): Promise<string[][]>;
}

export async function standInHelm(cases: StandInCase[]): Promise<StandIn> {
  const dir = await mkdtemp(path.join(tmpdir(), 'archcheck-helm-'));
  const bin = path.join(dir, 'bin');
  await mkdir(bin);
  await writeFile(path.join(bin, 'helm'), SCRIPT);
  await chmod(path.join(bin, 'helm'), 0o755);
  const casesFile = path.join(dir, 'cases.json');
  const log = path.join(dir, 'calls.log');
  await writeFile(casesFile, JSON.stringify(cases));
  await writeFile(log, '');
  return {
    env: {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
      HELM_STANDIN_CASES: casesFile,
      HELM_STANDIN_LOG: log,
    },
    calls: async () =>
      (await readFile(log, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as string[]),
  };
}

/**
 * A fixture chart copied to `<dir>/charts/<name>` with its `*.tmpl` templates renamed as helm names them. The repo
 * keeps them as `.tmpl`: Go templates are not YAML, and the format check would try to parse a `.yaml` one.
 */
export async function materializeChart(name: string): Promise<{ dir: string; chart: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'archcheck-chart-'));
  const chart = path.join(dir, 'charts', name);
  await cp(path.join(FIXTURES, 'helm/charts', name), chart, { recursive: true });
  const templates = path.join(chart, 'templates');
  for (const file of await readdir(templates)) {
    if (file.endsWith('.tmpl'))
      await rename(path.join(templates, file), path.join(templates, file.slice(0, -'.tmpl'.length)));
  }
  return { dir, chart };
}
