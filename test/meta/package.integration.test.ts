import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

// What `npm install archcheck` gives a CLI user: the CLI bundle alone, no dependency tree, no action bundle.

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(path.join(os.tmpdir(), 'archcheck-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_offline: 'true' },
  });

function treeSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    // lstat: the .bin link is not a second copy of the CLI.
    total += entry.isDirectory() ? treeSize(p) : lstatSync(p).size;
  }
  return total;
}

test('the package holds the CLI bundle, the schema, the README and the licence, and nothing else', () => {
  const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], root)) as {
    files: { path: string }[];
  }[];
  const files = packed?.files.map((f) => f.path).sort() ?? [];
  // ncc writes what the CLI imports on demand (the engine, the reporters) as numbered chunks beside index.js.
  const chunks = files.filter((f) => /^dist\/cli\/\d+\.index\.js$/.test(f));
  expect(chunks.length).toBeGreaterThan(0);
  expect(files.filter((f) => !chunks.includes(f))).toEqual([
    'LICENSE',
    'README.md',
    'dist/cli/index.js',
    'dist/cli/licenses.txt',
    'dist/cli/package.json',
    'package.json',
    'schema/archcheck.schema.json',
  ]);
});

test('installing it adds one package of a few MB, without network, and the CLI runs', () => {
  const tarball = npm(['pack', '--ignore-scripts', '--pack-destination', work], root)
    .trim()
    .split('\n')
    .pop();
  const app = path.join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(path.join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}\n');
  npm(['install', '--ignore-scripts', path.join(work, tarball ?? '')], app);
  const modules = path.join(app, 'node_modules');
  expect(readdirSync(modules).filter((n) => !n.startsWith('.'))).toEqual(['archcheck']);
  expect(treeSize(modules)).toBeLessThan(4 * 1024 * 1024);
  const bin = path.join(modules, '.bin', 'archcheck');
  expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+/);
  // A scan loads the engine's chunks: they must have been packed too. A ConfigMap names no image, so no network.
  const tree = path.join(work, 'tree');
  execFileSync('mkdir', ['-p', tree]);
  writeFileSync(path.join(tree, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n');
  const report = JSON.parse(
    execFileSync(bin, ['--arch', 'amd64', '--format', 'json', '--quiet', tree], {
      cwd: tree,
      encoding: 'utf8',
    }),
  ) as { stats: { files: number } };
  expect(report.stats.files).toBe(1);
});
